"""Chapter notebooks stay thin: short lines, short cells, figures drawn by the library."""

from __future__ import annotations

import matplotlib
import nbformat
import pytest
from notebook_checks import notebook_paths

from safetybook import paths

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


LONGEST_CELL = 30


def _code_lines(cell) -> int:
    return len([line for line in cell.source.splitlines() if line.strip()])


def _code_cells(path):
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.stem)
def test_no_code_cell_is_longer_than_the_limit(path):
    """A chapter's cell loads, calls the library, shows and glues: at most 30 non-blank lines."""
    long = {
        i: n for i, cell in enumerate(_code_cells(path)) if (n := _code_lines(cell)) > LONGEST_CELL
    }
    assert not long, f"{path.name}: code cells over {LONGEST_CELL} lines (cell: lines): {long}"


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.stem)
def test_chapters_draw_no_figure_by_hand(path):
    """Figures come from builders in the library (safetybook.figures or a chapter's module), which
    return the figure and the data that glue.publish writes beside it."""
    drawn = [i for i, cell in enumerate(_code_cells(path)) if "subplots(" in cell.source]
    assert not drawn, f"{path.name}: code cells that draw a figure by hand: {drawn}"


def test_the_template_sets_up_as_the_chapters_do_and_runs():
    """A new chapter starts from chapters/_template.ipynb: one `chapter.setup()` call, then glue."""
    template = paths.CHAPTERS_DIR / "_template.ipynb"
    cells = [
        c
        for c in nbformat.read(template, as_version=4).cells
        if c.cell_type == "code" and "remove-cell" not in c.metadata.get("tags", [])
    ]
    assert "chapter.setup()" in cells[0].source
    namespace: dict = {}
    with matplotlib.rc_context():  # the set-up applies the book's style; other tests keep theirs
        for cell in cells:
            exec(compile(cell.source, str(template), "exec"), namespace)  # the book's run: glue
    assert len(namespace["units"]) > 0
