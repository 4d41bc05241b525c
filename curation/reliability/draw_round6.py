"""Draw round 6 of the blind second coding: fresh units from the whole record, coded under the
codebook as revised after round 5.

    python curation/reliability/draw_round6.py

Round 5 found two gaps in the codebook (no event type for a law binding every platform, no lead
value for a comparator platform's own company); they were closed, but no round had tested the
revised rules. This round draws 60 units never sampled in rounds 1 to 5, from every platform's
record, with a fixed seed, and writes `sample_round6.csv` in the same blind form as the earlier
rounds and `first_coding_round6.csv`, the record's codes of the sampled rows as they stood when
drawn.
"""

from __future__ import annotations

import csv
import random

from draw_round5 import CODED
from draw_sample import HERE, ROOT, read, write_blind

SEED = 20261208
SIZE = 60
EARLIER = (
    "sample.csv",
    "sample_extension.csv",
    "sample_round3.csv",
    "sample_round4.csv",
    "sample_round5.csv",
)


def main() -> None:
    every = read(ROOT / "data" / "events.csv")
    sources = {r["source_id"]: r for r in read(ROOT / "data" / "sources.csv")}
    counted = [r for r in every if not r["same_event_as"] and r["unit_kind"] != "context"]
    unit_of = {r["event_id"]: r["unit_id"] for r in counted}
    before = set()
    for name in EARLIER:
        before |= {unit_of.get(r["event_id"], r["event_id"]) for r in read(HERE / name)}
    fresh = sorted({r["unit_id"] for r in counted} - before)
    chosen = set(random.Random(SEED).sample(fresh, SIZE))
    order = {u: i for i, u in enumerate(sorted(chosen))}
    rows = sorted(
        (r for r in counted if r["unit_id"] in chosen),
        key=lambda r: (order[r["unit_id"]], r["date"], r["event_id"]),
    )
    write_blind(HERE / "sample_round6.csv", rows, sources, order, "f")
    with open(HERE / "first_coding_round6.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, CODED, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{SIZE} of {len(fresh)} fresh units ({len(rows)} rows)")


if __name__ == "__main__":
    main()
