"""The agreement table the codebook chapter shows, and the stored codings cover the drawn sample."""

from __future__ import annotations

import pandas as pd
import pytest

from safetybook import reliability


def test_agreement_lists_every_variable_with_its_disagreeing_rows():
    first = pd.DataFrame(
        {v: ["a", "b", "a", "b"] for v in reliability.VARIABLES}, index=["e1", "e2", "e3", "e4"]
    )
    second = first.copy()
    second.loc["e3", "direction"] = "b"
    table = reliability.agreement(first, second).set_index("variable")
    assert list(table.index) == list(reliability.VARIABLES)
    assert (table["rows"] == 4).all()
    assert table.at["direction", "disagreements"] == "e3"
    assert table.at["direction", "agree"] == 0.75
    assert table.at["direction", "kappa"] < 1 and table.at["step", "kappa"] == 1.0
    assert (table.drop("direction")["disagreements"] == "").all()


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
