"""make execute: re-run the chapter notebooks whose inputs changed, in parallel, outputs written in place.

A notebook's inputs are what its outputs can depend on, and nothing else: its code cells, the tidy
tables and their data contract, the library (`safetybook`), the runtime lock (the packages a chapter
runs with, not the build and test tools), the pin of MyST-NB (which writes the glue records) and the
`execute:` settings of _config.yml (not its title or theme). Their hash is stored in the notebook's
metadata after a successful run, so an unchanged tree executes nothing, a linter bump or a title
edit executes nothing, and a stale output is never rendered.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
import yaml

from safetybook import glue, paths

HASH_KEY = "safetybook"


def execution_settings() -> dict:
    """Execution settings as written in _config.yml (one place for timeout and allow_errors)."""
    config = yaml.safe_load((paths.ROOT / "_config.yml").read_text(encoding="utf-8"))
    return config["execute"]


RUNTIME_LOCK = "requirements-runtime.txt"
GLUE_WRITER = "myst-nb"  # a book-build package whose version shapes the committed glue records


def _shared_files() -> list[Path]:
    # The library is everything a notebook may import (tests/test_architecture.py); the pipeline and the
    # tooling are not inputs of any notebook, so editing them re-executes nothing.
    module = sorted((paths.ROOT / "scripts" / "safetybook").rglob("*.py"))
    tables = sorted(paths.DATA_DIR.glob("*.csv"))
    return [*module, *tables, paths.DATAPACKAGE, paths.ROOT / RUNTIME_LOCK]


# What a release changes in the data contract (from CITATION.cff): no notebook reads it, so cutting
# a release re-executes nothing.
RELEASE_FIELDS = ("version", "homepage")


def _content(path: Path) -> bytes:
    """A shared file's bytes as the hash sees them: the data contract without its release fields."""
    if path != paths.DATAPACKAGE:
        return path.read_bytes()
    package = json.loads(path.read_text(encoding="utf-8"))
    for field in RELEASE_FIELDS:
        package.pop(field, None)
    return json.dumps(package, sort_keys=True, ensure_ascii=False).encode()


def glue_writer_pin() -> str:
    """The full lock's pin of the package that writes the glue records (e.g. 'myst-nb==1.4.0')."""
    text = (paths.ROOT / "requirements.txt").read_text(encoding="utf-8")
    found = re.search(rf"^{re.escape(GLUE_WRITER)}==\S+", text, flags=re.M | re.I)
    if not found:
        raise ValueError(f"requirements.txt pins no {GLUE_WRITER}")
    return found.group(0).lower()


def input_hash(notebook: nbformat.NotebookNode) -> str:
    """Hash of everything a notebook's outputs depend on (see the module's docstring)."""
    digest = hashlib.sha256()
    for cell in notebook.cells:
        if cell.cell_type == "code":
            digest.update(cell.source.encode("utf-8") + b"\0")
    for path in _shared_files():
        digest.update(
            path.relative_to(paths.ROOT).as_posix().encode() + b"\0" + _content(path) + b"\0"
        )
    settings = json.dumps(execution_settings(), sort_keys=True)
    digest.update(b"execute\0" + settings.encode() + b"\0" + glue_writer_pin().encode())
    return digest.hexdigest()


def stored_hash(notebook: nbformat.NotebookNode) -> str | None:
    return notebook.metadata.get(HASH_KEY, {}).get("input_hash")


def is_stale(path: Path) -> bool:
    """A notebook is stale when its inputs changed, or when any code cell was never executed
    (a notebook rewritten by a script may carry an old hash but no outputs)."""
    notebook = nbformat.read(path, as_version=4)
    unexecuted = any(
        c.cell_type == "code" and c.get("execution_count") is None for c in notebook.cells
    )
    return unexecuted or stored_hash(notebook) != input_hash(notebook)


def execute(path: Path) -> str:
    """Execute one notebook in its own folder and write it back atomically with its input hash."""
    from nbclient import NotebookClient

    settings = execution_settings()
    # The kernel inherits this: glued values are not displayed as well (see safetybook.glue).
    os.environ[glue.BUILD_VARIABLE] = "1"
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=settings["timeout"],
        allow_errors=settings["allow_errors"],
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    notebook.metadata[HASH_KEY] = {"input_hash": input_hash(notebook)}
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        nbformat.write(notebook, handle)
    os.replace(tmp, path)
    return path.name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "notebooks", nargs="*", type=Path, help="notebooks to consider (default: every chapter)"
    )
    parser.add_argument(
        "--force", action="store_true", help="execute even when the inputs are unchanged"
    )
    parser.add_argument(
        "--check", action="store_true", help="only list stale notebooks; exit 1 if any"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    candidates = [p.resolve() for p in args.notebooks] or paths.chapter_notebooks()
    stale = [p for p in candidates if args.force or is_stale(p)]
    if args.check:
        for path in stale:
            print(f"stale: {path.relative_to(paths.ROOT)}", file=sys.stderr)
        return 1 if stale else 0
    if not stale:
        print("make execute: every notebook is up to date; nothing executed.")
        return 0
    print("make execute: running " + ", ".join(p.name for p in stale), flush=True)
    failures = 0
    with ProcessPoolExecutor(max_workers=max(1, min(args.jobs, len(stale)))) as pool:
        futures = {pool.submit(execute, p): p for p in stale}
        for future, path in futures.items():
            try:
                print(f"  executed {future.result()}", flush=True)
            except Exception as err:  # report every failing notebook, not only the first
                failures += 1
                print(
                    f"  FAILED {path.name}: {type(err).__name__}: {str(err)[-2000:]}",
                    file=sys.stderr,
                )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
