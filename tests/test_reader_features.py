"""Reader features in the built book: citation metadata, cite blocks, buttons and OpenGraph tags."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from book_layout import notebook_docs

from safetybook import paths


def test_citation_cff_is_valid_and_versioned():
    result = subprocess.run(
        [
            Path(sys.executable).with_name("cffconvert"),
            "--validate",
            "-i",
            str(paths.CITATION_FILE),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    cff = yaml.safe_load(paths.CITATION_FILE.read_text(encoding="utf-8"))
    assert cff["version"] and cff["date-released"]


@pytest.mark.parametrize("doc", notebook_docs())
def test_chapter_ends_with_a_generated_citation(doc, built_site):
    page = built_site / f"{doc}.html"
    text = page.read_text(encoding="utf-8")
    cff = yaml.safe_load(paths.CITATION_FILE.read_text(encoding="utf-8"))
    block = html.unescape(re.sub(r"<[^>]+>", "", text[text.index("Cite this chapter") :]))
    assert "@incollection{" in block and f"edition = {{{cff['version']}}}" in block
    assert cff["title"] in block.replace("\u2019", "'")
    for tag in (
        "citation_title",
        "citation_author",
        "citation_publication_date",
        "og:title",
        "og:description",
    ):
        assert f'"{tag}"' in text, f"{page.name}: no {tag} meta tag"


@pytest.mark.parametrize("doc", notebook_docs())
def test_notebook_pages_offer_launch_and_download_buttons(doc, built_site):
    page = built_site / f"{doc}.html"
    text = page.read_text(encoding="utf-8")
    config = yaml.safe_load((paths.ROOT / "_config.yml").read_text(encoding="utf-8"))
    repo = config["repository"]["url"]
    assert "mybinder.org/v2/gh/" + repo.split("github.com/")[1] in text, "no Binder launch button"
    assert f'href="../_sources/chapters/{page.stem}.ipynb"' in text, "no .ipynb download button"
    assert "window.print()" in text, "no PDF (print) download button"
    assert f"{repo}/issues/new" in text, "issue button does not point at the project's repository"


def test_zenodo_metadata_matches_the_citation_file():
    import json

    zenodo = json.loads((paths.ROOT / ".zenodo.json").read_text(encoding="utf-8"))
    cff = yaml.safe_load(paths.CITATION_FILE.read_text(encoding="utf-8"))
    assert zenodo["title"] == cff["title"]
    assert zenodo["license"] == cff["license"]
    assert [c["name"] for c in zenodo["creators"]] == [a["name"] for a in cff["authors"]]


def test_the_changelog_has_an_entry_for_the_current_version():
    cff = yaml.safe_load(paths.CITATION_FILE.read_text(encoding="utf-8"))
    changelog = (paths.ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {cff['version']} (" in changelog
