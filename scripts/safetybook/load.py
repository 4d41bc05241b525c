"""Load the tidy tables as typed pandas DataFrames (dates as datetimes, enumerations as categoricals)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from safetybook import dataset
from safetybook.regions import region_of
from safetybook.schema import TableSchema, table_schema

# Source kinds that are the acting organisation's own document: a regulator's decision, a court's
# judgment, a government's or legislature's page, TikTok's newsroom or transparency report.
OFFICIAL_KINDS = (
    "primary",
    "transparency_report",
    "regulator",
    "government",
    "legislature",
    "court",
    "intergovernmental",
)


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
    schema = table_schema(table, data_dir / dataset.TABLE_FILE)
    frame = pd.read_csv(data_dir / f"{table}.csv", dtype=str, keep_default_na=False, na_values=[""])
    return _typed(frame[schema.columns], schema)


def table(name: str, data_dir: Path | None = None) -> pd.DataFrame:
    """One tidy table, typed, with its foreign keys checked (from `dataset.data_dir()` by default)."""
    data_dir = Path(data_dir) if data_dir is not None else dataset.data_dir()
    frame = _read(name, data_dir).copy()
    for fk in table_schema(name, data_dir / dataset.TABLE_FILE).foreign_keys:
        targets = set(_read(fk.table, data_dir)[fk.target].dropna())
        bad = frame.loc[frame[fk.field].notna() & ~frame[fk.field].isin(targets), fk.field]
        if len(bad):
            raise ForeignKeyError(
                f"{name}.{fk.field}: unknown {fk.table}.{fk.target} {sorted(set(bad))}"
            )
    return frame


def sources(data_dir: Path | None = None) -> pd.DataFrame:
    """Documents the facts rest on."""
    return table("sources", data_dir)


def organisations(data_dir: Path | None = None) -> pd.DataFrame:
    """Organisations named by events and measures."""
    return table("organisations", data_dir)


def _interval(frame: pd.DataFrame) -> pd.DataFrame:
    """The interval each date stands for: a day, or its month or year (narrowed by date_latest)."""
    ends = {
        "day": frame["date"],
        "month": frame["date"] + pd.offsets.MonthEnd(0),
        "year": frame["date"] + pd.offsets.YearEnd(0),
    }
    latest = frame["date"].copy()
    for precision, end in ends.items():
        latest = latest.where(frame["date_precision"] != precision, end)
    return frame.assign(
        date_earliest=frame["date"], date_latest=frame["date_latest"].fillna(latest)
    )


def interval_midpoint(frame: pd.DataFrame) -> pd.Series:
    """The middle day of each row's date interval (the date itself when it is exact)."""
    return frame["date_earliest"] + (frame["date_latest"] - frame["date_earliest"]) / 2


def events(include_corroborating: bool = False, data_dir: Path | None = None) -> pd.DataFrame:
    """Event rows (steps of units) with their unit, date interval, source kind and region.

    Rows that only corroborate another row (same_event_as set) are left out unless asked for;
    when asked for, they take their target's unit columns.
    """
    frame = table("events", data_dir)
    target = frame.set_index("event_id")
    for column in (
        "platform",
        "unit_kind",
        "unit_id",
        "step",
        "direction",
        "actor_level",
        "initiative_lead",
    ):
        inherited = frame["same_event_as"].map(target[column])
        frame[column] = frame[column].where(frame["same_event_as"].isna(), inherited)
    if not include_corroborating:
        frame = frame[frame["same_event_as"].isna()]
    kinds = sources(data_dir).set_index("source_id")["kind"]
    # The country (or EU, or INT) where the measure applies: a subdivision counts for its country.
    area = frame["affected_area"].fillna(frame["jurisdiction"]).str.replace(r"-.*$", "", regex=True)
    frame = _interval(frame).assign(
        source_kind=pd.Categorical(frame["source_id"].map(kinds), categories=kinds.cat.categories),
        area=area.astype("string"),
        region=area.map(region_of).astype("string"),
        year=frame["date"].dt.year,
    )
    return frame.sort_values(["date", "event_id"]).reset_index(drop=True)


def units(data_dir: Path | None = None) -> pd.DataFrame:
    """One row per unit (episode, announcement or context), described by its first step.

    Adds: n_steps (counted rows), n_reports (all rows, corroborating included), official (some row
    of the unit rests on an official or TikTok-own source), cited_source (the source a table cites
    for the unit: official first, then the first step's, then the earliest), relief_date (first
    relief step), outcomes (the event types of its later steps, e.g. 'fine').
    """
    rows = events(include_corroborating=True, data_dir=data_dir)
    counted = rows[rows["same_event_as"].isna()]
    first = counted[counted["event_id"] == counted["unit_id"]].set_index("unit_id")
    grouped = rows.groupby("unit_id", observed=True)
    later = counted[counted["event_id"] != counted["unit_id"]]
    official = rows["source_kind"].isin(OFFICIAL_KINDS)
    first_step = rows["event_id"].eq(rows["unit_id"]) | rows["same_event_as"].eq(rows["unit_id"])
    ranked = rows.assign(
        rank_official=~official, rank_step=~first_step, rank_own=rows["same_event_as"].notna()
    ).sort_values(["rank_official", "rank_step", "rank_own", "date", "event_id"])
    frame = first.assign(
        cited_source=ranked.groupby("unit_id", observed=True)["source_id"].first(),
        n_steps=counted.groupby("unit_id").size(),
        n_reports=grouped.size(),
        official=official.groupby(rows["unit_id"]).any(),
        relief_date=later[later["direction"] == "relief"].groupby("unit_id")["date"].min(),
        outcomes=later.groupby("unit_id")["event_type"].agg(lambda s: " ".join(sorted(set(s)))),
    )
    frame["outcomes"] = frame["outcomes"].astype(object).fillna("").astype(str)
    return frame.reset_index().sort_values(["date", "unit_id"]).reset_index(drop=True)


def measures(data_dir: Path | None = None) -> pd.DataFrame:
    """Reported numbers with their source kind."""
    frame = table("measures", data_dir)
    kinds = sources(data_dir).set_index("source_id")["kind"]
    frame = frame.assign(
        source_kind=pd.Categorical(frame["source_id"].map(kinds), categories=kinds.cat.categories)
    )
    return frame.sort_values(["metric", "period_end", "measure_id"]).reset_index(drop=True)
