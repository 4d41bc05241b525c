"""The codebook's rules on units and steps, checked on the raw events (see chapters/codebook.md).

Every counted event row belongs to exactly one unit: an episode (one measure by one public
authority), an announcement (one initiative) or a context row. The unit is named by its first
step's event_id; a corroborating row (same_event_as) takes its target's unit and leaves the unit
columns empty.
"""

from __future__ import annotations

import calendar
import datetime as dt

from safetybook.units import ANNOUNCEMENT_STEPS, CONTEXT_STEPS, EPISODE_STEPS, RELIEF_STEPS

UNIT_COLUMNS = (
    "platform",
    "unit_kind",
    "unit_id",
    "step",
    "direction",
    "actor_level",
    "initiative_lead",
)
# A restriction on official devices, or advice about them, says how far it reaches.
REACH_TYPES = ("device_ban", "advice")
STEPS = {"episode": EPISODE_STEPS, "announcement": ANNOUNCEMENT_STEPS, "context": CONTEXT_STEPS}


def period_end(day: dt.date, precision: str) -> dt.date:
    """Last day of the month or year a month- or year-precise date stands for."""
    if precision == "year":
        return dt.date(day.year, 12, 31)
    if precision == "month":
        return dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    return day


def date_interval_problems(table: str, row) -> list:
    """date_latest narrows a month or year: it lies within that period, on or after the date."""
    v = row.values
    if table != "events" or not v.get("date_latest"):
        return []
    try:
        first, latest = dt.date.fromisoformat(v["date"]), dt.date.fromisoformat(v["date_latest"])
    except ValueError:
        return []  # reported by the cell checks
    if v["date_precision"] == "day":
        return [row.problem("date_latest", "a day-precise date has no interval; leave it empty")]
    if latest < first:
        return [row.problem("date_latest", f"{latest} is before the interval's start {first}")]
    if latest > period_end(first, v["date_precision"]):
        end = period_end(first, v["date_precision"])
        return [
            row.problem("date_latest", f"{latest} is after the {v['date_precision']} ends ({end})")
        ]
    return []


def _latest(values) -> str:
    """The last day a row's date may stand for (its interval's end), as an ISO string.

    A month-precise detail of an announcement made on the 13th lies within its unit's month, so
    it does not come before the unit's first step.
    """
    if values.get("date_latest"):
        return values["date_latest"]
    try:
        return period_end(
            dt.date.fromisoformat(values["date"]), values["date_precision"]
        ).isoformat()
    except (ValueError, KeyError):
        return values.get("date", "")


def _corroborating_problems(row) -> list:
    filled = [c for c in UNIT_COLUMNS if row.values[c]]
    if filled:
        message = f"a corroborating row takes its target's unit; leave {', '.join(filled)} empty"
        return [row.problem(filled[0], message)]
    return []


def _kind_problems(row) -> list:
    v, kind, found = row.values, row.values["unit_kind"], []
    if not v["platform"]:
        found.append(row.problem("platform", "every counted row names whose record it belongs to"))
    if not kind or not v["unit_id"] or not v["step"]:
        missing = [c for c in ("unit_kind", "unit_id", "step") if not v[c]]
        return [
            row.problem(
                missing[0], "every counted row belongs to a unit (unit_kind, unit_id, step)"
            )
        ]
    if kind not in STEPS:
        return []  # an unknown kind is reported by the cell check against the contract
    if v["step"] not in STEPS[kind]:
        allowed = ", ".join(sorted(STEPS[kind]))
        found.append(row.problem("step", f"{v['step']!r} is not a step of an {kind} ({allowed})"))
    needs = {
        "episode": ("direction", "actor_level"),
        "announcement": ("initiative_lead",),
        "context": ("actor_level",),
    }[kind]
    found += [row.problem(c, f"required for an {kind}") for c in needs if not v[c]]
    banned = {
        "episode": ("initiative_lead",),
        "announcement": ("direction", "actor_level"),
        "context": ("direction", "initiative_lead"),
    }[kind]
    found += [row.problem(c, f"must be empty for an {kind}") for c in banned if v[c]]
    return found


def _reach_problems(row, first) -> list:
    """reach is given on an episode's first step that bans TikTok from official devices, may be given
    on advice about devices (to a government's staff, or to the public), and nowhere else."""
    v = row.values
    first_step = first is row and v["unit_kind"] == "episode"
    if first_step and v["event_type"] == "device_ban" and not v["reach"]:
        return [row.problem("reach", "a device ban says how far it reaches")]
    if v["reach"] and not (first_step and v["event_type"] in REACH_TYPES):
        return [row.problem("reach", "only an episode's first step of type device_ban or advice")]
    return []


RESTRICTION_TYPES = ("device_ban", "national_ban", "regional_ban", "divest_or_ban")


def _episode_problems(row, first) -> list:
    v, found = row.values, []
    if v["end_date"] and v["event_type"] in RESTRICTION_TYPES:
        message = "a restriction's end is a lifted (or enjoined, delayed) step of its episode, with its own source"
        found.append(row.problem("end_date", message))
    if (v["step"] in RELIEF_STEPS) != (v["direction"] == "relief"):
        found.append(
            row.problem(
                "direction",
                f"step {v['step']!r} needs direction relief, and only it"
                if v["step"] in RELIEF_STEPS
                else "only enjoined, delayed and lifted steps are relief",
            )
        )
    if v["step"] == "response" and v["actor_level"] != "non_government":
        found.append(
            row.problem(
                "actor_level",
                "a response step is the platform's own action: its actor is the platform (non_government)",
            )
        )
    if v["actor_level"] == "non_government" and v["step"] != "response":
        found.append(
            row.problem(
                "actor_level",
                "a non-government actor takes part in an episode only in a response step",
            )
        )
    if first is row and v["step"] != "announced":
        message = f"an episode opens with its announced step, not {v['step']!r}"
        found.append(row.problem("step", message + "; a later step names its episode in unit_id"))
    if first is row and v["direction"] != "pressure":
        found.append(row.problem("direction", "an episode opens with a pressure step"))
    return found


def _report_problems(row, by_id) -> list:
    """A report leaves the unit columns to its target and carries its target's concern."""
    found = _corroborating_problems(row)
    v = row.values
    target = by_id.get(v["same_event_as"])
    if target is not None and target.values["concern"] != v["concern"]:
        message = f"{v['concern']!r}, but the row it corroborates has {target.values['concern']!r}"
        found.append(row.problem("concern", message))
    return found


def check_units(tables) -> list:
    """Units exist, open with their first step, share a kind and follow the codebook's step rules."""
    events = tables["events"]
    by_id = {r.values["event_id"]: r for r in events}
    found = []
    for row in events:
        v = row.values
        if v["same_event_as"]:
            found += _report_problems(row, by_id)
            continue
        kind_problems = _kind_problems(row)
        found += kind_problems
        if kind_problems and not (v["unit_kind"] and v["unit_id"]):
            continue
        first = by_id.get(v["unit_id"])
        if (
            first is None
            or first.values["same_event_as"]
            or first.values["unit_id"] != v["unit_id"]
        ):
            found.append(
                row.problem(
                    "unit_id",
                    f"{v['unit_id']!r} is not a unit: it must name a counted row that is its own unit's first step",
                )
            )
            continue
        if first.values["unit_kind"] != v["unit_kind"]:
            found.append(
                row.problem(
                    "unit_kind",
                    f"{v['unit_kind']!r}, but unit {v['unit_id']} is an {first.values['unit_kind']}",
                )
            )
        if _latest(v) < first.values["date"]:
            found.append(
                row.problem(
                    "date", f"{v['date']} is before its unit's first step ({first.values['date']})"
                )
            )
        if v["platform"] and first.values["platform"] and v["platform"] != first.values["platform"]:
            message = f"{v['platform']!r}, but unit {v['unit_id']} is {first.values['platform']!r}"
            found.append(row.problem("platform", message))
        found += _reach_problems(row, first)
        if v["unit_kind"] == "episode":
            found += _episode_problems(row, first)
        elif v["unit_kind"] == "announcement" and first is row and v["step"] != "launched":
            message = f"an announcement opens with its launched step, not {v['step']!r}"
            found.append(row.problem("step", message))
    return found + _repeated_step_problems(events) + understated_date_problems(events)


def _interval(values) -> tuple[str, str]:
    return values["date"], _latest(values)


def is_date(text: str) -> bool:
    """Whether a cell holds a valid ISO date (YYYY-MM-DD)."""
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def understated_date_problems(events) -> list:
    """A step stated by its month or year whose reports all place it within a shorter stretch (a
    report gives the day, the others only the month) states that stretch: the record keeps the
    finest date its reports agree on (codebook, "Dates"). A row with `date_latest` states an
    interval on purpose (reports that give different days) and is left to it."""
    reports: dict[str, list] = {}
    for row in events:
        if row.values["same_event_as"]:
            reports.setdefault(row.values["same_event_as"], []).append(row)
    found = []
    for row in events:
        v = row.values
        if v["same_event_as"] or v["date_precision"] == "day" or v["date_latest"]:
            continue
        intervals = [_interval(r.values) for r in reports.get(v["event_id"], [])]
        own = _interval(v)
        if not intervals or not all(map(is_date, (d for i in [*intervals, own] for d in i))):
            continue  # no report, or a malformed date (reported by the cell checks)
        first = max(start for start, _ in [*intervals, own])
        last = min(end for _, end in [*intervals, own])
        if first > last or (first, last) == own:
            continue  # the reports disagree (an interval or a disagreement to state), or agree
        narrow = [
            r.values["event_id"]
            for r in reports[v["event_id"]]
            if _interval(r.values)[0] == first or _interval(r.values)[1] == last
        ]
        whole_month = (
            first.endswith("-01")
            and last == period_end(dt.date.fromisoformat(first), "month").isoformat()
        )
        stated = "the day" if first == last else "the month" if whole_month else "that interval"
        message = (
            f"{v['event_id']} is dated by its {v['date_precision']}, but every report of it lies "
            f"within {first}..{last} ({', '.join(narrow)}): state {stated}, citing a report that "
            "gives it, as the codebook's Dates rule asks"
        )
        found.append(row.problem("date", message))
    return found


OPENING_STEPS = ("announced", "launched", "noted")


def _repeated_step_problems(events) -> list:
    """One act is one counted row: a unit opens once, and a step described twice in the same words
    is the same act reported with different days (make the second a report of the first)."""
    found, opened, described = [], {}, {}
    for row in events:
        v = row.values
        if v["same_event_as"] or not v["unit_id"]:
            continue
        if v["step"] in OPENING_STEPS:
            if v["unit_id"] in opened and row is not opened[v["unit_id"]]:
                first = opened[v["unit_id"]]
                message = f"unit {v['unit_id']} already opens at {first.file}:{first.line}; a unit opens once"
                found.append(row.problem("step", message))
            opened.setdefault(v["unit_id"], row)
        key = (v["unit_id"], v["step"], v["description"])
        if key in described:
            first = described[key]
            message = (
                f"the same {v['step']} step as {first.values['event_id']} ({first.file}:{first.line}), "
                "in the same words: make this row a report of it (same_event_as)"
            )
            found.append(row.problem("description", message))
        described.setdefault(key, row)
    return found
