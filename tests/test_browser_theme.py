"""The published book in headless Chromium: figures legible in dark mode, and search finds the chapters."""

from __future__ import annotations

import io

import pytest
from book_layout import toc_docs
from browser_support import SEARCHES, THEMATIC, visit, wcag_violations
from PIL import Image


@pytest.mark.matrix  # the dark scheme: make test, not make check
@pytest.mark.parametrize(
    "doc",
    [d for d in toc_docs() if d.split("/")[-1][:2].isdigit() and d.split("/")[-1][:2] != "00"],
)
def test_figures_stay_legible_in_dark_mode(server, browser, doc):
    context, page, log = visit(
        browser, f"{server}/{doc}.html", colour_scheme="dark", wait_until="load"
    )
    try:
        page.evaluate(
            "document.documentElement.dataset.theme = 'dark'; document.documentElement.dataset.mode = 'dark'"
        )
        assert (
            page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 255, 255)"
        ), "dark theme did not apply"
        # a figure taller than the window would be photographed under the sticky header
        tallest = page.evaluate(
            "Math.max(...[...document.querySelectorAll('figure img')].map(i => i.offsetHeight))"
        )
        page.set_viewport_size({"width": 1280, "height": max(900, int(tallest) + 300)})
        figures = page.locator("figure img")
        assert figures.count() >= (3 if doc.split("/")[-1][:2] in THEMATIC else 1), (
            f"{doc}: too few figures"
        )
        for i in range(figures.count()):
            figure = figures.nth(i)
            figure.scroll_into_view_if_needed()
            shot = Image.open(io.BytesIO(figure.screenshot())).convert("L")
            frame = [
                shot.getpixel((x, y))
                for x in range(2, shot.width - 2)
                for y in (2, shot.height - 3)
            ]
            frame += [
                shot.getpixel((x, y))
                for y in range(2, shot.height - 2)
                for x in (2, shot.width - 3)
            ]
            assert min(frame) > 200, (
                f"{doc}: figure {i} is not drawn on an opaque light background in dark mode"
            )
            assert max(frame) < 240, f"{doc}: figure {i} glares (pure white) on the dark page"
            darkest, lightest = shot.getextrema()
            assert lightest - darkest > 150, f"{doc}: figure {i} has lost its contrast in dark mode"
        page.wait_for_timeout(
            400
        )  # let the theme's colour transitions finish before measuring contrast
        violations = wcag_violations(page)
        assert not violations, "WCAG 2.1 AA violations in dark mode (axe-core):\n" + "\n".join(
            violations
        )
    finally:
        context.close()


@pytest.mark.parametrize(("query", "expected"), sorted(SEARCHES.items()))
def test_search_finds_the_chapter(server, browser, query, expected):
    context, page, log = visit(browser, f"{server}/search.html?q={query.replace(' ', '+')}")
    try:
        page.wait_for_selector("#search-results ul.search li", timeout=15_000)
        hrefs = page.eval_on_selector_all(
            "#search-results ul.search li a", "els => els.map(e => e.getAttribute('href'))"
        )
        assert any(expected in (h or "") for h in hrefs), (
            f"search for {query!r} did not list {expected}: {hrefs[:10]}"
        )
    finally:
        context.close()
