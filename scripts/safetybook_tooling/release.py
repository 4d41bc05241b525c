"""make release VERSION=x.y.z: cut a release of the book, its dataset and its package.

It refuses unless the working tree is clean, the changelog's "Unreleased" section has an entry and
the test suite passes (`make test`, or the command given with --test-command). Then it moves the
changelog's "Unreleased" section under the new version and date (leaving an empty "Unreleased"
above it), writes the version and date into CITATION.cff (their one definition), the files written
from it (.zenodo.json; data/datapackage.json and the dataset archive, by `make data`, the archive
named with the version, with its SHA-256 checksum beside it), and prints the commands that
commit, tag and push the release. It commits and tags nothing itself.

`python -m safetybook_tooling.release --sync` only rewrites the files written from CITATION.cff.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from safetybook import paths, release


class Refused(Exception):
    """The release cannot be cut; the message says why and what to do."""


def unreleased_entry(changelog: str) -> tuple[int, int]:
    """Where the "Unreleased" section's body starts and ends; refuses when it has no entry."""
    section = release.unreleased_section(changelog)
    if section is None:
        raise Refused('CHANGELOG.md has no "## Unreleased" section: add one with the changes')
    start, end = section
    if not changelog[changelog.index("\n", start) : end].strip():
        raise Refused(
            'CHANGELOG.md\'s "Unreleased" section is empty: say what this release changes'
        )
    return start, end


def moved_changelog(changelog: str, version: str, date: dt.date) -> str:
    """The changelog with the Unreleased section under the version and date, and a new empty one."""
    start, _ = unreleased_entry(changelog)
    heading_end = changelog.index("\n", start)
    return (
        changelog[:start]
        + "## Unreleased\n\n"
        + f"## {version} ({date.isoformat()})"
        + changelog[heading_end:]
    )


def set_field(cff: str, key: str, value: str) -> str:
    """CITATION.cff with one top-level field's value replaced (the file's layout kept)."""
    text, count = re.subn(rf"^{key}:.*$", f'{key}: "{value}"', cff, count=1, flags=re.M)
    if count != 1:
        raise Refused(f"CITATION.cff has no {key} field")
    return text


def zenodo(root: Path, edition: release.Edition) -> str:
    """.zenodo.json with the version and publication date of the edition."""
    record = json.loads((root / ".zenodo.json").read_text(encoding="utf-8"))
    record["version"] = edition.version
    record["publication_date"] = edition.released.isoformat()
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"


def sync(root: Path) -> list[Path]:
    """Rewrite every file written from CITATION.cff; returns those written."""
    edition = release.edition(root)
    target = root / ".zenodo.json"
    target.write_text(zenodo(root, edition), encoding="utf-8")
    run([sys.executable, "-m", "safetybook_pipeline.build"], root)
    archive = release.dataset_archive(root)
    checksum = archive.with_name(archive.name + ".sha256")
    return [target, root / "data" / "datapackage.json", archive, checksum]


def run(command: list[str], cwd: Path) -> None:
    """Run a step of the book's own code in `cwd` (its modules, not another tree's)."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(cwd / "scripts"), os.environ.get("PYTHONPATH", "")]),
    }
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
    if result.returncode:
        raise Refused(
            f"`{' '.join(command)}` failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}"
        )


def clean_tree(root: Path) -> None:
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    if status.strip():
        raise Refused(f"the working tree is not clean: commit or stash first\n{status}")


def cut(root: Path, version: str, date: dt.date, test_command: str) -> str:
    """Cut the release in `root`; returns the commands that commit, tag and push it."""
    current = release.edition(root)
    if not release.VERSION.match(version):
        raise Refused(f"VERSION={version!r} is not x.y.z")
    if tuple(map(int, version.split("."))) <= tuple(map(int, current.version.split("."))):
        raise Refused(f"VERSION={version} is not after the current version {current.version}")
    clean_tree(root)
    changelog_path = root / "CHANGELOG.md"
    changelog = changelog_path.read_text(encoding="utf-8")
    unreleased_entry(changelog)
    tests = subprocess.run(test_command, shell=True, cwd=root)
    if tests.returncode:
        raise Refused(f"the test suite failed (`{test_command}`): a release needs it green")
    changelog_path.write_text(moved_changelog(changelog, version, date), encoding="utf-8")
    cff_path = root / release.CITATION
    cff = set_field(cff_path.read_text(encoding="utf-8"), "version", version)
    cff_path.write_text(set_field(cff, "date-released", date.isoformat()), encoding="utf-8")
    written = sync(root)
    edition = release.edition(root)
    listed = "\n".join(f"  {p.relative_to(root)}" for p in written)
    return (
        f"Release {edition.version} ({edition.released.isoformat()}) prepared:\n"
        f"  CHANGELOG.md\n  {release.CITATION}\n{listed}\n"
        "Review the changes, then commit, tag and push:\n"
        f'  git add -A && git commit -m "Release {edition.version}"\n'
        f'  git tag -a {edition.tag} -m "Version {edition.version}"\n'
        f"  git push origin HEAD {edition.tag}\n"
        f"and publish the GitHub release {edition.tag}: the workflow uploads {edition.archive_name}"
        " and its checksum as its assets and publishes the site."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version", nargs="?", help="the new version, x.y.z")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--test-command", default="make test", help="the suite that must pass")
    parser.add_argument("--root", type=Path, default=paths.ROOT, help=argparse.SUPPRESS)
    parser.add_argument(
        "--sync", action="store_true", help="only rewrite the files written from CITATION.cff"
    )
    args = parser.parse_args(argv)
    try:
        if args.sync:
            for path in sync(args.root):
                print(f"make release: wrote {path.relative_to(args.root)}")
            return 0
        if not args.version:
            raise Refused("give the version: make release VERSION=x.y.z")
        print(cut(args.root, args.version, args.date, args.test_command))
    except Refused as refused:
        print(f"make release: refused: {refused}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
