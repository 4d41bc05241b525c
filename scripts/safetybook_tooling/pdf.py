"""make pdf: the whole book as one printable PDF.

The single-page HTML build is printed by Debian's Chromium through Playwright, with the print
stylesheet `print.css` beside this module: a title page with the version, its date and the record's
collection date, a table of contents with page numbers, every chapter on a new page, page numbers
and the edition in the margins, PDF bookmarks from the headings (one per heading), and no web
chrome. The contents need the page on which each chapter starts, so the book is printed twice: once
to find those pages, once with them filled in.

The PDF must work away from the machine that printed it, so before printing, every link is made
either internal to the PDF (a cross-reference to a heading, figure or table it holds) or an address
on the published site (`safetybook.release`: figure data, downloads, the explorer's views, the PDF
itself); a link to a file that the site does not hold stops the build. Figures are printed at 150
pixels per inch or more (never wider than their pixels allow) and never taller than a page, so they
are kept whole.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from safetybook import paths, release
from safetybook.dataset import collection_date
from safetybook.formatting import long_date
from safetybook_tooling.chromium import ARGS, CHROMIUM

PDF = paths.BUILD_DIR / "pdf" / "book.pdf"
SITE_PDF = "book.pdf"  # the PDF's address on the site (_ext/release_info.py links it)
SITE_COPY = paths.BUILD_DIR / "html" / SITE_PDF
SINGLE = paths.BUILD_DIR / "singlehtml"
PRINT_CSS = Path(__file__).with_name("print.css")
# The root document's title, then each chapter's: the single page nests every chapter in a toctree
# wrapper and demotes its title to an h2.
CHAPTER_TITLES = "main section > h1, main .toctree-wrapper > section > h2"
SITE_BUILD = paths.BUILD_DIR / "html"
MIN_PPI = 150
CSS_PX_PER_INCH = 96


def root_page() -> Path:
    """The single-page build's document itself (its index.html is only a redirect to it)."""
    return SINGLE / f"{root_doc()}.html"


def printable_page() -> Path:
    """The single page at the build's root: Sphinx writes it in `chapters/` with links relative to
    the root (`_static/`, `_images/`), so it is printed from a copy where those links resolve."""
    target = SINGLE / "book.html"
    shutil.copyfile(root_page(), target)
    return target


def citation() -> dict:
    return yaml.safe_load(paths.CITATION_FILE.read_text(encoding="utf-8"))


def edition_line(edition: release.Edition, collected: dt.date) -> str:
    """ "Version 0.2.0, 5 December 2026. The record is collected to 30 June 2026." """
    return (
        f"Version {edition.version}, {long_date(edition.released)}."
        f" The record is collected to {long_date(collected)}."
    )


def title_page(cff: dict, edition: release.Edition, collected: dt.date) -> str:
    authors = ", ".join(a.get("name", "") for a in cff["authors"])
    return (
        '<section class="pdf-title-page">'
        f'<p class="pdf-title">{html.escape(cff["title"])}</p>'
        f'<p class="pdf-abstract">{html.escape(" ".join(cff["abstract"].split()))}</p>'
        f'<p class="pdf-authors">{html.escape(authors)}</p>'
        f'<p class="pdf-version">{html.escape(edition_line(edition, collected))}</p>'
        f'<p class="pdf-url">{html.escape(edition.site)}</p>'
        '<p class="pdf-licence">Text and data: CC BY 4.0. Code: MIT.</p>'
        "</section>"
    )


def contents(titles: list[str], pages: list[str]) -> str:
    rows = "".join(
        f'<li><span class="pdf-entry">{html.escape(t)}</span>'
        f'<span class="pdf-page">{html.escape(p)}</span></li>'
        for t, p in zip(titles, pages, strict=True)
    )
    return (
        f'<nav class="pdf-contents"><p class="pdf-contents-title">Contents</p><ol>{rows}</ol></nav>'
    )


def squeeze(text: str) -> str:
    return re.sub(r"[\s\u00ad#]+", "", text).replace("\u2019", "'")


def start_pages(pdf: Path, titles: list[str]) -> list[int]:
    """The page (1-based) on which each chapter starts: the root document right after the contents
    (whose last page is the first that names the last chapter), then for each chapter the first
    later page that opens with its title."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = [squeeze(p) for p in text.split("\f")]
    last = squeeze(titles[-1])
    start = next(i for i, p in enumerate(pages) if last in p) + 1
    found = [start + 1]  # the root document opens the book, right after the contents
    for title in titles[1:]:
        key = squeeze(title)
        index = next((i for i in range(start, len(pages)) if pages[i].startswith(key)), None)
        if index is None:
            raise RuntimeError(f"make pdf: chapter {title!r} not found in the printed book")
        found.append(index + 1)
        start = index
    return found


FOOTER = (
    '<div style="font-size:8px;width:100%;padding:0 15mm;color:#444;display:flex;'
    'justify-content:space-between;font-family:sans-serif;gap:4mm">'
    "<span>{edition}</span>"
    '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>'
)


def footer(edition: release.Edition, collected: dt.date) -> str:
    return FOOTER.format(edition=html.escape(edition_line(edition, collected)))


# Links as Sphinx writes them in the single page, made to work in a PDF read anywhere: a heading,
# figure or table the PDF holds becomes an internal link; anything else an address on the site.
# Sphinx writes its own links (class "reference") relative to the build's root; links written by
# hand in a page are relative to the page's folder. Ids repeated across chapters ("the-record") are
# made unique per chapter, and a chapter's own links to them follow, so each heading is one
# bookmark and every internal link lands in its own chapter.
LINKS_JS = """
([site, self, folder]) => {
  const chapters = [...document.querySelectorAll('main .toctree-wrapper > section')];
  const owner = (el) => chapters.findIndex((c) => c.contains(el));
  const count = {};
  document.querySelectorAll('[id]').forEach((el) => { count[el.id] = (count[el.id] || 0) + 1; });
  const renamed = {};
  document.querySelectorAll('[id]').forEach((el) => {
    if (count[el.id] < 2) return;
    const old = el.id, index = owner(el);
    el.id = `c${index + 1}-${old}`;
    (renamed[old] = renamed[old] || {})[index] = el.id;
  });
  const internal = (a, fragment) => {
    const id = decodeURIComponent(fragment);
    if (renamed[id]) {
      const mine = renamed[id][owner(a)];
      return mine ? '#' + mine : null;
    }
    return document.getElementById(id) ? '#' + fragment : null;
  };
  const published = [];
  for (const a of document.querySelectorAll('a[href]')) {
    const raw = a.getAttribute('href');
    if (raw === '#' || a.getClientRects().length === 0) {  // the page's own top; a hidden link
      a.removeAttribute('href');
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) continue;
    if (raw.startsWith('#')) {
      const target = internal(a, raw.slice(1));
      if (target) { a.setAttribute('href', target); continue; }
    }
    const fromRoot = a.classList.contains('reference') ? raw : null;
    const url = new URL(fromRoot ?? raw, 'http://book/' + (fromRoot === null ? folder : ''));
    const path = url.pathname.slice(1);
    if (path === self && url.hash) {
      const target = internal(a, url.hash.slice(1));
      if (target) { a.setAttribute('href', target); continue; }
    }
    a.setAttribute('href', site + path + url.search + url.hash);
    published.push(path);
  }
  return published;
}
"""

# Each figure no wider than its pixels allow at MIN_PPI, and no taller than a page's text.
FIGURES_JS = """
([cssPxPerInch, ppi]) => Promise.all([...document.querySelectorAll('main img')].map(async (img) => {
  if (!img.complete) await new Promise((done) => { img.onload = img.onerror = done; });
  if (!img.naturalWidth) return;
  img.style.maxWidth = `min(100%, ${(img.naturalWidth * cssPxPerInch) / ppi}px)`;
  img.style.maxHeight = `min(200mm, ${(img.naturalHeight * cssPxPerInch) / ppi}px)`;
  img.style.width = 'auto';
  img.style.height = 'auto';
}))
"""


def publish_links(page, edition: release.Edition) -> None:
    """Make every link internal to the PDF or an address on the site; stop when the site lacks it."""
    self = f"{root_doc()}.html"
    folder = self.rsplit("/", 1)[0] + "/" if "/" in self else ""
    published = page.evaluate(LINKS_JS, [edition.site, self, folder])
    missing = sorted({p for p in published if not (SITE_BUILD / p).is_file()} - {SITE_PDF})
    if missing:
        raise RuntimeError(
            f"make pdf: {len(missing)} link(s) to files the site does not hold, e.g. {missing[:5]}"
        )


HEADINGS_JS = """() => [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')]
  .filter((h) => h.getClientRects().length)
  .map((h) => [...h.childNodes].filter((n) => !(n.classList && n.classList.contains('headerlink')))
    .map((n) => n.textContent).join('').replace(/\\s+/g, ' ').trim())"""


def _outline_items(node):
    """The outline's items in document order (depth first), as pypdf dictionaries."""
    item = node.get("/First")
    while item is not None:
        item = item.get_object()
        yield item
        yield from _outline_items(item)
        item = item.get("/Next")


def retitle_outline(pdf: Path, headings: list[str]) -> None:
    """One bookmark per heading, titled as the heading reads: Chromium builds the outline from the
    headings' laid-out lines, so a heading pushed to the next page is named twice and a wrapped one
    loses the space at its line break; its items are in the headings' order, so each takes its
    heading's text (and the build stops if the two lists do not match)."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=str(pdf))
    items = list(_outline_items(writer._root_object["/Outlines"].get_object()))
    if len(items) != len(headings):
        raise RuntimeError(f"make pdf: {len(items)} bookmarks for {len(headings)} headings")
    for item, heading in zip(items, headings, strict=True):
        if squeeze(heading) not in squeeze(str(item["/Title"])):
            raise RuntimeError(f"make pdf: bookmark {item['/Title']!r} is not {heading!r}")
        item[NameObject("/Title")] = TextStringObject(heading)
    with pdf.open("wb") as out:
        writer.write(out)


def root_doc() -> str:
    toc = yaml.safe_load((paths.ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return toc["root"]


def print_book(page, target: Path, edition: release.Edition, collected: dt.date) -> None:
    page.pdf(
        path=str(target),
        format="A4",
        margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
        print_background=True,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=footer(edition, collected),
        outline=True,
        tagged=True,
    )


def render(source: Path, target: Path) -> None:
    from playwright.sync_api import sync_playwright

    cff = citation()
    edition = release.edition()
    collected = collection_date(paths.DATA_DIR).date()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page()
        page.goto(source.as_uri(), wait_until="load")
        page.emulate_media(media="print")
        page.add_style_tag(content=PRINT_CSS.read_text(encoding="utf-8"))
        publish_links(page, edition)
        page.evaluate(FIGURES_JS, [CSS_PX_PER_INCH, MIN_PPI])
        titles = page.eval_on_selector_all(
            CHAPTER_TITLES, "els => els.map(e => e.innerText.replace(/#$/, '').trim())"
        )
        if len(titles) < 2:
            raise RuntimeError(f"make pdf: no chapter titles ({CHAPTER_TITLES}) in the single page")
        front = title_page(cff, edition, collected) + contents(titles, ["0000"] * len(titles))
        page.evaluate(
            "html => document.querySelector('main').insertAdjacentHTML('afterbegin', html)", front
        )
        with tempfile.TemporaryDirectory() as tmp:
            draft = Path(tmp) / "draft.pdf"
            print_book(page, draft, edition, collected)
            numbers = start_pages(draft, titles)
        page.evaluate(
            """numbers => document.querySelectorAll('.pdf-contents .pdf-page')
                .forEach((e, i) => { e.textContent = numbers[i]; })""",
            [str(n) for n in numbers],
        )
        print_book(page, target, edition, collected)
        retitle_outline(target, page.evaluate(HEADINGS_JS))
        browser.close()


def main() -> int:
    jb = (
        [sys.executable, "-m", "jupyter_book.cli.main"]
        if shutil.which("jupyter-book") is None
        else ["jupyter-book"]
    )
    subprocess.run(
        [*jb, "build", str(paths.ROOT), "--builder", "singlehtml", "-W", "-n", "--keep-going"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    PDF.parent.mkdir(parents=True, exist_ok=True)
    render(printable_page(), PDF)
    if SITE_COPY.parent.is_dir():
        shutil.copyfile(PDF, SITE_COPY)  # published with the site
    print(f"make pdf: wrote {PDF}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
