"""The committed tidy tables honour the data contract and load with the declared types."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from safetybook import load, paths
from safetybook.schema import TABLES, table_schema
from safetybook_pipeline.validate import validate


def test_raw_inputs_are_valid():
    _, problems = validate(paths.RAW_DIR)
    assert not problems, "\n".join(map(str, problems))


def test_frictionless_validates_the_package():
    result = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "--json", str(paths.DATAPACKAGE)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


@pytest.mark.parametrize("table", TABLES)
def test_loader_types_follow_the_schema(table):
    frame = load.table(table)
    schema = table_schema(table)
    assert list(frame.columns) == schema.columns
    for field in schema.fields:
        column = frame[field.name]
        if field.type == "date":
            assert pd.api.types.is_datetime64_any_dtype(column), field.name
        elif field.type == "number":
            assert pd.api.types.is_float_dtype(column), field.name
        elif field.enum is not None:
            assert isinstance(column.dtype, pd.CategoricalDtype), field.name
            assert list(column.cat.categories) == list(field.enum)
        if field.required:
            assert column.notna().all(), field.name
    assert frame[schema.primary_key].is_unique


def test_loader_rejects_a_dangling_foreign_key(tmp_path):
    for table in TABLES:
        (tmp_path / f"{table}.csv").write_bytes((paths.DATA_DIR / f"{table}.csv").read_bytes())
    (tmp_path / "datapackage.json").write_bytes(paths.DATAPACKAGE.read_bytes())
    events = pd.read_csv(tmp_path / "events.csv", dtype=str, keep_default_na=False)
    events.loc[0, "source_id"] = "nosuchsource"
    events.to_csv(tmp_path / "events.csv", index=False)
    with pytest.raises(load.ForeignKeyError, match="events.source_id"):
        load.table("events", data_dir=tmp_path)


def test_every_place_an_event_affects_has_a_region():
    events = load.events(include_corroborating=True)
    assert events["region"].notna().all()
    assert set(events["region"]) <= {"Africa", "Americas", "Asia", "Europe", "Oceania", "Global"}


def test_corroborating_rows_are_not_counted_twice():
    every = load.events(include_corroborating=True)
    counted = load.events()
    assert len(counted) == every["same_event_as"].isna().sum()
    assert set(every["same_event_as"].dropna()) <= set(counted["event_id"])


def test_source_urls_are_unique_and_wellformed():
    sources = load.sources()
    urls = sources["url"].dropna()
    assert urls.is_unique
    assert urls.str.match(r"^https?://[^\s/]+\.[^\s]+$").all()
    assert sources.loc[sources["url"].isna(), "seed_file"].notna().all(), (
        "only seed articles may lack a url"
    )


def test_every_source_is_cited_by_a_row():
    events = load.events(include_corroborating=True)
    measures = load.measures()
    sources = load.sources()
    used = (
        set(events["source_id"])
        | set(measures["source_id"])
        | set(sources["derived_from"].dropna())
        | set(load.table("claims")["best_source_id"].dropna())
    )
    unused = sorted(set(sources["source_id"]) - used)
    assert not unused, f"sources no row rests on: {unused}"


def test_no_description_points_at_an_internal_row_id():
    """Descriptions are reader text: they name reports in words, never by a row id like seed-072."""
    import re

    events = load.events(include_corroborating=True)
    pattern = re.compile(r"\b(?:seed|gov|chi|hea|bul|spo)-\d{3}\b")
    offending = events.loc[events["description"].str.contains(pattern), "event_id"].tolist()
    assert not offending, offending
