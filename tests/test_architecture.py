"""The three parts of the code keep their import rules, and notebooks import only the library.

- the library (`safetybook`) never imports the data pipeline or the book tooling;
- the pipeline (`safetybook_pipeline`) never imports the tooling;
- the Sphinx extensions (`_ext/`) import the library at most, never the pipeline or the tooling;
- a chapter notebook imports the library only, so the library alone is hashed as its input.
"""

from __future__ import annotations

import ast
import re

import nbformat
import pytest

from safetybook import paths

PARTS = {
    "safetybook": {"safetybook_pipeline", "safetybook_tooling"},
    "safetybook_pipeline": {"safetybook_tooling"},
    "safetybook_tooling": set(),
}


def imported_packages(source: str) -> set[str]:
    """Top-level packages a piece of Python source imports."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("part", sorted(PARTS))
def test_each_part_imports_only_what_it_may(part):
    modules = sorted((paths.ROOT / "scripts" / part).rglob("*.py"))
    assert modules, f"no modules in scripts/{part}"
    offences = {
        m.name: imported_packages(m.read_text(encoding="utf-8")) & PARTS[part] for m in modules
    }
    assert not {k: v for k, v in offences.items() if v}


def test_the_sphinx_extensions_import_neither_the_pipeline_nor_the_tooling():
    modules = sorted((paths.ROOT / "_ext").glob("*.py"))
    assert len(modules) >= 5
    offences = {
        m.name: imported_packages(m.read_text(encoding="utf-8"))
        & {"safetybook_pipeline", "safetybook_tooling"}
        for m in modules
    }
    assert not {k: v for k, v in offences.items() if v}


def test_notebooks_import_the_library_only():
    notebooks = sorted(paths.CHAPTERS_DIR.glob("*.ipynb"))
    assert notebooks
    for notebook in notebooks:
        cells = nbformat.read(notebook, as_version=4).cells
        code = "\n".join(
            re.sub(r"^[%!].*$", "", c.source, flags=re.M) for c in cells if c.cell_type == "code"
        )
        assert not imported_packages(code) & {"safetybook_pipeline", "safetybook_tooling"}, (
            notebook.name
        )


def test_the_import_check_sees_an_offending_import():
    assert imported_packages("from safetybook_tooling import execute\nimport os") == {
        "safetybook_tooling",
        "os",
    }
