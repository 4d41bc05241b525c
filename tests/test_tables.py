"""The book's tables: words aligned left, numbers marked so they align right, long text as prose."""

from __future__ import annotations

import pandas as pd

from safetybook import tables


def test_cells_are_marked_as_numbers_prose_or_plain_words():
    assert tables.td(12) == '<td class="number">12</td>'
    assert tables.td(4500.0) == '<td class="number">4,500</td>'
    assert tables.td("22%") == '<td class="number">22%</td>'
    assert tables.td("Ireland (IE)") == "<td>Ireland (IE)</td>"
    assert tables.td("2021-01-22") == "<td>2021-01-22</td>"
    assert tables.td("word " * 20).startswith('<td class="prose">')
    assert tables.td("word " * 40).startswith('<td class="prose-long">')
    assert tables.td(None) == "<td></td>"


def test_a_table_marks_its_number_cells_and_escapes_its_text():
    shown = tables.HtmlTable(pd.DataFrame({"Where": ["A & B"], "Share": ["41%"]}))._repr_html_()
    assert "<td>A &amp; B</td>" in shown and '<td class="number">41%</td>' in shown


def test_a_unit_id_links_to_its_address_and_several_are_listed_once_each():
    assert tables.td(tables.unit_link("gov-129")) == (
        '<td><a href="explore.html?unit=gov-129">gov-129</a></td>'
    )
    cell = tables.td(tables.unit_links(["gov-2", "gov-1", "gov-2"]))
    assert cell == (
        '<td><a href="explore.html?unit=gov-1">gov-1</a>, '
        '<a href="explore.html?unit=gov-2">gov-2</a></td>'
    )
    assert tables.td(tables.unit_links([])) == "<td></td>"
