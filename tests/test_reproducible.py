"""Committed figures are clean PNGs. Their reproducibility is checked on nbval's execution (see notebook_checks)."""

from __future__ import annotations

import io

import pytest
from notebook_checks import committed, figure_difference, figures, notebook_names
from PIL import Image


@pytest.mark.parametrize("name", notebook_names())
def test_figures_have_opaque_backgrounds(name):
    for label, (index, png) in figures(committed(name)).items():
        image = Image.open(io.BytesIO(png))
        if image.mode in ("RGBA", "LA"):
            assert image.getchannel("A").getextrema()[0] == 255, (
                f"{name} cell {index} figure {label} has transparent pixels"
            )
        corner = image.convert("RGB").getpixel((1, 1))
        assert min(corner) > 240, f"{name} figure {label}: background is not white ({corner})"


@pytest.mark.parametrize("name", notebook_names())
def test_png_outputs_carry_no_metadata_timestamps(name):
    for label, (_index, png) in figures(committed(name)).items():
        info = Image.open(io.BytesIO(png)).info
        assert not {"Software", "Creation Time", "date:create"} & set(info), (
            f"{name} figure {label}: PNG metadata {info}"
        )


def test_a_changed_figure_is_reported_with_its_rms_and_diff_image(tmp_path):
    """The check nbval's execution runs after each cell: identical figures pass, changed ones are explained."""
    image = Image.new("RGB", (40, 30), "white")
    before = io.BytesIO()
    image.save(before, format="PNG")
    image.paste((200, 0, 0), (5, 5, 20, 20))
    after = io.BytesIO()
    image.save(after, format="PNG")
    assert figure_difference("same", tmp_path, before.getvalue(), before.getvalue()) is None
    message = figure_difference("changed", tmp_path, before.getvalue(), after.getvalue())
    assert message and "RMS" in message and (tmp_path / "changed-actual.png").exists()
    assert float(message.split("RMS ")[1].split(";")[0]) > 10
