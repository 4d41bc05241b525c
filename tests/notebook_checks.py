"""Checks on the outputs of the chapter notebooks, committed and freshly executed.

nbval executes every notebook once per `make test` and compares each cell's outputs, glued figures
included, with the committed ones. `cell_problems` runs right after each cell (a hook in conftest)
on that same execution: when a figure changed it writes the expected, actual and difference images
with their RMS, and it checks that the data written behind each figure equals the committed CSV.
"""

from __future__ import annotations

import base64
from pathlib import Path

import nbformat

from safetybook import paths

DIFF_DIR = paths.BUILD_DIR / "figure-diffs"
FIGURE_KEYS = ("application/papermill.record/image/png", "image/png")


notebook_paths = paths.chapter_notebooks


def notebook_names() -> list[str]:
    return [p.name for p in notebook_paths()]


def committed(name: str) -> nbformat.NotebookNode:
    return nbformat.read(paths.CHAPTERS_DIR / name, as_version=4)


def output_figures(outputs: list, index: int) -> dict[str, bytes]:
    """The PNGs among one cell's outputs, by glue name (or cell and output index)."""
    found = {}
    for k, output in enumerate(outputs):
        data = output.get("data", {})
        for key in FIGURE_KEYS:
            if key in data:
                name = (
                    output.get("metadata", {})
                    .get("scrapbook", {})
                    .get("name", f"cell{index}-output{k}")
                )
                found[name] = base64.b64decode(data[key])
    return found


def figures(notebook: nbformat.NotebookNode) -> dict[str, tuple[int, bytes]]:
    """Every glued or displayed PNG of a notebook, by its name, with its cell index."""
    found = {}
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            for name, png in output_figures(cell.get("outputs", []), index).items():
                found[name] = (index, png)
    return found


def figure_difference(label: str, folder: Path, expected: bytes, actual: bytes) -> str | None:
    """None when the two PNGs are identical; otherwise where to look and how large the change is."""
    if expected == actual:
        return None
    import io

    from matplotlib.testing.compare import compare_images
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    expected_path, actual_path = folder / f"{label}-expected.png", folder / f"{label}-actual.png"
    expected_path.write_bytes(expected)
    actual_path.write_bytes(actual)
    if Image.open(io.BytesIO(expected)).size != Image.open(io.BytesIO(actual)).size:
        return f"figure {label} changed size (see {actual_path})"
    result = compare_images(str(expected_path), str(actual_path), tol=0, in_decorator=True)
    rms = result["rms"] if result else 0.0
    diff = result["diff"] if result else "(no pixel differs; only the file bytes)"
    return f"figure {label} changed: RMS {rms:.2f}; diff at {diff}"


def cell_problems(
    notebook: str, index: int, committed_outputs: list, fresh_outputs: list
) -> list[str]:
    """What differs in one cell's figures between the committed and a fresh run, and their data."""
    problems = []
    old, new = output_figures(committed_outputs, index), output_figures(fresh_outputs, index)
    if set(old) != set(new):
        problems.append(
            f"{notebook} cell {index}: figures added or removed: {sorted(set(old) ^ set(new))}"
        )
    folder = DIFF_DIR / notebook.removesuffix(".ipynb")
    for label in sorted(set(old) & set(new)):
        changed = figure_difference(label, folder, old[label], new[label])
        if changed:
            problems.append(f"{notebook} cell {index}: {changed}")
        for name in (f"{label}.csv", f"{label}.metadata.json", f"{label}.drawn.json"):
            written = paths.figure_data_dir() / name
            if not written.exists():
                problems.append(f"{notebook} cell {index}: a fresh run wrote no {name}")
            elif written.read_bytes() != (paths.CHAPTERS_DIR / "figure-data" / name).read_bytes():
                problems.append(f"{notebook} cell {index}: {name} differs from a fresh run")
    return problems
