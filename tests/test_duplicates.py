"""No double counting: the merging rule that `make data` enforces finds what referees found."""

from __future__ import annotations

from safetybook import load, paths
from safetybook_pipeline import duplicates, validate

# Pairs the referee of version 0.1.0 found counted twice; each is now one unit.
KNOWN_DUPLICATES = [
    ("chi-015", "hea-036"),
    ("bul-022", "chi-007"),
    ("chi-010", "hea-048"),
    ("hea-003", "hea-025"),
]
# Pairs the referee of version 0.2 found counted twice (same post, several features; renewals);
# each is now one unit, the second row a step of the first.
MERGED_IN_V0_3 = [
    ("bul-002", "bul-003"),
    ("bul-020", "bul-021"),
    ("bul-014", "bul-015"),
    ("chi-050", "chi-051"),
    ("hea-030", "hea-031"),
]


def test_the_description_check_finds_the_v0_1_duplicates_when_they_are_not_merged():
    reports = load.events(include_corroborating=True)
    every_row_a_unit = reports.assign(unit_id=reports["event_id"])
    flagged = duplicates.candidate_pairs(every_row_a_unit)
    found = set(zip(flagged["first"], flagged["second"], strict=True))
    assert set(KNOWN_DUPLICATES) <= found, set(KNOWN_DUPLICATES) - found


def unit_of_every_row() -> dict[str, str]:
    """The unit each raw row belongs to; a report of a step belongs to that step's unit."""
    reports = load.events(include_corroborating=True)
    counted = reports[reports["same_event_as"].isna() | (reports["same_event_as"] == "")]
    unit = dict(zip(counted["event_id"], counted["unit_id"], strict=True))
    for event_id, target in zip(reports["event_id"], reports["same_event_as"], strict=True):
        if isinstance(target, str) and target:
            unit[event_id] = unit[target]
    return unit


def test_the_merging_rule_finds_the_v0_2_duplicates_when_they_are_not_merged():
    tables, problems = validate.validate(paths.RAW_DIR)
    assert not problems, problems[:3]
    events = tables["events"]
    reports = {row.values["event_id"] for row in events if row.values["same_event_as"]}
    for row in events:  # undo every merge: each counted row becomes its own unit
        if not row.values["same_event_as"]:
            row.values["unit_id"] = row.values["event_id"]
    found = duplicates.flagged_pairs(events)
    # A row kept since as a report of a later step of the same unit is checked by the next test.
    still_counted = {pair for pair in MERGED_IN_V0_3 if not reports & set(pair)}
    assert len(still_counted) >= 4, still_counted
    assert still_counted <= set(found), still_counted - set(found)


def test_the_merged_pairs_are_one_unit_today():
    unit = unit_of_every_row()
    for first, second in MERGED_IN_V0_3:
        assert unit[first] == unit[second], (first, second)


def test_every_reviewed_pair_is_one_the_rule_flags_or_was_reviewed_before_it():
    tables, _ = validate.validate(paths.RAW_DIR)
    flagged = duplicates.flagged_pairs(tables["events"])
    listed = duplicates.reviewed_lines(paths.RAW_DIR / duplicates.REVIEWED_FILE)
    stale = [pair for pair in listed if pair not in flagged and pair != ("gov-019", "gov-020")]
    assert not stale, f"reviewed pairs that no rule flags any more (remove them): {stale}"
