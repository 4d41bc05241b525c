"""make data: raw CSV files -> validated tidy tables, references.bib and the data dictionary page.

Nothing is written unless every input is valid; outputs are replaced atomically.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import tempfile
from pathlib import Path

from safetybook import paths
from safetybook.bibliography import bibtex
from safetybook.dictionary import data_dictionary
from safetybook.schema import TABLES, table_schema
from safetybook.validate import Row, validate


def tidy_csv(table: str, rows: list[Row]) -> str:
    """One tidy table as CSV text, rows sorted by primary key."""
    schema = table_schema(table)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(schema.columns)
    for row in sorted(rows, key=lambda r: r.values[schema.primary_key]):
        writer.writerow([row.values[c] for c in schema.columns])
    return out.getvalue()


def outputs(tables: dict[str, list[Row]], data_dir: Path, bib: Path, dictionary: Path) -> dict[Path, str]:
    """Every derived file and its content."""
    files = {data_dir / f"{t}.csv": tidy_csv(t, tables[t]) for t in TABLES}
    files[bib] = bibtex([r.values for r in tables["sources"]])
    files[dictionary] = data_dictionary()
    return files


def write_atomically(files: dict[Path, str]) -> None:
    """Write every file to a temporary sibling first, then rename them all into place."""
    staged = []
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            staged.append((tmp, path))
    except BaseException:
        for tmp, _ in staged:
            os.unlink(tmp)
        raise
    for tmp, path in staged:
        os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, default=paths.RAW_DIR, help="folder of raw CSV files")
    parser.add_argument("--out", type=Path, default=paths.DATA_DIR, help="folder for the tidy tables")
    parser.add_argument("--bib", type=Path, default=paths.BIBLIOGRAPHY, help="where to write the BibTeX file")
    parser.add_argument("--dictionary", type=Path, default=paths.DATA_DICTIONARY, help="where to write the data dictionary page")
    parser.add_argument("--check", action="store_true", help="only report whether the outputs are up to date")
    args = parser.parse_args(argv)
    tables, problems = validate(args.raw)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"make data: {len(problems)} problem(s); nothing was written.", file=sys.stderr)
        return 1
    files = outputs(tables, args.out, args.bib, args.dictionary)
    if args.check:
        stale = [p for p, text in files.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        for path in stale:
            print(f"out of date: {path}", file=sys.stderr)
        return 1 if stale else 0
    write_atomically(files)
    counts = ", ".join(f"{len(tables[t])} {t}" for t in TABLES)
    print(f"make data: wrote {counts}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
