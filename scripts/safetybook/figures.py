"""Figure builders shared by chapters (timelines and reported series), in the book style."""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from safetybook.style import PALETTE

LABEL_WIDTH = 22
"""Characters per line of a category label, wrapped so a figure fits a phone's width."""


def wrapped(names) -> list[str]:
    """Category labels wrapped at LABEL_WIDTH characters a line."""
    return [textwrap.fill(str(name).replace("_", " "), LABEL_WIDTH) for name in names]


def legend_columns(names) -> int:
    """How many columns a legend below a 6-inch figure holds: fewer for longer labels."""
    longest = max((len(str(n)) for n in names), default=0)
    return 3 if longest <= 14 else 2 if longest <= 26 else 1


def year_axis(ax, every: int | None = None) -> None:
    """A tick every `every` years, labelled with the year; by default every year, or every other
    year when the axis spans more than six (so the labels do not touch on a phone)."""
    if every is None:
        first, last = (mdates.num2date(x).year for x in ax.get_xlim())
        every = 1 if last - first <= 6 else 2
    ax.xaxis.set_major_locator(mdates.YearLocator(every))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))


def timeline(
    events: pd.DataFrame,
    lane: str,
    title: str,
    lanes: list[str] | None = None,
    colour_by: str | None = None,
    figsize=(6.0, 4.2),
):
    """One row ('lane') per category, one marker per event; hollow markers for month or year precision."""
    lanes = lanes or sorted(events[lane].astype(str).unique())
    fig, ax = plt.subplots(figsize=figsize)
    colours = {}
    keys = sorted(events[colour_by].astype(str).unique()) if colour_by else []
    for i, key in enumerate(keys):
        colours[key] = PALETTE[i % len(PALETTE)]
    for y, name in enumerate(lanes):
        rows = events[events[lane].astype(str) == name]
        for _, row in rows.iterrows():
            colour = (
                colours.get(str(row[colour_by]), PALETTE[0])
                if colour_by
                else PALETTE[y % len(PALETTE)]
            )
            exact = row["date_precision"] == "day"
            ax.plot(
                row["date"],
                y,
                marker="o",
                markersize=6,
                linestyle="none",
                markerfacecolor=colour if exact else "white",
                markeredgecolor=colour,
                alpha=0.85,
            )
    ax.set_yticks(range(len(lanes)), wrapped(lanes))
    ax.set_ylim(-0.6, len(lanes) - 0.4)
    ax.invert_yaxis()
    year_axis(ax)
    ax.grid(axis="y", visible=False)
    ax.set_title(title)
    if colour_by:
        handles = [
            plt.Line2D([], [], marker="o", linestyle="none", color=c, label=k.replace("_", " "))
            for k, c in colours.items()
        ]
        ax.legend(
            handles=handles,
            ncols=min(legend_columns(h.get_label() for h in handles), len(handles)),
            loc="upper center",
            bbox_to_anchor=(0.5, -0.1),
        )
    return fig, ax


def stacked_bars(table: pd.DataFrame, title: str, label: str, horizontal: bool = False):
    """One bar per row of `table`, stacked by its columns in order, with a legend below."""
    fig, ax = plt.subplots()
    base = pd.Series(0.0, index=table.index)
    positions = [str(i) for i in table.index]
    for i, column in enumerate(table.columns):
        colour = PALETTE[i % len(PALETTE)]
        if horizontal:
            ax.barh(positions, table[column], left=base, color=colour, label=str(column))
        else:
            ax.bar(positions, table[column], bottom=base, color=colour, label=str(column))
        base = base + table[column]
    (ax.set_xlabel if horizontal else ax.set_ylabel)(label)
    ax.grid(axis="y" if horizontal else "x", visible=False)
    ax.set_title(title)
    columns = min(legend_columns(table.columns), len(table.columns))
    ax.legend(ncols=columns, loc="upper center", bbox_to_anchor=(0.5, -0.14))
    return fig, ax


def cumulative(dates_by_group: dict[str, pd.Series], title: str, label: str):
    """A step line per group: how many had happened by each date."""
    fig, ax = plt.subplots()
    for i, (group, dates) in enumerate(dates_by_group.items()):
        ordered = pd.Series(sorted(dates))
        ax.step(
            ordered,
            range(1, len(ordered) + 1),
            where="post",
            color=PALETTE[i],
            linewidth=2,
            label=f"{group} ({len(ordered)})",
        )
    ax.set_ylabel(label)
    ax.set_title(title)
    year_axis(ax)
    ax.legend(loc="upper left")
    return fig, ax
