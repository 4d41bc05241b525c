"""The event-study statistics on synthetic data where the answer is known."""

from __future__ import annotations

import numpy as np
import pandas as pd

from safetybook.eventstudy import after_minus_before, event_study

START, END = pd.Timestamp("2019-01-01"), pd.Timestamp("2025-12-31")


def random_dates(rng, n):
    span = (END - START).days
    return START + pd.to_timedelta(np.sort(rng.integers(0, span, n)), unit="D")


def test_counting_is_exact_on_a_tiny_case():
    initiatives = np.array([5, 9, 10, 11, 30])
    # action at day 10: before = [0, 10) -> 5, 9; after = (10, 20] -> 11
    assert after_minus_before(np.array([10]), initiatives, 10).tolist() == [1 - 2]


def test_an_injected_response_is_found():
    rng = np.random.default_rng(1)
    actions = random_dates(rng, 40)
    background = random_dates(rng, 150)
    responses = pd.DatetimeIndex(
        [a + pd.Timedelta(days=int(d)) for a in actions for d in rng.integers(5, 40, 2)]
    )
    result = event_study(actions, background.append(responses), 60, START, END, draws=2_000)
    assert result.p_value < 0.01
    assert result.ci_low > result.null_high  # the whole interval lies above the null band


def test_no_effect_gives_roughly_uniform_p_values():
    rng = np.random.default_rng(2)
    p_values = []
    for _ in range(200):
        result = event_study(
            random_dates(rng, 25),
            random_dates(rng, 120),
            90,
            START,
            END,
            draws=400,
            boot=10,
            seed=int(rng.integers(1 << 31)),
        )
        p_values.append(result.p_value)
    p_values = np.array(p_values)
    assert 0.35 < p_values.mean() < 0.65
    assert 0.03 < (p_values < 0.1).mean() < 0.2
    assert 0.35 < (p_values < 0.5).mean() < 0.65


def test_a_response_before_actions_is_not_called_an_effect():
    rng = np.random.default_rng(3)
    actions = random_dates(rng, 40)
    anticipations = pd.DatetimeIndex(
        [a - pd.Timedelta(days=int(d)) for a in actions for d in rng.integers(5, 40, 2)]
    )
    result = event_study(
        actions, random_dates(rng, 150).append(anticipations), 60, START, END, draws=2_000
    )
    assert result.p_value > 0.5
    assert result.observed < result.null_mean


def test_the_same_seed_gives_the_same_result():
    rng = np.random.default_rng(4)
    actions, initiatives = random_dates(rng, 30), random_dates(rng, 100)
    assert event_study(actions, initiatives, 30, START, END, draws=500) == event_study(
        actions, initiatives, 30, START, END, draws=500
    )


def test_actions_whose_windows_leave_the_period_are_dropped():
    result = event_study(
        [
            START + pd.Timedelta(days=10),
            END - pd.Timedelta(days=10),
            START + pd.Timedelta(days=400),
        ],
        [START + pd.Timedelta(days=401)],
        30,
        START,
        END,
        draws=100,
    )
    assert result.n_actions == 1
    assert result.observed == 1.0
