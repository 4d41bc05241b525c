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
