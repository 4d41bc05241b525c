import nbformat
from nbformat.v4 import new_markdown_cell as md, new_code_cell as code

H = {"tags": ["hide-input"]}
path = "/work/main/chapters/07_synthesis.ipynb"
old = nbformat.read(path, 4)
cells = [
md("""(synthesis)=
# Synthesis: does TikTok's safety work follow government pressure?

The thematic chapters each found TikTok's safety work and government pressure overlapping in time.
This chapter asks one question of the whole record: do TikTok-led safety initiatives follow government pressure **on the same concern**, and, where the initiative is national, in the same country?
Its units are episodes and announcements (see the {ref}`codebook`); relief for TikTok (injunctions, delays, liftings) is never counted as pressure.

:::{admonition} The primary analysis, declared before the result
:class: note
- **Pressure:** every government episode whose concern is child protection, data security and foreign control, or content and public order, dated by its first step.
- **Response:** every TikTok-led announcement on the matching concern: safeguards for minors; data-security commitments; moderation commitments. A national initiative counts for its own country; a global one for every country; an EU-wide one for European countries.
- **Statistic:** matched initiatives per episode in the 90 days after it. The 90 days before it (anticipation) are estimated separately, never subtracted.
- **Test:** two-sided, against a null that shifts each cluster of episodes by up to 180 days within its era and draws every imprecise date within its interval, {glue:text}`n_draws` times; the study runs from {glue:text}`study_start` to {glue:text}`study_end`, where systematic collection ends.
- **Reading:** p below 0.05 names a direction; otherwise "no difference detected", read together with the smallest effect the design could have detected. Other windows are descriptive, with Holm's correction.
:::"""),
code("""import matplotlib.pyplot as plt
import pandas as pd

from safetybook import chapter, figures, labels, report, style, synthesis, synthetic

book = chapter.setup()
actions = synthesis.actions(book)
initiatives = synthesis.initiatives(book, actions)
DRAWS = 1_000
report.say("n_draws", DRAWS)
report.say("study_start", f"{synthesis.STUDY_START:%B %Y}")
report.say("study_end", f"{synthesis.STUDY_END:%B %Y}")""", metadata=H),
code("""primary = synthesis.run(actions, initiatives, draws=DRAWS)
report.say("n_actions", primary.n_actions)
report.say("n_initiatives", primary.n_initiatives)
report.say("response", primary.observed, 2)
report.say("response_null", primary.null_mean, 2)
report.say("response_band", f"{primary.null_low:.2f} to {primary.null_high:.2f}")
report.say("response_p", report.fmt_p(primary.p_value))
report.say("anticipation", primary.anticipation, 2)
report.say("anticipation_null", primary.anticipation_null_mean, 2)
report.say("anticipation_p", report.fmt_p(primary.anticipation_p))
report.say("verdict", synthesis.verdict(primary))""", metadata=H),
code("""curve = synthesis.power_curve(actions, initiatives)
mde = synthesis.minimum_detectable(curve)
largest = max(synthesis.POWER_EFFECTS)
report.say("mde", f"{mde:.2f}" if mde is not None else f"more than {largest:.2f}")
report.say("mde_share", 100 * (mde or largest) / max(primary.null_mean, 1e-9))
report.say("power_smallest", 100 * curve[min(synthesis.POWER_EFFECTS)])""", metadata=H),
md(""":::{admonition} Key findings
:class: tip
- Over {glue:text}`study_start` to {glue:text}`study_end`, the record holds {glue:text}`n_actions` government episodes of pressure on child protection, data security or content, and {glue:text}`n_initiatives` TikTok-led initiatives on those same concerns. Most of TikTok's recorded safety work (health, well-being, anti-bullying, sports) answers none of the concerns governments raised.
- In the 90 days after an episode, {glue:text}`response` matched initiatives followed on average, against {glue:text}`response_null` when the episodes' clusters are shifted within their era (p = {glue:text}`response_p`): {glue:text}`verdict`.
- The design would have detected, 8 times in 10, a response of {glue:text}`mde` extra matched initiatives per episode; smaller responses cannot be ruled out.
- Timing is not causation, and the record is what was reported: the answer is about this dataset, not about TikTok's motives.
:::

## How we did this"""),
code("""fig, ax = plt.subplots(figsize=(7.5, 2.4))
ax.axvspan(-90, 0, color="#E69F00", alpha=0.25)
ax.axvspan(0, 90, color="#0072B2", alpha=0.25)
ax.axvline(0, color="#D55E00", linewidth=3)
ax.text(-45, 0.82, "Anticipation: 90 days before", ha="center", fontsize=9)
ax.text(45, 0.82, "Response: 90 days after", ha="center", fontsize=9)
ax.text(2, 0.45, "A government episode on a concern\\n(e.g. a children's-data fine)", fontsize=9,
        color="#8a3b00")
for day, y in [(-60, 0.2), (30, 0.2), (70, 0.2)]:
    ax.plot(day, y, "o", color="#1a1a1a")
ax.text(30, 0.05, "TikTok initiatives on the same concern", fontsize=9, ha="center")
ax.set_xlim(-120, 120)
ax.set_ylim(0, 1)
ax.set_yticks([])
ax.set_xlabel("Days from the episode's first step")
ax.grid(visible=False)
ax.set_title("Count matched initiatives before and after each episode")
sketch = pd.DataFrame({"part": ["anticipation", "response"], "from_day": [-90, 1], "to_day": [-1, 90]})
report.publish(fig, "syn-fig-method", sketch, actions["source_id"].head(1))""", metadata=H),
md("""```{glue:figure} syn-fig-method
:alt: A diagram of one government episode as a red vertical line at day zero, with an orange band for the 90 days before it, labelled anticipation, and a blue band for the 90 days after it, labelled response. Three black dots stand for TikTok initiatives on the same concern, one before and two after.
:name: syn-fig-method

For each episode of government pressure, the analysis counts TikTok-led initiatives on the same concern (and country, unless the initiative is global) in the 90 days after it and, separately, in the 90 days before it.

Source: the book's method; the figure draws no data. {download}`The windows it shows <figure-data/syn-fig-method.csv>`.
```

Government actions come in waves (many device bans fell within weeks of each other early in 2023) and sit in a different era from most of TikTok's initiatives.
A test that scattered episodes at random dates would mistake that difference of era for a response.
So the comparison keeps each wave intact: it moves every cluster of episodes by one random offset of up to six months, many times, and asks how often the shifted record gives a count as far from the typical one as the real record does.
Dates known only to a month or a year are drawn within that month or year on every run.

## One timeline, matched by concern"""),
code("""CONCERNS = list(synthesis.MATCH)
fig, ax = plt.subplots(figsize=(7.5, 4.2))
for y, concern in enumerate(CONCERNS):
    acts = actions[actions["concern"] == concern]
    inits = initiatives[initiatives["concern"] == concern]
    ax.plot(acts["date"], [y - 0.15] * len(acts), "|", markersize=14, color=style.PALETTE[1])
    ax.plot(inits["date"], [y + 0.15] * len(inits), "o", markersize=6, color=style.PALETTE[0])
ax.set_yticks(range(len(CONCERNS)), [labels.CONCERN[c] for c in CONCERNS])
ax.set_ylim(-0.6, len(CONCERNS) - 0.4)
ax.invert_yaxis()
ax.grid(axis="y", visible=False)
figures.year_axis(ax)
ax.set_title("Pressure came in waves; TikTok's matching initiatives were few")
handles = [plt.Line2D([], [], marker="|", linestyle="none", markersize=12, color=style.PALETTE[1],
                      label="Government episode"),
           plt.Line2D([], [], marker="o", linestyle="none", color=style.PALETTE[0],
                      label="TikTok-led initiative on the same concern")]
ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=2)
both = pd.concat([actions.assign(stream="episode"), initiatives.assign(stream="initiative")])
columns = ["unit_id", "date", "date_precision", "stream", "concern", "area"]
report.publish(fig, "syn-fig-timeline", both[columns], both["source_id"])""", metadata=H),
md("""```{glue:figure} syn-fig-timeline
:alt: Timeline from 2018 to 2026 with three rows, one per concern (child protection, data security and foreign control, content and public order). In each row, orange tick marks show government episodes and blue dots TikTok-led initiatives on the same concern. Data-security episodes crowd into late 2022 and 2023 with only a few initiatives; child-protection episodes and initiatives are spread from 2019 to 2025.
:name: syn-fig-timeline

Government pressure on each concern came in waves, while TikTok-led initiatives answering the same concern were few and spread out.

Source: the book's dataset, matched episodes and announcements. {download}`Data behind this figure <figure-data/syn-fig-timeline.csv>`.
```"""),
code("""cal = {name: synthetic.rejection_rate(make, 100, 99, seed=i)
       for i, (name, make) in enumerate(synthetic.SCENARIOS.items())}
found = synthetic.rejection_rate(synthetic.SCENARIOS["Clustered actions"], 100, 99, respond=2,
                                 seed=11)
table = pd.DataFrame({"Synthetic record (no link)": list(cal),
                      "Rejected at nominal 5%": [f"{100 * v:.0f}%" for v in cal.values()]})
report.show_table("syn-tbl-calibration", table)
report.say("cal_max", 100 * max(cal.values()))
report.say("cal_power", 100 * found)""", metadata=H),
md("""```{glue:figure} syn-tbl-calibration
:name: syn-tbl-calibration

How often the test rejects, at a nominal 5%, on synthetic records where initiatives have no link to actions, shaped like the real record (100 records each): independent dates; clustered actions; clustered actions while initiatives rise; late clustered actions after an early hump of initiatives.
```

On records with no link the test rejects in at most {glue:text}`cal_max`% of runs (the test suite checks at most 7.5% over 200 runs each); when half the actions are followed by two extra initiatives, it rejects in {glue:text}`cal_power`% of runs.
Version 0.1.0's test, which scattered actions at independent random dates, rejected in up to 59% of such records, as the referee showed; it is withdrawn.

## The result"""),
code("""windows = [synthesis.PRIMARY_WINDOW, *synthesis.OTHER_WINDOWS]
results = {w: primary if w == synthesis.PRIMARY_WINDOW else
           synthesis.run(actions, initiatives, w, draws=DRAWS) for w in windows}
adjusted = synthesis.holm([r.p_value for r in results.values()])
shown = pd.DataFrame({
    "Window (days)": windows,
    "Response": [round(r.observed, 2) for r in results.values()],
    "Shifted timing (mean)": [round(r.null_mean, 2) for r in results.values()],
    "p, two-sided": [report.fmt_p(r.p_value) for r in results.values()],
    "p, Holm-adjusted": [report.fmt_p(p) for p in adjusted],
    "Anticipation": [round(r.anticipation, 2) for r in results.values()],
    "Shifted (mean)": [round(r.anticipation_null_mean, 2) for r in results.values()],
    "p (anticipation)": [report.fmt_p(r.anticipation_p) for r in results.values()],
})
report.show_table("syn-tbl-results", shown)
report.say("n_windows_sig", sum(p < 0.05 for p in adjusted))""", metadata=H),
md("""```{glue:figure} syn-tbl-results
:name: syn-tbl-results

Matched initiatives per episode after (response) and before (anticipation) government pressure, for the primary 90-day window and three other windows, each against the mean of the shifted records; p-values are two-sided, and Holm's adjustment covers the four windows.
```

The primary result: {glue:text}`response` matched initiatives per episode in the 90 days after, against {glue:text}`response_null` for shifted timing (95% of shifted records between {glue:text}`response_band`; p = {glue:text}`response_p`).
Before the episodes: {glue:text}`anticipation`, against {glue:text}`anticipation_null` (p = {glue:text}`anticipation_p`).
After Holm's correction, {glue:text}`n_windows_sig` of the four windows show a difference at the 5% level."""),
code("""import numpy as np

weekly = synthesis.weekly_counts(actions, initiatives)
fit = synthesis.count_model(weekly)
ci = np.exp(fit.conf_int())
report.say("irr_before", np.exp(fit.params["episodes_before"]), 3)
report.say("irr_before_ci", f"{ci.at['episodes_before', 0]:.3f} to {ci.at['episodes_before', 1]:.3f}")
report.say("irr_before_p", report.fmt_p(fit.pvalues["episodes_before"]))
report.say("irr_after", np.exp(fit.params["episodes_after"]), 3)
report.say("irr_after_p", report.fmt_p(fit.pvalues["episodes_after"]))
report.say("models_agree", synthesis.agreement_words(primary, fit.pvalues["episodes_before"],
                                                     fit.params["episodes_before"]))""", metadata=H),
code("""fig, ax = plt.subplots()
for i, r in enumerate(results.values()):
    ax.plot([i - 0.12] * 2, [r.null_low, r.null_high], color="#999999", linewidth=6, alpha=0.6,
            label="95% of shifted records" if i == 0 else None)
    ax.plot(i + 0.12, r.observed, "o", color=style.PALETTE[0], markersize=8,
            label="Observed response" if i == 0 else None)
ax.set_xticks(range(len(results)), [f"{w} days" for w in results])
ax.set_xlim(-0.6, len(results) - 0.4)
ax.set_ylabel("Matched initiatives per episode, after")
inside = all(r.null_low <= r.observed <= r.null_high for r in results.values())
ax.set_title("The response sits inside the range of shifted timing" if inside
             else "The response leaves the range of shifted timing in some windows")
ax.grid(axis="x", visible=False)
ax.legend(loc="upper left")
data = pd.DataFrame({"window_days": windows, "response": [r.observed for r in results.values()],
                     "null_low": [r.null_low for r in results.values()],
                     "null_high": [r.null_high for r in results.values()]})
report.publish(fig, "syn-fig-event-study", data, pd.concat([actions["source_id"], initiatives["source_id"]]))""",
     metadata=H),
md("""```{glue:figure} syn-fig-event-study
:alt: Chart with four separate window lengths (90, 30, 60 and 180 days) on the horizontal axis, not joined. At each, a grey vertical bar shows the range of the response under shifted timing and a blue dot the observed response; the dots sit inside or near the grey bars.
:name: syn-fig-event-study

For every window, the observed response lies within what shifting the episodes within their era produces: {glue:text}`verdict`.

Source: the book's dataset, matched episodes and TikTok-led announcements; {glue:text}`n_draws` shifted records per window. {download}`Data behind this figure <figure-data/syn-fig-event-study.csv>`.
```

## Power: what the design could have seen

To know what a null answer is worth, the analysis added, on the real dates, a number of extra matched initiatives after each episode (on average 0.05 to 0.3 per episode, placed at random within the 90 days after it) and counted how often the test then detected them (60 runs per size).
It detects an added response of {glue:text}`mde` initiatives per episode in at least 8 runs of 10, about {glue:text}`mde_share`% of what shifted timing gives as a baseline; the smallest size tried was detected in {glue:text}`power_smallest`% of runs.
Effects larger than that would have been detected; smaller ones cannot be ruled out.

## What the data can and cannot say

The question the data can answer is narrow: whether TikTok-led initiatives on a concern became more frequent in the months after governments pressed it on that concern.
{glue:text}`verdict`.
Three limits bound the reading.
First, most of TikTok's recorded safety work (health information, well-being, anti-bullying tools, sports) answers no concern that governments raised, so it is outside the question; the dataset holds few data-security and moderation commitments, because they were found only where a source dated them.
Second, the record is what was reported: news coverage of TikTok rises when governments act, which would make a response look larger, not smaller.
Third, timing is not causation: even a clear pattern would fit TikTok responding to pressure, both responding to the same public concern, or TikTok anticipating action it knew was coming.
The book cannot say whether the partnerships reduce the harms regulators name; that needs measures of harm, which no source in the dataset provides.

## A cross-check from a standard model

A Poisson regression from the statsmodels library gives a second, independent reading.
It counts matched initiatives week by week and relates each week's count to the number of pressure episodes in the previous 13 weeks (a response) and in the next 13 weeks (anticipation), with a flexible time trend for the rise and fall of both streams, and standard errors that allow neighbouring weeks to be alike.
It pools the three concerns and ignores countries, so it is cruder than the primary test.
Each extra episode in the previous 13 weeks multiplies the expected weekly count of initiatives by {glue:text}`irr_before` (95% interval {glue:text}`irr_before_ci`, p = {glue:text}`irr_before_p`); each extra episode in the next 13 weeks by {glue:text}`irr_after` (p = {glue:text}`irr_after_p`).
{glue:text}`models_agree`

## What this means

For a reader weighing TikTok's safety partnerships against government pressure: the two mostly address different things, and where they address the same concern, the record shows no detectable tendency for TikTok's initiatives to follow pressure within three months, with the design able to see only fairly large responses.

## Limitations

- **Reporting bias.** The dataset favours English-language news and large markets.
- **Small numbers.** Few TikTok-led initiatives match a government concern; the power section states what follows.
- **Dates.** Imprecise dates are drawn within their intervals, which widens the null but does not remove the uncertainty.
- **One company.** Without comparable records for other platforms, the book cannot say whether TikTok's pattern is its own or the industry's.
- **Timing is not causation.**"""),
]
metadata = dict(old.metadata)
metadata.pop("safetybook", None)  # the stored input hash belongs to the executed notebook
nb = nbformat.v4.new_notebook(cells=cells, metadata=metadata)
nbformat.write(nb, path)
