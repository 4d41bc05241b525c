"""Synthetic records with no link between actions and initiatives, shaped like the real one.

Used to show that the event study is calibrated (it rejects a true null about as often as its
nominal level says) and to measure its power when a response is injected.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from safetybook.eventstudy import event_study

START, END = pd.Timestamp("2019-01-01"), pd.Timestamp("2025-12-31")
SPAN = (END - START).days


def days(values) -> pd.DatetimeIndex:
    return START + pd.to_timedelta(np.sort(np.asarray(values, dtype=int)), unit="D")


def uniform(rng, n, low=0.0, high=1.0):
    return days(rng.uniform(low * SPAN, high * SPAN, n))


def clustered(rng, bursts=6, size=8, spread=40, low=0.05, high=0.95):
    centres = rng.uniform(low * SPAN, high * SPAN, bursts)
    spread_days = [c + rng.uniform(-spread, spread, size) for c in centres]
    return days(np.clip(np.concatenate(spread_days), 0, SPAN))


def rising(rng, n):
    return days(SPAN * np.sqrt(rng.uniform(0, 1, n)))  # density grows linearly over the period


def hump(rng, n):
    return days(SPAN * rng.triangular(0, 0.35, 1, n))  # initiatives peak early, then fade


SCENARIOS = {
    "Independent dates": lambda rng: (uniform(rng, 48), uniform(rng, 150)),
    "Clustered actions": lambda rng: (clustered(rng), uniform(rng, 150)),
    "Clustered actions while initiatives rise": lambda rng: (
        clustered(rng, low=0.5),
        rising(rng, 150),
    ),
    "Late clustered actions after an early hump": lambda rng: (
        clustered(rng, low=0.6),
        hump(rng, 150),
    ),
}


def rejection_rate(
    make,
    replications: int,
    draws: int,
    respond: int = 0,
    seed: int = 0,
    window: int = 90,
    level: float = 0.05,
) -> float:
    """Share of synthetic records on which the test rejects at `level`; with `respond` > 0, each of
    half the actions gets that many extra initiatives within the window after it."""
    rng = np.random.default_rng(seed)
    rejected = 0
    for _ in range(replications):
        actions, initiatives = make(rng)
        if respond:
            picked = rng.choice(len(actions), size=len(actions) // 2, replace=False)
            extra = [
                actions[i] + pd.Timedelta(days=int(d))
                for i in picked
                for d in rng.integers(1, window, respond)
            ]
            initiatives = initiatives.append(pd.DatetimeIndex(extra))
        result = event_study(
            actions, initiatives, window, START, END, draws=draws, seed=int(rng.integers(1 << 31))
        )
        rejected += result.p_value < level
    return rejected / replications
