"""The chapters' figure builders, on small frames: each returns a figure that draws what it is given
and the exact data `glue.publish` writes beside it, which holds every value, date and label the
figure draws (safetybook.figure_drawn, as tests/test_figure_data.py checks the published CSVs)."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd

from safetybook import (
    anti_bullying,
    child_safety,
    data_and_methods,
    figure_drawn,
    figures,
    government,
    health,
    plan,
    reliability,
    sports,
    synthesis_charts,
)

T = pd.Timestamp


def _title(fig) -> str:
    from safetybook.figure_export import figure_title

    return figure_title(fig)  # wherever the style puts it (the book's style: on the left)


def lacks(fig, data: pd.DataFrame) -> dict:
    """What the figure draws that its data, written and read back as `glue.publish` writes its CSV,
    do not hold (every list empty when they hold it all)."""
    text = data.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d")
    return figure_drawn.missing(figure_drawn.drawn(fig), pd.read_csv(io.StringIO(text)))


def assert_holds_what_it_draws(fig, data: pd.DataFrame) -> None:
    missing = lacks(fig, data)
    assert not any(missing.values()), f"the data lack what the figure draws: {missing}"


def test_units_per_year_stacks_every_theme_and_publishes_one_row_per_year_and_theme():
    counted = pd.DataFrame(
        {"year": [2020, 2020, 2021, 2021, 2021], "theme": ["health"] * 3 + ["government"] * 2}
    )
    per_year = data_and_methods.units_per_year(counted)
    assert per_year.loc[2021].to_dict() == {"government": 2, "health": 1}
    fig, data = data_and_methods.units_per_year_chart(per_year)
    assert list(data.columns) == ["year", "theme", "theme_code", "units"] and len(data) == 4
    assert data["units"].sum() == len(counted)
    assert set(data["theme"]) == {"Government", "Health"}  # words, as the legend shows them
    assert len(fig.axes[0].patches) == 4  # one bar per year and theme
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["Government", "Health"]
    assert_holds_what_it_draws(fig, data)


def test_rows_by_source_kind_adds_event_rows_and_measures_smallest_first():
    reports = pd.DataFrame({"source_kind": ["news", "news", "news", "regulator"]})
    measures = pd.DataFrame({"source_kind": ["regulator", "regulator", "transparency_report"]})
    kinds = data_and_methods.rows_by_source_kind(reports, measures)
    # smallest total first; a tie goes to the kind with fewer event rows
    assert list(kinds.index) == ["transparency_report", "regulator", "news"]
    assert kinds.loc["regulator"].to_dict() == {"events": 1, "measures": 2, "total": 3}
    fig, data = data_and_methods.source_kinds_chart(kinds)
    assert list(data.columns) == ["kind", "kind_code", "series", "rows", "total"]
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["official (TikTok report)", "official (regulator)", "news"]
    assert data["kind"].tolist()[:3] == labels and set(data["series"]) == {"Event rows", "Measures"}
    assert data.loc[data["kind_code"] == "regulator", "rows"].tolist() == [1, 2]
    assert_holds_what_it_draws(fig, data)


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
    assert list(data.columns) == health.COLUMNS and list(data["measure_id"]) == ["m1", "m3", "u2"]
    assert data["shown_as"].tolist() == ["bar", "bar", "dashed line"]
    ax = fig.axes[0]
    assert ax.get_xscale() == "log" and len(ax.patches) == 2
    labels = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
    assert labels == ["People reached: WHO (2020)", "Views of #SafeHands: WHO (2021)"]
    assert any(line.get_xdata()[0] == 1e9 for line in ax.get_lines())
    assert data["label"].tolist() == [*labels, health.BILLION_LABEL]
    assert_holds_what_it_draws(fig, data)


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
    assert_holds_what_it_draws(fig, data)


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
    assert list(data.columns) == ["what", "period", "x", "reports", "shown_as"]
    dots = data[data["shown_as"] == "dot"]
    assert dots["reports"].tolist() == [1, 2, 1]
    line = data[data["what"] == "#CreateKindness"]
    assert line["x"].tolist() == [T("2021-03-01")] and line["shown_as"].str.contains("line").all()
    sizes = sorted(fig.axes[0].collections[0].get_sizes())
    assert sizes == [55, 55, 80]
    assert "stop in 2022" in _title(fig)
    assert_holds_what_it_draws(fig, data)


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
    assert list(data.columns) == [
        "panel",
        "series",
        "metric",
        "period",
        "period_start",
        "period_end",
        "date",
        "value",
        "reports",
        "low",
        "high",
    ]
    marks = data.groupby(["panel", "series"]).size().to_dict()
    top, bottom = anti_bullying.ENFORCEMENT_PANELS
    assert marks == {
        (top, "Harassment and bullying"): 1,
        (top, "All removed videos"): 1,  # the quarter before mid-2020 is outside the window
        (bottom, "Harassment and bullying"): 1,  # the median of the exact reports
        (bottom, "Upper bound only"): 1,
        (bottom, "Safety and civility (broader)"): 1,
        ("both panels", "#CreateKindness"): 1,
    }
    share = data[(data["panel"] == bottom) & (data["series"] == "Harassment and bullying")]
    assert share["date"].tolist() == [T("2020-03-31 12:00")]  # placed at its period's middle
    assert len(fig.axes) == 2 and fig._suptitle.get_text().startswith("Harassment is removed")
    assert_holds_what_it_draws(fig, data)


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
    assert data.groupby("series").size().to_dict() == {
        "Each report": 3,
        "Median of reports": 3,
        "Underage accounts removed per 100 videos removed": 2,
    }
    assert data.loc[data["series"] == "Median of reports", "value"].tolist() == [7.0, 11.0, 15.0]
    bottom = fig.axes[1].get_lines()[0]
    assert len(bottom.get_xdata()) == 4, "the missing quarters break the ratio's line"
    assert_holds_what_it_draws(fig, data)


def test_child_safety_per_year_pairs_the_two_series():
    safeguards = pd.DataFrame({"year": [2020, 2021, 2021]})
    regulatory = pd.DataFrame({"year": [2021, 2023]})
    per_year = child_safety.per_year(safeguards, regulatory)
    assert per_year.index.tolist() == [2020, 2021, 2023]
    assert per_year.iloc[:, 0].tolist() == [1, 2, 0] and per_year.iloc[:, 1].tolist() == [0, 1, 1]
    fig, data = child_safety.per_year_chart(per_year)
    assert list(data.columns)[0] == "year" and len(fig.axes[0].patches) == 6
    assert_holds_what_it_draws(fig, data)


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
    assert_holds_what_it_draws(fig, data)
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
    assert data["event_id"].dropna().tolist() == ["g1", "i1"] and "source_id" not in data
    assert data["day"].iloc[0] == T("2021-01-16")
    assert data["concern"].nunique() == len(plan.MATCHED_CONCERNS)  # every row the chart shows
    assert_holds_what_it_draws(fig, data)
    windows = pd.DataFrame(
        {
            "window": [30, 90],
            "observed": [1.5, 2.0],
            "null_low": [0.5, 0.5],
            "null_high": [1.6, 1.5],
        }
    )
    fig, data = synthesis_charts.windows_chart(windows, "Windows")
    assert data["label"].tolist() == ["30 days"] * 2 + ["90 days"] * 2 and _title(fig) == "Windows"
    assert data["series"].tolist() == [*synthesis_charts.WINDOW_SERIES] * 2
    assert data["value"].dropna().tolist() == [1.5, 2.0]
    assert data["high"].dropna().tolist() == [1.6, 1.5]
    assert_holds_what_it_draws(fig, data)
    fig, data = synthesis_charts.power_chart({1: 0.0, 2: 0.25}, "Power")
    assert data["power_percent"].tolist() == [0.0, 25.0]
    assert data["reference_percent"].tolist() == [20.0, 20.0]
    assert data["reference"].iloc[0] == "Below 20%: cannot detect"
    assert_holds_what_it_draws(fig, data)
    null = np.linspace(0.0, 1.0, 40)
    fig, data = synthesis_charts.null_p_histogram(null, 0.05, 0.6, "Null")
    assert data.loc[data["line"] == "Null-true records", "records"].sum() == 40
    assert_holds_what_it_draws(fig, data)


def test_the_agreement_chart_draws_both_rounds_for_every_variable():
    table = pd.DataFrame(
        {"Variable": ["Step", "Concern"], "Round 1": [0.69, 0.83], "Round 2": [0.95, 1.0]}
    )
    fig, data = reliability.agreement_chart(table)
    assert data.drop(columns=reliability.TARGET_COLUMN).equals(table)
    assert data[reliability.TARGET_COLUMN].tolist() == [0.8, 0.8]  # the dashed line
    assert len(fig.axes[0].patches) == 4
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Concern", "Step"]
    assert_holds_what_it_draws(fig, data)


def test_a_builder_whose_data_lack_a_reference_line_is_caught():
    """The check the tests above make would catch data that drop what a figure draws."""
    table = pd.DataFrame({"Variable": ["Step"], "Round 1": [0.69], "Round 2": [0.95]})
    fig, data = reliability.agreement_chart(table)
    assert lacks(fig, data.drop(columns=reliability.TARGET_COLUMN))["numbers"] == [0.8]
    assert lacks(fig, data.replace({"Step": "step"}))["labels"] == ["Step"]


def _events(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "unit_id": [f"u{i}" for i in range(len(rows))],
            "date": [T(d) for d, _, _ in rows],
            "date_precision": "day",
            "lane": [lane for _, lane, _ in rows],
            "colour": [colour for _, _, colour in rows],
        }
    )


def test_a_timeline_publishes_the_events_it_draws_and_every_lane_it_labels():
    events = _events(
        [("2020-01-05", "Policy", "Asia"), ("2021-03-01", "Campaign", "Europe"),
         ("2022-01-01", "Dropped", "Asia")]
    )  # fmt: skip
    fig, data = figures.timeline(
        events, "lane", "T", lanes=["Policy", "Campaign", "Other"], colour_by="colour",
        columns=["unit_id", "date", "lane", "colour"],
    )  # fmt: skip
    assert data["unit_id"].tolist()[:2] == ["u0", "u1"]  # the event in no lane is not drawn
    empty = data[data["lane"] == "Other"]
    assert len(empty) == 1 and empty.drop(columns="lane").isna().all(axis=None)
    assert_holds_what_it_draws(fig, data)


def test_stacked_bars_publish_one_row_per_segment_named_as_drawn():
    table = pd.DataFrame(
        {"Sponsorship": [1, 2], "Campaign": [0, 3]},
        index=pd.Index([2020, 2021], name="year"),
    ).rename_axis(columns="deal")
    fig, data = figures.stacked_bars(table, "T", "Deals", "deals")
    assert list(data.columns) == ["year", "deal", "deals"] and len(data) == 4
    assert len(fig.axes[0].patches) == 4
    assert_holds_what_it_draws(fig, data)


def test_a_cumulative_chart_publishes_the_count_each_step_reaches_and_its_legend():
    events = _events(
        [("2020-01-05", "A", ""), ("2020-03-01", "B", ""), ("2020-02-01", "A", ""),
         ("2020-02-01", "A", "")]
    )  # fmt: skip
    fig, data = figures.cumulative(events, "lane", "T", "So far", groups=["A", "B"])
    assert data["cumulative"].tolist() == [1, 2, 3, 1]
    assert data["series"].tolist() == ["A (3)"] * 3 + ["B (1)"]
    assert data["date"].tolist()[:3] == [T("2020-01-05"), T("2020-02-01"), T("2020-02-01")]
    assert_holds_what_it_draws(fig, data)


def test_government_charts_publish_what_they_draw_in_words():
    episodes = pd.DataFrame(
        {
            "unit_id": ["g1", "g2", "g3"],
            "date": [T("2020-06-29"), T("2022-12-01"), T("2023-01-10")],
            "date_precision": "day",
            "event_type": ["national_ban", "device_ban", "device_ban"],
            "area": ["IN", "US", "CA"],
            "region": ["Asia", "Americas", "Americas"],
            "concern": ["content_public_order", "data_security_foreign_control", "other"],
        }
    )
    fig, data = government.restrictions_chart(government.restrictions(episodes), "T")
    assert data["restriction"].tolist()[:3] == ["Official devices"] * 2 + ["Whole country"]
    assert data["series"].tolist() == [
        "Official devices (2)",
        "Official devices (2)",
        "Whole country (1)",
        "A territory or state (0)",  # a kind without restrictions keeps its legend entry
        "Sell or be banned (0)",
    ]
    assert data["cumulative"].tolist() == [1, 2, 1, 0, 0]
    assert_holds_what_it_draws(fig, data)
    table = government.reasons_by_region(episodes)
    fig, data = government.reasons_chart(table, "T")
    assert list(data.columns) == ["region", "concern", "concern_code", "episodes"]
    assert "Data security and foreign control" in set(data["concern"])
    assert_holds_what_it_draws(fig, data)


def test_the_fines_chart_publishes_every_amount_it_draws():
    fines = pd.DataFrame(
        {
            "fine_id": ["f1", "f2"],
            "date": [T("2021-04-06"), T("2023-09-15")],
            "authority": ["Magistrates' courts of Moscow", "Data Protection Commission (DPC)"],
            "concern": ["content_public_order", "child_protection"],
            "currency": ["RUB", "EUR"],
            "value": [2.6e6, 5e8],
            "amounts": ["2,500,000 or 2,600,000", "500,000,000"],
            "disputed": [True, False],
        }
    )
    fig, data = government.fines_chart(fines)
    assert data["amount"].tolist() == [5e8, 2.5e6, 2.6e6]  # panel by panel, largest first
    assert (
        data["label"].tolist()
        == ["DPC, Sep 2023"] + ["Magistrates' courts of Moscow, Apr 2021"] * 2
    )
    assert data["concern"].iloc[0] == "Child protection"
    assert_holds_what_it_draws(fig, data)


def test_the_fines_ticks_are_round_amounts_that_frame_every_amount():
    # one amount far from a round one (3.5 million) once left a panel without ticks
    cases = [(3.5e6, 3.5e6), (2.6e6, 2.6e6), (2.5e6, 5e8), (3e4, 2e9), (7e5, 8e5), (1e6, 1e6)]
    for low, high in cases:
        ticks = government._ticks(low, high)
        assert 1 <= len(ticks) <= 5, (low, high, ticks)
        assert ticks == sorted(ticks)
        for t in ticks:
            assert f"{t:.0e}"[0] in "125" and float(f"{t:.0e}") == t, (low, high, t)
        inside = [t for t in ticks if low / 1.3 <= t <= high * 1.3]
        # round amounts within the drawn range, else the two either side of it
        assert inside == ticks or (len(ticks) == 2 and ticks[0] <= low and high <= ticks[1])


def test_the_fines_chart_draws_a_panel_whose_one_amount_is_far_from_a_round_one():
    fines = pd.DataFrame(
        {
            "fine_id": ["f1"],
            "date": [T("2021-12-16")],
            "authority": ["Magistrates' courts of Moscow"],
            "concern": ["content_public_order"],
            "currency": ["RUB"],
            "value": [3.5e6],
            "amounts": ["3,500,000"],
            "disputed": [False],
        }
    )
    fig, data = government.fines_chart(fines)
    ticks = fig.axes[0].get_xticks()
    assert len(ticks) == 2 and ticks[0] < 3.5e6 < ticks[-1]
    assert_holds_what_it_draws(fig, data)


def test_a_case_chart_names_each_kind_of_step_as_its_legend_does():
    sequence = pd.DataFrame(
        {
            "date": [T("2020-06-29"), T("2020-07-10"), T("2020-09-01")],
            "side": ["Government", "TikTok", "Government"],
            "kind": ["pressure", "tiktok", "relief"],
            "step": ["adopted", "announced", "lifted"],
            "unit_id": ["g1", "t1", "g1"],
            "event_id": ["g1", "t1", "g1b"],
        }
    )
    fig, data = synthesis_charts.case_chart(sequence, "A case")
    assert data["kind"].tolist() == ["Pressure", "TikTok's step", "Relief"]
    assert data["kind_code"].tolist() == ["pressure", "tiktok", "relief"]
    assert_holds_what_it_draws(fig, data)


def test_a_fines_label_abbreviates_only_an_abbreviation():
    from safetybook import government

    assert (
        government._short("Commission nationale de l'informatique et des libertés (CNIL)") == "CNIL"
    )
    assert government._short("Supreme Tribunal of Justice (Venezuela)") == (
        "Supreme Tribunal of Justice (Venezuela)"
    )


def test_the_fines_chart_of_the_record_prints_no_label_over_another():
    import matplotlib.pyplot as plt

    from safetybook import chapter, glue, phone_fit, style

    style.use()
    fines = government.fines(chapter.read("tiktok"))
    assert len(fines) >= 20, "the record holds the fines this test is about"
    fig, _ = government.fines_chart(fines)
    glue.fit_for_reading(fig, "government-fig-fines")  # raises if two labels overlap
    assert phone_fit.overlapping_labels(fig) == []
    plt.close(fig)


def test_the_fines_figure_s_alt_text_names_every_panel_the_record_draws():
    # the alt text is written by hand: it must follow the record when a currency is added
    import re

    import nbformat

    from safetybook import chapter, paths

    words = {"VND": "Dong", "EUR": "Euros", "KRW": "Won", "TRY": "Lira", "GBP": "Pounds"}
    words |= {"USD": "Dollars", "RUB": "Roubles"}
    numbers = {5: "Five", 6: "Six", 7: "Seven", 8: "Eight", 9: "Nine"}
    fines = government.fines(chapter.read("tiktok"))
    currencies = set(fines.loc[fines["amounts"] != "not recorded", "currency"])
    notebook = nbformat.read(paths.ROOT / "chapters" / "06_government.ipynb", as_version=4)
    alt = next(
        line
        for cell in notebook.cells
        for line in cell.source.splitlines()
        if cell.cell_type == "markdown"
        and "government-fig-fines" in cell.source
        and line.startswith(":alt:")
    )
    assert set(words) >= currencies, f"a currency without a word here: {currencies - set(words)}"
    assert alt.startswith(f":alt: {numbers[len(currencies)]} small dot charts")
    for currency in currencies:
        assert re.search(rf"\b{words[currency]}:", alt), words[currency]
