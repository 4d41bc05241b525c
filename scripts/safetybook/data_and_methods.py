"""The data-and-methods chapter's figures: units per year and theme, rows by kind of source."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from safetybook import labels
from safetybook.style import PALETTE, THEME_COLOURS, THEME_LABELS


def units_per_year(counted: pd.DataFrame) -> pd.DataFrame:
    """Counted units per year (rows) and theme (columns, every theme even when empty)."""
    return counted.groupby(["year", "theme"], observed=False).size().unstack("theme", fill_value=0)


def units_per_year_chart(per_year: pd.DataFrame):
    """Bars stacked by theme, one per year; returns the figure and its data (year, theme as the
    legend names it, its code, units)."""
    fig, ax = plt.subplots()
    bottom = pd.Series(0, index=per_year.index)
    for theme in per_year.columns:
        ax.bar(
            per_year.index,
            per_year[theme],
            bottom=bottom,
            color=THEME_COLOURS[theme],
            label=THEME_LABELS[theme],
        )
        bottom = bottom + per_year[theme]
    ax.set_xlabel("Year")
    ax.set_ylabel("Units (episodes and announcements)")
    ax.set_title("Initiatives peaked in 2021, government episodes in 2023")
    ax.legend(ncols=3, loc="upper center", bbox_to_anchor=(0.5, -0.14))
    ax.set_xticks(per_year.index)
    data = per_year.reset_index().melt(id_vars="year", var_name="theme_code", value_name="units")
    data.insert(1, "theme", data["theme_code"].map(THEME_LABELS))
    return fig, data


def rows_by_source_kind(reports: pd.DataFrame, measures: pd.DataFrame) -> pd.DataFrame:
    """Event rows and measures per kind of source, smallest total first (index: kind)."""
    kinds = (
        reports.groupby("source_kind", observed=True)
        .size()
        .rename("events")
        .to_frame()
        .join(measures.groupby("source_kind", observed=True).size().rename("measures"), how="outer")
        .fillna(0)
        .astype(int)
    )
    kinds["total"] = kinds["events"] + kinds["measures"]
    return kinds.sort_values(["total", "events"]).rename_axis("kind")


SOURCE_KIND_SERIES = {"events": "Event rows", "measures": "Measures"}
"""The source-kinds chart's two stacked bars, with their legend entries."""


def source_kinds_chart(kinds: pd.DataFrame):
    """Horizontal bars of event rows and measures per kind of source; returns the figure and its
    data: one row per bar segment (the kind as the chart names it, its code, the segment's legend
    entry as `series`, its `rows`, and the kind's `total`)."""
    fig, ax = plt.subplots(figsize=(6.0, 5.0))
    names = [labels.SOURCE_KIND[k] for k in kinds.index]
    ax.barh(names, kinds["events"], color=PALETTE[0], label=SOURCE_KIND_SERIES["events"])
    ax.barh(
        names,
        kinds["measures"],
        left=kinds["events"],
        color=PALETTE[4],
        label=SOURCE_KIND_SERIES["measures"],
    )
    ax.set_xlabel("Rows")
    ax.set_title("News reports carry most rows")
    ax.legend(loc="lower right")
    data = kinds.rename_axis("kind_code").reset_index()
    data.insert(0, "kind", names)
    data = data.melt(
        id_vars=["kind", "kind_code", "total"],
        value_vars=list(SOURCE_KIND_SERIES),
        var_name="series",
        value_name="rows",
    )
    data["series"] = data["series"].map(SOURCE_KIND_SERIES)
    return fig, data[["kind", "kind_code", "series", "rows", "total"]]
