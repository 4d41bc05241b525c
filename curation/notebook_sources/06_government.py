import nbformat
from nbformat.v4 import new_markdown_cell as md, new_code_cell as code

H = {"tags": ["hide-input"]}
path = "/work/main/chapters/06_government.ipynb"
old = nbformat.read(path, 4)
cells = [
    md("""(government)=
# Government concerns: restrictions, investigations, laws and fines

Governments have barred TikTok from official phones, blocked it nationwide, legislated about its ownership, investigated its handling of data and fined it.
This chapter assembles the dated record of those measures and asks how they spread, who imposed them, and on what stated grounds.
Its unit is the **episode**: one measure by one public authority, with its announcement, entry into force, court rulings and lifting as steps of that one episode (see the {ref}`codebook`)."""),
    code(
        """from safetybook import analysis, chapter, figures, government, labels, recall, report

book = chapter.setup()
episodes = book.episodes
device = episodes[episodes["event_type"] == "device_ban"]
blocks = episodes[episodes["event_type"] == "national_ban"]""",
        metadata=H,
    ),
    md(""":::{admonition} Key findings
:class: tip
- The dataset records {glue:text}`n_episodes` government episodes about TikTok in {glue:text}`n_places` countries and territories (the EU counted once), {glue:text}`n_jurisdictions` jurisdictions when states and provinces count separately, among them {glue:text}`n_device_bans` bans on official devices and {glue:text}`n_blocks` nationwide blocks. These are lower bounds: the Data chapter names what the record misses.
- Device bans came in one wave: {glue:text}`wave_count` of the {glue:text}`n_device_bans` fall within the densest 120-day window, starting {glue:text}`wave_start`.
- The two kinds of restriction answer different worries: {glue:text}`device_security_share`% of device bans cite data security or foreign control, against {glue:text}`block_security_share`% of nationwide blocks, which mostly cite content or public order.
- Pressure is not the whole record: {glue:text}`n_relief_episodes` episodes include relief for TikTok (a court injunction, an enforcement delay or a lifting), {glue:text}`n_relief_steps` relief steps in all, which the book never counts as pressure.
- {glue:text}`n_fines` fines came from {glue:text}`n_fine_authorities` authorities; the largest in euros, {glue:text}`largest_fine`, was imposed by {glue:text}`largest_fine_by` in {glue:text}`largest_fine_year`.
:::

## Questions

1. How did restrictions spread over time, and by what kind of measure?
2. How do security-motivated device bans differ from content-motivated nationwide blocks in who imposes them, where and when?
3. How large are the fines, which authorities imposed them and on what grounds?
4. What does the dated record say about the commissioning articles' claims on the UK, the US, Pakistan, Italy and the European Commission?"""),
    code(
        """report.say("n_episodes", len(episodes))
report.say("n_places", episodes["area"].nunique())
places = episodes["affected_area"].fillna(episodes["jurisdiction"])
report.say("n_jurisdictions", places.nunique())
report.say("n_device_bans", len(device))
report.say("n_blocks", len(blocks))
report.say("n_steps", episodes["n_steps"].sum())
report.say("n_reports", episodes["n_reports"].sum())
report.say("gov_official_share", analysis.share(episodes["official"]))
report.say("first_gov_year", str(episodes["year"].min()))
coverage = recall.government_recall()
report.say("gov_recall", coverage.share)
report.say("gov_recall_before", coverage.share_before)
report.say("gov_recall_total", coverage.total)
report.say("gov_missing", coverage.named(8))""",
        metadata=H,
    ),
    md("""## Data coverage

The chapter counts {glue:text}`n_episodes` episodes, made of {glue:text}`n_steps` dated steps reported by {glue:text}`n_reports` source rows.
Each episode is coded by acting jurisdiction and affected area, the level of the acting authority, what the measure does and the concern it states (see the {ref}`codebook`).
{glue:text}`gov_official_share`% of the episodes rest, for at least one step, on the acting authority's own document; the rest rest on news reports of it.
The record starts in {glue:text}`first_gov_year`.

:::{admonition} What this dataset misses
:class: warning
Against an outside reference list of {glue:text}`gov_recall_total` known government actions, built from public trackers and encyclopaedic lists, the dataset first recorded {glue:text}`gov_recall_before`% of them; the missing ones were then searched for and added where a source was found, bringing recall to {glue:text}`gov_recall`%.
The second figure is not an independent check, since the list was used to close the gaps; the Data chapter gives the method.
Still missing, for want of a usable source: {glue:text}`gov_missing`.
Counts in this chapter are lower bounds.
:::

## How restrictions spread"""),
    code(
        """KINDS = {"device_ban": "Official devices", "national_ban": "Whole country",
         "regional_ban": "A territory or state", "divest_or_ban": "Sell or be banned"}
restrictions = government.restrictions(episodes)
groups = {KINDS[k]: restrictions.loc[restrictions["event_type"] == k, "date"] for k in KINDS}
fig, ax = figures.cumulative(groups, "Device bans came in one wave around the turn of 2023",
                             "Restrictions announced so far")
wave_count, wave_start = analysis.densest_window(device["date"], 120)
report.say("wave_count", wave_count)
report.say("wave_start", f"{wave_start:%B %Y}")
data = restrictions[["unit_id", "date", "date_precision", "event_type", "area"]]
report.publish(fig, "gov-fig-cumulative-bans", data, restrictions["source_id"])""",
        metadata=H,
    ),
    md("""```{glue:figure} gov-fig-cumulative-bans
:alt: Step chart of restrictions announced so far, 2018 to 2026, one line per kind. The line for official devices stays low until late 2022, climbs steeply through the first months of 2023 and then flattens. Whole-country blocks rise in small steps across the whole period. Territory or state blocks and sell-or-ban measures stay at a handful.
:name: gov-fig-cumulative-bans

Device bans arrived in one burst around the turn of 2023, while nationwide blocks accumulated steadily over the whole period. Each step is one episode, dated by its first announcement.

Source: the book's dataset, government episodes that restrict TikTok. {download}`Data behind this figure <figure-data/gov-fig-cumulative-bans.csv>`.
```

The burst is not one country's doing: it combines US states, the US federal government, Canada, the European institutions, the UK and several European governments acting within weeks of each other.
The count is descriptive: the book does not test the burst against a model of random timing, because governments' decisions are not independent draws.

## Concerns and regions"""),
    code(
        """ORDER = ["data_security_foreign_control", "content_public_order", "child_protection",
         "consumer_protection", "data_protection", "other"]
table = episodes.assign(concern=episodes["concern"].astype(str))
table = table.groupby(["region", "concern"]).size().unstack("concern", fill_value=0)
table = table.reindex(columns=[c for c in ORDER if c in table], fill_value=0)
table = table.loc[table.sum(axis=1).sort_values().index]
shares = table.div(table.sum(axis=1), axis=0) * 100
shown = table.rename(columns=labels.CONCERN)
fig, ax = figures.stacked_bars(shown, "Security dominates in the Americas, content in Asia",
                               "Government episodes", horizontal=True)
report.say("americas_security_share", shares.loc["Americas", "data_security_foreign_control"])
report.say("europe_security_share", shares.loc["Europe", "data_security_foreign_control"])
report.say("europe_child_share", shares.loc["Europe", "child_protection"])
report.say("asia_content_share", shares.loc["Asia", "content_public_order"])
long = table.reset_index().melt(id_vars="region", var_name="concern", value_name="episodes")
report.publish(fig, "gov-fig-reasons-by-region", long, episodes["source_id"])""",
        metadata=H,
    ),
    md("""```{glue:figure} gov-fig-reasons-by-region
:alt: Horizontal stacked bar chart of government episodes per world region, split by the concern each states. The Americas and Europe have the longest bars. The Americas' bar is mostly data security and foreign control; Europe's splits between data security and child protection; Asia's is mostly content and public order.
:name: gov-fig-reasons-by-region

Data security and foreign control is the main stated concern in the Americas ({glue:text}`americas_security_share`% of episodes); Europe splits between security ({glue:text}`europe_security_share`%) and child protection ({glue:text}`europe_child_share`%); in Asia {glue:text}`asia_content_share`% of episodes cite content or public order.

Source: the book's dataset, government episodes by the region of the area they affect, with the stated concern coded from the source. {download}`Data behind this figure <figure-data/gov-fig-reasons-by-region.csv>`.
```

## Device bans and nationwide blocks compared"""),
    code(
        """security = "data_security_foreign_control"
report.say("device_security_share", analysis.share(device["concern"] == security))
report.say("block_security_share", analysis.share(blocks["concern"] == security))
report.say("device_west_share", analysis.share(device["region"].isin(["Americas", "Europe"])))
report.say("block_asia_share", analysis.share(blocks["region"] == "Asia"))
report.say("device_subnational", (device["actor_level"] == "subnational").sum())
report.say("device_legislature", (device["actor_level"] == "legislature").sum())
report.say("block_courts", (blocks["actor_level"] == "court").sum())
report.say("device_median_date", f"{device['date'].median():%B %Y}")
report.say("block_median_date", f"{blocks['date'].median():%B %Y}")""",
        metadata=H,
    ),
    code(
        """compare = episodes[episodes["event_type"].isin(["device_ban", "national_ban"])]
compare = compare.assign(kind=compare["event_type"].astype(str).map(KINDS))
fig, ax = figures.timeline(
    compare,
    "region",
    "Device bans are Western and recent; blocks are Asian and spread out",
    lanes=["Americas", "Europe", "Asia", "Oceania", "Africa"],
    colour_by="kind",
)
columns = ["unit_id", "date", "date_precision", "region", "kind", "actor_level", "concern"]
report.publish(fig, "gov-fig-device-vs-national", compare[columns], compare["source_id"])""",
        metadata=H,
    ),
    md("""```{glue:figure} gov-fig-device-vs-national
:alt: Timeline with one row per region and a dot per episode, coloured by kind. Device-ban dots cluster in the Americas and Europe between late 2022 and 2023. Nationwide-block dots sit mostly in the Asia row, spread from 2018 to 2025, with a few in Africa and Europe.
:name: gov-fig-device-vs-national

Device bans are a Western, 2022–2023 phenomenon; nationwide blocks are spread over time and concentrated in Asia. Hollow dots are dated only to the month or year.

Source: the book's dataset, government episodes. {download}`Data behind this figure <figure-data/gov-fig-device-vs-national.csv>`.
```

The two kinds of restriction differ on every axis the data records.
Device bans cite data security or foreign control ({glue:text}`device_security_share`%; the codebook codes a device ban so unless its source states another concern), sit in the Americas and Europe ({glue:text}`device_west_share`%), include {glue:text}`device_subnational` by states, provinces or cities and {glue:text}`device_legislature` by parliaments or their administrations, and have a median date of {glue:text}`device_median_date`.
Nationwide blocks cite content or public order far more often, sit mostly in Asia ({glue:text}`block_asia_share`%), include {glue:text}`block_courts` ordered by courts, and have a median date of {glue:text}`block_median_date`.

## Relief: injunctions, delays and liftings"""),
    code(
        """relief = book.steps[book.steps["direction"] == "relief"]
report.say("n_relief_steps", len(relief))
report.say("n_relief_episodes", relief["unit_id"].nunique())
report.say("n_relief_enjoined", (relief["step"] == "enjoined").sum())
report.say("n_relief_delayed", (relief["step"] == "delayed").sum())
report.say("n_relief_lifted", (relief["step"] == "lifted").sum())
durations = government.block_durations(episodes, book.steps)
ended = durations[durations["end"].notna()].sort_values("days")
report.say("n_blocks_in_force", len(durations))
report.say("n_blocks_ended", len(ended))
spans = [f"{labels.place(r.area)} {r.days:.0f} days" for r in ended.itertuples()]
report.say("block_spans", "; ".join(spans))""",
        metadata=H,
    ),
    md("""The record keeps relief apart from pressure.
{glue:text}`n_relief_steps` steps in {glue:text}`n_relief_episodes` episodes relieved TikTok: {glue:text}`n_relief_enjoined` court injunctions, {glue:text}`n_relief_delayed` delays of enforcement and {glue:text}`n_relief_lifted` liftings or revocations.
Of the {glue:text}`n_blocks_in_force` nationwide or regional blocks that took effect, {glue:text}`n_blocks_ended` have a sourced end; they lasted, from shortest to longest: {glue:text}`block_spans`.
The spread is wide, from days to most of a year, so the book gives the list rather than an average.

## Fines"""),
    code(
        """fines = government.fines(book)
fine_table = fines.assign(
    Date=fines["date"].dt.strftime("%Y-%m-%d"),
    Authority=fines["authority"],
    Where=fines["jurisdiction"].map(labels.place),
    Amount=fines["amounts"] + " " + fines["currency"],
    Concern=labels.words(fines["concern"], labels.CONCERN),
    Source=[report.source_link(s.split()[0]) for s in fines["source_ids"]],
)[["Date", "Authority", "Where", "Amount", "Concern", "Source"]]
report.show_table("gov-tbl-fines", fine_table)
report.say("n_fines", len(fines))
report.say("n_fine_authorities", fines["authority"].nunique())
report.say("n_fines_disputed", fines["disputed"].sum())
largest = fines[fines["currency"] == "EUR"].sort_values("value").iloc[-1]
report.say("largest_fine", f"EUR {largest['value'] / 1e6:,.0f} million")
report.say("largest_fine_by", f"{labels.PLACE[largest['jurisdiction']]}'s {largest['authority']}")
report.say("largest_fine_year", f"{largest['date']:%Y}")""",
        metadata=H,
    ),
    md("""```{glue:figure} gov-tbl-fines
:name: gov-tbl-fines

Fines imposed on TikTok, one row per fine, in the currency in which it was imposed (no conversion), with the concern the authority stated. Where sources report different amounts for the same fine, both are shown.
```"""),
    code(
        """fig, ax = government.fines_chart(fines)
report.publish(fig, "gov-fig-fines",
               fines[["fine_id", "date", "authority", "value", "currency", "concern"]],
               " ".join(fines["source_ids"]).split())""",
        metadata=H,
    ),
    md("""```{glue:figure} gov-fig-fines
:alt: Dot chart on a logarithmic scale, one dot per fine, coloured by currency and labelled with the authority and year. The two Irish Data Protection Commission fines, 345 and 530 million euros, sit far to the right; the French, Dutch and Italian euro fines are between about one and ten million; the Russian rouble fines are a few million roubles.
:name: gov-fig-fines

European data-protection regulators imposed by far the largest fines; the two largest, both Irish, concern children's data and transfers of data to China. Amounts are not converted between currencies: compare positions only within a colour.

Source: the book's dataset, fine amounts linked to the step that imposed them. {download}`Data behind this figure <figure-data/gov-fig-fines.csv>`.
```

The dataset holds {glue:text}`n_fines` fines from {glue:text}`n_fine_authorities` authorities.
For {glue:text}`n_fines_disputed` of them, sources report different amounts; the table keeps each version.
Russia's fines are small in absolute terms and concern content rules; the large European fines concern the processing of personal data, of children in particular.

## The commissioning articles' claims"""),
    code(
        """def when(event_id: str) -> str:
    return report.long_date(book.step(event_id)["date"])


report.say("uk_ban_date", when("seed-073"))
report.say("uk_ncsc_date", when("seed-075"))
report.say("us_house_date", when("gov-133"))
report.say("us_law_date", when("gov-038"))
report.say("us_scotus_date", when("gov-039"))
report.say("us_shutdown_date", when("gov-040"))
us_law_steps = book.steps[book.steps["unit_id"] == "gov-133"]
report.say("n_us_delays", (us_law_steps["step"] == "delayed").sum())
pakistan = blocks[blocks["area"] == "PK"]
report.say("n_pk_blocks", len(pakistan))
report.say("n_pk_court_blocks", (pakistan["actor_level"] == "court").sum())
report.say("pk_first", when(pakistan["unit_id"].iloc[0]))
report.say("pk_last", when(pakistan["unit_id"].iloc[-1]))
report.say("it_block_date", when("seed-093"))
report.say("beuc_month", f"{book.step('seed-049')['date']:%B %Y}")
report.say("eu_dialogue_date", when("seed-048"))
eu = episodes[episodes["jurisdiction"] == "EU"]
report.say("n_eu_episodes", len(eu))
report.say("n_eu_scrutiny", (eu["event_type"] != "device_ban").sum())""",
        metadata=H,
    ),
    md("""- **UK.** An article in the book's seed set describes the UK ban on government devices as following a Cabinet Office security review, with the app still under further review by the National Cyber Security Centre months later. The record dates the ban to {glue:text}`uk_ban_date` {cite:p}`bbc2023ukban` and the minister's request for the NCSC review to {glue:text}`uk_ncsc_date` {cite:p}`banburyguardian2023ncsc`. No stored source shows whether or when that review ended, so the article's statement cannot be checked; its wording matches March 2023 reporting.
- **US.** The same article says the US was weighing a full ban. The House passed the sell-or-ban bill on {glue:text}`us_house_date` and it became law on {glue:text}`us_law_date` {cite:p}`gamesindustry2024bidensigns`; the Supreme Court upheld the law on {glue:text}`us_scotus_date` {cite:p}`trentonline2025scotusupholds`; the app went dark briefly from {glue:text}`us_shutdown_date`; and enforcement was then delayed {glue:text}`n_us_delays` times by executive order, all steps of one episode.
- **Pakistan.** The dataset holds {glue:text}`n_pk_blocks` nationwide blocks in Pakistan between {glue:text}`pk_first` and {glue:text}`pk_last`, {glue:text}`n_pk_court_blocks` of them ordered by high courts {cite:p}`scroll2020pakistan,pta2021restorestiktok`; their durations are in the relief section above.
- **Italy.** The Italian data-protection authority ordered TikTok to block users whose age it could not verify on {glue:text}`it_block_date` {cite:p}`eurasiareview2021italyblock`; one seed article places this in the previous year.
- **European Commission.** One seed article says the Commission is investigating a complaint. That is broadly right: the European consumer organisation BEUC complained in {glue:text}`beuc_month`, and the Commission and the national consumer authorities opened a formal dialogue with TikTok on {glue:text}`eu_dialogue_date` {cite:p}`ccpc2021tiktokdialogue`. The dataset holds {glue:text}`n_eu_episodes` episodes by EU institutions since, {glue:text}`n_eu_scrutiny` of them scrutiny of TikTok (the rest are bans on staff devices), including formal proceedings under the Digital Services Act {cite:p}`ieumonitoring2024dsaproceedings`.

## The episodes

Every episode, with its first step, the number of its steps and its source, is listed below (folded; its data is in the dataset download)."""),
    code(
        """report.show_table("gov-tbl-events", report.unit_table(episodes, book.organisations))""",
        metadata=H,
    ),
    md("""````{dropdown} Every government episode (the full list)
```{glue:figure} gov-tbl-events
:name: gov-tbl-events

Every government episode in the dataset, dated by its first step, with what the measure does, where it applies, who acted and its source.
```
````

## What this means

Governments' pressure on TikTok has come in two distinct forms: a coordinated Western wave of device bans in 2022–2023 over data security, and a longer, mostly Asian history of nationwide blocks over content and public order, many of them lifted within weeks or months.
Fines, the most concrete penalty, come mostly from European data-protection regulators and are about children's data and transfers to China.
For a reader weighing TikTok's safety work against this pressure, the first question is which concern an action raised: the synthesis chapter matches them.

## Limitations

- **Missing rows.** Sub-national bans are under-counted; the Data chapter lists known omissions. Officials' counts of states are kept as measures instead.
- **Coded concerns.** The concern is the one the government states or the source reports; stated reasons can differ from real ones, and one action can have several.
- **News coverage.** Most episodes rest on news reports, which favour large, English-speaking jurisdictions; actions in Africa and Latin America are likely under-recorded.
- **Currencies.** Fines are shown in their own currency; converting them would need a sourced exchange rate for each date, which the dataset does not hold.
- **Timing is not causation.** A wave of bans in a few months makes coordination or imitation plausible; it does not show who followed whom."""),
]
metadata = dict(old.metadata)
metadata.pop("safetybook", None)  # the stored input hash belongs to the executed notebook
nb = nbformat.v4.new_notebook(cells=cells, metadata=metadata)
nbformat.write(nb, path)
