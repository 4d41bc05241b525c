"""The bibliography the book renders: BibTeX written correctly, and no TeX markup left on any page."""

from __future__ import annotations

import html
import re

import pytest

from safetybook_pipeline.bibliography import bibtex_entry

SOURCE = dict(
    source_id="x2020y",
    author="",
    title="A & B: 50% of #kindness",
    publisher="B&T",
    published="2020-05-01",
    url="https://example.org/a",
    kind="news",
    accessed="2026-11-22",
    derived_from="",
)


def test_a_missing_author_becomes_the_publisher_as_one_corporate_name():
    entry = bibtex_entry(SOURCE)
    assert "  author = {{B\\&T}}," in entry
    assert "  title = {{A \\& B: 50\\% of \\#kindness}}," in entry


def test_a_personal_author_is_escaped_but_not_wrapped():
    assert "  author = {Jane Doe \\& John Roe}," in bibtex_entry(
        dict(SOURCE, author="Jane Doe & John Roe")
    )


def rendered_citations(site, page) -> str:
    """What a reader sees of the bibliography on a page: the reference list (on the references page),
    and the text and hover title of every in-text citation (on the chapters)."""
    text = (site / "chapters" / page).read_text(encoding="utf-8")
    if page == "references.html":
        parts = [text[text.index("<main") : text.index("</main>")]]
    else:
        parts = [
            f"{title} {label}"
            for title, label in re.findall(
                r'<a class="reference internal" href="references\.html#[^"]*" title="([^"]*)">(.*?)</a>',
                text,
                flags=re.S,
            )
        ]
    return html.unescape(re.sub(r"<[^>]+>", " ", " ".join(parts)))


@pytest.mark.parametrize(
    "page", ["references.html", "02_health.html", "03_anti_bullying.html", "06_government.html"]
)
def test_rendered_citations_carry_no_tex_markup(page, built_site):
    text = rendered_citations(built_site, page)
    assert len(re.findall(r"\(\d{4}\)|\d{4}[a-z]?\b", text)) >= 5, (
        f"{page}: fewer than 5 rendered citations"
    )
    residue = sorted(set(re.findall(r".{0,30}[\\{}].{0,30}", text)))
    assert not residue, residue[:5]


def test_braces_and_backslashes_in_a_title_are_rejected_with_file_row_and_column(valid_raw):
    from safetybook_pipeline.validate import validate

    sources = valid_raw / "sources.csv"
    lines = sources.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("title")] = "A {braced} title"
    lines[1] = ",".join(cells)
    sources.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, problems = validate(valid_raw)
    assert any(
        p.column == "title" and p.line == 2 and "sources.csv" in str(p.file) for p in problems
    ), problems
