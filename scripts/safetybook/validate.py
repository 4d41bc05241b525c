"""Validate the raw, hand-curated CSV files against the data contract.

Every problem is reported at once as ``file:line: column: what is wrong``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from safetybook.paths import ROOT
from safetybook.schema import EARLIEST_DATE, MAX_EVIDENCE_WORDS, TABLES, TableSchema, table_schema

# Character sequences that betray UTF-8 text decoded as Windows-1252 or Latin-1 somewhere upstream.
MOJIBAKE = re.compile("Ã.|â€|Â[^A-Za-z]|\ufffd")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.column}: {self.message}"


@dataclass(frozen=True)
class Row:
    file: str
    line: int
    values: dict[str, str]


def raw_files(raw_dir: Path) -> dict[str, list[Path]]:
    """The raw CSV files of each table: one file for sources and organisations, one per theme otherwise."""
    return {
        "sources": [raw_dir / "sources.csv"],
        "organisations": [raw_dir / "organisations.csv"],
        "events": sorted((raw_dir / "events").glob("*.csv")),
        "measures": sorted((raw_dir / "measures").glob("*.csv")),
    }


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def read_csv(path: Path, schema: TableSchema, problems: list[Problem]) -> list[Row]:
    """Rows of one raw CSV file with the line each starts on; unreadable bytes and bad headers become problems."""
    name = _display(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        problems.append(Problem(name, line, "-", f"not valid UTF-8 (byte 0x{data[err.start]:02x}); save the file as UTF-8"))
        text = data.decode("utf-8", errors="replace")
    if text.startswith("\ufeff"):
        problems.append(Problem(name, 1, "-", "file starts with a byte-order mark; save as UTF-8 without BOM"))
        text = text[1:]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        problems.append(Problem(name, 1, "-", "file is empty; expected a header line"))
        return []
    except csv.Error as err:
        problems.append(Problem(name, 1, "-", f"unreadable CSV header ({err})"))
        return []
    expected = schema.columns
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        detail = []
        if missing:
            detail.append("missing " + ", ".join(missing))
        if extra:
            detail.append("unexpected " + ", ".join(extra))
        if not detail:
            detail.append("columns out of order")
        problems.append(Problem(name, 1, "-", f"header must be {','.join(expected)} ({'; '.join(detail)})"))
        return []
    rows: list[Row] = []
    start = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            problems.append(Problem(name, start, "-", f"unreadable CSV row ({err})"))
            break
        if cells and len(cells) != len(expected):
            problems.append(Problem(name, start, "-", f"has {len(cells)} cells, expected {len(expected)}"))
        elif cells:
            rows.append(Row(name, start, dict(zip(expected, cells))))
        start = reader.line_num + 1
    return rows


def _check_cell(row: Row, schema: TableSchema, today: dt.date, problems: list[Problem]) -> None:
    for field in schema.fields:
        value = row.values[field.name]
        where = (row.file, row.line, field.name)
        if value != value.strip():
            problems.append(Problem(*where, "leading or trailing white space"))
        if MOJIBAKE.search(value):
            problems.append(Problem(*where, f"text looks mis-encoded ({MOJIBAKE.search(value).group()!r}); re-copy it as UTF-8"))
        if value == "":
            if field.required:
                problems.append(Problem(*where, "required value is empty"))
            continue
        if field.type == "date":
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                problems.append(Problem(*where, f"{value!r} is not a date in YYYY-MM-DD form"))
                continue
            if field.name != "published" and not (dt.date.fromisoformat(EARLIEST_DATE) <= day <= today):
                problems.append(Problem(*where, f"{value} is outside {EARLIEST_DATE} to {today.isoformat()}"))
            elif day > today:
                problems.append(Problem(*where, f"{value} is in the future"))
        elif field.type == "number":
            try:
                number = float(value)
            except ValueError:
                problems.append(Problem(*where, f"{value!r} is not a number (write 1000000000, not '1 billion')"))
                continue
            if number != number or number in (float("inf"), float("-inf")):
                problems.append(Problem(*where, f"{value!r} is not a finite number"))
        if field.enum is not None and value not in field.enum:
            problems.append(Problem(*where, f"{value!r} is not one of {', '.join(field.enum)}"))
        if field.pattern is not None and not re.fullmatch(field.pattern, value):
            problems.append(Problem(*where, f"{value!r} does not match the pattern {field.pattern}"))


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _check_row_rules(table: str, row: Row, problems: list[Problem]) -> None:
    """Rules that involve more than one cell of a row."""
    v = row.values
    if "evidence" in v and v["evidence"]:
        words = len(v["evidence"].split())
        if words > MAX_EVIDENCE_WORDS:
            problems.append(Problem(row.file, row.line, "evidence", f"{words} words; quote at most about 30"))
    if table == "sources" and not v["url"] and not v["seed_file"]:
        problems.append(Problem(row.file, row.line, "url", "required value is empty (only a seed article may lack a url)"))
    pairs = {"events": ("date", "end_date"), "measures": ("period_start", "period_end")}
    if table in pairs:
        first, last = pairs[table]
        if _is_date(v[first]) and _is_date(v[last]) and v[last] < v[first]:
            problems.append(Problem(row.file, row.line, last, f"{v[last]} is before {first} {v[first]}"))
    if table in ("events", "measures"):
        expected_theme = Path(row.file).stem
        if v["theme"] and v["theme"] != expected_theme:
            problems.append(Problem(row.file, row.line, "theme", f"{v['theme']!r} in the file for {expected_theme!r}"))


def validate(raw_dir: Path, today: dt.date | None = None) -> tuple[dict[str, list[Row]], list[Problem]]:
    """Read and check every raw file; returns the rows per table and every problem found."""
    today = today or dt.date.today()
    problems: list[Problem] = []
    tables: dict[str, list[Row]] = {}
    for table, paths in raw_files(raw_dir).items():
        schema = table_schema(table)
        rows: list[Row] = []
        for path in paths:
            if not path.exists():
                problems.append(Problem(_display(path), 0, "-", "file is missing"))
                continue
            rows.extend(read_csv(path, schema, problems))
        for row in rows:
            _check_cell(row, schema, today, problems)
            _check_row_rules(table, row, problems)
        tables[table] = rows
    for table, rows in tables.items():
        schema = table_schema(table)
        seen: dict[tuple[str, str], Row] = {}
        for field in schema.fields:
            if not field.unique and field.name != schema.primary_key:
                continue
            for row in rows:
                value = row.values[field.name]
                key = (field.name, value)
                if value and key in seen:
                    first = seen[key]
                    problems.append(Problem(row.file, row.line, field.name, f"duplicate {value!r} (first at {first.file}:{first.line})"))
                else:
                    seen.setdefault(key, row)
        for fk in schema.foreign_keys:
            targets = {r.values[fk.target] for r in tables.get(fk.table, [])}
            for row in rows:
                value = row.values[fk.field]
                if value and value not in targets:
                    problems.append(Problem(row.file, row.line, fk.field, f"{value!r} is not a known {fk.table}.{fk.target}"))
    corroborated = {r.values["event_id"]: r.values["same_event_as"] for r in tables["events"]}
    for row in tables["events"]:
        target = row.values["same_event_as"]
        if target and corroborated.get(target):
            problems.append(Problem(row.file, row.line, "same_event_as", f"{target!r} itself points at {corroborated[target]!r}; point at that row"))
        if target == row.values["event_id"]:
            problems.append(Problem(row.file, row.line, "same_event_as", "points at its own row"))
    urls: dict[str, Row] = {}
    for row in tables["sources"]:
        url = row.values["url"]
        if url and url in urls:
            problems.append(Problem(row.file, row.line, "url", f"same url as source {urls[url].values['source_id']!r}"))
        urls.setdefault(url, row)
    problems.sort(key=lambda p: (p.file, p.line, p.column))
    return tables, problems
