"""Government episodes: the restrictions, fines and reliefs the government chapter counts."""

from __future__ import annotations

import pandas as pd

RESTRICTIONS = ("device_ban", "national_ban", "regional_ban", "divest_or_ban")


def restrictions(episodes: pd.DataFrame) -> pd.DataFrame:
    """Episodes that restrict TikTok itself: device bans, blocks and sell-or-ban measures."""
    return episodes[episodes["event_type"].isin(RESTRICTIONS)]


def block_durations(episodes: pd.DataFrame, steps: pd.DataFrame) -> pd.DataFrame:
    """Each nationwide or regional block that took effect, with the day it was lifted if known.

    A block ends on its end_date when a source states it, or else on its first lifting step.
    Blocks that a court stopped before they took effect (an enjoined step) are left out.
    """
    enjoined = set(steps.loc[steps["step"] == "enjoined", "unit_id"])
    blocks = episodes[
        episodes["event_type"].isin(["national_ban", "regional_ban"])
        & ~episodes["unit_id"].isin(enjoined)
    ]
    lifted = steps[steps["step"] == "lifted"].groupby("unit_id")["date"].min()
    end = blocks["end_date"].fillna(blocks["unit_id"].map(lifted))
    return blocks.assign(end=end, days=(end - blocks["date"]).dt.days)


def fines(book) -> pd.DataFrame:
    """One row per fine: the step that imposed it, its authority, and every amount reported for it.

    A fine is a counted step of type fine; its reports (the step and its corroborating rows) may
    carry amounts. When sources disagree on the amount, every amount is kept in `amounts`; a fine
    with no sourced amount has none.
    """
    steps = book.steps[book.steps["event_type"] == "fine"]
    reports = book.reports
    report_of = reports["same_event_as"].fillna(reports["event_id"])
    amounts = book.measures[book.measures["metric"] == "fine_amount"].copy()
    amounts["fine_id"] = amounts["event_id"].map(
        pd.Series(report_of.values, index=reports["event_id"])
    )
    rows = []
    for step in steps.itertuples():
        group = amounts[amounts["fine_id"] == step.event_id]
        values = sorted(set(group["value"]))
        rows.append(
            {
                "fine_id": step.event_id,
                "unit_id": step.unit_id,
                "date": step.date,
                "authority": book.name(step.actor),
                "jurisdiction": step.jurisdiction,
                "concern": step.concern,
                "currency": group["unit"].iloc[0] if len(group) else "",
                "value": max(values) if values else float("nan"),
                "amounts": " or ".join(f"{v:,.0f}" for v in values) if values else "not recorded",
                "disputed": len(values) > 1,
                "source_ids": " ".join(sorted(set(group["source_id"]) | {step.source_id})),
            }
        )
    return pd.DataFrame(rows).sort_values("date").reset_index(drop=True)


def fines_chart(fines: pd.DataFrame):
    """One dot per fine on a log scale, coloured by currency, labelled with authority and year."""
    import matplotlib.pyplot as plt
    import numpy as np

    from safetybook.style import PALETTE

    ordered = fines.dropna(subset=["value"]).sort_values("value").reset_index(drop=True)
    currencies = list(dict.fromkeys(ordered["currency"]))
    fig, ax = plt.subplots(figsize=(7.5, 0.9 + 0.32 * len(ordered)))
    for i, currency in enumerate(currencies):
        rows = ordered[ordered["currency"] == currency]
        ax.scatter(rows["value"], rows.index, color=PALETTE[i], s=40, label=currency, zorder=3)
    labels = [
        f"{_short(a)} ({d:%Y})" for a, d in zip(ordered["authority"], ordered["date"], strict=True)
    ]
    ax.set_yticks(np.arange(len(ordered)), labels)
    ax.set_xscale("log")
    ax.set_xlabel("Amount in its own currency (logarithmic scale)")
    ax.grid(axis="y", visible=False)
    ax.set_title("Ireland's regulator imposed the largest fines")
    ax.legend(title="Currency", loc="lower right")
    return fig, ax


def _short(name: str) -> str:
    """An authority's name as a chart label: its abbreviation in brackets if it has one."""
    if "(" in name and name.endswith(")"):
        inner = name[name.rindex("(") + 1 : -1]
        if len(inner) <= 12:
            return inner
    return name if len(name) <= 34 else name[:33] + "…"
