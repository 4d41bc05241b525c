"""One-off migration (kept for the record): recode data/raw/events into units and steps.

Run once, from the repository root, on the raw events of version 0.1.0:
    python curation/migrate_units.py
It replaces the columns country, level, scope and reason with the codebook's variables (unit_kind,
unit_id, step, direction, actor_level, initiative_lead, jurisdiction, affected_area, concern) and
retypes a measure by what it does. Rules first; every judgement on a named row is in OVERRIDES,
with its reason. The codebook page (chapters/codebook.md) defines every code.
"""

from __future__ import annotations

import csv
import glob
import re
from pathlib import Path

RAW = Path("data/raw")
GOVERNMENT_TYPES = {
    "device_ban",
    "national_ban",
    "regional_ban",
    "executive_order",
    "law",
    "security_review",
    "investigation",
    "order",
    "fine",
    "settlement",
    "lawsuit",
    "court_ruling",
}
COLUMNS = [
    "event_id",
    "date",
    "date_precision",
    "end_date",
    "theme",
    "unit_kind",
    "unit_id",
    "step",
    "direction",
    "event_type",
    "actor",
    "actor_level",
    "initiative_lead",
    "counterpart",
    "jurisdiction",
    "affected_area",
    "concern",
    "description",
    "source_id",
    "evidence",
    "same_event_as",
]
REASON_TO_CONCERN = {
    "security_data": "data_security_foreign_control",
    "content_morality": "content_public_order",
    "public_order_politics": "content_public_order",
    "child_protection": "child_protection",
    "other": "other",
}
THEME_CONCERN = {
    "health": "health_information",
    "anti_bullying": "bullying_harassment",
    "child_safety": "child_protection",
    "sports": "none",
    "government": "other",
}
TIKTOK = {"tiktok", "bytedance"}

# row -> changes. Keys: unit (unit_id), step, direction, type (event_type), kind (unit_kind),
# level (actor_level), lead (initiative_lead), jur (jurisdiction), area (affected_area),
# concern, same (same_event_as), date/precision. Each has a reason in the comment beside it.
OVERRIDES: dict[str, dict[str, str]] = {
    # Albania: the prime minister's announced ban, the regulator's order and the block are one episode.
    "gov-070": {"unit": "gov-067", "step": "adopted"},
    "gov-069": {"unit": "gov-067", "step": "in_force"},
    "gov-076": {"step": "in_force"},  # Bangladesh: the minister said the block was in place
    # Canada: the privacy commissioners' 2025 findings conclude an investigation (opening added from
    # its own page below, when sourced); the wind-up order is an order on the business.
    # EU consumer dialogue after BEUC's complaint: a consumer-protection episode.
    "seed-048": {"concern": "consumer_protection"},
    "seed-049": {"kind": "context", "level": "non_government", "step": "noted"},
    # Ireland's DPC acts for Ireland (affected area: the EEA); it is not an EU institution.
    "gov-047": {"jur": "IE", "area": "EU", "concern": "data_security_foreign_control"},
    "chi-004": {"jur": "IE", "area": "EU"},
    "chi-052": {
        "unit": "chi-004",
        "step": "adopted",
    },  # EDPB binding decision inside the DPC inquiry
    "chi-005": {"unit": "chi-004", "step": "concluded", "jur": "IE", "area": "EU"},
    # DSA proceedings of February 2024 covered the ad repository: the May 2025 findings are a step.
    "gov-093": {"unit": "gov-048", "step": "findings"},
    "gov-050": {"unit": "gov-049", "step": "concluded", "direction": "neutral"},
    "gov-051": {
        "jur": "EU",
        "area": "RO",
    },  # the Commission acts; Romania's election is the subject
    "chi-028": {"concern": "data_protection"},  # CNIL: cookie consent, not child protection
    # UK: a 2020 date for the ICO notice is a conflicting report of the 2022 notice, not an event.
    "chi-054": {"same": "chi-039"},
    "chi-003": {"unit": "chi-039", "step": "concluded"},
    "chi-034": {"unit": "chi-035", "step": "concluded"},
    # The 16 March review reports describe the ban's announcement, which cited the review.
    "seed-074": {"same": "seed-073"},
    "seed-065": {"same": "seed-073"},
    "gov-077": {"step": "adopted"},
    # India: making the block permanent extends the 2020 block; a 2021 month-dated report of it is
    # a conflicting report of the 25 January step.
    "gov-074": {"unit": "gov-002", "step": "extended"},
    "gov-075": {"same": "gov-074"},
    # Italy: the Garante's formal notice, its January 2021 order and its May 2021 assessment are one
    # proceeding; TikTok's age checks under the order are its response.
    "seed-093": {"unit": "chi-011", "step": "adopted"},
    "chi-027": {"unit": "chi-011", "step": "findings"},
    "chi-026": {
        "unit": "chi-011",
        "step": "response",
        "direction": "neutral",
        "kind": "episode",
        "type": "order",
        "level": "non_government",
    },
    "chi-032": {"unit": "chi-033", "step": "concluded"},
    "gov-080": {
        "kind": "context",
        "level": "non_government",
        "step": "noted",
    },  # a citizen's petition
    "gov-065": {"unit": "gov-064", "step": "in_force"},
    "chi-024": {"unit": "chi-025", "step": "concluded"},
    # New Caledonia: the French state acts; the block applies to New Caledonia.
    "gov-071": {"jur": "FR", "area": "NC"},
    "gov-072": {
        "unit": "gov-071",
        "step": "lifted",
        "direction": "relief",
        "jur": "FR",
        "area": "NC",
    },
    "chi-014": {"kind": "context", "level": "non_government", "step": "noted"},  # consumer group
    "gov-059": {"unit": "gov-058", "step": "lifted", "direction": "relief"},
    "gov-060": {"unit": "gov-058", "step": "lifted", "direction": "relief"},
    # Pakistan: court-ordered blocks are blocks, ordered by a court.
    "gov-054": {"type": "national_ban"},
    "gov-055": {"type": "national_ban"},
    # United States
    "gov-034": {"type": "national_ban"},  # a transactions ban: a de facto national ban
    "gov-036": {"unit": "gov-034", "step": "enjoined", "direction": "relief"},
    "gov-091": {"unit": "gov-034", "step": "enjoined", "direction": "relief"},
    "gov-037": {"unit": "gov-034", "step": "lifted", "direction": "relief"},  # Biden revoked it
    "gov-035": {"type": "divest_or_ban"},
    "chi-022": {
        "unit": "chi-049",
        "step": "escalated",
    },  # the coalition's investigation led to suits
    "gov-102": {"type": "device_ban"},
    "gov-101": {"type": "device_ban"},
    "gov-092": {"level": "legislature"},  # the House's administration
    "gov-031": {"type": "device_ban", "level": "legislature"},  # a statute banning federal devices
    "gov-003": {"unit": "gov-031", "step": "implemented"},
    "gov-004": {"unit": "gov-031", "step": "deadline"},
    "chi-047": {
        "type": "hearing",
        "level": "legislature",
        "kind": "episode",
        "direction": "pressure",
        "step": "announced",
        "concern": "child_protection",
    },
    "chi-046": {
        "type": "hearing",
        "level": "legislature",
        "kind": "episode",
        "direction": "pressure",
        "step": "announced",
        "concern": "child_protection",
    },
    "gov-032": {"type": "regional_ban", "area": "US-MT"},  # a statewide ban by state law
    "gov-033": {"unit": "gov-032", "step": "enjoined", "direction": "relief", "area": "US-MT"},
    "seed-077": {"kind": "context", "level": "non_government", "step": "noted"},  # news background
    "seed-076": {"kind": "context", "level": "non_government", "step": "noted"},  # a campaign video
    "gov-038": {"type": "divest_or_ban", "level": "legislature"},
    "gov-090": {"unit": "gov-038", "step": "upheld"},
    "gov-039": {"unit": "gov-038", "step": "upheld"},
    "gov-040": {
        "unit": "gov-038",
        "step": "response",
        "direction": "neutral",
        "kind": "episode",
        "level": "non_government",
    },  # TikTok's own shutdown: its response within the episode
    "gov-042": {"unit": "gov-038", "step": "in_force"},
    "gov-041": {"unit": "gov-038", "step": "delayed", "direction": "relief"},
    "gov-043": {"unit": "gov-038", "step": "delayed", "direction": "relief"},
    "gov-044": {"unit": "gov-038", "step": "delayed", "direction": "relief"},
    "gov-096": {"unit": "gov-038", "step": "delayed", "direction": "relief"},
    "gov-045": {"unit": "gov-038", "step": "delayed", "direction": "relief"},
    "gov-046": {
        "unit": "gov-038",
        "step": "response",
        "direction": "neutral",
        "kind": "episode",
        "level": "non_government",
    },  # ByteDance's joint-venture agreements
    "chi-053": {"type": "age_limit", "level": "legislature"},
    "chi-001": {"concern": "child_protection"},
    # Cross-theme duplicates and one announcement recorded as several rows.
    "hea-036": {"same": "chi-015"},  # the default 60-minute limit for under-18s
    "bul-022": {"same": "chi-007"},  # the 13 January 2021 defaults for 13-15-year-olds
    "chi-010": {"same": "hea-048"},  # Family Safety Mode: the day-dated report is the better one
    "hea-025": {"same": "hea-003"},  # the WHO COVID-19 in-app page
    "seed-007": {"unit": "seed-004", "step": "detail"},  # the WHO 2024 collaboration
    "hea-011": {"unit": "seed-004", "step": "detail"},
    "seed-021": {"unit": "seed-020", "step": "detail"},  # #MeraInternet and its quiz
    "hea-017": {"unit": "hea-016", "step": "detail"},
    "hea-014": {"unit": "hea-013", "step": "detail"},
    "hea-033": {"unit": "hea-032", "step": "detail"},
    "hea-053": {"unit": "hea-034", "step": "detail"},
    "bul-026": {"unit": "bul-025", "step": "detail"},
    "chi-017": {"unit": "chi-016", "step": "detail"},
    "hea-023": {"unit": "hea-022", "step": "detail"},
    "hea-009": {"unit": "hea-006", "step": "detail"},
    "seed-026": {"unit": "seed-025", "step": "detail"},
    "seed-030": {"unit": "seed-028", "step": "detail", "type": "campaign"},
    "hea-020": {"unit": "hea-001", "step": "activated"},  # WHO livestreams on its TikTok account
    "hea-021": {"unit": "hea-001", "step": "activated"},
    "hea-007": {"unit": "hea-001", "step": "activated"},
    "seed-070": {
        "unit": "seed-069",
        "step": "detail",
    },  # Team GB and ParalympicsGB, one announcement
    "seed-071": {"unit": "seed-069", "step": "detail"},
    "seed-072": {"unit": "seed-069", "step": "detail"},
    "spo-008": {"unit": "spo-007", "step": "renewed"},  # LFP
    "spo-009": {"unit": "spo-007", "step": "renewed"},
    "spo-011": {"unit": "spo-010", "step": "renewed"},  # NFL
    "spo-025": {"unit": "spo-027", "step": "activated"},  # MLS
    "spo-026": {"unit": "spo-027", "step": "renewed"},
    "spo-031": {"unit": "spo-012", "step": "renewed"},  # LaLiga
    "spo-046": {"unit": "spo-045", "step": "activated"},  # Saudi First Division League
    "spo-006": {"unit": "spo-005", "step": "ended", "type": "sponsorship"},  # Women's Six Nations
    "spo-022": {"unit": "spo-021", "step": "activated"},  # WWE
    "spo-014": {"type": "partnership"},
    "spo-037": {"step": "renewed"},
    "hea-019": {"type": "policy"},  # a transparency report section on COVID-19 work
    "bul-024": {"type": "programme"},
    # Initiatives led by governments are not TikTok's response to anything.
    "hea-049": {"lead": "government"},
    "hea-027": {"lead": "government"},
    "hea-042": {"lead": "government"},
    # Concern of initiatives where the theme's default does not fit.
    "hea-047": {"concern": "wellbeing"},
    "gov-088": {"concern": "content_public_order"},  # content "prohibited in Russia"
}
WELLBEING = re.compile(
    r"mental|well-?being|suicid|self-harm|eating|screen time|screen-time|sleep|"
    r"meditation|wind-down",
    re.I,
)


def read_rows() -> list[tuple[Path, dict]]:
    rows = []
    for name in sorted(glob.glob(str(RAW / "events" / "*.csv"))):
        with open(name, encoding="utf-8", newline="") as handle:
            rows += [(Path(name), r) for r in csv.DictReader(handle)]
    return rows


def actor_level(org: dict, row: dict) -> str:
    kind = org["type"]
    if kind == "court":
        return "court"
    if kind == "regulator":
        return "eu_institution" if org["country"] == "EU" else "regulator"
    if kind == "legislature":
        return "eu_institution" if org["country"] == "EU" else "legislature"
    if kind in ("government", "intergovernmental"):
        if org["country"] == "EU":
            return "eu_institution"
        return "subnational" if row["level"] == "subnational" else "national_executive"
    return "non_government"


def subdivision(org_id: str, country: str) -> str:
    match = re.match(r"^([a-z]{2})_([a-z]{2})_", org_id)
    if match and match.group(1).upper() == country:
        return f"{country}-{match.group(2).upper()}"
    return ""


def migrate(orgs: dict, path: Path, row: dict) -> dict:
    out = {c: row.get(c, "") for c in COLUMNS}
    out["jurisdiction"] = row["country"]
    government = row["event_type"] in GOVERNMENT_TYPES or (
        row["event_type"] == "other" and row["theme"] == "government" and row["actor"] not in TIKTOK
    )
    if row["same_event_as"]:
        for key in ("unit_kind", "unit_id", "step", "direction", "actor_level", "initiative_lead"):
            out[key] = ""
    elif government:
        org = orgs[row["actor"]]
        out.update(
            unit_kind="episode",
            unit_id=row["event_id"],
            step="announced",
            direction="pressure",
            actor_level=actor_level(org, row),
        )
        if out["actor_level"] == "subnational":
            out["affected_area"] = subdivision(row["actor"], row["country"])
    else:
        lead = (
            "tiktok"
            if row["actor"] in TIKTOK
            else (
                "government"
                if orgs[row["actor"]]["type"] in ("government", "health_body")
                and orgs[row["actor"]]["country"] not in ("INT",)
                else "partner"
            )
        )
        out.update(
            unit_kind="announcement", unit_id=row["event_id"], step="launched", initiative_lead=lead
        )
    reason = row.get("reason", "")
    if government:
        out["concern"] = REASON_TO_CONCERN.get(reason, "other")
    else:
        concern = THEME_CONCERN[row["theme"]]
        if row["theme"] in ("health", "anti_bullying") and WELLBEING.search(row["description"]):
            concern = "wellbeing" if row["theme"] == "health" else concern
        out["concern"] = concern
    if row["event_type"] == "executive_order":
        out["event_type"] = "other"  # every executive order is retyped by what it does (OVERRIDES)
    if row["event_type"] == "court_ruling":
        out["event_type"] = "other"
    apply(out, OVERRIDES.get(row["event_id"], {}))
    if out["same_event_as"]:
        for key in ("unit_kind", "unit_id", "step", "direction", "actor_level", "initiative_lead"):
            out[key] = ""
    return out


def apply(out: dict, change: dict) -> None:
    names = {
        "unit": "unit_id",
        "step": "step",
        "direction": "direction",
        "type": "event_type",
        "kind": "unit_kind",
        "level": "actor_level",
        "lead": "initiative_lead",
        "jur": "jurisdiction",
        "area": "affected_area",
        "concern": "concern",
        "same": "same_event_as",
        "date": "date",
        "precision": "date_precision",
    }
    for key, value in change.items():
        out[names[key]] = value
    if change.get("kind") == "context":
        out["direction"] = ""
        out["initiative_lead"] = ""


def main() -> None:
    with open(RAW / "organisations.csv", encoding="utf-8", newline="") as handle:
        orgs = {r["org_id"]: r for r in csv.DictReader(handle)}
    by_file: dict[Path, list[dict]] = {}
    for path, row in read_rows():
        by_file.setdefault(path, []).append(migrate(orgs, path, row))
    # Steps of another unit inherit its kind, jurisdiction default and concern.
    every = {r["event_id"]: r for rows in by_file.values() for r in rows}
    for rows in by_file.values():
        for r in rows:
            if r["unit_id"] and r["unit_id"] != r["event_id"]:
                first = every[r["unit_id"]]
                r["unit_kind"] = first["unit_kind"]
                if r["unit_kind"] == "episode" and not r["direction"]:
                    r["direction"] = "pressure"
                if "concern" not in OVERRIDES.get(r["event_id"], {}):
                    r["concern"] = first["concern"]
                if r["unit_kind"] == "announcement":
                    r["initiative_lead"] = r["initiative_lead"] or first["initiative_lead"]
                    r["direction"] = ""
    for rows in by_file.values():
        for r in rows:
            if r["unit_kind"] == "episode":
                r["initiative_lead"] = ""
            elif r["unit_kind"] == "announcement":
                r["actor_level"] = r["direction"] = ""
            elif r["unit_kind"] == "context":
                r["direction"] = r["initiative_lead"] = ""
    for path, rows in by_file.items():
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)


if __name__ == "__main__":
    main()
