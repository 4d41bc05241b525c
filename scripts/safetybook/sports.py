"""Sports deals as announcements, how often they came before and after device bans, and what
partners report getting from them."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from scipy.stats import binomtest

from safetybook.load import interval_midpoint
from safetybook.style import PALETTE

STUDY_FROM, STUDY_TO = pd.Timestamp("2019-01-01"), pd.Timestamp("2025-12-31")


def deals(book) -> pd.DataFrame:
    """Sports announcements (one per deal) with the partner's name."""
    frame = book.announcements
    frame = frame[frame["theme"] == "sports"].copy()
    other = frame["counterpart"].where(frame["actor"].isin(["tiktok", "bytedance"]), frame["actor"])
    frame["partner"] = other.map(book.organisations["name"]).fillna("")
    return frame.reset_index(drop=True)


def national_device_bans(book) -> pd.Series:
    """First device ban binding a national government, by country: by the national executive or by
    a national law (a government-signed statute), not a parliament's ban on its own devices."""
    episodes = book.episodes
    org_type = episodes["actor"].map(book.organisations["type"])
    binding = (episodes["actor_level"] == "national_executive") | (
        (episodes["actor_level"] == "legislature") & (org_type == "government")
    )
    bans = episodes[
        (episodes["event_type"] == "device_ban")
        & binding
        & (episodes["area"] == episodes["jurisdiction"])
    ]
    return bans.groupby("area")["date"].min()


def before_after_bans(book, deal_frame: pd.DataFrame) -> pd.DataFrame:
    """Per ban country: deals before and after its first national device ban, and the years each
    side covers within the study period. A year- or month-dated deal counts at its interval's
    midpoint."""
    bans = national_device_bans(book)
    when = interval_midpoint(deal_frame)
    rows = []
    for area, ban in bans.items():
        here = when[(deal_frame["area"] == area) & when.between(STUDY_FROM, STUDY_TO)]
        rows.append(
            {
                "area": area,
                "ban_date": ban,
                "before": int((here < ban).sum()),
                "after": int((here >= ban).sum()),
                "years_before": (ban - STUDY_FROM).days / 365.25,
                "years_after": (STUDY_TO - ban).days / 365.25,
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
        ax.plot(rows["value"], [i] * len(rows), "o", color=PALETTE[i], alpha=0.75, markersize=8)
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
