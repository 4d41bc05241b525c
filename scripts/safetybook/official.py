"""How much of the record rests on the acting organisation's own document, against the book's targets.

Three things are counted, each in a unit a reader can name: government episodes; the episodes that
are fines or laws (or that ended in a fine); and enforcement figures, one figure being one metric
for one reporting period (say, videos removed in Q3 2023), however many outlets reprinted it.
"""

from __future__ import annotations

import pandas as pd

from safetybook.analysis import share

FINE_OR_LAW_TYPES = ("fine", "age_limit", "divest_or_ban")
ENFORCEMENT_METRICS = (
    "videos_removed",
    "harassment_bullying_share_of_removed_videos",
    "accounts_removed_suspected_under_13",
    "proactive_removal_rate",
    "safety_civility_share_of_removed_videos",
)
TIKTOK_OWN_KINDS = ("transparency_report", "primary")
TARGETS = {"episodes": 50, "fines_laws": 80, "enforcement": 60}


def episodes(units: pd.DataFrame) -> pd.DataFrame:
    """Government and regulatory episodes (every theme)."""
    return units[units["unit_kind"] == "episode"]


def fines_and_laws(units: pd.DataFrame) -> pd.DataFrame:
    """Episodes that fine TikTok, set an age limit, order a sale or ban, or end in a fine."""
    found = episodes(units)
    is_fine_or_law = found["event_type"].isin(FINE_OR_LAW_TYPES)
    return found[is_fine_or_law | found["outcomes"].str.contains("fine")]


def enforcement_figures(measures: pd.DataFrame) -> pd.DataFrame:
    """One row per figure of TikTok's enforcement reports (metric and period), with its number of
    reports and whether at least one of them is TikTok's own page."""
    rows = measures[measures["metric"].isin(ENFORCEMENT_METRICS)].assign(
        own=lambda m: m["source_kind"].isin(TIKTOK_OWN_KINDS)
    )
    keys = ["metric", "period_start", "period_end"]
    grouped = rows.groupby(keys, dropna=False, observed=True)
    return grouped.agg(reports=("own", "size"), own=("own", "any")).reset_index()


def targets(units: pd.DataFrame, measures: pd.DataFrame) -> pd.DataFrame:
    """The three shares against their targets: what is counted, how many, share, target, met."""
    found, fines, figures = episodes(units), fines_and_laws(units), enforcement_figures(measures)
    table = pd.DataFrame(
        {
            "What": [
                "Government episodes with an official source",
                "Fines and laws with an official source",
                "Enforcement figures with a report on TikTok's own pages",
            ],
            "Counted": [
                f"{len(found)} episodes",
                f"{len(fines)} episodes",
                f"{len(figures)} figures (metric and period)",
            ],
            "Share": [share(found["official"]), share(fines["official"]), share(figures["own"])],
            "Target": list(TARGETS.values()),
        }
    )
    table["Met"] = [
        "yes" if s >= t else "no" for s, t in zip(table["Share"], table["Target"], strict=True)
    ]
    return table


def targets_verdict(table: pd.DataFrame) -> str:
    """One sentence on how many of the targets are met, from the table."""
    met = int((table["Met"] == "yes").sum())
    if met == len(table):
        return "Every target is met."
    if met == 0:
        return "None of the targets is met yet."
    return f"{met} of the {len(table)} targets are met."
