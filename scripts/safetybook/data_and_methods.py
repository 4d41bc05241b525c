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
    """Bars stacked by theme, one per year; returns the figure and its data (year, theme, units)."""
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
    data = per_year.reset_index().melt(id_vars="year", var_name="theme", value_name="units")
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


def source_kinds_chart(kinds: pd.DataFrame):
    """Horizontal bars of event rows and measures per kind of source; returns the figure and its
    data (kind, events, measures, total)."""
    fig, ax = plt.subplots(figsize=(6.0, 5.0))
    names = [labels.SOURCE_KIND[k] for k in kinds.index]
    ax.barh(names, kinds["events"], color=PALETTE[0], label="Event rows")
    ax.barh(names, kinds["measures"], left=kinds["events"], color=PALETTE[4], label="Measures")
    ax.set_xlabel("Rows")
    ax.set_title("News reports carry most rows")
    ax.legend(loc="lower right")
    return fig, kinds.reset_index()
