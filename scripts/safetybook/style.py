"""The book's matplotlib style: fixed font, opaque white background, colour-blind-safe palette.

Figures are 6 inches wide with 12-point text, and `glue.publish` narrows any figure whose labels
make it wider than a phone's text column can show with 9 px text; titles wrap to the width.
"""

from __future__ import annotations

import matplotlib

# Okabe & Ito's palette, distinguishable with the common forms of colour blindness.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
THEME_COLOURS = {
    "health": "#009E73",
    "anti_bullying": "#CC79A7",
    "child_safety": "#0072B2",
    "sports": "#E69F00",
    "government": "#D55E00",
    "platform": "#000000",
}
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
