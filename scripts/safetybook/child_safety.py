"""The child-safety chapter's figures: under-13 account removals against all removals, and
safeguards beside regulators' episodes by year."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from safetybook import analysis, figures
from safetybook.style import DARK_GREY, PALETTE


def removal_ratio(u13: pd.DataFrame, videos: pd.DataFrame) -> pd.DataFrame:
    """Quarters with both figures: under-13 accounts and videos removed, each as an index of its
    first quarter (100), and accounts removed per 100 videos removed."""
    both = u13[["period_end", "period", "value"]].merge(
        videos[["period_end", "value"]], on="period_end", suffixes=("_u13", "_videos")
    )
    both["u13_index"] = 100 * both["value_u13"] / both["value_u13"].iloc[0]
    both["videos_index"] = 100 * both["value_videos"] / both["value_videos"].iloc[0]
    both["accounts_per_100_videos"] = 100 * both["value_u13"] / both["value_videos"]
    return both


UNDER13_SERIES = {
    "reports": "Each report",
    "median": "Median of reports",
    "ratio": "Underage accounts removed per 100 videos removed",
}
"""The under-13 chart's series: the top panel's legend entries and the bottom panel's title."""


def under13_chart(u13_reports: pd.DataFrame, u13: pd.DataFrame, both: pd.DataFrame):
    """Two panels sharing the time axis: every report of under-13 removals with their median per
    quarter, and accounts removed per 100 videos (gaps where a quarter is missing). Returns the
    figure and its data: one row per mark, its `series`, its quarter and `value` in the unit
    drawn (`unit`); a report's `measure_id`, the `reports` a median rests on, and the
    `under13_accounts` and `videos_removed` a ratio divides."""
    fig, (top, bottom) = plt.subplots(
        2, 1, figsize=(6.0, 7.2), sharex=True, gridspec_kw={"hspace": 0.45}
    )
    top.set_xlabel("")
    top.plot(
        u13_reports["period_end"],
        u13_reports["value"] / 1e6,
        "o",
        color=DARK_GREY,
        markersize=4,
        alpha=0.7,
        label=UNDER13_SERIES["reports"],
    )
    gapped = analysis.with_gaps(u13)
    top.plot(
        gapped["period_end"],
        gapped["value"] / 1e6,
        "o-",
        color=PALETTE[0],
        label=UNDER13_SERIES["median"],
    )
    top.set_ylabel("Million accounts")
    top.set_title("Underage removals rose, then their ratio to all removals fell back")
    top.legend(loc="upper left")
    per_100 = both.rename(columns={"accounts_per_100_videos": "value"})
    ratio = analysis.with_gaps(per_100[["period_end", "period", "value"]])
    bottom.plot(ratio["period_end"], ratio["value"], "o-", color=PALETTE[1])
    bottom.set_ylabel("Accounts per 100 videos")
    bottom.set_title(UNDER13_SERIES["ratio"])
    figures.year_axis(bottom)
    millions = "million accounts"
    data = pd.concat(
        [
            pd.DataFrame(
                {
                    "series": UNDER13_SERIES["reports"],
                    "period": u13_reports["period"],
                    "period_end": u13_reports["period_end"],
                    "value": u13_reports["value"] / 1e6,
                    "unit": millions,
                    "measure_id": u13_reports.get("measure_id"),
                }
            ),
            pd.DataFrame(
                {
                    "series": UNDER13_SERIES["median"],
                    "period": u13["period"],
                    "period_end": u13["period_end"],
                    "value": u13["value"] / 1e6,
                    "unit": millions,
                    "reports": u13.get("reports"),
                }
            ),
            pd.DataFrame(
                {
                    "series": UNDER13_SERIES["ratio"],
                    "period": both["period"],
                    "period_end": both["period_end"],
                    "value": both["accounts_per_100_videos"],
                    "unit": "accounts per 100 videos",
                    "under13_accounts": both["value_u13"],
                    "videos_removed": both["value_videos"],
                }
            ),
        ],
        ignore_index=True,
    )
    data["reports"] = data["reports"].astype("Int64")
    return fig, data


def per_year(safeguards: pd.DataFrame, regulatory: pd.DataFrame) -> pd.DataFrame:
    """Safeguards and regulatory episodes per year (index: year)."""
    return (
        pd.DataFrame(
            {
                "Safeguards (features and policies)": safeguards.groupby("year").size(),
                "Regulatory and court episodes": regulatory.groupby("year").size(),
            }
        )
        .fillna(0)
        .astype(int)
    )


def per_year_chart(per_year: pd.DataFrame):
    """Paired bars per year; returns the figure and its data (year and one column per series)."""
    fig, ax = plt.subplots()
    width = 0.4
    ax.bar(
        per_year.index - width / 2,
        per_year.iloc[:, 0],
        width,
        color=PALETTE[0],
        label=per_year.columns[0],
    )
    ax.bar(
        per_year.index + width / 2,
        per_year.iloc[:, 1],
        width,
        color=PALETTE[1],
        label=per_year.columns[1],
    )
    ax.set_xticks(per_year.index)
    ax.set_ylabel("Units (safeguards; episodes)")
    ax.set_title("Safeguards and regulatory episodes peak in different years")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=1)
    return fig, per_year.rename_axis("year").reset_index()
