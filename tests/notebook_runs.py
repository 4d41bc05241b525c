"""Fresh executions of the chapter notebooks, done once per test module and shared by its checks."""

from __future__ import annotations

import base64
import copy
from functools import lru_cache
from pathlib import Path

import nbformat

from safetybook import execute, paths

# Largest root-mean-square difference (0-255 grey levels) tolerated between a committed figure
# and a fresh rendering of it. Renders on the same lock and fonts are byte-identical; the margin
# absorbs anti-aliasing differences between processors.
FIGURE_RMS_TOLERANCE = 2.0
DIFF_DIR = paths.BUILD_DIR / "figure-diffs"


def notebook_names() -> list[str]:
    return [p.name for p in execute.notebooks()]


def committed(name: str) -> nbformat.NotebookNode:
    return nbformat.read(paths.CHAPTERS_DIR / name, as_version=4)


@lru_cache(maxsize=None)
def fresh(name: str, run: int) -> nbformat.NotebookNode:
    """Execute a copy of a committed notebook in memory (run is only a cache key)."""
    from nbclient import NotebookClient

    notebook = copy.deepcopy(committed(name))
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    settings = execute.execution_settings()
    NotebookClient(notebook, timeout=settings["timeout"], allow_errors=False, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(paths.CHAPTERS_DIR)}}).execute()
    return notebook


def outputs(notebook: nbformat.NotebookNode) -> list:
    return [(i, cell.get("outputs", [])) for i, cell in enumerate(notebook.cells) if cell.cell_type == "code"]


def figures(notebook: nbformat.NotebookNode) -> dict[str, tuple[int, bytes]]:
    """Every glued or displayed PNG, by its glue name (or cell index), with the cell index."""
    found = {}
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        for k, output in enumerate(cell.get("outputs", [])):
            data = output.get("data", {})
            for key in ("application/papermill.record/image/png", "image/png"):
                if key in data:
                    name = output.get("metadata", {}).get("scrapbook", {}).get("name", f"cell{index}-output{k}")
                    found[name] = (index, base64.b64decode(data[key]))
    return found


def write_png(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
