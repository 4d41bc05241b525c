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
    published_precision="day",
    url="https://example.org/a",
    kind="news",
    accessed="2026-11-22",
    derived_from="",
)


def test_a_missing_author_becomes_the_publisher_as_one_corporate_name():
    entry = bibtex_entry(SOURCE)
    assert "  author = {{B\\&T}}," in entry
    assert "  title = {{A \\& B: 50\\% of \\#kindness}}," in entry


def test_a_month_precision_date_is_cited_without_a_day():
    entry = bibtex_entry(dict(SOURCE, published_precision="month"))
    assert "  month = may," in entry and "  date = {2020-05}," in entry
    assert "day =" not in entry
    assert "day =" in bibtex_entry(SOURCE)


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


def _reference_list(site) -> list[tuple[str, str]]:
    text = (site / "chapters" / "references.html").read_text(encoding="utf-8")
    items = re.findall(r'<div class="citation" id="[^"]*" role="listitem">(.*?)</div>', text, re.S)
    entries = []
    for item in items:
        plain = html.unescape(re.sub(r"<[^>]+>", "", item)).strip()
        label, _, body = plain.partition("]")
        entries.append((label.lstrip("["), body.strip()))
    return entries


def test_reference_list_uses_unique_author_year_labels(built_site):
    from safetybook import load

    entries = _reference_list(built_site)
    assert len(entries) == len(load.sources())
    labels = [label for label, _ in entries]
    assert len(set(labels)) == len(labels), "two sources share a label"
    bad = [x for x in labels if not re.search(r" ((19|20)\d\d|n\.d\.)[a-z]*$", x)]
    assert not bad, f"labels that are not author-year: {bad[:5]}"


def test_reference_list_prints_full_dates_and_tells_undated_pages_apart(built_site):
    from safetybook import load

    entries = dict(_reference_list(built_site))
    bodies = " ".join(entries.values())
    assert not re.search(r", \d{1,2} (19|20)\d\d\b", bodies), "a month printed as a number"
    sources = load.sources()
    dated = sources[sources["published_precision"] == "day"]
    for day in dated["published"].head(50):
        assert f"{day.day} {day:%B} {day.year}" in bodies, f"no full date {day:%Y-%m-%d}"
    months = sources[sources["published_precision"] == "month"]
    assert len(months), "no month-precision date: the check below would be vacuous"
    for key, month in zip(months["source_id"], months["published"], strict=True):
        assert f"{month:%B} {month.year}" in bodies, f"{key}: no month {month:%Y-%m}"
    undated = sources[sources["published"].isna()]
    shared = undated["publisher"][undated["publisher"].duplicated()]
    assert len(shared), "no publisher with two undated pages: the check below would be vacuous"
    labels = [label for label in entries if label.endswith(("n.d.a", "n.d.b"))]
    assert len(labels) >= 2, "undated pages of one publisher are not told apart"
