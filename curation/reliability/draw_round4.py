"""Draw round 4 of the blind second coding: 64 units never sampled before (rounds 1 to 3 left out).

    python curation/reliability/draw_round4.py

Round 3 gave a concern kappa below 0.8 on fresh units; the codebook's concern rules were revised
(what counts as stated, announcements coded by what they do, which concern wins), so, as the
reliability rule requires, a new fresh sample is drawn and coded blind. Writes `sample_round4.csv`
in the same blind form as the earlier rounds.
"""

from __future__ import annotations

import random

from draw_sample import HERE, ROOT, read, write_blind

SEED = 20261206
UNITS = 64


def main() -> None:
    every = read(ROOT / "data" / "events.csv")
    sources = {r["source_id"]: r for r in read(ROOT / "data" / "sources.csv")}
    counted = [r for r in every if not r["same_event_as"] and r["unit_kind"] != "context"]
    unit_of = {r["event_id"]: r["unit_id"] for r in counted}
    before = set()
    for name in ("sample.csv", "sample_extension.csv", "sample_round3.csv"):
        before |= {unit_of.get(r["event_id"], r["event_id"]) for r in read(HERE / name)}
    fresh = sorted({r["unit_id"] for r in counted} - before)
    chosen = set(random.Random(SEED).sample(fresh, UNITS))
    order = {u: i for i, u in enumerate(sorted(chosen))}
    rows = sorted(
        (r for r in counted if r["unit_id"] in chosen),
        key=lambda r: (order[r["unit_id"]], r["date"], r["event_id"]),
    )
    write_blind(HERE / "sample_round4.csv", rows, sources, order, "s")
    print(f"{UNITS} fresh units ({len(rows)} rows) of {len(fresh)}")


if __name__ == "__main__":
    main()
