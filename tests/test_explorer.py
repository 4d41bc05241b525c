"""The "Explore the record" page: every counted unit, searchable, filterable, shareable and downloadable,
at phone and desktop widths, offline, accessible in light and dark mode, and under 1 MB.

Expected rows are computed here from the tidy tables (`safetybook.load`), independently of the page's
JavaScript and of the pipeline module that writes the page's record.
"""

from __future__ import annotations

import csv
import functools
import gzip
import io
import json
import re
from contextlib import contextmanager
from urllib.parse import urlsplit

import explorer_record
import pandas as pd
import pytest
from book_layout import toc_docs
from browser_support import SHOTS, wcag_violations

from safetybook import labels, load, paths

PAGE = "chapters/explore"
WIDTHS = [390, 1280]
RECORD = paths.BUILD_DIR / "html" / "_static" / "explorer" / "record.js"
THEME_LINKS = {
    "chapters/02_health": "theme=health",
    "chapters/03_anti_bullying": "theme=anti_bullying",
    "chapters/04_child_safety": "theme=child_safety",
    "chapters/05_sports": "theme=sports",
    "chapters/06_government": "kind=episode",
}


# -- what the page should show, from data/ ---------------------------------------------------------


def units() -> pd.DataFrame:
    """The units the book counts: episodes and announcements (context units are never counted)."""
    frame = load.units()
    return frame[frame["unit_kind"] != "context"].sort_values(["date", "unit_id"])


@functools.cache
def step_types() -> dict[str, set[str]]:
    """Each unit's steps' event types (a unit is of every type one of its steps has)."""
    steps = load.events()
    return steps.groupby("unit_id")["event_type"].agg(lambda s: set(s.astype(str))).to_dict()


def expected(
    theme=None,
    kind=None,
    jurisdiction=None,
    official=None,
    year_from=None,
    year_to=None,
    platform=None,
    step_type=None,
) -> list[str]:
    """Unit ids matching the filters, oldest first (the page's default order)."""
    frame = units()
    if platform:
        frame = frame[frame["platform"] == platform]
    if step_type:
        frame = frame[[step_type in step_types()[u] for u in frame["unit_id"]]]
    if theme:
        frame = frame[frame["theme"] == theme]
    if kind:
        frame = frame[frame["unit_kind"] == kind]
    if official is not None:
        frame = frame[frame["official"] == official]
    if year_from:
        frame = frame[frame["date"].dt.year >= year_from]
    if year_to:
        frame = frame[frame["date"].dt.year <= year_to]
    if jurisdiction:
        wanted = jurisdiction.lower()
        names = [
            f"{labels.place(j)} {labels.place(a) if pd.notna(a) else ''}".lower()
            for j, a in zip(frame["jurisdiction"], frame["affected_area"], strict=True)
        ]
        frame = frame[[wanted in n for n in names]]
    return list(frame["unit_id"])


def test_the_expectations_are_not_vacuous():
    ireland = expected(jurisdiction="Ireland")
    assert len(units()) > 250
    tiktok = {
        "hea-042",
        "hea-049",
        "gov-120",
        "chi-004",
        "gov-129",
        "chi-332",
        "gov-559",
        "gov-562",
    }
    peers = {"cmp-117", "cmp-155", "cmp-174", "cmp-224"}  # Instagram's and YouTube's records
    assert set(ireland) == tiktok | peers
    assert 0 < len(expected(theme="health")) < len(units())
    assert 25 < len(expected(theme="health", year_from=2020)), "the CSV test must span two pages"
    # The Irish regulator's two fines on TikTok: each unit opens with an investigation.
    assert expected(jurisdiction="Ireland", step_type="fine", platform="tiktok") == [
        "chi-004",
        "gov-129",
    ]
    assert {units().set_index("unit_id").at[u, "event_type"] for u in ("chi-004", "gov-129")} == {
        "investigation"
    }
    assert set(expected(platform="instagram")) and set(expected(platform="youtube"))


# -- the record written for the page ---------------------------------------------------------------


@functools.cache
def _record() -> dict:
    """The explorer's record, built once for the tests that read it (they never change it)."""
    return explorer_record.records()


def test_the_record_holds_every_counted_unit_once_with_its_steps_and_sources():
    record = _record()
    ids = [u["id"] for u in record["units"]]
    assert len(ids) == len(set(ids))
    assert ids == list(units()["unit_id"])
    by_id = units().set_index("unit_id")
    for unit in record["units"]:
        assert len(unit["steps"]) == by_id.at[unit["id"], "n_steps"], unit["id"]
        assert unit["official"] == bool(by_id.at[unit["id"], "official"]), unit["id"]
        assert set(unit["sources"]) <= set(record["sources"]), unit["id"]
        assert unit["sources"][0] == by_id.at[unit["id"], "source_id"], unit["id"]


def test_the_record_shows_words_not_codes():
    record = _record()
    shown = [
        value
        for unit in record["units"]
        for value in (unit["place"], unit["applies"], unit["direction"], unit["who"])
    ]
    shown += [step["step"] for unit in record["units"] for step in unit["steps"]]
    shown += [unit["what"] for unit in record["units"]]
    shown += [s[3] for s in record["sources"].values()]
    codes = [v for v in shown if re.fullmatch(r"[a-z]+(_[a-z]+)+", v)]
    assert not codes, codes[:10]
    assert all(record["words"][key] for key in ("theme", "type", "concern", "kind"))


def test_a_conflicting_report_is_one_whose_dates_miss_the_steps():
    record = _record()
    conflicts = {u["id"]: u["conflicts"] for u in record["units"] if u["conflicts"]}
    assert conflicts, "the dataset has conflicting reports; the record lost them"
    for unit_id, rows in conflicts.items():
        for other_date, step_date, _text, _source in rows:
            assert other_date != step_date, unit_id


def test_the_record_names_what_each_unit_became_and_its_amounts():
    by_id = {u["id"]: u for u in _record()["units"]}
    assert by_id["gov-129"]["what"] == "Investigation → fine EUR 530 million, 2025"
    assert by_id["gov-129"]["types"] == ["investigation", "fine"]
    assert "530,000,000" in by_id["gov-129"]["find"] and "€530 million" in by_id["gov-129"]["find"]
    fine = [s for s in by_id["gov-129"]["steps"] if s["amount"]]
    assert [(s["id"], s["amount"]) for s in fine] == [("gov-047", "EUR 530 million")]
    assert by_id["chi-004"]["what"] == "Investigation → fine EUR 345 million, 2023"
    assert {u["platform"] for u in by_id.values()} == {
        "tiktok",
        "instagram",
        "youtube",
        "all_platforms",
    }
    for unit in by_id.values():
        assert unit["types"] == list(dict.fromkeys(s["type"] for s in unit["steps"])), unit["id"]
        assert set(unit["types"]) == step_types()[unit["id"]], unit["id"]


def test_the_packed_record_unpacks_to_the_record():
    """The page receives the record packed (lists, positions); unpacked as the page's script does,
    it is the record again, so nothing is lost on the way."""
    record = _record()
    packed = explorer_record.payload(record)
    sources = list(record["sources"])
    kinds, step_words = packed["words"]["sourceKind"], packed["words"]["step"]
    for row, unit in zip(packed["units"], record["units"], strict=True):
        got = dict(zip(packed["fields"], row, strict=True))
        assert [sources[i] for i in got["sources"]] == unit["sources"]
        steps = [
            {
                "id": s[0],
                "date": s[1],
                "step": step_words[s[2]],
                "type": s[3],
                "text": s[4] or unit["text"],
                "source": sources[s[5]],
                "amount": s[6],
                "who": s[7] or unit["who"],
            }
            for s in got["steps"]
        ]
        assert steps == unit["steps"], unit["id"]
        assert [[*c[:3], sources[c[3]]] for c in got["conflicts"]] == unit["conflicts"]
        rest = {k: v for k, v in got.items() if k not in ("sources", "steps", "conflicts")}
        assert rest == {k: unit[k] for k in rest}, unit["id"]
    for key, source in zip(sources, packed["sources"], strict=True):
        publisher, date, url, kind, official = source
        assert [publisher, date, url, kinds[kind], bool(official)] == record["sources"][key]


def test_the_built_record_equals_the_units_in_data(built_site):
    text = RECORD.read_text(encoding="utf-8")
    payload = json.loads(text.split(" = ", 1)[1].rstrip().rstrip(";"))
    ids = payload["fields"].index("id")
    assert [u[ids] for u in payload["units"]] == list(units()["unit_id"])
    assert text == explorer_record.record_js(), "the built record is stale: run `make book`"


def test_the_page_is_in_the_table_of_contents_and_the_chapters_link_to_it(built_site):
    assert PAGE in toc_docs()
    for doc, query in THEME_LINKS.items():
        html = (built_site / f"{doc}.html").read_text(encoding="utf-8")
        assert f'href="explore.html?{query}"' in html, doc
        assert "tbl-events" not in html, f"{doc} still holds its dated list"


# -- the page in Chromium ------------------------------------------------------------------------


@contextmanager
def opened_page(browser, url: str, width: int, scheme: str = "light"):
    """The page at a width, recording console errors, failed requests and every host asked; its
    browser context is closed afterwards."""
    context = browser.new_context(
        viewport={"width": width, "height": 844 if width < 600 else 900},
        color_scheme=scheme,
        accept_downloads=True,
    )
    try:
        page = context.new_page()
        log = {"errors": [], "failed": [], "hosts": set(), "bytes": 0}
        page.on("console", lambda m: log["errors"].append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: log["errors"].append(str(e)))
        page.on("requestfailed", lambda r: log["failed"].append(f"{r.url} ({r.failure})"))
        page.on("request", lambda r: log["hosts"].add(urlsplit(r.url).netloc))
        page.goto(url, wait_until="networkidle")
        page.wait_for_selector("#explorer.explorer-ready", timeout=15_000)
        yield page, log
    finally:
        context.close()


def open_filters(page) -> None:
    """Unfold the filters as a reader would (they start folded on a phone)."""
    if not page.locator("#explorer-panel").evaluate("d => d.open"):
        page.click("#explorer-panel > summary")
    assert page.locator("#explorer-type").is_visible()


def summary(page) -> str:
    """The filter panel's summary, as one line."""
    return " ".join(page.inner_text("#explorer-panel > summary").split())


def shown_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        "#explorer-table tbody tr[id]", "rows => rows.map(r => r.id.replace(/^unit-/, ''))"
    )


def status(page) -> str:
    return page.inner_text("#explorer-status").strip()


def wait_for_count(page, n: int) -> None:
    page.wait_for_function(
        "text => document.getElementById('explorer-status').textContent.trim() === text",
        arg=f"Showing {n} of {len(units())} units",
        timeout=10_000,
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_the_page_lists_every_unit_and_loads_nothing_from_elsewhere(server, browser, width):
    with opened_page(browser, f"{server}/{PAGE}.html", width) as (page, log):
        assert status(page) == f"Showing {len(units())} of {len(units())} units"
        page.select_option(".dt-length select", "-1")
        assert shown_ids(page) == list(units()["unit_id"])
        assert not log["errors"], log["errors"]
        assert not log["failed"], log["failed"]
        assert log["hosts"] == {urlsplit(server).netloc}, log["hosts"]


@pytest.mark.parametrize("width", WIDTHS)
def test_typing_a_jurisdictions_name_filters_the_rows_to_it(server, browser, width):
    with opened_page(browser, f"{server}/{PAGE}.html", width) as (page, log):
        open_filters(page)
        page.locator("#explorer-jurisdiction").press_sequentially("Ireland", delay=20)
        want = expected(jurisdiction="Ireland")
        wait_for_count(page, len(want))
        assert shown_ids(page) == want
        cells = page.eval_on_selector_all(
            "#explorer-table tbody tr td:nth-child(2)", "cells => cells.map(c => c.textContent)"
        )
        assert cells and all("Ireland" in c for c in cells), cells
        assert "jurisdiction=Ireland" in page.url
        assert log["hosts"] == {urlsplit(server).netloc}, log["hosts"]


@pytest.mark.parametrize("width", WIDTHS)
def test_search_as_you_type_finds_a_country_everywhere_it_is_named(server, browser, width):
    with opened_page(browser, f"{server}/{PAGE}.html", width) as (page, log):
        page.locator("#explorer-q").press_sequentially("Pakistan", delay=20)
        page.wait_for_function(
            "document.getElementById('explorer-status').textContent.trim()"
            f" !== 'Showing {len(units())} of {len(units())} units'"
        )
        shown = shown_ids(page)
        assert set(expected(jurisdiction="Pakistan")) <= set(shown)
        rows = page.eval_on_selector_all(
            "#explorer-table tbody tr[id]", "rows => rows.map(r => r.textContent)"
        )
        assert rows and all("pakistan" in r.lower() for r in rows)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_shared_filtered_url_restores_the_filters(server, browser, width):
    query = "kind=episode&jurisdiction=United%20States&official=yes&from=2020&to=2024"
    filters = {"kind": "episode", "jurisdiction": "United States", "official": True}
    want = expected(**filters, year_from=2020, year_to=2024)
    assert 1 < len(want) <= 25, "pick filters that fit on one page"
    with opened_page(browser, f"{server}/{PAGE}.html?{query}", width) as (page, log):
        wait_for_count(page, len(want))
        assert shown_ids(page) == want
        assert page.input_value("#explorer-kind") == "episode"
        assert page.input_value("#explorer-jurisdiction") == "United States"
        assert page.input_value("#explorer-official") == "yes"
        assert page.input_value("#explorer-to") == "2024"
        # A change made on the page goes into the address, and that address restores it.
        open_filters(page)
        page.select_option("#explorer-sort", "date-desc")
        page.select_option("#explorer-to", "2022")
        narrowed = expected(**filters, year_from=2020, year_to=2022)
        assert 0 < len(narrowed) < len(want)
        wait_for_count(page, len(narrowed))
        shared = page.url
        assert "to=2022" in shared and "sort=date-desc" in shared
        assert page.get_attribute("#explorer-link", "href") == "?" + urlsplit(shared).query
        with opened_page(browser, shared, width) as (again, _):
            wait_for_count(again, len(narrowed))
            assert shown_ids(again) == list(reversed(narrowed))
            assert again.input_value("#explorer-sort") == "date-desc"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_csv_download_holds_exactly_the_filtered_rows(server, browser, width):
    want = expected(theme="health", year_from=2020)
    with opened_page(browser, f"{server}/{PAGE}.html?theme=health&from=2020", width) as (page, log):
        wait_for_count(page, len(want))
        assert len(shown_ids(page)) < len(want), "the download must hold more than one page"
        with page.expect_download() as download:
            page.click("#explorer-csv")
        text = open(download.value.path(), encoding="utf-8").read()
        rows = list(csv.DictReader(io.StringIO(text)))
        assert text.splitlines()[0].startswith("unit_id,")
        assert [r["unit_id"] for r in rows] == want
        assert {r["theme"] for r in rows} == {"Health"}
        assert all(r["sources"].startswith(tuple(load.sources()["publisher"])) for r in rows)
        assert all(r["address"].endswith(f"/{PAGE}.html?unit={r['unit_id']}") for r in rows)
        assert {r["platform"] for r in rows} <= {"TikTok", "All platforms"}
        assert log["hosts"] == {urlsplit(server).netloc}, log["hosts"]


# -- what happened: types of any step, outcomes, amounts, platforms ------------------------------

IRISH_FINES = [
    "chi-004",
    "gov-129",
]  # the Data Protection Commission's EUR 345m (2023) and 530m (2025)


@pytest.mark.parametrize("width", WIDTHS)
def test_ireland_and_fine_find_both_of_the_irish_regulators_fines(server, browser, width):
    """The readers' review (B1): type "Fine" with jurisdiction "Ireland" showed no unit, because each
    fine concluded an investigation. A unit is of every type one of its steps has, and its row says
    what it became beside its first step."""
    want = expected(jurisdiction="Ireland", step_type="fine")
    assert set(IRISH_FINES) < set(want)
    with opened_page(browser, f"{server}/{PAGE}.html", width) as (page, log):
        open_filters(page)
        page.locator("#explorer-jurisdiction").fill("Ireland")
        page.select_option("#explorer-type", "fine")
        wait_for_count(page, len(want))
        assert shown_ids(page) == want
        assert page.inner_text("#explorer-active") == "(2 active)"
        assert "→ fine EUR 345 million, 2023" in page.inner_text("#unit-chi-004")
        assert "→ fine EUR 530 million, 2025" in page.inner_text("#unit-gov-129")
        page.select_option("#explorer-platform", "tiktok")
        wait_for_count(page, len(IRISH_FINES))
        assert shown_ids(page) == IRISH_FINES
        platforms = page.eval_on_selector_all(
            "#explorer-table tbody tr[id] td:nth-child(3)", "cells => cells.map(c => c.textContent)"
        )
        assert platforms == ["TikTok", "TikTok"]
        assert "platform=tiktok" in page.url and "type=fine" in page.url
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"explore-irish-fines-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_search_finds_amounts_authorities_and_outcomes(server, browser, width):
    def search(page, words: str) -> list[str]:
        page.locator("#explorer-q").fill(words)
        page.wait_for_function(
            "text => document.getElementById('explorer-status').textContent.trim() !== text",
            arg=f"Showing {len(units())} of {len(units())} units",
        )
        return shown_ids(page)

    with opened_page(browser, f"{server}/{PAGE}.html", width) as (page, log):
        found = search(page, "530")
        assert "gov-129" in found and len(found) <= 5, found
        assert "EUR 530 million" in page.inner_text("#unit-gov-129")
        for spelling in ("EUR 530 million", "€530 million", "530,000,000", "345 million"):
            found = search(page, spelling)
            assert ("chi-004" if "345" in spelling else "gov-129") in found, spelling
        # Authorities that acted in a later step only: the courts that ruled on the 2025 fine.
        assert "gov-129" in search(page, "Supreme Court of Ireland")
        # An outcome word: the fines of Ireland's regulator, though each opened an investigation.
        assert set(IRISH_FINES) <= set(search(page, "fine Data Protection Commission Ireland"))
        # A unit's id.
        assert search(page, "chi-004") == ["chi-004"]


def test_the_platform_filter_keeps_one_platform_s_record(server, browser):
    want = expected(platform="youtube")
    assert 25 < len(want) < len(units())
    with opened_page(browser, f"{server}/{PAGE}.html?platform=youtube", 1280) as (page, log):
        wait_for_count(page, len(want))
        page.select_option(".dt-length select", "-1")
        assert shown_ids(page) == want
        platforms = page.eval_on_selector_all(
            "#explorer-table tbody tr[id] td:nth-child(3)", "cells => cells.map(c => c.textContent)"
        )
        assert set(platforms) == {"YouTube"}
        assert page.input_value("#explorer-platform") == "youtube"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_csv_carries_each_units_step_types_and_amounts(server, browser, width):
    query = "jurisdiction=Ireland&type=fine&platform=tiktok"
    with opened_page(browser, f"{server}/{PAGE}.html?{query}", width) as (page, log):
        wait_for_count(page, len(IRISH_FINES))
        with page.expect_download() as download:
            page.click("#explorer-csv")
        rows = {
            r["unit_id"]: r
            for r in csv.DictReader(open(download.value.path(), encoding="utf-8", newline=""))
        }
    assert list(rows) == IRISH_FINES
    assert rows["gov-129"]["type"] == "Investigation"
    assert rows["gov-129"]["step_types"] == "Investigation | Fine"
    assert rows["gov-129"]["what_happened"] == "Investigation → fine EUR 530 million, 2025"
    assert rows["gov-129"]["amounts"] == "EUR 530 million (2025-05-02)"
    assert rows["chi-004"]["amounts"].startswith("EUR 345 million (2023-09-15)")
    assert rows["chi-004"]["platform"] == "TikTok"
    assert rows["chi-004"]["address"].endswith(f"/{PAGE}.html?unit=chi-004")


# -- a stable address for every unit ---------------------------------------------------------------


def unit_sources(unit_id: str) -> set[str]:
    """Every source of a unit: its steps' and its reports'."""
    rows = load.events(include_corroborating=True)
    return set(rows.loc[rows["unit_id"] == unit_id, "source_id"])


def assert_unit_opened(page, unit_id: str, height: int) -> None:
    """The page shows that one unit, its id as a link to its address, its steps and sources open,
    and the row starts within the first screen."""
    page.wait_for_function(
        "() => /^Showing 1 of \\d+ units/.test(document.getElementById('explorer-status').textContent)"
    )
    assert shown_ids(page) == [unit_id]
    row = page.locator(f"#unit-{unit_id}")
    link = row.locator("a.explorer-id")
    assert link.inner_text() == f"Unit {unit_id}"
    assert link.get_attribute("href") == f"explore.html?unit={unit_id}"
    assert row.locator("details.explorer-more").evaluate("d => d.open")
    by_id = units().set_index("unit_id")
    steps = row.locator(".explorer-steps li")
    assert steps.count() == by_id.at[unit_id, "n_steps"]
    assert steps.last.is_visible()
    assert row.locator(".explorer-sources li").count() == len(unit_sources(unit_id))
    assert row.bounding_box()["y"] < height - 150, row.bounding_box()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_units_address_opens_it_with_its_steps_and_sources(server, browser, width):
    height = 844 if width < 600 else 900
    with opened_page(browser, f"{server}/{PAGE}.html?unit=gov-129", width) as (page, log):
        assert_unit_opened(page, "gov-129", height)
        assert status(page).endswith(": unit gov-129")
        assert "EUR 530 million" in page.inner_text("#unit-gov-129 .explorer-steps")
        assert page.inner_text("#explorer-active") == "(1 active)"
        assert not log["errors"], log["errors"]
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"explore-unit-{width}.png"), full_page=False)
    # A step's id (the fine of 2 May 2025, as figure data name it) opens the unit it belongs to.
    with opened_page(browser, f"{server}/{PAGE}.html?unit=gov-047", width) as (page, log):
        assert_unit_opened(page, "gov-129", height)
        assert "which has the step gov-047" in status(page)
    # Every row links to its own address; following it opens that unit.
    with opened_page(browser, f"{server}/{PAGE}.html?theme=sports", width) as (page, log):
        first = shown_ids(page)[0]
        page.click(f"#unit-{first} a.explorer-id")
        page.wait_for_selector("#explorer.explorer-ready")
        assert page.url.endswith(f"{PAGE}.html?unit={first}")
        assert_unit_opened(page, first, height)


def test_an_unknown_id_says_so(server, browser):
    with opened_page(browser, f"{server}/{PAGE}.html?unit=gov-999x", 1280) as (page, log):
        page.wait_for_function(
            "() => document.getElementById('explorer-status').textContent.includes('no unit')"
        )
        assert shown_ids(page) == []
        assert status(page).endswith("no unit or step has the id gov-999x")


# -- on a phone ----------------------------------------------------------------------------------


PHONE = {"width": 390, "height": 844}
FIRST_ROW_PX = 150  # at least this much of the first row on the first screen


@pytest.mark.matrix  # at 390 px only: make test, not make check
def test_on_a_phone_the_first_rows_are_on_the_first_screen_and_the_filters_fold(server, browser):
    with opened_page(browser, f"{server}/{PAGE}.html", PHONE["width"]) as (page, log):
        assert page.viewport_size == PHONE
        assert not page.locator("#explorer-panel").evaluate("d => d.open")
        assert summary(page) == "Filters (none active)"
        assert not page.locator("#explorer-type").is_visible()
        top = page.locator("#explorer-table tbody tr[id]").first.bounding_box()["y"]
        assert top + FIRST_ROW_PX <= PHONE["height"], f"the first row starts at {top:.0f} px"
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "explore-phone-first-screen.png"), full_page=False)
        open_filters(page)
        page.select_option("#explorer-platform", "instagram")
        assert page.inner_text("#explorer-active") == "(1 active)"
    # A shared view on a phone: the filters stay folded, and their summary counts them.
    query = "platform=tiktok&type=fine&jurisdiction=Ireland"
    with opened_page(browser, f"{server}/{PAGE}.html?{query}", PHONE["width"]) as (page, log):
        wait_for_count(page, len(IRISH_FINES))
        assert summary(page) == "Filters (3 active)"
        top = page.locator("#explorer-table tbody tr[id]").first.bounding_box()["y"]
        assert top + FIRST_ROW_PX <= PHONE["height"], f"the first row starts at {top:.0f} px"


def test_on_a_wide_screen_the_filters_start_open(server, browser):
    with opened_page(browser, f"{server}/{PAGE}.html", 1280) as (page, log):
        assert page.locator("#explorer-panel").evaluate("d => d.open")
        assert page.locator("#explorer-type").is_visible()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_explorer_is_accessible_in_light_and_dark_mode(server, browser, width, scheme):
    with opened_page(browser, f"{server}/{PAGE}.html?jurisdiction=Pakistan", width) as (page, log):
        if scheme == "dark":  # as in test_browser_theme: the theme's switch, set as a reader would
            page.evaluate(
                "document.documentElement.dataset.theme = 'dark';"
                " document.documentElement.dataset.mode = 'dark'"
            )
            background = page.evaluate("getComputedStyle(document.body).backgroundColor")
            assert background != "rgb(255, 255, 255)", "dark theme did not apply"
        page.locator("#explorer-table tbody details summary").first.click()
        page.wait_for_timeout(400)  # the theme's colour transitions
        violations = wcag_violations(page)
        assert not violations, "WCAG 2.1 AA violations (axe-core):\n" + "\n".join(violations)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, "scrolls sideways"
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"explore-{width}-{scheme}.png"), full_page=True)


@pytest.mark.matrix  # at 390 px only: make test, not make check
def test_rows_stay_compact_on_a_phone(server, browser):
    with opened_page(browser, f"{server}/{PAGE}.html", 390) as (page, log):
        heights = page.eval_on_selector_all(
            "#explorer-table tbody tr[id]",
            "rows => rows.map(r => r.getBoundingClientRect().height)",
        )
        assert len(heights) == 25
        assert sorted(heights)[len(heights) // 2] < 260, heights
        assert max(heights) < 420, heights


def test_the_table_sorts_from_the_keyboard_and_says_so(server, browser):
    with opened_page(browser, f"{server}/{PAGE}.html?theme=sports", 1280) as (page, log):
        date_header = page.locator("#explorer-table thead th").first
        assert date_header.get_attribute("aria-sort") == "ascending"
        date_header.locator(".dt-column-order").focus()
        page.keyboard.press("Enter")
        page.wait_for_function(
            "document.querySelector('#explorer-table thead th').getAttribute('aria-sort')"
            " === 'descending'"
        )
        assert shown_ids(page)[0] == expected(theme="sports")[-1]
        assert page.input_value("#explorer-sort") == "date-desc"
        assert "sort=date-desc" in page.url


@pytest.mark.parametrize("width", WIDTHS)
def test_the_page_and_a_units_address_work_from_a_file(browser, built_site, width):
    url = (built_site / f"{PAGE}.html").as_uri()
    with opened_page(browser, url + "?theme=sports", width) as (page, log):
        wait_for_count(page, len(expected(theme="sports")))
        assert not log["errors"], log["errors"]
        assert log["hosts"] == {""}, log["hosts"]
    with opened_page(browser, url + "?unit=chi-004", width) as (page, log):
        assert_unit_opened(page, "chi-004", 844 if width < 600 else 900)
        assert not log["errors"], log["errors"]


def test_the_page_weighs_under_a_megabyte_with_the_full_dataset(server, browser):
    """The page and what it loads for the explorer (its HTML, DataTables, the record, its own script
    and styles) stay under 1 MB uncompressed; and everything the page loads, the theme's shared files
    included, stays under 1 MB as a static host sends it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sizes: dict[str, int] = {}
    bodies: dict[str, bytes] = {}
    page.on("response", lambda r: bodies.__setitem__(urlsplit(r.url).path, r.body()))
    try:
        page.goto(f"{server}/{PAGE}.html", wait_until="networkidle")
        page.wait_for_selector("#explorer.explorer-ready")
        sizes.update({path: len(body) for path, body in bodies.items()})
        own = {
            path: n
            for path, n in sizes.items()
            if path == f"/{PAGE}.html"
            or path.startswith("/_static/explorer")  # explorer.js, explorer.css, explorer/*
        }
        assert len(own) == 6, sorted(own)
        assert own["/_static/explorer/record.js"] == RECORD.stat().st_size
        assert sum(own.values()) < 1_000_000, f"{sum(own.values()):,} bytes: {own}"
        # Everything the page loads, theme included, as a static host sends it (text compressed
        # with gzip, fonts and images as they are).
        sent = {
            path: len(body)
            if path.endswith((".woff2", ".png", ".svg"))
            else len(gzip.compress(body))
            for path, body in bodies.items()
        }
        assert sum(sent.values()) < 1_000_000, f"{sum(sent.values()):,} bytes sent: {sent}"
        assert not any("fontawesome.js" in path for path in sent), "the 1.5 MB icon script is back"
    finally:
        context.close()


def test_vendored_datatables_are_the_locked_release(built_site):
    """The explorer's vendored DataTables files are byte for byte those of the npm packages that
    package-lock.json pins (installed by `make test`)."""
    import json

    from safetybook import paths

    vendor = paths.ROOT / "_ext" / "explorer_page" / "vendor"
    modules = paths.ROOT / "node_modules"
    assert (modules / ".installed").exists(), "node_modules is missing: run `make test` (npm ci)"
    lock = json.loads((paths.ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    pairs = {
        "dataTables.min.js": ("datatables.net", "js/dataTables.min.js"),
        "dataTables.dataTables.min.css": ("datatables.net-dt", "css/dataTables.dataTables.min.css"),
    }
    for name, (package, inner) in pairs.items():
        installed = json.loads((modules / package / "package.json").read_text(encoding="utf-8"))
        assert installed["version"] == lock[f"node_modules/{package}"]["version"]
        assert (vendor / name).read_bytes() == (modules / package / inner).read_bytes(), name
        assert (built_site / "_static" / "explorer" / name).read_bytes() == (
            vendor / name
        ).read_bytes()
