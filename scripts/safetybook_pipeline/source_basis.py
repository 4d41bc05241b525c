"""The source-basis rule of the data contract (see the codebook, "Sources: what a fact stands on").

Every counted unit rests on the acting organisation's own page or on two reports by independent
publishers that agree on its date; a unit that does not is `single` and must be listed in
`single_units.csv`, with whether its search is logged. Every fine and every law in TikTok's record is
official or corroborated, or its documented search (`searched` = `yes`) found nothing better.
The bases are computed by the book's library (`safetybook.basis`) from the tidy tables the build
would write, so the rule judges exactly what the chapters count.
"""

from __future__ import annotations

import csv
import shutil
import tempfile
from pathlib import Path

from safetybook import basis, chapter, paths
from safetybook_pipeline.validate import Problem, Row, Tables

REGISTER_FILE = "single_units.csv"
REGISTER_COLUMNS = (
    "unit_id",
    "platform",
    "unit_kind",
    "date",
    "precision",
    "why_single",
    "searched",
    "logs",
    "note",
)
TIKTOK_RECORD = ("tiktok", "all_platforms")


def read_register(path: Path) -> tuple[dict[str, tuple[int, dict]], list[Problem]]:
    """The listed single units by id, with their line numbers, and any malformed line."""
    name = path.name
    if not path.exists():
        return {}, [Problem(name, 0, "-", "file is missing: list every single unit in it")]
    found, problems = {}, []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != REGISTER_COLUMNS:
            return {}, [Problem(name, 1, "-", f"columns must be {', '.join(REGISTER_COLUMNS)}")]
        for line, row in enumerate(reader, start=2):
            if row["searched"] not in ("yes", "no"):
                problems.append(Problem(name, line, "searched", "yes or no"))
            if row["searched"] == "yes" and not row["logs"].strip():
                problems.append(Problem(name, line, "logs", "a searched unit names its search log"))
            if row["unit_id"] in found:
                problems.append(Problem(name, line, "unit_id", f"{row['unit_id']} is listed twice"))
            found[row["unit_id"]] = (line, row)
    return found, problems


def bases(tidy: dict[str, str]):
    """The book as the chapters would read it from these tidy tables: unit bases, and the bases of
    the fines and laws of TikTok's record."""
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for table, text in tidy.items():
            (folder / f"{table}.csv").write_text(text, encoding="utf-8")
        shutil.copy(paths.DATAPACKAGE, folder / paths.DATAPACKAGE.name)
        book = chapter.read("all", folder)
        units = basis.unit_bases(book)
        platform = book.units.set_index("unit_id")["platform"]
        fines_laws = basis.fine_law_bases(book)
        fines_laws = fines_laws[fines_laws.index.map(platform).isin(TIKTOK_RECORD)]
        steps = basis.step_bases(book).set_index("event_id")
    return units, fines_laws, steps


def check(tables: Tables, raw_dir: Path, tidy: dict[str, str]) -> list[Problem]:
    """Every single unit listed; every listed unit single; fines and laws supported or searched."""
    register_path = raw_dir / REGISTER_FILE
    listed, problems = read_register(register_path)
    units, fines_laws, steps = bases(tidy)
    first: dict[str, Row] = {
        r.values["event_id"]: r
        for r in tables["events"]
        if r.values["event_id"] == r.values["unit_id"]
    }
    name = register_path.name
    for unit_id, value in units.items():
        if value != "single" or unit_id in listed:
            continue
        reports = int(steps.at[unit_id, "reports"]) if unit_id in steps.index else 0
        independent = int(steps.at[unit_id, "independent"]) if unit_id in steps.index else 0
        problems.append(
            first[unit_id].problem(
                "source_id",
                f"unit {unit_id} rests on a single report ({reports} report(s), {independent} "
                "independent publisher(s) agreeing on its date; copies of one wire story or press "
                "release count once): add the acting organisation's own page or a second independent "
                f"report, or list it in {name} with its search",
            )
        )
    for unit_id, (line, _row) in listed.items():
        if unit_id not in units.index:
            problems.append(Problem(name, line, "unit_id", f"{unit_id} is not a counted unit"))
        elif units[unit_id] != "single" and fines_laws.get(unit_id) != "single":
            problems.append(
                Problem(
                    name,
                    line,
                    "unit_id",
                    f"{unit_id} is now {units[unit_id]}: remove it from the list",
                )
            )
    for unit_id, value in fines_laws.items():
        if value != "single":
            continue
        entry = listed.get(unit_id)
        if entry is None or entry[1]["searched"] != "yes":
            problems.append(
                first[unit_id].problem(
                    "source_id",
                    f"fine or law {unit_id} rests on a single report: every fine and law needs the "
                    "authority's own page or two independent reports, or a logged search "
                    f"(searched = yes in {name})",
                )
            )
    return sorted(problems, key=lambda p: (p.file, p.line, p.column))
