"""The synthesis chapter's primary analysis, declared before any result.

Question: does TikTok-led safety work follow government pressure on the same concern, and, where
the initiative is national, in the same country?

- Actions: government episodes (first steps; never relief) whose concern is one of MATCH's keys.
- Initiatives: TikTok-led announcements addressing the matching concern. A national initiative
  matches actions in its own country; a global one matches every action of its concern; an EU-wide
  one matches actions in Europe.
- Statistic: matched initiatives per action in the PRIMARY_WINDOW days after it (the response),
  with the days before (the anticipation) estimated separately.
- Test: two-sided, against shifting clusters of actions within their era (see eventstudy), with
  imprecise dates drawn within their intervals. Study period: STUDY_START to STUDY_END.
- Reading: p < 0.05 names a direction; otherwise no difference is detected, and the power
  analysis says which effects the design could have seen.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

from safetybook.eventstudy import Result, event_study
from safetybook.load import interval_midpoint

MATCH = {
    "child_protection": "child_protection",
    "data_security_foreign_control": "data_security_foreign_control",
    "content_public_order": "content_public_order",
}
PRIMARY_WINDOW = 90
OTHER_WINDOWS = (30, 60, 180)
STUDY_START, STUDY_END = pd.Timestamp("2019-01-01"), pd.Timestamp("2025-12-31")
LEVEL = 0.05


def actions(book) -> pd.DataFrame:
    """Pressure episodes on a matched concern, one row each, with their group key."""
    episodes = book.episodes
    frame = episodes[episodes["concern"].isin(list(MATCH))].copy()
    frame["key"] = list(zip(frame["concern"].astype(str), frame["area"].astype(str), strict=True))
    return frame.reset_index(drop=True)


def initiatives(book, action_frame: pd.DataFrame) -> pd.DataFrame:
    """TikTok-led announcements on a matched concern, each with the action keys it matches."""
    frame = book.announcements
    frame = frame[
        (frame["initiative_lead"] == "tiktok") & frame["concern"].isin(MATCH.values())
    ].copy()
    europe = set(action_frame.loc[action_frame["region"] == "Europe", "area"]) | {"EU"}
    areas = set(action_frame["area"])

    def keys(row) -> set:
        concern = str(row.concern)
        if row.area == "INT":
            return {(c, a) for c, a in product_keys(concern, areas)}
        if row.area == "EU":
            return {(concern, a) for a in europe}
        return {(concern, str(row.area))}

    frame["keys"] = [keys(r) for r in frame.itertuples()]
    return frame.reset_index(drop=True)


def product_keys(concern: str, areas: set) -> list[tuple[str, str]]:
    return [
        (action_concern, a) for action_concern, c in MATCH.items() if c == concern for a in areas
    ]


def run(action_frame, initiative_frame, window: int = PRIMARY_WINDOW, **options) -> Result:
    """The event study on matched units, with each date drawn within its interval."""
    return event_study(
        action_frame["date_earliest"],
        initiative_frame["date_earliest"],
        window,
        STUDY_START,
        STUDY_END,
        action_latest=action_frame["date_latest"],
        initiative_latest=initiative_frame["date_latest"],
        action_groups=list(action_frame["key"]),
        initiative_groups=list(initiative_frame["keys"]),
        **options,
    )


def verdict(result: Result, level: float = LEVEL) -> str:
    """The reading rule declared before the result: it can produce each of its three answers."""
    if result.p_value < level:
        way = "more" if result.observed > result.null_mean else "less"
        return (
            f"TikTok-led initiatives on the same concern came {way} often in the "
            f"{result.window} days after government pressure than shifted timing gives"
        )
    return (
        "no difference is detected between the initiatives that followed government pressure "
        "on the same concern and what shifted timing gives"
    )


def power(
    action_frame,
    initiative_frame,
    extra: float,
    replications: int,
    draws: int,
    seed: int = 0,
    window: int = PRIMARY_WINDOW,
) -> float:
    """Share of runs that reject when, on the real dates, each action gets `extra` matched
    initiatives on average (Poisson) at random days within the window after it. Dates are taken at
    their interval's midpoint here, which keeps the simulation fast."""
    rng = np.random.default_rng(seed)
    mid_a = (
        action_frame["date_earliest"]
        + (action_frame["date_latest"] - action_frame["date_earliest"]) / 2
    )
    mid_i = (
        initiative_frame["date_earliest"]
        + (initiative_frame["date_latest"] - initiative_frame["date_earliest"]) / 2
    )
    rejected = 0
    for _ in range(replications):
        added_dates, added_keys = [], []
        for when, key in zip(mid_a, action_frame["key"], strict=True):
            for _ in range(rng.poisson(extra)):
                added_dates.append(when + pd.Timedelta(days=int(rng.integers(1, window + 1))))
                added_keys.append({key})
        dates = pd.concat(
            [mid_i, pd.Series(added_dates, dtype="datetime64[ns]")], ignore_index=True
        )
        keys = list(initiative_frame["keys"]) + added_keys
        result = event_study(
            mid_a,
            dates,
            window,
            STUDY_START,
            STUDY_END,
            draws=draws,
            seed=int(rng.integers(1 << 31)),
            action_groups=list(action_frame["key"]),
            initiative_groups=keys,
        )
        rejected += result.p_value < LEVEL
    return rejected / replications


def weekly_counts(action_frame, initiative_frame, weeks: int = 13) -> pd.DataFrame:
    """Weekly counts over the study period: matched initiatives, pressure episodes in the weeks
    just before (lags, for a response) and just after (leads, for anticipation). Imprecise dates
    count at their interval's midpoint."""

    def week_index(frame) -> pd.Series:
        mid = interval_midpoint(frame)
        inside = mid.between(STUDY_START, STUDY_END)
        return ((mid[inside] - STUDY_START).dt.days // 7).astype(int)

    n = (STUDY_END - STUDY_START).days // 7 + 1
    initiatives_per_week = np.bincount(week_index(initiative_frame), minlength=n)[:n]
    episodes_per_week = np.bincount(week_index(action_frame), minlength=n)[:n].astype(float)
    padded = np.concatenate([np.zeros(weeks), episodes_per_week, np.zeros(weeks)])
    lags = np.array([padded[t : t + weeks].sum() for t in range(n)])  # weeks t-13 .. t-1
    leads = np.array([padded[t + weeks + 1 : t + 2 * weeks + 1].sum() for t in range(n)])
    return pd.DataFrame(
        {
            "week": np.arange(n),
            "initiatives": initiatives_per_week,
            "episodes_before": lags,
            "episodes_after": leads,
        }
    )


def count_model(weekly: pd.DataFrame, maxlags: int = 13):
    """Poisson regression of weekly matched initiatives on the episodes of the previous and the next
    13 weeks, with a flexible time trend (a B-spline of 6 degrees of freedom) and standard errors
    robust to autocorrelation (Newey-West, 13 lags). Returns the fitted results."""

    model = smf.glm(
        "initiatives ~ episodes_before + episodes_after + bs(week, df=6)",
        data=weekly,
        family=sm.families.Poisson(),
    )
    return model.fit(cov_type="HAC", cov_kwds={"maxlags": maxlags})


def agreement_words(
    primary: Result, model_p: float, model_coefficient: float, level: float = LEVEL
) -> str:
    """Whether the count model and the permutation test say the same, by one rule with three
    answers: both detect a response in the same direction, neither detects one, or they differ."""
    test_detects = primary.p_value < level
    model_detects = model_p < level
    if test_detects and model_detects:
        same = (primary.observed > primary.null_mean) == (model_coefficient > 0)
        return (
            "The two methods agree: both detect a response in the same direction."
            if same
            else "The two methods disagree on the direction of the response."
        )
    if not test_detects and not model_detects:
        return "The two methods agree: neither detects a response."
    which = "the permutation test" if test_detects else "the count model"
    return f"The two methods disagree: only {which} detects a response."


POWER_EFFECTS = (0.05, 0.1, 0.15, 0.2, 0.3)


def power_curve(
    action_frame, initiative_frame, replications: int = 60, draws: int = 99, seed: int = 7
) -> dict[float, float]:
    """Power of the primary test for each added response in POWER_EFFECTS (extra matched
    initiatives per episode)."""
    return {
        e: power(action_frame, initiative_frame, e, replications, draws, seed=seed)
        for e in POWER_EFFECTS
    }


def minimum_detectable(curve: dict[float, float], target: float = 0.8) -> float | None:
    """The smallest added response detected in at least `target` of runs, if any."""
    detected = [e for e, p in curve.items() if p >= target]
    return min(detected) if detected else None
