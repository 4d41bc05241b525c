"""The book on a phone (390 px) and a desktop (1280 px): the menu and contents buttons open their
panels, there is one search control, table rows stay short, and every page is photographed."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from book_layout import toc_docs
from browser_support import SHOTS

from safetybook import phone_fit

WIDTHS = (390, 1280)
CHAPTER = "chapters/06_government"
# Pages are photographed whole up to this height; taller ones (only the references, about 160,000 px
# at 390 px) to their first 16,000 px, which image viewers still open and which shows the layout,
# while the row heights above are measured over the whole page. Encoding the whole references page
# took about 7 s a photograph.
MAX_SHOT_PX = 16_000
MAX_ROW_PX = 250


@contextmanager
def _opened(browser, server: str, doc: str, width: int):
    """A page of the built book at `width` px, in its own browser context, closed afterwards."""
    context = browser.new_context(viewport={"width": width, "height": 850})
    try:
        page = context.new_page()
        page.goto(f"{server}/{doc}.html", wait_until="load")
        yield page
    finally:
        context.close()


def _visible_button(page, kind: str):
    buttons = page.locator(f".{kind}-toggle")
    visible = [buttons.nth(i) for i in range(buttons.count()) if buttons.nth(i).is_visible()]
    return visible


@pytest.mark.parametrize("width", WIDTHS)
def test_the_menu_button_opens_or_folds_the_navigation(server, browser, width):
    with _opened(browser, server, CHAPTER, width) as page:
        buttons = _visible_button(page, "primary")
        assert len(buttons) == 1, f"{len(buttons)} visible menu buttons at {width} px"
        if width < 992:
            modal = page.locator("#pst-primary-sidebar-modal")
            assert not modal.evaluate("d => d.open"), "navigation open before the tap"
            buttons[0].click()
            page.wait_for_timeout(300)
            assert modal.evaluate("d => d.open"), "the menu button did not open the navigation"
            link = modal.get_by_role("link", name="Sports").first
            assert link.is_visible(), "the opened navigation shows no chapter links"
            page.keyboard.press("Escape")
            page.wait_for_timeout(200)
            assert not modal.evaluate("d => d.open"), "Escape did not close the navigation"
        else:
            sidebar = page.locator("#pst-primary-sidebar")
            assert sidebar.is_visible(), "the navigation is not shown on a wide screen"
            buttons[0].click()
            page.wait_for_timeout(400)
            assert not sidebar.is_visible(), "the menu button did not fold the navigation away"
            buttons[0].click()
            page.wait_for_timeout(400)
            assert sidebar.is_visible(), "a second click did not bring the navigation back"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_contents_button_opens_this_page_s_contents(server, browser, width):
    with _opened(browser, server, CHAPTER, width) as page:
        if width < 1200:
            buttons = _visible_button(page, "secondary")
            assert len(buttons) == 1, f"{len(buttons)} visible contents buttons at {width} px"
            modal = page.locator("#pst-secondary-sidebar-modal")
            buttons[0].click()
            page.wait_for_timeout(300)
            assert modal.evaluate("d => d.open"), "the contents button did not open the contents"
            assert modal.get_by_role("link").first.is_visible(), "the contents panel is empty"
        else:
            contents = page.locator(".bd-sidebar-secondary")
            assert contents.is_visible(), "this page's contents are not shown on a wide screen"
            assert contents.get_by_role("link").count() >= 3


@pytest.mark.parametrize("width", WIDTHS)
def test_one_search_control(server, browser, width):
    with _opened(browser, server, CHAPTER, width) as page:
        controls = page.locator(".search-button, .search-button-field, input[type=search]")
        visible = [i for i in range(controls.count()) if controls.nth(i).is_visible()]
        assert len(visible) == 1, f"{len(visible)} visible search controls at {width} px"


@pytest.mark.matrix  # visits every page to photograph it: make test (the screenshots), not make check
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", ("light", "dark"))
def test_tables_have_short_rows_and_pages_are_photographed(server, browser, width, scheme):
    tall = []
    tables = 0
    with _opened(browser, server, toc_docs()[0], width) as page:
        for doc in toc_docs():
            page.goto(f"{server}/{doc}.html", wait_until="load")
            page.evaluate(
                "s => { document.documentElement.dataset.theme = s;"
                " document.documentElement.dataset.mode = s; }",
                scheme,
            )
            # Rows laid out as a table; a table shown as cards on a phone (the explorer's, whose
            # cards test_explorer.py keeps compact) has no rows side by side to keep short.
            rows = page.evaluate(
                """() => [...document.querySelectorAll('main table')].flatMap(t =>
                    [...t.rows].filter(r => getComputedStyle(r).display === 'table-row')
                    .map(r => [t.closest('[id]') ? t.closest('[id]').id : '',
                               r.rowIndex, r.getBoundingClientRect().height]))"""
            )
            tables += len({r[0] for r in rows})
            tall += [f"{doc} {ident} row {i}: {h:.0f} px" for ident, i, h in rows if h > MAX_ROW_PX]
            SHOTS.mkdir(parents=True, exist_ok=True)
            name = f"{doc.replace('/', '__')}-{width}px-{scheme}.png"
            height = page.evaluate("document.documentElement.scrollHeight")
            clip = {"x": 0, "y": 0, "width": width, "height": min(height, MAX_SHOT_PX)}
            page.screenshot(path=str(SHOTS / name), full_page=True, clip=clip, timeout=120_000)
    assert tables >= 10, f"only {tables} tables found: the page selector has gone stale"
    assert not tall, f"rows taller than {MAX_ROW_PX} px at {width} px:\n" + "\n".join(tall)


FIGURE_DOCS = [
    d
    for d in toc_docs()
    if d.split("/")[-1][:2] in {"01", "02", "03", "04", "05", "06", "07", "08", "09"}
]
MIN_TEXT_PX = phone_fit.MIN_TEXT_PX  # the library fits every figure to it


@pytest.mark.parametrize("width", WIDTHS)
def test_figure_text_is_legible_and_a_click_opens_the_figure(server, browser, width):
    import json

    from safetybook import paths

    small, unlinked, cut, checked = [], [], [], 0
    with _opened(browser, server, FIGURE_DOCS[0], width) as page:
        for doc in FIGURE_DOCS:
            page.goto(f"{server}/{doc}.html", wait_until="load")
            figures = page.evaluate(
                """() => [...document.querySelectorAll('figure:not(.table-figure)[id]')].map(f => {
                    const img = f.querySelector('img'); const a = img && img.closest('a');
                    return [f.id, img ? img.getBoundingClientRect().width : 0,
                            img ? img.naturalWidth : 0, a ? a.getAttribute('href') : null,
                            f.getBoundingClientRect().width];
                })"""
            )
            for label, shown, natural, href, room in figures:
                if shown > room + 1:  # the whole chart is visible, with no sideways scrolling
                    cut.append(f"{doc} {label}: {shown:.0f} px in {room:.0f} px")
                sidecar = paths.CHAPTERS_DIR / "figure-data" / f"{label}.metadata.json"
                meta = json.loads(sidecar.read_text(encoding="utf-8"))
                assert meta["smallest_text_pt"] and natural, f"{label}: no text size or image"
                px = meta["smallest_text_pt"] * meta["dpi"] / 72 * shown / natural
                checked += 1
                if px < MIN_TEXT_PX:
                    small.append(f"{doc} {label}: {px:.1f} px")
                if not href or not href.endswith(".png"):
                    unlinked.append(f"{doc} {label}: {href}")
    assert checked >= 20, f"only {checked} figures checked"
    assert not small, f"figure text under {MIN_TEXT_PX} px at {width} px:\n" + "\n".join(small)
    assert not unlinked, "figures that do not open full size:\n" + "\n".join(unlinked)
    assert not cut, f"figures wider than their column at {width} px:\n" + "\n".join(cut)


@pytest.mark.parametrize("width", WIDTHS)
def test_icons_draw_from_the_web_font(server, browser, width):
    """The theme's icons are drawn by the Font Awesome web font (the icon script is not loaded)."""
    with _opened(browser, server, CHAPTER, width) as page:
        icons = page.evaluate(
            """() => [...document.querySelectorAll('i.fa-solid, i.fas, i.fab')]
                .filter(i => i.offsetParent !== null)
                .map(i => [i.className, getComputedStyle(i).fontFamily,
                           getComputedStyle(i, '::before').content, i.getBoundingClientRect().width])"""
        )
        assert icons, f"no visible icons at {width} px"
        for name, family, content, shown in icons:
            assert "Font Awesome" in family, f"{name}: drawn in {family}"
            assert content not in ("none", "normal", '""') and shown > 4, f"{name}: no glyph"
        faces = page.evaluate(
            "async () => (await document.fonts.load(\"900 16px 'Font Awesome 6 Free'\")).length"
        )
        assert faces, "the icon web font did not load"
