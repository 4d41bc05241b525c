"""The published book in headless Chromium: every page loads cleanly, offline, accessibly, in both themes."""

from __future__ import annotations

import functools
import http.server
import io
import os
import shutil
import threading
from urllib.parse import urlsplit

import pytest
import yaml
from PIL import Image

from safetybook import paths

SITE = paths.BUILD_DIR / "html"
SHOTS = paths.BUILD_DIR / "screenshots"
CHROMIUM = os.environ.get("SAFETYBOOK_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
THEMATIC = {"02", "03", "04", "05", "06", "07"}
SEARCHES = {"WHO": "chapters/02_health", "Team GB": "chapters/05_sports", "Technology Coalition": "chapters/04_child_safety"}

pytestmark = pytest.mark.browser


def toc_pages() -> list[str]:
    toc = yaml.safe_load((paths.ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    assert (SITE / "index.html").exists(), "run `make book` first"
    handler = functools.partial(QuietHandler, directory=str(SITE))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}; `make system-deps` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def visit(browser, url: str, colour_scheme: str = "light"):
    """Open a page, recording console errors, failed requests and every host asked."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=colour_scheme)
    page = context.new_page()
    log = {"errors": [], "failed": [], "hosts": set()}
    page.on("console", lambda m: log["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: log["errors"].append(str(e)))
    page.on("requestfailed", lambda r: log["failed"].append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: log["failed"].append(f"{r.url} (HTTP {r.status})") if r.status >= 400 else None)
    page.on("request", lambda r: log["hosts"].add(urlsplit(r.url).netloc))
    page.goto(url, wait_until="networkidle")
    return context, page, log


@pytest.mark.parametrize("doc", toc_pages())
def test_page_loads_cleanly_offline_and_accessibly(server, browser, doc):
    context, page, log = visit(browser, f"{server}/{doc}.html")
    try:
        assert not log["errors"], f"console errors: {log['errors']}"
        assert not log["failed"], f"failed requests: {log['failed']}"
        assert log["hosts"] == {urlsplit(server).netloc}, f"requests to other hosts: {log['hosts']}"
        images = page.eval_on_selector_all("main img, article img", "els => els.map(e => [e.getAttribute('src'), e.getAttribute('alt')])")
        for src, alt in images:
            assert alt and alt.strip(), f"image without alt text: {src}"
            assert not alt.startswith("<Figure size"), f"placeholder alt text on {src}"
        levels = page.eval_on_selector_all("main h1, main h2, main h3, main h4, main h5, main h6",
                                           "els => els.map(e => Number(e.tagName[1]))")
        assert levels and levels[0] == 1, f"first heading is h{levels[:1]}"
        skips = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        assert not skips, f"heading levels skip: {skips}"
        assert page.locator("main").count() >= 1 and page.locator("nav").count() >= 1, "landmarks missing"
        assert page.evaluate("document.documentElement.lang"), "page has no language"
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{doc.replace('/', '__')}.png"), full_page=True)
    finally:
        context.close()


@pytest.mark.parametrize("doc", [d for d in toc_pages() if d.split("/")[-1][:2].isdigit() and d.split("/")[-1][:2] != "00"])
def test_figures_stay_legible_in_dark_mode(server, browser, doc):
    context, page, log = visit(browser, f"{server}/{doc}.html", colour_scheme="dark")
    try:
        page.evaluate("document.documentElement.dataset.theme = 'dark'; document.documentElement.dataset.mode = 'dark'")
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 255, 255)", "dark theme did not apply"
        figures = page.locator("figure img")
        assert figures.count() >= (3 if doc.split("/")[-1][:2] in THEMATIC else 1), f"{doc}: too few figures"
        for i in range(figures.count()):
            figure = figures.nth(i)
            figure.scroll_into_view_if_needed()
            shot = Image.open(io.BytesIO(figure.screenshot())).convert("L")
            frame = [shot.getpixel((x, y)) for x in range(2, shot.width - 2) for y in (2, shot.height - 3)]
            frame += [shot.getpixel((x, y)) for y in range(2, shot.height - 2) for x in (2, shot.width - 3)]
            assert min(frame) > 235, f"{doc}: figure {i} is not drawn on an opaque light background in dark mode"
            darkest, lightest = shot.getextrema()
            assert lightest - darkest > 150, f"{doc}: figure {i} has lost its contrast in dark mode"
    finally:
        context.close()


@pytest.mark.parametrize(("query", "expected"), sorted(SEARCHES.items()))
def test_search_finds_the_chapter(server, browser, query, expected):
    context, page, log = visit(browser, f"{server}/search.html?q={query.replace(' ', '+')}")
    try:
        page.wait_for_selector("#search-results ul.search li", timeout=15_000)
        hrefs = page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(e => e.getAttribute('href'))")
        assert any(expected in (h or "") for h in hrefs), f"search for {query!r} did not list {expected}: {hrefs[:10]}"
    finally:
        context.close()
