"""The PDF holds every chapter title and every figure and table caption."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

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


def _outline_titles(pdf_file) -> list[str]:
    from pypdf import PdfReader

    def flat(outline):
        for item in outline:
            yield from flat(item) if isinstance(item, list) else [normalise(item.title)]

    return list(flat(PdfReader(pdf_file).outline))


def test_pdf_has_bookmarks_for_every_chapter(pdf_file, built_site):
    titles = _outline_titles(pdf_file)
    assert titles, "the PDF has no outline (bookmarks)"
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


# -- a PDF that works away from its build machine (issue 33) --------------------------------------


def _links(pdf_file) -> list[tuple[int, str | None, object]]:
    """Every link annotation: (page number, URI or None, the annotation)."""
    from pypdf import PdfReader

    found = []
    for number, page in enumerate(PdfReader(pdf_file).pages, start=1):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            uri = action.get_object().get("/URI") if action is not None else None
            found.append((number, None if uri is None else str(uri), annotation))
    return found


def test_no_link_in_the_pdf_points_at_a_file(pdf_file):
    links = _links(pdf_file)
    assert len(links) > 1000, f"only {len(links)} links in the PDF"
    local = [
        (n, uri)
        for n, uri, _ in links
        if uri is not None and not uri.startswith(("https://", "http://", "mailto:"))
    ]
    assert not local, f"{len(local)} links to local files, e.g. {local[:5]}"


def test_cross_references_stay_inside_the_pdf(pdf_file):
    from pypdf import PdfReader

    reader = PdfReader(pdf_file)
    internal = [a for _, uri, a in _links(pdf_file) if uri is None]
    assert len(internal) >= 50, (
        f"only {len(internal)} internal links: cross-references leave the PDF"
    )
    named = reader.named_destinations
    for annotation in internal:
        target = annotation.get("/Dest") or annotation["/A"].get_object().get("/D")
        assert target is not None, "an internal link with no destination"
        if isinstance(target, str) or not isinstance(target, list):
            assert str(target) in named, f"internal link to an unknown destination {target!r}"


def test_links_to_the_site_name_files_the_site_holds(pdf_file, built_site):
    from urllib.parse import urlsplit

    from safetybook import release

    site = release.edition().site
    to_site = [uri for _, uri, _ in _links(pdf_file) if uri and uri.startswith(site)]
    assert len(to_site) >= 50, f"only {len(to_site)} links to the published site"
    assert any("figure-data" in uri or uri.endswith(".csv") for uri in to_site), (
        "no figure data link"
    )
    missing = sorted(
        {
            uri
            for uri in to_site
            if not (built_site / urlsplit(uri).path.removeprefix(urlsplit(site).path)).is_file()
            and not uri.endswith("/book.pdf")
        }
    )
    assert not missing, f"{len(missing)} links to pages the site does not hold, e.g. {missing[:5]}"


def test_no_page_is_blank(pdf_file, pdf_pages):
    from pypdf import PdfReader

    reader = PdfReader(pdf_file)
    blank = []
    for number, (page, text) in enumerate(zip(reader.pages, pdf_pages, strict=False), start=1):
        body = [line for line in text.splitlines() if line.strip()][:-1]  # without the footer
        if not body and not page.images:
            blank.append(number)
    assert not blank, f"blank pages: {blank}"


def _images() -> list[dict]:
    import subprocess

    from safetybook_tooling.pdf import PDF

    listed = subprocess.run(
        ["pdfimages", "-list", str(PDF)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    keys = (
        "page",
        "num",
        "type",
        "width",
        "height",
        "color",
        "comp",
        "bpc",
        "enc",
        "interp",
        "object",
        "id",
        "x-ppi",
        "y-ppi",
    )
    return [dict(zip(keys, line.split(), strict=False)) for line in listed if line.strip()]


def test_figures_are_printed_at_150_ppi_or_more(pdf_file):
    images = _images()
    assert len(images) >= 20, f"only {len(images)} images in the PDF"
    soft = [
        (i["page"], i["x-ppi"], i["y-ppi"])
        for i in images
        if min(int(i["x-ppi"]), int(i["y-ppi"])) < 150
    ]
    assert not soft, f"images printed under 150 ppi (page, x, y): {soft}"


def test_each_figure_is_whole_on_the_page_of_its_caption(pdf_file, pdf_pages):
    """A figure split across pages would be drawn twice (once per page); its caption follows it."""
    figures = [i for i in _images() if i["color"] in ("icc", "rgb")]
    captions = [
        n
        for n, text in enumerate(pdf_pages, start=1)
        for _ in re.findall(r"(?m)^\s*Fig\. \d+ ", text)
    ]
    assert len(figures) == len(captions) >= 20, (
        f"{len(figures)} figure images for {len(captions)} captions: a figure is split or lost"
    )
    apart = [
        (int(i["page"]), c) for i, c in zip(figures, captions, strict=True) if int(i["page"]) != c
    ]
    assert not apart, (
        f"figures on another page than their caption (figure page, caption page): {apart}"
    )


def _page_headings(page: Path) -> list[str]:
    """The headings a page shows, as its text reads (without the "#" permalink)."""
    text = page.read_text(encoding="utf-8")
    article = text[text.index('<article class="bd-article">') :]
    headings = re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", article, flags=re.S)
    return [
        normalise(html_text(re.sub(r'<a class="headerlink".*?</a>', "", body, flags=re.S)))
        for _, body in headings
    ]


def html_text(fragment: str) -> str:
    import html

    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_one_bookmark_per_heading_titled_as_the_heading_reads(pdf_file, built_site):
    from book_layout import toc_docs

    bookmarks = _outline_titles(pdf_file)
    headings = [h for doc in toc_docs() for h in _page_headings(built_site / f"{doc}.html")]
    assert bookmarks == headings, (
        f"{len(bookmarks)} bookmarks for {len(headings)} headings; first difference: "
        + str(next(((b, h) for b, h in zip(bookmarks, headings, strict=False) if b != h), None))
    )


def test_every_page_gives_the_version_and_the_collection_date(pdf_pages):
    from safetybook import paths, release
    from safetybook.dataset import collection_date
    from safetybook.formatting import long_date

    edition = release.edition()
    expected = (
        f"Version {edition.version}, {long_date(edition.released)}. "
        f"The record is collected to {long_date(collection_date(paths.DATA_DIR))}."
    )
    pages = [p for p in pdf_pages if p.strip()]
    wrong = [n for n, p in enumerate(pages, start=1) if expected not in normalise(p)]
    assert not wrong, f"pages whose footer does not read {expected!r}: {wrong[:10]}"
