"""Agreement between two codings of the same rows: Cohen's kappa per variable."""

from __future__ import annotations

import pandas as pd
from statsmodels.stats import inter_rater

from safetybook import paths
from safetybook.style import INK, PALETTE

VARIABLES = (
    "unit_kind",
    "step",
    "direction",
    "event_type",
    "concern",
    "actor_level",
    "initiative_lead",
    "jurisdiction",
)
# Variables added with the December 2026 codebook, coded from round 3 on.
VARIABLES_FROM_ROUND3 = (*VARIABLES, "platform", "reach")
FOLDER = paths.ROOT / "curation" / "reliability"
TARGET_KAPPA = 0.8
"""The agreement the codebook aims for on every variable (the agreement chart's dashed line)."""
TARGET_COLUMN = "Target kappa (dashed line)"


def cohens_kappa(first: pd.Series, second: pd.Series) -> float:
    """Cohen's kappa of two codings of the same items (statsmodels, on their square cross-table;
    an empty code counts as a category)."""
    a, b = first.fillna("").astype(str), second.fillna("").astype(str)
    if len(a) != len(b) or not len(a):
        raise ValueError("two codings of the same, non-empty set of items are needed")
    codes = sorted(set(a) | set(b))
    table = pd.crosstab(a.to_numpy(), b.to_numpy()).reindex(
        index=codes, columns=codes, fill_value=0
    )
    return float(inter_rater.cohens_kappa(table.to_numpy(), return_results=False))


def read_coding(name: str) -> pd.DataFrame:
    return pd.read_csv(FOLDER / name, dtype=str, keep_default_na=False).set_index("event_id")


def agreement(first: pd.DataFrame, second: pd.DataFrame) -> pd.DataFrame:
    """Per variable: rows compared, share agreeing, Cohen's kappa, and the disagreeing rows."""
    rows = []
    for variable in VARIABLES:
        a, b = first.loc[second.index, variable], second[variable]
        differ = [i for i in second.index if a[i] != b[i]]
        rows.append(
            {
                "variable": variable,
                "rows": len(second),
                "agree": float((a == b).mean()),
                "kappa": cohens_kappa(a, b),
                "disagreements": " ".join(differ),
            }
        )
    return pd.DataFrame(rows)


def _kappa_from_codes(a, b, k: int):
    """Cohen's kappa for integer-coded items, row by row of 2-D arrays (one bootstrap draw per row)."""
    import numpy as np

    n = a.shape[1]
    observed = (a == b).mean(axis=1)
    pa = np.stack([(a == c).mean(axis=1) for c in range(k)], axis=1)
    pb = np.stack([(b == c).mean(axis=1) for c in range(k)], axis=1)
    expected = (pa * pb).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        kappa = (observed - expected) / (1 - expected)
    return np.where(expected >= 1 - 1e-12, 1.0, kappa) if n else kappa


def bootstrap_interval(
    first: pd.Series,
    second: pd.Series,
    units: pd.Series,
    draws: int = 2000,
    seed: int = 20261205,
) -> tuple[float, float]:
    """95% interval for Cohen's kappa by resampling units (rows of one unit stay together)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    a = first.fillna("").astype(str).to_numpy()
    b = second.fillna("").astype(str).to_numpy()
    codes = {c: i for i, c in enumerate(sorted(set(a) | set(b)))}
    ca = np.array([codes[x] for x in a])
    cb = np.array([codes[x] for x in b])
    labels = pd.factorize(units.to_numpy())[0]
    members = [np.flatnonzero(labels == g) for g in range(labels.max() + 1)]
    sizes = np.array([len(m) for m in members])
    # each draw picks as many units as there are; rows are taken unit by unit, padded to the
    # largest draw with the first row of each draw weighted zero via a mask
    picked = rng.integers(0, len(members), (draws, len(members)))
    rows = [np.concatenate([members[g] for g in row]) for row in picked]
    values = np.array(
        [_kappa_from_codes(ca[r][None, :], cb[r][None, :], len(codes))[0] for r in rows]
    )
    del sizes
    return float(np.percentile(values, 2.5)), float(np.percentile(values, 97.5))


def fresh_agreement(first: pd.DataFrame, second: pd.DataFrame, units: pd.Series) -> pd.DataFrame:
    """Per variable on a fresh sample: rows, share agreeing, kappa and its bootstrap interval."""
    rows = []
    for variable in VARIABLES_FROM_ROUND3:
        a = first.loc[second.index, variable].fillna("").astype(str)
        b = second[variable].fillna("").astype(str)
        kappa = 1.0 if (a == b).all() else cohens_kappa(a, b)
        low, high = bootstrap_interval(a, b, units.loc[second.index])
        rows.append(
            {
                "variable": variable,
                "rows": len(second),
                "agree": float((a == b).mean()),
                "kappa": kappa,
                "low": low,
                "high": high,
                "disagreements": " ".join(i for i in second.index if a[i] != b[i]),
            }
        )
    return pd.DataFrame(rows)


def grouping_agreement(key: pd.DataFrame, coding: pd.DataFrame) -> dict:
    """Agreement on the unit grouping: pairs, pairs agreeing, kappa with a bootstrap interval over
    pairs, and the pairs coded differently."""
    a = key["same_unit"]
    b = coding.loc[key.index, "same_unit"]
    units = pd.Series(range(len(key)), index=key.index)
    low, high = bootstrap_interval(a, b, units)
    return {
        "pairs": len(key),
        "agree": int((a == b).sum()),
        "kappa": cohens_kappa(a, b),
        "low": low,
        "high": high,
        "differ": " ".join(i for i in key.index if a[i] != b[i]),
    }


def agreement_chart(table: pd.DataFrame):
    """Kappa per variable in each round (a `Variable`, `Round 1`, `Round 2` table), with the 0.8
    target dashed; returns the figure and its data (the table, with the target as a column)."""
    import matplotlib.pyplot as plt
    import numpy as np

    plot = table.set_index("Variable")[["Round 1", "Round 2"]].iloc[::-1]
    y = np.arange(len(plot))
    fig, ax = plt.subplots()
    ax.barh(y + 0.2, plot["Round 1"], height=0.4, color=PALETTE[4], label="Round 1")
    ax.barh(y - 0.2, plot["Round 2"], height=0.4, color=PALETTE[0], label="Round 2")
    ax.axvline(TARGET_KAPPA, color=INK, linestyle="--", linewidth=1)
    ax.set_yticks(y, plot.index)
    ax.set_xlim(0, 1.05)
    ax.set_xlabel("Cohen's kappa (dashed line: the 0.8 target)")
    ax.grid(axis="y", visible=False)
    ax.set_title("After the codebook was revised, every variable agrees above 0.8")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncols=2)
    return fig, table.assign(**{TARGET_COLUMN: TARGET_KAPPA})
