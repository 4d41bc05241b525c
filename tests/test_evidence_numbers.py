"""Reading numbers out of evidence phrases: the check behind `make data`'s value rule."""

from __future__ import annotations

import pytest

from safetybook_pipeline.evidence_numbers import numbers, states


@pytest.mark.parametrize(
    "phrase, value",
    [
        ("1.3bn comments", 1.3e9),
        ("over 113 million videos", 113e6),
        ("removed 91.3% of videos", 91.3),
        ("nearly 62 million videos", 62e6),
        ("81.518.334 Videos wurden entfernt", 81518334),
        ("81,518,334 videos", 81518334),
        ("£1.875 million", 1.875e6),
        ("multa de 10 millones de dólares", 10e6),
        ("штраф в размере 800 тысяч рублей", 800e3),
        ("на 4 миллиона рублей", 4e6),
        ("штрафы на 8 млн рублей", 8e6),
        ("Eighty-eight percent of them", 88),
        ("nearly 4 in 10 people", 40),
        ("one in four young adults", 25),
        ("Nineteen U.S. states", 19),
        ("204,5 milyon videoyu", 204.5e6),
        ("৯১ মিলিয়নেরও বেশি ভিডিও", 91e6),
        ("over two million posts", 2e6),
    ],
)
def test_a_stated_value_is_read(phrase, value):
    assert states(phrase, value), (phrase, sorted(numbers(phrase)))


@pytest.mark.parametrize(
    "phrase, value",
    [("over 800 members", 850), ("91.3% of videos", 91), ("nearly 62 million videos", 61951327)],
)
def test_a_value_the_phrase_does_not_state_is_refused(phrase, value):
    assert not states(phrase, value)
