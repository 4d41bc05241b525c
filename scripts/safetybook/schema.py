"""The data contract: Frictionless table schemas read from data/datapackage.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from safetybook.paths import DATAPACKAGE

TABLES = ("sources", "organisations", "events", "measures", "reference_actions", "claims")
# Evidence phrases are "at most about 30 words"; the hard limit leaves room for a long name.
MAX_EVIDENCE_WORDS = 35


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str
    required: bool
    unique: bool
    enum: tuple[str, ...] | None
    pattern: str | None
    minimum: str | None = None


@dataclass(frozen=True)
class ForeignKey:
    field: str
    table: str
    target: str


@dataclass(frozen=True)
class TableSchema:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: str
    foreign_keys: tuple[ForeignKey, ...]

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


@cache
def package(path: Path = DATAPACKAGE) -> dict:
    """The datapackage descriptor as a dict."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def table_schema(name: str, path: Path = DATAPACKAGE) -> TableSchema:
    """The schema of one table, with self-references resolved to the table's own name."""
    resource = next(r for r in package(path)["resources"] if r["name"] == name)
    schema = resource["schema"]
    fields = tuple(
        Field(
            name=f["name"],
            type=f["type"],
            description=f.get("description", ""),
            required=f.get("constraints", {}).get("required", False),
            unique=f.get("constraints", {}).get("unique", False),
            enum=tuple(f["constraints"]["enum"]) if "enum" in f.get("constraints", {}) else None,
            pattern=f.get("constraints", {}).get("pattern"),
            minimum=f.get("constraints", {}).get("minimum"),
        )
        for f in schema["fields"]
    )
    keys = tuple(
        ForeignKey(
            fk["fields"][0], fk["reference"]["resource"] or name, fk["reference"]["fields"][0]
        )
        for fk in schema.get("foreignKeys", [])
    )
    return TableSchema(
        name, resource["title"], resource["description"], fields, schema["primaryKey"][0], keys
    )
