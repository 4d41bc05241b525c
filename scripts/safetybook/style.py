"""The book's matplotlib style: fixed font, opaque white background, colour-blind-safe palette.

Figures are 6 inches wide with 12-point text, and `glue.publish` narrows any figure whose labels
make it wider than a phone's text column can show with 9 px text; titles wrap to the width.
"""

from __future__ import annotations

import matplotlib

# Marks on the white figure background need 3:1 contrast (WCAG 2.1, 1.4.11 non-text contrast) and
# must stay apart under the common forms of colour blindness. The first four colours are Okabe &
# Ito's; their orange, sky blue and yellow (2.3:1, 2.3:1 and 1.3:1 on white) are replaced by an
# olive brown, a violet and a lavender chosen to keep every pair apart under simulated protanopia,
# deuteranopia and tritanopia (tests/test_figure_colours.py checks both properties).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#695A2D", "#8700F0", "#9678FF", "#000000")
GREY = "#767676"
"""Neutral marks (reference lines, null distributions, a second series): 4.5:1 on white."""
DARK_GREY = "#555555"
"""Secondary text and markers drawn with transparency (still 3:1 at 70% opacity)."""
INK = "#1a1a1a"
"""Text and dark marks."""
ACCENT_TEXT = "#8a3b00"
"""Text in the pressure colour's hue, dark enough for 4.5:1 on white."""
BACKGROUND = "#ffffff"
THEME_COLOURS = {
    "health": "#009E73",
    "anti_bullying": "#CC79A7",
    "child_safety": "#0072B2",
    "sports": "#695A2D",
    "government": "#D55E00",
    "platform": "#000000",
}


def translucent(colour: str, alpha: float) -> tuple[float, float, float, float]:
    """A fill that lets overlapping marks show through; draw its edge in the opaque colour, so the
    mark's outline keeps the colour's contrast."""
    return (*matplotlib.colors.to_rgb(colour), alpha)


THEME_LABELS = {
    "health": "Health",
    "anti_bullying": "Anti-bullying",
    "child_safety": "Child safety",
    "sports": "Sports",
    "government": "Government",
    "platform": "Platform",
}

RC = {
    "font.family": "DejaVu Sans",  # ships with matplotlib, so every machine renders the same glyphs
    "font.size": 12,
    "axes.titlesize": 13,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 12,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "grid.color": "#d9d9d9",
    "grid.linewidth": 0.6,
    "axes.prop_cycle": matplotlib.cycler(color=list(PALETTE)),
    "figure.figsize": (6.0, 4.2),
    "figure.dpi": 100,
    "figure.facecolor": "white",  # opaque, so figures stay legible on the dark theme
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "savefig.transparent": False,
    "savefig.dpi": 100,
    "savefig.bbox": "tight",
    "svg.hashsalt": "safetybook",
    "path.simplify": True,
    "legend.frameon": False,
    "text.color": "#1a1a1a",
    "axes.labelcolor": "#1a1a1a",
    "xtick.color": "#333333",
    "ytick.color": "#333333",
}


def use() -> None:
    """Apply the book style and make inline PNGs carry no metadata (so they are byte-identical per run)."""
    matplotlib.rcParams.update(RC)
    try:
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:  # outside a kernel there is no inline backend to configure
        return
    set_matplotlib_formats(
        "png", metadata={"Software": None}, bbox_inches="tight", facecolor="white"
    )
