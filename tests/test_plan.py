"""The pre-analysis plan was committed before the data it judges, is unchanged since, and is what
the code runs (analysis/PLAN.md; deviations only through analysis/DEVIATIONS.md)."""

from __future__ import annotations

import csv
import io
import json
import subprocess

import pytest

from safetybook import paths, plan

PLAN = "analysis/PLAN.md"
PARAMETERS = "analysis/plan-parameters.json"


def git(*args: str) -> str:
    result = subprocess.run(
        ["git", *args], cwd=paths.ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"git {' '.join(args)} failed: {result.stderr.strip()}"
    return result.stdout


@pytest.fixture(scope="module")
def plan_commit(git_history) -> str:
    """The commit that first added the plan (the history must be present: a full clone)."""
    shallow = git("rev-parse", "--is-shallow-repository").strip()
    assert shallow == "false", "a shallow clone lacks the history the plan's order is read from"
    added = git("log", "--diff-filter=A", "--format=%H", "--", PLAN).split()
    assert added, f"{PLAN} is not in the history"
    return added[-1]


def rows_at(commit: str) -> list[dict]:
    """Every raw event row as it stood at a commit."""
    names = git("ls-tree", "--name-only", f"{commit}:data/raw/events").split()
    rows = []
    for name in names:
        text = git("show", f"{commit}:data/raw/events/{name}")
        rows += [r | {"file": name} for r in csv.DictReader(io.StringIO(text))]
    return rows


def test_the_plan_is_an_ancestor_of_this_commit(plan_commit):
    result = subprocess.run(
        ["git", "merge-base", "--is-ancestor", plan_commit, "HEAD"], cwd=paths.ROOT, check=False
    )
    assert result.returncode == 0


def test_the_tag_if_present_names_the_plan_commit(plan_commit):
    tags = git("tag", "--list", "plan-v1").split()
    if tags:  # a clone may not carry tags; the commit that added the plan is the record
        assert git("rev-list", "-n", "1", "plan-v1").strip() == plan_commit


def test_the_plan_preceded_every_2026_unit_and_every_comparator_row(plan_commit):
    then = rows_at(plan_commit)
    dated_2026 = sorted(r["event_id"] for r in then if r["date"] >= "2026-01-01")
    assert dated_2026 == sorted(plan.PRE_EXISTING_2026_ROWS), dated_2026
    comparator = [r["event_id"] for r in then if r.get("platform") in ("instagram", "youtube")]
    assert not comparator and not any(r["file"] == "comparator.csv" for r in then)
    now = rows_at("HEAD")
    assert sum(r["date"] >= "2026-01-01" for r in now) > len(dated_2026), "no 2026 row added yet"
    assert any(r.get("platform") in ("instagram", "youtube") for r in now), "no comparator row yet"


def test_the_plan_is_unchanged_since_it_was_committed(plan_commit):
    changed = git("diff", "--name-only", plan_commit, "HEAD", "--", PLAN, PARAMETERS).split()
    assert not changed, f"{changed} changed after the plan: record a deviation instead"


def test_the_code_runs_the_plan_s_parameters():
    fixed = json.loads((paths.ROOT / PARAMETERS).read_text(encoding="utf-8"))
    differ = {
        name: (fixed[name], value())
        for name, value in plan.PARAMETERS.items()
        if fixed[name] != value()
    }
    assert not differ, f"the code departs from the plan (list it in DEVIATIONS.md): {differ}"
    assert set(fixed) - {"plan_version", "tag", "written", "study_end"} == set(plan.PARAMETERS)


def test_the_plan_s_commit_and_day_in_the_code_are_the_history_s(plan_commit):
    assert plan_commit.startswith(plan.PLAN_COMMIT)
    day = git("log", "-1", "--format=%ad", "--date=short", plan_commit).strip()
    assert day == f"{plan.PLAN_DATE:%Y-%m-%d}"
