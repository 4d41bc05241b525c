"""What a figure draws, read back from its Axes, and what of it its published data lack.

`glue.publish` writes it beside the figure's CSV (`<label>.drawn.json`), so a test can check that
the CSV holds every value the figure plots and every label it draws (tests/test_figure_data.py):
- numbers: bar lengths, line and marker positions, ranges, on any axis that is neither a date axis
  nor a category axis (a line's vertex without a value on either axis is a gap, not a point);
- dates: positions on a date axis (as days);
- labels: the words on a category axis, annotations and bar labels, and legend entries.
Titles, axis labels and the ticks of a numeric or date scale describe the figure, not its data,
and are not read.
"""

from __future__ import annotations

import datetime as dt
import math
import re

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.category import StrCategoryFormatter
from matplotlib.collections import LineCollection, PathCollection, PolyCollection
from matplotlib.legend import Legend
from matplotlib.patches import Rectangle
from matplotlib.ticker import FixedFormatter, LogFormatter, ScalarFormatter

DATE_FORMATTERS = (mdates.AutoDateFormatter, mdates.ConciseDateFormatter, mdates.DateFormatter)
SIGNIFICANT = 6
# Matplotlib's day numbers of 1 January 1900 and 31 December 2100: the span a date here can have.
DATE_RANGE = (mdates.date2num(dt.date(1900, 1, 1)), mdates.date2num(dt.date(2100, 12, 31)))


SCALE_TICK = re.compile(
    r"^[-+\u2212]?[\d,.]*\d(?:[eE][-+]?\d+)?\s*(?:%|k|K|M|bn|m|thousand|million|billion)?$"
)


def _kind(axis) -> str:
    """What positions on an axis stand for: "date", "number" (a numeric scale), "category" (ticks
    that name rows) or "layout" (no tick labels: positions only place things)."""
    if isinstance(axis.get_major_formatter(), DATE_FORMATTERS):
        return "date"
    ticks = [t.get_text().strip() for t in axis.get_ticklabels() if t.get_visible()]
    ticks = [t for t in ticks if t]
    if not ticks or not axis.get_visible():
        return "layout"
    if isinstance(axis.get_major_formatter(), LogFormatter | ScalarFormatter):
        return "number"
    if isinstance(axis.get_major_formatter(), StrCategoryFormatter | FixedFormatter):
        return "category"  # ticks placed by hand name rows, even when they read "2021"
    return "number" if all(SCALE_TICK.match(t) for t in ticks) else "category"


def _round(value: float) -> float:
    return float(f"{value:.{SIGNIFICANT}g}")


class Drawn:
    """Collects what one figure draws."""

    def __init__(self):
        self.numbers: set[float] = set()
        self.dates: set[str] = set()
        self.labels: set[str] = set()

    def position(self, kind: str, values) -> None:
        for value in np.ravel(np.asarray(values, dtype=float)):
            if not math.isfinite(value):
                continue
            if kind == "date":
                if DATE_RANGE[0] <= value <= DATE_RANGE[1]:  # else not a date (an axes' edge)
                    self.dates.add(mdates.num2date(value).date().isoformat())
            elif kind == "number":
                self.numbers.add(_round(value))
            # "category" and "layout" positions place rows and marks; they are not data

    def label(self, text: str) -> None:
        text = " ".join(text.split())
        if text:
            self.labels.add(text)

    def as_dict(self) -> dict:
        return {
            "numbers": sorted(self.numbers),
            "dates": sorted(self.dates),
            "labels": sorted(self.labels),
        }


def _data_dims(artist, ax) -> tuple[bool, bool]:
    """Whether the artist's x and y are in data coordinates (a reference line spans the axes)."""
    transform = artist.get_transform()
    x, y = transform.contains_branch_seperately(ax.transData)
    return bool(x), bool(y)


def _lines(ax, kinds, drawn: Drawn) -> None:
    for line in ax.lines:
        if line.get_visible():
            data_x, data_y = _data_dims(line, ax)
            xy = np.asarray(line.get_xydata(), dtype=float)  # in axis units (dates as numbers)
            xy = xy[np.isfinite(xy).all(axis=1)]  # a vertex without a value breaks the line
            if data_x and xy.size:
                drawn.position(kinds[0], xy[:, 0])
            if data_y and xy.size:
                drawn.position(kinds[1], xy[:, 1])


def _bars(ax, kinds, drawn: Drawn) -> None:
    """A bar's length is data whatever the axis shows; its place is, on a date axis, its date and,
    on a numeric axis, the nearest whole number (bars side by side are offset from their year)."""
    for patch in ax.patches:
        if not isinstance(patch, Rectangle) or not patch.get_visible():
            continue
        if _data_dims(patch, ax) != (True, True):
            continue  # a shaded span across the axes
        horizontal = kinds[1] in ("category", "layout") and kinds[0] in ("number", "layout")
        length, place, along = (
            (patch.get_width(), patch.get_y() + patch.get_height() / 2, kinds[1])
            if horizontal
            else (patch.get_height(), patch.get_x() + patch.get_width() / 2, kinds[0])
        )
        drawn.position("number", [length])
        if along == "date":
            drawn.position("date", [place])
        elif along == "number":
            drawn.position("number", [round(place)])


def _collections(ax, kinds, drawn: Drawn) -> None:
    for collection in ax.collections:
        if not collection.get_visible():
            continue
        if isinstance(collection, PathCollection):  # markers (scatter)
            offsets = np.asarray(collection.get_offsets())
            if offsets.size and collection.get_offset_transform().contains_branch(ax.transData):
                drawn.position(kinds[0], offsets[:, 0])
                drawn.position(kinds[1], offsets[:, 1])
        elif isinstance(collection, LineCollection | PolyCollection):  # ranges, bands
            data_x, data_y = _data_dims(collection, ax)
            for path in collection.get_paths():
                vertices = np.asarray(path.vertices)
                if data_x:
                    drawn.position(kinds[0], vertices[:, 0])
                if data_y:
                    drawn.position(kinds[1], vertices[:, 1])


def _labels(ax, kinds, drawn: Drawn) -> None:
    texts = [t for t in ax.texts if t.get_visible()]
    for axis, kind in zip((ax.xaxis, ax.yaxis), kinds, strict=True):
        if kind == "category":
            texts += axis.get_ticklabels()
    legend = ax.get_legend()
    if isinstance(legend, Legend):
        texts += legend.get_texts()
    for text in texts:
        drawn.label(text.get_text())


def _read_axes(ax, drawn: Drawn) -> None:
    kinds = (_kind(ax.xaxis), _kind(ax.yaxis))
    for read in (_lines, _bars, _collections, _labels):
        read(ax, kinds, drawn)


def drawn(fig) -> dict:
    """Every number, date and label the figure's Axes draw (see the module docstring)."""
    fig.canvas.draw()  # tick labels are set when the figure is drawn
    found = Drawn()
    for ax in fig.axes:
        _read_axes(ax, found)
    for legend in fig.legends:
        for text in legend.get_texts():
            found.label(text.get_text())
    return found.as_dict()


# -- comparing with the published data -----------------------------------------------------------

NUMBER = re.compile(r"^[-+]?[\d,]*\.?\d+(?:[eE][-+]?\d+)?$")
DATE = re.compile(r"^(\d{4})(?:-(\d\d))?(?:-(\d\d))?")


def _cells(data: pd.DataFrame) -> tuple[set[float], set[str], set[str]]:
    numbers, dates, texts = set(), set(), set()
    for column in data.columns:
        texts.add(" ".join(str(column).split()))
        for value in data[column].dropna():
            if isinstance(value, bool | np.bool_):
                texts.add(str(value))
            elif isinstance(value, int | float | np.integer | np.floating):
                numbers.add(_round(float(value)))
            elif isinstance(value, pd.Timestamp | dt.date):
                dates.add(pd.Timestamp(value).date().isoformat())
            else:
                text = " ".join(str(value).split())
                texts.add(text)
                if NUMBER.match(text.replace(",", "")):
                    numbers.add(_round(float(text.replace(",", ""))))
                found = DATE.match(text)
                if found and found.group(2):
                    dates.add(text[:10])
    return numbers, dates, texts


def _close(value: float, known: set[float]) -> bool:
    return any(math.isclose(value, k, rel_tol=1e-5, abs_tol=1e-9) for k in known)


def _label_found(label: str, texts: set[str], numbers: set[float]) -> bool:
    plain = label.rstrip("…").rstrip()
    if any(plain == t or (label.endswith("…") and t.startswith(plain)) for t in texts):
        return True
    bare = label.replace(",", "").rstrip("%")
    return bool(NUMBER.match(bare)) and _close(float(bare), numbers)


def missing(drawn_: dict, data: pd.DataFrame) -> dict[str, list]:
    """What the figure draws that its data do not hold (empty lists when the CSV holds it all)."""
    numbers, dates, texts = _cells(data)
    return {
        "numbers": [n for n in drawn_["numbers"] if not _close(n, numbers)],
        "dates": [d for d in drawn_["dates"] if d not in dates],
        "labels": [t for t in drawn_["labels"] if not _label_found(t, texts, numbers)],
    }
