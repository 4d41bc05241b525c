"""make data: raw CSV files -> validated tidy tables, references.bib, the data dictionary page and
the dataset archive (named with the book's version, which datapackage.json also takes from
CITATION.cff).

Nothing is written unless every input is valid; outputs are replaced atomically.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import sys
import tempfile
import zipfile
from pathlib import Path

from safetybook import paths, release
from safetybook.schema import TABLES, table_schema
from safetybook_pipeline import source_basis
from safetybook_pipeline.bibliography import bibtex
from safetybook_pipeline.dictionary import data_dictionary
from safetybook_pipeline.validate import Row, validate


def tidy_csv(table: str, rows: list[Row]) -> str:
    """One tidy table as CSV text, rows sorted by primary key."""
    schema = table_schema(table)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(schema.columns)
    for row in sorted(rows, key=lambda r: r.values[schema.primary_key]):
        writer.writerow([row.values[c] for c in schema.columns])
    return out.getvalue()


def datapackage(edition: release.Edition, version: str) -> str:
    """data/datapackage.json with the data's version (`release.data_version`) and the book's
    address (CITATION.cff is their one source)."""
    package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    written = {}
    for key, value in package.items():
        if key != "homepage":
            written[key] = version if key == "version" else value
        if key == "version":
            written["homepage"] = edition.site
    return json.dumps(written, indent=2, ensure_ascii=False) + "\n"


def archive(files: dict[str, str], folder: str) -> bytes:
    """A zip of the given files in `folder`, with fixed timestamps and order, so it is
    byte-identical on every rebuild."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=(2026, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, files[name])
    return buffer.getvalue()


def outputs(
    tables: dict[str, list[Row]],
    data_dir: Path,
    bib: Path,
    dictionary: Path,
    zipped: Path | None = None,
) -> dict[Path, str | bytes]:
    """Every derived file and its content."""
    files: dict[Path, str | bytes] = {data_dir / f"{t}.csv": tidy_csv(t, tables[t]) for t in TABLES}
    files[bib] = bibtex([r.values for r in tables["sources"]])
    files[dictionary] = data_dictionary()
    edition = release.edition()
    files[data_dir / "datapackage.json"] = datapackage(edition, release.data_version())
    if zipped is not None:
        members = {p.name: text for p, text in files.items() if p.suffix in (".csv", ".json")}
        for path in sorted((paths.DATA_DIR / "recall").glob("*")):
            members[f"recall/{path.name}"] = path.read_text(encoding="utf-8")
        members["README.md"] = (paths.DATA_DIR / "README.md").read_text(encoding="utf-8")
        members["LICENSE.md"] = (paths.ROOT / "LICENSE-CONTENT.md").read_text(encoding="utf-8")
        files[zipped] = archive(members, zipped.name.removesuffix(".zip"))
        digest = hashlib.sha256(files[zipped]).hexdigest()
        files[checksum(zipped)] = f"{digest}  {zipped.name}\n"
    return files


def checksum(zipped: Path) -> Path:
    """The archive's SHA-256 checksum file beside it (`sha256sum -c` reads it)."""
    return zipped.with_name(zipped.name + ".sha256")


def stale_archives(zipped: Path) -> list[Path]:
    """Archives of other versions (and their checksums) beside the one written: a release renames
    the archive."""
    kept = {zipped, checksum(zipped)}
    return sorted(
        p
        for pattern in ("*.zip", "*.zip.sha256")
        for p in zipped.parent.glob(release.ARCHIVE_STEM + pattern)
        if p not in kept
    )


def rewrites_a_release(files: dict[Path, str | bytes], zipped: Path) -> str | None:
    """The problem when the archive about to be written is a release's and would change: a
    release's archive is never rewritten, so a data change first goes under "Unreleased"."""
    if zipped != release.released_archive() or not zipped.exists():
        return None
    if zipped.read_bytes() == _bytes(files[zipped]):
        return None
    return (
        f"{zipped.relative_to(paths.ROOT)}: the data differ from release "
        f"{release.edition().version}'s archive, which is never rewritten; say what changed under "
        f'"## Unreleased" in {release.CHANGELOG} (make data then writes '
        f"{release.UNRELEASED_ARCHIVE}), or cut a release"
    )


def _bytes(content: str | bytes) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8")


def write_atomically(files: dict[Path, str | bytes]) -> None:
    """Write every changed file to a temporary sibling first, then rename them all into place.
    Unchanged files are not touched, so their timestamps do not make the book rebuild."""
    staged = []
    files = {p: c for p, c in files.items() if not p.exists() or p.read_bytes() != _bytes(c)}
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            os.chmod(tmp, 0o644)
            with os.fdopen(fd, "wb") as handle:
                handle.write(_bytes(text))
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
    parser.add_argument(
        "--out", type=Path, default=paths.DATA_DIR, help="folder for the tidy tables"
    )
    parser.add_argument(
        "--bib", type=Path, default=paths.BIBLIOGRAPHY, help="where to write the BibTeX file"
    )
    parser.add_argument(
        "--dictionary",
        type=Path,
        default=paths.DATA_DICTIONARY,
        help="where to write the data dictionary page",
    )
    parser.add_argument(
        "--archive",
        type=Path,
        default=None,
        help="where to write the dataset zip (default: chapters/downloads/, named as the release"
        " or -unreleased between releases)",
    )
    parser.add_argument(
        "--check", action="store_true", help="only report whether the outputs are up to date"
    )
    args = parser.parse_args(argv)
    tables, problems = validate(args.raw)
    if not problems:
        problems = source_basis.check(tables, args.raw, {t: tidy_csv(t, tables[t]) for t in TABLES})
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"make data: {len(problems)} problem(s); nothing was written.", file=sys.stderr)
        return 1
    zipped = args.archive or release.dataset_archive()
    files = outputs(tables, args.out, args.bib, args.dictionary, zipped)
    rewrite = rewrites_a_release(files, zipped)
    if rewrite:
        print(f"{rewrite}\nmake data: 1 problem(s); nothing was written.", file=sys.stderr)
        return 1
    if args.check:
        stale = [
            p for p, content in files.items() if not p.exists() or p.read_bytes() != _bytes(content)
        ] + stale_archives(zipped)
        for path in stale:
            print(f"out of date: {path}", file=sys.stderr)
        return 1 if stale else 0
    write_atomically(files)
    for old in stale_archives(zipped):
        old.unlink()
    counts = ", ".join(f"{len(tables[t])} {t}" for t in TABLES)
    print(f"make data: wrote {counts}.")
    derived = [r.values["measure_id"] for r in tables["measures"] if r.values["derivation"]]
    if derived:
        print(
            f"make data: {len(derived)} measure(s) rest on a derivation, not a stated number: "
            + ", ".join(derived)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
