"""Chapter notebooks stay thin: short lines, set-up in one shared call, no tooling imports."""

from __future__ import annotations

import nbformat
import pytest
from notebook_checks import notebook_paths

MAX_LINE = 100


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.stem)
def test_no_code_line_is_longer_than_the_limit(path):
    cells = nbformat.read(path, as_version=4).cells
    long = [
        (i, len(line))
        for i, cell in enumerate(cells)
        if cell.cell_type == "code"
        for line in cell.source.splitlines()
        if len(line) > MAX_LINE
    ]
    assert not long, f"{path.name}: (cell, length) of lines over {MAX_LINE} characters: {long}"


def test_there_are_notebooks_to_check():
    assert len(notebook_paths()) >= 7


MEDIAN_CELL = 10


def _code_lines(cell) -> int:
    return len([line for line in cell.source.splitlines() if line.strip()])


def test_the_median_code_cell_is_short():
    """Across the chapters, the median code cell has at most ten non-blank lines (the re-run cells,
    which the book removes, are not counted)."""
    import statistics

    sizes = [
        _code_lines(cell)
        for path in notebook_paths()
        for cell in nbformat.read(path, as_version=4).cells
        if cell.cell_type == "code" and "remove-cell" not in cell.metadata.get("tags", [])
    ]
    assert len(sizes) >= 50, f"only {len(sizes)} code cells found"
    median = statistics.median(sizes)
    assert median <= MEDIAN_CELL, f"median code cell has {median} lines (at most {MEDIAN_CELL})"
