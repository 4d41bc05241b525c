"""Validate the raw, hand-curated CSV files against the data contract.

Every problem is reported at once as ``file:line: column: what is wrong``.
The contract is `data/datapackage.json` (types, codes, required values, date minimums, keys);
the rules a table schema cannot state are the row and table checks below.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from safetybook.paths import ROOT
from safetybook.schema import MAX_EVIDENCE_WORDS, Field, TableSchema, table_schema
from safetybook_pipeline import duplicates, evidence_numbers, unit_rules

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

    def problem(self, column: str, message: str) -> Problem:
        return Problem(self.file, self.line, column, message)


Tables = dict[str, list[Row]]


def raw_files(raw_dir: Path) -> dict[str, list[Path]]:
    """The raw CSV files of each table: one for sources and organisations, one per theme otherwise."""
    return {
        "sources": [raw_dir / "sources.csv"],
        "organisations": [raw_dir / "organisations.csv"],
        "events": sorted((raw_dir / "events").glob("*.csv")),
        "measures": sorted((raw_dir / "measures").glob("*.csv")),
        "reference_actions": [raw_dir / "reference_actions.csv"],
        "claims": [raw_dir / "claims.csv"],
    }


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


# -- reading ------------------------------------------------------------------------------------


def _decode(name: str, data: bytes, problems: list[Problem]) -> str:
    """The file's text; bytes that are not UTF-8 and a byte-order mark become problems."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        byte = data[err.start]
        problems.append(
            Problem(name, line, "-", f"not valid UTF-8 (byte 0x{byte:02x}); save as UTF-8")
        )
        text = data.decode("utf-8", errors="replace")
    if text.startswith("\ufeff"):
        problems.append(
            Problem(name, 1, "-", "starts with a byte-order mark; save as UTF-8 without BOM")
        )
        text = text[1:]
    return text


def _header_problem(header: list[str], expected: list[str]) -> str | None:
    if header == expected:
        return None
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    detail = []
    if missing:
        detail.append("missing " + ", ".join(missing))
    if extra:
        detail.append("unexpected " + ", ".join(extra))
    return f"header must be {','.join(expected)} ({'; '.join(detail) or 'columns out of order'})"


def read_csv(path: Path, schema: TableSchema, problems: list[Problem]) -> list[Row]:
    """Rows of one raw CSV file with the line each starts on; bad bytes and headers are problems."""
    name = _display(path)
    reader = csv.reader(
        io.StringIO(_decode(name, path.read_bytes(), problems), newline=""), strict=True
    )
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as err:
        problems.append(
            Problem(name, 1, "-", f"no readable header line ({err or 'file is empty'})")
        )
        return []
    wrong = _header_problem(header, schema.columns)
    if wrong:
        problems.append(Problem(name, 1, "-", wrong))
        return []
    rows: list[Row] = []
    for start, cells in _records(reader, name, problems):
        if len(cells) != len(header):
            problems.append(
                Problem(name, start, "-", f"has {len(cells)} cells, expected {len(header)}")
            )
        else:
            rows.append(Row(name, start, dict(zip(header, cells, strict=True))))
    return rows


def _records(reader, name: str, problems: list[Problem]):
    """Non-empty CSV records with the line each starts on; an unreadable one is a problem and ends the file."""
    start = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            problems.append(Problem(name, start, "-", f"unreadable CSV row ({err})"))
            return
        if cells:
            yield start, cells
        start = reader.line_num + 1


# -- one cell -----------------------------------------------------------------------------------


def _text_problems(value: str) -> list[str]:
    found = []
    if value != value.strip():
        found.append("leading or trailing white space")
    bad = MOJIBAKE.search(value)
    if bad:
        found.append(f"text looks mis-encoded ({bad.group()!r}); re-copy it as UTF-8")
    return found


def _date_problems(value: str, field: Field, today: dt.date) -> list[str]:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return [f"{value!r} is not a date in YYYY-MM-DD form"]
    if field.minimum and value < field.minimum:
        return [f"{value} is before {field.minimum}, the earliest date the contract allows"]
    if day > today:
        return [f"{value} is in the future"]
    return []


def _number_problems(value: str) -> list[str]:
    try:
        number = float(value)
    except ValueError:
        return [f"{value!r} is not a number (write 1000000000, not '1 billion')"]
    if number != number or number in (float("inf"), float("-inf")):
        return [f"{value!r} is not a finite number"]
    return []


def _code_problems(value: str, field: Field) -> list[str]:
    found = []
    if field.enum is not None and value not in field.enum:
        found.append(f"{value!r} is not one of {', '.join(field.enum)}")
    if field.pattern is not None and not re.fullmatch(field.pattern, value):
        found.append(f"{value!r} does not match the pattern {field.pattern}")
    return found


def cell_problems(value: str, field: Field, today: dt.date) -> list[str]:
    """What is wrong with one cell against its field in the contract."""
    found = _text_problems(value)
    if value == "":
        return found + (["required value is empty"] if field.required else [])
    if field.type == "date":
        found += _date_problems(value, field, today)
    elif field.type == "number":
        found += _number_problems(value)
    return found + _code_problems(value, field)


# -- one row ------------------------------------------------------------------------------------


ORDERED_DATES = {"events": [("date", "end_date")], "measures": [("period_start", "period_end")]}


def row_problems(table: str, row: Row) -> list[Problem]:
    """Rules that involve more than one cell of a row."""
    v, found = row.values, []
    words = len(v.get("evidence", "").split())
    if words > MAX_EVIDENCE_WORDS:
        found.append(row.problem("evidence", f"{words} words; quote at most {MAX_EVIDENCE_WORDS}"))
    if table == "sources" and not v["url"] and not v["seed_file"]:
        found.append(
            row.problem("url", "required value is empty (only a seed article may lack one)")
        )
    if table == "sources":
        found += _precision_problems(row)
    for first, last in ORDERED_DATES.get(table, []):
        if unit_rules.is_date(v[first]) and unit_rules.is_date(v[last]) and v[last] < v[first]:
            found.append(row.problem(last, f"{v[last]} is before {first} {v[first]}"))
    found += unit_rules.date_interval_problems(table, row)
    found += value_problems(table, row)
    theme = Path(row.file).stem
    if table in ("events", "measures") and v["theme"] and v["theme"] != theme:
        found.append(row.problem("theme", f"{v['theme']!r} in the file for {theme!r}"))
    return found


def _precision_problems(row: Row) -> list[Problem]:
    """A publication date says how much of it the document shows; a month is stored as its first day."""
    published, precision = row.values["published"], row.values["published_precision"]
    if bool(published) != bool(precision):
        return [row.problem("published_precision", "give it exactly when published is given")]
    if precision == "month" and unit_rules.is_date(published) and not published.endswith("-01"):
        return [row.problem("published", f"{published} has month precision: use the first day")]
    return []


def value_problems(table: str, row: Row) -> list[Problem]:
    """A measure's value must be a number its evidence phrase states, unless a derivation says how
    it follows from the phrase (those rows are listed by make data)."""
    v = row.values
    if table != "measures" or v.get("derivation") or not v.get("evidence"):
        return []
    try:
        value = float(v["value"])
    except ValueError:
        return []  # reported by the cell checks
    if evidence_numbers.states(v["evidence"], value):
        return []
    stated = ", ".join(f"{n:g}" for n in sorted(evidence_numbers.numbers(v["evidence"]))) or "none"
    message = f"{v['value']} is not a number the evidence phrase states (it states: {stated}); "
    return [row.problem("value", message + "fix the value, or say how it follows in derivation")]


# -- whole tables -------------------------------------------------------------------------------


def check_unique(tables: Tables) -> list[Problem]:
    """Primary keys and unique columns hold no value twice."""
    found = []
    for table, rows in tables.items():
        schema = table_schema(table)
        for field in schema.fields:
            if not (field.unique or field.name == schema.primary_key):
                continue
            seen: dict[str, Row] = {}
            for row in rows:
                value = row.values[field.name]
                if value and value in seen:
                    first = seen[value]
                    message = f"duplicate {value!r} (first at {first.file}:{first.line})"
                    found.append(row.problem(field.name, message))
                seen.setdefault(value, row)
    return found


def check_foreign_keys(tables: Tables) -> list[Problem]:
    """Every reference names a row that exists."""
    found = []
    for table, rows in tables.items():
        for fk in table_schema(table).foreign_keys:
            targets = {r.values[fk.target] for r in tables.get(fk.table, [])}
            for row in rows:
                value = row.values[fk.field]
                if value and value not in targets:
                    found.append(
                        row.problem(fk.field, f"{value!r} is not a known {fk.table}.{fk.target}")
                    )
    return found


def check_corroboration(tables: Tables) -> list[Problem]:
    """A corroborating row points at a counted row, never at another corroborating row or itself."""
    found = []
    points_at = {r.values["event_id"]: r.values["same_event_as"] for r in tables["events"]}
    for row in tables["events"]:
        target = row.values["same_event_as"]
        if target and points_at.get(target):
            message = f"{target!r} itself points at {points_at[target]!r}; point at that row"
            found.append(row.problem("same_event_as", message))
        if target and target == row.values["event_id"]:
            found.append(row.problem("same_event_as", "points at its own row"))
    return found


def check_unique_urls(tables: Tables) -> list[Problem]:
    """One source per url."""
    found, seen = [], {}
    for row in tables["sources"]:
        url = row.values["url"]
        if url and url in seen:
            found.append(
                row.problem("url", f"same url as source {seen[url].values['source_id']!r}")
            )
        seen.setdefault(url, row)
    return found


TABLE_CHECKS: list[Callable[[Tables], list[Problem]]] = [
    check_unique,
    check_foreign_keys,
    check_corroboration,
    check_unique_urls,
    unit_rules.check_units,
]


OFFICIAL_HOSTS_FILE = "official_hosts.csv"
# Source kinds that claim to be the acting organisation's own document.
OWN_KINDS = (
    "regulator",
    "government",
    "legislature",
    "court",
    "intergovernmental",
    "transparency_report",
    "primary",
)
# Government domains: .gov and .mil (with a country code), go.jp, gob.mx, gouv.fr, govt.nz, gc.ca,
# state.xx.us, europa.eu, parliament.uk and admin.ch.
GOVERNMENT_HOST = re.compile(
    r"(^|\.)((gov|mil)(\.[a-z]{2})?|go\.[a-z]{2}|gob\.[a-z]{2}|gouv\.[a-z]{2}|govt\.[a-z]{2}|gc\.ca"
    r"|state\.[a-z]{2}\.us|europa\.eu|parliament\.uk|admin\.ch)$"
)


def check_official_hosts(tables: Tables, hosts_path: Path) -> list[Problem]:
    """A source whose kind says it is the acting organisation's own document is on a government
    domain or on a host listed, with a reason, in official_hosts.csv; a copy elsewhere is not."""
    name = _display(hosts_path)
    if not hosts_path.exists():
        return [Problem(name, 0, "-", "file is missing")]
    with open(hosts_path, encoding="utf-8", newline="") as handle:
        listed = {r["host"]: r for r in csv.DictReader(handle)}
    found = [
        Problem(name, line, "reason", "say in a sentence whose domain this is")
        for line, r in enumerate(listed.values(), start=2)
        if len(r["reason"].split()) < 3
    ]
    for row in tables["sources"]:
        v = row.values
        if v["kind"] not in OWN_KINDS or not v["url"]:
            continue
        host = (urlsplit(v["url"]).hostname or "").removeprefix("www.")
        official = v["kind"] != "primary" and GOVERNMENT_HOST.search(host)
        if not official and not any(host == h or host.endswith("." + h) for h in listed):
            message = (
                f"kind {v['kind']!r} means the organisation's own page, but {host} is neither a "
                f"government domain nor listed in {hosts_path.name}; a copy takes the kind of its host"
            )
            found.append(row.problem("kind", message))
    return found


def check_merging(tables: Tables, reviewed_path: Path) -> list[Problem]:
    """The merging rule: units that may be one (a shared source, the same actor within a week, or
    look-alike descriptions) are merged or listed, with a reason, as reviewed and distinct."""
    events = tables["events"]
    first = {r.values["unit_id"]: r for r in events if r.values["event_id"] == r.values["unit_id"]}
    name = _display(reviewed_path)
    if not reviewed_path.exists():
        return [Problem(name, 0, "-", "file is missing")]
    listed = duplicates.reviewed_lines(reviewed_path)
    found = []
    for (a, b), why in duplicates.flagged_pairs(events).items():
        if (a, b) not in listed:
            later = max(
                (first[a], first[b]), key=lambda r: (r.values["date"], r.values["event_id"])
            )
            found.append(
                later.problem(
                    "unit_id",
                    f"units {a} and {b} may be one unit ({why}): merge them (make one a step or a "
                    f"corroborating row of the other) or list them with a reason in {reviewed_path.name}",
                )
            )
    for (a, b), (line, reason) in listed.items():
        missing = [u for u in (a, b) if u not in first or first[u].values["unit_kind"] == "context"]
        if missing:
            found.append(
                Problem(name, line, "first", f"{', '.join(missing)} is not a counted unit")
            )
        if len(reason.split()) < 5:
            found.append(
                Problem(name, line, "reason", "say in a sentence why the units are distinct")
            )
    return found


def read_tables(raw_dir: Path, problems: list[Problem]) -> Tables:
    tables: Tables = {}
    for table, files in raw_files(raw_dir).items():
        tables[table] = []
        for path in files:
            if path.exists():
                tables[table] += read_csv(path, table_schema(table), problems)
            else:
                problems.append(Problem(_display(path), 0, "-", "file is missing"))
    return tables


def validate(raw_dir: Path, today: dt.date | None = None) -> tuple[Tables, list[Problem]]:
    """Read and check every raw file; returns the rows per table and every problem found."""
    today = today or dt.date.today()
    problems: list[Problem] = []
    tables = read_tables(raw_dir, problems)
    for table, rows in tables.items():
        fields = table_schema(table).fields
        for row in rows:
            problems += [
                row.problem(f.name, m)
                for f in fields
                for m in cell_problems(row.values[f.name], f, today)
            ]
            problems += row_problems(table, row)
    for check in TABLE_CHECKS:
        problems += check(tables)
    if not any(p.column == "unit_id" for p in problems):  # the rule needs well-formed units
        problems += check_merging(tables, raw_dir / duplicates.REVIEWED_FILE)
    problems += check_official_hosts(tables, raw_dir / OFFICIAL_HOSTS_FILE)
    problems.sort(key=lambda p: (p.file, p.line, p.column))
    return tables, problems
