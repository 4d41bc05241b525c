"""Candidate duplicates among distinct units: the check behind the no-double-counting rule.

Two units are flagged when their first steps fall within 31 days of each other, apply to the same
place (or one is global), and share most of their distinctive description words. A flagged pair
must be merged (one unit) or listed, with a one-line reason, in
`data/raw/reviewed_distinct_pairs.csv`.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pandas as pd

WINDOW_DAYS = 31
SHARED = 0.3  # share of the shorter description's distinctive words found in the other
COMMON = 0.04  # words in more than this share of all descriptions are not distinctive
STOP = set(
    "the and for with from that this its their into over after about under which were have been "
    "also than more will would could said says year years first other users user using used "
    "tiktok tiktok's bytedance".split()
    + "january february march april june july august september october november december".split()
)


def words(text: str) -> set[str]:
    found = re.findall(r"[a-z0-9][a-z0-9'-]{3,}", text.lower())
    return {w for w in found if w not in STOP and not re.fullmatch(r"(19|20)[0-9]{2}", w)}


def distinctive(descriptions: pd.Series) -> list[set[str]]:
    """Each description's words, less those common across the whole dataset."""
    sets = [words(d) for d in descriptions]
    counts = Counter(w for s in sets for w in s)
    limit = COMMON * len(sets)
    return [{w for w in s if counts[w] <= limit} for s in sets]


def candidate_pairs(units: pd.DataFrame) -> pd.DataFrame:
    """Pairs of units that look like one unit recorded twice (ids in sorted order)."""
    units = units.sort_values("date").reset_index(drop=True)
    vocab = distinctive(units["description"])
    place = units["affected_area"].fillna(units["jurisdiction"]).astype(str).tolist()
    dates = units["date"].tolist()
    found = []
    for i in range(len(units)):
        for j in range(i + 1, len(units)):
            if (dates[j] - dates[i]).days > WINDOW_DAYS:
                break
            if place[i] != place[j] and "INT" not in (place[i], place[j]):
                continue
            a, b = vocab[i], vocab[j]
            if not a or not b:
                continue
            overlap = len(a & b) / min(len(a), len(b))
            if overlap >= SHARED:
                pair = sorted([units.at[i, "unit_id"], units.at[j, "unit_id"]])
                found.append(
                    {
                        "first": pair[0],
                        "second": pair[1],
                        "overlap": round(overlap, 2),
                        "shared": " ".join(sorted(a & b)),
                    }
                )
    return pd.DataFrame(found, columns=["first", "second", "overlap", "shared"])


def reviewed(path: Path) -> set[tuple[str, str]]:
    """Pairs a curator has checked and found to be distinct units."""
    with open(path, encoding="utf-8", newline="") as handle:
        return {tuple(sorted((r["first"], r["second"]))) for r in csv.DictReader(handle)}


# -- the merging rule, checked by `make data` ------------------------------------------------------

REVIEWED_FILE = "reviewed_distinct_pairs.csv"
SAME_ACTOR_DAYS = 7


def _announced_together(a: dict, b: dict) -> bool:
    """The same actor announced both within 7 days (both dates known to the day), or in the same
    month (either known only to the month); a year-precise date cannot decide."""
    if a["actor"] != b["actor"] or "year" in (a["date_precision"], b["date_precision"]):
        return False
    first, second = pd.to_datetime([a["date"], b["date"]], errors="coerce")
    if pd.isna(first) or pd.isna(second):
        return False  # a malformed date is reported by the cell checks
    if a["date_precision"] == b["date_precision"] == "day":
        return abs((first - second).days) <= SAME_ACTOR_DAYS
    return (first.year, first.month) == (second.year, second.month)


def _units(events: list) -> tuple[dict, dict]:
    """The counted units of the raw events (first rows by unit id) and the sources of each unit."""
    by_id = {r.values["event_id"]: r for r in events}
    first, sources = {}, {}
    for row in events:
        v = row.values
        target = by_id.get(v["same_event_as"]) if v["same_event_as"] else row
        unit = target.values["unit_id"] if target is not None else ""
        if not unit or (target.values["unit_kind"] or "") == "context":
            continue
        sources.setdefault(unit, set()).add(v["source_id"])
        if v["event_id"] == v["unit_id"]:
            first[unit] = row
    return first, sources


def flagged_pairs(events: list) -> dict[tuple[str, str], str]:
    """Every pair of units the merging rule asks a curator to merge or review, with why."""
    first, sources = _units(events)
    ids = sorted(
        (u for u in first if not pd.isna(pd.to_datetime(first[u].values["date"], errors="coerce"))),
        key=lambda u: (first[u].values["date"], u),
    )
    found: dict[tuple[str, str], str] = {}
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            shared = sources.get(a, set()) & sources.get(b, set())
            pair = tuple(sorted((a, b)))
            if shared:
                found[pair] = f"they share the source {sorted(shared)[0]!r}"
            elif _announced_together(first[a].values, first[b].values):
                found[pair] = (
                    f"{first[a].values['actor']!r} announced both within {SAME_ACTOR_DAYS} days "
                    "(or in the same month)"
                )
    frame = pd.DataFrame(
        {
            "unit_id": ids,
            "date": [pd.Timestamp(first[u].values["date"]) for u in ids],
            "description": [first[u].values["description"] for u in ids],
            "jurisdiction": [first[u].values["jurisdiction"] for u in ids],
            "affected_area": [first[u].values["affected_area"] or None for u in ids],
        }
    )
    for r in candidate_pairs(frame).itertuples():
        found.setdefault((r.first, r.second), f"their descriptions share {r.shared!r}")
    return found


def reviewed_lines(path: Path) -> dict[tuple[str, str], tuple[int, str]]:
    """Each reviewed pair (ids in sorted order) with its line in the file and its reason."""
    with open(path, encoding="utf-8", newline="") as handle:
        return {
            tuple(sorted((r["first"], r["second"]))): (line, r["reason"])
            for line, r in enumerate(csv.DictReader(handle), start=2)
        }
