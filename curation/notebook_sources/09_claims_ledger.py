import nbformat
from nbformat.v4 import new_markdown_cell as md, new_code_cell as code

H = {"tags": ["hide-input"]}
meta = dict(nbformat.read("/work/main/chapters/02_health.ipynb", 4).metadata)
meta.pop("safetybook", None)
cells = [
md("""(claims-ledger)=
# The commissioning articles, claim by claim

The book began from five short articles about TikTok's safety partnerships.
None is original reporting: one copies a blog post verbatim, one paraphrases a WHO release, and three are machine-processed rewrites of Social Media Today articles (two run through a synonym "spinner", one through a round-trip machine translation).
This page checks every claim in them that a source can settle, and names the best source for each; the theme chapters discuss the claims in context."""),
code("""import pandas as pd

from safetybook import figures, labels, load, report, style

style.use()
claims = load.table("claims")
report.say("n_claims", len(claims))
counts = claims["verdict"].astype(str).value_counts()
report.say("n_correct", int(counts.get("correct", 0)))
report.say("n_not_correct", len(claims) - int(counts.get("correct", 0)))""", metadata=H),
md(""":::{admonition} Key findings
:class: tip
- Of {glue:text}`n_claims` checkable claims, {glue:text}`n_correct` are correct; {glue:text}`n_not_correct` are wrong, stale, overstated or cannot be settled from any stored source.
- The errors come from copying: a year carried over from an older release, a US figure presented as global, quotations reworded.
:::"""),
code("""ORDER = ["correct", "stale", "overstated", "unverifiable", "wrong"]
table = claims.assign(article=claims["seed_file"].astype(str).str.slice(0, 3))
table = table.groupby(["article", "verdict"], observed=True).size().unstack(fill_value=0)
table = table.reindex(columns=[v for v in ORDER if v in table], fill_value=0)
table.index = [f"Article {a}" for a in table.index]
fig, ax = figures.stacked_bars(table, "Most claims are right; the errors come from copying", "Claims",
                               horizontal=True)
long = table.rename_axis("article").reset_index().melt(id_vars="article", value_name="claims")
report.publish(fig, "ledger-fig-verdicts", long, claims["best_source_id"])""", metadata=H),
md("""```{glue:figure} ledger-fig-verdicts
:alt: Horizontal stacked bar chart with one bar per commissioning article (000 to 004), split by verdict. Most of each bar is correct claims; article 000 has one unverifiable and one wrong claim, 001 one stale claim, 002 one overstated claim, 003 one stale and one unverifiable claim, and 004 one wrong claim.
:name: ledger-fig-verdicts

Most claims in the five articles are correct; each article has at most two that are wrong, stale, overstated or unverifiable.

Source: the book's dataset, `claims` table. {download}`Data behind this figure <figure-data/ledger-fig-verdicts.csv>`.
```"""),
code("""ledger = pd.DataFrame({
    "Article": claims["seed_file"].astype(str).str.slice(0, 3),
    "Copy of": claims["original"],
    "Kind of copy": claims["copy_kind"].astype(str),
    "Claim": claims["claim"],
    "Verdict": claims["verdict"].astype(str),
    "Why": claims["note"].fillna(""),
    "Best source": [report.source_link(s) for s in claims["best_source_id"]],
})
report.show_table("ledger-tbl-claims", ledger)""", metadata=H),
md("""```{glue:figure} ledger-tbl-claims
:name: ledger-tbl-claims

Every checkable claim in the five commissioning articles, with what the article copies, the kind of copy, the verdict (correct; wrong; stale, true when first published; overstated, true of a narrower thing; unverifiable, no stored source settles it), why, and the best source in the dataset.
```

## How the claims were checked

Each claim was traced to the page it came from and checked against the dataset's sources, official ones first (see {ref}`data-and-methods`).
Where the articles' originals are known, `shared/seeds/ORIGINS.md` lists them; the Social Media Today originals of articles 003 and 004 were not found, and no stored copy of WHO's own release page was.
A verdict is about the claim as the article states it, not about the underlying event."""),
]
nb = nbformat.v4.new_notebook(cells=cells, metadata=meta)
nbformat.write(nb, "/work/main/chapters/09_claims_ledger.ipynb")
