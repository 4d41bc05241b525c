"""Every table of the built book, in Chromium at 390 and 1280 px: a table fits its page, or it says
that it scrolls (a visible note above it and a shadow on the side that hides columns) and its
scroll region is focusable, labelled and scrolls from the keyboard; the results tables fit a
desktop without cutting any number.

The readers' review of version 0.2 found 20 of 22 tables wider than their box at 390 px and 13 at
1280 px, with no visible cue, and the synthesis chapter's results table cutting its p-values on a
desktop ("0.6" for 0.69).
"""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from book_layout import toc_docs
from browser_support import SHOTS

WIDTHS = (390, 1280)
# The tables a reader comes for on a desktop: they fit the text column at 1280 px, every number
# whole. (The claims ledger and the list of child-safety episodes are long registers: they scroll,
# and say so.)
KEY_TABLES = {
    "chapters/01_data_and_methods": [
        "data-and-methods-tbl-coverage",
        "data-and-methods-tbl-official",
        "data-and-methods-tbl-seeds",
    ],
    "chapters/03_anti_bullying": ["anti-bullying-tbl-hb-figures", "anti-bullying-tbl-comments"],
    "chapters/05_sports": ["sports-tbl-after-bans"],
    "chapters/06_government": ["government-tbl-fines"],
    "chapters/07_synthesis": [
        "synthesis-tbl-windows",
        "synthesis-tbl-sensitivity",
        "synthesis-tbl-panel",
    ],
    "chapters/10_peers": ["peers-tbl-counts"],
    "chapters/08_codebook": ["codebook-tbl-agreement"],
}

# Every table in the page's main column, with what a reader sees of it: its cells clipped by its
# scroll region (at the region's current scroll position), the note above it and the shadows.
TABLES_JS = """() => [...document.querySelectorAll('main table')].map(table => {
  const seen = cell => {
    for (let e = cell; e && e !== table.parentElement; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.clipPath !== 'none' || style.display === 'none') return false;  // visually hidden
    }
    return cell.getClientRects().length > 0;
  };
  let region = table.parentElement;
  while (region && region !== document.body && !/(auto|scroll)/.test(getComputedStyle(region).overflowX)) {
    region = region.parentElement;
  }
  const scrolls = region && region !== document.body;
  const box = scrolls ? region.getBoundingClientRect() : document.querySelector('main').getBoundingClientRect();
  const left = box.left + (scrolls ? region.clientLeft : 0);
  const right = left + (scrolls ? region.clientWidth : box.width);
  const cells = [...table.querySelectorAll('th, td')].filter(seen);
  const clipped = cells.filter(c => {
    const r = c.getBoundingClientRect();
    return r.width > 0 && (r.right > right + 1 || r.left < left - 1);
  }).map(c => c.textContent.trim().slice(0, 30));
  const frame = table.closest('.table-frame');
  const hint = frame && frame.previousElementSibling;
  const hintShown = !!(hint && hint.classList.contains('table-scroll-hint') && !hint.hidden &&
    hint.getBoundingClientRect().height > 0 && getComputedStyle(hint).visibility === 'visible');
  const numbers = [...table.querySelectorAll('td.number')].filter(seen)
    .filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent);
  const figure = table.closest('figure[id]');
  return {
    table: figure ? figure.id : (table.closest('[id]') || {}).id || '?',
    cells: cells.length, clipped, numbers,
    focusable: scrolls && region.tabIndex >= 0,
    role: scrolls ? region.getAttribute('role') : null,
    label: scrolls ? region.getAttribute('aria-label') || '' : '',
    overflow: frame ? frame.dataset.overflow || '' : null,
    hint: hintShown,
    shadowRight: frame ? getComputedStyle(frame, '::after').opacity : null,
    shadowLeft: frame ? getComputedStyle(frame, '::before').opacity : null,
  };
})"""


@contextmanager
def _page(browser, width: int):
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 600 else 900})
    try:
        yield context.new_page()
    finally:
        context.close()


def _open(page, server: str, doc: str) -> None:
    page.goto(f"{server}/{doc}.html", wait_until="load")
    if doc.endswith("explore"):
        page.wait_for_selector("#explorer.explorer-ready")
    page.wait_for_timeout(250)  # the cue's fade (0.15 s)


def _problems(doc: str, table: dict) -> list[str]:
    """What is wrong with one table as a reader sees it: columns hidden without a cue, or a cue
    where nothing is hidden."""
    name = f"{doc} {table['table']}"
    if not table["clipped"]:
        return [f"{name}: says it scrolls but fits"] if table["hint"] else []
    problems = []
    if not (table["focusable"] and table["role"] == "region" and table["label"].strip()):
        problems.append(f"{name}: its scroll region is not focusable and labelled: {table}")
    if not table["hint"]:
        problems.append(f"{name}: hides {len(table['clipped'])} cells with no note above it")
    if table["overflow"] not in ("right", "both") or table["shadowRight"] != "1":
        problems.append(f"{name}: no shadow on the side that hides columns: {table}")
    return problems


@pytest.mark.parametrize("width", WIDTHS)
def test_every_table_fits_or_says_that_it_scrolls(server, browser, width):
    problems, seen, scrolling = [], 0, 0
    with _page(browser, width) as page:
        for doc in toc_docs():
            _open(page, server, doc)
            for table in page.evaluate(TABLES_JS):
                seen += 1
                scrolling += bool(table["clipped"])
                problems += _problems(doc, table)
            wide = page.evaluate("document.documentElement.scrollWidth")
            if wide > width:
                problems.append(f"{doc}: the page scrolls sideways ({wide} px)")
    assert seen >= 20, f"only {seen} tables found: the selector has gone stale"
    if width < 600:
        assert scrolling >= 5, "no table is wider than a phone: the check would not catch one"
    assert not problems, "\n".join(problems)


def test_the_check_catches_a_table_that_hides_columns_without_a_cue(server, browser):
    """The check above, on a page where the cue is taken away: it must complain."""
    with _page(browser, 390) as page:
        _open(page, server, "chapters/06_government")
        page.add_style_tag(content=".table-scroll-hint { display: none !important; }")
        page.evaluate(
            "document.querySelectorAll('.table-frame').forEach(f => f.dataset.overflow = '')"
        )
        found = [t for t in page.evaluate(TABLES_JS) if t["table"] == "government-tbl-fines"]
    assert len(found) == 1 and found[0]["clipped"]
    problems = _problems("chapters/06_government", found[0])
    assert any("no note" in p for p in problems) and any("no shadow" in p for p in problems)


def test_a_table_that_scrolls_shows_where_the_hidden_columns_are_and_scrolls_from_the_keyboard(
    server, browser
):
    with _page(browser, 390) as page:
        _open(page, server, "chapters/06_government")
        frame = page.locator("#government-tbl-fines .table-frame")
        region = frame.locator(".safetybook-table-wrap")
        page.locator("#government-tbl-fines").evaluate(
            "el => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 60)"
        )
        assert page.locator("#government-tbl-fines .table-scroll-hint").is_visible()
        assert frame.get_attribute("data-overflow") == "right"
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "table-scroll-cue-390.png"))
        region.focus()
        for _ in range(4):
            page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "el => el.dataset.overflow === 'both'", arg=frame.element_handle(), timeout=5_000
        )
        assert region.evaluate("el => el.scrollLeft") > 0
        region.evaluate("el => el.scrollTo({left: el.scrollWidth})")
        page.wait_for_function(
            "el => el.dataset.overflow === 'left'", arg=frame.element_handle(), timeout=5_000
        )
        page.wait_for_timeout(250)
        table = next(t for t in page.evaluate(TABLES_JS) if t["table"] == "government-tbl-fines")
        assert table["shadowLeft"] == "1" and table["shadowRight"] == "0", table
        # Scrolled to its end, the last column is whole: nothing is out of reach.
        last = page.locator("#government-tbl-fines thead th").last.bounding_box()
        box = region.bounding_box()
        assert last["x"] + last["width"] <= box["x"] + box["width"] + 1


def test_the_results_tables_fit_a_desktop_with_every_number_whole(server, browser):
    problems, checked = [], 0
    with _page(browser, 1280) as page:
        for doc, wanted in KEY_TABLES.items():
            _open(page, server, doc)
            tables = {t["table"]: t for t in page.evaluate(TABLES_JS)}
            for name in wanted:
                assert name in tables, f"{doc}: no table {name} (renamed?)"
                checked += 1
                table = tables[name]
                if table["clipped"]:
                    problems.append(f"{doc} {name}: cut at 1280 px: {table['clipped'][:6]}")
                if table["numbers"]:
                    problems.append(f"{doc} {name}: numbers cut in their cells: {table['numbers']}")
                if table["hint"]:
                    problems.append(f"{doc} {name}: says it scrolls at 1280 px")
    assert checked == sum(len(v) for v in KEY_TABLES.values())
    assert not problems, "\n".join(problems)
