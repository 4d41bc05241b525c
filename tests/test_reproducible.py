"""Figures are reproducible: two fresh runs are byte-identical, and fresh figures match the committed ones."""

from __future__ import annotations

import io

import pytest
from matplotlib.testing.compare import compare_images
from PIL import Image

from safetybook import paths

from notebook_runs import (DIFF_DIR, FIGURE_RMS_TOLERANCE, committed, figures, fresh, notebook_names, outputs,
                           write_png)


@pytest.mark.parametrize("name", notebook_names())
def test_two_runs_give_identical_outputs(name):
    first, second = outputs(fresh(name, 0)), outputs(fresh(name, 1))
    for (index, a), (_, b) in zip(first, second):
        assert a == b, f"{name}: cell {index} differs between two runs on the same machine"


@pytest.mark.parametrize("name", notebook_names())
def test_committed_figures_match_a_fresh_run(name):
    old, new = figures(committed(name)), figures(fresh(name, 0))
    assert set(old) == set(new), f"{name}: figures added or removed: {sorted(set(old) ^ set(new))}"
    failures = []
    for label, (index, expected) in sorted(old.items()):
        actual = new[label][1]
        if actual == expected:
            continue
        base = DIFF_DIR / name.removesuffix(".ipynb") / label
        expected_path = write_png(base.with_name(label + "-expected.png"), expected)
        actual_path = write_png(base.with_name(label + "-actual.png"), actual)
        if Image.open(io.BytesIO(expected)).size != Image.open(io.BytesIO(actual)).size:
            failures.append(f"{name} cell {index} figure {label}: size changed (see {actual_path})")
            continue
        result = compare_images(str(expected_path), str(actual_path), tol=FIGURE_RMS_TOLERANCE, in_decorator=True)
        if result is not None:
            failures.append(f"{name} cell {index} figure {label}: RMS {result['rms']:.2f} > {FIGURE_RMS_TOLERANCE}; diff at {result['diff']}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name", notebook_names())
def test_figures_have_opaque_backgrounds(name):
    for label, (index, png) in figures(committed(name)).items():
        image = Image.open(io.BytesIO(png))
        if image.mode in ("RGBA", "LA"):
            assert image.getchannel("A").getextrema()[0] == 255, f"{name} cell {index} figure {label} has transparent pixels"
        corner = image.convert("RGB").getpixel((1, 1))
        assert min(corner) > 240, f"{name} figure {label}: background is not white ({corner})"


@pytest.mark.parametrize("name", notebook_names())
def test_png_outputs_carry_no_metadata_timestamps(name):
    for label, (index, png) in figures(committed(name)).items():
        info = Image.open(io.BytesIO(png)).info
        assert not {"Software", "Creation Time", "date:create"} & set(info), f"{name} figure {label}: PNG metadata {info}"


@pytest.mark.parametrize("name", notebook_names())
def test_figure_csvs_equal_the_data_of_a_fresh_run(name):
    fresh(name, 0)  # writes its figure data to SAFETYBOOK_FIGURE_DATA (set in conftest), not into chapters/
    for label in sorted(figures(committed(name))):
        written = paths.figure_data_dir() / f"{label}.csv"
        assert written.exists(), f"{name}: a fresh run wrote no data for {label}"
        committed_csv = paths.CHAPTERS_DIR / "figure-data" / f"{label}.csv"
        assert written.read_bytes() == committed_csv.read_bytes(), f"{name}: data behind {label} differs from a fresh run"
