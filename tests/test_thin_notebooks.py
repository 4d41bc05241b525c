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


# -- findings before code -------------------------------------------------------------------------

FINDINGS = "{admonition} Key findings"
# Chapters without a key-findings box, and why: the introduction's code cells show no input, and
# the codebook is a reference whose first part is the included codebook itself.
NO_FINDINGS = {"00_intro", "08_codebook"}


def _toggle(cell) -> bool:
    """A code cell whose input the page shows, or hides behind a "Show code cell source" bar."""
    tags = cell.metadata.get("tags", [])
    return cell.cell_type == "code" and not {"remove-cell", "remove-input"} & set(tags)


def toggles_before_findings(cells) -> list[int]:
    """The code bars a reader meets before a chapter's key findings (or, in a chapter without
    them, before its first section heading)."""
    marks = [
        i
        for i, cell in enumerate(cells)
        if cell.cell_type == "markdown"
        and (
            FINDINGS in cell.source
            or any(line.startswith("## ") for line in cell.source.splitlines())
        )
    ]
    assert marks, "no key findings and no section heading: nothing to come first"
    return [i for i, cell in enumerate(cells[: marks[0]]) if _toggle(cell)]


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.stem)
def test_no_code_bar_stands_before_a_chapters_key_findings(path):
    cells = nbformat.read(path, as_version=4).cells
    has_findings = any(c.cell_type == "markdown" and FINDINGS in c.source for c in cells)
    assert has_findings != (path.stem in NO_FINDINGS), f"{path.name}: key findings expected"
    before = toggles_before_findings(cells)
    assert not before, f"{path.name}: code bars before the key findings, cells {before}"


def test_the_findings_check_counts_code_bars_above_the_findings():
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    hidden = code("x = 1", metadata={"tags": ["hide-input"]})
    removed = code("import x", metadata={"tags": ["remove-cell"]})
    cells = [removed, md("# Title"), hidden, hidden, md(f":::{FINDINGS}\n- a\n:::"), hidden]
    assert toggles_before_findings(cells) == [2, 3]
    assert toggles_before_findings([md("# Title"), md("## First"), hidden]) == []
