"""Event study: do TikTok's own initiatives cluster after government actions more than chance allows?

For each government action at date t and a window of w days, count initiatives in (t, t + w] and in
[t - w, t). The statistic is the mean, over actions, of after minus before. The null model keeps the
initiatives as they are and places the same number of actions at dates drawn uniformly from the
study period, many times with a fixed seed; the p-value is the share of draws at least as large as
the observed statistic (one-sided: more initiatives after than before), with the +1 correction.
Only actions whose two windows fit inside the study period are used, observed and simulated alike,
so no window is truncated. The effect's interval is a bootstrap over the observed actions.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

DEFAULT_DRAWS = 10_000
DEFAULT_SEED = 20261121


@dataclass(frozen=True)
class Result:
    window: int
    n_actions: int
    n_initiatives: int
    observed: float
    ci_low: float
    ci_high: float
    null_mean: float
    null_low: float
    null_high: float
    p_value: float

    @property
    def excess(self) -> float:
        """Observed statistic minus what random action dates give on average."""
        return self.observed - self.null_mean


def to_days(dates) -> np.ndarray:
    """Dates as whole days since 1970-01-01, whatever their datetime resolution."""
    return pd.to_datetime(pd.Series(dates)).to_numpy().astype("datetime64[D]").astype("int64")


def after_minus_before(actions: np.ndarray, initiatives: np.ndarray, window: int) -> np.ndarray:
    """Initiatives in (t, t + w] minus those in [t - w, t), for every action date t (any array shape)."""
    after = np.searchsorted(initiatives, actions + window, side="right") - np.searchsorted(
        initiatives, actions, side="right"
    )
    before = np.searchsorted(initiatives, actions, side="left") - np.searchsorted(
        initiatives, actions - window, side="left"
    )
    return after - before


def event_study(
    action_dates,
    initiative_dates,
    window: int,
    start,
    end,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    boot: int = 2_000,
) -> Result:
    """Run the event study for one window; dates are anything pandas can parse."""
    initiatives = (
        np.sort(to_days(initiative_dates)) if len(initiative_dates) else np.array([], dtype="int64")
    )
    lo, hi = to_days([start])[0] + window, to_days([end])[0] - window
    actions = to_days(action_dates) if len(action_dates) else np.array([], dtype="int64")
    actions = actions[(actions >= lo) & (actions <= hi)]
    n = len(actions)
    if n == 0 or hi <= lo:
        nan = float("nan")
        return Result(window, n, len(initiatives), nan, nan, nan, nan, nan, nan, nan)
    rng = np.random.default_rng(seed)
    per_action = after_minus_before(actions, initiatives, window)
    observed = float(per_action.mean())
    resampled = rng.choice(per_action, size=(boot, n), replace=True).mean(axis=1)
    sims = rng.integers(lo, hi + 1, size=(draws, n))
    null = after_minus_before(sims, initiatives, window).mean(axis=1)
    p_value = (1 + int((null >= observed - 1e-12).sum())) / (draws + 1)
    return Result(
        window,
        n,
        len(initiatives),
        observed,
        float(np.percentile(resampled, 2.5)),
        float(np.percentile(resampled, 97.5)),
        float(null.mean()),
        float(np.percentile(null, 2.5)),
        float(np.percentile(null, 97.5)),
        p_value,
    )


def results_frame(results: dict[str, Result]) -> pd.DataFrame:
    """A tidy table of named results."""
    rows = []
    for name, r in results.items():
        rows.append(
            {
                "variant": name,
                "window_days": r.window,
                "actions": r.n_actions,
                "initiatives": r.n_initiatives,
                "after_minus_before": r.observed,
                "ci_low": r.ci_low,
                "ci_high": r.ci_high,
                "null_mean": r.null_mean,
                "null_low": r.null_low,
                "null_high": r.null_high,
                "excess": r.excess,
                "p_value": r.p_value,
            }
        )
    return pd.DataFrame(rows)
