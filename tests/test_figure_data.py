"""Every figure links to a CSV of exactly the data it plots, with its sources and licence."""

from __future__ import annotations

import re

import pytest
from notebook_checks import committed, figures, notebook_names

from safetybook import load, paths


def figure_labels(name: str) -> list[str]:
    return sorted(figures(committed(name)))


@pytest.mark.parametrize("name", notebook_names())
def test_each_figure_has_a_csv_with_sources_and_licence(name):
    known = set(load.sources()["source_id"])
    for label in figure_labels(name):
        path = paths.CHAPTERS_DIR / "figure-data" / f"{label}.csv"
        assert path.exists(), f"{name}: no data file for figure {label}"
        header = [
            line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")
        ]
        assert any("Licence: CC BY 4.0" in line for line in header)
        cited = (
            next(line for line in header if line.startswith("# Sources")).split(":", 1)[1].split()
        )
        assert cited and set(cited) <= known, f"{label}: unknown sources {set(cited) - known}"


@pytest.mark.parametrize("name", notebook_names())
def test_built_page_links_each_figure_csv(name, built_site):
    page = built_site / "chapters" / name.replace(".ipynb", ".html")
    text = page.read_text(encoding="utf-8")
    for label in figure_labels(name):
        links = re.findall(rf'href="([^"]*{re.escape(label)}\.csv)"', text)
        assert links, f"{page.name}: no link to the data of {label}"
        target = (page.parent / links[0]).resolve()
        assert target.exists(), f"{page.name}: link {links[0]} does not resolve"
        assert (
            target.read_bytes()
            == (paths.CHAPTERS_DIR / "figure-data" / f"{label}.csv").read_bytes()
        )
