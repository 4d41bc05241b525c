"""Every number the prose glues renders exactly as the notebook computed it, on the site and in the PDF."""

from __future__ import annotations

import ast
import html
import re

import nbformat
import pytest
from book_layout import notebook_docs

from safetybook import paths

GLUE_ROLE = re.compile(r"\{glue:text\}`([^`]+)`")
TEXT_KEY = "application/papermill.record/text/plain"
MARKDOWN_KEY = "application/papermill.record/text/markdown"
PASTED = re.compile(r'<span class="pasted-text">(.*?)</span>', re.S)
# Any way a page places a glued value: a role ({glue:text}`name`, {glue}`nb.ipynb::name`) or a
# directive (```{glue:figure} name, :::{glue} name).
PLACED = re.compile(r"\{glue(?::\w+)?\}`([^`]+)`|(?:```|:::)\{glue(?::\w+)?\}\s+(\S+)")


def glued_values(doc: str) -> dict[str, str]:
    """What each `glue.say` in a notebook glued, as the text a reader should see."""
    notebook = nbformat.read(paths.ROOT / f"{doc}.ipynb", as_version=4)
    values = {}
    for cell in notebook.cells:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            data = output.get("data", {})
            plain = data.get(TEXT_KEY)
            text_only = set(data) <= {TEXT_KEY, MARKDOWN_KEY}  # text, not a figure or table
            if name and plain is not None and text_only:
                values[name] = plain
    return values


def expected_text(plain: str) -> str:
    """What MyST-NB shows for a glued text/plain value (it reads the value as a Python literal)."""
    try:
        return str(ast.literal_eval(plain))
    except (SyntaxError, ValueError):
        return plain


def typographic(text: str) -> str:
    """Sphinx's smart quotes turn ' and " into curly ones; numbers and words are untouched."""
    return text.translate(
        str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
    )


def roles_in_order(doc: str) -> list[str]:
    notebook = nbformat.read(paths.ROOT / f"{doc}.ipynb", as_version=4)
    return [
        n for c in notebook.cells if c.cell_type == "markdown" for n in GLUE_ROLE.findall(c.source)
    ]


def glued_names() -> dict[str, str]:
    """Every name the committed notebooks glue (a number, a phrase, a table or a figure), with its
    notebook."""
    found = {}
    for doc in notebook_docs():
        notebook = nbformat.read(paths.ROOT / f"{doc}.ipynb", as_version=4)
        for cell in notebook.cells:
            for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
                name = output.get("metadata", {}).get("scrapbook", {}).get("name")
                if name:
                    found[name] = doc
    return found


def placed_names() -> set[str]:
    """Every glued name some page places, in a notebook's Markdown or a Markdown page."""
    texts = [
        c.source
        for path in sorted(paths.CHAPTERS_DIR.glob("*.ipynb"))
        for c in nbformat.read(path, as_version=4).cells
        if c.cell_type == "markdown"
    ] + [p.read_text(encoding="utf-8") for p in sorted(paths.CHAPTERS_DIR.glob("*.md"))]
    return {
        (role or directive).split("::")[-1].strip()
        for text in texts
        for role, directive in PLACED.findall(text)
    }


def test_every_glued_value_is_placed_in_some_pages_prose():
    """A value glued but never placed is dead code: its computation runs on every build for nothing."""
    glued = glued_names()
    assert len(glued) >= 250, f"only {len(glued)} glued names found"
    placed = placed_names()
    unused = {name: doc for name, doc in glued.items() if name not in placed}
    assert not unused, f"glued but placed on no page: {unused}"


def test_the_placement_check_reads_roles_and_directives():
    text = "{glue:text}`a` and {glue}`02_health.ipynb::b`\n```{glue:figure} c\n:name: c\n```"
    assert {(r or d).split("::")[-1] for r, d in PLACED.findall(text)} == {"a", "b", "c"}


@pytest.mark.parametrize("doc", notebook_docs())
def test_each_glued_value_is_a_quoted_string_that_renders_as_computed(doc):
    """A glued str must read back as itself: "10,000" must not become the tuple (10, 0)."""
    values = glued_values(doc)
    assert values, f"{doc} glues nothing"
    wrong = {
        n: (v, expected_text(v)) for n, v in values.items() if not isinstance(_literal(v), str)
    }
    assert not wrong, f"{doc}: glued values a reader would see changed: {wrong}"


def _literal(plain: str):
    try:
        return ast.literal_eval(plain)
    except (SyntaxError, ValueError):
        return None


@pytest.mark.parametrize("doc", notebook_docs())
def test_every_rendered_glued_value_equals_what_the_notebook_glued(doc, built_site):
    values = glued_values(doc)
    names = roles_in_order(doc)
    missing = sorted(set(names) - set(values))
    assert not missing, f"{doc}: prose uses names no cell glued: {missing}"
    page = (built_site / f"{doc}.html").read_text(encoding="utf-8")
    rendered = [typographic(html.unescape(re.sub(r"<[^>]+>", "", s))) for s in PASTED.findall(page)]
    assert len(rendered) == len(names), f"{doc}: {len(names)} glue roles, {len(rendered)} rendered"
    differ = [
        (name, expected_text(values[name]), shown)
        for name, shown in zip(names, rendered, strict=True)
        if shown != typographic(expected_text(values[name]))
    ]
    assert not differ, f"{doc}: (name, computed, rendered): {differ[:10]}"


def test_a_sample_of_glued_numbers_is_in_the_pdf(pdf_text):
    squeezed = pdf_text.replace(" ", "")
    sample = []
    for doc in notebook_docs():
        values = glued_values(doc)
        numbers = [expected_text(values[name]) for name in dict.fromkeys(roles_in_order(doc))]
        # numbers a reprint of "(10, 0)" would mangle first (thousands, decimals), then longer ones
        sample += [
            n for n in numbers if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?|\d+\.\d+|\d{3,}", n)
        ][:3]
    assert len(sample) >= 8, f"too few glued numbers to sample: {sample}"
    absent = [n for n in sample if n not in squeezed]
    assert not absent, f"glued numbers not in the PDF text: {absent}"
