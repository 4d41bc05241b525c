"""Dates in prose say what the sources give: a day, a month, a year, or the days reports differ on."""

from __future__ import annotations

import pandas as pd
import pytest

from safetybook.formatting import step_date


@pytest.mark.parametrize(
    ("first", "last", "shown"),
    [
        ("2021-06-09", "2021-06-09", "9 June 2021"),
        ("2021-06-01", "2021-06-30", "June 2021"),
        ("2020-02-01", "2020-02-29", "February 2020"),
        ("2021-01-01", "2021-12-31", "2021"),
        ("2020-02-28", "2020-02-29", "28 or 29 February 2020"),
        ("2023-08-03", "2023-08-05", "3 to 5 August 2023"),
        ("2020-09-30", "2020-10-01", "30 September to 1 October 2020"),
        ("2019-12-31", "2020-01-01", "31 December 2019 to 1 January 2020"),
    ],
)
def test_a_step_date_is_written_at_the_precision_of_its_interval(first, last, shown):
    row = pd.Series({"date_earliest": pd.Timestamp(first), "date_latest": pd.Timestamp(last)})
    assert step_date(row) == shown


def test_an_interval_is_never_written_as_its_first_day():
    row = pd.Series(
        {"date_earliest": pd.Timestamp("2024-09-09"), "date_latest": pd.Timestamp("2024-09-10")}
    )
    assert step_date(row) != "9 September 2024"
