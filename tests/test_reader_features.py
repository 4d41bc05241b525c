"""Reader features in the built book: citation metadata, cite blocks, buttons and OpenGraph tags."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from book_layout import notebook_docs, toc_docs

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
    from safetybook import release

    repo = release.edition().repository
    assert "mybinder.org/v2/gh/" + repo.split("github.com/")[1] in text, "no Binder launch button"
    assert f'href="../_sources/chapters/{page.stem}.ipynb"' in text, "no .ipynb download button"
    assert f"{repo}/issues/new" in text, "issue button does not point at the project's repository"
    assert f'href="{repo}"' in text, "repository button does not point at the project's repository"


@pytest.mark.parametrize("doc", toc_docs())
def test_the_download_button_offers_the_whole_books_pdf(doc, built_site):
    text = (built_site / f"{doc}.html").read_text(encoding="utf-8")
    group = text[text.index("dropdown-download-buttons") :]
    group = group[: group.index("</ul>")]
    depth = doc.count("/")
    assert f'href="{"../" * depth}book.pdf"' in group, "the download button does not offer book.pdf"
    assert "window.print()" not in text, "the download button prints the page instead"


def test_every_page_gives_the_edition_and_the_records_collection_date(site_pages):
    """Each page's footer: the version and its date from CITATION.cff, and the collection date
    from the data (datapackage.json's collection_date)."""
    from safetybook import release
    from safetybook.dataset import collection_date

    edition = release.edition()
    collected = collection_date(paths.DATA_DIR).date().isoformat()
    checked = 0
    for page in site_pages:
        text = page.read_text(encoding="utf-8")
        if 'class="bd-footer-content' not in text:
            continue  # redirects
        checked += 1
        dates = re.findall(r'<time class="collection-date" datetime="([^"]+)"', text)
        versions = re.findall(r'<span class="book-version">([^<]+)</span>', text)
        released = re.findall(r'<time class="book-released" datetime="([^"]+)"', text)
        assert dates == [collected], f"{page.name}: collection date {dates}, the data's {collected}"
        assert versions == [edition.version], f"{page.name}: version {versions}"
        assert released == [edition.released.isoformat()], f"{page.name}: released {released}"
    assert checked >= len(toc_docs())


@pytest.mark.parametrize("doc", toc_docs())
def test_every_page_says_when_it_was_last_updated(doc, built_site):
    text = re.sub(r"\s+", " ", (built_site / f"{doc}.html").read_text(encoding="utf-8"))
    assert re.search(r"Last updated on \d{1,2} [A-Z][a-z]+ \d{4}\.", text), f"{doc}: no date"


def test_zenodo_metadata_matches_the_citation_file():
    import json

    zenodo = json.loads((paths.ROOT / ".zenodo.json").read_text(encoding="utf-8"))
    cff = yaml.safe_load(paths.CITATION_FILE.read_text(encoding="utf-8"))
    assert zenodo["title"] == cff["title"]
    assert zenodo["version"] == cff["version"]
    assert zenodo["publication_date"] == str(cff["date-released"])
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
    from safetybook import release

    base = release.edition().site
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


def test_a_table_caption_holds_only_the_caption_and_the_table_follows_it(site_pages):
    """The caption is the figure's first child and a figcaption of its own; the table comes after
    it, outside the caption (a screen reader would otherwise read the whole table as its caption)."""
    checked = 0
    for page in site_pages:
        text = page.read_text(encoding="utf-8")
        for figure in re.findall(r"<figure[^>]*table-figure[^>]*>(.*?)</figure>", text, re.S):
            checked += 1
            caption = re.match(r"\s*<figcaption>(.*?)</figcaption>(.*)", figure, re.S)
            assert caption, f"{page.name}: a table figure does not open with its caption"
            assert "<table" not in caption.group(1), f"{page.name}: a table inside its caption"
            assert "<table" in caption.group(2), f"{page.name}: no table after the caption"
            assert "Link to this table" in caption.group(1), f"{page.name}: permalink says image"
            assert figure.count("<figcaption") == 1, f"{page.name}: two captions in one table"
    assert checked >= 10, f"only {checked} table figures found on the built pages"


# Pages whose subject is the codes themselves: the data dictionary (columns and their values) and
# the codebook (its reliability table names the rows the two coders read differently).
CODE_PAGES = {"chapters/data_dictionary", "chapters/08_codebook"}
SNAKE_CASE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
ROW_ID = re.compile(r"\b(?:gov|chi|hea|bul|spo|seed)-m?\d{3}\b")


def _table_cells(text: str) -> list[str]:
    """The text of every table cell a reader sees (code cells and scripts left out)."""
    text = re.sub(r"<(script|pre|code)\b.*?</\1>", "", text, flags=re.S)
    # A unit's id as a link to its address in the explorer is there to be cited, not a code.
    text = re.sub(r'<a\b[^>]*href="[^"]*explore\.html\?unit=([\w-]+)"[^>]*>\1</a>', "", text)
    cells = re.findall(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", text, flags=re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", c)) for c in cells]


def _coded_words() -> set[str]:
    """Codes of the codebook's vocabularies that read differently as words ("approx": "about")."""
    from safetybook import labels

    vocabularies = [labels.EVENT_TYPE, labels.CONCERN, labels.ACTOR_LEVEL, labels.STEP]
    vocabularies += [labels.SOURCE_KIND, labels.QUALIFIER]
    return {code for v in vocabularies for code, word in v.items() if code != word.lower()}


@pytest.mark.parametrize("doc", [d for d in toc_docs() if d not in CODE_PAGES])
def test_tables_show_words_not_codes_ids_or_citation_keys(doc, built_site):
    from safetybook import load

    keys = set(load.sources()["source_id"])
    cells = _table_cells((built_site / f"{doc}.html").read_text(encoding="utf-8"))
    found = {m for c in cells for m in SNAKE_CASE.findall(c) + ROW_ID.findall(c)}
    found |= {c.strip() for c in cells if c.strip() in _coded_words()}
    found |= {w for c in cells for w in re.findall(r"\b[\w-]+\b", c) if w in keys}
    assert not found, f"{doc}: codes, row ids or citation keys in tables: {sorted(found)[:10]}"


def test_the_code_check_would_catch_a_code_an_id_and_a_key():
    from safetybook import load

    key = load.sources()["source_id"].iloc[0]
    cells = _table_cells(
        f"<td>device_ban</td><td>gov-101</td><td>{key}</td><pre><td>x_y</td></pre>"
    )
    assert SNAKE_CASE.findall(cells[0]) and ROW_ID.findall(cells[1]) and key in cells[2]
    assert "approx" in _coded_words() and "exact" not in _coded_words()
    assert len(cells) == 3
    # Only an id that links to its own unit's address is let through.
    linked = _table_cells(
        '<td><a href="explore.html?unit=gov-101">gov-101</a></td>'
        '<td><a href="explore.html?unit=gov-102">gov-101</a></td><td><a href="x.html">gov-103</a></td>'
    )
    assert [ROW_ID.findall(c) for c in linked] == [[], ["gov-101"], ["gov-103"]]
