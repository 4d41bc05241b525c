"""Every verdict sentence the book prints comes from a rule that can give each of its answers (the
plan, section 6), and the statistics behind them behave as stated."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from safetybook import (
    basis,
    cases,
    chapter,
    comparator,
    dataset,
    panel,
    peers,
    plan,
    recall,
    responses,
    sports,
)
from safetybook.response_test import Outcome, doubled_tail_p


def outcome(observed: float, shifted: float) -> Outcome:
    nan = float("nan")
    return Outcome(90, 10, 5, observed, shifted, nan, nan, 0.5, nan, nan, nan, nan, nan, nan)


@pytest.mark.parametrize(
    ("observed", "shifted", "calibrated", "expected"),
    [
        (0.9, 0.5, 0.01, "came more often"),
        (0.1, 0.5, 0.01, "came less often"),
        (0.9, 0.5, 0.5, "no difference is detected"),
    ],
)
def test_the_primary_verdict_can_give_each_answer(observed, shifted, calibrated, expected):
    assert expected in responses.verdict(outcome(observed, shifted), calibrated)


def test_the_power_words_say_cannot_detect_below_the_plan_s_floor():
    assert responses.power_words(0.1, "x").startswith("the design cannot detect x")
    assert responses.power_words(0.5, "x").startswith("the design would detect x in 50%")


@pytest.mark.parametrize(
    ("dd", "null", "p", "expected"),
    [
        (1.0, 0.0, 0.01, "more often"),
        (-1.0, 0.0, 0.01, "less often"),
        (1.0, 0.0, 0.5, "no difference"),
    ],
)
def test_the_comparator_verdict_can_give_each_answer(dd, null, p, expected):
    assert expected in comparator.verdict({"dd": dd, "null_mean": null, "p_value": p})


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [(1.1, 2.0, "higher"), (0.2, 0.9, "lower"), (0.8, 1.2, "no change detected")],
)
def test_the_panel_reading_names_a_direction_only_when_the_interval_excludes_one(
    low, high, expected
):
    assert panel.ratio_words({"low": low, "high": high}) == expected


@pytest.mark.parametrize(
    ("shares", "expected"),
    [
        ([20, 30, 40], "addresses other concerns"),
        ([60, 70, 80], "addresses the concerns"),
        ([20, 70, 40], "depends"),
    ],
)
def test_the_concern_question_has_three_answers(shares, expected):
    frame = pd.DataFrame({"frame": "f", "mapping": "m", "items": 10, "share": shares})
    assert expected in responses.concern_words(frame)


@pytest.mark.parametrize(
    ("ratio", "low", "high", "expected"),
    [
        (float("nan"), float("nan"), float("nan"), "too few deals"),
        (2.0, 1.2, 3.0, "more often"),
        (0.5, 0.2, 0.8, "less often"),
        (0.9, 0.5, 1.5, "cannot tell"),
    ],
)
def test_the_sports_reading_rule_has_each_answer(ratio, low, high, expected):
    assert expected in sports.ban_words({"rate_ratio": ratio, "low": low, "high": high})


def test_the_peers_sentence_names_what_one_platform_alone_faced():
    table = pd.DataFrame(
        {"TikTok": [5, 3], "Instagram": [0, 2], "YouTube": [0, 1]}, index=["Security", "Content"]
    )
    words = peers.concerns_words(table)
    assert "only TikTok's record holds government episodes on security" in words
    assert "every platform's record holds some on content" in words
    even = pd.DataFrame({"TikTok": [1], "Instagram": [1], "YouTube": [1]}, index=["Content"])
    assert "only" not in peers.concerns_words(even)


def test_a_case_sentence_counts_its_sequence():
    case = cases.Case("x", "X", ("PK",), "2020-01-01", None)
    empty = {
        "pressure": 0,
        "relief": 0,
        "tiktok": 0,
        "tiktok_after": 0,
        "first": None,
        "last": None,
    }
    assert "no government pressure step" in cases.words(case, empty)
    some = {
        "pressure": 3,
        "relief": 1,
        "tiktok": 2,
        "tiktok_after": 1,
        "first": pd.Timestamp("2020-10-01"),
        "last": pd.Timestamp("2021-07-01"),
    }
    words = cases.words(case, some)
    assert (
        "3 government pressure steps, 1 step of relief" in words
        and "2 steps of TikTok's own" in words
    )


def test_the_targets_sentence_names_the_targets_missed():
    table = pd.DataFrame({"What": ["Episodes", "Fines and laws"], "Met": ["yes", "no"]})
    assert basis.targets_words(table) == "1 of the 2 targets are met; not yet: fines and laws."
    assert basis.targets_words(table.assign(Met="yes")) == "Every target is met."


# -- the statistics ---------------------------------------------------------------------------------


def test_the_doubled_tail_counts_ties_half():
    observed = np.array([1.0, 1.0, 1.0, 1.0])
    assert doubled_tail_p(observed, np.array([0.0, 0.0, 0.0, 0.0])) == pytest.approx(2 * 0.5 / 5)
    assert doubled_tail_p(observed, observed) == 1.0


def test_a_report_agrees_only_when_its_days_lie_within_the_step_s_interval():
    day = pd.Timestamp
    step = (day("2021-03-01"), day("2021-03-31"))
    assert basis.dates_agree(step, (day("2021-03-15"), day("2021-03-15")))
    assert not basis.dates_agree(
        (day("2021-03-15"), day("2021-03-15")), step
    )  # a month cannot confirm a day
    assert not basis.dates_agree(step, (day("2021-04-01"), day("2021-04-01")))


def test_copies_of_one_wire_story_are_one_report():
    sources = pd.DataFrame(
        {
            "publisher": ["Daily Herald (Associated Press)", "KTVZ", "Dawn", "ARY News"],
            "syndicated_from": ["AP", "AP", None, None],
            "derived_from": [None, None, None, None],
            "url": ["a", "b", "c", "d"],
            "kind": ["news"] * 4,
        },
        index=pd.Index(["s1", "s2", "s3", "s4"], name="source_id"),
    )
    assert basis.independent_count(["s1", "s2"], sources) == 1
    assert basis.independent_count(["s3", "s4"], sources) == 2


def test_a_fine_is_judged_on_the_step_that_imposed_it():
    # An investigation that ended in a fine is judged on the fine; an episode that began with a
    # fine keeps its first fine even when a second, later fine follows; a law on its first step.
    steps = pd.DataFrame(
        {
            "event_id": ["i1", "i2", "f1", "f2", "l1"],
            "unit_id": ["i1", "i1", "f1", "f1", "l1"],
            "event_type": ["investigation", "fine", "fine", "fine", "age_limit"],
            "date": pd.to_datetime(
                ["2020-01-01", "2021-01-01", "2020-11-04", "2020-12-11", "2023-01-30"]
            ),
        }
    )
    units = steps[steps["event_id"] == steps["unit_id"]][["unit_id", "event_type"]]
    book = type("Book", (), {"steps": steps, "units": units})()
    assert basis.key_steps(book).to_dict() == {"i1": "i2", "f1": "f1", "l1": "l1"}


def test_an_unknown_match_status_in_the_outside_lists_is_refused():
    matches = recall.outside_matches().copy()
    matches.loc[matches.index[0], "status"] = "maybe"
    with pytest.raises(ValueError, match="unknown status"):
        recall.outside_recall(matches)


@pytest.mark.simulation
def test_the_calibrated_rule_is_near_nominal_on_fresh_null_records_in_the_real_configuration():
    """The plan's size requirement (3-7% at nominal 5%) for the calibrated rule of deviation 1,
    measured on 1,600 records the calibration never saw (deviation 3); fails loudly if the data
    stop supporting it."""
    book = chapter.read("all")
    end = plan.study_end(dataset.collection_date())
    pressure = responses.pressure_events(book)
    steps = responses.response_events(book, pressure)
    null_p = responses.size(pressure, steps, end, seed=responses.CALIBRATION_SEED)
    fresh = responses.validated_size(lambda s: responses.size(pressure, steps, end, seed=s), null_p)
    assert fresh["n"] == 1600
    assert plan.SIZE_BAND[0] <= fresh["rate"] <= plan.SIZE_BAND[1], fresh
    assert fresh["words"].startswith("within")


@pytest.mark.simulation
def test_the_comparator_s_calibrated_rule_is_near_nominal_on_fresh_null_records():
    """Deviations 2 and 3 for the comparator: its calibrated rule's size on 1,600 fresh null-true
    records lies in the plan's band."""
    book = chapter.read("all")
    end = plan.study_end(dataset.collection_date())
    data = comparator.inputs(book)
    null_p = comparator.size(data, end, seed=responses.CALIBRATION_SEED)
    fresh = responses.validated_size(lambda s: comparator.size(data, end, seed=s), null_p)
    assert fresh["n"] == 1600
    assert plan.SIZE_BAND[0] <= fresh["rate"] <= plan.SIZE_BAND[1], fresh


@pytest.mark.parametrize(
    ("rate", "expected"),
    [(0.05, "within the plan's band"), (0.02, "conservative"), (0.09, "too ready to reject")],
)
def test_the_size_words_can_give_each_answer(rate, expected):
    assert expected in responses.size_words(rate)


def test_the_size_interval_is_wilson_s():
    # 8 of 400: Wilson's 95% interval is 1.02% to 3.90%
    low, high = responses.rate_interval(0.02, 400)
    assert round(100 * low, 2) == 1.02 and round(100 * high, 2) == 3.90
    low, high = responses.rate_interval(0.0, 400)
    assert low == pytest.approx(0.0, abs=1e-12) and 0 < high < 0.01


def test_the_synthesis_counts_every_deviation_of_the_plan():
    import re

    import nbformat

    from safetybook import paths

    listed = re.findall(
        r"^## (\d+)\. ", (paths.ROOT / "analysis" / "DEVIATIONS.md").read_text("utf-8"), re.M
    )
    assert listed == [str(i) for i in range(1, len(listed) + 1)], listed
    notebook = nbformat.read(paths.ROOT / "chapters" / "07_synthesis.ipynb", as_version=4)
    said = re.search(
        r'glue\.say\("syn_n_deviations", (\d+)\)', "".join(c.source for c in notebook.cells)
    )
    assert said and int(said.group(1)) == len(listed)


def test_rows_added_after_the_match_are_shown_but_never_raise_the_recall():
    matches = recall.outside_matches()
    table = recall.outside_recall(matches).set_index("list")
    cleared = recall.outside_recall(matches.assign(added_after="")).set_index("list")
    assert table["added_after"].sum() == (matches["added_after"] != "").sum() > 0
    assert (table["recall"] == cleared["recall"]).all()
    added = matches[matches["added_after"] != ""]
    assert set(added["status"]) == {"missing"}, "only a missed row can have been added after"
    with pytest.raises(ValueError, match="added_after"):
        recall.outside_recall(matches.drop(columns="added_after"))
