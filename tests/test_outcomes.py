"""What happened in each unit (safetybook.outcomes) and a unit's address (safetybook.tables): an
investigation that ended in a fine says so beside its first step, with the amount as reported."""

from __future__ import annotations

import functools

import pandas as pd
import pytest

from safetybook import chapter, load, outcomes, tables


@functools.cache
def _all_units() -> pd.DataFrame:
    return outcomes.unit_outcomes(chapter.read("all"))


@pytest.mark.parametrize(
    ("value", "currency", "shown"),
    [
        (530_000_000, "EUR", "EUR 530 million"),
        (1_875_000, "GBP", "GBP 1.875 million"),
        (750_000, "EUR", "EUR 750,000"),
        (7_200_000_000, "RUB", "RUB 7.2 billion"),
        (21_770_392_317, "RUB", "RUB 21,770,392,317"),
        (5_700_000, "USD", "USD 5.7 million"),
    ],
)
def test_an_amount_is_written_exactly_with_its_currency(value, currency, shown):
    assert outcomes.money(value, currency) == shown


def test_disagreeing_reports_keep_every_amount():
    assert outcomes.amounts_text([2_600_000, 2_500_000, 2_600_000], "RUB") == (
        "RUB 2.5 million or 2.6 million"
    )


def test_the_irish_dpc_fines_read_as_investigations_that_ended_in_fines():
    found = _all_units()
    assert found.at["gov-129", "what"] == "Investigation → fine EUR 530 million, 2025"
    assert found.at["gov-129", "outcome_step"] == "gov-047"
    assert found.at["chi-004", "what"] == "Investigation → fine EUR 345 million, 2023"
    assert {"investigation", "fine"} <= set(found.at["chi-004", "types"])


def test_a_single_step_shows_its_own_amount_and_a_lifted_block_says_so():
    found = _all_units()
    assert found.at["gov-087", "what"] == "Fine RUB 2.5 million or 2.6 million"
    assert found.at["gov-087", "outcome"] == ""
    lifted = found[found["outcome"].str.startswith("lifted, ")]
    assert len(lifted) >= 3, "the record has blocks that were lifted"
    assert all(" → lifted, " in w for w in lifted["what"])


def test_every_amount_in_the_measures_reaches_its_unit():
    """Each fine or settlement amount tied to a counted step or its report is shown for a unit."""
    book = chapter.read("all")
    amounts = outcomes.step_amounts(book.steps, book.reports, book.measures)
    money_rows = book.measures[book.measures["metric"].isin(outcomes.AMOUNT_METRICS)]
    tied = money_rows[money_rows["event_id"].isin(set(book.reports["event_id"]))]
    assert len(tied) >= 50
    shown = " ".join(amounts)
    for row in tied.itertuples():
        assert outcomes.money(row.value, row.measured_in).split(" ")[1] in shown, row.measure_id


def test_every_unit_whose_later_steps_change_its_type_names_its_outcome():
    """A detail of the same announcement (or TikTok's response) is not an outcome; any other later
    step of another type is."""
    found = _all_units()
    assert set(found.index) == set(load.units()["unit_id"])
    steps = chapter.read("all").steps
    first_type = steps[steps["event_id"] == steps["unit_id"]].set_index("unit_id")["event_type"]
    later = steps[
        (steps["event_id"] != steps["unit_id"]) & ~steps["step"].isin(["detail", "response"])
    ]
    changed = set(later.loc[later["event_type"] != later["unit_id"].map(first_type), "unit_id"])
    assert len(changed) > 20
    assert found.loc[sorted(changed), "what"].str.contains(" → ").all()
    assert not found["what"].str.contains(r"\b[a-z]+_[a-z]+\b").any(), "a code in the words"


def test_a_unit_id_links_to_its_address_in_the_explorer():
    cell = tables.unit_link("gov-129")
    assert str(cell) == "gov-129"
    assert cell.url == "explore.html?unit=gov-129" == tables.unit_address("gov-129")
    shown = tables.HtmlTable(pd.DataFrame({"Unit": [cell]}))._repr_html_()
    assert '<td><a href="explore.html?unit=gov-129">gov-129</a></td>' in shown


def test_an_appeal_a_stay_or_a_payment_is_not_another_fine():
    from safetybook import government

    book = chapter.read("all")
    found = government.fines(book)
    # the DPC's fine of 2025, not also the Irish courts' rulings on it
    assert (found["unit_id"] == "gov-129").sum() == 1
    # Türkiye's two fines of 2020 (10 and 30 million lira) are two fines of one episode
    assert (found["unit_id"] == "gov-778").sum() == 2
    steps = book.steps.set_index("event_id")["step"]
    assert set(found["fine_id"].map(steps)) <= set(government.FINE_IMPOSING_STEPS)
