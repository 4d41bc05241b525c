"""Figures fit a phone's text column with legible text: phone_fit.fit_to_phone narrows or refuses."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from safetybook import phone_fit, style


def _saved_width(fig) -> float:
    fig.canvas.draw()
    return fig.get_tightbbox().width + 2 * plt.rcParams["savefig.pad_inches"]


def _limit(fig) -> float:
    return phone_fit.smallest_text_pt(fig) / 72 * phone_fit.PHONE_COLUMN_PX / phone_fit.MIN_TEXT_PX


def test_a_wide_figure_is_narrowed_until_its_smallest_text_is_legible_on_a_phone():
    style.use()
    fig, ax = plt.subplots(figsize=(9.0, 4.0))
    ax.plot([0, 1], [0, 1], label="a series")
    ax.set_yticks([0, 1], ["A category label", "Another one"])
    ax.legend()
    assert _saved_width(fig) > _limit(fig), (
        "the figure must start too wide for the check to mean anything"
    )
    phone_fit.fit_to_phone(fig, "test-fig")
    assert _saved_width(fig) <= _limit(fig) + 1e-6
    plt.close(fig)


def test_a_figure_whose_labels_alone_are_too_wide_is_refused_by_name():
    style.use()
    fig, ax = plt.subplots()
    ax.set_yticks([0], ["a label far too long to fit any phone screen at a legible size " * 2])
    with pytest.raises(ValueError, match="test-fig-too-wide"):
        phone_fit.fit_to_phone(fig, "test-fig-too-wide")
    plt.close(fig)


def test_crowded_year_labels_are_thinned_until_none_overlaps():
    style.use()
    fig, ax = plt.subplots(figsize=(2.5, 2.0))
    years = list(range(2010, 2027))
    ax.bar(years, [1] * len(years))
    ax.set_xticks(years, [str(y) for y in years])
    assert phone_fit.overlapping_labels(fig), (
        "the labels must start crowded for the check to mean anything"
    )
    phone_fit.thin_crowded_numbers(fig)
    assert not phone_fit.overlapping_labels(fig)
    shown = [t.get_text() for t in ax.get_xticklabels() if t.get_visible()]
    assert shown[0] == "2010" and 2 <= len(shown) < len(years)
    phone_fit.check_labels(fig, "test-fig-years")  # passes once thinned
    plt.close(fig)


def test_overlapping_category_labels_are_refused_by_name_never_hidden():
    style.use()
    fig, ax = plt.subplots(figsize=(3.0, 1.2))
    names = [f"A long category name number {i}" for i in range(8)]
    ax.barh(range(8), [1] * 8)
    ax.set_yticks(range(8), names)
    phone_fit.thin_crowded_numbers(fig)
    assert all(t.get_visible() for t in ax.get_yticklabels()), "category labels are never hidden"
    with pytest.raises(ValueError, match="test-fig-rows: .* overlap"):
        phone_fit.check_labels(fig, "test-fig-rows")
    plt.close(fig)


@pytest.mark.parametrize(
    "draw",
    [
        lambda ax: ax.bar([0, 1, 2], [1.0, 0.95, 0.9], label="tall bars"),
        lambda ax: ax.plot([0, 2], [1.0, 0.98], label="a line along the top"),
        lambda ax: ax.plot([0.05, 1, 2], [0.97, 0.2, 0.1], "o", label="a point under it"),
        lambda ax: ax.scatter([0.05, 2], [0.97, 0.1], label="scattered"),
    ],
    ids=["bars", "line", "markers", "scatter"],
)
def test_a_legend_over_a_mark_is_refused_by_name(draw):
    style.use()
    fig, ax = plt.subplots()
    draw(ax)
    ax.set_ylim(0, 1.05)
    ax.legend(loc="upper left")
    assert phone_fit.legends_over_marks(fig)
    with pytest.raises(ValueError, match="test-fig-legend: .* under a legend"):
        phone_fit.check_labels(fig, "test-fig-legend")
    plt.close(fig)


def test_a_legend_in_empty_space_or_below_the_axes_passes():
    from safetybook import figures

    style.use()
    fig, ax = plt.subplots()
    ax.bar([0, 1, 2], [0.3, 0.2, 0.1], label="low bars")
    ax.plot([0, 2], [0.05, 0.25], "o", label="low points")
    ax.axvspan(0, 1, color=style.PALETTE[0], alpha=0.2)  # a background span is no mark
    ax.set_ylim(0, 1.05)
    ax.legend(loc="upper right")
    assert phone_fit.legends_over_marks(fig) == []
    ax.set_ylim(0, 0.32)  # now the first bar reaches the legend: put it below the axes
    ax.legend(loc="upper left")
    assert phone_fit.legends_over_marks(fig)
    figures.legend_below(ax)
    assert phone_fit.legends_over_marks(fig) == []
    phone_fit.check_labels(fig, "test-fig-legend-below")
    plt.close(fig)
