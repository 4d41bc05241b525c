"""Figure builders shared by chapters (timelines and reported series), in the book style."""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from safetybook.style import PALETTE, translucent

LABEL_WIDTH = 22
"""Characters per line of a category label, wrapped so a figure fits a phone's width."""


def wrapped(names) -> list[str]:
    """Category labels wrapped at LABEL_WIDTH characters a line."""
    return [textwrap.fill(str(name).replace("_", " "), LABEL_WIDTH) for name in names]


def legend_columns(names) -> int:
    """How many columns a legend below a 6-inch figure holds: fewer for longer labels."""
    longest = max((len(str(n)) for n in names), default=0)
    return 3 if longest <= 14 else 2 if longest <= 26 else 1


def legend_below(ax, ncols: int | None = None, **kwargs) -> None:
    """The axes' legend set under its tick labels and axis label, where it cannot cover a mark
    (`phone_fit.check_labels` refuses a legend drawn over one)."""
    handles, names = ax.get_legend_handles_labels()
    fig = ax.figure
    fig.canvas.draw()
    below = ax.get_tightbbox(fig.canvas.get_renderer()).y0
    top = ax.transAxes.inverted().transform((0, below))[1] - 0.02
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, top),
        ncols=ncols or legend_columns(names),
        **kwargs,
    )


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
    columns: list[str] | None = None,
):
    """One row ('lane') per category, one marker per event; hollow markers for month or year
    precision. Returns the figure and its data: the events it draws (their `columns`, by default
    all), and for a lane the figure shows without any event one row naming that lane and nothing
    else, so the data hold every lane the figure labels."""
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
                markerfacecolor=translucent(colour, 0.85) if exact else "white",
                markeredgecolor=colour,
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
    columns = list(events.columns) if columns is None else list(columns)
    columns += [] if lane in columns else [lane]  # the lane names the row each event is drawn in
    drawn = events[events[lane].astype(str).isin(lanes)][columns]
    empty = [name for name in lanes if name not in set(drawn[lane].astype(str))]
    if empty:
        drawn = pd.concat([drawn, pd.DataFrame({lane: empty})], ignore_index=True)
    return fig, drawn


def stacked_bars(table: pd.DataFrame, title: str, label: str, value: str, horizontal: bool = False):
    """One bar per row of `table`, stacked by its columns in order, with a legend below. Returns the
    figure and its data, one row per bar segment: the row's name (column named as the table's
    index, else `row`), the segment's legend entry (named as the table's columns, else `series`)
    and its length (`value`)."""
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
    row, series = table.index.name or "row", table.columns.name or "series"
    data = table.rename_axis(index=row, columns=series).reset_index()
    return fig, data.melt(id_vars=row, var_name=series, value_name=value)


def cumulative(
    events: pd.DataFrame, group: str, title: str, label: str, groups: list[str] | None = None
):
    """A step line per group (a column of `events`, in the order of `groups`): how many had happened
    by each `date`. Returns the figure and its data: each event, its group's events in date order,
    with `cumulative` (the count the line reaches at it) and `series` (the group's legend entry,
    with its total); a group without events has one row, with its legend entry and 0."""
    groups = groups or sorted(events[group].astype(str).unique())
    fig, ax = plt.subplots()
    parts = []
    for i, name in enumerate(groups):
        part = events[events[group].astype(str) == name].sort_values("date", kind="stable")
        series = f"{name} ({len(part)})"
        ax.step(
            part["date"],
            range(1, len(part) + 1),
            where="post",
            color=PALETTE[i],
            linewidth=2,
            label=series,
        )
        if part.empty:  # its legend entry is drawn all the same
            part = pd.DataFrame({group: [name]}).assign(cumulative=0, series=series)
            parts.append(part)
            continue
        parts.append(part.assign(cumulative=range(1, len(part) + 1), series=series))
    ax.set_ylabel(label)
    ax.set_title(title)
    year_axis(ax)
    ax.legend(loc="upper left")
    return fig, pd.concat(parts, ignore_index=True)
