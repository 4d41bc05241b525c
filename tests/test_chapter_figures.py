"""The chapters' figure builders, on small frames: each returns a figure that draws what it is given
and the exact data `glue.publish` writes beside it."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd

from safetybook import (
    anti_bullying,
    child_safety,
    data_and_methods,
    health,
    reliability,
    sports,
    synthesis_charts,
)

T = pd.Timestamp


def _title(fig) -> str:
    from safetybook.figure_export import figure_title

    return figure_title(fig)  # wherever the style puts it (the book's style: on the left)


def test_units_per_year_stacks_every_theme_and_publishes_one_row_per_year_and_theme():
    counted = pd.DataFrame(
        {"year": [2020, 2020, 2021, 2021, 2021], "theme": ["health"] * 3 + ["government"] * 2}
    )
    per_year = data_and_methods.units_per_year(counted)
    assert per_year.loc[2021].to_dict() == {"government": 2, "health": 1}
    fig, data = data_and_methods.units_per_year_chart(per_year)
    assert list(data.columns) == ["year", "theme", "units"] and len(data) == 4
    assert data["units"].sum() == len(counted)
    assert len(fig.axes[0].patches) == 4  # one bar per year and theme
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["Government", "Health"]


def test_rows_by_source_kind_adds_event_rows_and_measures_smallest_first():
    reports = pd.DataFrame({"source_kind": ["news", "news", "news", "regulator"]})
    measures = pd.DataFrame({"source_kind": ["regulator", "regulator", "transparency_report"]})
    kinds = data_and_methods.rows_by_source_kind(reports, measures)
    # smallest total first; a tie goes to the kind with fewer event rows
    assert list(kinds.index) == ["transparency_report", "regulator", "news"]
    assert kinds.loc["regulator"].to_dict() == {"events": 1, "measures": 2, "total": 3}
    fig, data = data_and_methods.source_kinds_chart(kinds)
    assert list(data.columns) == ["kind", "events", "measures", "total"]
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["official (TikTok report)", "official (regulator)", "news"]


def _measures(rows: list[dict]) -> pd.DataFrame:
    base = {
        "theme": "health",
        "subject": "who",
        "qualifier": "exact",
        "country": "INT",
        "measured_in": "people",
        "evidence": "",
        "source_id": "s",
        "period_start": pd.NaT,
    }
    return pd.DataFrame([{**base, **row} for row in rows])


def test_health_reach_keeps_each_figure_once_drops_upper_bounds_and_marks_a_billion_users():
    measures = _measures(
        [
            {"measure_id": "m1", "metric": "reach", "value": 5e6, "period_end": T("2020-05-01")},
            {"measure_id": "m2", "metric": "reach", "value": 5e6, "period_end": T("2020-05-01")},
            {"measure_id": "m3", "metric": "views", "value": 2e8, "measured_in": "count",
             "evidence": "videos with #SafeHands", "period_end": T("2021-01-01")},
            {"measure_id": "m4", "metric": "reach", "value": 9e9, "qualifier": "at_most",
             "period_end": T("2021-01-01")},
            {"measure_id": "u1", "metric": "users", "value": 8e8, "theme": "platform",
             "period_end": T("2019-01-01")},
            {"measure_id": "u2", "metric": "monthly_active_users", "value": 1e9,
             "theme": "platform", "period_end": T("2021-09-27")},
        ]
    )  # fmt: skip
    organisations = pd.DataFrame({"name": ["World Health Organization (WHO)"]}, index=["who"])
    rows = health.reach_rows(measures)
    assert list(rows["measure_id"]) == ["m1", "m3"]
    billion = health.billion_users(measures)
    assert billion["measure_id"] == "u2"
    assert health.user_counts(measures)["measure_id"].iloc[0] == "u1"
    fig, data = health.reach_chart(rows, billion, organisations)
    assert list(data.columns) == health.COLUMNS and list(data["measure_id"]) == ["m1", "m3"]
    ax = fig.axes[0]
    assert ax.get_xscale() == "log" and len(ax.patches) == 2
    labels = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
    assert labels == ["People reached: WHO (2020)", "Views of #SafeHands: WHO (2021)"]
    assert any(line.get_xdata()[0] == 1e9 for line in ax.get_lines())


def test_anti_bullying_groups_accumulate_by_date():
    bullying = pd.DataFrame(
        {
            "kind": ["Product feature", "Campaign", "Policy", "Other", "Partnership"],
            "date": [T("2019-01-01"), T("2019-06-01"), T("2020-01-01"), T("2020-02-01"),
                     T("2021-01-01")],
        }
    )  # fmt: skip
    cum = anti_bullying.cumulative_by_group(bullying)
    assert cum.iloc[-1].to_dict() == {"Campaign or partnership": 2, "Product feature or policy": 2}
    fig, data = anti_bullying.cumulative_chart(cum)
    assert list(data.columns) == ["date", "group", "cumulative"] and len(data) == 8
    assert len(fig.axes[0].get_lines()) == 2


def test_anti_bullying_coverage_sizes_a_dot_by_its_reports():
    hb = pd.DataFrame(
        {
            "what": ["Share of removed videos"] * 3 + ["Removed before any report"],
            "period": ["H1 2020", "H1 2020", "H2 2020", "Q1 2021"],
            "x": [T("2020-04-01"), T("2020-04-01"), T("2020-10-01"), T("2021-02-15")],
            "value": [1.0, 1.1, 2.0, 30.0],
        }
    )
    fig, data = anti_bullying.coverage_chart(hb, T("2021-03-01"))
    assert list(data.columns) == ["what", "period", "x", "reports"]
    assert data["reports"].tolist() == [1, 2, 1]
    sizes = sorted(fig.axes[0].collections[0].get_sizes())
    assert sizes == [55, 55, 80]
    assert "stop in 2022" in _title(fig)


def _series(metric: str, values: list[tuple[str, str, float, str]]) -> pd.DataFrame:
    from safetybook import analysis

    measures = pd.DataFrame(
        [
            {
                "metric": metric,
                "country": "INT",
                "period_start": T(start),
                "period_end": T(end),
                "value": value,
                "qualifier": qualifier,
                "source_id": f"s{i}",
                "source_kind": "news",
                "measure_id": f"{metric}-{i}",
            }
            for i, (start, end, value, qualifier) in enumerate(values)
        ]
    )
    return analysis.reported_series(measures, metric)


def test_anti_bullying_enforcement_publishes_every_report_of_the_four_series():
    share = _series(
        "share",
        [("2020-01-01", "2020-06-30", 2.5, "exact"), ("2020-07-01", "2020-12-31", 3.0, "at_most")],
    )
    proactive = _series("proactive", [("2020-07-01", "2020-09-30", 60.0, "exact")])
    civility = _series("civility", [("2023-01-01", "2023-03-31", 10.0, "approx")])
    platform = _series(
        "platform",
        [("2020-01-01", "2020-03-31", 80.0, "exact"), ("2020-07-01", "2020-09-30", 90.0, "exact")],
    )
    from safetybook import analysis

    fig, data = anti_bullying.enforcement_chart(
        share, proactive, civility, analysis.consensus(platform), T("2021-03-01")
    )
    assert list(data.columns) == ["series", "period", "period_end", "value"]
    assert data["series"].value_counts().to_dict() == {
        "harassment_bullying_share": 2,
        "harassment_bullying_proactive": 1,
        "safety_civility_share": 1,
        "platform_proactive": 1,  # the quarter before mid-2020 is outside the compared window
    }
    assert len(fig.axes) == 2 and fig._suptitle.get_text().startswith("Harassment is removed")


def test_child_safety_ratio_and_chart_share_one_frame():
    u13 = pd.DataFrame(
        {
            "period_end": [T("2021-03-31"), T("2021-06-30"), T("2021-12-31")],
            "period": ["Q1 2021", "Q2 2021", "Q4 2021"],
            "value": [7e6, 11e6, 15e6],
        }
    )
    videos = pd.DataFrame({"period_end": [T("2021-03-31"), T("2021-12-31")], "value": [6e7, 1e8]})
    both = child_safety.removal_ratio(u13, videos)
    assert both["accounts_per_100_videos"].round(6).tolist() == [11.666667, 15.0]
    assert both["u13_index"].tolist() == [100.0, 15e6 / 7e6 * 100]
    fig, data = child_safety.under13_chart(u13.assign(disagreement=False), u13, both)
    assert data is both
    bottom = fig.axes[1].get_lines()[0]
    assert len(bottom.get_xdata()) == 4, "the missing quarters break the ratio's line"


def test_child_safety_per_year_pairs_the_two_series():
    safeguards = pd.DataFrame({"year": [2020, 2021, 2021]})
    regulatory = pd.DataFrame({"year": [2021, 2023]})
    per_year = child_safety.per_year(safeguards, regulatory)
    assert per_year.index.tolist() == [2020, 2021, 2023]
    assert per_year.iloc[:, 0].tolist() == [1, 2, 0] and per_year.iloc[:, 1].tolist() == [0, 1, 1]
    fig, data = child_safety.per_year_chart(per_year)
    assert list(data.columns)[0] == "year" and len(fig.axes[0].patches) == 6


def test_sports_reach_kinds_and_money():
    assert sports.reach_kind("tiktok_followers") == "Followers"
    assert sports.reach_kind("video_views") == "Views"
    assert sports.reach_kind("video_creations") == "Posts and creations"
    assert sports.reach_kind("deal_length") == "Other"
    reach = pd.DataFrame(
        {
            "measure_id": ["a", "b", "c"],
            "unit_id": ["d1", "d1", "d2"],
            "partner": ["Club", "Club", "League"],
            "metric": ["followers", "views", "creations"],
            "kind": ["Followers", "Views", "Posts and creations"],
            "value": [1e5, 1e9, 3e5],
            "measured_in": ["people", "count", "count"],
            "source_id": ["s1", "s2", "s3"],
        }
    )
    fig, data = sports.reach_chart(reach)
    assert "source_id" not in data and list(data["measure_id"]) == ["a", "b", "c"]
    assert [len(line.get_xdata()) for line in fig.axes[0].get_lines()] == [1, 1, 1]
    measures = pd.DataFrame(
        {"theme": ["sports", "sports", "health"], "measured_in": ["EUR", "count", "USD"]}
    )
    assert sports.priced(measures) == 1


def test_synthesis_charts_draw_what_their_data_holds():
    fig, sketch = synthesis_charts.method_sketch()
    assert sketch[["from_day", "to_day"]].values.tolist() == [[-90, -1], [1, 90]]
    row = {"date_earliest": T("2021-01-01"), "date_latest": T("2021-01-31"), "area": "US"}
    pressure = pd.DataFrame(
        [{**row, "event_id": "g1", "unit_id": "g1", "matched": "child_protection"}]
    )
    steps = pd.DataFrame(
        [{**row, "event_id": "i1", "unit_id": "i1", "matched": "child_protection"}]
    )
    fig, data = synthesis_charts.streams_chart(pressure, steps, "A title")
    assert len(data) == 2 and data["day"].iloc[0] == T("2021-01-16") and "source_id" not in data
    windows = pd.DataFrame(
        {
            "window": [30, 90],
            "observed": [1.5, 2.0],
            "null_low": [0.5, 0.5],
            "null_high": [1.6, 1.5],
        }
    )
    fig, data = synthesis_charts.windows_chart(windows, "Windows")
    assert data["label"].tolist() == ["30 days", "90 days"] and _title(fig) == "Windows"
    fig, data = synthesis_charts.power_chart({1: 0.0, 2: 0.25}, "Power")
    assert data["power_percent"].tolist() == [0.0, 25.0]
    null = np.linspace(0.0, 1.0, 40)
    fig, data = synthesis_charts.null_p_histogram(null, 0.05, 0.6, "Null")
    assert data.loc[data["line"] == "Null-true records", "records"].sum() == 40


def test_the_agreement_chart_draws_both_rounds_for_every_variable():
    table = pd.DataFrame(
        {"Variable": ["Step", "Concern"], "Round 1": [0.69, 0.83], "Round 2": [0.95, 1.0]}
    )
    fig, data = reliability.agreement_chart(table)
    assert data is table and len(fig.axes[0].patches) == 4
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Concern", "Step"]
