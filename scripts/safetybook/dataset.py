"""Where the tidy tables are read from, so a notebook runs in a clone, on Binder, on Colab or alone.

In order: the repository's `data/` folder when the package runs from a clone; else the folder, zip
or http(s) URL named by SAFETYBOOK_DATA; else the dataset archive published with the book's release
(DATASET_URL). A downloaded or zipped archive is unpacked once into a cache folder
(SAFETYBOOK_CACHE, by default ~/.cache/safetybook) and read from there.
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

from safetybook import paths

VARIABLE = "SAFETYBOOK_DATA"
REPOSITORY_URL = "https://github.com/tiktok-safety-book/tiktok-safety-book"
# The release whose assets include the dataset archive that `make data` writes; a release must
# publish chapters/downloads/tiktok-safety-dataset.zip under this name (see CONTRIBUTING.md).
RELEASE = "v0.2.0"
DATASET_URL = f"{REPOSITORY_URL}/releases/download/{RELEASE}/{paths.DATASET_ARCHIVE.name}"
TABLE_FILE = "datapackage.json"


class DatasetUnavailable(RuntimeError):
    """The dataset could not be found or downloaded; the message says what to do."""


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


def _downloaded(url: str) -> Path:
    """The archive at `url`, unpacked in the cache; downloaded only the first time."""
    key = "url-" + hashlib.sha256(url.encode()).hexdigest()[:16]
    if (cache_dir() / key / ".complete").exists():
        return _folder_in(cache_dir() / key)
    cache_dir().mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=cache_dir(), suffix=".zip")
    try:
        with os.fdopen(fd, "wb") as out, urllib.request.urlopen(url, timeout=60) as response:
            shutil.copyfileobj(response, out)
        return _unpacked(Path(tmp), key)
    except (urllib.error.URLError, OSError, zipfile.BadZipFile) as err:
        reason = getattr(err, "reason", err)
        raise DatasetUnavailable(
            f"Could not download the book's dataset from {url} ({reason}): connect to the internet,"
            f" or set {VARIABLE} to a copy of it (a folder, a .zip file or a URL)."
        ) from None
    finally:
        Path(tmp).unlink(missing_ok=True)


def _resolve(location: str) -> Path:
    if location.startswith(("http://", "https://")):
        return _downloaded(location)
    path = Path(location).expanduser()
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
    return _resolve(os.environ.get(VARIABLE) or DATASET_URL)


def collection_date(data_dir_: Path | None = None) -> pd.Timestamp:
    """The last day the record is complete to, as far as the stored sources show (one value,
    `collection_date` in datapackage.json)."""
    folder = Path(data_dir_) if data_dir_ is not None else data_dir()
    package = json.loads((folder / TABLE_FILE).read_text(encoding="utf-8"))
    return pd.Timestamp(package["collection_date"])
