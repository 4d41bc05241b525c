"""Figures legible whole on a phone: a figure is narrowed until its smallest text shows at
MIN_TEXT_PX or more in a phone's text column, no tick label is printed over another, and no
legend over a mark."""

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


def _patch_marks(ax, renderer) -> list:
    """Bars and other filled patches, without background spans (translucent fills) and empty
    bars (a zero count draws nothing)."""
    from matplotlib.patches import Rectangle

    marks = []
    for patch in ax.patches:
        alpha = patch.get_alpha()
        if not patch.get_visible() or (alpha is not None and alpha < 0.5):
            continue
        box = patch.get_window_extent(renderer)
        if isinstance(patch, Rectangle) and (box.width < 0.5 or box.height < 0.5):
            continue
        name = patch.get_label()
        marks.append((name if name and not name.startswith("_") else "a bar", box))
    return marks


def _marks(ax, renderer) -> list:
    """What an axes draws as data, as (name, shape) pairs: patches, lines (their path) or markers
    alone (their points), scatter points and notes; the grid is left out."""
    marks = _patch_marks(ax, renderer)
    for line in ax.lines:
        if not line.get_visible() or len(line.get_xdata()) == 0:
            continue
        if str(line.get_linestyle()).lower() in ("none", " ", ""):
            points = line.get_transform().transform(line.get_xydata())
            marks.append((line.get_label(), points))  # markers alone: no segment is drawn
        else:
            marks.append((line.get_label(), line.get_transform().transform_path(line.get_path())))
    for collection in ax.collections:
        if collection.get_visible() and len(collection.get_offsets()):
            points = collection.get_offset_transform().transform(collection.get_offsets())
            marks.append((collection.get_label() or "points", points))
    for text in ax.texts:
        if text.get_visible() and text.get_text().strip():
            marks.append((repr(text.get_text()), text.get_window_extent(renderer)))
    return marks


def _inside(points, box) -> bool:
    """Whether any of the points (display coordinates) lies in the box."""
    import numpy as np

    x, y = np.asarray(points, dtype=float).reshape(-1, 2).T
    x0, y0, x1, y1 = box.extents
    return bool(np.any((x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)))


def legends_over_marks(fig) -> list[tuple[str, str]]:
    """Legends drawn over what their axes draw (a bar, a line, a point or a note): (the legend's
    first entry, the mark), in the figure as it will be saved."""
    import numpy as np
    from matplotlib.path import Path

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    found = []
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is None or not legend.get_visible():
            continue
        box = legend.get_window_extent(renderer).shrunk(0.96, 0.9)
        if not box.overlaps(ax.get_window_extent(renderer)):
            continue  # a legend set below or beside the axes
        entries = [t.get_text() for t in legend.get_texts()]

        for name, mark in _marks(ax, renderer):
            if isinstance(mark, Path):
                hit = mark.intersects_bbox(box, filled=False) or _inside(mark.vertices, box)
            elif isinstance(mark, np.ndarray):
                hit = _inside(mark, box)
            else:
                hit = box.overlaps(mark)
            if hit:
                found.append((entries[0] if entries else "legend", str(name)))
    return found


def check_labels(fig, label: str) -> None:
    """Fail, naming the figure and the labels, when two tick labels of an axis overlap or a legend
    is drawn over a mark."""
    pairs = overlapping_labels(fig)
    if pairs:
        shown = "; ".join(f"{a!r} over {b!r}" for a, b in pairs[:3])
        raise ValueError(
            f"{label}: {len(pairs)} pair(s) of tick labels overlap ({shown}): shorten or wrap the "
            "labels, or give the rows more height"
        )
    covered = legends_over_marks(fig)
    if covered:
        shown = "; ".join(f"the legend of {a!r} over {b!r}" for a, b in covered[:3])
        raise ValueError(
            f"{label}: {len(covered)} mark(s) under a legend ({shown}): move the legend to empty "
            "space or below the axes (figures.legend_below)"
        )
