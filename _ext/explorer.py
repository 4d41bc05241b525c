"""Sphinx extension: the "Explore the record" page's data and table library, made at build time.

The page (`chapters/explore.md`) holds the form and an empty table. This extension gives that page,
and no other, its scripts and styles: DataTables from the npm packages locked in
`package-lock.json` (copied into the site, never loaded from another host), the record written
from the tidy tables by `explorer_record` (beside this file) (a script assigning one global, so the page
works from `file://`), and the page's own script and styles (`_ext/explorer_page/`). All are
written into `_static/explorer/` of the built site before any page is written; the page's own
files are not kept in `_static/`, because Jupyter Book adds every script and stylesheet found there
to every page of the book.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

PAGE = "chapters/explore"
FOLDER = "explorer"  # under _static/ in the built site
HERE = Path(__file__).resolve().parent
VENDOR = HERE / "explorer_page" / "vendor"
# What the page loads besides its record, by the name it takes in the site: DataTables' built files,
# vendored from the npm packages that package-lock.json pins (a test keeps them identical), then the
# page's own script and styles.
FILES = {
    "dataTables.min.js": VENDOR / "dataTables.min.js",
    "dataTables.dataTables.min.css": VENDOR / "dataTables.dataTables.min.css",
    "explorer.js": HERE / "explorer_page" / "explorer.js",
    "explorer.css": HERE / "explorer_page" / "explorer.css",
}
RECORD = "record.js"
CSS = [f"{FOLDER}/dataTables.dataTables.min.css", f"{FOLDER}/explorer.css"]
JS = [f"{FOLDER}/dataTables.min.js", f"{FOLDER}/{RECORD}", f"{FOLDER}/explorer.js"]


def write_assets(app: Sphinx) -> None:
    """Copy DataTables and the page's script and styles into the site and write the record, before
    any page is written, so that each link to them carries the checksum of what it points to."""
    if app.builder.name != "html":
        return
    missing = [str(p) for p in FILES.values() if not p.exists()]
    if missing:
        raise ExtensionError(f"the explorer page's files are missing: {', '.join(missing)}")
    from explorer_record import record_js

    target = Path(app.outdir) / "_static" / FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for name, source in FILES.items():
        if not (target / name).exists() or (target / name).read_bytes() != source.read_bytes():
            shutil.copyfile(source, target / name)
    text = record_js()
    path = target / RECORD
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def rewrite_the_page(app: Sphinx, env, added, changed, removed) -> list[str]:
    """The page is written on every build, so its links' checksums follow the record and scripts."""
    return [PAGE] if PAGE in env.found_docs and app.builder.name == "html" else []


def add_assets(app: Sphinx, pagename: str, templatename, context, doctree) -> None:
    """The explorer's styles and scripts, on its own page only (in order; deferred)."""
    if pagename != PAGE or app.builder.name != "html":
        return
    for css in CSS:
        app.add_css_file(css)
    for js in JS:
        app.add_js_file(js, loading_method="defer")


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", write_assets)
    app.connect("env-get-outdated", rewrite_the_page)
    app.connect("html-page-context", add_assets)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
