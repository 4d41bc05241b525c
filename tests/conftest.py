"""Shared fixtures and test tiers.

Tiers are derived from the fixtures a test asks for, never from a hand-kept list: a test that uses
`built_site` is marked `build`, one that uses `browser` is marked `browser`, one that uses
`pdf_file`, `pdf_pages` or `pdf_text` is marked `pdf`, one that uses the HTML checker (`vnu`) is
marked `tools`, one that builds a re-runner's environment (`binder_lab`, `binder_runs`,
`runtime_env`: tests/test_rerun.py) is marked `rerun`, the tiers' own run and the release's in a copy
of the repository (`bare_copy`, `release_copy`) are marked `clone`, and nbval's notebook cells are marked `notebooks`.
Every other test is marked `fast`: `make test-fast` runs those, which need no build.
A test whose precondition is missing fails with the command that provides it; it never passes
vacuously or skips.
"""

from __future__ import annotations

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
from notebook_checks import cell_problems

from safetybook import glue, paths
from safetybook_tooling.chromium import ARGS, CHROMIUM

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
    "release_copy": "clone",
    "vnu": "tools",
}
# `make check` drives the site at one width in one colour scheme; the others are the `matrix`.
CHECKED_WIDTH, CHECKED_SCHEME = 1280, "light"
# The tiers a test can be in besides the fast one; a test in none of them is marked `fast`, and
# `make test-fast` runs `-m fast`: the tests that need no build, no browser and no network, and
# rerun none of the synthesis's size simulations (those are marked `simulation`).
TIERS = {*TIER_FIXTURES.values(), "notebooks", "simulation"}


def pytest_configure(config: pytest.Config) -> None:
    # Notebooks executed by nbval (their kernels inherit this environment) write the data behind
    # their figures here, never into chapters/figure-data; emptied first so nothing stale is compared.
    figure_data = (
        paths.BUILD_DIR / "test-figure-data" / os.environ.get("PYTEST_XDIST_WORKER", "main")
    )
    shutil.rmtree(figure_data, ignore_errors=True)
    os.environ["SAFETYBOOK_FIGURE_DATA"] = str(figure_data)
    # The book's own run: glue without also displaying (see safetybook.glue), as `make execute` does.
    os.environ[glue.BUILD_VARIABLE] = "1"


# `make test` shares the work between pytest-xdist's workers a module (or a notebook) at a time
# (--dist loadscope), so a notebook's cells share one kernel and a module's environments are built
# once. The longest modules are handed out first, so no worker is left with one at the end.
LONGEST_FIRST = (
    "tests/test_rerun.py",
    "tests/test_phone_and_desktop.py",
    "tests/test_browser_pages.py",
    "tests/test_tiers.py",
    "tests/test_explorer.py",
)


def _start_order(item: pytest.Item) -> int:
    path = item.nodeid.split("::", 1)[0]
    return LONGEST_FIRST.index(path) if path in LONGEST_FIRST else len(LONGEST_FIRST)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=_start_order)  # stable: the order within each module is kept
    for item in items:
        if type(item).__name__ == "IPyNbCell":
            item.add_marker("notebooks")
        for fixture in getattr(item, "fixturenames", ()):
            if fixture in TIER_FIXTURES:
                item.add_marker(TIER_FIXTURES[fixture])
        if not any(item.get_closest_marker(tier) for tier in TIERS):
            item.add_marker("fast")
        if "git_history" in getattr(item, "fixturenames", ()):
            item.add_marker("history")  # fast too: a clone has its history
        params = getattr(getattr(item, "callspec", None), "params", {})
        if params.get("width", CHECKED_WIDTH) != CHECKED_WIDTH:
            item.add_marker("matrix")
        if params.get("scheme", CHECKED_SCHEME) != CHECKED_SCHEME:
            item.add_marker("matrix")


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


@pytest.fixture(scope="session")
def git_history() -> Path:
    """The repository's root, whose git history a test reads (a clone has it; a copy of the files,
    as the tiers' own test makes, does not)."""
    assert (paths.ROOT / ".git").exists(), "this test reads the git history: clone the repository"
    return paths.ROOT
