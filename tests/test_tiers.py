"""The tiers hold: a test reaches the built site, the PDF or anything else under _build/ (or the npm
tools) only through a fixture that marks it, so `make test-fast` passes on a fresh clone.

Two guards: a reading of every test module (no test uses a build output unless it asks for a tiering
fixture), and a run of the fast selection in a copy of the repository that has no _build/ at all.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TIER_FIXTURES
from rerun_support import repository_copy

from safetybook import paths

TESTS = Path(__file__).parent
# Names that stand for a build output, and the support modules that define some of them.
BUILD_OUTPUTS = {"BUILD_DIR", "SITE", "PDF", "SHOTS", "AXE", "RECORD"}
# Fixtures that hand a test a copy of the repository: its `_build` is the copy's, made by the test.
COPIES = {"tree", "built_tree", "bare_copy"}
SUPPORT_MODULES = ("book_layout", "browser_support", "notebook_checks", "rerun_support")


@pytest.fixture
def bare_copy(tmp_path: Path) -> Path:
    """A copy of the repository's files as git sees them (tracked, and untracked but not ignored):
    no _build/, no node_modules, no environments, as on a fresh clone."""
    return repository_copy(tmp_path / "copy")


def _names(node: ast.AST) -> set[str]:
    """Every name and attribute a piece of syntax uses, and every string it holds that names a
    build folder."""
    found = set()
    for child in ast.walk(node):
        if isinstance(child, ast.Name):
            found.add(child.id)
        elif isinstance(child, ast.Attribute):
            found.add(child.attr)
        elif isinstance(child, ast.Constant) and isinstance(child.value, str):
            if "_build" in child.value or "node_modules" in child.value:
                found.add("BUILD_DIR")
    return found


def build_reaching(source: str, reaching: set[str] = frozenset()) -> set[str]:
    """The module-level names of a module (constants and functions) that reach a build output,
    directly or through one another; `reaching` names imported ones that already do."""
    tree = ast.parse(source)
    uses: dict[str, set[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            uses[node.name] = _names(node)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    uses[target.id] = _names(node.value) if node.value else set()
    found = set(BUILD_OUTPUTS) | set(reaching)
    while True:
        more = {name for name, used in uses.items() if used & found} - found
        if not more:
            return {name for name in found if name in uses or name in reaching}
        found |= more


def untiered_tests(source: str, reaching: set[str] = frozenset()) -> list[str]:
    """Tests that reach a build output although they ask for no tiering fixture (the fixtures a
    test asks for are its arguments; a module fixture that asks for a tiering one tiers it too)."""
    tree = ast.parse(source)
    module_reaching = build_reaching(source, reaching) | BUILD_OUTPUTS
    tiering = set(TIER_FIXTURES) | COPIES
    fixtures = {
        node.name: {a.arg for a in node.args.args}
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("test_")
    }
    for name, args in fixtures.items():
        if args & tiering:
            tiering.add(name)
    return [
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and node.name.startswith("test_")
        and _names(node) & module_reaching
        and not {a.arg for a in node.args.args} & tiering
    ]


def _support_reaching() -> set[str]:
    reaching: set[str] = set()
    for module in SUPPORT_MODULES:
        reaching |= build_reaching((TESTS / f"{module}.py").read_text(encoding="utf-8"))
    return reaching


def test_no_test_reaches_a_build_output_without_a_tiering_fixture():
    reaching = _support_reaching()
    assert {"SITE", "SHOTS"} <= reaching, reaching
    modules = [m for m in sorted(TESTS.glob("test_*.py")) if m.name != Path(__file__).name]
    assert len(modules) >= 20
    offences = {
        m.name: found
        for m in modules
        if (found := untiered_tests(m.read_text(encoding="utf-8"), reaching))
    }
    assert not offences, f"tests that read _build/ without a tiering fixture: {offences}"


def test_the_tier_check_sees_a_test_that_reads_the_pdf_directly():
    source = (
        "from safetybook_tooling.pdf import PDF\n"
        "def _text():\n    return PDF.read_bytes()\n"
        "def test_direct():\n    assert _text()\n"
        "def test_through_the_fixture(pdf_file):\n    assert _text()\n"
        "def test_a_build_string():\n    assert open('_build/html/index.html')\n"
        "def test_unrelated():\n    assert 1 + 1 == 2\n"
    )
    assert untiered_tests(source) == ["test_direct", "test_a_build_string"]


def test_the_fast_selection_passes_in_a_copy_with_no_build(bare_copy):
    """`make test-fast`'s selection, run in a copy of the repository with no _build/ (as on a fresh
    clone, or first in CI), passes: no test of it needs the build."""
    copy = bare_copy
    assert not (copy / "_build").exists() and (copy / "tests" / "conftest.py").exists()
    environment = {
        **os.environ,
        # the copy's own modules, before the editable install that points at this tree
        "PYTHONPATH": str(copy / "scripts"),
        "SAFETYBOOK_SEEDS": str(paths.seeds_dir()),
    }
    environment.pop("PYTEST_XDIST_WORKER", None)
    root = subprocess.run(
        [sys.executable, "-c", "from safetybook import paths; print(paths.ROOT)"],
        cwd=copy,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert Path(root) == copy, f"the copy's tests would read {root}, not the copy"
    result = subprocess.run(
        # Tests that read the git history run in a clone, which has it, not in this copy.
        [sys.executable, "-m", "pytest", "-p", "no:xdist", "-q", "-m", "fast and not history"]
        + ["tests"]
        # The one fast test that checks which tree the shared .venv's editable install points at:
        # this one, not the copy (a real fresh clone has its own .venv).
        + ["--deselect", "tests/test_rerun.py::test_the_package_imports_from_another_directory"],
        cwd=copy,
        env=environment,
        capture_output=True,
        text=True,
    )
    tail = "\n".join(result.stdout.splitlines()[-30:])
    assert result.returncode == 0, f"the fast selection fails with no _build/:\n{tail}"
    assert " passed" in tail and " failed" not in tail, tail
    assert not (copy / "_build" / "html").exists() and not (copy / "_build" / "pdf").exists()
