"""Numbers, p-values and dates as the book writes them."""

from __future__ import annotations

import pandas as pd


def fmt_number(value: float, decimals: int = 0) -> str:
    """A number with thousands separators, e.g. 1,234,567 or 12.5."""
    return f"{value:,.{decimals}f}"


def fmt_p(p_value: float) -> str:
    """A p-value to two digits ("0.32"); below 0.01, "below 0.01"."""
    return "below 0.01" if p_value < 0.01 else f"{p_value:.2f}"


def long_date(day) -> str:
    """'9 June 2021' (any date or timestamp)."""
    return f"{day.day} {day:%B %Y}"


def step_date(row: pd.Series) -> str:
    """A step's date as its sources give it, from its interval (`date_earliest` to
    `date_latest`): '9 June 2021', 'June 2021', '2021', or, where reports give different days,
    '28 or 29 February 2020' and '3 to 5 August 2023' ('30 September to 1 October 2020')."""
    first, last = pd.Timestamp(row["date_earliest"]), pd.Timestamp(row["date_latest"])
    if first == last:
        return long_date(first)
    if first.day == 1 and last == first + pd.offsets.MonthEnd(0):
        return f"{first:%B %Y}"
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return f"{first:%Y}"
    if (first.year, first.month) == (last.year, last.month):
        joint = "or" if (last - first).days == 1 else "to"
        return f"{first.day} {joint} {long_date(last)}"
    if first.year == last.year:
        return f"{first.day} {first:%B} to {long_date(last)}"
    return f"{long_date(first)} to {long_date(last)}"


def publication_date(row: pd.Series) -> str:
    """A source's publication date as a citer reads it: '9 June 2021', 'June 2021' (the document
    or its address shows only the month) or 'undated'."""
    if pd.isna(row["published"]):
        return "undated"
    if row["published_precision"] == "month":
        return f"{row['published']:%B %Y}"
    return long_date(row["published"])


def shown_date(day: pd.Timestamp, precision: str) -> str:
    """A date at the precision the sources give: '2021-06-09', '2021-06' or '2021'."""
    if pd.isna(day):
        return ""
    return {"year": f"{day:%Y}", "month": f"{day:%Y-%m}"}.get(precision, f"{day:%Y-%m-%d}")
