"""Incremental execution: exactly the notebooks whose inputs changed are stale, never none."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest

from safetybook import paths
from safetybook_tooling import execute


@pytest.fixture
def tree(tmp_path, monkeypatch) -> Path:
    """A copy of everything notebook execution depends on, with the paths module pointed at it."""
    for rel in ("scripts", "chapters", "data"):
        shutil.copytree(
            paths.ROOT / rel,
            tmp_path / rel,
            ignore=shutil.ignore_patterns("__pycache__", "raw", "figure-data", "downloads"),
        )
    for rel in ("requirements.txt", "requirements-runtime.txt", "_config.yml"):
        shutil.copy(paths.ROOT / rel, tmp_path / rel)
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    monkeypatch.setattr(paths, "CHAPTERS_DIR", tmp_path / "chapters")
    monkeypatch.setattr(paths, "DATA_DIR", tmp_path / "data")
    monkeypatch.setattr(paths, "DATAPACKAGE", tmp_path / "data" / "datapackage.json")
    return tmp_path


@pytest.fixture
def built_tree(tmp_path) -> Path:
    """A copy of the Makefile and the book's inputs, with a site stamp newer than all of them."""
    for rel in ("chapters", "_static", "_ext", "_templates"):
        shutil.copytree(
            paths.ROOT / rel, tmp_path / rel, ignore=shutil.ignore_patterns("__pycache__")
        )
    for rel in (
        "Makefile",
        "_config.yml",
        "_toc.yml",
        "references.bib",
        "CITATION.cff",
        "requirements.txt",
        "requirements-tools.txt",
        "pyproject.toml",
        "setup.py",
        "data/datapackage.json",
    ):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(paths.ROOT / rel, tmp_path / rel)
    for stamp in (".venv-tools/.installed", ".venv/.installed", "_build/html/.built"):
        (tmp_path / stamp).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / stamp).touch()
    return tmp_path


def stale() -> set[str]:
    return {p.name for p in paths.chapter_notebooks() if execute.is_stale(p)}


def edit_first_cell(path: Path, kind: str) -> None:
    notebook = nbformat.read(path, as_version=4)
    cell = next(c for c in notebook.cells if c.cell_type == kind)
    cell.source += "\n# edited" if kind == "code" else "\nEdited."
    nbformat.write(notebook, path)


def test_an_unchanged_tree_has_nothing_to_execute(tree):
    assert stale() == set()


def test_changing_one_notebook_code_re_executes_only_it(tree):
    edit_first_cell(tree / "chapters" / "02_health.ipynb", "code")
    assert stale() == {"02_health.ipynb"}


def test_changing_prose_only_re_executes_nothing(tree):
    edit_first_cell(tree / "chapters" / "03_anti_bullying.ipynb", "markdown")
    assert stale() == set()


@pytest.mark.parametrize(
    "changed",
    [
        "data/events.csv",
        "data/datapackage.json",
        "requirements-runtime.txt",
        "scripts/safetybook/style.py",
    ],
)
def test_changing_a_shared_input_re_executes_every_notebook(tree, changed):
    if changed.endswith(".json"):
        # The data package is read as JSON: a change of its content, not of its layout.
        package = json.loads((tree / changed).read_text(encoding="utf-8"))
        package["collection_date"] = "1999-12-31"
        (tree / changed).write_text(json.dumps(package), encoding="utf-8")
    else:
        with open(tree / changed, "a", encoding="utf-8") as handle:
            handle.write("\n")
    assert stale() == {p.name for p in paths.chapter_notebooks()}


def replace_in(path: Path, pattern: str, new: str) -> None:
    """Replace the one line that matches `pattern` (a regular expression) with `new`."""
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(pattern, new, text, count=1, flags=re.M)
    assert count == 1 and changed != text, f"{path.name}: no line matches {pattern!r}"
    path.write_text(changed, encoding="utf-8")


@pytest.mark.parametrize(
    "file, pattern, new",
    [
        ("requirements.txt", r"^ruff==.*$", "ruff==0.0.1"),  # a linter bump
        ("requirements.txt", r"^sphinx==.*$", "sphinx==7.0.0"),  # a build tool bump
        ("_config.yml", r"^title: .*$", 'title: "Another title"'),  # the book's title
        ("_config.yml", r"^  home_page_in_navbar: true$", "  home_page_in_navbar: false"),
    ],
)
def test_a_build_or_test_tool_or_a_site_setting_re_executes_nothing(tree, file, pattern, new):
    replace_in(tree / file, pattern, new)
    assert stale() == set()


@pytest.mark.parametrize(
    "file, pattern, new",
    [
        ("_config.yml", r"^  timeout: .*$", "  timeout: 121"),  # an execution setting
        ("requirements.txt", r"^myst-nb==.*$", "myst-nb==0.0.1"),  # the glue records' writer
        ("requirements-runtime.txt", r"^pandas==.*$", "pandas==0.0.1"),  # a runtime package
    ],
)
def test_an_execution_setting_or_a_runtime_package_re_executes_every_notebook(
    tree, file, pattern, new
):
    replace_in(tree / file, pattern, new)
    assert stale() == {p.name for p in paths.chapter_notebooks()}


def test_the_book_is_never_built_from_stale_notebooks():
    plan = subprocess.run(
        ["make", "-n", "-B", "html"], cwd=paths.ROOT, capture_output=True, text=True, check=True
    ).stdout
    lines = plan.splitlines()
    run = next(i for i, line in enumerate(lines) if "safetybook_tooling.execute" in line)
    build = next(i for i, line in enumerate(lines) if "jupyter-book build" in line)
    data = next(i for i, line in enumerate(lines) if "safetybook_pipeline.build" in line)
    assert data < run < build


@pytest.mark.parametrize(
    "changed", ["scripts/safetybook_tooling/pdf.py", "scripts/safetybook_pipeline/validate.py"]
)
def test_changing_the_pipeline_or_the_tooling_re_executes_nothing(tree, changed):
    with open(tree / changed, "a", encoding="utf-8") as handle:
        handle.write("\n")
    assert stale() == set()


@pytest.mark.parametrize(
    "changed, rebuilds_all",
    [
        ("references.bib", True),
        ("_config.yml", True),
        ("CITATION.cff", True),
        ("chapters/02_health.ipynb", False),
        ("_static/book.css", False),
    ],
)
def test_site_wide_inputs_rebuild_every_page(built_tree, changed, rebuilds_all):
    """Sphinx re-renders only changed pages; a changed bibliography must reach the citations on every page."""
    plan = subprocess.run(
        ["make", "-n", "-W", changed, "_build/html/.built"],
        cwd=built_tree,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    build = next(line for line in plan.splitlines() if "jupyter-book build" in line)
    assert build.rstrip().endswith("--all") == rebuilds_all, build


def test_a_notebook_with_an_unexecuted_cell_is_stale_even_with_a_matching_hash(tree):
    path = tree / "chapters" / "02_health.ipynb"
    notebook = nbformat.read(path, as_version=4)
    next(c for c in notebook.cells if c.cell_type == "code").execution_count = None
    nbformat.write(notebook, path)
    assert stale() == {"02_health.ipynb"}
