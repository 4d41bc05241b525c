"""After `jupyter-book build`: make the site self-contained.

Jupyter Book always loads sphinx-thebe, which points every page at a script on a CDN (unpkg) and,
on notebook pages, declares it twice (a console error). The book does not offer live code cells
(Binder launch links remain), so the thebe tags are removed from every page.
The theme also starts a first-time visitor in colour mode "" and then logs a console error while
resetting it to "auto"; the pages start in "auto" directly. Pages are rewritten only when something
changes.
Three accessibility fixes to markup the book does not control (found with axe-core, WCAG 2.1 AA):
bibliography entries use the deprecated role doc-biblioentry inside a role=list container (they
become list items), and the code-cell toggles and the search button carry an aria-label that hides
their visible text from their accessible name (the label is dropped, so the visible text names them);
the colour-mode button's decorative icons are hidden from assistive technology and lose the titles
that Font Awesome would turn into competing SVG labels.
Two fixes for HTML validity (found with the Nu HTML Checker): the code-cell toggles put <p> elements
inside <summary>, where only phrasing content is allowed (they become <span>; `_static/book.css` gives
them the same display rules), and the root redirect page Jupyter Book writes is a bare <meta> tag
(it becomes a complete document with a doctype, language, title and a visible link).
Sphinx keeps an existing copy of a static file on an incremental build even when the source has
changed, so the book's own static files are re-synchronised here.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from safetybook import paths

THEBE = [
    re.compile(r'<script>const THEBE_JS_URL = [^<]*</script>\s*'),
    re.compile(r'<script[^>]*src="[^"]*sphinx-thebe\.js[^"]*"[^>]*></script>\s*'),
    re.compile(r'<link[^>]*href="[^"]*sphinx-thebe\.css[^"]*"[^>]*/?>\s*'),
    re.compile(r'<script type="text/x-thebe-config">.*?</script>\s*', re.S),
]


THEME_ICON_TITLE = re.compile(r'(<i aria-hidden="true" class="theme-switch [^>]*?) title="[^"]*"')
SEARCH_BUTTON_LABEL = re.compile(r'(<button[^>]*search-button__button[^>]*?) aria-label="Search"')
SUMMARY_TITLE = re.compile(r'<p class="(collapsed|expanded) admonition-title">(.*?)</p>')
BARE_REDIRECT = re.compile(r'\A\s*<meta http-equiv="Refresh" content="0; url=([^"]+)" />\s*\Z')
REDIRECT_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Refresh" content="0; url={target}">
<title>Redirecting to the book</title>
</head>
<body>
<main>
<p><a href="{target}">Open the book</a></p>
</main>
</body>
</html>
"""


def clean(text: str) -> str:
    for pattern in THEBE:
        text = pattern.sub("", text)
    text = text.replace('localStorage.getItem("mode") || ""', 'localStorage.getItem("mode") || "auto"')
    text = text.replace('role="doc-biblioentry"', 'role="listitem"')
    text = text.replace(' aria-label="Toggle hidden content"', "")
    text = THEME_ICON_TITLE.sub(r"\1", text.replace('<i class="theme-switch ', '<i aria-hidden="true" class="theme-switch '))
    text = SUMMARY_TITLE.sub(r'<span class="\1 admonition-title">\2</span>', text)
    redirect = BARE_REDIRECT.match(text)
    if redirect:
        return REDIRECT_PAGE.format(target=redirect.group(1))
    return SEARCH_BUTTON_LABEL.sub(r"\1", text)


def sync_static(site: Path) -> int:
    """Copy the book's own static files over stale copies in the site; returns how many changed."""
    changed = 0
    for source in (paths.ROOT / "_static").rglob("*"):
        if source.is_file():
            target = site / "_static" / source.relative_to(paths.ROOT / "_static")
            if not target.exists() or target.read_bytes() != source.read_bytes():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(source.read_bytes())
                changed += 1
    return changed


def main(site: Path = paths.BUILD_DIR / "html") -> int:
    print(f"postbuild: refreshed {sync_static(site)} static file(s)")
    changed = 0
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = clean(text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed += 1
    print(f"postbuild: cleaned {changed} page(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
