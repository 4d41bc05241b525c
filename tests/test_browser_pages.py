"""Every page of the published book loads cleanly, offline and accessibly in headless Chromium."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from book_layout import toc_docs
from browser_support import visit, wcag_violations


@pytest.mark.parametrize("doc", toc_docs())
def test_page_loads_cleanly_offline_and_accessibly(server, browser, doc):
    context, page, log = visit(browser, f"{server}/{doc}.html")
    try:
        assert not log["errors"], f"console errors: {log['errors']}"
        assert not log["failed"], f"failed requests: {log['failed']}"
        assert log["hosts"] == {urlsplit(server).netloc}, f"requests to other hosts: {log['hosts']}"
        images = page.eval_on_selector_all(
            "main img, article img",
            "els => els.map(e => [e.getAttribute('src'), e.getAttribute('alt')])",
        )
        for src, alt in images:
            assert alt and alt.strip(), f"image without alt text: {src}"
            assert not alt.startswith("<Figure size"), f"placeholder alt text on {src}"
        levels = page.eval_on_selector_all(
            "main h1, main h2, main h3, main h4, main h5, main h6",
            "els => els.map(e => Number(e.tagName[1]))",
        )
        assert levels and levels[0] == 1, f"first heading is h{levels[:1]}"
        skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        assert not skips, f"heading levels skip: {skips}"
        assert page.locator("main").count() >= 1 and page.locator("nav").count() >= 1, (
            "landmarks missing"
        )
        assert page.evaluate("document.documentElement.lang"), "page has no language"
        violations = wcag_violations(page)
        assert not violations, "WCAG 2.1 AA violations (axe-core):\n" + "\n".join(violations)
    finally:
        context.close()
