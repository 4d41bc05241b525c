"""The data behind the "Explore the record" page: one record per counted unit, from the tidy tables.

Written at build time by the Sphinx extension beside it, `_ext/explorer.py`, as a script that assigns one
global (`window.safetybookRecord`), so the page works from `file://` and offline. Every value a
reader sees is in words (labels), never a code; codes are kept only where the page filters on them
(theme, type, concern, platform), since they are stable in a shared link.

`records()` is the record as Python reads it (one dictionary per unit, sources by id); `payload()`
is the same record packed for the page (units as lists in the order of `fields`, sources and step
words by position, a step's description left out when it is the unit's own), which the page's
script unpacks. TikTok's record and the comparator records of Instagram and YouTube are all here;
each unit says whose record it belongs to (`platform`).
"""

from __future__ import annotations

import json

import pandas as pd

from safetybook import chapter, labels, load, outcomes
from safetybook.formatting import publication_date, shown_date
from safetybook.style import THEME_LABELS

KINDS = {"episode": "Government episode", "announcement": "Announcement"}
DIRECTION = {"pressure": "Pressure", "relief": "Relief", "neutral": "Neutral"}
GLOBAL_NAME = "safetybookRecord"
# A unit as the page receives it: one list per unit, in this order.
FIELDS = (
    "id",
    "kind",
    "platform",
    "theme",
    "date",
    "end",
    "sort",
    "place",
    "applies",
    "type",
    "types",
    "direction",
    "concern",
    "who",
    "text",
    "what",
    "find",
    "official",
    "sources",
    "steps",
    "conflicts",
)
# A step as the page receives it: [id, date, step word, type, description ("" when it is the unit's
# own), source, amount, who acted ("" when the unit's actor)].
STEP_FIELDS = ("id", "date", "step", "type", "text", "source", "amount", "who")
SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$"}


def counted_units(units: pd.DataFrame) -> pd.DataFrame:
    """The units the book counts (episodes and announcements; context units are left out)."""
    return units[units["unit_kind"].isin(list(KINDS))].reset_index(drop=True)


def _sources(used: set[str]) -> dict[str, list]:
    """Each source a unit uses: publisher, date in words, address, kind in words, official or not."""
    frame = load.sources().set_index("source_id").loc[sorted(used)]
    return {
        str(key): [
            str(row["publisher"]),
            publication_date(row),
            "" if pd.isna(row["url"]) else str(row["url"]),
            labels.SOURCE_KIND[row["kind"]],
            row["kind"] in load.OFFICIAL_KINDS,
        ]
        for key, row in frame.iterrows()
    }


def _apart(report, step) -> bool:
    """A report conflicts with its step when their two date intervals do not overlap."""
    return bool(
        report["date_latest"] < step["date_earliest"]
        or report["date_earliest"] > step["date_latest"]
    )


def _find(amounts: list[tuple[float, str]]) -> str:
    """Other spellings of a unit's amounts for the search: the full number and the currency's symbol
    ('530,000,000 €530 million'), so a reader finds a fine however they write it."""
    words = []
    for value, currency in amounts:
        shown = outcomes.money(value, currency)
        words.append(f"{value:,.0f}")
        if currency in SYMBOLS:
            words.append(SYMBOLS[currency] + shown.removeprefix(f"{currency} "))
    return " ".join(dict.fromkeys(words))


def records() -> dict:
    """Every counted unit with its steps (their types, amounts and who acted), its outcome, sources
    and conflicting reports, and the words the page needs for its filters. Units are in date order,
    as in the book's lists."""
    book = chapter.read("all")
    units = counted_units(book.units)
    names = book.organisations["name"].to_dict()
    what = outcomes.unit_outcomes(book)
    amounts = outcomes.step_amounts(book.steps, book.reports, book.measures).to_dict()
    step_rows = book.steps.sort_values(["date", "date_latest", "event_id"]).to_dict("records")
    by_id = {s["event_id"]: s for s in step_rows}
    own_steps: dict[str, list[dict]] = {}
    for s in step_rows:
        own_steps.setdefault(s["unit_id"], []).append(s)
    own_reports: dict[str, list[dict]] = {}
    for r in book.reports[book.reports["same_event_as"].notna()].to_dict("records"):
        own_reports.setdefault(r["unit_id"], []).append(r)
    money_rows = book.measures[book.measures["metric"].isin(outcomes.AMOUNT_METRICS)]
    target = book.reports["same_event_as"].fillna(book.reports["event_id"])
    step_of = dict(zip(book.reports["event_id"], target, strict=True))
    money: dict[str, list[tuple[float, str]]] = {}
    for event_id, value, currency in zip(
        money_rows["event_id"], money_rows["value"], money_rows["measured_in"], strict=True
    ):
        if step_of.get(event_id) in by_id:
            money.setdefault(by_id[step_of[event_id]]["unit_id"], []).append((value, currency))
    used: set[str] = set()
    out = []
    for unit in units.itertuples(index=False):
        own = own_steps[unit.unit_id]
        others = own_reports.get(unit.unit_id, [])
        step_list = [
            {
                "id": str(s["event_id"]),
                "date": shown_date(s["date"], s["date_precision"]),
                "step": labels.STEP[s["step"]],
                "type": str(s["event_type"]),
                "text": str(s["description"]),
                "source": str(s["source_id"]),
                "amount": str(amounts.get(s["event_id"], "")),
                "who": str(names.get(s["actor"], "")),
            }
            for s in own
        ]
        conflicts = [
            [
                shown_date(r["date"], r["date_precision"]),
                shown_date(
                    by_id[r["same_event_as"]]["date"], by_id[r["same_event_as"]]["date_precision"]
                ),
                str(by_id[r["same_event_as"]]["description"]),
                str(r["source_id"]),
            ]
            for r in others
            if _apart(r, by_id[r["same_event_as"]])
        ]
        sources = list(
            dict.fromkeys(
                [unit.source_id, *(s["source_id"] for s in own), *(r["source_id"] for r in others)]
            )
        )
        used.update(sources)
        last = own[-1]
        end = shown_date(last["date"], last["date_precision"]) if len(own) > 1 else ""
        start = shown_date(unit.date, unit.date_precision)
        out.append(
            {
                "id": unit.unit_id,
                "kind": unit.unit_kind,
                "platform": unit.platform,
                "theme": unit.theme,
                "date": start,
                "end": "" if end == start else end,
                "sort": f"{unit.date:%Y-%m-%d}",
                "place": labels.place(unit.jurisdiction),
                "applies": labels.place(unit.affected_area)
                if pd.notna(unit.affected_area) and unit.affected_area != unit.jurisdiction
                else "",
                "type": unit.event_type,
                "types": list(what.at[unit.unit_id, "types"]),
                "direction": DIRECTION.get(unit.direction, "") if pd.notna(unit.direction) else "",
                "concern": unit.concern,
                "who": str(names.get(unit.actor, "")),
                "text": str(unit.description),
                "what": str(what.at[unit.unit_id, "what"]),
                "find": _find(money.get(unit.unit_id, [])),
                "official": bool(unit.official),
                "sources": sources,
                "steps": step_list,
                "conflicts": conflicts,
            }
        )
    present = {key: {u[key] for u in out} for key in ("theme", "concern", "platform")}
    present["type"] = {t for u in out for t in u["types"]}
    return {
        "units": out,
        "sources": _sources(used),
        "words": {
            "kind": KINDS,
            "platform": {k: v for k, v in labels.PLATFORM.items() if k in present["platform"]},
            "theme": {k: v for k, v in THEME_LABELS.items() if k in present["theme"]},
            "type": {k: v for k, v in labels.EVENT_TYPE.items() if k in present["type"]},
            "concern": {k: v for k, v in labels.CONCERN.items() if k in present["concern"]},
        },
    }


def payload(record: dict | None = None) -> dict:
    """The record packed for the page: units as lists (in the order of `fields`), sources as a list
    that units and steps point into by position, step and source-kind words by position, and a
    step's description and actor left out where they repeat the unit's."""
    record = records() if record is None else record
    source_ids = list(record["sources"])
    position = {key: i for i, key in enumerate(source_ids)}
    kinds = sorted({s[3] for s in record["sources"].values()})
    step_words = list(dict.fromkeys(labels.STEP.values()))
    units = []
    for unit in record["units"]:
        row = dict(unit)
        row["sources"] = [position[s] for s in unit["sources"]]
        row["steps"] = [
            [
                s["id"],
                s["date"],
                step_words.index(s["step"]),
                s["type"],
                "" if s["text"] == unit["text"] else s["text"],
                position[s["source"]],
                s["amount"],
                "" if s["who"] == unit["who"] else s["who"],
            ]
            for s in unit["steps"]
        ]
        row["conflicts"] = [[c[0], c[1], c[2], position[c[3]]] for c in unit["conflicts"]]
        units.append([row[field] for field in FIELDS])
    return {
        "fields": list(FIELDS),
        "stepFields": list(STEP_FIELDS),
        "units": units,
        "sources": [
            [s[0], s[1], s[2], kinds.index(s[3]), int(s[4])]
            for s in (record["sources"][key] for key in source_ids)
        ],
        "words": {**record["words"], "step": step_words, "sourceKind": kinds},
    }


def record_js() -> str:
    """The record as a script assigning one global (loadable from `file://`, unlike JSON)."""
    packed = json.dumps(payload(), ensure_ascii=False, separators=(",", ":"))
    return (
        "/* The book's record, one entry per unit; generated from data/ at build time by "
        "_ext/explorer.py. Licence: CC BY 4.0. */\n"
        f"window.{GLOBAL_NAME} = {packed};\n"
    )
