"""One version, one date and one address everywhere, and `make release` (issue 32).

CITATION.cff holds the version, the release date and the repository's address; everything else
reads it or is written from it. The release is cut in a copy of the repository (`release_copy`,
marked `clone`: `make test` runs it), where the version is changed to one no file spells, and every
place that gives the version is then checked to give the new one, and no other file to spell it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from rerun_support import repository_copy

from safetybook import paths, release

NEW_VERSION, NEW_DATE = "9.8.7", dt.date(2031, 1, 2)
# Files that spell the version because they are CITATION.cff or are written from it (by `make data`
# and `make release`), and the history, which names every version.
WRITTEN_FROM_CITATION = {
    "CITATION.cff",
    ".zenodo.json",
    "data/datapackage.json",
    f"chapters/downloads/{release.ARCHIVE_STEM}-{NEW_VERSION}.zip",
    f"chapters/downloads/{release.ARCHIVE_STEM}-{NEW_VERSION}.zip.sha256",
    "CHANGELOG.md",
}


# -- the edition, read from CITATION.cff ----------------------------------------------------------


def test_the_edition_is_read_from_citation_cff():
    cff = yaml.safe_load(paths.CITATION_FILE.read_text(encoding="utf-8"))
    edition = release.edition()
    assert edition.version == cff["version"]
    assert edition.released == dt.date.fromisoformat(str(cff["date-released"]))
    assert edition.repository == cff["repository-code"]
    assert edition.tag == f"v{cff['version']}"
    owner, name = cff["repository-code"].removeprefix("https://github.com/").split("/")
    assert edition.site == f"https://{owner}.github.io/{name}/"
    assert "url" not in cff, "the site's address is derived from the repository's, not spelled"


def test_a_notebook_outside_a_clone_looks_for_the_dataset_at_the_release_then_the_site_then_the_branch():
    edition = release.edition()
    asset, site, branch = edition.dataset_urls
    assert asset == (f"{edition.repository}/releases/download/{edition.tag}/{edition.archive_name}")
    assert site == edition.site + release.SITE_DATASET
    assert branch.endswith(f"/HEAD/chapters/downloads/{edition.archive_name}")
    assert edition.archive_name == f"{release.ARCHIVE_STEM}-{edition.version}.zip"


def test_make_data_writes_the_archive_named_with_the_version_and_its_checksum():
    """Named with the release's version, or `-unreleased` while the changelog lists changes after
    it; either way one archive, its checksum, and the data contract's version inside."""
    import hashlib

    archive = release.dataset_archive()
    expected = (
        release.UNRELEASED_ARCHIVE
        if release.has_unreleased_changes()
        else f"{release.ARCHIVE_STEM}-{release.edition().version}.zip"
    )
    assert archive.name == expected
    assert archive.exists(), f"no {archive.name}: run `make data`"
    others = sorted(p.name for p in archive.parent.glob(f"{release.ARCHIVE_STEM}*"))
    assert others == [archive.name, archive.name + ".sha256"], others
    digest, name = (archive.parent / (archive.name + ".sha256")).read_text().split()
    assert name == archive.name and digest == hashlib.sha256(archive.read_bytes()).hexdigest()
    with zipfile.ZipFile(archive) as zf:
        package = json.loads(zf.read(f"{archive.stem}/datapackage.json"))
    assert package["version"] == release.data_version()
    assert package["homepage"] == release.edition().site


@pytest.mark.parametrize(
    ("changelog", "unreleased"),
    [
        ("# Changelog\n\n## Unreleased\n\n## 1.0.0 (2026-01-01)\n\n- first\n", False),
        ("# Changelog\n\n## Unreleased\n\n- a fix\n\n## 1.0.0 (2026-01-01)\n\n- first\n", True),
        ("# Changelog\n\n## Unreleased\n\n- the first entry, last section\n", True),
        ("# Changelog\n\n## 1.0.0 (2026-01-01)\n\n- first\n", False),
    ],
)
def test_changes_after_a_release_are_those_listed_under_unreleased(tmp_path, changelog, unreleased):
    (tmp_path / release.CHANGELOG).write_text(changelog, encoding="utf-8")
    (tmp_path / release.CITATION).write_text(
        "version: 1.0.0\ndate-released: 2026-01-01\n"
        "repository-code: https://github.com/owner/name\n",
        encoding="utf-8",
    )
    assert release.has_unreleased_changes(tmp_path) is unreleased
    name = release.dataset_archive(tmp_path).name
    assert name == (release.UNRELEASED_ARCHIVE if unreleased else "tiktok-safety-dataset-1.0.0.zip")
    assert release.data_version(tmp_path) == ("1.0.0+unreleased" if unreleased else "1.0.0")


def test_the_data_contract_gives_the_books_version_and_address():
    package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    assert package["version"] == release.data_version()
    assert package["homepage"] == release.edition().site


ADDRESSES = ("github.com/tiktok-safety-book", "tiktok-safety-book.github.io")
# Where the addresses may be spelled: CITATION.cff (their one definition), the data contract
# (written from it by `make data`), the history, the README (read on the code host, before anything
# is built) and the notebooks' install cell (it runs before the package is there; test_rerun.py
# checks that it names the configured repository).
MAY_SPELL_ADDRESSES = {
    "CITATION.cff",
    "data/datapackage.json",
    "CHANGELOG.md",
    "README.md",
    "tests/test_release.py",  # this module, which names what it looks for
}


def _tracked_text_files() -> dict[str, str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = {}
    for rel in filter(None, listed.split("\0")):
        path = paths.ROOT / rel
        if path.is_file() and path.suffix not in (".zip", ".png", ".ico", ".woff2", ".jar"):
            try:
                found[rel] = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
    return found


def test_the_published_addresses_are_configured_once(git_history):
    spelled = {
        rel
        for rel, text in _tracked_text_files().items()
        if any(a in text for a in ADDRESSES) and rel not in MAY_SPELL_ADDRESSES
    }
    notebooks = {rel for rel in spelled if rel.endswith(".ipynb")}
    assert not spelled - notebooks, f"the book's addresses spelled outside CITATION.cff: {spelled}"
    for rel in notebooks:
        text = _tracked_text_files()[rel]
        outside = [
            line
            for line in text.splitlines()
            if any(a in line for a in ADDRESSES) and "REPO = " not in line
        ]
        assert not outside, f"{rel} spells the book's address outside its install cell: {outside}"


# -- make release, in a copy of the repository ----------------------------------------------------


def _git(copy: Path, *args: str) -> str:
    who = ["-c", "user.name=test", "-c", "user.email=test@example.org"]
    return subprocess.run(
        ["git", *who, *args], cwd=copy, capture_output=True, text=True, check=True
    ).stdout


def _release(copy: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(copy / "scripts")}
    return subprocess.run(
        [sys.executable, "-m", "safetybook_tooling.release", *args],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def release_copy(tmp_path_factory) -> Path:
    """A committed copy of the repository (as a fresh clone has it), where releases are cut."""
    copy = repository_copy(tmp_path_factory.mktemp("release") / "copy")
    # Right after a release the Unreleased section is empty: the copy says what it changes, so the
    # tests cut a release at any point of the cycle.
    changelog = copy / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8")
    entry = "- A change made in this copy of the repository, for the release tests.\n"
    text = re.sub(r"^(## Unreleased[^\n]*\n)\n*(?=## )", rf"\1\n{entry}\n", text, flags=re.M)
    changelog.write_text(text, encoding="utf-8")
    _git(copy, "init", "--quiet")
    _git(copy, "add", "-A")
    _git(copy, "commit", "-qm", "copy")
    return copy


def test_release_refuses_a_changelog_without_an_unreleased_entry(release_copy):
    changelog = release_copy / "CHANGELOG.md"
    original = changelog.read_text(encoding="utf-8")
    emptied = re.sub(r"(## Unreleased[^\n]*\n).*?(?=^## )", r"\1\n", original, flags=re.S | re.M)
    assert emptied != original
    for text, why in ((emptied, "is empty"), (emptied.replace("## Unreleased", "## Next"), "no")):
        changelog.write_text(text, encoding="utf-8")
        _git(release_copy, "commit", "-qam", "changelog")
        ran = _release(release_copy, NEW_VERSION, "--test-command", "true")
        assert ran.returncode == 1 and "refused" in ran.stderr and why in ran.stderr, ran.stderr
        assert not _git(release_copy, "status", "--porcelain"), "a refused release changed files"
    changelog.write_text(original, encoding="utf-8")
    _git(release_copy, "commit", "-qam", "changelog")


def test_release_refuses_a_dirty_tree_a_red_suite_and_an_old_version(release_copy):
    (release_copy / "stray.txt").write_text("uncommitted")
    ran = _release(release_copy, NEW_VERSION, "--test-command", "true")
    assert ran.returncode == 1 and "not clean" in ran.stderr, ran.stderr
    (release_copy / "stray.txt").unlink()
    ran = _release(release_copy, NEW_VERSION, "--test-command", "false")
    assert ran.returncode == 1 and "test suite failed" in ran.stderr, ran.stderr
    ran = _release(release_copy, "0.0.1", "--test-command", "true")
    assert ran.returncode == 1 and "not after the current version" in ran.stderr, ran.stderr
    assert not _git(release_copy, "status", "--porcelain"), "a refused release changed files"


@pytest.fixture(scope="module")
def released(release_copy) -> tuple[Path, str, str]:
    """The copy after `make release` of NEW_VERSION: (copy, its output, the old version)."""
    old = release.edition(release_copy).version
    unreleased = (release_copy / "CHANGELOG.md").read_text(encoding="utf-8")
    ran = _release(
        release_copy, NEW_VERSION, "--date", NEW_DATE.isoformat(), "--test-command", "true"
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    return release_copy, ran.stdout, old, unreleased


def test_release_moves_the_changelog_and_prints_the_tag_command(released):
    copy, output, old, before = released
    changelog = (copy / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## Unreleased\n\n## {NEW_VERSION} ({NEW_DATE.isoformat()})\n" in changelog
    body = re.search(r"## Unreleased[^\n]*\n(.*?)^## ", before, flags=re.S | re.M).group(1)
    assert body.strip() and body in changelog, "the Unreleased entries moved under the version"
    assert f"git tag -a v{NEW_VERSION}" in output
    assert "git push" in output


def test_after_a_release_every_place_gives_the_new_version(released, tmp_path):
    copy, _, old, _ = released
    cff = yaml.safe_load((copy / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["version"] == NEW_VERSION and str(cff["date-released"]) == NEW_DATE.isoformat()
    zenodo = json.loads((copy / ".zenodo.json").read_text(encoding="utf-8"))
    assert (zenodo["version"], zenodo["publication_date"]) == (NEW_VERSION, NEW_DATE.isoformat())
    package = json.loads((copy / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == NEW_VERSION
    archive = copy / "chapters" / "downloads" / f"{release.ARCHIVE_STEM}-{NEW_VERSION}.zip"
    with zipfile.ZipFile(archive) as zf:
        inside = json.loads(zf.read(f"{archive.stem}/datapackage.json"))
    assert inside["version"] == NEW_VERSION
    assert not list(archive.parent.glob(f"*{old}*")), "the old version's archive is left"
    # the package's metadata, as pip builds it from the copy
    meta = tmp_path / "meta"
    meta.mkdir()
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from setuptools import build_meta as b;"
            "b.prepare_metadata_for_build_wheel(sys.argv[1])",
            str(meta),
        ],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    metadata = next(meta.glob("*.dist-info")).joinpath("METADATA").read_text(encoding="utf-8")
    assert f"\nVersion: {NEW_VERSION}\n" in metadata
    assert f"Project-URL: Repository, {cff['repository-code']}" in metadata
    # the citations, the page footer and the PDF's title page and footer, from the copy's file
    sys.path.insert(0, str(paths.ROOT / "_ext"))
    try:
        import cite_chapter
    finally:
        sys.path.remove(str(paths.ROOT / "_ext"))
    from safetybook_tooling import pdf

    edition = release.edition(copy)
    text, bibtex = cite_chapter.chapter_reference(cff, "Health", "chapters/02_health")
    assert f"version {NEW_VERSION}" in text and f"version = {{{NEW_VERSION}}}" in bibtex
    for what in ("book", "dataset"):
        formats = cite_chapter.work_citation(cff, what)
        assert all(NEW_VERSION in f and old not in f for f in formats.values()), formats
        assert str(NEW_DATE.year) in formats["bibtex"]
    page = pdf.title_page(cff, edition, dt.date(2030, 6, 30)) + pdf.footer(
        edition, dt.date(2030, 6, 30)
    )
    assert f"Version {NEW_VERSION}, 2 January 2031" in page and old not in page


def test_after_a_release_no_other_file_spells_the_version(released):
    """The new version, which no file spelled before, is now spelled only in CITATION.cff and the
    files written from it (and the changelog)."""
    copy = released[0]
    listed = _git(copy, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    spelled = set()
    for rel in filter(None, listed.split("\0")):
        path = copy / rel
        if rel == "tests/test_release.py":
            continue  # this module, which names the version it releases
        if path.is_file() and (NEW_VERSION.encode() in path.read_bytes() or NEW_VERSION in rel):
            spelled.add(rel)
    assert spelled == WRITTEN_FROM_CITATION, (
        f"spelled elsewhere: {sorted(spelled - WRITTEN_FROM_CITATION)};"
        f" not written: {sorted(WRITTEN_FROM_CITATION - spelled)}"
    )


def test_a_release_archive_is_never_rewritten(released):
    """After a release, a data change fails `make data` (naming the archive, writing nothing) until
    the changelog lists it under "Unreleased"; then the archive is written as `-unreleased`, and
    the data contract says `<release>+unreleased`."""
    copy = released[0]
    env = {**os.environ, "PYTHONPATH": str(copy / "scripts")}

    def make_data() -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "safetybook_pipeline.build"]
        return subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True)

    downloads = copy / release.DOWNLOADS
    released_archive = f"{release.ARCHIVE_STEM}-{NEW_VERSION}.zip"
    raw = copy / "data" / "raw" / "events" / "health.csv"
    changelog = copy / "CHANGELOG.md"
    kept = [raw, changelog, copy / "data" / "datapackage.json", *downloads.glob("*")]
    saved = {path: path.read_bytes() for path in kept}
    try:
        assert make_data().returncode == 0, "an unchanged record rebuilds over its release"
        before = _git(copy, "status", "--porcelain")
        lines = raw.read_text(encoding="utf-8").splitlines(keepends=True)
        lines[1] = lines[1].replace("WHO", "The WHO", 1)
        assert lines[1] != raw.read_text(encoding="utf-8").splitlines(keepends=True)[1]
        raw.write_text("".join(lines), encoding="utf-8")
        ran = make_data()
        assert ran.returncode == 1, ran.stdout + ran.stderr
        assert released_archive in ran.stderr and "## Unreleased" in ran.stderr, ran.stderr
        after = set(_git(copy, "status", "--porcelain").splitlines())
        changed = after - set(before.splitlines())
        assert {line[3:] for line in changed} == {"data/raw/events/health.csv"}, changed

        text = changelog.read_text(encoding="utf-8")
        changelog.write_text(
            text.replace("## Unreleased\n", "## Unreleased\n\n- A data change.\n", 1),
            encoding="utf-8",
        )
        ran = make_data()
        assert ran.returncode == 0, ran.stdout + ran.stderr
        archives = sorted(p.name for p in downloads.glob(f"{release.ARCHIVE_STEM}*"))
        assert archives == [release.UNRELEASED_ARCHIVE, release.UNRELEASED_ARCHIVE + ".sha256"]
        package = json.loads((copy / "data" / "datapackage.json").read_text(encoding="utf-8"))
        assert package["version"] == f"{NEW_VERSION}+unreleased"
    finally:
        for path in downloads.glob(f"{release.ARCHIVE_STEM}*"):
            path.unlink()
        for path, data in saved.items():
            path.write_bytes(data)


# -- history in the errata, not in the chapters ---------------------------------------------------

HISTORY = re.compile(
    r"(?i)\b(?:version|v)\s?\d+\.\d+(?:\.\d+)?\b|\breferee\b|\breviewers?\b|\bas the review\b"
)


def test_the_errata_page_lists_what_each_release_corrects(built_site):
    """Each version the errata correct is a released version, with its date as the changelog has it."""
    from book_layout import toc_docs

    assert "chapters/errata" in toc_docs(), "no errata page in the table of contents"
    source = (paths.CHAPTERS_DIR / "errata.md").read_text(encoding="utf-8")
    changelog = (paths.ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    released = dict(re.findall(r"^## (\d+\.\d+\.\d+) \((\d{4}-\d\d-\d\d)\)", changelog, flags=re.M))
    corrected = re.findall(r"^## Version (\d+\.\d+\.\d+) \(([^)]+)\)", source, flags=re.M)
    assert corrected, "the errata page lists no version"
    for version, date in corrected:
        assert version in released, (
            f"the errata correct {version}, which the changelog never released"
        )
        day = dt.date.fromisoformat(released[version])
        assert date == f"{day.day} {day:%B %Y}", f"{version}: {date}, the changelog's {day}"
    items = re.findall(r"^\d+\. ", source, flags=re.M)
    assert len(items) >= 10, f"only {len(items)} corrections listed"
    assert (built_site / "chapters" / "errata.html").exists()


def test_no_chapter_tells_the_books_history():
    """Numbers and verdicts of earlier versions, and the reviews that found them, are in the
    errata and the changelog, never in a chapter's text."""
    import nbformat

    found = []
    for notebook in paths.chapter_notebooks():
        for index, cell in enumerate(nbformat.read(notebook, as_version=4).cells):
            if cell.cell_type != "markdown" or "remove-cell" in cell.metadata.get("tags", []):
                continue
            for line in cell.source.splitlines():
                if HISTORY.search(line):
                    found.append(f"{notebook.name} cell {index}: {line[:120]}")
    assert not found, (
        "chapters that tell the book's history (move it to the errata):\n" + "\n".join(found)
    )
