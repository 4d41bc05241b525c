"""The health chapter's reach figures: what TikTok's health partners say they reached, against the
platform's own size."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from safetybook import analysis, figures
from safetybook.labels import place
from safetybook.style import PALETTE

REACH_METRICS = {
    "reach": "People reached",
    "fides_reach": "People reached by Fides creators",
    "views": "Views",
    "covid19_hub_views": "COVID-19 hub views",
    "impressions": "Impressions",
    "followers": "Followers",
}
"""The reach figures the chapter compares, with their names on the chart."""

MEASURE_COLUMNS = [
    "measure_id",
    "metric",
    "value",
    "measured_in",
    "qualifier",
    "country",
    "period_end",
]
COLUMNS = ["label", *MEASURE_COLUMNS, "shown_as"]
"""The reach chart's data: each bar's label and measure, then the users line's."""
BILLION_LABEL = "TikTok users (over 1 billion)"


def user_counts(measures: pd.DataFrame) -> pd.DataFrame:
    """TikTok's worldwide user counts (users or monthly active users), oldest first."""
    return measures[
        (measures["metric"].isin(["users", "monthly_active_users"]))
        & (measures["country"] == "INT")
    ].sort_values("period_end")


def billion_users(measures: pd.DataFrame) -> pd.Series:
    """The first worldwide user count of a billion or more (the chart's reference line)."""
    users = user_counts(measures)
    return users[users["value"] >= 1e9].iloc[0]


def reach_rows(measures: pd.DataFrame) -> pd.DataFrame:
    """Health reach figures (not upper bounds), each figure once, smallest first."""
    rows = measures[
        (measures["theme"] == "health")
        & measures["metric"].isin(list(REACH_METRICS))
        & (measures["qualifier"] != "at_most")
    ]
    return rows.drop_duplicates(["metric", "subject", "value", "measured_in"]).sort_values("value")


def reach_label(row, organisations: pd.DataFrame) -> str:
    """A bar's label: what was counted (with the campaign's hashtag), by whom, where and when."""
    who = (
        organisations.loc[row.subject, "name"]
        .split(" (")[0]
        .replace("World Health Organization", "WHO")
    )
    where = "" if row.country == "INT" else f", {place(row.country)}"
    return (
        f"{REACH_METRICS[row.metric]}{analysis.hashtag(row.evidence)}: {who}{where} "
        f"({row.period_end:%Y})"
    )


def reach_chart(rows: pd.DataFrame, billion: pd.Series, organisations: pd.DataFrame):
    """One bar per reach figure on a log scale (dark: people; light: views or impressions), with
    TikTok's billion users as a dashed line. Returns the figure and its data: one row per bar, its
    `label` on the chart and its measure, then one for the dashed line's user count (`shown_as`
    tells them apart)."""
    names = analysis.unique_labels([reach_label(r, organisations) for r in rows.itertuples()])
    fig, ax = plt.subplots(figsize=(6.0, 1.2 + 0.68 * len(rows)))
    ax.barh(
        range(len(rows)),
        rows["value"],
        color=[PALETTE[0] if u == "people" else PALETTE[5] for u in rows["measured_in"]],
    )
    ax.set_yticks(range(len(rows)), figures.wrapped(names))
    ax.set_xscale("log")
    ax.axvline(billion["value"], color=PALETTE[1], linestyle="--", linewidth=1.5)
    ax.annotate(
        BILLION_LABEL,
        (billion["value"], len(rows) - 0.5),
        xytext=(-4, 0),
        textcoords="offset points",
        ha="right",
        color=PALETTE[1],
    )
    ax.set_xlabel(
        "Reported figure (log scale)\ndark bars: people; light bars: views or impressions"
    )
    ax.set_title("Health reach figures count people, views and impressions")
    ax.grid(axis="y", visible=False)
    bars = rows[MEASURE_COLUMNS].assign(label=names, shown_as="bar")
    line = pd.DataFrame([billion[MEASURE_COLUMNS].to_dict()]).astype(bars[MEASURE_COLUMNS].dtypes)
    line = line.assign(label=BILLION_LABEL, shown_as="dashed line")
    return fig, pd.concat([bars, line], ignore_index=True)[COLUMNS]
