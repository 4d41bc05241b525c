"""Sphinx extension: the book's bibliography style, author-year throughout.

In-text citations are author-year (`bibtex_reference_style: author_year`); this pybtex style gives the
reference list the same labels ("Aliogo 2020", "World Health Organization n.d.b") and prints full
dates ("11 October 2020", never "10 2020"). The letters after a year come from `make data`
(`safetybook_pipeline.bibliography.year_labels`), so a citation and its list entry always agree.
"""

from __future__ import annotations

from pybtex.plugin import register_plugin
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.unsrt import Style as Unsrt
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.template import field, optional, optional_field, sentence, words
from sphinx.application import Sphinx

date = words[optional_field("day"), optional_field("month"), field("year")]


class AuthorYearLabels(BaseLabelStyle):
    """The label `make data` wrote for each entry (`citelabel`: "Keenan n.d.b"), so the list and the
    in-text citations name a source the same way."""

    def format_labels(self, sorted_entries):
        for entry in sorted_entries:
            yield entry.fields["citelabel"]


class BookStyle(Unsrt):
    """pybtex's unsrt style with author-year labels, sorted by author, and full dates."""

    default_label_style = "safetybook-author-year"
    default_sorting_style = "author_year_title"

    def get_misc_template(self, e):
        return toplevel[
            optional[sentence[self.format_names("author")]],
            optional[self.format_title(e, "title")],
            sentence[optional[field("howpublished")], optional[date]],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]


def setup(app: Sphinx) -> dict:
    register_plugin("pybtex.style.labels", "safetybook-author-year", AuthorYearLabels)
    register_plugin("pybtex.style.formatting", "safetybook", BookStyle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
