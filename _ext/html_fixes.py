"""Sphinx extension: markup fixes for Jupyter Book 1.x pages, each made where its markup is produced.

Every fix here was found by axe-core (WCAG 2.1 AA) or the Nu HTML Checker on the built book; the
tests in `tests/test_html_valid.py` and the browser tests are the acceptance check. Two more fixes
live in configuration: `_templates/` overrides two theme components, and `_config.yml` lists the
Sphinx extensions without sphinx-thebe (no script from a CDN) and starts pages in colour mode auto.
One more is a script: `_static/sidebar-toggles.js` makes the theme's menu and contents buttons work
(pydata-sphinx-theme#2451); Jupyter Book includes every script in `_static` in every page.
"""

from __future__ import annotations

import shutil
from html import escape
from pathlib import Path

from docutils import nodes
from myst_nb.sphinx_ import HideCodeCellNode
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

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


def visit_hide_cell(self, node: HideCodeCellNode) -> None:
    """Code-cell toggle with `<span>` titles and its visible text as its name.

    MyST-NB 1.4.0 (`myst_nb/sphinx_.py`, `visit_HideCellInput`) puts `<p>` inside `<summary>`, where
    only phrasing content is allowed (Nu HTML Checker), and an aria-label that hides the visible
    text from the accessible name (axe-core, label-content-name-mismatch).
    """
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    self.body.append(
        f'<span class="collapsed admonition-title">{escape(node["prompt_show"])}</span>\n'
    )
    self.body.append(
        f'<span class="expanded admonition-title">{escape(node["prompt_hide"])}</span>\n'
    )
    self.body.append("</summary>\n")


def depart_hide_cell(self, node: HideCodeCellNode) -> None:
    self.body.append("</details>\n")


def visit_citation(self, node: nodes.citation) -> None:
    """docutils 0.21's visitor with list items: its role doc-biblioentry is deprecated (axe-core)."""
    if not isinstance(node.previous_sibling(), type(node)):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def depart_citation(self, node: nodes.citation) -> None:
    self.body.append("</div>\n")
    if not isinstance(node.next_node(descend=False, siblings=True), type(node)):
        self.body.append("</div>\n")


def write_redirect_page(app: Sphinx, exception: Exception | None) -> None:
    """A complete root page instead of sphinx-external-toc 1.1.0's bare `<meta>` redirect.

    Connected before sphinx-external-toc's `ensure_index_file`, which then finds the page present.
    """
    if exception is not None or app.builder.name != "html" or app.config.root_doc == "index":
        return
    target = app.builder.get_target_uri(app.config.root_doc)
    Path(app.outdir, "index.html").write_text(
        REDIRECT_PAGE.format(target=escape(target)), encoding="utf-8"
    )


def copy_static_files(app: Sphinx, exception: Exception | None) -> None:
    """Copy the book's static files into the site on every build.

    Sphinx 7.4 skips its static copy when no document is out of date (sphinx-doc/sphinx#1810, fixed in
    Sphinx 8.2, which Jupyter Book 1.x does not allow), so an edited stylesheet would stay stale.
    """
    if exception is not None or app.builder.format != "html":
        return
    for folder in app.config.html_static_path:  # extensions add their own folders; copy the book's
        source = Path(app.confdir, folder)
        if source.is_dir() and Path(app.confdir) in source.resolve().parents:
            shutil.copytree(source, Path(app.outdir, "_static"), dirs_exist_ok=True)


class OpenDropdownsForPrint(SphinxPostTransform):
    """In the single-page build that `make pdf` prints, every folded list is printed open: a closed
    `<details>` prints only its summary, and a reader of the PDF cannot unfold it."""

    default_priority = 900
    builders = ("singlehtml",)

    def run(self, **kwargs) -> None:
        from sphinx_design.dropdown import dropdown_main

        for node in self.document.findall(dropdown_main):
            node["opened"] = True


def setup(app: Sphinx) -> dict:
    app.add_node(HideCodeCellNode, override=True, html=(visit_hide_cell, depart_hide_cell))
    app.add_node(nodes.citation, override=True, html=(visit_citation, depart_citation))
    app.add_post_transform(OpenDropdownsForPrint)
    app.connect("build-finished", write_redirect_page, priority=400)
    app.connect("build-finished", copy_static_files)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
