import nbformat, re

path = "/work/main/chapters/03_anti_bullying.ipynb"
nb = nbformat.read(path, 4)
C = nb.cells


def rep(i, a, b):
    assert a in C[i].source, (i, a[:70])
    C[i].source = C[i].source.replace(a, b)


C[
    0
].source += "\nIts unit is the **announcement**: one initiative, however many features it names (see the {ref}`codebook`)."
rep(
    1,
    """from safetybook import analysis, figures, load, report, style

style.use()
events = load.events()
all_events = load.events(include_corroborating=True)
measures = load.measures()
bullying = events[events["theme"] == "anti_bullying"].copy()""",
    """from safetybook import analysis, chapter, figures, report, style

book = chapter.setup()
measures = book.measures
bullying = book.announcements
bullying = bullying[bullying["theme"] == "anti_bullying"].copy()""",
)
for i, c in enumerate(C):
    if c.cell_type != "code":
        continue
    s = c.source
    s = s.replace(
        'ck = all_events.set_index("event_id").loc["seed-045"]', 'ck = book.step("seed-045")'
    )
    s = s.replace(
        'bullying[["event_id", "date", "date_precision", "kind", "country", "region"]]',
        'bullying[["unit_id", "date", "date_precision", "kind", "area", "region"]]',
    )
    s = s.replace(
        '"Anti-bullying events by kind"', '"Anti-bullying work began with tools, then campaigns"'
    )
    s = s.replace('ax.set_ylabel("Events so far")', 'ax.set_ylabel("Announcements so far")')
    s = s.replace(
        'ax.set_title("Cumulative anti-bullying events: features versus campaigns")',
        'ax.set_title("Product features outnumber campaigns in most years")',
    )
    s = s.replace(
        """            "source_id": "Source",
        }
    )
)""",
        """            "source_id": "Source",
        }
    )
)
listing["Source"] = [report.source_link(s) for s in listing["Source"]]""",
    )
    s = s.replace(
        """        ["Period", "Figure", "value", "qualifier", "source_id", "evidence"]
    ]""",
        """        ["Period", "Figure", "value", "qualifier", "source_id", "evidence"]
    ]
    .assign(source_id=lambda t: [report.source_link(k) for k in t["source_id"]])""",
    )
    s = s.replace(
        'report.show_table("ab-tbl-events", analysis.dated_list(bullying, extra=("kind",)))',
        'report.show_table("ab-tbl-events", report.unit_table(bullying, book.organisations))',
    )
    c.source = s
for i, c in enumerate(C):
    if c.cell_type == "markdown" and "ab-tbl-events" in c.source:
        c.source = re.sub(
            r"```\{glue:figure\} ab-tbl-events.*?```",
            """````{dropdown} Every anti-bullying announcement (the full list)
```{glue:figure} ab-tbl-events
:name: ab-tbl-events

Every anti-bullying announcement in the dataset, dated by its first step, with where it applies, who led it and its source.
```
````""",
            c.source,
            flags=re.S,
        )
nbformat.write(nb, path)
