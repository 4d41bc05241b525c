"""Paths anchored at the repository root, never at the working directory."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
DATAPACKAGE = DATA_DIR / "datapackage.json"
CHAPTERS_DIR = ROOT / "chapters"
BIBLIOGRAPHY = ROOT / "references.bib"
DATA_DICTIONARY = CHAPTERS_DIR / "data_dictionary.md"
CITATION_FILE = ROOT / "CITATION.cff"
BUILD_DIR = ROOT / "_build"


def chapter_notebooks() -> list[Path]:
    """The chapters, in order: every `NN_slug.ipynb` in chapters/ (the template is not one)."""
    return sorted(CHAPTERS_DIR.glob("[0-9][0-9]_*.ipynb"))


def seeds_dir() -> Path:
    """Folder of the five commissioning articles (override with SAFETYBOOK_SEEDS)."""
    configured = os.environ.get("SAFETYBOOK_SEEDS")
    return Path(configured) if configured else ROOT.parent / "shared" / "seeds"


def figure_data_dir() -> Path:
    """Where notebooks write the data behind each figure: chapters/figure-data in a clone, else
    figure-data/ beside the notebook (override with SAFETYBOOK_FIGURE_DATA, as tests do)."""
    configured = os.environ.get("SAFETYBOOK_FIGURE_DATA")
    if configured:
        return Path(configured)
    return CHAPTERS_DIR / "figure-data" if CHAPTERS_DIR.is_dir() else Path.cwd() / "figure-data"
