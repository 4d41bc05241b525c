"""Sports deals as announcements, how often they came before and after device bans, and what
partners report getting from them."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from scipy.stats import binomtest

from safetybook import plan
from safetybook.load import interval_midpoint
from safetybook.style import PALETTE, translucent

STUDY_FROM = plan.STUDY_START


def deals(book) -> pd.DataFrame:
    """Sports announcements (one per deal) with the partner's name."""
    frame = book.announcements
    frame = frame[frame["theme"] == "sports"].copy()
    other = frame["counterpart"].where(frame["actor"].isin(["tiktok", "bytedance"]), frame["actor"])
    frame["partner"] = other.map(book.organisations["name"]).fillna("")
    return frame.reset_index(drop=True)


def national_device_bans(book) -> pd.Series:
    """First government-wide ban of TikTok on official devices by a national executive or a
    national law, by country (the plan's Q5): one office's, ministry's or armed service's ban and a
    parliament's ban on its own devices do not count."""
    episodes = book.episodes
    org_type = episodes["actor"].map(book.organisations["type"])
    binding = (episodes["actor_level"] == "national_executive") | (
        (episodes["actor_level"] == "legislature") & (org_type == "government")
    )
    bans = episodes[
        (episodes["event_type"] == "device_ban")
        & (episodes["platform"] == "tiktok")
        & (episodes["reach"] == "government_wide")
        & binding
        & (episodes["area"] == episodes["jurisdiction"])
    ]
    return bans.groupby("area")["date"].min()


def before_after_bans(book, deal_frame: pd.DataFrame, study_to: pd.Timestamp) -> pd.DataFrame:
    """Per ban country: deals before and after its first national device ban, and the years each
    side covers within the study period. A year- or month-dated deal counts at its interval's
    midpoint."""
    bans = national_device_bans(book)
    when = interval_midpoint(deal_frame)
    rows = []
    for area, ban in bans.items():
        here = when[(deal_frame["area"] == area) & when.between(STUDY_FROM, study_to)]
        rows.append(
            {
                "area": area,
                "ban_date": ban,
                "before": int((here < ban).sum()),
                "after": int((here >= ban).sum()),
                "years_before": (ban - STUDY_FROM).days / 365.25,
                "years_after": (study_to - ban).days / 365.25,
            }
        )
    return pd.DataFrame(rows).sort_values("ban_date").reset_index(drop=True)


def rate_verdict(before: int, years_before: float, after: int, years_after: float) -> str:
    """Words for two rates, chosen by a two-sided exact test: under equal rates, deals split between
    the two sides in proportion to their years (a binomial). p < 0.05 names a direction."""
    total = before + after
    if total == 0:
        return "no deals on either side, so nothing to compare"
    p = binomtest(after, total, years_after / (years_before + years_after)).pvalue
    if p >= 0.05:
        return f"the two rates are not distinguishable (two-sided exact test, p = {p:.2f})"
    direction = "more often" if after / years_after > before / years_before else "less often"
    return f"deals came {direction} after the bans (two-sided exact test, p = {p:.2f})"


def country_years(book, deal_frame: pd.DataFrame, study_to: pd.Timestamp) -> pd.DataFrame:
    """The plan's Q5 panel: one row per country with at least one national deal and calendar year,
    with its deals (at interval midpoints) and whether a government-wide device ban was in force for
    the year (a ban year counts as after when the ban came before 1 July)."""
    bans = national_device_bans(book)
    when = interval_midpoint(deal_frame)
    national = deal_frame["area"].astype(str).str.fullmatch("[A-Z]{2}") & when.between(
        STUDY_FROM, study_to
    )
    frame = pd.DataFrame(
        {"area": deal_frame.loc[national, "area"].astype(str), "year": when[national].dt.year}
    )
    years = range(STUDY_FROM.year, study_to.year + 1)
    rows = []
    for area in sorted(frame["area"].unique()):
        ban = bans.get(area)
        for year in years:
            after = ban is not None and (ban.year < year or (ban.year == year and ban.month < 7))
            rows.append(
                {
                    "area": area,
                    "year": year,
                    "deals": int(((frame["area"] == area) & (frame["year"] == year)).sum()),
                    "after_ban": int(after),
                    "ban_country": int(ban is not None),
                }
            )
    return pd.DataFrame(rows)


def ban_model(panel: pd.DataFrame) -> dict:
    """Poisson regression of deals per country-year on the after-ban indicator with country and
    year fixed effects (the year effects absorb the secular rise in deals): the rate ratio with its
    95% interval, and the raw rates before and after in ban countries with exact Poisson intervals.
    Fitted only if ban countries have deals on both sides."""
    import numpy as np
    import statsmodels.api as sm
    import statsmodels.formula.api as smf
    from scipy.stats import chi2

    def exact(count: int, years: float) -> tuple[float, float]:
        low = chi2.ppf(0.025, 2 * count) / 2 if count else 0.0
        high = chi2.ppf(0.975, 2 * (count + 1)) / 2
        return low / years, high / years

    treated = panel[panel["ban_country"] == 1]
    before = treated[treated["after_ban"] == 0]
    after = treated[treated["after_ban"] == 1]
    result = {
        "countries": int(panel["area"].nunique()),
        "ban_countries": int(treated["area"].nunique()),
        "deals_before": int(before["deals"].sum()),
        "deals_after": int(after["deals"].sum()),
        "years_before": len(before),
        "years_after": len(after),
    }
    result["rate_before"] = result["deals_before"] / max(result["years_before"], 1)
    result["rate_after"] = result["deals_after"] / max(result["years_after"], 1)
    result["rate_before_ci"] = exact(result["deals_before"], max(result["years_before"], 1))
    result["rate_after_ci"] = exact(result["deals_after"], max(result["years_after"], 1))
    if not (result["deals_before"] and result["deals_after"]):
        result.update(
            rate_ratio=float("nan"), low=float("nan"), high=float("nan"), p_value=float("nan")
        )
        return result
    model = smf.glm(
        "deals ~ after_ban + C(area) + C(year)", data=panel, family=sm.families.Poisson()
    )
    fitted = model.fit(cov_type="cluster", cov_kwds={"groups": pd.factorize(panel["area"])[0]})
    low, high = fitted.conf_int().loc["after_ban"]
    result.update(
        rate_ratio=float(np.exp(fitted.params["after_ban"])),
        low=float(np.exp(low)),
        high=float(np.exp(high)),
        p_value=float(fitted.pvalues["after_ban"]),
    )
    return result


def ban_words(result: dict) -> str:
    """The plan's reading rule for Q5: an interval that excludes 1 names its direction."""
    if result["rate_ratio"] != result["rate_ratio"]:
        return "the data cannot tell whether the rate changed (too few deals on one side)"
    if result["low"] > 1:
        return "deals came more often after the bans than the trend gives"
    if result["high"] < 1:
        return "deals came less often after the bans than the trend gives"
    return "the data cannot tell whether the rate changed"


REACH_KINDS = ["Followers", "Views", "Posts and creations"]
"""What partners report getting, from the metric's name (anything else is "Other")."""


def reach_kind(metric: str) -> str:
    """A reach metric's kind: followers, views, posts and creations, or other."""
    if "followers" in metric:
        return "Followers"
    if "view" in metric:
        return "Views"
    if "post" in metric or "creation" in metric or "clips" in metric:
        return "Posts and creations"
    return "Other"


def partner_reach(book, deal_frame: pd.DataFrame) -> pd.DataFrame:
    """The sports deals' reported reach figures of a known kind, with the deal's unit and partner,
    smallest first."""
    measures = book.measures
    measures = measures.assign(
        unit_id=measures["event_id"].map(book.reports.set_index("event_id")["unit_id"])
    )
    reach = measures[
        (measures["theme"] == "sports") & measures["unit_id"].isin(deal_frame["unit_id"])
    ].copy()
    reach["kind"] = reach["metric"].astype(str).map(reach_kind)
    reach = reach[reach["kind"] != "Other"].sort_values("value")
    reach["partner"] = reach["unit_id"].map(deal_frame.set_index("unit_id")["partner"])
    return reach


def reach_chart(reach: pd.DataFrame):
    """One row of dots per kind of reach figure, on a log scale; returns the figure and its data."""
    fig, ax = plt.subplots(figsize=(6.0, 5.2))
    for i, kind in enumerate(REACH_KINDS):
        rows = reach[reach["kind"] == kind]
        ax.plot(
            rows["value"],
            [i] * len(rows),
            "o",
            markerfacecolor=translucent(PALETTE[i], 0.75),
            markeredgecolor=PALETTE[i],
            markersize=8,
        )
    ax.set_yticks(range(len(REACH_KINDS)), REACH_KINDS)
    ax.set_xscale("log")
    ax.set_ylim(-0.6, len(REACH_KINDS) - 0.4)
    ax.invert_yaxis()
    ax.set_xlabel("Reported figure (log scale)")
    ax.set_title("Partners report attention: followers and views")
    ax.grid(axis="y", visible=False)
    columns = ["measure_id", "unit_id", "partner", "metric", "kind", "value", "measured_in"]
    return fig, reach[columns]


def priced(measures: pd.DataFrame) -> int:
    """Sports measures in money (a currency code in measured_in)."""
    money = measures["measured_in"].astype(str).str.fullmatch("[A-Z]{3}")
    return int(((measures["theme"] == "sports") & money).sum())
