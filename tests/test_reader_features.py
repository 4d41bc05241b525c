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
    assert (
        "@incollection{" in block
        and f"version = {{{cff['version']}}}" in block
        and "edition =" not in block
    )
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


def _cff() -> dict:
    return yaml.safe_load(paths.CITATION_FILE.read_text(encoding="utf-8"))


def _blocks(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    return [
        html.unescape(re.sub(r"<[^>]+>", "", b))
        for b in re.findall(r"<pre[^>]*>(.*?)</pre>", text, flags=re.S)
    ]


def test_how_to_cite_gives_book_and_dataset_in_four_formats(built_site):
    import json

    cff = _cff()
    page = built_site / "chapters" / "how_to_cite.html"
    blocks = _blocks(page)
    bibtex = [b for b in blocks if b.lstrip().startswith("@")]
    assert {b.split("{", 1)[0].strip() for b in bibtex} == {"@book", "@misc"}, bibtex
    for entry in bibtex:
        assert f"version = {{{cff['version']}}}" in entry and "edition" not in entry
    ris = [b for b in blocks if b.startswith("TY  - ")]
    assert {b.splitlines()[0] for b in ris} == {"TY  - BOOK", "TY  - DATA"}
    assert all(f"ET  - {cff['version']}" in b and b.rstrip().endswith("ER  -") for b in ris)
    csl = [json.loads(b) for b in blocks if b.lstrip().startswith("[")]
    assert {c[0]["type"] for c in csl} == {"book", "dataset"}
    assert all(c[0]["version"] == cff["version"] and c[0]["title"] for c in csl)
    text = html.unescape(page.read_text(encoding="utf-8")).replace("\u2019", "'")
    assert f"{cff['title']}. Version {cff['version']}." in text


def test_every_page_has_a_social_image_that_exists(site_pages, built_site):
    cff = _cff()
    base = cff["url"].rstrip("/") + "/"
    for page in site_pages:
        text = page.read_text(encoding="utf-8")
        if 'property="og:title"' not in text:
            continue  # search and index pages carry no page metadata
        found = re.search(r'<meta property="og:image" content="([^"]+)"', text)
        assert found, f"{page.name}: no og:image"
        assert found.group(1).startswith(base), found.group(1)
        assert (built_site / found.group(1)[len(base) :]).exists(), f"{page.name}: {found.group(1)}"


def test_last_changed_date_comes_from_the_page_source_commit(built_site):
    import subprocess

    source = paths.CHAPTERS_DIR / "02_health.ipynb"
    stamp = subprocess.run(
        ["git", "log", "-1", "--format=%cs", "--", str(source)],
        cwd=paths.ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert stamp, "02_health.ipynb has no commit: this test needs the repository's history"
    year, month, day = (int(x) for x in stamp.split("-"))
    import calendar

    expected = f"{day} {calendar.month_name[month]} {year}"
    text = (built_site / "chapters" / "02_health.html").read_text(encoding="utf-8")
    assert f"Last updated on {expected}" in re.sub(r"\s+", " ", text), f"expected {expected}"


def test_glued_tables_are_numbered_as_tables_with_the_caption_first(built_site):
    page = built_site / "chapters" / "01_data_and_methods.html"
    text = page.read_text(encoding="utf-8")
    tables = re.findall(
        r"<figure[^>]*table-figure[^>]*>\s*<figcaption>(.*?)</figcaption>", text, re.S
    )
    assert tables, "no glued table rendered as a table figure"
    numbers = [re.sub(r"<[^>]+>", "", t).split()[:2] for t in tables]
    assert all(n[0] == "Table" for n in numbers), numbers
    captions = re.sub(
        r"<[^>]+>", "", "".join(re.findall(r"<figcaption>.*?</figcaption>", text, re.S))
    )
    assert "-tbl-" not in captions, "a table caption shows its internal label"
    figures = re.findall(r"<figcaption>\s*<p><span class=\"caption-number\">([^<]*)", text)
    assert any(f.startswith("Fig") for f in figures) and any(f.startswith("Table") for f in figures)
