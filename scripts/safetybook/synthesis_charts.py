"""The synthesis chapter's figures: the method, the two streams by concern, the test's behaviour
under a true null, its power, each window against shifted timing, the comparator and the case
studies. The statistics are in `responses`, `response_test`, `comparator` and `cases`; each chart
returns its figure and the data it draws (every value and label plotted)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from safetybook import figures, labels, plan
from safetybook.style import ACCENT_TEXT, GREY, INK, PALETTE, translucent

PRESSURE, RESPONSE = PALETTE[1], PALETTE[0]


def method_sketch():
    """A sketch of one pressure event with its 90-day windows before and after, and three steps;
    returns the figure and its data (the two windows in days)."""
    fig, ax = plt.subplots(figsize=(6.0, 3.4))
    ax.axvspan(-90, 0, color=PALETTE[4], alpha=0.25)
    ax.axvspan(0, 90, color=RESPONSE, alpha=0.25)
    ax.axvline(0, color=PRESSURE, linewidth=3)
    ax.text(
        0,
        1.05,
        "Pressure aimed at TikTok (a fine, say)",
        ha="center",
        color=ACCENT_TEXT,
        backgroundcolor="white",
    )
    ax.text(-45, 0.75, "90 days before", ha="center")
    ax.text(45, 0.75, "90 days after", ha="center")
    for day in (-60, 30, 70):
        ax.plot(day, 0.4, "o", color=INK)
    ax.text(0, 0.12, "TikTok's own steps on the same concern", ha="center")
    ax.set_xlim(-120, 120)
    ax.set_ylim(0, 1.2)
    ax.set_yticks([])
    ax.set_xlabel("Days from the pressure event")
    ax.grid(visible=False)
    ax.set_title("Count TikTok's matched steps before and after each pressure event")
    sketch = pd.DataFrame(
        {"part": ["90 days before", "90 days after"], "from_day": [-90, 1], "to_day": [-1, 90]}
    )
    return fig, sketch


def _midpoint(frame: pd.DataFrame) -> pd.Series:
    return frame["date_earliest"] + (frame["date_latest"] - frame["date_earliest"]) / 2


def streams_chart(pressure: pd.DataFrame, responses: pd.DataFrame, title: str):
    """One row per matched concern: pressure events as ticks, TikTok's response steps as dots
    (interval midpoints); returns the figure and its data (one row per event, and one naming each
    concern the chart shows without any)."""
    concerns = list(plan.MATCHED_CONCERNS)
    fig, ax = plt.subplots(figsize=(6.0, 4.4))
    for y, concern in enumerate(concerns):
        acts = pressure[pressure["matched"] == concern]
        steps = responses[responses["matched"] == concern]
        ax.plot(_midpoint(acts), [y - 0.15] * len(acts), "|", markersize=14, color=PRESSURE)
        ax.plot(_midpoint(steps), [y + 0.15] * len(steps), "o", markersize=6, color=RESPONSE)
    names = [labels.CONCERN[c] for c in concerns]
    ax.set_yticks(range(len(concerns)), figures.wrapped(names))
    ax.set_ylim(-0.6, len(concerns) - 0.4)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    figures.year_axis(ax)
    ax.set_title(title)
    handles = [
        plt.Line2D(
            [],
            [],
            marker="|",
            linestyle="none",
            markersize=12,
            color=PRESSURE,
            label="Pressure aimed at TikTok",
        ),
        plt.Line2D(
            [],
            [],
            marker="o",
            linestyle="none",
            color=RESPONSE,
            label="TikTok's own step on the same concern",
        ),
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=1)
    both = pd.concat(
        [
            pressure.assign(stream="Pressure aimed at TikTok", day=_midpoint(pressure)),
            responses.assign(
                stream="TikTok's own step on the same concern", day=_midpoint(responses)
            ),
        ]
    )
    both["concern"] = both["matched"].map(labels.CONCERN)
    empty = [n for n in names if n not in set(both["concern"])]
    if empty:
        both = pd.concat([both, pd.DataFrame({"concern": empty}, dtype="str")], ignore_index=True)
    return fig, both[["event_id", "unit_id", "day", "stream", "concern", "area"]]


def null_p_histogram(null_p: np.ndarray, threshold: float, observed_p: float, title: str):
    """The test's p-values on records where the null holds by construction, the calibrated
    rejection threshold and the observed p-value; returns the figure and its data."""
    fig, ax = plt.subplots()
    edges = np.linspace(0, 1, 21)
    counts, _ = np.histogram(null_p, bins=edges)
    ax.bar(
        edges[:-1],
        counts,
        width=0.05,
        align="edge",
        color=GREY,
        edgecolor="white",
        label="Null-true records",
    )
    ax.axvline(threshold, color=PRESSURE, linewidth=2, label="Calibrated threshold")
    ax.axvline(observed_p, color=RESPONSE, linewidth=2, linestyle="--", label="Observed p-value")
    ax.set_xlabel("Two-sided p-value")
    ax.set_ylabel("Records")
    ax.set_title(title)
    figures.legend_below(ax, ncols=1)
    data = pd.DataFrame({"bin_from": edges[:-1], "bin_to": edges[1:], "records": counts})
    marks = pd.DataFrame(
        {
            "bin_from": [threshold, observed_p],
            "bin_to": [threshold, observed_p],
            "records": [np.nan, np.nan],
            "line": ["Calibrated threshold", "Observed p-value"],
        }
    )
    return fig, pd.concat([data.assign(line="Null-true records"), marks], ignore_index=True)


def power_chart(wave: dict[int, float], title: str):
    """Power against k global data-security steps added after the largest wave (k on the
    horizontal axis), with the level below which the test cannot detect such steps dotted;
    returns the figure and its data (steps added, power in percent, and the dotted line's level
    and legend entry)."""
    fig, ax = plt.subplots()
    ks, power = list(wave), [100 * wave[k] for k in wave]
    below = round(100 * plan.POWER_WORDS_BELOW, 9)  # 20, not 20.000000000000004
    reference = f"Below {below:g}%: cannot detect"
    ax.plot(ks, power, "o-", color=RESPONSE)
    ax.axhline(below, color=GREY, linestyle=":", label=reference)
    ax.set_xticks(ks)
    ax.set_ylim(0, 100)
    ax.set_xlabel("Global steps added after the wave")
    ax.set_ylabel("Runs that reject (%)")
    ax.set_title(title)
    ax.legend(loc="upper left")
    data = pd.DataFrame(
        {
            "steps_added": ks,
            "power_percent": power,
            "reference_percent": below,
            "reference": reference,
        }
    )
    return fig, data


WINDOW_SERIES = ("95% of shifted records", "Observed response")
"""The windows chart's legend entries: the shifted records' range and the observed response."""


def windows_chart(table: pd.DataFrame, title: str):
    """For each window: the observed response beside the range of 95% of shifted records;
    returns the figure and its data, two rows per window (its `label` on the chart): the shifted
    records' range (`low` to `high`) and the observed response (`value`), each named as the legend
    names it (`series`)."""
    shifted, observed = WINDOW_SERIES
    fig, ax = plt.subplots()
    for i, r in enumerate(table.itertuples()):
        ax.plot(
            [i - 0.12] * 2,
            [r.null_low, r.null_high],
            color=GREY,
            linewidth=6,
            label=shifted if i == 0 else None,
        )
        ax.plot(
            i + 0.12,
            r.observed,
            "o",
            color=RESPONSE,
            markersize=8,
            label=observed if i == 0 else None,
        )
    names = [f"{w} days" for w in table["window"]]
    ax.set_xticks(range(len(table)), names)
    ax.set_xlim(-0.6, len(table) - 0.4)
    ax.set_ylabel("Matched steps per pressure event, after")
    ax.set_title(title)
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper left")
    ranges = pd.DataFrame(
        {
            "window": table["window"].to_numpy(),
            "label": names,
            "series": shifted,
            "low": table["null_low"].to_numpy(),
            "high": table["null_high"].to_numpy(),
        }
    )
    marks = pd.DataFrame(
        {
            "window": table["window"].to_numpy(),
            "label": names,
            "series": observed,
            "value": table["observed"].to_numpy(),
        }
    )
    data = pd.concat([ranges, marks], ignore_index=True)
    order = data["window"].map({w: i for i, w in enumerate(table["window"])})
    data = data.assign(order=order).sort_values(["order", "series"], kind="stable")
    return fig, data[["window", "label", "series", "value", "low", "high"]].reset_index(drop=True)


def comparator_chart(means: pd.DataFrame, title: str):
    """Each platform's own matched steps per event in the 90 days after pressure aimed at TikTok
    and after rules binding every platform; returns the figure and its data."""
    fig, ax = plt.subplots()
    kinds = list(means.columns)
    width = 0.38
    for j, kind in enumerate(kinds):
        x = np.arange(len(means)) + (j - 0.5) * width
        ax.bar(x, means[kind], width=width, color=(PRESSURE, GREY)[j], label=kind)
    ax.set_xticks(range(len(means)), list(means.index))
    ax.set_ylabel("Own matched steps per event, 90 days after")
    ax.set_title(title)
    ax.grid(axis="x", visible=False)
    figures.legend_below(ax, ncols=1)
    data = means.reset_index().melt(id_vars="platform", var_name="pressure", value_name="steps")
    return fig, data


CASE_MARKS = {
    "pressure": ("v", PRESSURE, "Pressure"),
    "relief": ("^", PALETTE[2], "Relief"),
    "tiktok": ("o", RESPONSE, "TikTok's step"),
}
"""A case chart's kinds of step: marker, colour and legend entry."""


def case_chart(sequence: pd.DataFrame, title: str):
    """One case: government steps (pressure and relief) and TikTok's own steps on one time axis;
    returns the figure and its data (date, side, the kind of step as the legend names it and as a
    code, the step, unit and event)."""
    fig, ax = plt.subplots(figsize=(6.0, 3.2))
    lanes = {"Government": 1, "TikTok": 0}
    for kind, (marker, colour, name) in CASE_MARKS.items():
        part = sequence[sequence["kind"] == kind]
        if len(part):
            ax.plot(
                part["date"],
                part["side"].map(lanes),
                marker,
                markerfacecolor=translucent(colour, 0.8),
                markeredgecolor=colour,
                markersize=8,
                linestyle="none",
                label=name,
            )
    ax.set_yticks([0, 1], ["TikTok", "Government"])
    ax.set_ylim(-0.6, 1.6)
    ax.grid(axis="y", visible=False)
    figures.year_axis(ax, 1)
    ax.set_title(title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=2)
    names = {kind: name for kind, (_, _, name) in CASE_MARKS.items()}
    data = sequence.assign(kind_code=sequence["kind"], kind=sequence["kind"].map(names))
    return fig, data[["date", "side", "kind", "kind_code", "step", "unit_id", "event_id"]]
