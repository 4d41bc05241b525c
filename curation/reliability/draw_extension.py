"""Extend the reliability sample after the dataset grew, so it stays at least 20% of all units.

    python curation/reliability/draw_extension.py

Draws, with a fixed seed, units that are not yet in `sample.csv` until the sample holds 20% of the
units, and writes their rows to `sample_extension.csv` in the same blind form (row id, date and
source only).
"""

from __future__ import annotations

import math
import random

from draw_sample import HERE, ROOT, SHARE, read, write_blind

SEED = 20261201


def main() -> None:
    events = [r for r in read(ROOT / "data" / "events.csv") if not r["same_event_as"]]
    sources = {r["source_id"]: r for r in read(ROOT / "data" / "sources.csv")}
    unit_of = {r["event_id"]: r["unit_id"] for r in events}
    sampled = {unit_of[r["event_id"]] for r in read(HERE / "sample.csv")}
    units = sorted({r["unit_id"] for r in events})
    needed = max(0, math.ceil(SHARE * len(units)) - len(sampled))
    chosen = set(random.Random(SEED).sample(sorted(set(units) - sampled), needed))
    rows = sorted(
        (r for r in events if r["unit_id"] in chosen),
        key=lambda r: (r["unit_id"], r["date"], r["event_id"]),
    )
    order = {u: i for i, u in enumerate(sorted(chosen))}
    write_blind(HERE / "sample_extension.csv", rows, sources, order, "x")
    print(
        f"{len(sampled)} units sampled before; {needed} more drawn ({len(rows)} rows) of {len(units)}"
    )


if __name__ == "__main__":
    main()
