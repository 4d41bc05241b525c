"""What notebooks use to say things: glued text, glued figures with their data, accessible tables.

Everything is glued without being displayed, so the book shows it once, where the prose places it.
A reader who runs a notebook (JupyterLab, Binder, Colab) sees the prose's MyST roles, not the glued
values, so there every number, table and figure is also displayed below its cell. The book's own
runs (`make execute`, nbval in `make test`) set SAFETYBOOK_BUILD=1 and only glue.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from safetybook import paths
from safetybook.load import sources


def fmt_number(value: float, decimals: int = 0) -> str:
    """A number with thousands separators, e.g. 1,234,567 or 12.5."""
    return f"{value:,.{decimals}f}"


class Text(str):
    """A glued phrase: its text/plain form is its quoted repr (for `{glue:text}`), and it also
    carries a Markdown form, so another page can paste it with `{glue}` `chapter.ipynb::name`."""

    def _repr_markdown_(self) -> str:
        return str(self)


BUILD_VARIABLE = "SAFETYBOOK_BUILD"


def interactive() -> bool:
    """True when a reader runs the notebook; false in the book's own runs, which set SAFETYBOOK_BUILD."""
    return not os.environ.get(BUILD_VARIABLE)


def _show(value) -> None:
    """Display a glued value in a reader's run (the book shows it through its glue role instead)."""
    if interactive():
        from IPython.display import display

        display(value)


def say(name: str, value, decimals: int = 0) -> None:
    """Glue a number (formatted) or a string under `name` for use in prose.

    The value is glued as a plain `str`, whose text/plain form is its quoted repr: MyST-NB's
    `{glue:text}` reads that form with `ast.literal_eval`, so "10,000" comes back as "10,000".
    An unquoted "10,000" would be read as the tuple (10, 0) and shown as "(10, 0)".
    """
    from myst_nb import glue

    text = str(value) if isinstance(value, str) else fmt_number(float(value), decimals)
    glue(name, Text(text), display=False)
    if interactive():
        from IPython.display import Markdown

        _show(Markdown(f"`{name}`: {text}"))


def fmt_p(p_value: float) -> str:
    """A p-value to two digits ("0.32"); below 0.01, "below 0.01"."""
    return "below 0.01" if p_value < 0.01 else f"{p_value:.2f}"


def long_date(day: pd.Timestamp) -> str:
    """'9 June 2021'."""
    return f"{day.day} {day:%B %Y}"


def publication_date(row: pd.Series) -> str:
    """A source's publication date as a citer reads it: '9 June 2021', 'June 2021' (the document
    or its address shows only the month) or 'undated'."""
    if pd.isna(row["published"]):
        return "undated"
    if row["published_precision"] == "month":
        return f"{row['published']:%B %Y}"
    return long_date(row["published"])


def shown_date(day: pd.Timestamp, precision: str) -> str:
    """A date at the precision the sources give: '2021-06-09', '2021-06' or '2021'."""
    if pd.isna(day):
        return ""
    return {"year": f"{day:%Y}", "month": f"{day:%Y-%m}"}.get(precision, f"{day:%Y-%m-%d}")


class Link(str):
    """A table cell shown as a link: its text, pointing at `url`."""

    def __new__(cls, text: str, url: str):
        cell = super().__new__(cls, text)
        cell.url = url
        return cell


def source_link(source_id: str) -> Link:
    """A source as a reader cites it: publisher, date and kind, linked to the document."""
    from safetybook.labels import SOURCE_KIND

    row = sources().set_index("source_id").loc[source_id]
    date = publication_date(row)
    url = "" if pd.isna(row["url"]) else str(row["url"])
    return Link(f"{row['publisher']}, {date} ({SOURCE_KIND[row['kind']]})", url)


class HtmlTable:
    """A DataFrame shown as a plain, accessible HTML table (column headers with scope, no presentational attributes)."""

    def __init__(self, frame: pd.DataFrame, label: str = "Table"):
        self.frame = frame.reset_index(drop=True)
        self.label = label

    def _repr_html_(self) -> str:
        head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in self.frame.columns)
        body = "".join(
            "<tr>" + "".join(_td(v) for v in row) + "</tr>"
            for row in self.frame.itertuples(index=False)
        )
        table = (
            f'<table class="table safetybook-table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>"
        )
        label = html.escape(self.label)
        return (
            f'<div class="safetybook-table-wrap" tabindex="0" role="region" aria-label="{label}">'
            f"{table}</div>"
        )

    def __repr__(self) -> str:
        return self.frame.to_string(index=False)


PROSE_LENGTH = 60


NUMBER = re.compile(r"[-\u2212]?[\d,]+(\.\d+)?%?")


def _td(value) -> str:
    """One cell; long text is marked as prose, so the stylesheet gives it a readable width and
    aligns it left, and a number (12, 4,500, 22%) is marked as one, so it aligns right."""
    text = _cell(value)
    kind = "prose" if len(text) > PROSE_LENGTH else "number" if NUMBER.fullmatch(text) else ""
    attribute = f' class="{kind}"' if kind else ""
    return f"<td{attribute}>{_html_cell(value)}</td>"


def _html_cell(value) -> str:
    text = html.escape(_cell(value))
    url = getattr(value, "url", "")
    return f'<a href="{html.escape(url)}">{text}</a>' if url else text


def _cell(value) -> str:
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if (
        value is None
        or (isinstance(value, float) and value != value)
        or value is pd.NA
        or value is pd.NaT
    ):
        return ""
    if isinstance(value, float):
        return fmt_number(value, 0 if value.is_integer() else 1)
    return str(value)


def show_table(name: str, frame: pd.DataFrame) -> None:
    """Glue a table for a `{glue:figure}` with a caption and label."""
    from myst_nb import glue

    table = HtmlTable(frame, label="Table (scrolls sideways on small screens)")
    glue(name, table, display=False)
    _show(table)


def figure_data_path(label: str) -> Path:
    return paths.figure_data_dir() / f"{label}.csv"


BOOK_TITLE = "TikTok's safety partnerships and government pressure: a dated record"
LICENCE = {"name": "CC-BY-4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}


def figure_title(fig) -> str:
    """The takeaway a figure states: its suptitle, else its first axes' title."""
    suptitle = getattr(fig, "_suptitle", None)
    if suptitle is not None and suptitle.get_text():
        return suptitle.get_text()
    titles = (ax.get_title(loc) for ax in fig.axes for loc in ("left", "center", "right"))
    return next((t for t in titles if t), "")


def smallest_text_pt(fig) -> float | None:
    """The size in points of the smallest visible text in a figure (ticks, labels, legend, notes)."""
    from matplotlib.text import Text as MplText

    sizes = [
        t.get_fontsize() for t in fig.findobj(MplText) if t.get_visible() and t.get_text().strip()
    ]
    return min(sizes) if sizes else None


def figure_metadata(label: str, title: str, data: pd.DataFrame, keys: list[str], fig=None) -> dict:
    """What a reader needs to reuse a figure's CSV: title, columns, sources and licence."""
    table = sources().set_index("source_id")
    cited = []
    for key in keys:
        row = table.loc[key]
        cited.append(
            {
                "id": key,
                "publisher": str(row["publisher"]),
                "published": None
                if pd.isna(row["published"])
                else shown_date(row["published"], row["published_precision"]),
                "kind": str(row["kind"]),
                "url": None if pd.isna(row["url"]) else str(row["url"]),
            }
        )
    return {
        "figure": label,
        "title": title,
        "book": BOOK_TITLE,
        "data": f"{label}.csv",
        "rows": len(data),
        "columns": [{"name": str(c), "type": str(t)} for c, t in data.dtypes.items()],
        "licence": LICENCE,
        "sources": cited,
        "smallest_text_pt": None if fig is None else smallest_text_pt(fig),
        "dpi": None if fig is None else float(plt.rcParams["savefig.dpi"]),
    }


def _write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def write_figure_data(
    label: str, data: pd.DataFrame, source_ids, title: str = "", fig=None
) -> Path:
    """Write exactly the data a figure plots as a plain CSV (header row first, no comments), and
    beside it `<label>.metadata.json` with its title, columns, sources and licence."""
    keys = sorted(set(str(s) for s in source_ids))
    known = set(sources()["source_id"])
    unknown = [k for k in keys if k not in known]
    if unknown:
        raise KeyError(f"figure {label}: unknown source ids {unknown}")
    path = figure_data_path(label)
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_if_changed(path, data.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d"))
    metadata = figure_metadata(label, title, data, keys, fig)
    _write_if_changed(
        path.with_suffix(".metadata.json"),
        json.dumps(metadata, indent=2, ensure_ascii=False) + "\n",
    )
    return path


def _titles(fig) -> list:
    """The figure's title and every axes title (centre, left and right)."""
    found = [fig._suptitle] if fig._suptitle is not None else []
    for ax in fig.axes:
        found += [ax.title, ax._left_title, ax._right_title]
    return [t for t in found if t.get_text()]


PHONE_COLUMN_PX = 340
"""Text column of a phone screen 390 px wide (343 px measured), where a figure is shown whole."""
MIN_TEXT_PX = 9
"""Smallest text a reader should meet in a figure, in CSS pixels."""


def fit_to_phone(fig, label: str) -> None:
    """Narrow the figure until, saved with its labels and legends, it is at most as wide as keeps its
    smallest text at MIN_TEXT_PX on a phone; fail, naming the figure, when its text alone is wider."""
    limit = smallest_text_pt(fig) / 72 * PHONE_COLUMN_PX / MIN_TEXT_PX
    pad = 2 * plt.rcParams["savefig.pad_inches"]
    for _ in range(12):
        fig.canvas.draw()
        width = fig.get_tightbbox().width + pad
        if width <= limit:
            return
        figure_width, height = fig.get_size_inches()
        narrower = figure_width - 1.5 * (width - limit) - 0.05
        if narrower < 2.5:
            break
        fig.set_size_inches(narrower, height)
    raise ValueError(
        f"{label}: {width:.2f} in wide with its labels; at most {limit:.2f} in keeps its smallest "
        f"text at {MIN_TEXT_PX} px on a phone: use fewer legend columns or wrap long labels"
    )


def publish(fig, label: str, data: pd.DataFrame, source_ids) -> None:
    """Glue a figure under its label, write the data behind it, and close it so it is shown once.
    The figure is first narrowed, if need be, to be legible whole on a phone."""
    from myst_nb import glue

    for text in _titles(fig):
        text.set_wrap(True)  # a long title wraps within the figure instead of widening it
    fit_to_phone(fig, label)
    write_figure_data(label, data, source_ids, title=figure_title(fig), fig=fig)
    glue(label, fig, display=False)
    _show(fig)
    plt.close(fig)
