"""make pdf: the whole book as one printable PDF.

The single-page HTML build is printed by Debian's Chromium through Playwright, with the print
stylesheet `print.css` beside this module: a title page with the version and date, a table of
contents with page numbers, every chapter on a new page, page numbers and a running title in the
margins, PDF bookmarks from the headings, and no web chrome. The contents need the page on which each
chapter starts, so the book is printed twice: once to find those pages, once with them filled in.
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

from safetybook import paths
from safetybook.formatting import long_date
from safetybook_tooling.chromium import ARGS, CHROMIUM

PDF = paths.BUILD_DIR / "pdf" / "book.pdf"
SITE_COPY = paths.BUILD_DIR / "html" / "book.pdf"
SINGLE = paths.BUILD_DIR / "singlehtml"
PRINT_CSS = Path(__file__).with_name("print.css")
# The root document's title, then each chapter's: the single page nests every chapter in a toctree
# wrapper and demotes its title to an h2.
CHAPTER_TITLES = "main section > h1, main .toctree-wrapper > section > h2"


def root_page() -> Path:
    """The single-page build's document itself (its index.html is only a redirect to it)."""
    toc = yaml.safe_load((paths.ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return SINGLE / f"{toc['root']}.html"


def printable_page() -> Path:
    """The single page at the build's root: Sphinx writes it in `chapters/` with links relative to
    the root (`_static/`, `_images/`), so it is printed from a copy where those links resolve."""
    target = SINGLE / "book.html"
    shutil.copyfile(root_page(), target)
    return target


def citation() -> dict:
    return yaml.safe_load(paths.CITATION_FILE.read_text(encoding="utf-8"))


def title_page(cff: dict) -> str:
    authors = ", ".join(a.get("name", "") for a in cff["authors"])
    return (
        '<section class="pdf-title-page">'
        f'<p class="pdf-title">{html.escape(cff["title"])}</p>'
        f'<p class="pdf-abstract">{html.escape(" ".join(cff["abstract"].split()))}</p>'
        f'<p class="pdf-authors">{html.escape(authors)}</p>'
        f'<p class="pdf-version">Version {html.escape(cff["version"])}, '
        f"{long_date(dt.date.fromisoformat(str(cff['date-released'])))}</p>"
        f'<p class="pdf-url">{html.escape(cff["url"])}</p>'
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
    'justify-content:space-between;font-family:sans-serif">'
    "<span>{title}, version {version}</span>"
    '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>'
)


def print_book(page, target: Path, cff: dict) -> None:
    page.pdf(
        path=str(target),
        format="A4",
        margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
        print_background=True,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=FOOTER.format(
            title=html.escape(cff["title"]), version=html.escape(cff["version"])
        ),
        outline=True,
        tagged=True,
    )


def render(source: Path, target: Path) -> None:
    from playwright.sync_api import sync_playwright

    cff = citation()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page()
        page.goto(source.as_uri(), wait_until="load")
        page.emulate_media(media="print")
        page.add_style_tag(content=PRINT_CSS.read_text(encoding="utf-8"))
        titles = page.eval_on_selector_all(
            CHAPTER_TITLES, "els => els.map(e => e.innerText.replace(/#$/, '').trim())"
        )
        if len(titles) < 2:
            raise RuntimeError(f"make pdf: no chapter titles ({CHAPTER_TITLES}) in the single page")
        front = title_page(cff) + contents(titles, ["0000"] * len(titles))
        page.evaluate(
            "html => document.querySelector('main').insertAdjacentHTML('afterbegin', html)", front
        )
        with tempfile.TemporaryDirectory() as tmp:
            draft = Path(tmp) / "draft.pdf"
            print_book(page, draft, cff)
            numbers = start_pages(draft, titles)
        page.evaluate(
            """numbers => document.querySelectorAll('.pdf-contents .pdf-page')
                .forEach((e, i) => { e.textContent = numbers[i]; })""",
            [str(n) for n in numbers],
        )
        print_book(page, target, cff)
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
