"""Shared fixtures: copies of the small valid raw dataset, and a runner for `make data`."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from safetybook import build_data, paths

# Notebooks executed by the tests (and by nbval's kernels, which inherit this environment) write the
# data behind their figures here, never into chapters/figure-data.
os.environ.setdefault("SAFETYBOOK_FIGURE_DATA",
                      str(paths.BUILD_DIR / "test-figure-data" / os.environ.get("PYTEST_XDIST_WORKER", "main")))

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def valid_raw(tmp_path: Path) -> Path:
    """A writable copy of the small valid raw dataset."""
    target = tmp_path / "raw"
    shutil.copytree(FIXTURES / "valid", target)
    return target


def run_build(raw: Path, out: Path, capsys) -> tuple[int, str]:
    """Run `make data` on a raw folder into out; returns the exit code and what it printed to stderr."""
    code = build_data.main(["--raw", str(raw), "--out", str(out), "--bib", str(out / "references.bib"),
                            "--dictionary", str(out / "data_dictionary.md"),
                            "--archive", str(out / "dataset.zip")])
    return code, capsys.readouterr().err
