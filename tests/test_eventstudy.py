"""The event study on synthetic data where the answer is known: calibrated under no link, able to
find a real response, and the same on a fixed seed."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from safetybook.eventstudy import clusters, event_study, window_counts
from safetybook.synthetic import END, SCENARIOS, START, clustered, days, rejection_rate, uniform

REPLICATIONS = 200
DRAWS = 199
CEILING = 0.075  # for a nominal 5% test


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_with_no_link_the_primary_test_rejects_at_most_at_its_nominal_rate(scenario):
    rate = rejection_rate(
        SCENARIOS[scenario], REPLICATIONS, DRAWS, seed=sorted(SCENARIOS).index(scenario)
    )
    assert rate <= CEILING, f"{scenario}: rejected {rate:.1%} of {REPLICATIONS} runs at nominal 5%"


def test_an_injected_response_is_found_most_of_the_time():
    rate = rejection_rate(SCENARIOS["Clustered actions"], REPLICATIONS, DRAWS, respond=2, seed=11)
    assert rate >= 0.8, f"power {rate:.0%}"


def test_counting_is_exact_on_a_tiny_case():
    initiatives = np.array([5, 9, 10, 11, 30])
    # action at day 10: before = [0, 10) -> 5, 9; after = (10, 20] -> 11
    after, before = window_counts(np.array([10]), initiatives, 10)
    assert (after.tolist(), before.tolist()) == ([1], [2])


def test_clusters_split_at_gaps_longer_than_the_limit():
    assert clusters(np.array([0, 10, 20, 100, 105, 300]), 30).tolist() == [0, 0, 0, 1, 1, 2]


def test_anticipation_is_estimated_apart_from_response():
    rng = np.random.default_rng(3)
    actions = clustered(rng)
    early = pd.DatetimeIndex(
        [a - pd.Timedelta(days=int(d)) for a in actions for d in rng.integers(1, 60, 2)]
    )
    result = event_study(actions, uniform(rng, 150).append(early), 90, START, END, draws=DRAWS)
    assert result.anticipation_p < 0.05 and result.anticipation > result.anticipation_null_mean
    assert result.p_value > 0.05


def test_groups_count_only_initiatives_that_match_the_action():
    actions = days([400, 800])
    initiatives = days([410, 810])
    both = event_study(actions, initiatives, 30, START, END, draws=50)
    matched = event_study(
        actions,
        initiatives,
        30,
        START,
        END,
        draws=50,
        action_groups=["a", "b"],
        initiative_groups=[{"a"}, {"a"}],
    )
    assert both.observed == 1.0 and matched.observed == 0.5


def test_imprecise_dates_are_drawn_within_their_interval():
    actions = days([400])
    initiatives = days([420])
    exact = event_study(actions, initiatives, 30, START, END, draws=50)
    # the initiative could fall anywhere in 420..439: after the 30-day window in half the draws
    spread = event_study(
        actions,
        initiatives,
        30,
        START,
        END,
        draws=50,
        initiative_latest=days([459]),
        imputations=400,
    )
    assert exact.observed == 1.0 and 0.2 < spread.observed < 0.45


def test_the_same_seed_gives_the_same_result():
    rng = np.random.default_rng(5)
    actions, initiatives = clustered(rng), uniform(rng, 100)
    first = event_study(actions, initiatives, 60, START, END, draws=300, seed=9)
    second = event_study(actions, initiatives, 60, START, END, draws=300, seed=9)
    assert first == second
