import nbformat
from nbformat.v4 import new_markdown_cell as md, new_code_cell as code

H = {"tags": ["hide-input"]}
path = "/work/main/chapters/05_sports.ipynb"
old = nbformat.read(path, 4)
keep_reach = [c for c in old.cells if c.cell_type == "code" and "reach = measures[" in c.source][0]
cells = [
    md("""(sports)=
# Sports: partnerships with teams, leagues and events

TikTok sponsors football tournaments, streams league matches and trains Olympic athletes to post.
This chapter dates those deals, compares how often they were signed in a country before and after its government banned the app from official phones, and looks at what the partners report getting in return.
Its unit is the **announcement**: one deal, with its renewals and activations as steps of the same deal (see the {ref}`codebook`)."""),
    code(
        """import matplotlib.pyplot as plt

from safetybook import analysis, chapter, figures, labels, report, sports, style

book = chapter.setup()
measures = book.measures
deals = sports.deals(book)
steps = book.steps[book.steps["unit_id"].isin(deals["unit_id"])]""",
        metadata=H,
    ),
    code(
        """report.say("n_deals", len(deals))
report.say("n_deal_steps", len(steps))
report.say("n_renewals", (steps["step"] == "renewed").sum())
report.say("n_activations", (steps["step"] == "activated").sum())
report.say("n_sponsorships", (deals["event_type"] == "sponsorship").sum())
report.say("n_content", (deals["event_type"] == "partnership").sum())
national = deals[~deals["area"].isin(["INT", "EU"])]
report.say("n_sport_countries", national["area"].nunique())
report.say("sports_official_share", analysis.share(deals["official"]))
report.say("n_year_precision", (deals["date_precision"] == "year").sum())""",
        metadata=H,
    ),
    md(""":::{admonition} Key findings
:class: tip
- The dataset dates {glue:text}`n_deals` sports deals and campaigns in {glue:text}`n_sport_countries` countries plus international competitions: {glue:text}`n_content` content partnerships and {glue:text}`n_sponsorships` sponsorships, with {glue:text}`n_renewals` renewals and {glue:text}`n_activations` activations counted as steps of their deals, not as new deals.
- Deals moved from buying visibility (shirt and tournament sponsorships, 2019–2022) towards content rights and creator programmes (2023 on).
- In the {glue:text}`n_ban_countries` countries whose national government banned TikTok from official devices, deals came at {glue:text}`rate_before` a year before the ban and {glue:text}`rate_after` a year after it, over all those countries together: {glue:text}`ban_verdict`.
- Partners report audiences in TikTok's own currency, views and followers; no deal in the dataset reports its price.
:::

## Questions

1. Which sports partnerships did TikTok sign, when and where, and how did that change over time?
2. Did deals in a country become rarer after its national government restricted TikTok on official devices?
3. What do the partners say they get, in the reported figures?

## Data coverage

The chapter counts {glue:text}`n_deals` deals, with {glue:text}`n_deal_steps` dated steps; {glue:text}`sports_official_share`% rest, for at least one step, on the sports body's or TikTok's own page, the rest on sports-business trade press and news.
{glue:text}`n_year_precision` deals are dated only to the year, including the Team GB and ParalympicsGB partnership, whose announcement day no stored source shows; the analyses place each within its year rather than on 1 January.
Deals with small clubs and in non-English-speaking markets are likely under-recorded.

## Deals over time"""),
    code(
        """deals["where"] = [labels.PLACE[a] if a not in ("INT", "EU") else "International"
                  for a in deals["area"]]
deals["deal"] = labels.words(deals["event_type"], labels.EVENT_TYPE)
order = deals.groupby("where")["date"].min().sort_values().index.tolist()
fig, ax = figures.timeline(deals, "where", "TikTok's sports deals spread from Europe to the world",
                           lanes=order, colour_by="deal", figsize=(7.5, 5.6))
columns = ["unit_id", "date", "date_precision", "where", "deal", "partner"]
report.publish(fig, "sports-fig-timeline", deals[columns], deals["source_id"])""",
        metadata=H,
    ),
    md("""```{glue:figure} sports-fig-timeline
:alt: Timeline from 2019 to 2026 with one row per country and a row for international competitions, one dot per deal coloured by kind. Sponsorships cluster from 2019 to 2022 in Germany, the United States, the UK, Brazil and international tournaments; content partnerships spread across more countries from 2022 to 2026, including Japan, Spain, Saudi Arabia, Australia, South Korea and France.
:name: sports-fig-timeline

TikTok's sports deals spread from a few football markets in 2019 to {glue:text}`n_sport_countries` countries and the largest international tournaments by 2026. Each dot is one deal at its first announcement; hollow dots are dated only to the month or year.

Source: the book's dataset, sports announcements. {download}`Data behind this figure <figure-data/sports-fig-timeline.csv>`.
```"""),
    code(
        """kinds = ["Sponsorship", "Partnership", "Programme", "Campaign"]
per_year = deals.groupby(["year", "deal"]).size().unstack("deal", fill_value=0)
per_year = per_year.reindex(columns=[k for k in kinds if k in per_year], fill_value=0)
fig, ax = figures.stacked_bars(per_year, "From sponsorships to content deals", "Deals")
early, late = deals[deals["year"] <= 2022], deals[deals["year"] >= 2023]
report.say("sponsor_share_early", analysis.share(early["event_type"] == "sponsorship"))
report.say("sponsor_share_late", analysis.share(late["event_type"] == "sponsorship"))
long = per_year.rename_axis("year").reset_index().melt(id_vars="year", value_name="deals")
report.publish(fig, "sports-fig-per-year", long, deals["source_id"])""",
        metadata=H,
    ),
    md("""```{glue:figure} sports-fig-per-year
:alt: Stacked bar chart of sports deals per year from 2019 to 2026 by kind. Sponsorships make up a large part of the bars from 2019 to 2022; from 2023 the bars are mostly content partnerships, with the highest count in 2024.
:name: sports-fig-per-year

Sponsorships were {glue:text}`sponsor_share_early`% of deals up to 2022 and {glue:text}`sponsor_share_late`% from 2023, as TikTok shifted from paying for logos to partnering on content.

Source: the book's dataset, sports announcements. {download}`Data behind this figure <figure-data/sports-fig-per-year.csv>`.
```

## Mixed messages? Deals before and after device bans

One seed article points to a contrast: the UK government banned TikTok from its phones in March 2023, and less than a year later Team GB and ParalympicsGB announced TikTok as a partner.
The comparison below asks whether deals became rarer after such bans.
For each country whose national government banned TikTok from official devices (by the executive, or by national law; a parliament's ban on its own devices does not count), it counts the country's deals per year before the ban, from 2019, and after it, to the end of 2025.
Deals dated only to the year count on the side of the ban where most of their year falls."""),
    code(
        """window = sports.before_after_bans(book, deals)
table = window.assign(Country=window["area"].map(labels.place),
                      Ban=window["ban_date"].dt.strftime("%Y-%m-%d"))
table = table[["Country", "Ban", "before", "years_before", "after", "years_after"]]
table.columns = ["Country", "Device ban", "Deals before", "Years before", "Deals after",
                 "Years after"]
report.show_table("sports-tbl-after-bans", table.round(1))
before_rate = window["before"].sum() / window["years_before"].sum()
after_rate = window["after"].sum() / window["years_after"].sum()
report.say("n_ban_countries", len(window))
report.say("rate_before", before_rate, 1)
report.say("rate_after", after_rate, 1)
report.say("n_deals_before", window["before"].sum())
report.say("n_deals_after", window["after"].sum())
rule = sports.rate_verdict(window["before"].sum(), window["years_before"].sum(),
                           window["after"].sum(), window["years_after"].sum())
report.say("ban_verdict", rule)""",
        metadata=H,
    ),
    md("""```{glue:figure} sports-tbl-after-bans
:name: sports-tbl-after-bans

Sports deals in each country whose national government banned TikTok from official devices, before and after the ban, with the years each side covers (from 2019 to the end of 2025).
```

Across these countries {glue:text}`n_deals_before` deals came before the bans and {glue:text}`n_deals_after` after them.
The verdict follows a stated rule: a difference is called a change only when a two-sided exact test of the two rates (a binomial split of all deals in proportion to the years on each side) gives p below 0.05; otherwise the rates are reported as not distinguishable.
Device bans concern the security of government data, while sports bodies seek young audiences; the data cannot say whether governments objected, though in Germany politicians criticised the football federation's deal {cite:p}`sid2024dfbtiktokeuro`.

## What partners report getting"""),
    keep_reach,
]
rest = old.cells[
    old.cells.index(
        [c for c in old.cells if c.cell_type == "markdown" and "sports-fig-reach" in c.source][0]
    ) :
]
for c in rest:
    if c.cell_type == "code" and "dated_list" in c.source:
        c.source = (
            'report.show_table("sports-tbl-events", report.unit_table(deals, book.organisations))'
        )
    if c.cell_type == "markdown" and "sports-tbl-events" in c.source:
        c.source = """````{dropdown} Every sports deal (the full list)
```{glue:figure} sports-tbl-events
:name: sports-tbl-events

Every sports deal and campaign in the dataset, dated by its first announcement, with where it applies, who announced it and its source.
```
````

## What this means

TikTok's sports deals kept coming in countries that had restricted the app on official phones: governments' security worries about their own devices and sports bodies' interest in young audiences ran in parallel rather than in conflict.
What partners report is attention, counted by TikTok; what they are paid is not disclosed.

## Limitations

- **Dates.** Year-precision deals are counted on the side of a ban where most of their year falls; their exact position is unknown.
- **Which governments count.** The comparison uses national executives' or national laws' device bans; sub-national bans (US states, Canadian provinces) and parliaments' own bans are left out.
- **Coverage.** Trade press records large football and Olympic deals; smaller clubs and other sports are under-recorded, and the record thins after 2024.
- **Self-reported reach.** Followers and views are TikTok's or the partner's own counts.
- **Timing is not causation.** Deals after a ban show that the two coexist, not that either responded to the other."""
    if c.cell_type == "code":
        c.metadata = H
cells += rest
for c in cells:
    if c.cell_type == "code":
        c.source = c.source.replace(
            'reach["partner"] = reach["event_id"].map(deals.set_index("event_id")["partner"])',
            'reach["partner"] = reach["unit_id"].map(deals.set_index("unit_id")["partner"])',
        )
        c.source = c.source.replace(
            'measures["event_id"].isin(deals["event_id"])',
            'measures["unit_id"].isin(deals["unit_id"])',
        )
        c.source = c.source.replace(
            """reach = measures[""",
            """measures = measures.assign(unit_id=measures["event_id"].map(book.reports.set_index("event_id")["unit_id"]))
reach = measures[""",
        )
        c.source = c.source.replace(
            'reach[["measure_id", "event_id", "partner", "metric", "kind", "value", "unit"]]',
            'reach[["measure_id", "unit_id", "partner", "metric", "kind", "value", "unit"]]',
        )
metadata = dict(old.metadata)
metadata.pop("safetybook", None)  # the stored input hash belongs to the executed notebook
nb = nbformat.v4.new_notebook(cells=cells, metadata=metadata)
nbformat.write(nb, path)
