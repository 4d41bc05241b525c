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


def only_one(table: pd.DataFrame, platform: str = "TikTok") -> list[str]:
    """The concerns (rows of a `by_concern` table) on which only one platform's record holds
    units."""
    others = table.drop(columns=[platform])
    return [c for c in table.index if table.at[c, platform] > 0 and (others.loc[c] == 0).all()]


def concerns_words(table: pd.DataFrame, platform: str = "TikTok") -> str:
    """A sentence on the concerns only one platform faced and those every platform faced, from
    the table (rows concerns, columns platforms)."""
    alone = only_one(table, platform)
    shared = [c for c in table.index if (table.loc[c] > 0).all()]
    parts = []
    if alone:
        parts.append(
            f"only {platform}'s record holds government episodes on "
            + " and ".join(c.lower() for c in alone)
        )
    if shared:
        parts.append(
            "every platform's record holds some on " + ", ".join(c.lower() for c in shared)
        )
    if not parts:
        return "no concern is held by one platform's record alone or by every platform's"
    return "; ".join(parts)


def largest_fine(fines: pd.DataFrame, platform: str, currency: str = "EUR") -> str:
    """A platform's largest fine in one currency (amounts in different currencies are never
    compared or converted), with its authority and year."""
    own = fines[(fines["platform"] == platform) & (fines["currency"] == currency)]
    own = own[own["value"].notna()]
    if own.empty:
        return f"none in {currency} with a recorded amount"
    top = own.sort_values("value", ascending=False).iloc[0]
    where = labels.place(str(top["jurisdiction"])).split(" (")[0]
    return f"{currency} {top['value']:,.0f} ({top['authority']}, {where}, {top['date']:%Y})"


def per_year_chart(table: pd.DataFrame, record: str, title: str):
    """Units of one record per year, one line per platform; returns the figure and its data."""
    import matplotlib.pyplot as plt

    from safetybook.style import PALETTE

    part = table.loc[record]
    fig, ax = plt.subplots()
    for colour, platform in zip(PALETTE, PLATFORMS, strict=False):
        values = part.loc[platform] if platform in part.index else pd.Series(0, index=part.columns)
        ax.plot(part.columns, values, "o-", color=colour, label=NAMES[platform])
    ax.set_xticks(list(part.columns), [str(y) for y in part.columns])
    ax.set_ylabel(f"{record} per year")
    ax.set_title(title)
    ax.legend(loc="upper left")
    data = part.reindex(list(PLATFORMS), fill_value=0).rename(index=NAMES)
    data = data.reset_index().melt(id_vars="platform", var_name="year", value_name="units")
    return fig, data


def concern_chart(table: pd.DataFrame, title: str, label: str):
    """Units by concern (rows) and platform (columns), as grouped horizontal bars; returns the
    figure and its data."""
    import matplotlib.pyplot as plt
    import numpy as np

    from safetybook import figures
    from safetybook.style import PALETTE

    fig, ax = plt.subplots(figsize=(6.0, 4.6))
    height = 0.8 / len(table.columns)
    for j, (colour, platform) in enumerate(zip(PALETTE, table.columns, strict=False)):
        y = np.arange(len(table)) + (j - (len(table.columns) - 1) / 2) * height
        ax.barh(y, table[platform], height=height, color=colour, label=platform)
    ax.set_yticks(range(len(table)), figures.wrapped(table.index))
    ax.invert_yaxis()
    ax.set_xlabel(label)
    ax.set_title(title)
    ax.grid(axis="y", visible=False)
    figures.legend_below(ax)
    data = table.reset_index(names="concern").melt(
        id_vars="concern", var_name="platform", value_name="units"
    )
    return fig, data


def _listed(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
