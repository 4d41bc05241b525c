"""Every figure links to a plain CSV of exactly the data it plots, and to a metadata sidecar with its
title, columns, sources and licence."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from notebook_checks import committed, figures, notebook_names

from safetybook import load, paths


def figure_labels(name: str) -> list[str]:
    return sorted(figures(committed(name)))


@pytest.mark.parametrize("name", notebook_names())
def test_each_figure_has_a_plain_csv_and_a_metadata_sidecar(name):
    known = set(load.sources()["source_id"])
    labels = figure_labels(name)
    markdown = "".join(
        "".join(c["source"]) for c in committed(name)["cells"] if c["cell_type"] == "markdown"
    )
    shown = set(re.findall(r"\{glue:figure\} (\S+-fig-\S+)", markdown))
    assert set(labels) == shown, f"{name}: figures shown and figures made differ"
    for label in labels:
        path = paths.CHAPTERS_DIR / "figure-data" / f"{label}.csv"
        assert path.exists(), f"{name}: no data file for figure {label}"
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert not first.startswith("#"), f"{path.name}: starts with a comment, not the header row"
        frame = pd.read_csv(path)  # no options: a spreadsheet opens it the same way
        sidecar = path.with_suffix(".metadata.json")
        assert sidecar.exists(), f"{name}: no metadata sidecar for figure {label}"
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
        assert meta["figure"] == label and meta["data"] == path.name
        assert meta["title"].strip(), f"{sidecar.name}: no title (the figure's takeaway)"
        assert meta["licence"]["name"] == "CC-BY-4.0"
        assert [c["name"] for c in meta["columns"]] == list(frame.columns)
        assert meta["rows"] == len(frame)
        cited = {s["id"] for s in meta["sources"]}
        assert cited and cited <= known, f"{label}: unknown sources {cited - known}"
        assert all(s["publisher"] for s in meta["sources"])


@pytest.mark.parametrize("name", notebook_names())
def test_built_page_links_each_figure_csv(name, built_site):
    page = built_site / "chapters" / name.replace(".ipynb", ".html")
    text = page.read_text(encoding="utf-8")
    for label in figure_labels(name):
        links = re.findall(rf'href="([^"]*{re.escape(label)}\.csv)"', text)
        assert links, f"{page.name}: no link to the data of {label}"
        sidecars = re.findall(rf'href="([^"]*{re.escape(label)}\.metadata\.json)"', text)
        assert sidecars, f"{page.name}: no link to the metadata of {label} next to its CSV"
        assert (page.parent / sidecars[0]).resolve().exists(), f"{sidecars[0]} does not resolve"
        target = (page.parent / links[0]).resolve()
        assert target.exists(), f"{page.name}: link {links[0]} does not resolve"
        assert (
            target.read_bytes()
            == (paths.CHAPTERS_DIR / "figure-data" / f"{label}.csv").read_bytes()
        )


def test_figure_data_folder_holds_only_what_the_notebooks_make():
    made = {label for name in notebook_names() for label in figure_labels(name)}
    files = {p.name for p in (paths.CHAPTERS_DIR / "figure-data").iterdir()}
    expected = {
        f"{label}{ext}" for label in made for ext in (".csv", ".metadata.json", ".drawn.json")
    }
    assert files == expected, (
        f"stale: {sorted(files - expected)}; missing: {sorted(expected - files)}"
    )


@pytest.mark.parametrize("name", notebook_names())
def test_every_label_starts_with_its_chapter_slug(name):
    """One slug per chapter: file `NN_slug.ipynb`, label `(slug)=`, figure and table prefix `slug-`."""
    slug = name.removesuffix(".ipynb").split("_", 1)[1].replace("_", "-")
    if slug == "intro":
        return  # the home page has no figures or tables (checked by the test above)
    notebook = committed(name)
    markdown = "".join(
        "".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown"
    )
    assert f"({slug})=" in markdown, f"{name}: no chapter label ({slug})="
    labels = re.findall(r"\{glue:figure\} (\S+)", markdown)
    assert labels, f"{name}: no figures or tables"
    wrong = [label for label in labels if not label.startswith(f"{slug}-")]
    assert not wrong, f"{name}: labels not prefixed {slug}-: {wrong}"


@pytest.mark.parametrize(
    "label", sorted(label for name in notebook_names() for label in figure_labels(name))
)
def test_every_value_and_label_a_figure_draws_is_in_its_csv(label):
    """The CSV beside a figure holds every number it plots, every date it places and every label
    it draws (read back from its Axes by safetybook.figure_drawn when it was published)."""
    from safetybook import figure_drawn

    folder = paths.CHAPTERS_DIR / "figure-data"
    drawn = json.loads((folder / f"{label}.drawn.json").read_text(encoding="utf-8"))
    assert any(drawn.values()), f"{label}: nothing read back from the figure"
    missing = figure_drawn.missing(drawn, pd.read_csv(folder / f"{label}.csv"))
    assert not any(missing.values()), f"{label}.csv lacks what the figure draws: {missing}"


def test_what_a_figure_draws_skips_a_lines_gaps_but_not_a_point_its_data_lack():
    """A line broken where a quarter has no value draws nothing there, so that date is not read;
    every point it does draw is, and data without one of them are caught."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from safetybook import figure_drawn

    fig, ax = plt.subplots()
    quarters = pd.to_datetime(["2021-03-31", "2021-06-30", "2021-09-30"])
    ax.plot(quarters, [1.0, float("nan"), 3.0], "o-", label="Median of reports")
    ax.legend()
    drawn = figure_drawn.drawn(fig)
    plt.close(fig)
    assert drawn["dates"] == ["2021-03-31", "2021-09-30"] and drawn["numbers"] == [1.0, 3.0]
    data = pd.DataFrame(
        {"series": "Median of reports", "date": ["2021-03-31", "2021-09-30"], "value": [1.0, 3.0]}
    )
    assert not any(figure_drawn.missing(drawn, data).values())
    assert figure_drawn.missing(drawn, data.iloc[:1]) == {
        "numbers": [3.0],
        "dates": ["2021-09-30"],
        "labels": [],
    }
    assert figure_drawn.missing(drawn, data.assign(series="median"))["labels"] == [
        "Median of reports"
    ]
