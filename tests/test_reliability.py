"""Cohen's kappa is computed right, and the stored codings cover the drawn sample."""

from __future__ import annotations

import pandas as pd
import pytest

from safetybook import reliability


def test_kappa_is_one_for_identical_codings_and_zero_for_chance_agreement():
    codes = pd.Series(["a", "b", "a", "b"])
    assert reliability.cohens_kappa(codes, codes) == 1.0
    # Each coder splits 50/50 and they agree on half the items: exactly chance, kappa 0.
    assert reliability.cohens_kappa(codes, pd.Series(["a", "a", "b", "b"])) == pytest.approx(0.0)


def test_kappa_matches_a_worked_example():
    # 2x2 table [[20, 5], [10, 15]]: observed 0.7, expected 0.5, kappa 0.4.
    first = pd.Series(["y"] * 25 + ["n"] * 25)
    second = pd.Series(["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15)
    assert reliability.cohens_kappa(first, second) == pytest.approx(0.4)


def test_kappa_refuses_codings_of_different_lengths():
    with pytest.raises(ValueError):
        reliability.cohens_kappa(pd.Series(["a"]), pd.Series(["a", "b"]))


@pytest.mark.parametrize(
    "name", ["first_coding_round1.csv", "second_coding_round1.csv", "second_coding_round2.csv"]
)
def test_each_stored_coding_covers_exactly_the_drawn_sample(name):
    sample = pd.read_csv(reliability.FOLDER / "sample.csv", dtype=str)
    coding = reliability.read_coding(name)
    assert list(coding.index) == list(sample["event_id"])
    assert set(reliability.VARIABLES) <= set(coding.columns)
