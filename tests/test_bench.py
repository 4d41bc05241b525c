"""make bench puts back what it edits without making the tree look changed to make."""

from __future__ import annotations

import os

from safetybook_tooling.bench import Restore


def test_restore_puts_back_edited_files_and_leaves_unedited_ones_alone(tmp_path):
    edited, untouched = tmp_path / "edited.ipynb", tmp_path / "untouched.ipynb"
    for path in (edited, untouched):
        path.write_text("original")
        os.utime(path, (1_000_000, 1_000_000))
    with Restore(edited, untouched):
        edited.write_text("changed for a measure")
        untouched.write_text("original")  # rewritten with the same bytes, as an execution does
        os.utime(untouched, (1_000_000, 1_000_000))
    assert edited.read_text() == "original"
    assert untouched.stat().st_mtime == 1_000_000, "an unchanged file was rewritten"


def test_restore_puts_files_back_when_a_measure_fails(tmp_path):
    path = tmp_path / "health.csv"
    path.write_text("a,b\n")
    try:
        with Restore(path):
            path.write_text("broken")
            raise RuntimeError("the measure failed")
    except RuntimeError:
        pass
    assert path.read_text() == "a,b\n"


def test_the_data_measure_puts_back_every_file_make_data_writes():
    from safetybook import paths, release
    from safetybook_pipeline.build import checksum
    from safetybook_tooling.bench import data_outputs

    kept = set(data_outputs())
    archive = release.dataset_archive()
    assert {archive, checksum(archive), paths.BIBLIOGRAPHY, paths.DATA_DICTIONARY} <= kept
    tables = {p.name for p in paths.DATA_DIR.glob("*.csv")}
    assert tables and tables <= {p.name for p in kept}, tables - {p.name for p in kept}
