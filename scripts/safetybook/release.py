"""The book's edition: its version, release date and published addresses, each defined once.

`CITATION.cff` holds the version (`version`), the release date (`date-released`) and the one
configured address, the repository (`repository-code`, a GitHub repository). Everything else is
derived here: the release tag, the published site (the repository's GitHub Pages address), the
dataset archive's name and where it is published (the release's asset; the site's copy; the
default branch's copy). In a clone these are read from CITATION.cff; outside one (the package
installed from the repository, as on Colab) from the package's metadata, which `setup.py` writes
from the same file.

This module imports only the standard library: `setup.py` loads it before anything is installed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CITATION = "CITATION.cff"
CHANGELOG = "CHANGELOG.md"
PACKAGE = "safetybook"
ARCHIVE_STEM = "tiktok-safety-dataset"
DOWNLOADS = Path("chapters") / "downloads"
# Where the built site keeps a copy of the dataset under a name that does not change between
# releases (written by _ext/release_info.py), for the loader's fallback.
SITE_DATASET = f"downloads/{ARCHIVE_STEM}.zip"
# Between releases (the changelog's "Unreleased" section has an entry) `make data` writes the
# archive under this name: an archive named with a version is that release's, never rewritten.
UNRELEASED_ARCHIVE = f"{ARCHIVE_STEM}-unreleased.zip"
UNRELEASED_HEADING = re.compile(r"^## Unreleased\b.*$", flags=re.M)
GITHUB = re.compile(r"^https://github\.com/(?P<owner>[\w.-]+)/(?P<name>[\w.-]+?)/?$")
VERSION = re.compile(r"^\d+\.\d+\.\d+$")


def read_citation(path: Path) -> dict[str, str]:
    """The top-level scalar fields of a CITATION.cff (title, version, date-released, ...): the
    subset of YAML this file uses, read without a YAML library."""
    fields = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        found = re.match(r"^([a-z][a-z-]*):[ \t]*(\S.*?)\s*$", line)
        if found and found.group(2) not in (">-", "|", ">"):
            value = found.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            fields[found.group(1)] = value
    return fields


@dataclass(frozen=True)
class Edition:
    """One released (or to be released) version of the book and where it is published."""

    version: str
    released: dt.date | None
    repository: str

    def __post_init__(self):
        if not VERSION.match(self.version):
            raise ValueError(f"{CITATION}: version {self.version!r} is not x.y.z")
        if not GITHUB.match(self.repository):
            raise ValueError(
                f"{CITATION}: repository-code {self.repository!r} is not https://github.com/owner/name"
            )

    @property
    def tag(self) -> str:
        return f"v{self.version}"

    @property
    def owner(self) -> str:
        return GITHUB.match(self.repository)["owner"]

    @property
    def name(self) -> str:
        return GITHUB.match(self.repository)["name"]

    @property
    def site(self) -> str:
        """The published book (GitHub Pages), with a trailing slash."""
        return f"https://{self.owner}.github.io/{self.name}/"

    def page(self, docname: str) -> str:
        """The published address of one page of the book (`chapters/02_health`)."""
        return f"{self.site}{docname}.html"

    @property
    def archive_name(self) -> str:
        """The dataset archive's file name, with the version in it."""
        return f"{ARCHIVE_STEM}-{self.version}.zip"

    @property
    def asset_url(self) -> str:
        """The dataset archive as an asset of the release (the tag must exist)."""
        return f"{self.repository}/releases/download/{self.tag}/{self.archive_name}"

    @property
    def dataset_urls(self) -> list[str]:
        """Where a notebook outside a clone looks for the dataset, in order: the release's asset,
        the published site's copy, the default branch's copy (a release not yet published)."""
        return [
            self.asset_url,
            self.site + SITE_DATASET,
            f"https://raw.githubusercontent.com/{self.owner}/{self.name}/HEAD/"
            f"{DOWNLOADS.as_posix()}/{self.archive_name}",
        ]

    def project_urls(self) -> dict[str, str]:
        """The package metadata's addresses (setup.py); `Repository` is read back outside a clone."""
        return {
            "Repository": self.repository,
            "Homepage": self.site,
            "Dataset": self.asset_url,
            "Changelog": f"{self.repository}/blob/main/CHANGELOG.md",
        }


def from_citation(path: Path) -> Edition:
    fields = read_citation(path)
    missing = [k for k in ("version", "date-released", "repository-code") if k not in fields]
    if missing:
        raise ValueError(f"{path}: no {', '.join(missing)}")
    return Edition(
        version=fields["version"],
        released=dt.date.fromisoformat(fields["date-released"]),
        repository=fields["repository-code"],
    )


def from_metadata() -> Edition:
    """The edition of the installed package (outside a clone): its version and repository."""
    from importlib import metadata

    meta = metadata.metadata(PACKAGE)
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or [])
    if "Repository" not in urls:
        raise RuntimeError(f"the installed {PACKAGE} package names no repository in its metadata")
    return Edition(version=meta["Version"], released=None, repository=urls["Repository"])


def edition(root: Path | None = None) -> Edition:
    """The book's edition: from CITATION.cff in a clone (or `root`), else the package metadata."""
    path = (root or ROOT) / CITATION
    return from_citation(path) if path.exists() else from_metadata()


def unreleased_section(changelog: str) -> tuple[int, int] | None:
    """Where the changelog's "## Unreleased" section starts and ends (its heading included), or
    None when it has none."""
    heading = UNRELEASED_HEADING.search(changelog)
    if heading is None:
        return None
    following = re.compile(r"^## ", flags=re.M).search(changelog, heading.end())
    return heading.start(), following.start() if following else len(changelog)


def has_unreleased_changes(root: Path | None = None) -> bool:
    """Whether the tree holds changes after the release CITATION.cff names: the changelog's
    "Unreleased" section has an entry (`make release` empties it)."""
    path = (root or ROOT) / CHANGELOG
    if not path.exists():
        return False
    text = path.read_text(encoding="utf-8")
    section = unreleased_section(text)
    return section is not None and bool(text[text.index("\n", section[0]) : section[1]].strip())


def released_archive(root: Path | None = None) -> Path:
    """The archive of the release CITATION.cff names: chapters/downloads/<name with the version>."""
    base = root or ROOT
    return base / DOWNLOADS / edition(base).archive_name


def dataset_archive(root: Path | None = None) -> Path:
    """Where `make data` writes the dataset archive: the release's name, or between releases
    (changes listed under "Unreleased") chapters/downloads/tiktok-safety-dataset-unreleased.zip."""
    base = root or ROOT
    if has_unreleased_changes(base):
        return base / DOWNLOADS / UNRELEASED_ARCHIVE
    return released_archive(base)


def data_version(root: Path | None = None) -> str:
    """The version the data contract gives: the release's, or `<release>+unreleased` between
    releases (semantic versioning's build metadata: the release plus later changes)."""
    version = edition(root).version
    return f"{version}+unreleased" if has_unreleased_changes(root) else version
