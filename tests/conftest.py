"""Shared fixtures and test tiers.

Tiers are derived from the fixtures a test asks for, never from a hand-kept list: a test that uses
`built_site` is marked `build`, one that uses `browser` is marked `browser`, one that uses
`pdf_text` is marked `pdf`, one that builds a re-runner's environment (`binder_lab`,
`binder_runs`, `runtime_env`: tests/test_rerun.py) is marked `rerun`, and nbval's notebook cells
are marked `notebooks`.
`make test-fast` runs the rest, which needs no build.
A test whose precondition is missing fails with the command that provides it; it never passes
vacuously or skips.
"""

from __future__ import annotations

import ast
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from book_layout import FIXTURES, SITE, toc_docs
from browser_support import ARGS, CHROMIUM
from notebook_checks import cell_problems, notebook_paths
from rerun_support import LabServer, binder_environment, repository_copy, runtime_environment
from xdist.scheduler import LoadScopeScheduling

from safetybook import paths, report
from safetybook_pipeline import build as build_data

TIER_FIXTURES = {
    "built_site": "build",
    "site_pages": "build",
    "server": "browser",
    "browser": "browser",
    "pdf_file": "pdf",
    "pdf_text": "pdf",
    "pdf_pages": "pdf",
    "binder_lab": "rerun",
    "binder_runs": "rerun",
    "runtime_env": "rerun",
    "bare_copy": "clone",
    "vnu": "tools",
}
# The tiers a test can be in besides the fast one; a test in none of them is marked `fast`, and
# `make test-fast` runs `-m fast`: the tests that need no build, no browser and no network.
TIERS = {*TIER_FIXTURES.values(), "notebooks"}


def pytest_configure(config: pytest.Config) -> None:
    # Notebooks executed by nbval (their kernels inherit this environment) write the data behind
    # their figures here, never into chapters/figure-data; emptied first so nothing stale is compared.
    figure_data = (
        paths.BUILD_DIR / "test-figure-data" / os.environ.get("PYTEST_XDIST_WORKER", "main")
    )
    shutil.rmtree(figure_data, ignore_errors=True)
    os.environ["SAFETYBOOK_FIGURE_DATA"] = str(figure_data)
    # The book's own run: glue without also displaying (see safetybook.report), as `make execute` does.
    os.environ[report.BUILD_VARIABLE] = "1"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if type(item).__name__ == "IPyNbCell":
            item.add_marker("notebooks")
        for fixture in getattr(item, "fixturenames", ()):
            if fixture in TIER_FIXTURES:
                item.add_marker(TIER_FIXTURES[fixture])
        if not any(item.get_closest_marker(tier) for tier in TIERS):
            item.add_marker("fast")


# -- sharing the work between pytest-xdist's workers (make test: pytest -n) ---------------------
# A notebook's cells run in order in one kernel, so a notebook goes to one worker whole; so does a
# test module that builds a re-runner's environment for its tests, so that it is built once. Every
# other test goes to whichever worker is free, so the long browser tests spread over both.
# (xdist's own `--dist loadgroup` cannot do this here: with pytest 9.2 its group marks are silently
# ignored, pytest-dev/pytest-xdist#1386.)

# The re-runners' environments, built once a session (the `rerun` tier's fixtures).
SHARED_SET_UP = {fixture for fixture, tier in TIER_FIXTURES.items() if tier == "rerun"}


def modules_sharing_a_set_up() -> set[str]:
    """The test modules (as node-id paths) with a test that asks for a SHARED_SET_UP fixture."""
    found = set()
    for module in sorted(Path(__file__).parent.glob("test_*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                if {a.arg for a in node.args.args} & SHARED_SET_UP:
                    found.add(module.relative_to(paths.ROOT).as_posix())
    assert found, f"no test asks for any of {sorted(SHARED_SET_UP)}"
    return found


def work_unit(nodeid: str, whole: set[str]) -> str:
    """The unit a test is scheduled in: its notebook, its module if in `whole`, else itself."""
    path = nodeid.split("::", 1)[0]
    return path if path.endswith(".ipynb") or path in whole else nodeid


class SharedSetUpScheduling(LoadScopeScheduling):
    """pytest-xdist's scope scheduling, with `work_unit` as the scope."""

    def __init__(self, config: pytest.Config, log=None):
        super().__init__(config, log)
        self.whole = modules_sharing_a_set_up()

    def _split_scope(self, nodeid: str) -> str:
        return work_unit(nodeid, self.whole)


@pytest.hookimpl(optionalhook=True)  # xdist's hook; absent under -p no:xdist (make test-serial)
def pytest_xdist_make_scheduler(config: pytest.Config, log) -> SharedSetUpScheduling:
    return SharedSetUpScheduling(config, log)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """After nbval runs a cell: explain changed figures (diff images) and check the data behind them."""
    outcome = yield
    if type(item).__name__ != "IPyNbCell" or item.test_outputs is None:
        return
    problems = cell_problems(
        Path(item.parent.path).name, item.cell_num, item.cell.get("outputs", []), item.test_outputs
    )
    if problems:
        earlier = f"{outcome.excinfo[1]}\n" if outcome.excinfo else ""
        outcome.force_exception(AssertionError(earlier + "\n".join(problems)))


@pytest.fixture(autouse=True)
def _close_figures():
    """Figures a test draws are closed after it (matplotlib keeps every open figure)."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


# -- preconditions: the built site and the PDF ----------------------------------------------------


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The built HTML site; fails (never skips) when it is missing."""
    if not (SITE / "index.html").exists():
        pytest.fail(f"no built site at {SITE}: run `make book` first", pytrace=False)
    return SITE


@pytest.fixture(scope="session")
def site_pages(built_site: Path) -> list[Path]:
    """Every HTML page of the built site (never empty)."""
    pages = sorted(p for p in built_site.rglob("*.html") if "_static" not in p.parts)
    missing = [doc for doc in toc_docs() if not (built_site / f"{doc}.html").exists()]
    assert not missing, f"pages missing from the built site (run `make book`): {missing}"
    return pages


@pytest.fixture(scope="session")
def pdf_file() -> Path:
    """The printed book; fails (never skips) when it is missing."""
    from safetybook_tooling.pdf import PDF

    if not PDF.exists():
        pytest.fail(f"no PDF at {PDF}: run `make pdf` first", pytrace=False)
    return PDF


@pytest.fixture(scope="session")
def pdf_pages(pdf_file: Path) -> list[str]:
    """The PDF's text page by page, as laid out (the last item, after the final form feed, is empty)."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf_file), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")


@pytest.fixture(scope="session")
def pdf_text(pdf_pages) -> str:
    """The PDF's text, whitespace normalised."""
    return normalise(re.sub(r"-\n\s*", "-", "\f".join(pdf_pages)))


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("#", "").replace("\u00ad", "")).strip()


@pytest.fixture
def bare_copy(tmp_path: Path) -> Path:
    """A copy of the repository's files as git sees them (tracked, and untracked but not ignored):
    no _build/, no node_modules, no environments, as on a fresh clone."""
    return repository_copy(tmp_path / "copy")


@pytest.fixture(scope="session")
def vnu() -> Path:
    """The Nu HTML Checker (npm's vnu-jar, installed by `make test`), with the Java it runs on."""
    jar = paths.ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if not jar.exists():
        pytest.fail(f"no HTML checker at {jar}: run `make test` (npm ci)", pytrace=False)
    if not shutil.which("java"):
        pytest.fail("no Java runtime for the HTML checker: run `make system-deps`", pytrace=False)
    return jar


# -- the browser tier ---------------------------------------------------------------------------


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(built_site: Path):
    """The built site served on a free loopback port."""
    handler = functools.partial(QuietHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, driven by Playwright."""
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make system-deps`", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


# -- the data pipeline --------------------------------------------------------------------------


@pytest.fixture
def valid_raw(tmp_path: Path) -> Path:
    """A writable copy of the small valid raw dataset."""
    target = tmp_path / "raw"
    shutil.copytree(FIXTURES / "valid", target)
    return target


@pytest.fixture
def run_build(tmp_path: Path, capsys):
    """Run `make data` on a raw folder into a temporary folder; returns the exit code and stderr."""

    def run(raw: Path, out: Path | None = None) -> tuple[int, str]:
        out = out or tmp_path / "out"
        code = build_data.main(
            [
                "--raw",
                str(raw),
                "--out",
                str(out),
                "--bib",
                str(out / "references.bib"),
                "--dictionary",
                str(out / "data_dictionary.md"),
                "--archive",
                str(out / "dataset.zip"),
            ]
        )
        return code, capsys.readouterr().err

    return run


# -- the re-runners' routes (tests/test_rerun.py) ---------------------------------------------------


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("SAFETYBOOK_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture(scope="module")
def archive_server():
    """The dataset archive served on a free loopback port, as the release would serve it."""
    handler = functools.partial(
        http.server.SimpleHTTPRequestHandler, directory=str(paths.DATASET_ARCHIVE.parent)
    )
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/{paths.DATASET_ARCHIVE.name}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def binder_lab(tmp_path_factory):
    """JupyterLab in a Binder-equivalent environment, over a copy of the repository."""
    venv, clone = binder_environment(tmp_path_factory.mktemp("binder-env"))
    server = LabServer(venv, clone, tmp_path_factory.mktemp("binder") / "home")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def binder_runs(binder_lab) -> dict[str, object]:
    """Every chapter run in Binder's JupyterLab (two at a time): outputs per cell, or the error."""
    return binder_lab.run_notebooks([f"chapters/{p.name}" for p in notebook_paths()])


@pytest.fixture(scope="session")
def runtime_env(tmp_path_factory) -> Path:
    return runtime_environment(tmp_path_factory.mktemp("runtime"))


# -- incremental execution and rebuilds (tests/test_incremental.py) ---------------------------------


@pytest.fixture
def tree(tmp_path, monkeypatch) -> Path:
    """A copy of everything notebook execution depends on, with the paths module pointed at it."""
    for rel in ("scripts", "chapters", "data"):
        shutil.copytree(
            paths.ROOT / rel,
            tmp_path / rel,
            ignore=shutil.ignore_patterns("__pycache__", "raw", "figure-data", "downloads"),
        )
    for rel in ("requirements.txt", "_config.yml"):
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
    ):
        shutil.copy2(paths.ROOT / rel, tmp_path / rel)
    for stamp in (".venv-tools/.installed", ".venv/.installed", "_build/html/.built"):
        (tmp_path / stamp).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / stamp).touch()
    return tmp_path


@pytest.fixture(scope="module")
def plan_commit() -> str:
    """The commit that first added analysis/PLAN.md (the history must be present: a full clone)."""
    root = Path(__file__).resolve().parents[1]
    assert (root / ".git").exists(), (
        "the plan's order is checked from git history: clone the repository"
    )

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
        assert done.returncode == 0, f"git {' '.join(args)} failed: {done.stderr.strip()}"
        return done.stdout

    assert git("rev-parse", "--is-shallow-repository").strip() == "false", (
        "a shallow clone lacks the history the plan's order is read from"
    )
    added = git("log", "--diff-filter=A", "--format=%H", "--", "analysis/PLAN.md").split()
    assert added, "analysis/PLAN.md is not in the history"
    return added[-1]
