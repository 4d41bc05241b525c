"""Property: whatever a curator types into a raw row, `make data` answers with problems, never a traceback."""

from __future__ import annotations

import csv
import io

from book_layout import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safetybook.schema import table_schema
from safetybook_pipeline.validate import validate

EVENT_COLUMNS = table_schema("events").columns
cell = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "2020-13-01",
            "1 billion",
            "health",
            "tiktok",
            "hea-001",
            "\u00e2\u20ac\u2122",
            " x ",
            "\ufeff",
        ]
    ),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    row=st.lists(cell, min_size=len(EVENT_COLUMNS), max_size=len(EVENT_COLUMNS)),
    extra=st.booleans(),
)
def test_random_event_rows_never_raise(tmp_path_factory, row, extra):
    raw = tmp_path_factory.mktemp("raw")
    for path in (FIXTURES / "valid").rglob("*.csv"):
        target = raw / path.relative_to(FIXTURES / "valid")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(row + (["surplus"] if extra else []))
    events = raw / "events" / "health.csv"
    events.write_text(
        events.read_text(encoding="utf-8") + out.getvalue(),
        encoding="utf-8",
        errors="surrogatepass",
    )

    tables, problems = validate(raw)

    for problem in problems:
        assert problem.file.endswith(".csv") and problem.line >= 0 and problem.column
    if not problems:  # a random row that happens to be valid must have been read as a row
        assert len(tables["events"]) == 4


def test_chart_labels_are_told_apart_and_name_what_they_count():
    from safetybook import analysis

    labels = analysis.unique_labels(["Views: TikTok (2022)", "Reach: WHO", "Views: TikTok (2022)"])
    assert labels == [
        "Views: TikTok (2022), report 1",
        "Reach: WHO",
        "Views: TikTok (2022), report 2",
    ]
    assert len(set(labels)) == len(labels)
    assert analysis.hashtag("videos using the hashtag #mentalhealth have 179 million views") == (
        " of #mentalhealth"
    )
    assert analysis.hashtag("reached over 1 million views") == ""
