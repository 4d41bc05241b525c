"""Every page of the built book is valid HTML according to the Nu HTML Checker (vnu), errors only.

The checker comes from the npm package vnu-jar, locked in package-lock.json and installed by
`make test`; it needs a Java runtime, which `make system-deps` installs when missing.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest


def vnu_errors(vnu: Path, files: list[Path]) -> list[str]:
    """Run the checker on `files`; returns one 'file:line: message' string per error."""
    done = subprocess.run(
        ["java", "-jar", str(vnu), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(done.stderr or done.stdout)["messages"]
    return [
        f"{Path(m['url'].removeprefix('file:')).name}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
    ]


def test_every_built_page_is_valid_html(site_pages, built_site, vnu):
    pages = site_pages
    names = {p.relative_to(built_site).as_posix() for p in pages}
    assert {
        "index.html",
        "search.html",
        "chapters/00_intro.html",
        "chapters/03_anti_bullying.html",
    } <= names
    errors = vnu_errors(vnu, pages)
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors)


class Translator:
    """Just enough of Sphinx's HTML translator for a node visitor to write into."""

    def __init__(self):
        self.body: list[str] = []


def toggle_markup(visit, depart) -> str:
    from myst_nb.sphinx_ import HideCodeCellNode  # imports Sphinx: only where a test needs it

    node = HideCodeCellNode(
        prompt_show="Show code cell source", prompt_hide="Hide code cell source"
    )
    node["classes"].append("above-input")
    writer = Translator()
    visit(writer, node)
    writer.body.append("<pre>code</pre>\n")
    depart(writer, node)
    return "".join(writer.body)


def page(body: str) -> str:
    return f'<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><div>{body}</div></body></html>'


def test_checker_flags_the_upstream_markup_that_html_fixes_replaces(tmp_path, vnu):
    """MyST-NB's code toggle and sphinx-external-toc's bare redirect are errors; the extension's are not."""
    import html_fixes
    from myst_nb.sphinx_ import depart_HideCellInput, visit_HideCellInput

    upstream = {
        "toggle.html": page(toggle_markup(visit_HideCellInput, depart_HideCellInput)),
        "index.html": '<meta http-equiv="Refresh" content="0; url=chapters/00_intro.html" />\n',
    }
    fixed = {
        "toggle.html": page(toggle_markup(html_fixes.visit_hide_cell, html_fixes.depart_hide_cell)),
        "index.html": html_fixes.REDIRECT_PAGE.format(target="chapters/00_intro.html"),
    }
    for name, text in upstream.items():
        (tmp_path / "upstream").mkdir(exist_ok=True)
        (tmp_path / "upstream" / name).write_text(text, encoding="utf-8")
    before = vnu_errors(vnu, sorted((tmp_path / "upstream").iterdir()))
    assert any("toggle.html" in e and "summary" in e for e in before), before
    assert any("index.html" in e and "doctype" in e.lower() for e in before), before
    for name, text in fixed.items():
        (tmp_path / "fixed").mkdir(exist_ok=True)
        (tmp_path / "fixed" / name).write_text(text, encoding="utf-8")
    assert vnu_errors(vnu, sorted((tmp_path / "fixed").iterdir())) == []
    assert "aria-label" not in fixed["toggle.html"]


@pytest.mark.parametrize("page", ["chapters/03_anti_bullying.html", "chapters/07_synthesis.html"])
def test_code_toggles_keep_their_two_labels(page, built_site):
    """With the extension's visitor, each toggle still carries its 'show' and 'hide' label."""
    html = (built_site / page).read_text(encoding="utf-8")
    shows = html.count('<span class="collapsed admonition-title">')
    hides = html.count('<span class="expanded admonition-title">')
    assert shows > 0 and shows == hides
    assert '<p class="collapsed admonition-title">' not in html
