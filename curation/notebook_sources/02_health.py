import nbformat

path = "/work/main/chapters/02_health.ipynb"
nb = nbformat.read(path, 4)
C = nb.cells


def rep(i, a, b):
    assert a in C[i].source, (i, a[:70])
    C[i].source = C[i].source.replace(a, b)


C[
    0
].source += "\nIts unit is the **announcement**: one initiative, however many partners or features it names, with its activations (a livestream under a partnership) as steps of it (see the {ref}`codebook`)."
rep(
    1,
    """import matplotlib.pyplot as plt
import pandas as pd

from safetybook import analysis, figures, load, report, style

style.use()
events = load.events()
all_events = load.events(include_corroborating=True)
measures = load.measures()
organisations = load.organisations().set_index("org_id")
health = events[events["theme"] == "health"].copy()""",
    """import matplotlib.pyplot as plt
import pandas as pd

from safetybook import analysis, chapter, figures, report, style

book = chapter.setup()
measures, organisations = book.measures, book.organisations
health = book.announcements
health = health[health["theme"] == "health"].copy()""",
)
C[2].source = """report.say("n_health", len(health))
report.say("n_health_steps", health["n_steps"].sum())
report.say("n_partners", health.loc[health["partner"] != "", "partner"].nunique())
who = (health["actor"] == "who") | (health["counterpart"] == "who")
report.say("n_who_units", who.sum())
report.say("n_government_led", (health["initiative_lead"] == "government").sum())
report.say("health_official_share", analysis.share(health["official"]))
in_pandemic = (health["date"] >= "2020-01-01") & (health["date"] <= "2021-12-31")
report.say("covid_share", analysis.share(in_pandemic))
report.say("who_join_date", report.long_date(book.step("hea-001")["date"]))
report.say("collab_date", report.long_date(book.step("seed-004")["date"]))"""
rep(
    3,
    """- The dataset dates {glue:text}`n_health` health events with {glue:text}`n_partners` named partners; {glue:text}`covid_share`% of them fall in 2020–2021, the pandemic years.
- WHO is the most frequent partner ({glue:text}`n_who_events` events), from joining TikTok on {glue:text}`who_join_date` to the year-long collaboration announced on {glue:text}`collab_date`.
- The 2024 collaboration's donation is stated as {glue:text}`collab_usd` by TikTok's US newsroom and as {glue:text}`collab_gbp` by its UK newsroom: one programme, two currencies, and no sourced exchange rate that reconciles them.
- The reach announced for WHO's Fides creators, {glue:text}`fides_reach` people, equals {glue:text}`fides_share`% of the "over a billion" users TikTok reported; it is reach across platforms, not TikTok users.""",
    """- The dataset dates {glue:text}`n_health` health announcements with {glue:text}`n_partners` named partners; {glue:text}`covid_share`% of them fall in 2020–2021, the pandemic years.
- WHO is the most frequent partner ({glue:text}`n_who_units` announcements), from joining TikTok on {glue:text}`who_join_date` to the year-long collaboration announced on {glue:text}`collab_date`.
- {glue:text}`n_government_led` of the announcements were led by governments or public health services (for example a government-funded vaccine campaign): they are not TikTok's initiatives.
- Reach figures for health programmes are large but count different things (people reached across all platforms, views, impressions), so they cannot be read as shares of TikTok's users.""",
)
rep(
    3,
    """The chapter uses {glue:text}`n_health` health events from {glue:text}`n_health_sources` sources; {glue:text}`health_primary_share`% rest on TikTok's, WHO's or another primary page, the rest on news and trade press.""",
    """The chapter counts {glue:text}`n_health` announcements with {glue:text}`n_health_steps` dated steps; {glue:text}`health_official_share`% rest, for at least one step, on TikTok's, WHO's or another official page, the rest on news and trade press.""",
)
rep(
    4,
    'health, "partner_type", "Health events by kind of partner", lanes=LANES, colour_by="event_type"',
    'health, "partner_type", "Health work began with WHO and moved to well-being", lanes=LANES, colour_by="event_type"',
)
rep(
    4,
    '["event_id", "date", "date_precision", "partner_type", "partner", "event_type", "country"]',
    '["unit_id", "date", "date_precision", "partner_type", "partner", "event_type", "area"]',
)
rep(5, "one dot per health event", "one dot per health announcement")
rep(
    5,
    "Source: the book's dataset, health events,",
    "Source: the book's dataset, health announcements,",
)
rep(6, 'ax.set_ylabel("Events")', 'ax.set_ylabel("Announcements")')
rep(
    6,
    'ax.set_title("Health events per year, by kind of partner")',
    'ax.set_title("Health announcements peaked in the pandemic years")',
)
rep(
    6,
    'report.say("health_peak_events", int(per_year.sum(axis=1).max()))',
    'report.say("health_peak_units", int(per_year.sum(axis=1).max()))',
)
rep(
    6,
    'var_name="partner_type", value_name="events"',
    'var_name="partner_type", value_name="announcements"',
)
rep(
    7,
    "Stacked bar chart of health events per year",
    "Stacked bar chart of health announcements per year",
)
rep(7, "then drop to between one and six events a year", "then drop to a few a year")
rep(
    7,
    "Health events peak in {glue:text}`health_peak_year` ({glue:text}`health_peak_events` events)",
    "Health announcements peak in {glue:text}`health_peak_year` ({glue:text}`health_peak_units`)",
)
rep(
    7,
    "Source: the book's dataset, health events.",
    "Source: the book's dataset, health announcements.",
)
src = C[8].source
src = src.replace(
    """def m(measure_id: str) -> pd.Series:
    return measures.set_index("measure_id").loc[measure_id]


""",
    """m = book.measure
METRIC = {"reach": "People reached", "fides_reach": "People reached by Fides creators",
          "views": "Views", "covid19_hub_views": "COVID-19 hub views",
          "impressions": "Impressions", "followers": "Followers"}
""",
)
src = src.replace(
    """reach_rows = reach_rows.sort_values("value")


def reach_label(row) -> str:
    who = organisations.loc[row.subject, "name"]
    return f"{row.metric.replace('_', ' ')}: {who[:34]} ({row.country})"


labels = [reach_label(r) for r in reach_rows.itertuples()]""",
    """reach_rows = reach_rows.drop_duplicates(["metric", "subject", "value", "unit"]).sort_values("value")


def reach_label(row) -> str:
    who = organisations.loc[row.subject, "name"].split(" (")[0]
    return f"{METRIC[row.metric]}, {who[:30]} ({row.period_end:%Y})"


labels = [reach_label(r) for r in reach_rows.itertuples()]""",
)
src = src.replace(
    'ax.set_title("Reported reach of health programmes against platform scale")',
    'ax.set_title("Health reach figures count people, views and impressions")',
)
src = src.replace(
    """report.say("fides_share", 100 * fides["value"] / billion["value"])
""",
    "",
)
C[8].source = src
rep(
    9,
    "People-based figures such as Fides reach sit below the line",
    "People-based figures, such as the reach of WHO's Fides creators, sit below the line",
)
C[
    10
].source = """collab_don = measures[(measures["event_id"] == "hea-011") & (measures["metric"] == "donation")]
usd = collab_don[collab_don["unit"] == "USD"].iloc[0]
gbp = collab_don[collab_don["unit"] == "GBP"].iloc[0]
report.say("collab_usd", f"USD {usd['value'] / 1e6:,.0f} million")
report.say("collab_gbp", f"about GBP {gbp['value'] / 1e6:,.0f} million")"""
C[
    11
].source = """The 2024 WHO collaboration is one announcement with several parts: the partnership, creator training for WHO's Fides network and a donation.
TikTok's US newsroom gives the donation as {glue:text}`collab_usd` {cite:p}`tiktok2024whofidesus` and its UK newsroom as {glue:text}`collab_gbp` {cite:p}`tiktok2024whofidesgb`, most likely one sum stated for two audiences; one trade report adds that it covers funds and advertising credits {cite:p}`nutritioninsight2024whotiktok`, so the cash given is less than the headline figure."""
rep(
    13,
    "- **Fides.** WHO's page describes a community of over {glue:text}`fides_creators` members reaching {glue:text}`fides_reach` people {cite:p}`who2024fides`;",
    "- **Fides.** WHO's page describes a community of over {glue:text}`fides_creators` members reaching {glue:text}`fides_reach` people {cite:p}`who2024fides`, reach across all social media, not only TikTok;",
)
C[14].source = 'report.show_table("health-tbl-events", report.unit_table(health, organisations))'
C[15].source = """````{dropdown} Every health announcement (the full list)
```{glue:figure} health-tbl-events
:name: health-tbl-events

Every health announcement in the dataset, dated by its first step, with where it applies, who led it and its source.
```
````

## What this means

TikTok's health partnerships were above all a pandemic phenomenon, built around WHO and national health services in 2020–2021; since then the work has shifted to mental health and well-being, with fewer and smaller announcements.
Reach figures are the partners' own and mostly count attention (views, impressions, reach across platforms), not people informed.

## Limitations

- **Coverage.** The pandemic made health partnerships newsworthy; later well-being features got less coverage and may be under-recorded.
- **Self-reported reach.** Reach, view and donation figures come from TikTok and its partners and are not audited; views and impressions are not people.
- **Currencies.** Donations are kept in the currency each source states; two statements of one donation are shown, not reconciled.
- **Misinformation removals.** TikTok reported COVID-19 misinformation removals for a few periods only in the sources found, too few for a trend.
- **Timing is not causation.** The burst of health partnerships in 2020 coincided with the pandemic and with mounting government scrutiny of TikTok; the data cannot separate the two motives."""
for c in C:
    if c.cell_type == "code":
        c.metadata = {"tags": ["hide-input"]}
nbformat.write(nb, path)
