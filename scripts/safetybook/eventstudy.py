"""Event study: does TikTok's safety work follow government pressure on the same concern?

For each government action at day t and a window of w days, the analysis counts initiatives in
(t, t + w] (the **response**) and in [t - w, t) (the **anticipation**), each averaged over actions.
Both are estimated separately; neither is subtracted from the other.

The null model keeps what real actions have. Actions are split into clusters (a new cluster starts
after a gap of more than `cluster_gap` days), and each draw shifts every cluster by its own random
offset of at most `max_shift` days, kept inside the study period. A cluster keeps its internal
spacing and stays in its era; the initiatives stay where they are. Dates known only to a month or a
year are drawn within their interval on every iteration, observed and null alike. The p-value is
two-sided: the share of draws at least as far from the null mean as the observed statistic, with
the +1 correction. Only actions whose two windows fit inside the study period are used.

Optionally, actions and initiatives carry group keys (for example concern and country), and an
action counts only the initiatives that share one of its keys. Every option is a keyword argument;
the defaults give the book's primary analysis.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

DEFAULT_DRAWS = 2_000
DEFAULT_SEED = 20261121
MAX_SHIFT = 180
CLUSTER_GAP = 30


@dataclass(frozen=True)
class Result:
    window: int
    n_actions: int
    n_initiatives: int
    observed: float  # mean initiatives per action in the response window
    anticipation: float  # mean initiatives per action in the anticipation window
    null_mean: float
    null_low: float
    null_high: float
    p_value: float  # two-sided, for the response
    anticipation_null_mean: float
    anticipation_p: float  # two-sided, for the anticipation


def to_days(dates) -> np.ndarray:
    """Dates as whole days since 1970-01-01, whatever their datetime resolution."""
    if isinstance(dates, pd.Series | pd.Index) and pd.api.types.is_datetime64_dtype(dates.dtype):
        values = dates.to_numpy()  # already dates: skip the parsing (the simulations' inner loop)
    else:
        values = pd.to_datetime(pd.Series(dates)).to_numpy()
    return values.astype("datetime64[D]").astype("int64")


def window_counts(actions: np.ndarray, initiatives: np.ndarray, window: int) -> tuple:
    """Initiatives in (t, t + w] and in [t - w, t) for every action day t (any array shape)."""
    after = np.searchsorted(initiatives, actions + window, side="right") - np.searchsorted(
        initiatives, actions, side="right"
    )
    before = np.searchsorted(initiatives, actions, side="left") - np.searchsorted(
        initiatives, actions - window, side="left"
    )
    return after, before


def clusters(days: np.ndarray, gap: int) -> np.ndarray:
    """Cluster number of each (sorted) action day: a new cluster after a gap of more than `gap`."""
    return np.concatenate([[0], np.cumsum(np.diff(days) > gap)]) if len(days) else days


def _draw(rng, first: np.ndarray, width: np.ndarray, size: int) -> np.ndarray:
    """Days drawn uniformly within [first, first + width], `size` times (rows)."""
    return first + np.floor(rng.random((size, len(first))) * (width + 1)).astype("int64")


def _shift(rng, days: np.ndarray, lo: int, hi: int, gap: int, max_shift: int, size: int):
    """`size` copies of the action days, each cluster moved by one offset kept inside [lo, hi]."""
    order = np.argsort(days[0] if days.ndim == 2 else days)
    base = days if days.ndim == 2 else np.broadcast_to(days, (size, len(days)))
    label = clusters(np.sort(base[0]), gap)[np.argsort(order)]
    out = base.copy()
    for c in np.unique(label):
        members = label == c
        low = np.maximum(lo - base[:, members].min(axis=1), -max_shift)
        high = np.minimum(hi - base[:, members].max(axis=1), max_shift)
        high = np.maximum(high, low)
        offset = low + np.floor(rng.random(size) * (high - low + 1)).astype("int64")
        out[:, members] = base[:, members] + offset[:, None]
    return out


def _two_sided(null: np.ndarray, observed: float) -> float:
    centre = null.mean()
    extreme = np.abs(null - centre) >= abs(observed - centre) - 1e-12
    return float((1 + extreme.sum()) / (len(null) + 1))


def event_study(
    action_dates,
    initiative_dates,
    window: int,
    start,
    end,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    *,
    action_latest=None,
    initiative_latest=None,
    action_groups: Sequence | None = None,
    initiative_groups: Sequence[Iterable] | None = None,
    max_shift: int = MAX_SHIFT,
    cluster_gap: int = CLUSTER_GAP,
    imputations: int = 50,
) -> Result:
    """Run the event study for one window on any dates (anything pandas can parse).

    `action_latest` and `initiative_latest` give each date's interval end (same length as the
    dates; None for exact days). `action_groups` gives each action one key; `initiative_groups`
    gives each initiative the keys it matches (e.g. a global initiative matches every country).
    """
    first_a = to_days(action_dates) if len(action_dates) else np.array([], dtype="int64")
    width_a = (to_days(action_latest) - first_a) if action_latest is not None else 0 * first_a
    first_i = to_days(initiative_dates) if len(initiative_dates) else np.array([], dtype="int64")
    width_i = (
        (to_days(initiative_latest) - first_i) if initiative_latest is not None else 0 * first_i
    )
    lo, hi = to_days([start])[0] + window, to_days([end])[0] - window
    keep = (first_a >= lo) & (first_a + width_a <= hi)
    groups = list(action_groups) if action_groups is not None else [0] * len(first_a)
    groups = [g for g, k in zip(groups, keep, strict=True) if k]
    first_a, width_a = first_a[keep], width_a[keep]
    n = len(first_a)
    if n == 0 or hi <= lo:
        nan = float("nan")
        return Result(window, n, len(first_i), nan, nan, nan, nan, nan, nan, nan, nan)
    keys_i = (
        [set(k) for k in initiative_groups]
        if initiative_groups is not None
        else [{0}] * len(first_i)
    )
    keys_of_action: dict = {}
    for column, key in enumerate(groups):
        keys_of_action.setdefault(key, []).append(column)
    rng = np.random.default_rng(seed)

    masks = {k: np.array([k in s for s in keys_i], dtype=bool) for k in keys_of_action}

    def initiative_days(size: int) -> np.ndarray:
        if width_i.any():
            return _draw(rng, first_i, width_i, size)
        return np.broadcast_to(first_i, (size, len(first_i)))

    def statistic(actions: np.ndarray, drawn: np.ndarray):
        after = np.zeros(actions.shape, dtype=float)
        before = np.zeros(actions.shape, dtype=float)
        fixed = not width_i.any()
        for key, columns in keys_of_action.items():
            if fixed:
                a, b = window_counts(actions[:, columns], np.sort(first_i[masks[key]]), window)
            else:
                subset = np.sort(drawn[:, masks[key]], axis=1)
                a = np.empty((actions.shape[0], len(columns)), dtype=float)
                b = np.empty_like(a)
                for row in range(actions.shape[0]):
                    a[row], b[row] = window_counts(actions[row, columns], subset[row], window)
            after[:, columns] += a
            before[:, columns] += b
        return after.mean(axis=1), before.mean(axis=1)

    precise = not width_a.any() and not width_i.any()
    if precise and set(keys_of_action) == {0} and all(s == {0} for s in keys_i):
        days = np.sort(first_i)
        after, before = window_counts(first_a, days, window)
        observed, anticipation = float(after.mean()), float(before.mean())
        shifted = _shift(rng, first_a, lo, hi, cluster_gap, max_shift, draws)
        null_after, null_before = window_counts(shifted, days, window)
        null_after, null_before = null_after.mean(axis=1), null_before.mean(axis=1)
    else:
        m = 1 if precise else imputations
        obs_actions = _draw(rng, first_a, width_a, m)
        obs_after, obs_before = statistic(obs_actions, initiative_days(m))
        observed, anticipation = float(obs_after.mean()), float(obs_before.mean())
        null_actions = _shift(
            rng, _draw(rng, first_a, width_a, draws), lo, hi, cluster_gap, max_shift, draws
        )
        null_after, null_before = statistic(null_actions, initiative_days(draws))
    return Result(
        window,
        n,
        len(first_i),
        observed,
        anticipation,
        float(null_after.mean()),
        float(np.percentile(null_after, 2.5)),
        float(np.percentile(null_after, 97.5)),
        _two_sided(null_after, observed),
        float(null_before.mean()),
        _two_sided(null_before, anticipation),
    )
