"""Figure builders shared by chapters (timelines and reported series), in the book style."""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from safetybook.style import PALETTE


def year_axis(ax) -> None:
    """One tick per year, labelled with the year."""
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))


def timeline(
    events: pd.DataFrame,
    lane: str,
    title: str,
    lanes: list[str] | None = None,
    colour_by: str | None = None,
    figsize=(7.5, 4.2),
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
    ax.set_yticks(range(len(lanes)), [lane.replace("_", " ") for lane in lanes])
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
            ncols=min(4, len(handles)),
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
    ax.legend(ncols=min(3, len(table.columns)), loc="upper center", bbox_to_anchor=(0.5, -0.14))
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
