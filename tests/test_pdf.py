"""The PDF holds every chapter title and every figure and table caption."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from book_layout import notebook_docs
from conftest import normalise


class Captions(HTMLParser):
    """Collects the text of <h1> and of the caption text of figures and tables."""

    def __init__(self):
        super().__init__()
        self.titles, self.captions, self._into, self._buf = [], [], None, []
        self._in_caption = False  # figure and table captions only, not the navigation's

    def handle_starttag(self, tag, attrs):
        if tag in ("figcaption", "caption"):
            self._in_caption = True
        if tag == "h1":
            self._into, self._buf = "titles", []
        elif tag == "span" and ("class", "caption-text") in attrs and self._in_caption:
            self._into, self._buf = "captions", []

    def handle_endtag(self, tag):
        if tag in ("figcaption", "caption"):
            self._in_caption = False
        if self._into == "titles" and tag == "h1" or self._into == "captions" and tag == "span":
            getattr(self, self._into).append(normalise("".join(self._buf)))
            self._into = None

    def handle_data(self, data):
        if self._into:
            self._buf.append(data)


@pytest.mark.parametrize("doc", notebook_docs())
def test_pdf_holds_the_chapter_title_and_captions(doc, pdf_text, built_site):
    page = built_site / f"{doc}.html"
    parser = Captions()
    parser.feed(page.read_text(encoding="utf-8"))
    assert parser.titles, f"{page.name} has no title"
    squeezed = pdf_text.replace(" ", "")
    for text in parser.titles + parser.captions:
        assert text.replace(" ", "") in squeezed, f"{page.name}: not in the PDF: {text[:80]!r}"


WEB_CHROME = (
    "Skip to main content",
    "Search Ctrl+K",
    "Show code cell source",
    "Hide code cell source",
    "Back to top",
    "Open issue",
    "Binder logo",
    "Toggle primary sidebar",
    "\u00b6",
)


def test_pdf_prints_no_web_chrome(pdf_text):
    found = [s for s in WEB_CHROME if s in pdf_text]
    assert not found, f"web chrome printed in the PDF: {found}"


def _outline_titles(data: bytes) -> list[str]:
    titles = []
    for raw in re.findall(rb"/Title\s*(<[0-9A-Fa-f]+>|\((?:\\.|[^\\)])*\))", data):
        if raw.startswith(b"<"):
            titles.append(bytes.fromhex(raw[1:-1].decode()).decode("utf-16"))
        else:
            titles.append(re.sub(rb"\\(.)", rb"\1", raw[1:-1]).decode("latin-1"))
    return [normalise(t.lstrip("\ufeff")) for t in titles]


def test_pdf_has_bookmarks_for_every_chapter(pdf_file, built_site):
    data = pdf_file.read_bytes()
    titles = _outline_titles(data)
    assert b"/Type /Outlines" in data, "the PDF has no outline (bookmarks)"
    squeezed = {t.replace(" ", "").replace("\u2019", "'") for t in titles}
    for doc in notebook_docs():
        parser = Captions()
        parser.feed((built_site / f"{doc}.html").read_text(encoding="utf-8"))
        title = parser.titles[0].replace(" ", "").replace("\u2019", "'")
        assert title in squeezed, f"no bookmark for {doc}: {parser.titles[0]!r}"


def test_pdf_opens_with_a_title_page_and_numbered_contents(pdf_pages):
    import yaml

    from safetybook import paths

    cff = yaml.safe_load(paths.CITATION_FILE.read_text(encoding="utf-8"))
    pages = pdf_pages
    first = normalise(pages[0])
    assert normalise(cff["title"]) in first and f"Version {cff['version']}" in first
    assert f"/ {len(pages) - 1}" in first, "no page number in the footer"  # last split is empty
    contents = normalise(pages[1])
    assert contents.startswith("Contents")
    entries = re.findall(r"(\S[^\n]*?)\s{2,}(\d+)\s*$", pages[1], flags=re.M)
    assert len(entries) >= 10, f"contents has {len(entries)} numbered entries"
    for title, number in entries[1:]:
        start = normalise(pages[int(number) - 1]).replace(" ", "")
        assert start.startswith(normalise(title).replace(" ", "")), (
            f"{title!r} not on page {number}"
        )


COLUMNS = re.compile(r"\S\s{3,}\S")  # a laid-out table row: text in columns


def test_no_table_caption_is_left_alone_at_the_foot_of_a_page(pdf_pages):
    """A table's caption is printed on the page where its rows begin, never alone above a page break."""
    captions, orphans = 0, []
    for number, page in enumerate(pdf_pages, start=1):
        lines = [line for line in page.splitlines() if line.strip()][:-1]  # without the footer
        starts = [i for i, line in enumerate(lines) if re.match(r"\s*Table \d+ ", line)]
        captions += len(starts)
        if starts and not any(COLUMNS.search(line) for line in lines[starts[-1] + 1 :]):
            orphans.append(f"page {number}: {lines[starts[-1]].strip()[:60]}")
    assert captions >= 10, f"only {captions} table captions found in the PDF"
    assert not orphans, f"table captions alone at the foot of a page: {orphans}"
