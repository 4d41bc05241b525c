"""The PDF holds every chapter title and every figure and table caption."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from book_layout import notebook_docs
from conftest import normalise


class Captions(HTMLParser):
    """Collects the text of <h1> and of <span class="caption-text"> elements."""

    def __init__(self):
        super().__init__()
        self.titles, self.captions, self._into, self._buf = [], [], None, []

    def handle_starttag(self, tag, attrs):
        if tag == "h1":
            self._into, self._buf = "titles", []
        elif tag == "span" and ("class", "caption-text") in attrs:
            self._into, self._buf = "captions", []

    def handle_endtag(self, tag):
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
