"""The data behind the "Explore the record" page: one record per counted unit, from the tidy tables.

Written at build time by the Sphinx extension beside it, `_ext/explorer.py`, as a script that assigns one
global (`window.safetybookRecord`), so the page works from `file://` and offline. Every value a
reader sees is in words (labels), never a code; codes are kept only where the page filters on them
(theme, type, concern), since they are stable in a shared link.
"""

from __future__ import annotations

import json

import pandas as pd

from safetybook import labels, load
from safetybook.formatting import publication_date, shown_date
from safetybook.style import THEME_LABELS

KINDS = {"episode": "Government episode", "announcement": "Announcement"}
DIRECTION = {"pressure": "Pressure", "relief": "Relief", "neutral": "Neutral"}
GLOBAL_NAME = "safetybookRecord"


def counted_units() -> pd.DataFrame:
    """The units the book counts (episodes and announcements; context units are left out)."""
    units = load.units()
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


def _apart(report: pd.Series, step: pd.Series) -> bool:
    """A report conflicts with its step when their two date intervals do not overlap."""
    return bool(
        report["date_latest"] < step["date_earliest"]
        or report["date_earliest"] > step["date_latest"]
    )


def records() -> dict:
    """Every counted unit with its steps, sources and conflicting reports, and the words the page
    needs for its filters. Units are in date order, as in the book's lists."""
    units = counted_units()
    rows = load.events(include_corroborating=True)
    names = load.organisations().set_index("org_id")["name"]
    steps = rows[rows["same_event_as"].isna()].set_index("event_id")
    reports = rows[rows["same_event_as"].notna()]
    used: set[str] = set()
    out = []
    for unit in units.itertuples(index=False):
        own = steps[steps["unit_id"] == unit.unit_id].sort_values(["date", "date_latest"])
        others = reports[reports["unit_id"] == unit.unit_id]
        step_list = [
            [
                shown_date(day, precision),
                labels.STEP[step],
                labels.EVENT_TYPE[kind],
                str(text),
                str(source),
            ]
            for day, precision, step, kind, text, source in zip(
                own["date"],
                own["date_precision"],
                own["step"],
                own["event_type"],
                own["description"],
                own["source_id"],
                strict=True,
            )
        ]
        conflicts = [
            [
                shown_date(r["date"], r["date_precision"]),
                shown_date(
                    steps.at[r["same_event_as"], "date"],
                    steps.at[r["same_event_as"], "date_precision"],
                ),
                str(steps.at[r["same_event_as"], "description"]),
                str(r["source_id"]),
            ]
            for _, r in others.iterrows()
            if _apart(r, steps.loc[r["same_event_as"]])
        ]
        sources = list(dict.fromkeys([unit.source_id, *own["source_id"], *others["source_id"]]))
        used.update(sources)
        last = own.iloc[-1]
        end = shown_date(last["date"], last["date_precision"]) if len(own) > 1 else ""
        start = shown_date(unit.date, unit.date_precision)
        out.append(
            {
                "id": unit.unit_id,
                "kind": unit.unit_kind,
                "theme": unit.theme,
                "date": start,
                "end": "" if end == start else end,
                "sort": f"{unit.date:%Y-%m-%d}",
                "year": int(unit.date.year),
                "place": labels.place(unit.jurisdiction),
                "applies": labels.place(unit.affected_area)
                if pd.notna(unit.affected_area) and unit.affected_area != unit.jurisdiction
                else "",
                "type": unit.event_type,
                "direction": DIRECTION.get(unit.direction, "") if pd.notna(unit.direction) else "",
                "concern": unit.concern,
                "who": str(names.get(unit.actor, "")),
                "text": str(unit.description),
                "official": bool(unit.official),
                "sources": sources,
                "steps": step_list,
                "conflicts": conflicts,
            }
        )
    present = {key: {u[key] for u in out} for key in ("theme", "type", "concern")}
    return {
        "units": out,
        "sources": _sources(used),
        "words": {
            "kind": KINDS,
            "theme": {k: v for k, v in THEME_LABELS.items() if k in present["theme"]},
            "type": {k: v for k, v in labels.EVENT_TYPE.items() if k in present["type"]},
            "concern": {k: v for k, v in labels.CONCERN.items() if k in present["concern"]},
        },
    }


def record_js() -> str:
    """The record as a script assigning one global (loadable from `file://`, unlike JSON)."""
    payload = json.dumps(records(), ensure_ascii=False, separators=(",", ":"))
    return (
        "/* The book's record, one entry per unit; generated from data/ at build time by "
        "_ext/explorer.py. Licence: CC BY 4.0. */\n"
        f"window.{GLOBAL_NAME} = {payload};\n"
    )
