"""Draw round 3 of the blind second coding: fresh units, and pairs of rows for the unit grouping.

    python curation/reliability/draw_round3.py

Round 3 answers the v0.2 referee: the earlier rounds were coded on rows used to revise the
codebook (in-sample), and the unit grouping was given, not coded. It writes, from the data as
recoded in December 2026 and with a fixed seed:

- `sample_round3.csv`: every counted row of 64 units never sampled before (context rows left out),
  in the same blind form as before (row id, date, source title, publisher, url, evidence phrase);
- `pairs_round3.csv`: 70 pairs of rows, each shown blind, for the question "do these two rows
  report one unit?": 25 pairs of rows of one unit, 25 pairs the merging rule flagged and a curator
  listed as distinct, and 20 pairs of first steps of different units by one actor within 60 days.
  Which stratum a pair comes from is kept in `pairs_round3_key.csv`, never shown to the coder.
"""

from __future__ import annotations

import csv
import datetime as dt
import random

from draw_sample import HERE, ROOT, read, write_blind

SEED = 20261205
UNITS = 64
PAIRS = {"same_unit": 25, "reviewed_distinct": 25, "near": 20}
PAIR_COLUMNS = [
    "pair",
    "a_date",
    "a_date_precision",
    "a_source_title",
    "a_publisher",
    "a_url",
    "a_evidence",
    "b_date",
    "b_date_precision",
    "b_source_title",
    "b_publisher",
    "b_url",
    "b_evidence",
]


def sampled_before() -> set[str]:
    events = {r["event_id"]: r for r in read(ROOT / "data" / "events.csv")}
    ids = {r["event_id"] for name in ("sample.csv", "sample_extension.csv") for r in read(HERE / name)}
    return {events[i]["unit_id"] or events[events[i]["same_event_as"]]["unit_id"] for i in ids if i in events}


def blind(row: dict, sources: dict, side: str) -> dict:
    s = sources[row["source_id"]]
    return {
        f"{side}_date": row["date"],
        f"{side}_date_precision": row["date_precision"],
        f"{side}_source_title": s["title"],
        f"{side}_publisher": s["publisher"],
        f"{side}_url": s["url"],
        f"{side}_evidence": row["evidence"],
    }


def main() -> None:
    rng = random.Random(SEED)
    every = read(ROOT / "data" / "events.csv")
    sources = {r["source_id"]: r for r in read(ROOT / "data" / "sources.csv")}
    counted = [r for r in every if not r["same_event_as"] and r["unit_kind"] != "context"]
    fresh = sorted({r["unit_id"] for r in counted} - sampled_before())
    chosen = set(rng.sample(fresh, UNITS))
    order = {u: i for i, u in enumerate(sorted(chosen))}
    rows = sorted(
        (r for r in counted if r["unit_id"] in chosen),
        key=lambda r: (order[r["unit_id"]], r["date"], r["event_id"]),
    )
    write_blind(HERE / "sample_round3.csv", rows, sources, order, "r")

    by_id = {r["event_id"]: r for r in every}
    unit_of = {
        r["event_id"]: r["unit_id"] or by_id[r["same_event_as"]]["unit_id"]
        for r in every
        if (r["unit_id"] or r["same_event_as"]) and by_id.get(r["same_event_as"] or r["event_id"])
    }
    members: dict[str, list[dict]] = {}
    for r in every:
        if r["event_id"] in unit_of and (r["unit_kind"] or by_id[r["same_event_as"]]["unit_kind"]) != "context":
            members.setdefault(unit_of[r["event_id"]], []).append(r)
    pairs = []
    multi = sorted(u for u, rs in members.items() if len(rs) >= 2 and u not in chosen)
    for u in rng.sample(multi, PAIRS["same_unit"]):
        a, b = rng.sample(members[u], 2)
        pairs.append(("same_unit", a, b))
    reviewed = read(ROOT / "data" / "raw" / "reviewed_distinct_pairs.csv")
    firsts = {r["unit_id"]: r for r in counted if r["event_id"] == r["unit_id"]}
    reviewed = [p for p in reviewed if p["first"] in firsts and p["second"] in firsts]
    for p in rng.sample(reviewed, PAIRS["reviewed_distinct"]):
        pairs.append(("reviewed_distinct", firsts[p["first"]], firsts[p["second"]]))
    listed = {tuple(sorted((p["first"], p["second"]))) for p in reviewed}
    near = []
    ordered = sorted(firsts.values(), key=lambda r: r["date"])
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            gap = (dt.date.fromisoformat(b["date"]) - dt.date.fromisoformat(a["date"])).days
            if gap > 60:
                break
            if a["actor"] == b["actor"] and tuple(sorted((a["unit_id"], b["unit_id"]))) not in listed:
                near.append((a, b))
    for a, b in rng.sample(near, PAIRS["near"]):
        pairs.append(("near", a, b))
    rng.shuffle(pairs)
    with open(HERE / "pairs_round3.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, PAIR_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for i, (_, a, b) in enumerate(pairs, start=1):
            a, b = (a, b) if rng.random() < 0.5 else (b, a)
            writer.writerow({"pair": f"p{i:02d}"} | blind(a, sources, "a") | blind(b, sources, "b"))
            pairs[i - 1] = (pairs[i - 1][0], a, b)
    with open(HERE / "pairs_round3_key.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["pair", "stratum", "a_event_id", "b_event_id", "same_unit"])
        for i, (stratum, a, b) in enumerate(pairs, start=1):
            same = "yes" if unit_of[a["event_id"]] == unit_of[b["event_id"]] else "no"
            writer.writerow([f"p{i:02d}", stratum, a["event_id"], b["event_id"], same])
    print(f"{UNITS} fresh units ({len(rows)} rows) of {len(fresh)}; {len(pairs)} pairs")


if __name__ == "__main__":
    main()
