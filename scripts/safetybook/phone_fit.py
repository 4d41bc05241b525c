"""Figures legible whole on a phone: a figure is narrowed until its smallest text shows at
MIN_TEXT_PX or more in a phone's text column, and no tick label is printed over another."""

from __future__ import annotations

import matplotlib.pyplot as plt

from safetybook.figure_drawn import SCALE_TICK

PHONE_COLUMN_PX = 340
"""Text column of a phone screen 390 px wide (343 px measured), where a figure is shown whole."""
MIN_TEXT_PX = 9
"""Smallest text a reader should meet in a figure, in CSS pixels."""


def smallest_text_pt(fig) -> float | None:
    """The size in points of the smallest visible text in a figure (ticks, labels, legend, notes)."""
    from matplotlib.text import Text as MplText

    sizes = [
        t.get_fontsize() for t in fig.findobj(MplText) if t.get_visible() and t.get_text().strip()
    ]
    return min(sizes) if sizes else None


def titles(fig) -> list:
    """The figure's title and every axes title (centre, left and right) that has text."""
    found = [fig._suptitle] if fig._suptitle is not None else []
    for ax in fig.axes:
        found += [ax.title, ax._left_title, ax._right_title]
    return [t for t in found if t.get_text()]


def fit_to_phone(fig, label: str) -> None:
    """Narrow the figure until, saved with its labels and legends, it is at most as wide as keeps its
    smallest text at MIN_TEXT_PX on a phone; fail, naming the figure, when its text alone is wider."""
    limit = smallest_text_pt(fig) / 72 * PHONE_COLUMN_PX / MIN_TEXT_PX
    pad = 2 * plt.rcParams["savefig.pad_inches"]
    for _ in range(12):
        fig.canvas.draw()
        width = fig.get_tightbbox().width + pad
        if width <= limit:
            return
        figure_width, height = fig.get_size_inches()
        narrower = figure_width - 1.5 * (width - limit) - 0.05
        if narrower < 2.5:
            break
        fig.set_size_inches(narrower, height)
    raise ValueError(
        f"{label}: {width:.2f} in wide with its labels; at most {limit:.2f} in keeps its smallest "
        f"text at {MIN_TEXT_PX} px on a phone: use fewer legend columns or wrap long labels"
    )


def _shown(labels) -> list:
    return [t for t in labels if t.get_visible() and t.get_text().strip()]


def overlapping_labels(fig) -> list[tuple[str, str]]:
    """Pairs of tick labels of one axis whose drawn boxes overlap (two labels printed over each
    other), in the figure as it will be saved."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    pairs = []
    for ax in fig.axes:
        for labels in (ax.get_xticklabels(), ax.get_yticklabels()):
            shown = _shown(labels)
            boxes = [t.get_window_extent(renderer).shrunk(0.98, 0.9) for t in shown]
            for i in range(len(shown)):
                for j in range(i + 1, len(shown)):
                    if boxes[i].overlaps(boxes[j]):
                        pairs.append((shown[i].get_text(), shown[j].get_text()))
    return pairs


def thin_crowded_numbers(fig) -> None:
    """On an axis whose tick labels are all numbers (years, amounts, shares) and overlap, show
    every second label, then every third, ..., until none overlaps; the ticks stay. Category
    labels are never hidden: `check_labels` refuses a figure whose category labels overlap."""
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            labels = _shown(axis.get_ticklabels())
            if len(labels) < 3 or not all(SCALE_TICK.match(t.get_text()) for t in labels):
                continue
            for step in range(2, len(labels)):
                fig.canvas.draw()
                renderer = fig.canvas.get_renderer()
                kept = _shown(axis.get_ticklabels())
                boxes = [t.get_window_extent(renderer) for t in kept]
                if not any(a.overlaps(b) for a, b in zip(boxes, boxes[1:], strict=False)):
                    break
                for i, label in enumerate(labels):
                    label.set_visible(i % step == 0)


def check_labels(fig, label: str) -> None:
    """Fail, naming the figure and the labels, when two tick labels of an axis overlap."""
    pairs = overlapping_labels(fig)
    if pairs:
        shown = "; ".join(f"{a!r} over {b!r}" for a, b in pairs[:3])
        raise ValueError(
            f"{label}: {len(pairs)} pair(s) of tick labels overlap ({shown}): shorten or wrap the "
            "labels, or give the rows more height"
        )
