"""Tables as the book shows them: plain, accessible HTML, with sources as links."""

from __future__ import annotations

import html
import re

import pandas as pd

from safetybook.formatting import fmt_number, publication_date
from safetybook.load import sources


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


EXPLORER = "explore.html"  # the "Explore the record" page, beside the chapters


def unit_address(unit_id: str) -> str:
    """The stable address of one unit: the explorer opened on it, with its steps and sources
    (relative to a chapter's page, so it works on the site, offline and from a file)."""
    return f"{EXPLORER}?unit={unit_id}"


def unit_link(unit_id: str) -> Link:
    """A unit's id as a table cell linking to its address, so a reader can open and cite it."""
    return Link(str(unit_id), unit_address(str(unit_id)))


class Links(tuple):
    """A table cell of several links, shown one after another, separated by commas."""

    def __str__(self) -> str:
        return ", ".join(str(link) for link in self)


def unit_links(unit_ids) -> Links:
    """Several units' ids, each a link to its address (an empty cell when there are none)."""
    return Links(unit_link(u) for u in sorted(set(map(str, unit_ids))))


class HtmlTable:
    """A DataFrame shown as a plain, accessible HTML table (column headers with scope, no presentational attributes)."""

    def __init__(self, frame: pd.DataFrame, label: str = "Table"):
        self.frame = frame.reset_index(drop=True)
        self.label = label

    def _repr_html_(self) -> str:
        head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in self.frame.columns)
        body = "".join(
            "<tr>" + "".join(td(v) for v in row) + "</tr>"
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
LONG_PROSE_LENGTH = 150  # as _ext/figure_tables.py marks Markdown tables' cells


NUMBER = re.compile(r"[-\u2212]?[\d,]+(\.\d+)?%?")


def td(value) -> str:
    """One cell; long text is marked as prose, so the stylesheet gives it a readable width and
    aligns it left, and a number (12, 4,500, 22%) is marked as one, so it aligns right."""
    text = _cell(value)
    kind = (
        "prose-long"
        if len(text) > LONG_PROSE_LENGTH
        else "prose"
        if len(text) > PROSE_LENGTH
        else "number"
        if NUMBER.fullmatch(text)
        else ""
    )
    attribute = f' class="{kind}"' if kind else ""
    return f"<td{attribute}>{_html_cell(value)}</td>"


def _html_cell(value) -> str:
    if isinstance(value, Links):
        return ", ".join(_html_cell(link) for link in value)
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
