"""What each fact stands on: the acting authority's own document, two independent reports that
agree, or a single report (the fact-checker's rule; see the codebook and data/README.md).

Two reports are independent when their publishers differ and neither carries the other's story:
copies of one wire story (AP, Reuters, AFP, ...) are one report, a rewrite of a press release is
the issuer's report, and a document that copies another (`derived_from`) is that document's report.
Reports agree when every day a report may stand for lies within the step's date interval (a day,
a month, a year, or the interval a row states when reports give different days), or, for a figure,
when they state the same number to the precision of the rounder one.
The acting organisation's own page makes a step official only when it agrees with the step's date
in the same way: a later release that recalls the act, an undated page that gives only the month,
or a decision dated before its announcement confirms the act but not the day the record gives it.
"""

from __future__ import annotations

import math
import re

import pandas as pd

# The acting organisation's own document: an authority's page for a government episode, TikTok's
# or the partner's own page for an announcement, TikTok's own report for an enforcement figure.
AUTHORITY_KINDS = ("regulator", "government", "legislature", "court", "intergovernmental")
OWN_PAGE_KINDS = (*AUTHORITY_KINDS, "primary", "transparency_report")
TIKTOK_OWN_KINDS = ("transparency_report", "primary")
BASES = ("official", "corroborated", "single")
FINE_OR_LAW_TYPES = ("fine", "age_limit", "divest_or_ban")
ENFORCEMENT_METRICS = (
    "videos_removed",
    "harassment_bullying_share_of_removed_videos",
    "accounts_removed_suspected_under_13",
    "proactive_removal_rate",
    "safety_civility_share_of_removed_videos",
)
# The record's own targets (issue 30): shares official or corroborated.
TARGETS = {"episodes": 90.0, "fines_laws": 100.0, "figures": 90.0}
TIKTOK_RECORD = ("tiktok", "all_platforms")


def publisher_key(publisher: str) -> str:
    """A publisher's name without the credit, host or edition added in brackets."""
    name = re.sub(r"\s*\(.*\)\s*$", "", str(publisher)).strip().lower()
    return re.sub(r"^the\s+", "", re.sub(r",.*$", "", name))


def origins(sources: pd.DataFrame) -> pd.Series:
    """The report each source belongs to: what it reprints (wire, press release, copied source,
    followed to its end), else its own publisher."""
    derived = sources["derived_from"].dropna()
    keys = sources["publisher"].map(publisher_key)
    synd = (
        sources["syndicated_from"]
        .fillna("")
        .map(lambda s: s if s.startswith("press_release:") else publisher_key(s) if s else "")
    )

    def origin(source_id: str, seen: frozenset = frozenset()) -> str:
        if source_id in derived.index and derived[source_id] in sources.index:
            if derived[source_id] not in seen:
                return origin(derived[source_id], seen | {source_id})
        return synd[source_id] or keys[source_id]

    return pd.Series({sid: origin(sid) for sid in sources.index}, dtype="string")


def independent_count(source_ids, sources: pd.DataFrame, origin: pd.Series | None = None) -> int:
    """How many independent reports a set of sources makes (distinct origins and publishers)."""
    origin = origins(sources) if origin is None else origin
    source_ids = [s for s in source_ids if s in origin.index]
    groups: list[set[str]] = []
    for sid in dict.fromkeys(source_ids):
        marks = {origin[sid], "publisher:" + publisher_key(sources.at[sid, "publisher"])}
        joined = [g for g in groups if g & marks]
        for g in joined:
            groups.remove(g)
            marks |= g
        groups.append(marks)
    return len(groups)


def dates_agree(step_interval: tuple, report_interval: tuple) -> bool:
    """A report agrees with a step's date when the days it may stand for lie within the step's
    (date to date_latest; a month stands for its days): a month-precise report cannot confirm a
    day, and a day within an interval the record states agrees with it."""
    (step_first, step_last), (report_first, report_last) = step_interval, report_interval
    return bool(step_first <= report_first and report_last <= step_last)


def step_bases(book) -> pd.DataFrame:
    """Every counted step with its reports: how many agree with its date, how many independent
    reports those make, whether one of those is the acting organisation's own page, and its basis."""
    reports = book.reports
    sources = book.sources
    origin = origins(sources)
    target = reports["same_event_as"].fillna(reports["event_id"])
    kinds = reports["source_id"].map(sources["kind"]).astype("string")
    steps = book.steps.set_index("event_id")
    rows = []
    for event_id, group in reports.groupby(target, sort=False):
        if event_id not in steps.index:
            continue
        step = steps.loc[event_id]
        own_kinds = AUTHORITY_KINDS if step["unit_kind"] == "episode" else OWN_PAGE_KINDS
        agree = [
            dates_agree(
                (step["date_earliest"], step["date_latest"]), (r.date_earliest, r.date_latest)
            )
            for r in group.itertuples()
        ]
        agreeing = group[agree]
        official = bool(kinds[agreeing.index].isin(own_kinds).any())
        independent = independent_count(agreeing["source_id"], sources, origin)
        basis = "official" if official else "corroborated" if independent >= 2 else "single"
        rows.append(
            {
                "event_id": event_id,
                "unit_id": step["unit_id"],
                "reports": len(group),
                "agreeing": len(agreeing),
                "independent": independent,
                "basis": basis,
            }
        )
    return pd.DataFrame(rows)


def key_steps(book) -> pd.Series:
    """The step a fine or law is judged on: the unit's first step when that step is the act (a
    fine, a law, an order); else, for an episode that ended in a fine (an investigation), its first
    later fine. A second, later fine of an episode that began with one does not replace the first."""
    steps = book.steps
    fines = steps[(steps["event_type"] == "fine") & (steps["event_id"] != steps["unit_id"])]
    first_fine = fines.sort_values(["date", "event_id"]).groupby("unit_id")["event_id"].first()
    units = book.units.set_index("unit_id")
    begins_with_act = units["event_type"].isin(FINE_OR_LAW_TYPES)
    keyed = pd.Series(units.index.map(first_fine), index=units.index, dtype=object)
    keyed = keyed.where(keyed.notna() & ~begins_with_act, units.index.to_series())
    return pd.Series(keyed.values, index=units.index.values)


def unit_bases(book) -> pd.Series:
    """Each counted unit's basis, judged on its first step (the act that dates it)."""
    by_step = step_bases(book).set_index("event_id")["basis"]
    counted = book.units[book.units["unit_kind"] != "context"]
    return pd.Series(
        pd.Categorical(counted["unit_id"].map(by_step), categories=list(BASES)),
        index=counted["unit_id"].values,
    )


def fine_law_bases(book) -> pd.Series:
    """Each fine's or law's basis, judged on the step that imposed the fine (a fine that concluded
    an investigation) or, for a law or an order, on its first step."""
    by_step = step_bases(book).set_index("event_id")["basis"]
    found = fines_and_laws(book.units)
    steps = found["unit_id"].map(key_steps(book))
    return pd.Series(
        pd.Categorical(steps.map(by_step), categories=list(BASES)), index=found["unit_id"].values
    )


def fines_and_laws(units: pd.DataFrame) -> pd.DataFrame:
    """Episodes that fine TikTok, set an age limit, order a sale or ban, or end in a fine."""
    episodes = units[units["unit_kind"] == "episode"]
    is_fine_or_law = episodes["event_type"].isin(FINE_OR_LAW_TYPES)
    return episodes[is_fine_or_law | episodes["outcomes"].str.contains("fine")]


def significant_digits(value: float) -> int:
    """Significant digits of a number as reported (7,260,000 has three; 93.1 has three)."""
    if value == 0 or not math.isfinite(value):
        return 1
    text = f"{abs(value):.10g}"
    digits = text.replace(".", "").lstrip("0")
    if "." not in text:
        digits = digits.rstrip("0")
    return max(1, len(digits))


def values_agree(a: float, qa: str, b: float, qb: str) -> bool:
    """Two reported numbers agree when the more precise one rounds to the rounder one, or when a
    bound ("at least", "at most") holds for the other."""
    if qa in ("at_least", "at_most") and qb not in ("at_least", "at_most"):
        return values_agree(b, qb, a, qa)
    if qb == "at_least":
        return a >= b * (1 - 1e-9) or values_agree(a, qa, b, "exact")
    if qb == "at_most":
        return a <= b * (1 + 1e-9) or values_agree(a, qa, b, "exact")
    digits = min(significant_digits(a), significant_digits(b))
    scale = 10 ** (math.floor(math.log10(max(abs(a), abs(b)))) - digits + 1)
    return round(a / scale) == round(b / scale)


def reprint_origins(sources: pd.DataFrame) -> pd.Series:
    """For TikTok's own figures: a report's origin is its publisher unless it copies a wire story
    or another outlet; reprints of TikTok's release by different publishers are separate reprints,
    each a check on what TikTok stated."""
    plain = sources.assign(
        syndicated_from=sources["syndicated_from"].where(
            ~sources["syndicated_from"].fillna("").str.startswith("press_release:"), None
        )
    )
    return origins(plain)


def figure_bases(measures: pd.DataFrame, sources: pd.DataFrame, metrics) -> pd.DataFrame:
    """One row per figure (metric and period): its reports, whether TikTok's own report states
    it, the largest set of independent reprints that agree on its value, and its basis.

    A figure is TikTok's own statement, so two reprints of TikTok's release by independent
    publishers (not one copying the other or a wire) corroborate what TikTok stated."""
    rows = measures[measures["metric"].isin(metrics)]
    origin = reprint_origins(sources)
    out = []
    keys = ["metric", "period_start", "period_end"]
    for key, group in rows.groupby(keys, dropna=False, observed=True):
        own = bool(group["source_kind"].isin(TIKTOK_OWN_KINDS).any())
        best = 0
        for anchor in group.itertuples():
            agreeing = [
                r.source_id
                for r in group.itertuples()
                if values_agree(anchor.value, anchor.qualifier, r.value, r.qualifier)
            ]
            best = max(best, independent_count(agreeing, sources, origin))
        basis = "official" if own else "corroborated" if best >= 2 else "single"
        out.append(
            dict(zip(keys, key, strict=True))
            | {"reports": len(group), "independent": best, "own": own, "basis": basis}
        )
    return pd.DataFrame(out)


def shares(bases: pd.Series) -> dict[str, float]:
    """Percentages of official, corroborated and single, and of official or corroborated."""
    n = len(bases)
    counts = {b: int((bases == b).sum()) for b in BASES}
    result = {b: 100.0 * counts[b] / n if n else float("nan") for b in BASES}
    result["supported"] = result["official"] + result["corroborated"]
    return result


def tiktok_episode_bases(book) -> pd.Series:
    """The bases of the government episodes of TikTok's record (aimed at TikTok or binding every
    platform)."""
    bases = unit_bases(book)
    units = book.units.set_index("unit_id")
    episodes = units[(units["unit_kind"] == "episode") & units["platform"].isin(TIKTOK_RECORD)]
    return bases[bases.index.isin(episodes.index)]


def targets(book) -> pd.DataFrame:
    """The record's three targets: what is counted, how many, the shares official, corroborated
    and single, the share official or corroborated, its target and whether it is met."""
    platform = book.units.set_index("unit_id")["platform"]
    fines = fine_law_bases(book)
    fines = fines[fines.index.map(platform).isin(TIKTOK_RECORD)]
    figures = figure_bases(book.measures, book.sources, ENFORCEMENT_METRICS)["basis"]
    parts = {
        "episodes": ("Government episodes", tiktok_episode_bases(book), "episodes"),
        "fines_laws": ("Fines and laws", fines, "episodes"),
        "figures": ("TikTok's enforcement figures", figures, "figures (metric and period)"),
    }
    rows = []
    for key, (name, bases, noun) in parts.items():
        share = shares(pd.Series(bases))
        rows.append(
            {
                "What": name,
                "Counted": f"{len(bases)} {noun}",
                "Official": share["official"],
                "Corroborated": share["corroborated"],
                "Single": share["single"],
                "Official or corroborated": share["supported"],
                "Target": TARGETS[key],
            }
        )
    table = pd.DataFrame(rows)
    table["Met"] = [
        "yes" if s >= t else "no"
        for s, t in zip(table["Official or corroborated"], table["Target"], strict=True)
    ]
    return table


def targets_words(table: pd.DataFrame) -> str:
    """One sentence on how many targets are met, naming those missed."""
    missed = table.loc[table["Met"] == "no", "What"].str.lower().tolist()
    if not missed:
        return "Every target is met."
    met = len(table) - len(missed)
    return f"{met} of the {len(table)} targets are met; not yet: {', '.join(missed)}."


def basis_words(book, unit_ids) -> str:
    """'x% on the acting organisation's own page, y% on two independent reports that agree, z% on
    a single report' for a set of units (every chapter's "what this dataset misses" box)."""
    bases = unit_bases(book)
    share = shares(bases[bases.index.isin(set(unit_ids))])
    return (
        f"{share['official']:.0f}% on the acting organisation's own page, "
        f"{share['corroborated']:.0f}% on two independent reports that agree and "
        f"{share['single']:.0f}% on a single report"
    )
