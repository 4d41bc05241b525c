"""Every route a re-runner takes works: the package from any folder, the locks, `make lab` and
Binder's environment (JupyterLab running every chapter, outputs visible), a notebook copied out of
the repository reading the published dataset archive, and the book still showing each figure once.

The environment-building tests ask for `binder_lab` or `runtime_env` and are marked `rerun`
(conftest.py): they run in `make test`, not in `make test-fast`.
"""

from __future__ import annotations

import ast
import base64
import functools
import http.server
import re
import shutil
import subprocess
import sys
import threading
import tomllib
import zipfile
from pathlib import Path

import nbformat
import pytest
from book_layout import notebook_docs
from notebook_checks import notebook_paths
from rerun_support import (
    BOOK_VARIABLES,
    LabServer,
    binder_environment,
    execute_copy,
    reader_env,
    runtime_environment,
)

from safetybook import dataset, paths, release

RECORD = "application/papermill.record/"
NOTEBOOKS = [p.name for p in notebook_paths()]
TEST_TOOLS = {"pytest", "nbval", "hypothesis", "playwright", "frictionless", "cffconvert", "ruff"}
# The book build: Jupyter Book, Sphinx and what they bring (MyST-NB, which glues in the book's own
# runs, docutils, jupyter-cache and its SQLAlchemy); none of it belongs in a reader's environment.
BUILD_TOOLS = {
    "jupyter-book",
    "sphinx",
    "sphinx-book-theme",
    "sphinxcontrib-bibtex",
    "myst-nb",
    "myst-parser",
    "docutils",
    "jupyter-cache",
    "sqlalchemy",
}


# -- the re-runners' environments and the published archive, for this module's tests --------


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("SAFETYBOOK_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture(scope="module")
def archive_server():
    """The dataset archive served on a free loopback port, as the release would serve it."""
    handler = functools.partial(
        http.server.SimpleHTTPRequestHandler, directory=str(release.dataset_archive().parent)
    )
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/{release.dataset_archive().name}"
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


def lock(name: str) -> dict[str, str]:
    """A lock file as {package: version}; every line must be an exact pin."""
    pins = {}
    for line in (paths.ROOT / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            match = re.fullmatch(r"([A-Za-z0-9._-]+)==([A-Za-z0-9.+!-]+)", line)
            assert match, f"{name}: not an exact pin: {line!r}"
            pins[match[1].lower().replace("_", "-").replace(".", "-")] = match[2]
    return pins


def glued(cell) -> dict[str, str]:
    """What a committed code cell glues: {name: 'figure' | 'text' | 'table'}."""
    found = {}
    for output in cell.get("outputs", []):
        name = output.get("metadata", {}).get("scrapbook", {}).get("name")
        data = output.get("data", {})
        if name:
            if RECORD + "image/png" in data:
                found[name] = "figure"
            elif RECORD + "text/html" in data:
                found[name] = "table"
            else:
                found[name] = "text"
    return found


# -- the package and the locks (no build) -------------------------------------------------------


def test_the_package_imports_from_another_directory(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", "import safetybook, safetybook.load; print(safetybook.__file__)"],
        cwd=tmp_path,
        env=reader_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(result.stdout.strip()).is_relative_to(paths.ROOT / "scripts" / "safetybook")


@pytest.mark.parametrize(
    "name, at_least",
    [("requirements.txt", 100), ("requirements-runtime.txt", 30), ("requirements-lab.txt", 80)],
)
def test_each_lock_pins_every_package_exactly(name, at_least):
    assert len(lock(name)) >= at_least


def test_the_runtime_lock_carries_no_build_or_test_tool():
    runtime = lock("requirements-runtime.txt")
    assert not (TEST_TOOLS | BUILD_TOOLS) & set(runtime)
    assert {"pandas", "matplotlib", "scipy", "statsmodels", "ipykernel"} <= set(runtime)
    assert (TEST_TOOLS | BUILD_TOOLS) <= set(lock("requirements.txt"))


def test_the_runtime_lock_is_part_of_the_lab_lock_and_agrees_with_the_full_lock():
    runtime, lab, full = (
        lock(f) for f in ("requirements-runtime.txt", "requirements-lab.txt", "requirements.txt")
    )
    assert {k: lab.get(k) for k in runtime} == runtime
    differ = {k for k in set(runtime) & set(full) if runtime[k] != full[k]}
    assert differ == set(), differ
    # JupyterLab needs jsonschema 4; the full lock's test tools hold it at 3.
    assert {k for k in set(lab) & set(full) if lab[k] != full[k]} == {"jsonschema"}
    assert {"jupyterlab", "jupyterlab-myst"} <= set(lab)


def test_the_package_declares_the_runtime_set():
    declared = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = {re.split(r"[<>=; ]", d)[0] for d in declared["project"]["dependencies"]}
    runtime_in = {
        line.split("#")[0].strip()
        for line in (paths.ROOT / "requirements-runtime.in").read_text().splitlines()
    } - {""}
    assert runtime_in - {"ipykernel"} == names
    # the book build's extra, which glues: never a runtime dependency
    assert declared["project"]["optional-dependencies"]["book"] == ["myst-nb"]
    assert "myst-nb" not in names


def test_binder_pins_python_installs_the_runtime_lock_and_the_package():
    binder = paths.ROOT / "binder"
    assert (binder / "runtime.txt").read_text().strip() == "python-3.11"
    pins = lock("binder/requirements.txt")
    assert pins == {
        **lock("requirements-runtime.txt"),
        "jupyterlab-myst": lock("requirements-lab.txt")["jupyterlab-myst"],
    }
    post_build = binder / "postBuild"
    assert post_build.stat().st_mode & 0o111, "binder/postBuild must be executable"
    assert "pip install --no-deps --editable ." in post_build.read_text()


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_each_chapter_opens_with_a_rerun_note_and_an_install_cell_the_book_hides(name):
    cells = nbformat.read(paths.CHAPTERS_DIR / name, as_version=4).cells
    note, install = cells[0], cells[1]
    assert note.cell_type == "markdown" and "make lab" in note.source
    assert "SAFETYBOOK_DATA" in note.source
    assert install.cell_type == "code" and 'find_spec("safetybook")' in install.source
    for cell in (note, install):
        assert "remove-cell" in cell.metadata.get("tags", [])
    assert release.edition().repository in install.source, (
        "the install cell names another repository"
    )
    assert not re.search(r"@v?\d+\.\d+", install.source), (
        "the install cell spells a version: it must install the newest release, else the default"
        " branch, so that it never waits for a release"
    )


def _run_install_cell(source: str, repository: Path, failing: set[str], monkeypatch) -> list[str]:
    """Run an install cell as Colab would, against a local repository; pip is recorded, not run,
    and fails for the refs in `failing`. Returns the requirements pip was asked for."""
    import importlib.util

    asked = []
    real_run = subprocess.run

    def run(command, *args, **kwargs):
        if command[1:4] == ["-m", "pip", "install"]:
            asked.append(command[-1])
            ref = command[-1].rsplit("@", 1)[-1] if command[-1].count("@") > 1 else ""
            return subprocess.CompletedProcess(command, 1 if ref in failing else 0)
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(subprocess, "run", run)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    local = re.sub(r'^REPO = ".*"$', f'REPO = "{repository.as_uri()}"', source, flags=re.M)
    assert local != source, "the install cell has no REPO line"
    exec(compile(local, "install-cell", "exec"), {"__name__": "__main__"})
    return asked


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_the_install_cell_takes_the_newest_release_else_the_default_branch(
    name, tmp_path, monkeypatch
):
    install = nbformat.read(paths.CHAPTERS_DIR / name, as_version=4).cells[1].source
    repository = tmp_path / "repository"
    repository.mkdir()
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-C", str(repository)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "start"], check=True)
    url = f"git+{repository.as_uri()}"
    # no release yet: the default branch
    assert _run_install_cell(install, repository, set(), monkeypatch) == [f"safetybook @ {url}"]
    for tag in ("v0.9.0", "v0.10.0", "v0.2.0"):
        subprocess.run([*git, "tag", tag], check=True)
    # the newest release (by number, not by text), and the default branch when it cannot be had
    assert _run_install_cell(install, repository, set(), monkeypatch)[-1:] == [
        f"safetybook @ {url}@v0.10.0"
    ]
    assert _run_install_cell(install, repository, {"v0.10.0"}, monkeypatch)[-2:] == [
        f"safetybook @ {url}@v0.10.0",
        f"safetybook @ {url}",
    ]


# -- where the data come from ---------------------------------------------------------------------


def test_in_a_clone_the_data_come_from_the_repository():
    assert dataset.data_dir() == paths.DATA_DIR


def test_the_dataset_is_read_from_a_folder_a_zip_or_a_url(tmp_path, cache, archive_server):
    with zipfile.ZipFile(release.dataset_archive()) as zf:
        zf.extractall(tmp_path / "folder")
    for location in (tmp_path / "folder", release.dataset_archive(), archive_server):
        folder = dataset._resolve(str(location))
        assert (folder / "events.csv").read_bytes() == (paths.DATA_DIR / "events.csv").read_bytes()
        assert (folder / "datapackage.json").exists()
    assert len(list(cache.iterdir())) == 2, "a zip and a download are each unpacked once"


def test_offline_the_loader_says_what_to_do_in_one_sentence(cache):
    with pytest.raises(dataset.DatasetUnavailable) as raised:
        dataset._resolve("http://127.0.0.1:9/tiktok-safety-dataset.zip")
    message = str(raised.value)
    assert message.startswith("Could not download the book's dataset from http://127.0.0.1:9/")
    assert "SAFETYBOOK_DATA" in message and message.count(". ") == 0 and message.endswith(".")


def test_a_release_not_yet_published_falls_back_to_the_next_copy(cache, archive_server):
    """The release's asset missing (HTTP 404), the loader takes the next address that has it."""
    base = archive_server.rsplit("/", 1)[0]
    folder = dataset._downloaded(
        f"{base}/no-such-release.zip", f"{base}/also-missing.zip", archive_server
    )
    assert (folder / "events.csv").read_bytes() == (paths.DATA_DIR / "events.csv").read_bytes()


def test_a_dataset_published_nowhere_is_one_sentence_naming_the_book_s_data_page(
    cache, archive_server
):
    base = archive_server.rsplit("/", 1)[0]
    with pytest.raises(dataset.DatasetUnavailable) as raised:
        dataset._downloaded(f"{base}/missing-1.zip", f"{base}/missing-2.zip")
    message = str(raised.value)
    assert "HTTP 404" in message and "connect to the internet" not in message
    assert release.edition().page(dataset.DATA_PAGE) in message
    assert message.count(". ") == 0 and message.endswith(".")


def test_a_missing_path_is_said_to_be_missing(tmp_path):
    with pytest.raises(dataset.DatasetUnavailable, match="does not exist"):
        dataset._resolve(str(tmp_path / "nonexistent.zip"))


def test_a_reader_sees_the_message_without_a_traceback():
    """In IPython (Jupyter, Colab) the loader's error is its one sentence, not a call stack."""
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    shell = InteractiveShell.instance()
    with capture_output() as captured:
        shell.run_cell(
            "from safetybook import dataset\n"
            "def load():\n    raise dataset.DatasetUnavailable('Set SAFETYBOOK_DATA to a copy.')\n"
            "load()"
        )
    shown = [line for line in (captured.stdout + captured.stderr).splitlines() if line.strip()]
    assert shown == ["DatasetUnavailable: Set SAFETYBOOK_DATA to a copy."], shown


# -- the built book shows each figure once ------------------------------------------------------

GLUE_DIRECTIVE = re.compile(r"(?:```|:::)\{glue(?::figure)?\}\s+(\S+)")
IMAGE = re.compile(r'<img [^>]*src="\.\./_images/([^"]+)"')


@pytest.mark.parametrize("doc", notebook_docs())
def test_each_figure_appears_once_on_its_page(doc, built_site):
    figures = set()
    for path in notebook_paths():
        for cell in nbformat.read(path, as_version=4).cells:
            figures |= {n for n, kind in glued(cell).items() if kind == "figure"}
    cells = nbformat.read(paths.ROOT / f"{doc}.ipynb", as_version=4).cells
    placed = [
        name.split("::")[-1]
        for cell in cells
        if cell.cell_type == "markdown"
        for name in GLUE_DIRECTIVE.findall(cell.source)
    ]
    placed = [name for name in placed if name in figures]
    page = (built_site / f"{doc}.html").read_text(encoding="utf-8")
    images = IMAGE.findall(page)
    assert len(images) == len(set(images)), f"{doc}: an image is shown twice"
    assert len(images) == len(placed), f"{doc}: {len(images)} images for {len(placed)} figures"
    assert "Re-running this notebook" not in page


# -- the environments: Binder's JupyterLab and a plain runtime set-up ----------------------------


def test_binders_jupyterlab_serves_the_myst_renderer_and_a_kernel(binder_lab):
    listed = subprocess.run(
        [binder_lab.venv / "bin" / "jupyter", "labextension", "list"],
        capture_output=True,
        text=True,
        env=reader_env(),
    )
    text = listed.stdout + listed.stderr
    assert "not compatible" not in text, text
    assert re.search(r"jupyterlab-myst v[\d.]+ \S*enabled\S* \S*OK", text), text
    assert b"jupyterlab-myst" in binder_lab.get("/lab")
    assert b'"python3"' in binder_lab.get("/api/kernelspecs")


def visible(outputs: list[dict]) -> dict[str, int]:
    """How many outputs of each visible kind a run shows (glue records are not visible)."""
    counts = {"image/png": 0, "text/markdown": 0, "text/html": 0}
    for output in outputs:
        for key in counts:
            counts[key] += key in output.get("data", {})
    return counts


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_chapter_runs_in_binders_jupyterlab_and_shows_its_outputs(binder_runs, name):
    """Run All in a kernel the server starts: no error, and every cell that glues a figure, a
    table or a number for the book also shows it to the reader."""
    runs = binder_runs[f"chapters/{name}"]
    if isinstance(runs, Exception):
        raise runs
    committed = [
        c for c in nbformat.read(paths.CHAPTERS_DIR / name, 4).cells if c.cell_type == "code"
    ]
    assert len(runs) == len(committed)
    for index, (cell, outputs) in enumerate(zip(committed, runs, strict=True)):
        errors = [o for o in outputs if o["output_type"] == "error"]
        assert not errors, f"{name} cell {index}: {errors[0]['ename']}: {errors[0]['evalue']}"
        kinds = list(glued(cell).values())
        shown = visible(outputs)
        assert shown["image/png"] >= kinds.count("figure"), f"{name} cell {index}: figure not shown"
        assert shown["text/html"] >= kinds.count("table"), f"{name} cell {index}: table not shown"
        assert shown["text/markdown"] >= kinds.count("text"), (
            f"{name} cell {index}: number not shown"
        )


def test_a_notebook_copied_out_of_the_repository_runs_on_the_published_archive(
    runtime_env, archive_server, tmp_path
):
    """The package installed (not editable) from the runtime lock knows no repository: it reads
    the archive at SAFETYBOOK_DATA (served here as the release serves it), once."""
    elsewhere = tmp_path / "downloads"
    elsewhere.mkdir()
    copy = shutil.copy2(paths.CHAPTERS_DIR / "02_health.ipynb", elsewhere / "02_health.ipynb")
    env = reader_env(
        SAFETYBOOK_DATA=archive_server,
        SAFETYBOOK_CACHE=str(tmp_path / "cache"),
        JUPYTER_DATA_DIR=str(tmp_path / "jupyter"),
        MPLCONFIGDIR=str(tmp_path / "mpl"),
    )
    assert not set(BOOK_VARIABLES) & {k for k in env if k != "SAFETYBOOK_DATA"}
    ran = execute_copy(runtime_env, Path(copy), env)
    committed = nbformat.read(paths.CHAPTERS_DIR / "02_health.ipynb", as_version=4)
    shown = [
        base64.b64decode(o["data"]["image/png"])
        for c in ran.cells
        if c.cell_type == "code"
        for o in c.outputs
        if "image/png" in o.get("data", {})
    ]
    expected = [
        o["data"][RECORD + "image/png"]
        for c in committed.cells
        if c.cell_type == "code"
        for o in c.outputs
        if RECORD + "image/png" in o.get("data", {})
    ]
    assert len(shown) == len(expected) >= 3
    # The same numbers as the book, computed from the archive instead of data/: a reader's run
    # glues nothing (no MyST-NB there) and shows each number as "`name`: value".
    shown_numbers = [
        "".join(o["data"]["text/markdown"])
        for c in ran.cells
        if c.cell_type == "code"
        for o in c.outputs
        if "text/markdown" in o.get("data", {})
    ]
    ours = dict(
        re.fullmatch(r"`([^`]+)`: (.*)", text, flags=re.S).groups() for text in shown_numbers
    )
    assert not any(
        "scrapbook" in o.get("metadata", {}) for c in ran.cells for o in c.get("outputs", [])
    )
    theirs = {
        o["metadata"]["scrapbook"]["name"]: ast.literal_eval(o["data"][RECORD + "text/plain"])
        for c in committed.cells
        if c.cell_type == "code"
        for o in c.outputs
        if "scrapbook" in o.get("metadata", {}) and RECORD + "text/markdown" in o["data"]
    }
    assert len(theirs) >= 10
    assert {k: ours.get(k) for k in theirs} == theirs
    assert list((elsewhere / "figure-data").glob("health-fig-*.csv")), "no figure data beside it"
    assert len(list((tmp_path / "cache").iterdir())) == 1, "the archive is downloaded once"


@pytest.mark.parametrize("doc", notebook_docs())
def test_each_chapter_page_offers_a_colab_launch_button(doc, built_site):
    page = (built_site / f"{doc}.html").read_text(encoding="utf-8")
    repo = release.edition().repository.split("github.com/")[1]
    assert f"https://colab.research.google.com/github/{repo}/blob/main/{doc}.ipynb" in page
