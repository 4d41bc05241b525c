import nbformat
from nbformat.v4 import new_markdown_cell as md, new_code_cell as code

H = {"tags": ["hide-input"]}
path = "/work/main/chapters/01_data_and_methods.ipynb"
nb = nbformat.read(path, 4)
C = nb.cells


def rep(i, a, b):
    assert a in C[i].source, (i, a[:70])
    C[i].source = C[i].source.replace(a, b)


C[1].source = """import matplotlib.pyplot as plt
import pandas as pd

from safetybook import analysis, chapter, labels, load, recall, report, style
from safetybook.style import THEME_COLOURS, THEME_LABELS

book = chapter.setup()
sources, measures, units = book.sources.reset_index(), book.measures, book.units
counted = units[units["unit_kind"] != "context"]
all_events = book.reports"""
C[2].source = """report.say("n_sources", len(sources))
report.say("n_organisations", len(book.organisations))
report.say("n_units", len(counted))
report.say("n_episodes", (units["unit_kind"] == "episode").sum())
report.say("n_announcements", (units["unit_kind"] == "announcement").sum())
report.say("n_context", (units["unit_kind"] == "context").sum())
report.say("n_steps", len(book.steps))
report.say("n_event_rows", len(all_events))
report.say("n_corroborating", all_events["same_event_as"].notna().sum())
report.say("n_measures", len(measures))
report.say("n_countries", counted.loc[~counted["area"].isin(["INT", "EU"]), "area"].nunique())
report.say("first_year", str(counted["year"].min()))
report.say("last_year", str(counted["year"].max()))
report.say("official_share_units", analysis.share(counted["official"]))
report.say("news_share_rows", analysis.share(all_events["source_kind"] == "news"))
seeds = sources[sources["seed_file"].notna()]
seed_rows = all_events[all_events["source_id"].isin(seeds["source_id"])]
report.say("n_seed_event_rows", len(seed_rows))
report.say("n_seed_traced", seed_rows["same_event_as"].notna().sum())"""
rep(
    3,
    """- The dataset holds {glue:text}`n_events` distinct dated events, {glue:text}`n_measures` reported numbers and {glue:text}`n_sources` source documents, covering {glue:text}`first_year` to {glue:text}`last_year`.
- Events touch {glue:text}`n_countries` countries besides global and EU-level ones.
- Only {glue:text}`primary_share_events`% of events rest on a primary, official or transparency source; {glue:text}`news_share_events`% rest on news reports.""",
    """- The dataset counts {glue:text}`n_units` units, {glue:text}`n_episodes` government episodes and {glue:text}`n_announcements` announcements, made of {glue:text}`n_steps` dated steps, with {glue:text}`n_measures` reported numbers and {glue:text}`n_sources` source documents, covering {glue:text}`first_year` to {glue:text}`last_year`.
- Units touch {glue:text}`n_countries` countries besides global and EU-level ones.
- {glue:text}`official_share_units`% of units rest, for at least one step, on an official or TikTok-own source; {glue:text}`news_share_rows`% of all rows rest on news reports.
- Against an outside reference list of known government actions, the dataset first recorded {glue:text}`recall_before`% of them; after the missing ones were searched for, {glue:text}`recall_after`%.""",
)
rep(
    3,
    """The dataset has four tables, each described column by column in the {ref}`data-dictionary`.
`events` holds one row per dated event involving TikTok, `measures` one row per reported number, `organisations` the parties they name and `sources` the documents they rest on.
An event reported by two documents is kept once; the second report is kept as a corroborating row that points at the first (column `same_event_as`).
There are {glue:text}`n_event_rows` event rows, of which {glue:text}`n_corroborating` are corroborating rows.""",
    """The dataset has five tables, each described column by column in the {ref}`data-dictionary`.
`events` holds one row per reported step of a unit, `measures` one row per reported number, `organisations` the parties they name, `sources` the documents they rest on, and `reference_actions` the outside list used to measure recall.
Every count in the book counts **units**: a government episode (one measure by one public authority, with its steps), an announcement (one initiative, with its renewals and activations) or, never counted, a context row; the {ref}`codebook` defines them and reports how reliably they are coded.
A step reported by two documents is kept once; the second report is a corroborating row that points at the first (column `same_event_as`).
There are {glue:text}`n_event_rows` event rows: {glue:text}`n_steps` steps and {glue:text}`n_corroborating` corroborating rows; {glue:text}`n_context` rows are context only.""",
)
C[
    4
].source = """rows = pd.concat([counted[["theme", "source_id"]], measures[["theme", "source_id"]]])
coverage = (
    pd.concat(
        [
            counted.groupby(["theme", "unit_kind"], observed=False).size().unstack(fill_value=0),
            measures.groupby("theme", observed=False).size().rename("measures"),
            rows.groupby("theme", observed=False)["source_id"].nunique().rename("sources cited"),
        ],
        axis=1,
    )
    .fillna(0)
    .astype(int)
)
coverage = coverage[["episode", "announcement", "measures", "sources cited"]]
coverage.columns = ["Episodes", "Announcements", "Measures", "Sources cited"]
coverage = coverage.rename(index=THEME_LABELS).rename_axis("Theme").reset_index()
report.show_table("dm-tbl-coverage", coverage)"""
rep(
    5,
    "Rows per theme: events, measures and the number of distinct sources they cite.",
    "Units per theme (government episodes and announcements), measures, and the number of distinct sources they cite.",
)
C[
    6
].source = """per_year = counted.groupby(["year", "theme"], observed=False).size().unstack("theme", fill_value=0)
fig, ax = plt.subplots()
bottom = pd.Series(0, index=per_year.index)
for theme in per_year.columns:
    ax.bar(per_year.index, per_year[theme], bottom=bottom, color=THEME_COLOURS[theme],
           label=THEME_LABELS[theme])
    bottom = bottom + per_year[theme]
ax.set_xlabel("Year")
ax.set_ylabel("Units (episodes and announcements)")
ax.set_title("Initiatives peaked in 2021, government episodes in 2023")
ax.legend(ncols=5, loc="upper center", bbox_to_anchor=(0.5, -0.14))
ax.set_xticks(per_year.index)
busiest = int(per_year.sum(axis=1).idxmax())
report.say("busiest_year", str(busiest))
report.say("busiest_year_units", int(per_year.sum(axis=1).max()))
report.say("gov_share_busiest", 100 * per_year.loc[busiest, "government"] / per_year.loc[busiest].sum())
long = per_year.reset_index().melt(id_vars="year", var_name="theme", value_name="units")
report.publish(fig, "dm-fig-events-per-year", long, counted["source_id"])"""
C[7].source = (
    C[7]
    .source.replace(
        "Stacked bar chart of dated events per year from 2018 to 2026 in five themes. Counts rise from a handful in 2018 to a peak around 2021, when health, anti-bullying and child-safety events dominate; from 2023 government actions make up the largest share.",
        "Stacked bar chart of units per year from 2018 to 2026 in five themes. Counts rise from a handful in 2018 to a first peak in 2021, when health, anti-bullying and child-safety announcements dominate, and a higher peak in 2023, almost all government episodes.",
    )
    .replace(
        "The record peaks in {glue:text}`busiest_year` with {glue:text}`busiest_year_events` events, {glue:text}`gov_share_busiest`% of them government actions.",
        "The record peaks in {glue:text}`busiest_year` with {glue:text}`busiest_year_units` units, {glue:text}`gov_share_busiest`% of them government episodes.",
    )
    .replace(
        "Source: the book's dataset, `events` table (corroborating rows excluded).",
        "Source: the book's dataset, units (episodes and announcements, by their first step).",
    )
)
src = C[8].source
src = src.replace(
    """kinds = (
    events.groupby("source_kind", observed=True)
    .size()
    .rename("events")""",
    """kinds = (
    all_events.groupby("source_kind", observed=True)
    .size()
    .rename("events")""",
)
src = src.replace(
    'labels = [k.replace("_", " ") for k in kinds.index]',
    "names = [labels.SOURCE_KIND[k] for k in kinds.index]",
)
src = src.replace('ax.barh(labels, kinds["events"]', 'ax.barh(names, kinds["events"]').replace(
    'ax.barh(labels, kinds["measures"]', 'ax.barh(names, kinds["measures"]'
)
src = src.replace('label="Events")', 'label="Event rows")').replace(
    'ax.set_title("Rows by the kind of source they rest on")',
    'ax.set_title("News reports carry most rows")',
)
src = src.replace(
    '100 * measures["source_kind"].isin(primary_kinds).mean()',
    'analysis.share(measures["source_kind"].isin(load.OFFICIAL_KINDS))',
)
src = src.replace(
    'pd.concat([events["source_id"], measures["source_id"]]),',
    'pd.concat([all_events["source_id"], measures["source_id"]]),',
)
C[8].source = src
C[9].source = C[9].source.replace(
    "News reports carry most rows; primary, official and transparency sources carry {glue:text}`primary_share_events`% of events and {glue:text}`measures_transparency_or_primary`% of measures.",
    "News reports carry most rows; official and TikTok-own sources carry {glue:text}`measures_transparency_or_primary`% of measures.",
)
C[9].source = C[9].source.replace(
    """Many such pages were found without a visible date, and a row needs a date; dated news reports of the same announcement then stood in.
Enforcement figures suffer most: stored copies of TikTok's report pages rarely showed the policy tables, so many quarterly figures rest on press reprints of TikTok's releases.""",
    """For every government episode, helpers searched the stored copies for the acting authority's own page (regulators' decisions, court records, legislatures, government press pages); where one was found it was added as a corroborating row, and the searches that found nothing are recorded in `curation/candidates/` so no curator repeats them.
Most authorities' pages are not in the stored copies, so most episodes still rest on news reports; the table below shows how far the record is from the book's targets.
Enforcement figures suffer most: stored copies of TikTok's report pages rarely show the policy tables, so most quarterly figures rest on press reprints of TikTok's releases.

## Official sources against the targets""",
)
new = [
    code(
        """episodes = units[units["unit_kind"] == "episode"]
fines_laws = episodes[
    episodes["event_type"].isin(["fine", "age_limit", "divest_or_ban"])
    | episodes["outcomes"].str.contains("fine")
]
ENFORCEMENT = ["videos_removed", "harassment_bullying_share_of_removed_videos",
               "accounts_removed_suspected_under_13", "proactive_removal_rate",
               "safety_civility_share_of_removed_videos"]
enforcement = measures[measures["metric"].isin(ENFORCEMENT)]
own = enforcement["source_kind"].isin(["transparency_report", "primary"])
targets = pd.DataFrame({
    "What": ["Government episodes with an official source", "Fines and laws with an official source",
             "Enforcement figures from TikTok's own pages"],
    "Units or rows": [len(episodes), len(fines_laws), len(enforcement)],
    "Share": [analysis.share(episodes["official"]), analysis.share(fines_laws["official"]),
              analysis.share(own)],
    "Target": [50, 80, 60],
})
targets["Met"] = ["yes" if s >= t else "no" for s, t in zip(targets["Share"], targets["Target"], strict=True)]
targets["Share"] = targets["Share"].round(0).astype(int).astype(str) + "%"
targets["Target"] = targets["Target"].astype(str) + "%"
report.show_table("dm-tbl-official", targets)
by_theme = counted.groupby("theme", observed=True)["official"].mean().mul(100).round(0)
report.say("official_by_theme", "; ".join(f"{THEME_LABELS[t].lower()} {v:.0f}%" for t, v in by_theme.items()))""",
        metadata=H,
    ),
    md("""```{glue:figure} dm-tbl-official
:name: dm-tbl-official

Shares of units and figures resting, for at least one step or report, on the acting organisation's own document, against the targets the book set itself. None of the targets is met yet.
```

By theme, the share of units with an official or TikTok-own source is: {glue:text}`official_by_theme`.

## What the dataset misses

A dataset built from what could be found says little about what it misses unless it is checked against a list built another way.
Helpers compiled an outside **reference list** of {glue:text}`ref_total` known government actions against or about TikTok from public trackers, encyclopaedic lists and news explainers ({glue:text}`ref_kinds`), without looking at the dataset, and matched each item to the dataset's rows.
The dataset first recorded {glue:text}`recall_before`% of the listed actions.
Every missing one was then searched for, and {glue:text}`n_added` were added with a source; recall against the list is now {glue:text}`recall_after`%, which is no longer an independent estimate because the list guided the additions.
The episodes now cover {glue:text}`n_gov_places` countries and territories, {glue:text}`n_gov_jurisdictions` jurisdictions when states and provinces count separately."""),
    code(
        """coverage_check = recall.government_recall()
listed = recall.reference()
report.say("ref_total", coverage_check.total)
report.say("recall_before", coverage_check.share_before)
report.say("recall_after", coverage_check.share)
report.say("n_added", coverage_check.hits - coverage_check.hits_before)
kinds = listed["list_kind"].astype(str).value_counts()
report.say("ref_kinds", ", ".join(f"{n} from {k.replace('_', ' ')} pages" for k, n in kinds.items()))
report.say("n_gov_places", episodes["area"].nunique())
report.say("n_gov_jurisdictions", episodes["affected_area"].fillna(episodes["jurisdiction"]).nunique())
missing = coverage_check.missing
table = pd.DataFrame({
    "Where": missing["jurisdiction"].map(labels.place),
    "What the list says": missing["description"],
    "Why it is not in the dataset": "no usable dated source found in the stored copies",
    "List": [report.Link(p, u) for p, u in zip(missing["list_publisher"], missing["list_url"], strict=True)],
})
report.show_table("dm-tbl-missing", table)""",
        metadata=H,
    ),
    md("""```{glue:figure} dm-tbl-missing
:name: dm-tbl-missing

Government actions on the reference list that the dataset still does not record, with the list that names each.
```

Other known gaps: TikTok's quarterly enforcement figures after mid-2022 for harassment and bullying; the day of several year-dated announcements (for example the Team GB and ParalympicsGB partnership); and most authorities' own pages for device bans.

## Conflicting reports

Where two sources give different dates for the same step, the dataset keeps both: the better-sourced one is the step, the other a corroborating row.
The table lists the conflicts where the two dates' intervals do not overlap."""),
    code(
        """rows = all_events.set_index("event_id")
corroborating = all_events[all_events["same_event_as"].notna()]
target = rows.loc[corroborating["same_event_as"]]
apart = (corroborating["date_latest"].to_numpy() < target["date_earliest"].to_numpy()) | (
    corroborating["date_earliest"].to_numpy() > target["date_latest"].to_numpy()
)
conflicts = corroborating[apart]
conflict_table = pd.DataFrame({
    "Step": [rows.at[t, "description"] for t in conflicts["same_event_as"]],
    "Date used": [report.shown_date(rows.at[t, "date"], rows.at[t, "date_precision"]) for t in conflicts["same_event_as"]],
    "Other date": [report.shown_date(d, p) for d, p in zip(conflicts["date"], conflicts["date_precision"], strict=True)],
    "Other source": [report.source_link(s) for s in conflicts["source_id"]],
})
report.show_table("dm-tbl-conflicts", conflict_table)
report.say("n_conflicts", len(conflicts))""",
        metadata=H,
    ),
    md("""```{glue:figure} dm-tbl-conflicts
:name: dm-tbl-conflicts

The {glue:text}`n_conflicts` steps that two sources date differently, beyond the precision either gives.
```

## The provenance rule"""),
]
idx = next(
    i for i, c in enumerate(C) if c.cell_type == "markdown" and "## The provenance rule" in c.source
)
head, tail = C[idx].source.split("## The provenance rule", 1)
C[idx].source = head.rstrip() + "\n"
tail_cell = md("## The provenance rule" + tail)
tail_cell.source = tail_cell.source.replace(
    """{glue:text}`n_seed_rewrites` of them turned out to be copies or rewrites of pages published elsewhere, and two read as machine paraphrases that replace names with synonyms (for instance "Workforce GB" for Team GB).""",
    """None is original reporting.
Three (002, 003 and 004) are machine-processed rewrites of Social Media Today articles: 002 and 003 were run through a synonym "spinner" (it turns "Team GB" into "Workforce GB" and "campaign" into "marketing campaign"), and 004 through a round-trip machine translation.
Seed 000 is a loose paraphrase of WHO's release of 26 September 2024, which rewords its direct quotations, and seed 001 is a verbatim copy of TikTok India's press release on a personal blog.
The Social Media Today originals were not among the stored pages: the dataset's `derived_from` column points 002 and 003 at unspun copies of their text, and is empty for 004, whose original was not found.""",
)
tail_cell.source = tail_cell.source.replace(
    "The book began from five articles (`shared/seeds`).",
    "The book began from five articles (`shared/seeds`), listed with their origins in `shared/seeds/ORIGINS.md`.",
)
last = new[-1]
last.source = last.source.replace("\n\n## The provenance rule", "")
nb.cells = C[: idx + 1] + new + [tail_cell] + C[idx + 1 :]
nbformat.write(nb, path)
