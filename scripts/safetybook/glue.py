"""What notebooks use to say things: glued numbers and phrases, tables and figures.

The book's own runs (`make execute`, nbval in `make test`) set SAFETYBOOK_BUILD=1: there every
value is glued for MyST-NB without being displayed, so the book shows it once, where the prose
places it. A reader who runs a notebook (JupyterLab, Binder, Colab) has no MyST-NB (it is the book
build's extra, not a runtime dependency) and sees the prose's roles, not the glued values: there
every number, table and figure is displayed below its cell instead, and nothing is glued.
"""

from __future__ import annotations

import os

import matplotlib.pyplot as plt
import pandas as pd

from safetybook.figure_export import figure_title, write_figure_data
from safetybook.formatting import fmt_number
from safetybook.phone_fit import check_labels, fit_to_phone, thin_crowded_numbers, titles
from safetybook.tables import HtmlTable

BUILD_VARIABLE = "SAFETYBOOK_BUILD"


class Text(str):
    """A glued phrase: its text/plain form is its quoted repr (for `{glue:text}`), and it also
    carries a Markdown form, so another page can paste it with `{glue}` `chapter.ipynb::name`."""

    def _repr_markdown_(self) -> str:
        return str(self)


def interactive() -> bool:
    """True when a reader runs the notebook; false in the book's own runs, which set SAFETYBOOK_BUILD."""
    return not os.environ.get(BUILD_VARIABLE)


def _glue_or_show(name: str, value, shown=None) -> None:
    """In the book's runs, glue `value` under `name` (MyST-NB, not displayed); in a reader's run,
    display `shown` (or the value) below the cell."""
    if interactive():
        from IPython.display import display

        display(value if shown is None else shown)
        return
    from myst_nb import glue  # the book build's extra (pyproject.toml: book)

    glue(name, value, display=False)


def say(name: str, value, decimals: int = 0) -> None:
    """Glue a number (formatted) or a string under `name` for use in prose.

    The value is glued as a plain `str`, whose text/plain form is its quoted repr: MyST-NB's
    `{glue:text}` reads that form with `ast.literal_eval`, so "10,000" comes back as "10,000".
    An unquoted "10,000" would be read as the tuple (10, 0) and shown as "(10, 0)".
    """
    text = str(value) if isinstance(value, str) else fmt_number(float(value), decimals)
    shown = None
    if interactive():
        from IPython.display import Markdown

        shown = Markdown(f"`{name}`: {text}")
    _glue_or_show(name, Text(text), shown)


def show_table(name: str, frame: pd.DataFrame) -> None:
    """Glue a table for a `{glue:figure}` with a caption and label."""
    _glue_or_show(name, HtmlTable(frame, label="Table (scrolls sideways on small screens)"))


def fit_for_reading(fig, label: str) -> None:
    """Make a figure legible whole on a phone: titles wrap, the figure is narrowed if need be,
    crowded number labels are thinned, and overlapping labels or a legend over a mark fail, naming
    the figure."""
    for text in titles(fig):
        text.set_wrap(True)  # a long title wraps within the figure instead of widening it
    fit_to_phone(fig, label)
    thin_crowded_numbers(fig)
    check_labels(fig, label)


def publish(fig, label: str, data: pd.DataFrame, source_ids) -> None:
    """Glue a figure under its label, write the data behind it, and close it so it is shown once.
    The figure is first made legible whole on a phone (`fit_for_reading`)."""
    fit_for_reading(fig, label)
    write_figure_data(label, data, source_ids, title=figure_title(fig), fig=fig)
    _glue_or_show(label, fig)
    plt.close(fig)
