"""Draw the book's social card (`_static/social-card.png`, 1200 x 630 px), shown by sites that
preview a link to a page without a figure. Run `python -m safetybook_tooling.social_card`."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from safetybook import paths  # noqa: E402

CARD = paths.ROOT / "_static" / "social-card.png"


def draw() -> None:
    fig = plt.figure(figsize=(12, 6.3), dpi=100, facecolor="#1b3a57")
    fig.text(0.06, 0.80, "TikTok's safety partnerships", color="white", fontsize=46, weight="bold")
    fig.text(0.06, 0.68, "and government pressure: a dated record", color="white", fontsize=34)
    fig.text(
        0.06,
        0.40,
        "Health, anti-bullying, child-safety and sports partnerships,\n"
        "and the government actions around them, from one sourced dataset.",
        color="#dce6f0",
        fontsize=22,
        linespacing=1.5,
    )
    fig.text(0.06, 0.10, "An open, reproducible research book", color="#ffd166", fontsize=20)
    fig.savefig(CARD, facecolor=fig.get_facecolor(), metadata={"Software": None})
    plt.close(fig)


if __name__ == "__main__":
    draw()
