"""One call sets up a chapter: the book's figure style and every table it reads, counted in units."""

from __future__ import annotations

from dataclasses import dataclass

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


def setup() -> Book:
    """Apply the book's style and load every table."""
    style.use()
    return Book(
        units=load.units(),
        steps=load.events(),
        reports=load.events(include_corroborating=True),
        measures=load.measures(),
        organisations=load.organisations().set_index("org_id"),
        sources=load.sources().set_index("source_id"),
    )
