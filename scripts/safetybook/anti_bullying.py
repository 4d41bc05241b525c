"""The anti-bullying chapter's groupings and figures: kinds of announcement, what accumulated, and
which harassment figures TikTok's enforcement reports carried when."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from safetybook import analysis, figures
from safetybook.style import DARK_GREY, GREY, PALETTE, translucent

KIND = {
    "campaign": "Campaign",
    "feature": "Product feature",
    "policy": "Policy",
    "partnership": "Partnership",
    "programme": "Partnership",
    "other": "Other",
}
"""The chapter's kinds of announcement, from the event type."""

HB_LABELS = {
    "harassment_bullying_share_of_removed_videos": "Share of removed videos",
    "harassment_bullying_proactive_removal_rate": "Removed before any report",
    "harassment_bullying_removal_within_24h_rate": "Removed within 24 hours",
    "harassment_bullying_zero_views_removal_improvement": "Gain in removals at zero views",
    "harassment_bullying_videos_removed": "Videos removed (count)",
    "safety_civility_share_of_removed_videos": "Safety and civility share (broader)",
}
"""The harassment figures of the enforcement reports, with their names on the chart."""

GROUPS = {
    "Policy": "Product feature or policy",
    "Product feature": "Product feature or policy",
    "Partnership": "Campaign or partnership",
    "Campaign": "Campaign or partnership",
}
MARK = GREY  # the #CreateKindness line
MARK_TEXT = DARK_GREY
CREATEKINDNESS = "#CreateKindness"
"""The campaign whose launch the enforcement charts mark with a dotted line."""


def cumulative_by_group(bullying: pd.DataFrame) -> pd.DataFrame:
    """Announcements so far, by date (rows) and group (features or policies; campaigns or
    partnerships)."""
    return (
        bullying[bullying["kind"].isin(list(GROUPS))]
        .assign(group=lambda d: d["kind"].replace(GROUPS))
        .groupby(["date", "group"])
        .size()
        .unstack("group", fill_value=0)
        .cumsum()
    )


def cumulative_chart(cum: pd.DataFrame):
    """One step line per group; returns the figure and its data (date, group, cumulative)."""
    fig, ax = plt.subplots()
    for i, group in enumerate(cum.columns):
        ax.step(cum.index, cum[group], where="post", linewidth=2, color=PALETTE[i], label=group)
    ax.set_ylabel("Announcements so far")
    ax.set_title("Product features outnumber campaigns in most years")
    figures.year_axis(ax)
    figures.legend_below(ax, ncols=1)
    data = cum.reset_index().melt(id_vars="date", var_name="group", value_name="cumulative")
    return fig, data


def coverage_chart(hb: pd.DataFrame, createkindness: pd.Timestamp):
    """One row per kind of harassment figure, a dot per period it was reported for (larger when
    more sources quote it), with #CreateKindness marked; returns the figure and its data: a row per
    dot (what, period, x: the date it is placed at, reports), one naming each row of the chart
    without a dot, and one for the #CreateKindness line (`shown_as` tells them apart)."""
    rows = list(HB_LABELS.values())
    fig, ax = plt.subplots(figsize=(6.0, 4.2))
    per_cell = hb.groupby(["what", "period", "x"], as_index=False).agg(reports=("value", "size"))
    per_cell["row"] = per_cell["what"].map({w: len(rows) - 1 - i for i, w in enumerate(rows)})
    ax.scatter(
        per_cell["x"],
        per_cell["row"],
        s=30 + 25 * per_cell["reports"],
        facecolors=[translucent(PALETTE[3], 0.85)],
        edgecolors=PALETTE[3],
        zorder=3,
    )
    ax.set_yticks(range(len(rows)), figures.wrapped(rows[::-1]))
    ax.axvline(createkindness, color=MARK, linestyle=":", linewidth=1)
    ax.annotate(
        CREATEKINDNESS,
        (createkindness, len(rows) - 0.6),
        xytext=(3, 0),
        textcoords="offset points",
        color=MARK_TEXT,
    )
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.set_title("Harassment-specific figures stop in 2022 (dot size: number of reports)")
    figures.year_axis(ax, every=2)
    dots = per_cell[["what", "period", "x", "reports"]].sort_values(["what", "x"])
    empty = pd.DataFrame({"what": [w for w in rows if w not in set(dots["what"])]}, dtype="str")
    mark = pd.DataFrame({"what": [CREATEKINDNESS], "x": [createkindness]})
    parts = [
        dots.assign(shown_as="dot"),
        empty.assign(shown_as="row without a dot"),
        mark.assign(shown_as="dotted line (campaign launch)"),
    ]
    data = pd.concat([p for p in parts if len(p)], ignore_index=True)
    data["reports"] = data["reports"].astype("Int64")
    return fig, data


def proactive_window(platform_proactive: pd.DataFrame) -> pd.DataFrame:
    """The platform-wide proactive removal rate over the quarters the harassment rate covers."""
    return platform_proactive[
        (platform_proactive["period_end"] >= "2020-06-30")
        & (platform_proactive["period_end"] <= "2022-12-31")
    ]


ENFORCEMENT_PANELS = ("Removed before any report (%)", "Share of removed videos (%)")
"""The enforcement chart's two panels (their titles), top first."""


def _marks(frame: pd.DataFrame, panel: str, series: str, metric: str, date: pd.Series):
    """The rows of one plotted series: where each mark is placed (`date`) and its value, with the
    reports a median rests on (`reports`, `low`, `high`; one report when a mark is one report)."""
    return pd.DataFrame(
        {
            "panel": panel,
            "series": series,
            "metric": metric,
            "period": frame["period"],
            "period_start": frame["period_start"],
            "period_end": frame["period_end"],
            "date": date,
            "value": frame["value"],
            "reports": frame["reports"] if "reports" in frame else 1,
            "low": frame["low"] if "low" in frame else frame["value"],
            "high": frame["high"] if "high" in frame else frame["value"],
        }
    )


def enforcement_chart(
    share_reports: pd.DataFrame,
    proactive_reports: pd.DataFrame,
    civility_reports: pd.DataFrame,
    platform_proactive: pd.DataFrame,
    createkindness: pd.Timestamp,
):
    """Two panels: the harassment rate removed before any report against all removed videos, and
    harassment's share of removed videos (upper bounds hollow) beside the broader safety-and-
    civility share. Returns the figure and its data: one row per mark (its panel, its legend entry
    as `series` with the metric it shows, its period, the `date` it is placed at and its `value`,
    the median of `reports` reports ranging from `low` to `high`), and one for the #CreateKindness
    line across both panels."""
    share = analysis.consensus(share_reports)
    civility = analysis.consensus(civility_reports)
    pr = analysis.consensus(proactive_reports)
    window = proactive_window(platform_proactive)
    upper = share_reports[share_reports["qualifier"] == "at_most"]
    top_panel, bottom_panel = ENFORCEMENT_PANELS
    fig, (left, right) = plt.subplots(2, 1, figsize=(6.0, 7.6))
    right.plot(
        analysis.midpoint(share),
        share["value"],
        "o",
        color=PALETTE[3],
        label="Harassment and bullying",
    )
    right.plot(
        analysis.midpoint(upper),
        upper["value"],
        "v",
        color="white",
        markeredgecolor=PALETTE[3],
        markersize=9,
        label="Upper bound only",
    )
    right.plot(
        analysis.midpoint(civility),
        civility["value"],
        "s",
        color=PALETTE[4],
        label="Safety and civility (broader)",
    )
    right.set_title(bottom_panel)
    right.set_ylim(0, None)
    left.plot(
        pr["period_end"], pr["value"], "o-", color=PALETTE[3], label="Harassment and bullying"
    )
    left.plot(
        window["period_end"], window["value"], "s--", color=MARK_TEXT, label="All removed videos"
    )
    left.set_title(top_panel)
    fig.suptitle(
        "Harassment is removed before any report far less often than other violations",
        x=0.01,
        ha="left",
        fontweight="bold",
    )
    left.legend(loc="center left")
    for ax in (left, right):
        ax.axvline(createkindness, color=MARK, linestyle=":", linewidth=1)
        figures.year_axis(ax)
    left.annotate(
        CREATEKINDNESS,
        (createkindness, left.get_ylim()[1]),
        xytext=(3, -12),
        textcoords="offset points",
        color=MARK_TEXT,
    )
    fig.subplots_adjust(top=0.87, hspace=0.4)
    figures.legend_below(right, ncols=1)
    hb = "Harassment and bullying"
    data = pd.concat(
        [
            _marks(
                pr, top_panel, hb, "harassment_bullying_proactive_removal_rate", pr["period_end"]
            ),
            _marks(
                window,
                top_panel,
                "All removed videos",
                "proactive_removal_rate",
                window["period_end"],
            ),
            _marks(
                share,
                bottom_panel,
                hb,
                "harassment_bullying_share_of_removed_videos",
                analysis.midpoint(share),
            ),
            _marks(
                upper,
                bottom_panel,
                "Upper bound only",
                "harassment_bullying_share_of_removed_videos",
                analysis.midpoint(upper),
            ),
            _marks(
                civility,
                bottom_panel,
                "Safety and civility (broader)",
                "safety_civility_share_of_removed_videos",
                analysis.midpoint(civility),
            ),
            pd.DataFrame(
                {"panel": ["both panels"], "series": [CREATEKINDNESS], "date": [createkindness]}
            ),
        ],
        ignore_index=True,
    )
    data["reports"] = data["reports"].astype("Int64")
    return fig, data
