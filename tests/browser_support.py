"""Shared by the browser tests: where photographs go, a page visitor and the axe-core check.

The fixtures (server, browser) are in conftest.py; Chromium's path and flags in
safetybook_tooling.chromium, shared with the PDF.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from safetybook import paths

SHOTS = paths.BUILD_DIR / "screenshots"
AXE = paths.ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
THEMATIC = {"02", "03", "04", "05", "06", "07"}
SEARCHES = {
    "WHO": "chapters/02_health",
    "Team GB": "chapters/05_sports",
    "Technology Coalition": "chapters/04_child_safety",
}


def visit(browser, url: str, colour_scheme: str = "light", wait_until: str = "networkidle"):
    """Open a page, recording console errors, failed requests and every host asked."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, color_scheme=colour_scheme
    )
    page = context.new_page()
    log = {"errors": [], "failed": [], "hosts": set()}
    page.on("console", lambda m: log["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: log["errors"].append(str(e)))
    page.on("requestfailed", lambda r: log["failed"].append(f"{r.url} ({r.failure})"))
    page.on(
        "response",
        lambda r: log["failed"].append(f"{r.url} (HTTP {r.status})") if r.status >= 400 else None,
    )
    page.on("request", lambda r: log["hosts"].add(urlsplit(r.url).netloc))
    page.goto(url, wait_until=wait_until)
    return context, page, log


def wcag_violations(page) -> list[str]:
    """axe-core's WCAG 2.1 A and AA violations on the page, one line each (rule and first offending element)."""
    assert AXE.exists(), "run `make test` (it installs axe-core with npm ci)"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{v['id']} ({len(v['nodes'])}x): {v['nodes'][0]['html'][:160]}"
        for v in result["violations"]
    ]
