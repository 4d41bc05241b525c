import re
import nbformat
from nbformat.v4 import new_markdown_cell as md, new_code_cell as code

H = {"tags": ["remove-input"]}  # the home page shows findings, not code
text = open("/work/main/chapters/00_intro.md", encoding="utf-8").read()
head, rest = text.split("## What the book asks", 1)
meta = nbformat.read("/work/main/chapters/02_health.ipynb", 4).metadata
meta = dict(meta)
meta.pop("safetybook", None)
cells = [
md(head.rstrip() + "\n"),
code('''from safetybook import chapter, government, labels, report, sports, synthesis

book = chapter.setup()
episodes = book.episodes
report.say("n_episodes", len(episodes))
report.say("n_places", episodes["area"].nunique())
report.say("n_device_bans", (episodes["event_type"] == "device_ban").sum())
report.say("n_blocks", (episodes["event_type"] == "national_ban").sum())
fines = government.fines(book)
largest = fines[fines["currency"] == "EUR"].sort_values("value").iloc[-1]
report.say("largest_fine", f"EUR {largest['value'] / 1e6:,.0f} million")
report.say("largest_fine_by", f"{labels.PLACE[largest['jurisdiction']]}'s {largest['authority']}")''',
     metadata=H),
code('''actions = synthesis.actions(book)
initiatives = synthesis.initiatives(book, actions)
primary = synthesis.run(actions, initiatives, draws=1_000)
mde = synthesis.minimum_detectable(synthesis.power_curve(actions, initiatives))
report.say("n_matched", len(initiatives))
report.say("n_tiktok_led", (book.announcements["initiative_lead"] == "tiktok").sum())
report.say("response_p", report.fmt_p(primary.p_value))
report.say("verdict", synthesis.verdict(primary))
report.say("mde", f"{mde:.2f}" if mde is not None else "more than 0.30")''', metadata=H),
code('''health = book.announcements[book.announcements["theme"] == "health"]
pandemic = (health["date"] >= "2020-01-01") & (health["date"] <= "2021-12-31")
report.say("n_health", len(health))
report.say("covid_share", 100 * pandemic.mean())
deals = sports.deals(book)
window = sports.before_after_bans(book, deals)
report.say("rate_before", window["before"].sum() / window["years_before"].sum(), 1)
report.say("rate_after", window["after"].sum() / window["years_after"].sum(), 1)
verdict = sports.rate_verdict(int(window["before"].sum()), window["years_before"].sum(),
                              int(window["after"].sum()), window["years_after"].sum())
report.say("ban_verdict", verdict)''', metadata=H),
md('''## What the book finds

:::{admonition} Findings
:class: tip
1. **Two kinds of government pressure.** The dataset records {glue:text}`n_episodes` government episodes about TikTok in {glue:text}`n_places` countries and territories: a Western wave of {glue:text}`n_device_bans` bans on official devices over data security, most within weeks of the turn of 2023, and a longer, mostly Asian record of {glue:text}`n_blocks` nationwide blocks over content and public order, many lifted within weeks or months. The counts are lower bounds ({ref}`government`).
2. **The largest fines come from European data regulators.** The largest in euros, {glue:text}`largest_fine`, was imposed by {glue:text}`largest_fine_by`; most large fines concern children's data ({ref}`government`, {ref}`child-safety`).
3. **TikTok's safety work mostly answers other concerns.** Of {glue:text}`n_tiktok_led` TikTok-led announcements, {glue:text}`n_matched` address the concerns governments raised (child protection, data security, content); the rest are health, well-being, anti-bullying and sports work ({ref}`synthesis`).
4. **Does TikTok's work follow pressure?** In the 90 days after an episode of pressure on a concern: {glue:text}`verdict` (p = {glue:text}`response_p`). The design would have detected a response of {glue:text}`mde` extra initiatives per episode 8 times in 10; smaller responses cannot be ruled out ({ref}`synthesis`).
5. **Health partnerships were a pandemic phenomenon.** {glue:text}`covid_share`% of the {glue:text}`n_health` health announcements fall in 2020–2021, built around WHO ({ref}`health`).
6. **Sports deals continued after device bans.** In countries whose governments banned TikTok from official phones, deals came at {glue:text}`rate_before` a year before the ban and {glue:text}`rate_after` after it: {glue:text}`ban_verdict` ({ref}`sports`).
:::

**What this means.** Governments and TikTok have mostly worked on different problems: governments on data security and content, TikTok on health, well-being, bullying and sports. Where they meet, the synthesis chapter tests whether TikTok followed pressure, and no dated record can show motive.

## What the book asks''' + rest),
]
nb = nbformat.v4.new_notebook(cells=cells, metadata=meta)
nbformat.write(nb, "/work/main/chapters/00_intro.ipynb")
