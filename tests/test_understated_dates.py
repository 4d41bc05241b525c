"""A step is stated as finely as its reports agree (codebook, "Dates"): `make data` names a step
stated by its month or year when every report of it lies within a shorter stretch."""

from __future__ import annotations

import pytest

from safetybook_pipeline.unit_rules import understated_date_problems
from safetybook_pipeline.validate import Row


def _row(line, event_id, date, precision, latest="", target=""):
    values = {
        "event_id": event_id,
        "date": date,
        "date_precision": precision,
        "date_latest": latest,
        "same_event_as": target,
    }
    return Row("events/x.csv", line, values)


def _problems(*rows):
    return [(p.line, p.column) for p in understated_date_problems(list(rows))]


def test_a_month_step_with_a_report_giving_its_day_is_named_at_the_step():
    step = _row(2, "x-001", "2021-09-01", "month")
    found = understated_date_problems([step, _row(3, "x-002", "2021-09-14", "day", target="x-001")])
    assert [(p.line, p.column) for p in found] == [(2, "date")]
    assert "2021-09-14..2021-09-14" in found[0].message and "x-002" in found[0].message


def test_a_year_step_whose_reports_agree_on_a_month_is_named():
    step = _row(2, "x-001", "2023-01-01", "year")
    report = _row(3, "x-002", "2023-07-01", "month", target="x-001")
    assert _problems(step, report) == [(2, "date")]


@pytest.mark.parametrize(
    "reports",
    [
        [],  # no report: nothing to compare
        [("2021-09-01", "month")],  # a report at the same month agrees, no finer
        [("2021-09-14", "day"), ("2021-09-15", "day")],  # reports disagree: an interval to state
    ],
)
def test_steps_stated_as_finely_as_their_reports_agree_pass(reports):
    step = _row(2, "x-001", "2021-09-01", "month")
    rows = [step] + [
        _row(3 + i, f"x-{i + 2:03d}", d, p, target="x-001") for i, (d, p) in enumerate(reports)
    ]
    assert _problems(*rows) == []


def test_a_coarser_report_does_not_excuse_a_finer_one():
    step = _row(2, "x-001", "2021-09-01", "month")
    day = _row(3, "x-002", "2021-09-14", "day", target="x-001")
    year = _row(4, "x-003", "2021-01-01", "year", target="x-001")
    assert _problems(step, day, year) == [(2, "date")]


def test_a_stated_interval_and_a_day_precise_step_are_left_to_their_rows():
    interval = _row(2, "x-001", "2024-09-01", "month", latest="2024-09-10")
    day = _row(4, "x-003", "2024-09-09", "day")
    reports = [
        _row(3, "x-002", "2024-09-09", "day", target="x-001"),
        _row(5, "x-004", "2024-09-01", "month", target="x-003"),
    ]
    assert _problems(interval, day, *reports) == []


def test_a_malformed_date_is_left_to_the_cell_checks():
    step = _row(2, "x-001", "2021-09-01", "month")
    report = _row(3, "x-002", "2021-09-1x", "day", target="x-001")
    assert _problems(step, report) == []
