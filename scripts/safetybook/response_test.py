"""The pre-registered test of whether responses follow pressure (analysis/PLAN.md, section 4).

Pressure events and response steps carry date intervals (a day, or a month or year narrowed by a
latest date) and match keys (a pressure event has one key, say concern and country; a response
matches a set of keys, a global step every country). For a window of w days the statistic is the
mean, over pressure events, of matched responses in (t, t + w] (the response) and in [t - w, t)
(the anticipation).

The null moves pressure, never responses: pressure events are split into clusters (a new cluster
after a gap of more than `cluster_gap` days) and each draw moves each cluster by its own uniform
offset of at most `max_shift` days, kept inside the study period. Each draw takes one fresh
imputation of every imprecise date and computes, on that same imputation, both the observed
statistic (pressure where it was) and the shifted one, so observed and null are built alike. The
two-sided p-value doubles the smaller tail of the paired comparison, with ties counted half
(mid-p), which suits a skewed, discrete null.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from safetybook.eventstudy import clusters, to_days


@dataclass(frozen=True)
class Outcome:
    """One test: what was observed, what shifted timing gives, and the two-sided p-values."""

    window: int
    n_pressure: int
    n_responses: int
    observed: float  # mean matched responses per pressure event in (t, t + w], over imputations
    null_mean: float  # the same with pressure clusters shifted
    null_low: float
    null_high: float
    p_value: float
    excess: float  # mean of observed minus shifted, per pressure event
    excess_low: float  # 95% interval for the excess, by inverting the test
    excess_high: float
    anticipation: float
    anticipation_null_mean: float
    anticipation_p: float


def doubled_tail_p(observed: np.ndarray, shifted: np.ndarray) -> float:
    """Two-sided p of paired draws: twice the smaller tail, ties counted half (mid-p)."""
    above = float(np.sum(shifted > observed)) + 0.5 * float(np.sum(shifted == observed))
    below = float(np.sum(shifted < observed)) + 0.5 * float(np.sum(shifted == observed))
    return float(min(1.0, 2.0 * (min(above, below) + 0.5) / (len(observed) + 1)))


def _intervals(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    first = to_days(frame["date_earliest"]) if len(frame) else np.array([], dtype="int64")
    last = to_days(frame["date_latest"]) if len(frame) else np.array([], dtype="int64")
    return first, last - first


def _impute(rng, first: np.ndarray, width: np.ndarray, draws: int) -> np.ndarray:
    return first + np.floor(rng.random((draws, len(first))) * (width + 1)).astype("int64")


def match_matrix(pressure_keys: Sequence, response_keys: Sequence) -> np.ndarray:
    """Which responses each pressure event counts (rows: pressure, columns: responses), read-only.

    The simulations ask for the same keys again and again (only dates are redrawn), so the last
    few matrices are kept."""
    return _match_matrix(tuple(pressure_keys), tuple(response_keys))


@functools.lru_cache(maxsize=16)
def _match_matrix(pressure_keys: tuple, response_keys: tuple) -> np.ndarray:
    rows: dict = {}
    for k in pressure_keys:
        if k not in rows:  # pressure events share keys: each distinct key is matched once
            rows[k] = np.fromiter((k in keys for keys in response_keys), bool, len(response_keys))
    matrix = np.array([rows[k] for k in pressure_keys], dtype=bool)
    matrix.flags.writeable = False
    return matrix


def window_means(
    pressure_days: np.ndarray, response_days: np.ndarray, matches: np.ndarray, window: int
) -> tuple[np.ndarray, np.ndarray]:
    """Per draw (rows), the mean over pressure events of matched responses after and before.

    Pressure events that match the same responses are counted together: their responses are
    sorted once per draw and all draws are searched at once (each draw's days are offset by a
    multiple of a span longer than any date range, so one sorted array serves every draw)."""
    draws, n = pressure_days.shape
    after = np.zeros(draws)
    before = np.zeros(draws)
    if not n:
        return after, before
    span = (
        int(max(pressure_days.max(), response_days.max() if response_days.size else 0))
        + 4 * window
        + 10
    )
    offsets = (np.arange(draws, dtype="int64") * span)[:, None]
    groups: dict[bytes, list[int]] = {}
    for i in range(n):
        groups.setdefault(matches[i].tobytes(), []).append(i)
    for columns in groups.values():
        mask = matches[columns[0]]
        if not mask.any():
            continue
        flat = (np.sort(response_days[:, mask], axis=1) + offsets).ravel()
        t = pressure_days[:, columns] + offsets
        a = np.searchsorted(flat, t + window, side="right") - np.searchsorted(flat, t, side="right")
        b = np.searchsorted(flat, t, side="left") - np.searchsorted(flat, t - window, side="left")
        after += a.sum(axis=1)
        before += b.sum(axis=1)
    return after / n, before / n


def shift_clusters(
    rng, days: np.ndarray, labels: np.ndarray, lo: int, hi: int, max_shift: int
) -> np.ndarray:
    """Move each cluster of each draw (rows) by one offset, kept inside [lo, hi]."""
    out = days.copy()
    for c in np.unique(labels):
        members = labels == c
        low = np.maximum(lo - days[:, members].min(axis=1), -max_shift)
        high = np.maximum(np.minimum(hi - days[:, members].max(axis=1), max_shift), low)
        offset = low + np.floor(rng.random(len(days)) * (high - low + 1)).astype("int64")
        out[:, members] += offset[:, None]
    return out


def cluster_labels(first: np.ndarray, width: np.ndarray, gap: int) -> np.ndarray:
    """Cluster of each pressure event, formed once on its interval's midpoint."""
    mid = first + width // 2
    order = np.argsort(mid, kind="stable")
    labels = np.empty(len(mid), dtype="int64")
    labels[order] = clusters(mid[order], gap)
    return labels


def run(
    pressure: pd.DataFrame,
    responses: pd.DataFrame,
    window: int,
    start,
    end,
    *,
    pressure_keys: Sequence | None = None,
    response_keys: Sequence | None = None,
    draws: int = 1999,
    seed: int = 20261205,
    cluster_gap: int = 30,
    max_shift: int = 180,
    level: float = 0.05,
) -> Outcome:
    """The test for one window. Frames carry `date_earliest` and `date_latest`; keys default to
    every response matching every pressure event."""
    first_p, width_p = _intervals(pressure)
    first_r, width_r = _intervals(responses)
    lo, hi = int(to_days([start])[0]) + window, int(to_days([end])[0]) - window
    keep = (first_p >= lo) & (first_p + width_p <= hi)
    keys_p = list(pressure_keys) if pressure_keys is not None else [0] * len(first_p)
    keys_r = list(response_keys) if response_keys is not None else [{0}] * len(first_r)
    keys_p = [k for k, kept in zip(keys_p, keep, strict=True) if kept]
    first_p, width_p = first_p[keep], width_p[keep]
    if not len(first_p):
        nan = float("nan")
        return Outcome(window, 0, len(first_r), *([nan] * 11))
    matches = match_matrix(keys_p, keys_r)
    labels = cluster_labels(first_p, width_p, cluster_gap)
    rng = np.random.default_rng(seed)
    pressure_days = _impute(rng, first_p, width_p, draws)
    response_days = _impute(rng, first_r, width_r, draws)
    shifted_days = shift_clusters(rng, pressure_days, labels, lo, hi, max_shift)
    obs_after, obs_before = window_means(pressure_days, response_days, matches, window)
    null_after, null_before = window_means(shifted_days, response_days, matches, window)
    difference = obs_after - null_after
    return Outcome(
        window=window,
        n_pressure=len(first_p),
        n_responses=len(first_r),
        observed=float(obs_after.mean()),
        null_mean=float(null_after.mean()),
        null_low=float(np.percentile(null_after, 2.5)),
        null_high=float(np.percentile(null_after, 97.5)),
        p_value=doubled_tail_p(obs_after, null_after),
        excess=float(difference.mean()),
        excess_low=float(np.quantile(difference, level / 2)),
        excess_high=float(np.quantile(difference, 1 - level / 2)),
        anticipation=float(obs_before.mean()),
        anticipation_null_mean=float(null_before.mean()),
        anticipation_p=doubled_tail_p(obs_before, null_before),
    )


def doubled_tail_p_random_ties(observed: np.ndarray, shifted: np.ndarray, rng) -> float:
    """Two-sided p with ties broken at random (exact for a discrete statistic): each tie counts
    above or below by a fair draw."""
    ties = shifted == observed
    coin = rng.random(len(observed)) < 0.5
    above = float(np.sum(shifted > observed) + np.sum(ties & coin))
    below = float(np.sum(shifted < observed) + np.sum(ties & ~coin))
    return float(min(1.0, 2.0 * (min(above, below) + 0.5) / (len(observed) + 1)))
