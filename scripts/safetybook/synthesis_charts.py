"""The synthesis chapter's figures: the method in a sketch, the two streams by concern, and the
response in each window against shifted timing. The statistics are in `synthesis`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from safetybook import figures, labels, synthesis
from safetybook.style import PALETTE


def method_sketch():
    """A sketch of one episode with its 90-day windows before and after, and three initiatives;
    returns the figure and its data (the two windows in days)."""
    fig, ax = plt.subplots(figsize=(6.0, 3.4))
    ax.axvspan(-90, 0, color="#E69F00", alpha=0.25)
    ax.axvspan(0, 90, color="#0072B2", alpha=0.25)
    ax.axvline(0, color="#D55E00", linewidth=3)
    ax.text(
        0,
        1.05,
        "A government episode (a children's-data fine, say)",
        ha="center",
        color="#8a3b00",
        backgroundcolor="white",
    )
    ax.text(-45, 0.75, "90 days before", ha="center")
    ax.text(45, 0.75, "90 days after", ha="center")
    for day in (-60, 30, 70):
        ax.plot(day, 0.4, "o", color="#1a1a1a")
    ax.text(0, 0.12, "TikTok initiatives on the same concern", ha="center")
    ax.set_xlim(-120, 120)
    ax.set_ylim(0, 1.2)
    ax.set_yticks([])
    ax.set_xlabel("Days from the episode's first step")
    ax.grid(visible=False)
    ax.set_title("Count matched initiatives before and after each episode")
    sketch = pd.DataFrame(
        {"part": ["anticipation", "response"], "from_day": [-90, 1], "to_day": [-1, 90]}
    )
    return fig, sketch


def streams_chart(actions: pd.DataFrame, initiatives: pd.DataFrame):
    """One row per matched concern: government episodes as ticks, TikTok-led initiatives as dots;
    returns the figure and its data (both streams, one row per unit)."""
    concerns = list(synthesis.MATCH)
    fig, ax = plt.subplots(figsize=(6.0, 4.4))
    for y, concern in enumerate(concerns):
        acts = actions[actions["concern"] == concern]
        inits = initiatives[initiatives["concern"] == concern]
        ax.plot(acts["date"], [y - 0.15] * len(acts), "|", markersize=14, color=PALETTE[1])
        ax.plot(inits["date"], [y + 0.15] * len(inits), "o", markersize=6, color=PALETTE[0])
    ax.set_yticks(range(len(concerns)), figures.wrapped(labels.CONCERN[c] for c in concerns))
    ax.set_ylim(-0.6, len(concerns) - 0.4)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    figures.year_axis(ax)
    ax.set_title("Pressure came in waves; TikTok's matching initiatives were few")
    handles = [
        plt.Line2D(
            [],
            [],
            marker="|",
            linestyle="none",
            markersize=12,
            color=PALETTE[1],
            label="Government episode",
        ),
        plt.Line2D(
            [],
            [],
            marker="o",
            linestyle="none",
            color=PALETTE[0],
            label="TikTok-led initiative on the same concern",
        ),
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=1)
    both = pd.concat([actions.assign(stream="episode"), initiatives.assign(stream="initiative")])
    columns = ["unit_id", "date", "date_precision", "stream", "concern", "area"]
    return fig, both[columns]


def windows_chart(results: dict):
    """For each window (days, in `results`' order): the observed response beside the range of 95%
    of shifted records; returns the figure and its data."""
    fig, ax = plt.subplots()
    for i, r in enumerate(results.values()):
        ax.plot(
            [i - 0.12] * 2,
            [r.null_low, r.null_high],
            color="#999999",
            linewidth=6,
            alpha=0.6,
            label="95% of shifted records" if i == 0 else None,
        )
        ax.plot(
            i + 0.12,
            r.observed,
            "o",
            color=PALETTE[0],
            markersize=8,
            label="Observed response" if i == 0 else None,
        )
    ax.set_xticks(range(len(results)), [f"{w} days" for w in results])
    ax.set_xlim(-0.6, len(results) - 0.4)
    ax.set_ylabel("Matched initiatives per episode, after")
    inside = all(r.null_low <= r.observed <= r.null_high for r in results.values())
    ax.set_title(
        "The response sits inside the range of shifted timing"
        if inside
        else "The response leaves the range of shifted timing in some windows"
    )
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper left")
    data = pd.DataFrame(
        {
            "window_days": list(results),
            "response": [r.observed for r in results.values()],
            "null_low": [r.null_low for r in results.values()],
            "null_high": [r.null_high for r in results.values()],
        }
    )
    return fig, data
