"""One call sets up a chapter: the book's figure style and every table it reads, counted in units."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from safetybook import load, style


@dataclass(frozen=True)
class Book:
    """The dataset as chapters read it (see the codebook for units and steps)."""

    units: pd.DataFrame  # one row per unit: episode, announcement or context
    steps: pd.DataFrame  # counted event rows, each a step of one unit
    reports: pd.DataFrame  # every event row, corroborating reports included
    measures: pd.DataFrame
    organisations: pd.DataFrame  # indexed by org_id
    sources: pd.DataFrame  # indexed by source_id

    @property
    def episodes(self) -> pd.DataFrame:
        return self.units[self.units["unit_kind"] == "episode"]

    @property
    def announcements(self) -> pd.DataFrame:
        return self.units[self.units["unit_kind"] == "announcement"]

    def step(self, event_id: str) -> pd.Series:
        """One event row by its id (corroborating rows included)."""
        return self.reports.set_index("event_id").loc[event_id]

    def measure(self, measure_id: str) -> pd.Series:
        return self.measures.set_index("measure_id").loc[measure_id]

    def name(self, org_id: str) -> str:
        return str(self.organisations.loc[org_id, "name"])


# Which units a chapter reads. TikTok's record is what its chapters count: measures aimed at TikTok
# and rules binding every platform (TikTok among them); the comparator records of Instagram and
# YouTube enter only the chapters that compare (the synthesis, TikTok among its peers).
RECORDS = {
    "tiktok": ("tiktok", "all_platforms"),
    "all": ("tiktok", "all_platforms", "instagram", "youtube"),
}


def setup(record: str = "tiktok") -> Book:
    """Apply the book's style and load every table, keeping the units of one record."""
    style.use()
    return read(record)


def read(record: str = "tiktok", data_dir: Path | None = None) -> Book:
    """Every table, keeping the units of one record (`RECORDS`), from the data folder given."""
    if record not in RECORDS:
        raise ValueError(f"record must be one of {sorted(RECORDS)}, not {record!r}")
    units = load.units(data_dir)
    units = units[units["platform"].isin(RECORDS[record])].reset_index(drop=True)
    units["theme"] = units["theme"].cat.remove_unused_categories()
    kept = set(units["unit_id"])
    steps = load.events(data_dir=data_dir)
    steps = steps[steps["unit_id"].isin(kept)].reset_index(drop=True)
    steps["theme"] = steps["theme"].cat.remove_unused_categories()
    reports = load.events(include_corroborating=True, data_dir=data_dir)
    counted = set(steps["event_id"])
    target = reports["same_event_as"].fillna(reports["event_id"])
    reports = reports[target.isin(counted)].reset_index(drop=True)
    measures = load.measures(data_dir)
    tied = measures["event_id"].notna()
    measures = measures[~tied | measures["event_id"].isin(set(reports["event_id"]))]
    return Book(
        units=units,
        steps=steps,
        reports=reports,
        measures=measures.reset_index(drop=True),
        organisations=load.organisations(data_dir).set_index("org_id"),
        sources=load.sources(data_dir).set_index("source_id"),
    )
