import nbformat

path = "/work/main/chapters/04_child_safety.ipynb"
nb = nbformat.read(path, 4)
C = nb.cells


def setsrc(i, s):
    C[i].source = s


def rep(i, a, b):
    assert a in C[i].source, (i, a[:60])
    C[i].source = C[i].source.replace(a, b)


setsrc(
    1,
    """import matplotlib.pyplot as plt
import pandas as pd

from safetybook import analysis, chapter, figures, government, labels, report, style

book = chapter.setup()
measures, organisations = book.measures, book.organisations
child = book.units[book.units["theme"] == "child_safety"]
regulatory = child[child["unit_kind"] == "episode"]
announced = child[child["unit_kind"] == "announcement"]
safeguards = announced[announced["event_type"].isin(["feature", "policy"])]
coalitions = announced[announced["event_type"] == "membership"]""",
)
rep(
    2,
    'report.say("n_child_events", len(child))',
    'report.say("n_child_units", len(announced) + len(regulatory))\nreport.say("n_child_announcements", len(announced))',
)
rep(
    2,
    'report.say("n_reg_jurisdictions", regulatory["country"].nunique())',
    'report.say("n_reg_jurisdictions", regulatory["area"].nunique())',
)
rep(
    2,
    'report.say("child_primary_share", analysis.share(child["source_kind"].isin(analysis.PRIMARY_KINDS)))',
    'report.say("child_official_share", analysis.share(child["official"]))',
)
C[
    0
].source += "\nIts units are **episodes** (one measure by one public authority, with its steps) and **announcements** (one initiative, with its renewals and details), as the {ref}`codebook` defines them."
setsrc(
    3,
    """:::{admonition} Key findings
:class: tip
- TikTok reports removing {glue:text}`u13_first` million accounts suspected to belong to under-13s in {glue:text}`u13_first_period` and {glue:text}`u13_last` million in {glue:text}`u13_last_period`.
- Relative to the platform's total video removals, underage-account removals {glue:text}`ratio_path`: the ratio does not move in one direction, so no single trend describes it.
- {glue:text}`n_safeguards` safeguards for minors (features and default settings) came in bursts; the record shows their timing beside regulators' actions but cannot show that one answered the other.
- {glue:text}`n_regulatory` episodes by regulators, legislatures and courts in {glue:text}`n_reg_jurisdictions` places concern children; the largest penalty is {glue:text}`largest_child_fine`.
:::

## Questions

1. How many suspected under-13 accounts does TikTok report removing, and how does that trend compare with its overall enforcement?
2. What safeguards for minors arrived when, and how do they line up with regulators' actions?
3. Which authorities acted, on what grounds, with what penalties?
4. What does the data say about the commissioning articles' claims on very young users, the Italian removals and the Technology Coalition?

## Data coverage

The chapter counts {glue:text}`n_child_units` units: {glue:text}`n_child_announcements` announcements ({glue:text}`n_safeguards` product features and default settings for minors, coalition memberships, awareness campaigns with partners) and {glue:text}`n_regulatory` episodes by regulators, legislatures and courts.
{glue:text}`child_official_share`% of them rest, for at least one step, on an official or TikTok-own page.
Underage-account removals come from TikTok's quarterly enforcement reports, as reprinted in {glue:text}`n_u13_reports` reports covering {glue:text}`n_u13_quarters` quarters; for {glue:text}`n_u13_disagree` of these quarters the reports contradict each other by more than rounding (the figure shows every report).
Several quarters are missing (the figure shows the gaps), and TikTok did not report the figure before 2021.

## Underage accounts against overall enforcement""",
)
src = C[4].source
s = src.index('bottom.plot(\n    both["period_end"],\n    both["u13_index"]')
e = src.index("report.publish(")
src = (
    src[:s]
    + """per_100 = both.rename(columns={"accounts_per_100_videos": "value"})
ratio = analysis.with_gaps(per_100[["period_end", "period", "value"]])
bottom.plot(ratio["period_end"], ratio["value"], "o-", color=style.PALETTE[1])
bottom.set_ylabel("Accounts per 100 videos")
bottom.set_title("Underage accounts removed per 100 videos removed")
figures.year_axis(bottom)
peak = both.loc[both["accounts_per_100_videos"].idxmax()]
report.say("ratio_first", both["accounts_per_100_videos"].iloc[0], 1)
report.say("ratio_first_period", both["period"].iloc[0])
report.say("ratio_peak", peak["accounts_per_100_videos"], 1)
report.say("ratio_peak_period", peak["period"])
report.say("ratio_last", both["accounts_per_100_videos"].iloc[-1], 1)
report.say("ratio_last_period", both["period"].iloc[-1])
report.say("n_ratio_quarters", len(both))
report.say("ratio_path", analysis.path_words(both["accounts_per_100_videos"], both["period"]))
"""
    + src[e:]
)
src = src.replace(
    'top.set_title("Accounts removed as suspected under 13, per quarter")',
    'top.set_title("Underage removals rose, then their ratio to all removals fell back")',
)
src = src.replace(
    "fig, (top, bottom) = plt.subplots(2, 1, figsize=(7.5, 6.2), sharex=True)",
    'fig, (top, bottom) = plt.subplots(2, 1, figsize=(7.5, 6.2), sharex=True)\ntop.set_xlabel("")',
)
C[4].source = src
setsrc(
    5,
    """```{glue:figure} cs-fig-under13
:alt: Two stacked charts sharing a time axis from 2021 to 2025. The top one shows suspected under-13 accounts removed per quarter rising from about 7 million in early 2021 to around 20 to 26 million from 2022 on, with grey dots for each separate report. The bottom one shows accounts removed per 100 videos removed, rising from about 12 in 2021 to about 20 in 2022, then falling back to about 11 by 2025, with gaps where a quarter is missing.
:name: cs-fig-under13

Removals of suspected under-13 accounts rose steeply through 2021 and then plateaued; per 100 removed videos they went from {glue:text}`ratio_first` ({glue:text}`ratio_first_period`) to a peak of {glue:text}`ratio_peak` ({glue:text}`ratio_peak_period`) and {glue:text}`ratio_last` in {glue:text}`ratio_last_period`, over {glue:text}`n_ratio_quarters` quarters with both figures.

Source: TikTok's quarterly Community Guidelines Enforcement Reports as reprinted by the sources in the book's dataset (`accounts_removed_suspected_under_13`, `videos_removed`). {download}`Data behind this figure <figure-data/cs-fig-under13.csv>`.
```

The two series count different things (accounts and videos) and respond to different levers: underage-account removals depend on age-assurance methods, video removals on moderation of content.
Their ratio rose while age checks tightened in 2021–2022 and fell when video removals jumped from late 2023; reading the first and last quarter alone would hide that hump.
The steepest rise in underage removals, in 2021, coincides with the period in which Italy's data-protection authority ordered TikTok to verify users' ages and several regulators investigated its treatment of children; the data cannot say whether the orders caused it, since TikTok also changed its methods and reporting over the same period.

## Safeguards and regulators on one timeline""",
)
src = C[6].source
s = src.index("gap = analysis.gap_test(")
e = src.index("report.publish(")
src = src[:s] + src[e:]
src = src.replace(
    """lined = child.assign(group=child["event_type"].map(GROUP).fillna("Regulator, legislature or court"))
lined = lined[lined["event_type"].isin(list(GROUP) + list(analysis.GOVERNMENT_TYPES))]""",
    """group = child["event_type"].astype(str).map(GROUP)
regulator = "Regulator, legislature or court"
lined = child.assign(group=group.where(child["unit_kind"] != "episode", regulator))
lined = lined[lined["group"].notna()]""",
)
src = src.replace(
    '"Child-safety events by kind"',
    '"Safeguards came in bursts; regulators acted most in 2021–2024"',
)
src = src.replace(
    'lined[["event_id", "date", "date_precision", "group", "event_type", "country", "region"]]',
    'lined[["unit_id", "date", "date_precision", "group", "event_type", "area", "region"]]',
)
C[6].source = src
setsrc(
    7,
    """```{glue:figure} cs-fig-timeline
:alt: Timeline with four rows (safeguards, coalition memberships, outreach campaigns, and episodes by regulators, legislatures or courts) and one dot per unit coloured by region, from 2018 to 2026. Regulator episodes are spread from 2019 to 2025 with a dense stretch in 2021 to 2024; safeguards cluster in 2019 to 2021 and again in 2023 and 2025; outreach is concentrated in India in 2019 and 2020.
:name: cs-fig-timeline

Safeguards for minors came in bursts that overlap with periods of regulatory action. Hollow dots are dated only to the month or year.

Source: the book's dataset, child-safety units. {download}`Data behind this figure <figure-data/cs-fig-timeline.csv>`.
```

Did safeguards follow regulators' actions?
Version 0.1.0 of this book answered with a test that compared each safeguard's distance to the latest regulatory action with distances for random dates.
Random dates drawn evenly over the years ignore that regulatory actions crowd into 2021–2024, so any date then sits close to one: the test could not tell a response from a coincidence of era, and it is withdrawn.
The {ref}`synthesis` chapter asks the question across the book with a design that keeps the era and matches each safeguard to the concern and place of an action.

## Who acted, on what grounds, with what penalty""",
)
setsrc(
    8,
    """penalty_metrics = ["fine_amount", "settlement_amount", "proposed_fine_amount"]
unit_of = book.reports.set_index("event_id")["unit_id"]
penalties = measures[measures["metric"].isin(penalty_metrics)].assign(
    unit_id=lambda m: m["event_id"].map(unit_of)
)
penalties = penalties[penalties["unit_id"].isin(regulatory["unit_id"])]
first_penalty = penalties.sort_values("measure_id").groupby("unit_id").first()
shown = first_penalty.reindex(regulatory["unit_id"])
reg_table = pd.DataFrame(
    {
        "Date": [
            report.shown_date(d, p)
            for d, p in zip(regulatory["date"], regulatory["date_precision"], strict=True)
        ],
        "Who": regulatory["actor"].map(organisations["name"]).to_numpy(),
        "Where": regulatory["area"].map(labels.place).to_numpy(),
        "What": labels.words(regulatory["event_type"], labels.EVENT_TYPE).to_numpy(),
        "Concern": labels.words(regulatory["concern"], labels.CONCERN).to_numpy(),
        "Penalty": [
            f"{v:,.0f} {u}" if pd.notna(v) else ""
            for v, u in zip(shown["value"], shown["unit"], strict=True)
        ],
        "Source": [report.source_link(s) for s in regulatory["source_id"]],
    }
)
report.show_table("cs-tbl-regulators", reg_table)
fines = government.fines(book)
eur = fines[(fines["currency"] == "EUR") & (fines["concern"] == "child_protection")]
largest = eur.sort_values("value").iloc[-1]
report.say(
    "largest_child_fine",
    f"EUR {largest['value'] / 1e6:,.0f} million from "
    f"{labels.PLACE[largest['jurisdiction']]}'s {largest['authority']}",
)
report.say("n_lawsuits", (regulatory["event_type"] == "lawsuit").sum())
report.say("n_investigations", (regulatory["event_type"] == "investigation").sum())
report.say("n_penalised", len(first_penalty))""",
)
rep(
    9,
    "Regulators', legislatures' and courts' actions about children on TikTok, with the coded grounds and, where sourced, the penalty in its own currency (a proposed fine is the regulator's notice before its final decision).",
    "Public authorities' episodes about children on TikTok: regulators, legislatures and courts (a consumer group's lawsuit is context, not an episode). Each episode is dated by its first step; the penalty, where sourced, is in its own currency, and a proposed fine is the regulator's notice before its final decision.",
)
rep(
    9,
    "The table holds {glue:text}`n_investigations` investigations, {glue:text}`n_lawsuits` lawsuits and {glue:text}`n_penalised` actions with a sourced amount.",
    "The table holds {glue:text}`n_investigations` investigations, {glue:text}`n_lawsuits` lawsuits and {glue:text}`n_penalised` episodes with a sourced amount.",
)
src = C[10].source
src = src.replace(
    '"Regulatory and court actions": regulatory.groupby("year").size(),',
    '"Regulatory and court episodes": regulatory.groupby("year").size(),',
)
src = src.replace('ax.set_ylabel("Events")', 'ax.set_ylabel("Units (safeguards; episodes)")')
src = src.replace(
    'ax.set_title("Safeguards for minors and regulatory actions per year")',
    'ax.set_title("Safeguards and regulatory episodes rise and fall only loosely together")',
)
C[10].source = src
rep(
    11,
    "safeguards for minors and regulatory or court actions. Regulatory actions rise",
    "safeguards for minors and regulatory or court episodes. Regulatory episodes rise",
)
rep(
    11,
    "Source: the book's dataset, child-safety events.",
    "Source: the book's dataset, child-safety units.",
)
src = C[12].source
src = src.replace(
    """def value(measure_id: str) -> float:
    return measures.set_index("measure_id").loc[measure_id, "value"]


""",
    """def value(measure_id: str) -> float:
    return book.measure(measure_id)["value"]


""",
)
src = src.replace(
    """italy = measures[
    (measures["country"] == "IT") & measures["metric"].str.startswith("accounts_removed")
]
report.say("it_removed_low", italy["value"].min())
report.say("it_removed_high", italy["value"].max())
report.say("n_it_reports", len(italy))
tc = all_events.set_index("event_id").loc["seed-086"]""",
    """report.say("it_self_declared", value("chi-m021"))
report.say("it_other_signals", value("chi-m022"))
report.say("it_total", value("chi-m023"))
tc = book.step("seed-086")""",
)
C[12].source = src
rep(
    13,
    """- **The Italian removals.** The dataset holds {glue:text}`n_it_reports` reports of accounts removed in Italy after the data-protection authority's order, ranging from {glue:text}`it_removed_low` to {glue:text}`it_removed_high`: over half a million users likely under 13 {cite:p}`telecompaper2021italyunder13`, split in one report into self-declared under-13s and accounts flagged by other users {cite:p}`tecnoandroid2021rimossi`. A seed article says the authorities "compelled" the removals; the sources describe TikTok removing accounts under the authority's order.""",
    """- **The Italian removals.** A seed article says the Italian authorities compelled TikTok to remove over 500,000 accounts. That is right: TikTok removed them under the data-protection authority's order {cite:p}`telecompaper2021italyunder13`. One report breaks the total, about {glue:text}`it_total`, into about {glue:text}`it_self_declared` users who declared they were under 13 and about {glue:text}`it_other_signals` found through other users' reports {cite:p}`tecnoandroid2021rimossi`; the smaller figure is a part of the total, not a competing count.""",
)
C[-1].source = C[-1].source.replace(
    "- **Timing is not causation.**", "- **Timing is not causation.**"
)
C[-1].source = C[-1].source.replace(
    "## Limitations",
    """## What this means

TikTok's safeguards for minors and regulators' actions about children both intensified from 2021, and the largest penalties came from European data-protection authorities over children's data.
The company's own figures on removing underage accounts rose and then fell relative to its overall enforcement, and they are unaudited: they show what TikTok chose to report, not how many children use the app.

## Limitations""",
)
nbformat.write(nb, path)
