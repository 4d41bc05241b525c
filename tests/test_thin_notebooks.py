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
