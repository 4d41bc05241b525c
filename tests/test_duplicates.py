"""No double counting: look-alike units are merged, or reviewed and listed as distinct."""

from __future__ import annotations

from safetybook import load, paths
from safetybook_pipeline import duplicates

REVIEWED = paths.RAW_DIR / "reviewed_distinct_pairs.csv"
# Pairs the referee of version 0.1.0 found counted twice; each is now one unit.
KNOWN_DUPLICATES = [
    ("chi-015", "hea-036"),
    ("bul-022", "chi-007"),
    ("chi-010", "hea-048"),
    ("hea-003", "hea-025"),
]


def test_every_candidate_duplicate_is_merged_or_reviewed_as_distinct():
    flagged = duplicates.candidate_pairs(load.units())
    reviewed = duplicates.reviewed(REVIEWED)
    open_pairs = [
        (r.first, r.second, r.shared)
        for r in flagged.itertuples()
        if (r.first, r.second) not in reviewed
    ]
    assert not open_pairs, (
        "these units look like one unit recorded twice: merge them (unit_id or same_event_as) or "
        f"list them with a reason in {REVIEWED.name}: {open_pairs}"
    )


def test_reviewed_pairs_name_existing_units_and_give_a_reason():
    units = set(load.units()["unit_id"])
    rows = REVIEWED.read_text(encoding="utf-8").splitlines()[1:]
    assert rows, "the reviewed file is empty: then it should not exist"
    for first, second in duplicates.reviewed(REVIEWED):
        assert {first, second} <= units, f"{first}, {second}: not both units"
    assert all(line.count(",") >= 2 and len(line.split(",", 2)[2].strip('"')) > 20 for line in rows)


def test_the_check_finds_the_duplicates_the_referee_found_when_they_are_not_merged():
    reports = load.events(include_corroborating=True)
    every_row_a_unit = reports.assign(unit_id=reports["event_id"])
    flagged = duplicates.candidate_pairs(every_row_a_unit)
    found = set(zip(flagged["first"], flagged["second"], strict=True))
    assert set(KNOWN_DUPLICATES) <= found, set(KNOWN_DUPLICATES) - found
