"""Draw the seeded random sample of units for the blind second coding (codebook reliability).

    python curation/reliability/draw_sample.py

Writes `sample.csv`: every counted row of 20% of the units (at least 44), with only what a second
coder may see: the row id, its date as the source gives it, and its source (title, publisher, url,
evidence phrase). The first coding stays in data/raw/events and is never shown to the coder.
"""

from __future__ import annotations

import csv
import math
import random
from pathlib import Path

SEED = 20261130
SHARE = 0.20
HERE = Path(__file__).parent
ROOT = HERE.parents[1]


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


COLUMNS = ["group", "event_id", "date", "date_precision", "source_title", "publisher", "url", "evidence"]


def write_blind(path: Path, rows: list[dict], sources: dict, order: dict, prefix: str) -> None:
    """Write sampled rows in the blind form a second coder sees: row id, date and source only."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for r in rows:
            s = sources[r["source_id"]]
            writer.writerow([f"{prefix}{order[r['unit_id']] + 1:02d}", r["event_id"], r["date"],
                             r["date_precision"], s["title"], s["publisher"], s["url"], r["evidence"]])


def main() -> None:
    events = [r for r in read(ROOT / "data" / "events.csv") if not r["same_event_as"]]
    sources = {r["source_id"]: r for r in read(ROOT / "data" / "sources.csv")}
    units = sorted({r["unit_id"] for r in events})
    size = max(44, math.ceil(SHARE * len(units)))
    chosen = set(random.Random(SEED).sample(units, size))
    rows = [r for r in events if r["unit_id"] in chosen]
    order = {u: i for i, u in enumerate(sorted(chosen))}
    rows.sort(key=lambda r: (order[r["unit_id"]], r["date"], r["event_id"]))
    write_blind(HERE / "sample.csv", rows, sources, order, "g")
    print(f"{size} of {len(units)} units, {len(rows)} rows -> {HERE / 'sample.csv'}")


if __name__ == "__main__":
    main()
