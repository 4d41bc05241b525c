"""Load the tidy tables as typed pandas DataFrames (dates as datetimes, enumerations as categoricals)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from safetybook import paths
from safetybook.regions import region_of
from safetybook.schema import TableSchema, table_schema


class ForeignKeyError(ValueError):
    """A tidy table refers to a key that does not exist."""


def _typed(frame: pd.DataFrame, schema: TableSchema) -> pd.DataFrame:
    for field in schema.fields:
        column = frame[field.name]
        if field.type == "date":
            frame[field.name] = pd.to_datetime(column, format="%Y-%m-%d")
        elif field.type == "number":
            frame[field.name] = pd.to_numeric(column).astype("float64")
        elif field.enum is not None:
            frame[field.name] = pd.Categorical(column, categories=list(field.enum))
        else:
            frame[field.name] = column.astype("string")
    return frame


@cache
def _read(table: str, data_dir: Path) -> pd.DataFrame:
    schema = table_schema(table)
    frame = pd.read_csv(data_dir / f"{table}.csv", dtype=str, keep_default_na=False, na_values=[""])
    return _typed(frame[schema.columns], schema)


def table(name: str, data_dir: Path = paths.DATA_DIR) -> pd.DataFrame:
    """One tidy table, typed, with its foreign keys checked."""
    frame = _read(name, Path(data_dir)).copy()
    for fk in table_schema(name).foreign_keys:
        targets = set(_read(fk.table, Path(data_dir))[fk.target].dropna())
        bad = frame.loc[frame[fk.field].notna() & ~frame[fk.field].isin(targets), fk.field]
        if len(bad):
            raise ForeignKeyError(
                f"{name}.{fk.field}: unknown {fk.table}.{fk.target} {sorted(set(bad))}"
            )
    return frame


def sources() -> pd.DataFrame:
    """Documents the facts rest on."""
    return table("sources")


def organisations() -> pd.DataFrame:
    """Organisations named by events and measures."""
    return table("organisations")


def events(include_corroborating: bool = False) -> pd.DataFrame:
    """Dated events with their source kind and region.

    Rows that only corroborate another row (same_event_as set) are left out unless asked for,
    so that an event is counted once.
    """
    frame = table("events")
    if not include_corroborating:
        frame = frame[frame["same_event_as"].isna()]
    kinds = sources().set_index("source_id")["kind"]
    frame = frame.assign(
        source_kind=pd.Categorical(frame["source_id"].map(kinds), categories=kinds.cat.categories),
        region=frame["country"].map(region_of).astype("string"),
        year=frame["date"].dt.year,
    )
    return frame.sort_values(["date", "event_id"]).reset_index(drop=True)


def measures() -> pd.DataFrame:
    """Reported numbers with their source kind."""
    frame = table("measures")
    kinds = sources().set_index("source_id")["kind"]
    frame = frame.assign(
        source_kind=pd.Categorical(frame["source_id"].map(kinds), categories=kinds.cat.categories)
    )
    return frame.sort_values(["metric", "period_end", "measure_id"]).reset_index(drop=True)
