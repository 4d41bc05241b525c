"""Where the tidy tables are read from, so a notebook runs in a clone, on Binder, on Colab or alone.

In order: the repository's `data/` folder when the package runs from a clone; else the folder, zip
or http(s) URL named by SAFETYBOOK_DATA; else the dataset archive of the package's release, from the
first of these that has it (`release.Edition.dataset_urls`): the release's asset, the published
site's copy, the default branch's copy, so a notebook runs before its release is published. A
downloaded or zipped archive is unpacked once into a cache folder (SAFETYBOOK_CACHE, by default
~/.cache/safetybook) and read from there. When none can be had, the reader gets one sentence saying
what to do, without a traceback.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from functools import cache
from pathlib import Path

import pandas as pd

from safetybook import paths, release

VARIABLE = "SAFETYBOOK_DATA"
TABLE_FILE = "datapackage.json"
# Where a reader finds the dataset by hand: the Data and methods page of the published book.
DATA_PAGE = "chapters/01_data_and_methods"


class DatasetUnavailable(RuntimeError):
    """The dataset could not be found or downloaded; the message says what to do.

    In IPython (Jupyter, Colab) the message is shown alone: a reader needs the sentence, not the
    loader's call stack."""

    def _render_traceback_(self) -> list[str]:
        return [f"{type(self).__name__}: {self}"]


def cache_dir() -> Path:
    configured = os.environ.get("SAFETYBOOK_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "safetybook"


def _folder_in(root: Path) -> Path:
    """The folder holding datapackage.json: the root itself or its one subfolder (as in the zip)."""
    found = sorted(p.parent for p in root.rglob(TABLE_FILE))
    if not found:
        raise DatasetUnavailable(
            f"No {TABLE_FILE} in {root}; point {VARIABLE} at the book's dataset."
        )
    return found[0]


def _unpacked(archive: Path, key: str) -> Path:
    """Unzip an archive once into the cache (keyed by its content or URL) and return its data folder."""
    target = cache_dir() / key
    if not (target / ".complete").exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{key}."))
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(staging)
        (staging / ".complete").touch()
        shutil.rmtree(target, ignore_errors=True)
        os.replace(staging, target)
    return _folder_in(target)


class _Missing(Exception):
    """The server answered, but has no archive at that address (HTTP 404 and the like)."""


def _fetch(url: str, key: str) -> Path:
    """Download the archive at `url` and unpack it in the cache under `key`."""
    cache_dir().mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=cache_dir(), suffix=".zip")
    try:
        try:
            with os.fdopen(fd, "wb") as out, urllib.request.urlopen(url, timeout=60) as response:
                shutil.copyfileobj(response, out)
        except urllib.error.HTTPError as err:
            raise _Missing(f"HTTP {err.code}") from None
        try:
            return _unpacked(Path(tmp), key)
        except zipfile.BadZipFile:
            raise _Missing("not a zip file") from None
    finally:
        Path(tmp).unlink(missing_ok=True)


def _downloaded(*urls: str) -> Path:
    """The first of `urls` that serves the archive, unpacked in the cache; downloaded only once.
    An address without the archive passes to the next; no connection at all stops at once."""
    missing = []
    for url in urls:
        key = "url-" + hashlib.sha256(url.encode()).hexdigest()[:16]
        if (cache_dir() / key / ".complete").exists():
            return _folder_in(cache_dir() / key)
        try:
            return _fetch(url, key)
        except _Missing as err:
            missing.append(f"{url} ({err})")
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise DatasetUnavailable(
                f"Could not download the book's dataset from {url} ({reason}): connect to the"
                f" internet, or set {VARIABLE} to a copy of it (a folder, a .zip file or a URL)."
            ) from None
    raise DatasetUnavailable(
        f"The book's dataset is not published at {' nor '.join(missing)}: download it from the"
        f" book's Data and methods page ({_data_page()}) and set {VARIABLE} to the file."
    )


def _data_page() -> str:
    try:
        return release.edition().page(DATA_PAGE)
    except (RuntimeError, ValueError, OSError):
        return "the book's site"


def _resolve(location: str) -> Path:
    if location.startswith(("http://", "https://")):
        return _downloaded(location)
    path = Path(location).expanduser()
    if not path.exists():
        raise DatasetUnavailable(f"{VARIABLE}={location} does not exist.")
    if path.is_dir():
        return _folder_in(path)
    if path.is_file() and zipfile.is_zipfile(path):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        return _unpacked(path, f"zip-{digest}")
    raise DatasetUnavailable(
        f"{VARIABLE}={location} is neither a folder, a .zip file nor an http(s) URL of the dataset."
    )


@cache
def data_dir() -> Path:
    """The folder the tidy tables and their datapackage.json are read from (see the module docstring)."""
    if paths.DATAPACKAGE.exists():
        return paths.DATA_DIR
    if os.environ.get(VARIABLE):
        return _resolve(os.environ[VARIABLE])
    return _downloaded(*release.edition().dataset_urls)


def collection_date(data_dir_: Path | None = None) -> pd.Timestamp:
    """The last day the record is complete to, as far as the stored sources show (one value,
    `collection_date` in datapackage.json)."""
    folder = Path(data_dir_) if data_dir_ is not None else data_dir()
    package = json.loads((folder / TABLE_FILE).read_text(encoding="utf-8"))
    return pd.Timestamp(package["collection_date"])
