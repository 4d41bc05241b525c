"""Recall of the dataset against an outside reference list of known government actions."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from safetybook import load

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
