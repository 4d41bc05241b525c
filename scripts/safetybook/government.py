"""Government episodes: the restrictions, fines and reliefs the government chapter counts."""

from __future__ import annotations

import pandas as pd

RESTRICTIONS = ("device_ban", "national_ban", "regional_ban", "divest_or_ban")
KINDS = {
    "device_ban": "Official devices",
    "national_ban": "Whole country",
    "regional_ban": "A territory or state",
    "divest_or_ban": "Sell or be banned",
}
"""The restrictions as the government chapter's figures name them."""
CONCERN_ORDER = (
    "data_security_foreign_control",
    "content_public_order",
    "child_protection",
    "consumer_protection",
    "data_protection",
    "other",
)
"""The concerns in the order the reasons chart stacks them."""


def restrictions(episodes: pd.DataFrame) -> pd.DataFrame:
    """Episodes that restrict TikTok itself: device bans, blocks and sell-or-ban measures."""
    return episodes[episodes["event_type"].isin(RESTRICTIONS)]


def restrictions_chart(restrictions: pd.DataFrame, title: str):
    """How many restrictions of each kind had been announced by each date, one step line per kind;
    returns the figure and its data: each restriction (unit, date, its kind in words and as a code,
    area), with the count its line reaches at it (`cumulative`) and its legend entry (`series`)."""
    from safetybook import figures

    named = restrictions.assign(
        restriction=restrictions["event_type"].astype(str).map(KINDS),
        event_type=restrictions["event_type"].astype(str),
    )
    columns = ["unit_id", "date", "date_precision", "restriction", "event_type", "area"]
    return figures.cumulative(
        named[columns],
        "restriction",
        title,
        "Restrictions announced so far",
        groups=list(KINDS.values()),
    )


def reasons_by_region(episodes: pd.DataFrame) -> pd.DataFrame:
    """Episodes per region (rows, fewest first) and concern (columns, as codes, in CONCERN_ORDER)."""
    table = episodes.assign(concern=episodes["concern"].astype(str))
    table = table.groupby(["region", "concern"]).size().unstack("concern", fill_value=0)
    table = table.reindex(columns=[c for c in CONCERN_ORDER if c in table], fill_value=0)
    return table.loc[table.sum(axis=1).sort_values().index]


def reasons_chart(table: pd.DataFrame, title: str):
    """Episodes per region, stacked by concern; returns the figure and its data (region, concern as
    the legend names it, its code, episodes)."""
    from safetybook import figures, labels

    shown = table.rename(columns=labels.CONCERN).rename_axis(index="region", columns="concern")
    fig, data = figures.stacked_bars(
        shown, title, "Government episodes", "episodes", horizontal=True
    )
    codes = {labels.CONCERN[c]: c for c in table.columns}
    data.insert(2, "concern_code", data["concern"].map(codes))
    return fig, data


def block_durations(episodes: pd.DataFrame, steps: pd.DataFrame) -> pd.DataFrame:
    """Each nationwide or regional block that took effect, with the day it was lifted if known.

    A block ends on its first lifting step (each with its own source). Blocks that a court stopped
    before they took effect (an enjoined step) are left out.
    """
    enjoined = set(steps.loc[steps["step"] == "enjoined", "unit_id"])
    blocks = episodes[
        episodes["event_type"].isin(["national_ban", "regional_ban"])
        & ~episodes["unit_id"].isin(enjoined)
    ]
    lifted = steps[steps["step"] == "lifted"].groupby("unit_id")["date"].min()
    end = blocks["unit_id"].map(lifted)
    return blocks.assign(end=end, days=(end - blocks["date"]).dt.days)


# The steps that impose a fine (a first report, a later order, the decision that closes an
# investigation); upheld, enjoined, implemented (paid) and the like follow one.
FINE_IMPOSING_STEPS = ("announced", "adopted", "concluded")


def fines(book) -> pd.DataFrame:
    """One row per fine: the step that imposed it, its authority, and every amount reported for it.

    A fine is a counted step of type fine that imposed one (`FINE_IMPOSING_STEPS`: its first report,
    the decision that concluded an investigation, or a second fine of the same episode); an
    appeal's ruling, a stay or a payment of that fine is a later step of it, not another fine.
    The step and its corroborating rows may carry amounts. When sources disagree on the amount,
    every amount is kept in `amounts`; a fine with no sourced amount has none. `source_ids` lists
    the sources of the step and of its amounts, official ones first, so a table that cites one
    cites the authority's own page.
    """
    from safetybook.load import OFFICIAL_KINDS

    steps = book.steps[
        (book.steps["event_type"] == "fine") & book.steps["step"].isin(FINE_IMPOSING_STEPS)
    ]
    reports = book.reports
    report_of = reports["same_event_as"].fillna(reports["event_id"])
    kind_of = dict(zip(reports["source_id"], reports["source_kind"].astype(str), strict=True))
    kind_of |= dict(
        zip(book.measures["source_id"], book.measures["source_kind"].astype(str), strict=True)
    )
    amounts = book.measures[book.measures["metric"] == "fine_amount"].copy()
    amounts["fine_id"] = amounts["event_id"].map(
        pd.Series(report_of.values, index=reports["event_id"])
    )
    rows = []
    for step in steps.itertuples():
        group = amounts[amounts["fine_id"] == step.event_id]
        own = (report_of == step.event_id).to_numpy()
        values = sorted(set(group["value"]))
        rows.append(
            {
                "fine_id": step.event_id,
                "unit_id": step.unit_id,
                "date": step.date,
                "authority": book.name(step.actor),
                "actor": step.actor,
                "jurisdiction": step.jurisdiction,
                "concern": step.concern,
                "currency": group["measured_in"].iloc[0] if len(group) else "",
                "value": max(values) if values else float("nan"),
                "amounts": " or ".join(f"{v:,.0f}" for v in values) if values else "not recorded",
                "disputed": len(values) > 1,
                "source_ids": " ".join(
                    sorted(
                        set(group["source_id"]) | set(reports.loc[own, "source_id"]),
                        key=lambda s: (kind_of[s] not in OFFICIAL_KINDS, s),
                    )
                ),
            }
        )
    return pd.DataFrame(rows).sort_values("date").reset_index(drop=True)


LABEL_WIDTH = 24  # characters per line of a fines chart's row label


def fines_chart(fines: pd.DataFrame):
    """One panel per currency (amounts are never converted), each on its own logarithmic scale; one
    row per fine, labelled with its authority and month; a fine whose sources disagree shows every
    reported amount, joined by a line. Returns the figure and its data: one row per amount drawn
    (the fine, its date and authority, its `label` on the chart, `currency` and `amount`, whether
    its sources disagree, and its concern in words and as a code), panel by panel, bottom row
    first."""
    import textwrap

    import matplotlib.pyplot as plt
    from matplotlib.ticker import NullLocator

    from safetybook import labels as vocabulary
    from safetybook.style import PALETTE

    rows = fines[fines["amounts"] != "not recorded"].copy()
    rows["amount_list"] = [
        [float(a.replace(",", "")) for a in x.split(" or ")] for x in rows["amounts"]
    ]
    actors = rows["actor"] if "actor" in rows else pd.Series("", index=rows.index)
    rows["label"] = [
        f"{vocabulary.AUTHORITY_SHORT.get(o) or _short(a)}, {d:%b %Y}"
        for o, a, d in zip(actors, rows["authority"], rows["date"], strict=True)
    ]
    rows["wrapped"] = ["\n".join(textwrap.wrap(x, LABEL_WIDTH)) for x in rows["label"]]
    order = rows.groupby("currency")["value"].max().sort_values(ascending=False).index.tolist()
    # Each panel is as tall as its rows' labels need (in inches), and the gap between panels is a
    # fixed height for the axis below, so a long panel does not squeeze its rows together.
    heights = []
    for currency in order:
        lines = rows.loc[rows["currency"] == currency, "wrapped"].str.count("\n") + 1
        heights.append(len(lines) * (0.2 + 0.17 * lines.max()) + 0.25)
    gap = 0.95
    fig, axes = plt.subplots(
        len(order),
        1,
        figsize=(6.0, sum(heights) + gap * (len(order) - 1) + 1.3),
        gridspec_kw={"height_ratios": heights, "hspace": gap / (sum(heights) / len(heights))},
        squeeze=False,
    )
    panels = []
    colour = PALETTE[0]  # the panels name their currency: one colour, legible on light and dark
    for ax, currency in zip(axes[:, 0], order, strict=True):
        panel = rows[rows["currency"] == currency].sort_values("value").reset_index(drop=True)
        panels.append(panel)
        for i, fine in panel.iterrows():
            values = fine["amount_list"]
            if len(values) > 1:
                ax.plot(values, [i] * len(values), color=colour, linewidth=1.2, zorder=2)
            ax.scatter(values, [i] * len(values), color=colour, s=40, zorder=3)
        ax.set_yticks(range(len(panel)), panel["wrapped"])
        ax.set_ylim(-0.6, len(panel) - 0.4)
        ax.set_xscale("log")
        ticks = _ticks(min(min(v) for v in panel["amount_list"]), panel["value"].max())
        ax.set_xticks(ticks, [_amount(t) for t in ticks])
        ax.xaxis.set_minor_locator(NullLocator())
        ax.set_xlim(
            min(ticks[0], panel["value"].min()) / 1.3, max(ticks[-1], panel["value"].max()) * 1.3
        )
        ax.set_xlabel(f"Amount in {currency} (log scale)")
        ax.grid(axis="y", visible=False)
    axes[0, 0].set_title(
        "Ireland's regulator imposed the largest fines (each currency on its own scale)"
    )
    drawn = pd.concat(panels, ignore_index=True).explode("amount_list")
    data = pd.DataFrame(
        {
            "fine_id": drawn["fine_id"],
            "date": drawn["date"],
            "authority": drawn["authority"],
            "label": drawn["label"],
            "currency": drawn["currency"],
            "amount": drawn["amount_list"].astype(float),
            "disputed": drawn["disputed"],
            "concern": vocabulary.words(drawn["concern"].astype(str), vocabulary.CONCERN),
            "concern_code": drawn["concern"].astype(str),
        }
    ).reset_index(drop=True)
    return fig, data


def _ticks(low: float, high: float) -> list[float]:
    """A few round amounts (1, 2 or 5 times a power of ten) around a range, at most five; a range
    that holds none (one amount far from a round one) gets the round amounts either side of it."""
    import math

    powers = range(math.floor(math.log10(low / 1.3)) - 1, math.ceil(math.log10(high * 1.3)) + 2)
    rounds = [m * 10**k for k in powers for m in (1, 2, 5)]
    every = [t for t in rounds if low / 1.3 <= t <= high * 1.3]
    if not every:
        return [max(t for t in rounds if t <= low), min(t for t in rounds if t >= high)]
    return every if len(every) <= 5 else [t for t in every if f"{t:.0e}".startswith("1")]


def _amount(value: float, _position=None) -> str:
    """An axis amount in words: 500 thousand, 5 million, 1.5 billion."""
    for size, word in ((1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if value >= size:
            return f"{value / size:g} {word}"
    return f"{value:g}"


def _short(name: str) -> str:
    """An authority's name as a chart label: its abbreviation in brackets if it has one, else the
    whole name (wrapped by the chart, never cut)."""
    if "(" in name and name.endswith(")"):
        inner = name[name.rindex("(") + 1 : -1]
        if len(inner) <= 12 and inner.upper() == inner:  # "CNIL", not "Venezuela"
            return inner
    return name
