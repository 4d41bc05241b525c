"""Recall of the dataset against an outside reference list of known government actions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from safetybook import dataset, load

ADDED = "added from this list item after the recall check"


@dataclass(frozen=True)
class Recall:
    hits: int
    total: int
    missing: pd.DataFrame  # the listed actions the dataset does not record
    hits_before: int  # recorded before the list was used to close gaps (an independent check)

    @property
    def share_before(self) -> float:
        return 100.0 * self.hits_before / self.total

    @property
    def share(self) -> float:
        return 100.0 * self.hits / self.total

    def named(self, most: int = 12) -> str:
        """The missing actions in words, for a sentence: '...; ...; and 3 more'."""
        items = [r.description.rstrip(".") for r in self.missing.itertuples()]
        shown = "; ".join(items[:most])
        rest = len(items) - most
        return shown + (f"; and {rest} more (listed in the Data chapter)" if rest > 0 else "")


def reference() -> pd.DataFrame:
    """The outside reference list (data/reference_actions.csv)."""
    return load.table("reference_actions")


def government_recall(listed: pd.DataFrame | None = None) -> Recall:
    """How many listed government actions the dataset records (any row of the same measure)."""
    listed = reference() if listed is None else listed
    found = listed["matched_event_id"].notna()
    added = listed["match_note"].fillna("").str.contains(ADDED, regex=False)
    return Recall(
        int(found.sum()),
        len(listed),
        listed[~found].reset_index(drop=True),
        int((found & ~added).sum()),
    )


OUTSIDE_FOLDER = "recall"
LIST_NAMES = {
    "tiktok_2025_2026": "Government measures on TikTok, July 2025 on",
    "instagram": "Government measures on Instagram",
    "youtube": "Government measures on YouTube",
    "newsroom_frame": "TikTok's newsroom announcements",
}


def outside_folder() -> Path:
    """The outside lists and their matches (data/recall/, shipped in the dataset archive)."""
    return dataset.data_dir() / OUTSIDE_FOLDER


def outside_matches() -> pd.DataFrame:
    """The December 2026 outside lists' rows matched to the record (data/recall/matches.csv)."""
    return pd.read_csv(outside_folder() / "matches.csv", dtype=str, keep_default_na=False)


def newsroom_frame() -> pd.DataFrame:
    """The outside frame of TikTok's own newsroom posts (data/recall/newsroom_frame.csv)."""
    return pd.read_csv(outside_folder() / "newsroom_frame.csv", dtype=str, keep_default_na=False)


def outside_recall(matches: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per list: rows held, missing and out of scope; recall, and the strict recall that counts a
    held measure whose step the record lacks as missing; and how many missing rows were searched
    and added to the record after the match (`added_after`: the recall stays as measured)."""
    matches = outside_matches() if matches is None else matches
    if "added_after" not in matches.columns:
        raise ValueError("data/recall/matches.csv: no column added_after")
    unknown = set(matches["status"]) - {"held", "missing", "out_of_scope"}
    if unknown:
        raise ValueError(f"data/recall/matches.csv: unknown status {sorted(unknown)}")
    rows = []
    for name, label in LIST_NAMES.items():
        own = matches[matches["list"] == name]
        if own.empty:
            raise ValueError(f"data/recall/matches.csv: no rows for the list {name!r}")
        held = int((own["status"] == "held").sum())
        missing = int((own["status"] == "missing").sum())
        partial = int(((own["status"] == "held") & (own["step_held"] == "no")).sum())
        rows.append(
            {
                "list": label,
                "held": held,
                "missing": missing,
                "out_of_scope": int((own["status"] == "out_of_scope").sum()),
                "added_after": int(
                    ((own["status"] == "missing") & (own["added_after"] != "")).sum()
                ),
                "recall": 100.0 * held / (held + missing),
                "strict_recall": 100.0 * (held - partial) / (held + missing),
            }
        )
    return pd.DataFrame(rows)
