"""Draw round 5 of the blind second coding: a 20% sample of the comparator record.

    python curation/reliability/draw_round5.py

Issue 31 asks that the blind second coding cover a fifth of the new units: Instagram's and
YouTube's records and the rules binding every platform. Units sampled in rounds 1 to 4 are left
out. Writes `sample_round5.csv` in the same blind form as the earlier rounds and
`first_coding_round5.csv`, the record's codes of the sampled rows as they stood when drawn.
"""

from __future__ import annotations

import csv
import math
import random

from draw_sample import HERE, ROOT, read, write_blind

SEED = 20261207
SHARE = 0.20
PLATFORMS = ("instagram", "youtube", "all_platforms")
CODED = ["event_id", "unit_kind", "step", "direction", "event_type", "concern", "actor_level",
         "initiative_lead", "jurisdiction", "platform", "reach"]


def main() -> None:
    every = read(ROOT / "data" / "events.csv")
    sources = {r["source_id"]: r for r in read(ROOT / "data" / "sources.csv")}
    counted = [r for r in every if not r["same_event_as"] and r["unit_kind"] != "context"]
    unit_of = {r["event_id"]: r["unit_id"] for r in counted}
    before = set()
    for name in ("sample.csv", "sample_extension.csv", "sample_round3.csv", "sample_round4.csv"):
        before |= {unit_of.get(r["event_id"], r["event_id"]) for r in read(HERE / name)}
    new = sorted({r["unit_id"] for r in counted if r["platform"] in PLATFORMS} - before)
    size = math.ceil(SHARE * len(new))
    chosen = set(random.Random(SEED).sample(new, size))
    order = {u: i for i, u in enumerate(sorted(chosen))}
    rows = sorted(
        (r for r in counted if r["unit_id"] in chosen),
        key=lambda r: (order[r["unit_id"]], r["date"], r["event_id"]),
    )
    write_blind(HERE / "sample_round5.csv", rows, sources, order, "c")
    with open(HERE / "first_coding_round5.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, CODED, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{size} of {len(new)} new units ({len(rows)} rows)")


if __name__ == "__main__":
    main()
