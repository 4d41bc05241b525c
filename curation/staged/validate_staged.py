import csv, json, re, datetime
from pathlib import Path

R = Path("/work/main")
S = R / "curation/staged"
dp = json.load(open(R / "data/datapackage.json"))
res = {r["name"]: r for r in dp["resources"]}


def enum(resname, field):
    for f in res[resname]["schema"]["fields"]:
        if f["name"] == field:
            return f.get("constraints", {})


src = list(csv.DictReader(open(S / "sources.csv")))
org = list(csv.DictReader(open(S / "organisations.csv")))
ev = list(csv.DictReader(open(S / "events.csv")))
srcE = {r["source_id"] for r in csv.DictReader(open(R / "data/raw/sources.csv"))}
orgE = {r["org_id"] for r in csv.DictReader(open(R / "data/raw/organisations.csv"))}
evE = {}
for f in (R / "data/raw/events").glob("*.csv"):
    for r in csv.DictReader(open(f)):
        evE[r["event_id"]] = r
errs = []
# sources
ids = [r["source_id"] for r in src]
assert len(ids) == len(set(ids))
for r in src:
    if r["source_id"] in srcE:
        errs.append(("dup src", r["source_id"]))
    for k in ("title", "publisher", "author"):
        if re.search(r"[{}\\]", r[k]):
            errs.append(("brace", r["source_id"], k))
    if not re.fullmatch(r"^[a-z0-9]+$", r["source_id"]):
        errs.append(("sid", r["source_id"]))
    if not re.fullmatch(r"https?://\S+", r["url"]):
        errs.append(("url", r["source_id"]))
    if r["published"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["published"]):
        errs.append(("pub", r["source_id"]))
    if r["kind"] not in enum("sources", "kind")["enum"]:
        errs.append(("kind", r["source_id"], r["kind"]))
# orgs
for r in org:
    if r["org_id"] in orgE:
        errs.append(("dup org", r["org_id"]))
    if r["type"] not in enum("organisations", "type")["enum"]:
        errs.append(("otype", r["org_id"]))
allorg = orgE | {r["org_id"] for r in org}
allsrc = srcE | set(ids)
used_org = set()
used_src = set()
# events
eids = [r["event_id"] for r in ev]
assert len(eids) == len(set(eids))
allev = dict(evE)
allev.update({r["event_id"]: r for r in ev})
for r in ev:
    e = r["event_id"]
    if e in evE:
        errs.append(("dup ev", e))
    for fld in (
        "unit_kind",
        "step",
        "direction",
        "event_type",
        "actor_level",
        "initiative_lead",
        "concern",
        "date_precision",
        "theme",
    ):
        c = enum("events", fld)
        if r[fld] and r[fld] not in c["enum"]:
            errs.append(("enum", e, fld, r[fld]))
    for fld in ("jurisdiction", "affected_area"):
        if r[fld] and not re.fullmatch(enum("events", fld)["pattern"], r[fld]):
            errs.append(("pat", e, fld))
    for fld in ("date", "date_latest", "end_date"):
        if r[fld]:
            datetime.date.fromisoformat(r[fld])
    if r["date_precision"] == "month" and not r["date"].endswith("-01"):
        errs.append(("month", e))
    if r["date_precision"] == "year" and not r["date"].endswith("-01-01"):
        errs.append(("year", e))
    if r["actor"] not in allorg:
        errs.append(("actor", e, r["actor"]))
    if r["counterpart"] and r["counterpart"] not in allorg:
        errs.append(("cp", e, r["counterpart"]))
    used_org |= {r["actor"], r["counterpart"]}
    if r["source_id"] not in allsrc:
        errs.append(("src", e, r["source_id"]))
    used_src.add(r["source_id"])
    if len(r["evidence"].split()) > 30:
        errs.append(("evlen", e))
    n = len(r["description"].split())
    if n > 40:
        errs.append(("desclen", e, n))
    if r["theme"] + ".csv" != r["target_file"]:
        errs.append(("theme", e))
    pfx = {"government.csv": "gov", "child_safety.csv": "chi"}[r["target_file"]]
    if not e.startswith(pfx + "-"):
        errs.append(("pfx", e))
    if r["same_event_as"]:
        if any(
            r[k]
            for k in ("unit_kind", "unit_id", "step", "direction", "actor_level", "initiative_lead")
        ):
            errs.append(("corr unit cols", e))
        t = allev.get(r["same_event_as"])
        if not t:
            errs.append(("same missing", e))
        elif t.get("same_event_as"):
            errs.append(("same chain", e))
    else:
        if not r["unit_kind"]:
            errs.append(("no unit", e))
        u = allev.get(r["unit_id"])
        if not u:
            errs.append(("unit missing", e, r["unit_id"]))
        else:
            if u["unit_id"] != u["event_id"]:
                errs.append(("unit not first", e))
            if r["date"] < u["date"]:
                errs.append(("step before unit", e, r["date"], u["event_id"], u["date"]))
            if u["unit_kind"] != r["unit_kind"]:
                errs.append(("kind mismatch", e))
        if r["unit_kind"] == "episode":
            if not r["direction"] or not r["actor_level"] or r["initiative_lead"]:
                errs.append(("ep cols", e))
            if r["direction"] == "relief" and r["step"] not in ("enjoined", "delayed", "lifted"):
                errs.append(("relief", e))
        if r["unit_kind"] == "announcement":
            if r["direction"] or r["actor_level"] or not r["initiative_lead"]:
                errs.append(("ann cols", e))
            if r["step"] not in ("launched", "detail", "expanded", "activated", "renewed", "ended"):
                errs.append(("ann step", e))
print("unused staged orgs", [o["org_id"] for o in org if o["org_id"] not in used_org])
print("unused staged sources", [s for s in ids if s not in used_src])
print("ERRORS", errs)
from collections import Counter

print(Counter(r["target_file"] for r in ev))
print(Counter((r["unit_kind"] or "corroborating") for r in ev))
print(eids[0], eids[-1])
