"""Figure colours: every mark meets WCAG 2.1's 3:1 non-text contrast on the figure background, the
palette's colours stay apart under simulated colour blindness, and colours are named once, in
safetybook.style (a colour typed into a chart module escapes both checks)."""

from __future__ import annotations

import itertools
import re

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

from safetybook import paths, style  # noqa: E402

# Machado, Oliveira and Fernandes (2009), severity 1.0, applied to linear RGB.
VISION = {
    "typical": np.eye(3),
    "protanopia": np.array(
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ]
    ),
    "deuteranopia": np.array(
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ]
    ),
    "tritanopia": np.array(
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ]
    ),
}
MIN_DISTANCE = (
    15.0  # CIE76 units; Okabe & Ito's own palette's closest pair is 16 under deuteranopia
)


def linear(colour) -> np.ndarray:
    rgb = np.array(matplotlib.colors.to_rgb(colour))
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def luminance(colour) -> float:
    return float(linear(colour) @ np.array([0.2126, 0.7152, 0.0722]))


def contrast(a, b) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def blended(colour, alpha: float, under=style.BACKGROUND):
    """The colour a translucent mark shows over the background."""
    top, bottom = (
        np.array(matplotlib.colors.to_rgb(colour)),
        np.array(matplotlib.colors.to_rgb(under)),
    )
    return tuple(alpha * top + (1 - alpha) * bottom)


def lab(rgb_linear: np.ndarray) -> np.ndarray:
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    x = xyz @ np.clip(rgb_linear, 0, 1) / np.array([0.95047, 1.0, 1.08883])
    f = np.where(x > 0.008856, np.cbrt(x), 7.787 * x + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


MARK_COLOURS = {
    **{f"PALETTE[{i}]": c for i, c in enumerate(style.PALETTE)},
    **{f"THEME_COLOURS[{k}]": c for k, c in style.THEME_COLOURS.items()},
    "GREY": style.GREY,
    "DARK_GREY at 70% opacity": blended(style.DARK_GREY, 0.7),
    "ACCENT_TEXT": style.ACCENT_TEXT,
    "INK": style.INK,
}


@pytest.mark.parametrize("name", list(MARK_COLOURS))
def test_every_mark_colour_has_3_to_1_contrast_on_the_figure_background(name):
    ratio = contrast(MARK_COLOURS[name], style.BACKGROUND)
    assert ratio >= 3.0, f"{name} has {ratio:.2f}:1 on {style.BACKGROUND}; WCAG 2.1 1.4.11 asks 3:1"


def test_the_contrast_check_fails_the_colours_it_replaced():
    # Okabe & Ito's orange, sky blue and yellow, which the palette held until 0.2.4
    for colour in ("#E69F00", "#56B4E9", "#F0E442", "#999999"):
        assert contrast(colour, style.BACKGROUND) < 3.0


def test_the_figure_background_is_the_style_s_background():
    assert matplotlib.colors.to_hex(style.RC["figure.facecolor"]) == style.BACKGROUND
    assert matplotlib.colors.to_hex(style.RC["axes.facecolor"]) == style.BACKGROUND


@pytest.mark.parametrize("vision", list(VISION))
def test_the_palette_s_colours_stay_apart_under_each_kind_of_vision(vision):
    seen = {c: lab(VISION[vision] @ linear(c)) for c in style.PALETTE}
    close = [
        (a, b, round(float(np.linalg.norm(seen[a] - seen[b])), 1))
        for a, b in itertools.combinations(style.PALETTE, 2)
        if np.linalg.norm(seen[a] - seen[b]) < MIN_DISTANCE
    ]
    assert not close, f"pairs too close under {vision}: {close}"


def test_the_distance_check_fails_a_pair_colour_blind_readers_confuse():
    # a darkened orange next to vermilion: distinct to typical vision, not under protanopia
    sim = VISION["protanopia"]
    assert (
        np.linalg.norm(lab(sim @ linear("#D55E00")) - lab(sim @ linear("#A66C00"))) < MIN_DISTANCE
    )


def test_the_theme_colours_are_palette_colours():
    assert set(style.THEME_COLOURS.values()) <= set(style.PALETTE)
    assert len(set(style.THEME_COLOURS.values())) == len(style.THEME_COLOURS)


def test_no_chart_module_types_a_colour_of_its_own():
    modules = sorted((paths.ROOT / "scripts" / "safetybook").glob("*.py"))
    assert len(modules) > 20, "the library's modules are where this test looks"
    typed = [
        f"{m.name}:{n}: {line.strip()}"
        for m in modules
        if m.name != "style.py"
        for n, line in enumerate(m.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"#[0-9A-Fa-f]{6}\b|#[0-9A-Fa-f]{3}\b(?![\w-])", line.split(" # ")[0])
    ]
    assert not typed, "colours belong in safetybook.style:\n" + "\n".join(typed)
