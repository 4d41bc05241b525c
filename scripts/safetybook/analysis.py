"""Small computations shared by chapters: reported series and their disagreements, periods, shares."""

from __future__ import annotations

import pandas as pd

from safetybook.load import OFFICIAL_KINDS

# Source kinds that are the acting organisation's own document (defined once, in load).
PRIMARY_KINDS = OFFICIAL_KINDS


def period_label(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """'Q1 2021' for a calendar quarter, 'H2 2020' for a half-year, else the two dates."""
    if pd.isna(start):
        return f"as of {end:%Y-%m-%d}"
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if start.day == 1 and months == 3 and start.month in (1, 4, 7, 10):
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if start.day == 1 and months == 6 and start.month in (1, 7):
        return f"H{1 if start.month == 1 else 2} {start.year}"
    if start.day == 1 and months == 1 and end == start + pd.offsets.MonthEnd(0):
        return f"{start:%b %Y}"
    return f"{start:%Y-%m-%d} to {end:%Y-%m-%d}"


ROUNDING = 0.02
"""Relative gap an approximate figure may have from another figure before the two disagree."""


def consistent(a: tuple[float, str], b: tuple[float, str]) -> bool:
    """Whether two reports (value, qualifier) of the same figure can both be right.
    Exact figures must match; an approximate one may differ by rounding (`ROUNDING`); a bound
    ("over", "under") only conflicts with a figure on the wrong side of it."""
    (x, qx), (y, qy) = a, b
    if "at_least" in (qx, qy) or "at_most" in (qx, qy):
        if qx in ("at_least", "at_most"):
            (x, qx), (y, qy) = (y, qy), (x, qx)
        if qx in ("at_least", "at_most"):
            return True
        slack = ROUNDING * abs(x) if qx == "approx" else 1e-9 * max(abs(x), 1)
        return x >= y - slack if qy == "at_least" else x <= y + slack
    tolerance = ROUNDING if "approx" in (qx, qy) else 1e-9
    return abs(x - y) <= tolerance * max(abs(x), abs(y), 1e-12)


def midpoint(frame: pd.DataFrame) -> pd.Series:
    """Middle of each row's period (`period_start` to `period_end`); the end date for as-of figures."""
    start = frame["period_start"].fillna(frame["period_end"])
    return start + (frame["period_end"] - start) / 2


def reported_series(measures: pd.DataFrame, metric: str, country: str = "INT") -> pd.DataFrame:
    """Every reported value of one metric, one row per report, with its period label and whether
    another report of the same period contradicts it beyond rounding (`disagreement`, see `consistent`)."""
    rows = measures[(measures["metric"] == metric) & (measures["country"] == country)].copy()
    rows["period"] = [
        period_label(s, e) for s, e in zip(rows["period_start"], rows["period_end"], strict=False)
    ]
    reports = list(zip(rows["period_end"], rows["value"], rows["qualifier"], strict=False))
    rows["disagreement"] = [
        any(e == e2 and not consistent((v, q), (v2, q2)) for e2, v2, q2 in reports)
        for e, v, q in reports
    ]
    rows["months"] = ((rows["period_end"] - rows["period_start"]).dt.days / 30.44).round()
    columns = [
        "period",
        "period_start",
        "period_end",
        "months",
        "value",
        "qualifier",
        "source_id",
        "source_kind",
        "measure_id",
        "disagreement",
    ]
    return rows[columns].sort_values(["period_end", "value", "measure_id"]).reset_index(drop=True)


def consensus(series: pd.DataFrame) -> pd.DataFrame:
    """One value per period: the median of the reported values (only exact or approximate figures),
    with how many reports it rests on and their range."""
    usable = series[series["qualifier"].isin(["exact", "approx"])]
    grouped = usable.groupby(["period_end", "period"], as_index=False).agg(
        period_start=("period_start", "first"),
        months=("months", "first"),
        value=("value", "median"),
        low=("value", "min"),
        high=("value", "max"),
        reports=("value", "size"),
        sources=("source_id", lambda s: " ".join(sorted(set(s)))),
    )
    return grouped.sort_values("period_end").reset_index(drop=True)


def path_words(values: pd.Series, labels: pd.Series, threshold: float = 0.10) -> str:
    """How a series moved, in words chosen by one rule that can give every answer.

    With the first, peak, trough and last values: a rise of more than `threshold` (relative) to an
    interior peak followed by a fall of more than `threshold` is "rose ... then fell"; a fall to an
    interior trough followed by a rise is "fell ... then rose"; otherwise the direction from first
    to last, or "stayed within" when that change is within the threshold.
    """
    v, lab = values.reset_index(drop=True), labels.reset_index(drop=True)
    first, last, top, low = v.iloc[0], v.iloc[-1], v.idxmax(), v.idxmin()

    def moved(a: float, b: float) -> bool:
        return abs(b - a) > threshold * abs(a)

    def at(i: int) -> str:
        return f"{v.iloc[i]:.1f} ({lab.iloc[i]})"

    if (
        0 < top < len(v) - 1
        and moved(first, v[top])
        and moved(v[top], last)
        and v[top] > max(first, last)
    ):
        return f"rose from {at(0)} to {at(top)}, then fell to {at(len(v) - 1)}"
    if (
        0 < low < len(v) - 1
        and moved(first, v[low])
        and moved(v[low], last)
        and v[low] < min(first, last)
    ):
        return f"fell from {at(0)} to {at(low)}, then rose to {at(len(v) - 1)}"
    if not moved(first, last):
        return f"stayed within {threshold:.0%} of {at(0)}, ending at {at(len(v) - 1)}"
    return f"{'rose' if last > first else 'fell'} from {at(0)} to {at(len(v) - 1)}"


def share(mask: pd.Series) -> float:
    """Percentage of True values."""
    return 100.0 * float(mask.mean()) if len(mask) else float("nan")


def densest_window(dates: pd.Series, days: int) -> tuple[int, pd.Timestamp]:
    """Largest number of dates inside any window of `days` days, and the window's first day."""
    ordered = pd.Series(sorted(pd.to_datetime(dates))).reset_index(drop=True)
    best, start = 0, ordered.iloc[0] if len(ordered) else pd.NaT
    j = 0
    for i in range(len(ordered)):
        while ordered.iloc[i] - ordered.iloc[j] >= pd.Timedelta(days=days):
            j += 1
        if i - j + 1 > best:
            best, start = i - j + 1, ordered.iloc[j]
    return best, start


def with_gaps(consensus: pd.DataFrame, months: int = 3) -> pd.DataFrame:
    """The consensus series with an empty row for every missing period, so lines break at gaps."""
    if consensus.empty:
        return consensus
    ends = pd.date_range(
        consensus["period_end"].min(), consensus["period_end"].max(), freq=f"{months}ME"
    )
    return consensus.set_index("period_end").reindex(ends).rename_axis("period_end").reset_index()


def hashtag(text: str) -> str:
    """' of #tag' for the first hashtag a phrase names ('' when it names none): what a count counts."""
    import re

    found = re.search(r"#\w+", str(text))
    return f" of {found.group(0)}" if found else ""


def unique_labels(labels: list[str]) -> list[str]:
    """Chart labels told apart: a label that repeats gets ', report 1', ', report 2', ... in order."""
    from collections import Counter

    total, seen, out = Counter(labels), Counter(), []
    for label in labels:
        seen[label] += 1
        out.append(f"{label}, report {seen[label]}" if total[label] > 1 else label)
    return out
