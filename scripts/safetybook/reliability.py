"""Agreement between two codings of the same rows: Cohen's kappa per variable."""

from __future__ import annotations

import pandas as pd
from statsmodels.stats import inter_rater

from safetybook import paths

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
FOLDER = paths.ROOT / "curation" / "reliability"


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


def agreement_chart(table: pd.DataFrame):
    """Kappa per variable in each round (a `Variable`, `Round 1`, `Round 2` table), with the 0.8
    target dashed; returns the figure and its data (the table)."""
    import matplotlib.pyplot as plt
    import numpy as np

    plot = table.set_index("Variable")[["Round 1", "Round 2"]].iloc[::-1]
    y = np.arange(len(plot))
    fig, ax = plt.subplots()
    ax.barh(y + 0.2, plot["Round 1"], height=0.4, color="#E69F00", label="Round 1")
    ax.barh(y - 0.2, plot["Round 2"], height=0.4, color="#0072B2", label="Round 2")
    ax.axvline(0.8, color="#333333", linestyle="--", linewidth=1)
    ax.set_yticks(y, plot.index)
    ax.set_xlim(0, 1.05)
    ax.set_xlabel("Cohen's kappa (dashed line: the 0.8 target)")
    ax.grid(axis="y", visible=False)
    ax.set_title("After the codebook was revised, every variable agrees above 0.8")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncols=2)
    return fig, table
