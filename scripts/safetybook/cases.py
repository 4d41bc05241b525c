"""Case studies (the plan, section 5): dated sequences of government steps and TikTok's own steps
in one place, each with its sources. They show order in time, never motive."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from safetybook import labels


@dataclass(frozen=True)
class Case:
    name: str
    title: str
    areas: tuple[str, ...]
    start: str
    end: str | None  # None: to the study's end


CASES = (
    Case("us", "The United States, 2020 to the joint venture", ("US",), "2020-01-01", None),
    Case("india", "India, 2019 to 2020", ("IN",), "2019-01-01", "2020-12-31"),
    Case("eu", "The European Union under the Digital Services Act", ("EU",), "2022-10-01", None),
    Case("australia", "Australia's minimum age for social media", ("AU",), "2024-01-01", None),
    Case("pakistan", "Pakistan's blocks", ("PK",), "2020-01-01", None),
)
RELIEF = ("enjoined", "delayed", "lifted")
TIKTOK_RECORD = ("tiktok", "all_platforms")
WINDOW = 90


def sequence(book, case: Case, end: pd.Timestamp) -> pd.DataFrame:
    """Every counted step in the case's place and period: the steps of government episodes aimed at
    TikTok or binding every platform (pressure or relief), TikTok's own steps inside them, and the
    steps of TikTok-led announcements made for that place (global ones are left out: they are in
    the primary test)."""
    steps = book.steps
    start, stop = pd.Timestamp(case.start), pd.Timestamp(case.end) if case.end else end
    place = steps["area"].astype(str).isin(case.areas)
    period = steps["date"].between(start, stop)
    units = book.units.set_index("unit_id")
    tiktok_record = steps["unit_id"].map(units["platform"]).astype(str).isin(TIKTOK_RECORD)
    kind = steps["unit_id"].map(units["unit_kind"]).astype(str).where(tiktok_record, "")
    lead = steps["unit_id"].map(units["initiative_lead"]).astype(str)
    episode = place & period & (kind == "episode")
    own = place & period & (kind == "announcement") & (lead == "tiktok")
    found = steps[episode | own].copy()
    is_response = found["step"].astype(str) == "response"
    found["side"] = "Government"
    found.loc[own[episode | own] | is_response, "side"] = "TikTok"
    found["kind"] = "pressure"
    found.loc[found["step"].astype(str).isin(RELIEF), "kind"] = "relief"
    found.loc[found["side"] == "TikTok", "kind"] = "tiktok"
    return found.sort_values(["date", "event_id"]).reset_index(drop=True)


def summary(found: pd.DataFrame) -> dict:
    """Counts a case's sentence is built from: government steps, TikTok's own steps, how many of
    TikTok's steps came within 90 days after a government pressure step, and the span."""
    pressure = found.loc[found["kind"] == "pressure", "date"]
    tiktok = found.loc[found["kind"] == "tiktok", "date"]
    after = sum(((day - pressure).dt.days.between(1, WINDOW)).any() for day in tiktok)
    return {
        "pressure": int(len(pressure)),
        "relief": int((found["kind"] == "relief").sum()),
        "tiktok": int(len(tiktok)),
        "tiktok_after": int(after),
        "first": found["date"].min(),
        "last": found["date"].max(),
    }


def words(case: Case, counts: dict) -> str:
    """What the sequence shows, in one sentence from its counts (each case the same rule)."""
    place = " and ".join(_named(a) for a in case.areas)
    if counts["pressure"] == 0:
        return f"The record holds no government pressure step in {place} in this period."
    steps = (
        f"{counts['tiktok']} step{'s' if counts['tiktok'] > 1 else ''} of TikTok's own for {place}, "
        f"{counts['tiktok_after']} of them within {WINDOW} days after a government pressure step"
        if counts["tiktok"]
        else f"no step of TikTok's own made for {place}"
    )
    relief = (
        f", {counts['relief']} step{'s' if counts['relief'] > 1 else ''} of relief for TikTok"
        if counts["relief"]
        else ""
    )
    return (
        f"From {counts['first']:%B %Y} to {counts['last']:%B %Y} the record holds "
        f"{counts['pressure']} government pressure steps{relief} and {steps}."
    )


def _named(area: str) -> str:
    name = labels.place(area).split(" (")[0]
    return f"the {name}" if name.startswith(("United", "European")) else name
