"""What is committed equals what a fresh run produces: derived data, notebook inputs, the TOC."""

from __future__ import annotations

import yaml

from safetybook import paths
from safetybook_pipeline import build as build_data
from safetybook_tooling import execute


def test_derived_tables_equal_a_fresh_rebuild(capsys):
    code = build_data.main(["--check"])
    assert code == 0, capsys.readouterr().err


def test_committed_notebook_outputs_are_not_stale():
    stale = [p.name for p in paths.chapter_notebooks() if execute.is_stale(p)]
    assert not stale, f"run `make execute` and commit: {stale}"


def test_every_chapter_file_is_in_the_toc():
    toc = yaml.safe_load((paths.ROOT / "_toc.yml").read_text(encoding="utf-8"))
    listed = {toc["root"]}
    for part in toc["parts"]:
        listed |= {c["file"] for c in part["chapters"]}
    pages = {
        f"chapters/{p.stem}"
        for p in paths.CHAPTERS_DIR.iterdir()
        if p.suffix in (".md", ".ipynb") and not p.name.startswith("_")
    }
    assert pages == listed


def test_execution_settings_are_explicit():
    settings = execute.execution_settings()
    assert settings["allow_errors"] is False
    assert settings["timeout"] > 0
    assert settings["execute_notebooks"] == "off"
