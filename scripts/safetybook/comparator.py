"""TikTok among its peers: the comparator records and the plan's comparator test (analysis/PLAN.md,
section 5, Q2).

Two kinds of pressure: pressure aimed at TikTok alone (as in the primary test) and rules that bind
every large platform (laws and codes with obligations, dated by their application). For each event
and platform, R is the platform's own matched response steps in the 90 days after it. The statistic
is DD = D(TikTok-specific) - D(rules binding all), where D is the mean over events of
R(TikTok) - (R(Instagram) + R(YouTube)) / 2: positive when TikTok's own steps, relative to its
peers', came more often after pressure aimed at it than after rules binding everyone.
The null shifts clusters of each kind of pressure within its own kind; imputation and the
two-sided p are as in the primary test.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from safetybook import plan
from safetybook.eventstudy import to_days
from safetybook.response_test import (
    _impute,
    _intervals,
    cluster_labels,
    doubled_tail_p,
    match_matrix,
    shift_clusters,
    window_means,
)
from safetybook.responses import pressure_events, response_events

PLATFORMS = ("tiktok", "instagram", "youtube")
PLATFORM_NAMES = {"tiktok": "TikTok", "instagram": "Instagram", "youtube": "YouTube"}
# Measures on all platforms that are not rules binding platforms: shutdowns, bans of a class of apps on
# official devices, advice.
SHUTDOWN_TYPES = ("national_ban", "regional_ban", "device_ban", "advice")


def rules(book) -> pd.DataFrame:
    """Rules binding every large platform, on a matched concern: one row each, dated by its
    application (its first in_force step) where the record has one, else by its first step."""
    units = book.units
    found = units[
        (units["unit_kind"] == "episode")
        & (units["platform"] == "all_platforms")
        & ~units["event_type"].isin(SHUTDOWN_TYPES)
        & units["concern"].isin(plan.MATCHED_CONCERNS)
    ].copy()
    steps = book.steps
    in_force = steps[steps["step"] == "in_force"].sort_values("date").groupby("unit_id").first()
    for column in ("date_earliest", "date_latest"):
        found[column] = found["unit_id"].map(in_force[column]).fillna(found[column])
    found["applied"] = found["unit_id"].isin(in_force.index)
    found["matched"] = found["concern"].astype(str)
    found["key"] = list(zip(found["matched"], found["area"].astype(str), strict=True))
    return found.reset_index(drop=True)


def records(book) -> pd.DataFrame:
    """Units per platform by kind: government episodes and the platform's own initiatives."""
    units = book.units
    rows = []
    for platform in PLATFORMS:
        own = units[units["platform"] == platform]
        rows.append(
            {
                "platform": platform,
                "episodes": int((own["unit_kind"] == "episode").sum()),
                "initiatives": int(
                    (
                        (own["unit_kind"] == "announcement")
                        & own["initiative_lead"].isin(["tiktok", "platform"])
                    ).sum()
                ),
            }
        )
    return pd.DataFrame(rows)


def enough(book) -> bool:
    """The plan runs the comparator only if each comparator has 30 episodes and 30 initiatives
    on the matched concerns."""
    units = book.units
    for platform in plan.COMPARATOR_PLATFORMS:
        own = units[(units["platform"] == platform) & units["concern"].isin(plan.MATCHED_CONCERNS)]
        if (own["unit_kind"] == "episode").sum() < plan.COMPARATOR_MINIMUM:
            return False
        initiatives = (own["unit_kind"] == "announcement") & (own["initiative_lead"] == "platform")
        if initiatives.sum() < plan.COMPARATOR_MINIMUM:
            return False
    return True


def inputs(book) -> dict:
    """Both kinds of pressure and every platform's response steps, keyed against all places."""
    specific = pressure_events(book)
    binding = rules(book)
    both = pd.concat([specific, binding], ignore_index=True)
    steps = {p: response_events(book, both, platform=p) for p in PLATFORMS}
    return {"specific": specific, "rules": binding, "responses": steps}


def _d(pressure_days, response_days: dict, matches: dict, window: int) -> np.ndarray:
    after = {
        p: window_means(pressure_days, response_days[p], matches[p], window)[0] for p in PLATFORMS
    }
    return after["tiktok"] - (after["instagram"] + after["youtube"]) / 2


def test(
    data: dict,
    end,
    window: int = plan.PRIMARY_WINDOW,
    draws: int = plan.DRAWS,
    seed: int = plan.SEED,
    responses: dict | None = None,
) -> dict:
    """The comparator's difference in differences with its paired-imputation null."""
    responses = responses or data["responses"]
    start = plan.STUDY_START
    lo, hi = int(to_days([start])[0]) + window, int(to_days([end])[0]) - window
    rng = np.random.default_rng(seed)
    parts = {}
    for kind in ("specific", "rules"):
        frame = data[kind]
        first, width = _intervals(frame)
        keep = (first >= lo) & (first + width <= hi)
        frame, first, width = frame[keep], first[keep], width[keep]
        parts[kind] = (frame, first, width, cluster_labels(first, width, plan.CLUSTER_GAP))
    days_r = {}
    for p in PLATFORMS:
        first_r, width_r = _intervals(responses[p])
        days_r[p] = _impute(rng, first_r, width_r, draws)
    observed, shifted = {}, {}
    for kind, (frame, first, width, labels) in parts.items():
        matches = {
            p: match_matrix(list(frame["key"]), list(responses[p]["keys"])) for p in PLATFORMS
        }
        days = _impute(rng, first, width, draws)
        moved = shift_clusters(rng, days, labels, lo, hi, plan.MAX_SHIFT)
        observed[kind] = _d(days, days_r, matches, window)
        shifted[kind] = _d(moved, days_r, matches, window)
    t = observed["specific"] - observed["rules"]
    s = shifted["specific"] - shifted["rules"]
    return {
        "n_specific": len(parts["specific"][0]),
        "n_rules": len(parts["rules"][0]),
        "d_specific": float(observed["specific"].mean()),
        "d_rules": float(observed["rules"].mean()),
        "dd": float(t.mean()),
        "null_mean": float(s.mean()),
        "null_low": float(np.percentile(s, 2.5)),
        "null_high": float(np.percentile(s, 97.5)),
        "p_value": doubled_tail_p(t, s),
        "excess_low": float(np.quantile(t - s, plan.LEVEL / 2)),
        "excess_high": float(np.quantile(t - s, 1 - plan.LEVEL / 2)),
    }


def verdict(result: dict, level: float = plan.LEVEL) -> str:
    """The plan's reading rule for the comparator: three possible answers."""
    if result["p_value"] < level:
        way = "more" if result["dd"] > result["null_mean"] else "less"
        return (
            f"relative to Instagram and YouTube, TikTok's own steps came {way} often after pressure "
            "aimed at TikTok alone than after rules binding every platform"
        )
    return (
        "no difference is detected between TikTok's steps, relative to Instagram's and YouTube's, "
        "after pressure aimed at TikTok alone and after rules binding every platform"
    )


def around_rules(book, window: int = plan.PRIMARY_WINDOW) -> pd.DataFrame:
    """For each rule binding all platforms, each platform's own matched steps in the 90 days
    before and after its application date (interval midpoints)."""
    data = inputs(book)
    table = []
    for rule in data["rules"].itertuples():
        day = rule.date_earliest + (rule.date_latest - rule.date_earliest) / 2
        row = {"unit_id": rule.unit_id, "date": day, "description": rule.description}
        for p in PLATFORMS:
            steps = data["responses"][p]
            hits = steps[[rule.key in k for k in steps["keys"]]]
            mid = hits["date_earliest"] + (hits["date_latest"] - hits["date_earliest"]) / 2
            delta = (mid - day).dt.days
            row[f"{p}_before"] = int(((delta >= -window) & (delta < 0)).sum())
            row[f"{p}_after"] = int(((delta > 0) & (delta <= window)).sum())
        table.append(row)
    return pd.DataFrame(table)


def size(
    data: dict,
    end,
    simulations: int = plan.SIZE_SIMULATIONS,
    draws: int = plan.SIZE_DRAWS,
    seed: int = plan.SEED,
) -> np.ndarray:
    """p-values of the comparator test on records where the null holds by construction: every
    platform's response starts drawn uniformly over the study period (plan, section 5, Q2)."""
    from safetybook.responses import _start_days

    rng = np.random.default_rng(seed)
    out = []
    for _ in range(simulations):
        fake = {p: _start_days(rng, data["responses"][p], plan.STUDY_START, end) for p in PLATFORMS}
        result = test(data, end, draws=draws, seed=int(rng.integers(1 << 31)), responses=fake)
        out.append(result["p_value"])
    return np.array(out)


def power(
    data: dict,
    end,
    ks=plan.POWER_WAVE_K,
    replications: int = plan.POWER_REPLICATIONS,
    draws: int = plan.POWER_DRAWS,
    seed: int = plan.SEED,
    null_p: np.ndarray | None = None,
) -> dict[int, float]:
    """Share of runs that reject when k TikTok steps, matching every place on the wave's concern,
    are added within 90 days after the largest cluster of TikTok-specific pressure."""
    from safetybook.responses import _with_added, cluster_sizes, rejects

    specific = data["specific"]
    wave = cluster_sizes(specific).iloc[0]
    lo = int(to_days([wave["first"]])[0])
    hi = int(to_days([wave["last"]])[0]) + plan.PRIMARY_WINDOW
    places = set(specific["area"].astype(str)) | set(data["rules"]["area"].astype(str))
    keys = frozenset(("data_security_foreign_control", place) for place in places)
    rng = np.random.default_rng(seed)
    result = {}
    for k in ks:
        rejected = 0
        for _ in range(replications):
            days = pd.to_datetime(rng.integers(lo, hi + 1, size=k), unit="D")
            fake = dict(data["responses"])
            fake["tiktok"] = _with_added(data["responses"]["tiktok"], days, [keys] * k)
            outcome = test(data, end, draws=draws, seed=int(rng.integers(1 << 31)), responses=fake)
            rejected += rejects(outcome["p_value"], null_p)
        result[k] = rejected / replications
    return result


def mean_after(data: dict, kind: str, platform: str, window: int = plan.PRIMARY_WINDOW) -> float:
    """A platform's own matched steps per event of one kind of pressure in the `window` days after
    it (interval midpoints), for the descriptive chart beside the test."""
    frame = data[kind]
    steps = data["responses"][platform]
    day = frame["date_earliest"] + (frame["date_latest"] - frame["date_earliest"]) / 2
    mid = steps["date_earliest"] + (steps["date_latest"] - steps["date_earliest"]) / 2
    counts = []
    for key, when in zip(frame["key"], day, strict=True):
        delta = (mid - when).dt.days
        counts.append(
            int((steps["keys"].map(lambda k, key=key: key in k) & delta.between(1, window)).sum())
        )
    return float(np.mean(counts)) if counts else float("nan")
