"""Figures legible whole on a phone: a figure is narrowed until its smallest text shows at
MIN_TEXT_PX or more in a phone's text column."""

from __future__ import annotations

import matplotlib.pyplot as plt

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
