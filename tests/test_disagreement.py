"""When two reports of the same figure disagree: exact figures must match, approximate ones may differ
by rounding, and a bound only conflicts with a figure on its wrong side."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from safetybook.analysis import ROUNDING, consistent, period_label, reported_series

values = st.floats(min_value=0.1, max_value=1e10, allow_nan=False)
qualifiers = st.sampled_from(["exact", "approx", "at_least", "at_most"])


@given(values, qualifiers, values, qualifiers)
def test_consistency_is_symmetric(x, qx, y, qy):
    assert consistent((x, qx), (y, qy)) == consistent((y, qy), (x, qx))


@given(values, qualifiers)
def test_a_report_agrees_with_itself(x, q):
    assert consistent((x, q), (x, q))


@given(values, st.floats(min_value=1.001, max_value=10))
def test_different_exact_figures_disagree(x, factor):
    assert not consistent((x, "exact"), (x * factor, "exact"))


@given(values, st.floats(min_value=0, max_value=ROUNDING * 0.99))
def test_approximate_figures_may_differ_by_rounding(x, gap):
    assert consistent((x * (1 + gap), "approx"), (x, "exact"))
    assert not consistent((x * (1 + 2.5 * ROUNDING), "approx"), (x, "exact"))


@given(values, st.floats(min_value=1.001, max_value=10))
def test_bounds_conflict_only_on_their_wrong_side(x, factor):
    assert consistent((x, "at_least"), (x * factor, "exact"))
    assert not consistent((x * factor, "at_least"), (x, "exact"))
    assert consistent((x * factor, "at_most"), (x, "exact"))
    assert not consistent((x, "at_most"), (x * factor, "exact"))
    assert consistent((x, "at_most"), (x * factor, "at_least"))


def test_reported_series_flags_only_contradicting_reports():
    quarter = dict(
        period_start=pd.Timestamp("2021-01-01"),
        period_end=pd.Timestamp("2021-03-31"),
        metric="m",
        country="INT",
        source_kind="news",
    )
    rows = pd.DataFrame(
        [
            dict(quarter, value=66.2, qualifier="exact", source_id="a", measure_id="x-m001"),
            dict(quarter, value=66.3, qualifier="exact", source_id="b", measure_id="x-m002"),
            dict(quarter, value=70.0, qualifier="at_most", source_id="c", measure_id="x-m003"),
            dict(quarter, value=66.0, qualifier="approx", source_id="d", measure_id="x-m004"),
        ]
    )
    flagged = reported_series(rows, "m").set_index("source_id")["disagreement"].to_dict()
    assert flagged == {"a": True, "b": True, "c": False, "d": False}


def test_period_labels():
    assert period_label(pd.Timestamp("2021-04-01"), pd.Timestamp("2021-06-30")) == "Q2 2021"
    assert period_label(pd.Timestamp("2020-07-01"), pd.Timestamp("2020-12-31")) == "H2 2020"
    assert period_label(pd.Timestamp("2019-12-01"), pd.Timestamp("2019-12-31")) == "Dec 2019"
    assert (
        period_label(pd.Timestamp("2019-12-01"), pd.Timestamp("2019-12-20"))
        == "2019-12-01 to 2019-12-20"
    )


def test_the_sports_rate_verdict_names_a_direction_only_when_the_exact_test_rejects():
    from safetybook.sports import rate_verdict

    assert rate_verdict(0, 2.0, 0, 3.0) == "no deals on either side, so nothing to compare"
    # 5 before and 6 after over equal years: what equal rates would give.
    assert rate_verdict(5, 2.0, 6, 2.0).startswith("the two rates are not distinguishable")
    assert rate_verdict(1, 2.0, 14, 2.0).startswith("deals came more often after the bans")
    assert rate_verdict(14, 2.0, 1, 2.0).startswith("deals came less often after the bans")
    # The same split means the opposite when the years after are many more.
    assert "less often" in rate_verdict(4, 1.0, 6, 9.0)


@pytest.mark.parametrize(
    "values, starts",
    [
        ([10, 20, 11], "rose from 10.0 (a) to 20.0 (b), then fell"),
        ([20, 10, 19], "fell from 20.0 (a) to 10.0 (b), then rose"),
        ([10, 12, 15], "rose from 10.0 (a) to 15.0 (c)"),
        ([15, 12, 10], "fell from 15.0 (a) to 10.0 (c)"),
        ([10, 10.5, 10.2], "stayed within 10% of 10.0 (a)"),
    ],
)
def test_path_words_can_give_every_verdict(values, starts):
    from safetybook.analysis import path_words

    words = path_words(pd.Series(values, dtype=float), pd.Series(["a", "b", "c"]))
    assert words.startswith(starts), words
