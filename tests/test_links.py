"""The built site: every internal link and anchor resolves, no page loads anything from another host,
and every cited key is a dataset source."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from book_layout import SITE

from safetybook import load, paths

PDF_COPY = (SITE / "book.pdf").resolve()


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.external_loads: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        for attr in (
            ("src", "href")
            if tag in ("script", "img", "link", "iframe", "source", "video", "audio")
            else ()
        ):
            url = a.get(attr) or ""
            if tag == "link" and a.get("rel") not in (
                "stylesheet",
                "preload",
                "icon",
                "modulepreload",
            ):
                continue
            if urlsplit(url).scheme in ("http", "https") or url.startswith("//"):
                self.external_loads.append(f"<{tag} {attr}={url}>")


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_no_page_loads_anything_from_another_host(site_pages):
    loads = {str(p.relative_to(SITE)): parse(p).external_loads for p in site_pages}
    assert not {k: v for k, v in loads.items() if v}


def test_every_internal_link_and_anchor_resolves(site_pages):
    parsed = {p.resolve(): parse(p) for p in site_pages}
    broken = []
    for path, page in parsed.items():
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("mailto:", "//", "javascript:")):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target == PDF_COPY:
                continue  # the printed book, copied in by `make pdf`: its own test, in the pdf tier
            if not target.exists():
                broken.append(f"{path.relative_to(SITE.resolve())}: {href} (no file)")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if parts.fragment not in ids:
                    broken.append(f"{path.relative_to(SITE.resolve())}: {href} (no anchor)")
    assert not broken, "\n".join(broken[:50])


def test_the_pages_that_offer_the_pdf_find_it_in_the_site(site_pages, pdf_file):
    offering = [p for p in site_pages if "book.pdf" in p.read_text(encoding="utf-8")]
    assert offering, "no page links to the PDF"
    assert PDF_COPY.exists(), f"no {PDF_COPY.name} in the site: run `make pdf`"
    assert PDF_COPY.read_bytes() == pdf_file.read_bytes()


def test_every_citation_resolves_to_a_dataset_source():
    keys = set(load.sources()["source_id"])
    cited = set()
    for notebook in paths.CHAPTERS_DIR.glob("*.ipynb"):
        cited |= set(re.findall(r"\{cite:[pt]\}`([^`]+)`", notebook.read_text(encoding="utf-8")))
    cited = {k.strip() for group in cited for k in group.split(",")}
    assert cited, "the chapters cite nothing"
    assert cited <= keys, f"unknown citation keys: {sorted(cited - keys)}"


def test_every_http_url_is_explained_in_the_data_readme():
    sources = load.sources()
    http = set(sources.loc[sources["url"].str.startswith("http://", na=False), "source_id"])
    readme = (paths.DATA_DIR / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Urls", 1)[1].split("\n## ", 1)[0]
    assert set(re.findall(r"`([a-z0-9]+)`", section)) == http
