"""Every page of the built book is valid HTML according to the Nu HTML Checker (vnu), errors only.

The checker comes from the npm package vnu-jar, locked in package-lock.json and installed by
`make test`; it needs a Java runtime, which `make system-deps` installs when missing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from safetybook import paths, postbuild

VNU = paths.ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SITE = paths.BUILD_DIR / "html"


def vnu_errors(files: list[Path]) -> list[str]:
    """Run the checker on `files`; returns one 'file:line: message' string per error."""
    assert VNU.exists(), "run `make test` (it installs the Nu HTML Checker with npm ci)"
    assert shutil.which("java"), "run `make system-deps` (the Nu HTML Checker needs a Java runtime)"
    done = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                          capture_output=True, text=True, check=False)
    messages = json.loads(done.stderr or done.stdout)["messages"]
    return [f"{Path(m['url'].removeprefix('file:')).name}:{m.get('lastLine', '?')}: {m['message']}" for m in messages]


def built_pages() -> list[Path]:
    pages = sorted(p for p in SITE.rglob("*.html") if "_static" not in p.parts)
    assert pages, "build the book first (`make html`)"
    return pages


def test_every_built_page_is_valid_html():
    pages = built_pages()
    names = {p.relative_to(SITE).as_posix() for p in pages}
    assert {"index.html", "search.html", "chapters/00_intro.html", "chapters/03_anti_bullying.html"} <= names
    errors = vnu_errors(pages)
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors)


def test_checker_reports_the_errors_postbuild_repairs(tmp_path):
    """The two defects postbuild repairs are real errors to the checker, and gone after repair."""
    broken = tmp_path / "broken.html"
    broken.write_text('<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><div class="cell">'
                      '<details class="hide above-input"><summary>\n<p class="collapsed admonition-title">Show</p>\n'
                      '<p class="expanded admonition-title">Hide</p>\n</summary><p>code</p></details></div></body></html>',
                      encoding="utf-8")
    redirect = tmp_path / "index.html"
    redirect.write_text('<meta http-equiv="Refresh" content="0; url=chapters/00_intro.html" />\n', encoding="utf-8")
    before = vnu_errors([broken, redirect])
    assert any("broken.html" in e and "summary" in e for e in before), before
    assert any("index.html" in e and "doctype" in e.lower() for e in before), before
    for page in (broken, redirect):
        page.write_text(postbuild.clean(page.read_text(encoding="utf-8")), encoding="utf-8")
    assert vnu_errors([broken, redirect]) == []
    assert 'href="chapters/00_intro.html"' in redirect.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", ["chapters/03_anti_bullying.html", "chapters/07_synthesis.html"])
def test_code_toggles_keep_their_two_labels(page):
    """After the <p> to <span> repair, each toggle still carries its 'show' and 'hide' label."""
    html = (SITE / page).read_text(encoding="utf-8")
    shows = html.count('<span class="collapsed admonition-title">')
    hides = html.count('<span class="expanded admonition-title">')
    assert shows > 0 and shows == hides
    assert '<p class="collapsed admonition-title">' not in html
