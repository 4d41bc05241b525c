"""Building the re-runners' environments and running notebooks in them, for tests/test_rerun.py.

The Binder-equivalent environment is built the way repo2docker's Python buildpack builds one:
JupyterLab first, then binder/requirements.txt installed, with its dependencies resolved, into the
same environment, then `binder/postBuild` (which uses pip), then `pip check`. The first two steps
use uv's `pip install` instead of pip, resolving the same requirements against what is installed:
it takes seconds from uv's cache, where pip, whose downloads are not cached here, takes minutes.
Notebooks run there in kernels that the JupyterLab server itself starts, driven over its REST and
websocket API as the browser drives them, two at a time.

Both environments are built afresh in a temporary folder for each session, as on CI (a fresh clone
builds them every time; uv's cache keeps that to about a minute on 2 cores).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

from safetybook import glue, paths

PYTHON = os.environ.get("PYTHON", "python3.11")
UV = paths.ROOT / ".venv-tools" / "bin" / "uv"
# What the book's own runs set; a reader's kernel has none of it.
BOOK_VARIABLES = (glue.BUILD_VARIABLE, "SAFETYBOOK_FIGURE_DATA", "SAFETYBOOK_DATA", "PYTHONPATH")


def reader_env(**extra: str) -> dict[str, str]:
    """The environment of a reader's process: no book-run variables, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if k not in BOOK_VARIABLES}
    env.update(extra)
    return env


def run(command: list, cwd: Path | None = None, env: dict | None = None) -> str:
    """Run a set-up command; on failure, fail with its output (never a silent skip)."""
    result = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise AssertionError(
            f"`{' '.join(map(str, command))}` failed ({result.returncode}):\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    return result.stdout


def repository_copy(target: Path) -> Path:
    """The repository's files (tracked and new, not ignored) copied to `target`, as Binder gets them."""
    listed = run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=paths.ROOT
    )
    for rel in filter(None, listed.split("\0")):
        source = paths.ROOT / rel
        if source.is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / rel)
    return target


def binder_environment(folder: Path) -> tuple[Path, Path]:
    """A Binder-equivalent environment over a copy of the repository, in `folder`; returns
    (venv, clone)."""
    if not UV.exists():
        raise AssertionError(f"no uv at {UV}: run `make venv`")
    venv, clone = folder / "env", folder / "clone"
    _build_binder_environment(folder)
    repository_copy(clone)
    # postBuild, with the environment's python first on the path, then pip's own check.
    env = reader_env(PATH=f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}")
    run(["bash", "binder/postBuild"], cwd=clone, env=env)
    run([venv / "bin" / "python", "-m", "pip", "--disable-pip-version-check", "check"])
    return venv, clone


def _build_binder_environment(folder: Path) -> None:
    venv = folder / "env"
    run([PYTHON, "-m", "venv", venv])
    install = [
        UV,
        "pip",
        "install",
        "--quiet",
        "--compile-bytecode",
        "--python",
        venv / "bin/python",
    ]
    # 1. repo2docker's own Jupyter (here at the versions of the lab lock).
    run([*install, "-c", paths.ROOT / "requirements-lab.txt", "jupyterlab"])
    # 2. The repository's binder/requirements.txt, resolved into the same environment.
    run([*install, "-r", paths.ROOT / "binder" / "requirements.txt"])


def runtime_environment(root: Path) -> Path:
    """requirements-runtime.txt exactly (uv), then the book's package installed from a copy of its
    source, not editable: the package then knows no repository."""
    if not UV.exists():
        raise AssertionError(f"no uv at {UV}: run `make venv`")
    source = root / "package-source"
    for rel in ("pyproject.toml", "README.md", "LICENSE", "LICENSE-CONTENT.md"):
        (source / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(paths.ROOT / rel, source / rel)
    shutil.copytree(
        paths.ROOT / "scripts" / "safetybook",
        source / "scripts" / "safetybook",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    lock = paths.ROOT / "requirements-runtime.txt"
    venv = root / "env"
    run([UV, "venv", "--quiet", "--python", PYTHON, venv])
    python = venv / "bin" / "python"
    # Exactly the lock, then the package from a copy of its source.
    run([UV, "pip", "sync", "--quiet", "--compile-bytecode", "--python", python, lock])
    run([UV, "pip", "install", "--quiet", "--python", python, "--no-deps", source])
    run([UV, "pip", "check", "--quiet", "--python", python])
    return venv


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabServer:
    """JupyterLab started from an environment, on a free loopback port, with a token."""

    def __init__(self, venv: Path, root_dir: Path, home: Path):
        self.root_dir, self.venv = root_dir, venv
        self.port, self.token = free_port(), uuid.uuid4().hex
        self.url = f"http://127.0.0.1:{self.port}"
        home.mkdir(parents=True, exist_ok=True)
        env = reader_env(
            JUPYTER_CONFIG_DIR=str(home / "config"),
            JUPYTER_DATA_DIR=str(home / "data"),
            JUPYTER_RUNTIME_DIR=str(home / "runtime"),
            IPYTHONDIR=str(home / "ipython"),
            MPLCONFIGDIR=str(home / "mpl"),
            SAFETYBOOK_CACHE=str(home / "cache"),
        )
        self.log = (home / "lab.log").open("w")
        self.process = subprocess.Popen(
            [
                venv / "bin" / "jupyter",
                "lab",
                "--no-browser",
                "--allow-root",  # CI runs as root
                "--ip=127.0.0.1",
                f"--port={self.port}",
                f"--ServerApp.root_dir={root_dir}",
                f"--IdentityProvider.token={self.token}",
            ],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self._wait(home / "lab.log")

    def _wait(self, log: Path) -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"JupyterLab exited at start:\n{log.read_text()[-3000:]}")
            try:
                self.get("/api/status")
                return
            except OSError:
                time.sleep(0.5)
        raise AssertionError(f"JupyterLab did not answer in 120 s:\n{log.read_text()[-3000:]}")

    def request(self, method: str, path: str, body: dict | None = None) -> bytes:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(
            self.url + path,
            data=data,
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.read()

    def get(self, path: str) -> bytes:
        return self.request("GET", path)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()

    def run_notebooks(self, relatives: list[str], at_once: int = 2) -> dict[str, object]:
        """Run every code cell of each notebook, as Run All does, in a kernel of the server's
        session for it; returns, per notebook, each cell's outputs (nbformat dicts) or the error."""
        return asyncio.run(self._run_all(relatives, at_once))

    async def _run_all(self, relatives: list[str], at_once: int) -> dict[str, object]:
        gate = asyncio.Semaphore(at_once)

        async def one(relative: str):
            async with gate:
                try:
                    return await asyncio.wait_for(self._run_one(relative), 900)
                except Exception as err:  # reported by the notebook's own test
                    return err

        results = await asyncio.gather(*(one(r) for r in relatives))
        return dict(zip(relatives, results, strict=True))

    async def _run_one(self, relative: str) -> list[list[dict]]:
        import nbformat
        from tornado.websocket import websocket_connect

        body = {"path": relative, "type": "notebook", "name": "", "kernel": {"name": "python3"}}
        session = json.loads(self.request("POST", "/api/sessions", body))
        notebook = nbformat.read(self.root_dir / relative, as_version=4)
        try:
            ws = await websocket_connect(
                f"ws://127.0.0.1:{self.port}/api/kernels/{session['kernel']['id']}/channels"
                f"?token={self.token}"
            )
            results = []
            for cell in notebook.cells:
                if cell.cell_type == "code":
                    results.append(await _run_cell(ws, cell.source))
            ws.close()
            return results
        finally:
            self.request("DELETE", f"/api/sessions/{session['id']}")


async def _run_cell(ws, code: str) -> list[dict]:
    msg_id = uuid.uuid4().hex
    message = {
        "header": {
            "msg_id": msg_id,
            "msg_type": "execute_request",
            "username": "test",
            "session": uuid.uuid4().hex,
            "version": "5.3",
        },
        "parent_header": {},
        "metadata": {},
        "content": {"code": code, "silent": False, "store_history": True, "allow_stdin": False},
        "channel": "shell",
    }
    await ws.write_message(json.dumps(message))
    outputs = []
    while True:
        raw = await ws.read_message()
        if raw is None:
            raise AssertionError("the kernel's websocket closed during a cell")
        reply = json.loads(raw)
        if reply.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind, content = reply["msg_type"], reply["content"]
        if kind in ("display_data", "execute_result", "stream", "error"):
            outputs.append({"output_type": kind, **content})
        if kind == "status" and content["execution_state"] == "idle":
            return outputs


def execute_copy(venv: Path, notebook: Path, env: dict[str, str]) -> dict:
    """Execute a notebook in place in a kernel that runs `venv`'s Python (a reader's plain Python
    set-up: the runtime lock holds a kernel, not a notebook runner), driven by nbclient from the
    book's own environment, as a reader's Jupyter would drive it."""
    specs = notebook.parent.parent / "kernelspecs"
    spec = specs / "kernels" / "reader"
    spec.mkdir(parents=True, exist_ok=True)
    argv = [str(venv / "bin" / "python"), "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "A reader's Python", "language": "python"})
    )
    script = (
        "import sys, nbformat; from nbclient import NotebookClient\n"
        "nb = nbformat.read(sys.argv[1], 4)\n"
        "NotebookClient(nb, timeout=600, kernel_name='reader',"
        " resources={'metadata': {'path': sys.argv[2]}}).execute()\n"
        "nbformat.write(nb, sys.argv[1])\n"
    )
    run(
        [sys.executable, "-c", script, notebook, notebook.parent],
        env={**env, "JUPYTER_PATH": str(specs)},
    )
    import nbformat

    return nbformat.read(notebook, as_version=4)
