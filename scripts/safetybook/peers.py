"""TikTok among its peers: the three platforms' records side by side, on the concerns the
comparator records were collected for (descriptive; the comparator test is in `comparator`)."""

from __future__ import annotations

import pandas as pd

from safetybook import basis, government, labels, plan

PLATFORMS = ("tiktok", "instagram", "youtube")
NAMES = {p: labels.PLATFORM[p] for p in PLATFORMS}
# The comparator records cover the synthesis's matched concerns, data protection and bullying.
PEER_CONCERNS = (*plan.MATCHED_CONCERNS, "data_protection", "bullying_harassment")
# Steps that impose a fine (a court's later ruling on a fine is typed fine but imposes none).
IMPOSING_STEPS = ("announced", "adopted", "concluded")


def records(book) -> pd.DataFrame:
    """Each platform's own units on the peer concerns: government episodes aimed at it and the
    initiatives it led (rules binding every platform are kept apart, as in the plan)."""
    units = book.units
    own = units[units["platform"].isin(PLATFORMS) & units["concern"].isin(PEER_CONCERNS)]
    episodes = own["unit_kind"] == "episode"
    initiatives = (own["unit_kind"] == "announcement") & own["initiative_lead"].isin(
        ["tiktok", "platform"]
    )
    found = own[episodes | initiatives].copy()
    found["record"] = found["unit_kind"].map(
        {"episode": "Government episodes", "announcement": "Own initiatives"}
    )
    found["basis"] = found["unit_id"].map(basis.unit_bases(book)).astype(str)
    return found


def counts(book) -> pd.DataFrame:
    """Per platform: episodes and initiatives on the peer concerns, and the share of each that is
    official or corroborated."""
    found = records(book)
    rows = []
    for platform in PLATFORMS:
        own = found[found["platform"] == platform]
        row = {"Platform": NAMES[platform]}
        for record in ("Government episodes", "Own initiatives"):
            part = own[own["record"] == record]
            row[record] = len(part)
            row[f"{record}: official or corroborated (%)"] = (
                100.0 * (part["basis"] != "single").mean() if len(part) else float("nan")
            )
        rows.append(row)
    return pd.DataFrame(rows)


def by_concern(book, record: str = "Government episodes") -> pd.DataFrame:
    """Units of one record by concern (rows, in words) and platform (columns)."""
    found = records(book)
    found = found[found["record"] == record]
    table = pd.crosstab(found["concern"], found["platform"]).reindex(
        index=list(PEER_CONCERNS), columns=list(PLATFORMS), fill_value=0
    )
    table.index = [labels.CONCERN[c] for c in table.index]
    table.columns = [NAMES[p] for p in table.columns]
    return table


def per_year(book, last_year: int) -> pd.DataFrame:
    """Units per year, record and platform, 2019 to the collection year."""
    found = records(book)
    found = found[found["date"].dt.year.between(2019, last_year)]
    table = (
        found.groupby(["record", "platform", found["date"].dt.year.rename("year")])
        .size()
        .unstack("year")
        .reindex(columns=range(2019, last_year + 1), fill_value=0)
        .fillna(0)
        .astype(int)
    )
    return table


def fines_by_platform(book) -> pd.DataFrame:
    """Every fine imposed on the three platforms' own records (not a court's later ruling on it),
    with its authority and amount as reported, in the fine's own currency (never converted)."""
    fines = government.fines(book)
    platform = book.units.set_index("unit_id")["platform"]
    step = book.steps.set_index("event_id")["step"]
    fines = fines.assign(platform=fines["unit_id"].map(platform), step=fines["fine_id"].map(step))
    fines = fines[fines["platform"].isin(PLATFORMS) & fines["step"].isin(IMPOSING_STEPS)]
    return fines.sort_values(["platform", "date"]).reset_index(drop=True)
