"""Bad input stops `make data` with one `file:line: column: problem` line per problem, and writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from book_layout import FIXTURES

from safetybook_pipeline import build as build_data

# case -> the problems it must report, as (file, line, column) of the raw fixture
CASES = {
    "wrong_type": [("measures/platform.csv", 2, "value")],
    "unknown_theme": [("events/health.csv", 3, "theme")],
    "dangling_source": [("events/health.csv", 4, "source_id")],
    "duplicate_id": [("events/health.csv", 3, "event_id")],
    "bad_date": [("events/health.csv", 2, "date"), ("events/health.csv", 4, "date")],
    "empty_evidence": [("events/health.csv", 3, "evidence")],
    "wrong_encoding": [("events/health.csv", 3, "-")],
    "mojibake": [("events/health.csv", 2, "evidence")],
    # the codebook's rules: a relief step cannot open a unit, every row has an existing unit, a date
    # interval runs forwards within its month or year, and codes come from the codebook
    "relief_first_step": [("events/health.csv", 3, "direction"), ("events/health.csv", 3, "step")],
    "unknown_unit": [("events/health.csv", 2, "unit_id"), ("events/health.csv", 4, "unit_id")],
    "bad_interval": [
        ("events/health.csv", 2, "date_latest"),
        ("events/health.csv", 4, "date_latest"),
    ],
    "unknown_code": [("events/health.csv", 3, "concern"), ("events/health.csv", 4, "step")],
    # a value its own evidence phrase does not state ("over 49 million" recorded as 50,000,000)
    "value_not_in_evidence": [("measures/platform.csv", 2, "value")],
    # a publication date without its precision, and a month-precision date not on the first day
    "bad_precision": [("sources.csv", 2, "published_precision"), ("sources.csv", 3, "published")],
    # the merging rule: two units announced by the same actor in the same month are neither merged
    # nor reviewed, and a reviewed pair names a unit that does not exist
    "unreviewed_pair": [
        ("events/health.csv", 3, "unit_id"),
        ("reviewed_distinct_pairs.csv", 2, "first"),
    ],
    # the source-basis rule: two reports that are copies of one wire story are one report, so the
    # unit is single and must be listed; a fine on one news report needs a logged search
    "syndicated_pair": [("events/health.csv", 3, "source_id")],
    # a citation key that names no publisher (made from a name in another script)
    "generic_source_id": [("sources.csv", 6, "source_id")],
    "single_fine": [("events/government.csv", 2, "source_id")],
    # the regulator's own page that recalls the fine by its month does not confirm the day the
    # record gives it, so the fine still rests on one news report and must be listed
    "stale_official_page": [("events/government.csv", 2, "source_id")],
    # a step stated by its month whose only other report gives the day within that month: the
    # record states the finest date its reports agree on
    "understated_date": [("events/health.csv", 4, "date")],
    "many_rows": [
        ("events/health.csv", 2, "date"),
        ("events/health.csv", 3, "event_type"),
        ("events/health.csv", 4, "actor"),
    ],
}


@pytest.fixture
def run_build(tmp_path: Path, capsys):
    """Run `make data` on a raw folder into a temporary folder; returns the exit code and stderr."""

    def run(raw: Path, out: Path | None = None) -> tuple[int, str]:
        out = out or tmp_path / "out"
        code = build_data.main(
            [
                "--raw",
                str(raw),
                "--out",
                str(out),
                "--bib",
                str(out / "references.bib"),
                "--dictionary",
                str(out / "data_dictionary.md"),
                "--archive",
                str(out / "dataset.zip"),
            ]
        )
        return code, capsys.readouterr().err

    return run


def test_every_broken_fixture_has_a_case():
    assert sorted(p.name for p in (FIXTURES / "broken").iterdir()) == sorted(CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_input_is_reported_and_outputs_untouched(case, valid_raw, tmp_path, run_build):
    out = tmp_path / "out"
    assert run_build(valid_raw, out)[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    shutil.copytree(FIXTURES / "broken" / case, valid_raw, dirs_exist_ok=True)

    code, err = run_build(valid_raw, out)

    assert code == 1
    lines = [text for text in err.splitlines() if not text.startswith("make data:")]
    for rel, line, column in CASES[case]:
        prefix = f"{valid_raw / rel}:{line}: {column}: "
        assert any(text.startswith(prefix) for text in lines), (
            f"no problem reported as {prefix!r} in:\n{err}"
        )
    assert all(text.count(":") >= 3 for text in lines), err
    assert "Traceback" not in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_valid_fixture_builds_typed_tables(valid_raw, tmp_path, run_build):
    out = tmp_path / "out"
    code, err = run_build(valid_raw, out)
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == [
        "claims.csv",
        "data_dictionary.md",
        "datapackage.json",
        "dataset.zip",
        "dataset.zip.sha256",
        "events.csv",
        "measures.csv",
        "organisations.csv",
        "reference_actions.csv",
        "references.bib",
        "sources.csv",
    ]
    assert not list(out.glob(".*.tmp")), "temporary files were left behind"


def test_missing_column_is_reported_with_the_header_line(valid_raw, tmp_path, run_build):
    path = valid_raw / "events" / "health.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace(",evidence", ",quote")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, err = run_build(valid_raw, tmp_path / "out")
    assert code == 1
    assert (
        f"{path}:1: -: header must be" in err
        and "missing evidence" in err
        and "unexpected quote" in err
    )
