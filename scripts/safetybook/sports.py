"""Sports deals as announcements, and how often they came before and after device bans."""

from __future__ import annotations

import pandas as pd
from scipy.stats import binomtest

from safetybook.load import interval_midpoint

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
