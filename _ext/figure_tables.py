"""Sphinx extension: tables numbered as tables, readable table cells, and figure data with metadata.

- A glued table (`{glue:figure}` whose label contains `-tbl-`) becomes a `glued_table`: a figure
  node that Sphinx numbers in the table sequence ("Table 3"), with its caption above the table.
- A long cell in a Markdown table is marked `prose` (or `prose-long`), so the stylesheet gives it a readable width
  (the library marks long cells of glued tables the same way).
- Every table sits in a frame: its scroll region is focusable and labelled, and above it a visible
  note ("Scroll sideways for more columns") that `_static/table-scroll.js` shows, with an edge shadow
  on the side that hides columns, only while the table is wider than the page; glued tables bring
  their scroll region from the library (`safetybook.tables.HtmlTable`), Markdown tables get theirs
  here, where the theme writes its container.
- Each figure's image links to the image file itself, so a tap or click opens it full size.
- Next to each figure's CSV download link, a link to its `.metadata.json` sidecar (title, columns,
  sources, licence), written beside the CSV by `safetybook.figure_export.write_figure_data`.
"""

from __future__ import annotations

import posixpath
import re
from html import escape

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util.osutil import relative_uri
from sphinx.writers.html5 import HTML5Translator

TABLE_LABEL = re.compile(r"-tbl-")
FIGURE_CSV = re.compile(r"figure-data/(?P<label>[\w-]+)\.csv$")
PROSE_LENGTH = 60
LONG_PROSE_LENGTH = 150
# The visible cue above a table wider than its page (hidden until the page's script finds it so).
SCROLL_HINT = (
    '<p class="table-scroll-hint" hidden aria-hidden="true">'
    "Scroll sideways for more columns <span>→</span></p>\n"
)
THEME_CONTAINER = '<div class="pst-scrollable-table-container">'


class glued_table(nodes.figure):  # noqa: N801 (docutils node classes are lower case)
    """A glued table with a caption, numbered as a table."""


class table_caption(nodes.caption):  # noqa: N801
    """The caption of a glued table: written first, in a figcaption of its own."""


def visit_glued_table(self: HTML5Translator, node: glued_table) -> None:
    node["classes"].append("table-figure")
    HTML5Translator.visit_figure(self, node)


def depart_glued_table(self: HTML5Translator, node: glued_table) -> None:
    # docutils closes <figcaption> when the figure ends, because it expects the caption last;
    # here the caption comes first and closes its own (else the table would sit in the caption).
    self.body.append("</figure>\n")


def visit_table_caption(self: HTML5Translator, node: table_caption) -> None:
    HTML5Translator.visit_caption(self, node)  # <figcaption><p>, "Table N", caption text span


def depart_table_caption(self: HTML5Translator, node: table_caption) -> None:
    self.body.append("</span>")
    self.add_permalink_ref(node.parent, "Link to this table")
    self.body.append("</p>\n</figcaption>\n")


def _table_name(node: nodes.table) -> str:
    """What a Markdown table is about: its own title, else the title of the section it sits in."""
    titles = [c for c in node.children if isinstance(c, nodes.title)]
    if titles:
        return titles[0].astext()
    section = node.parent
    while section is not None and not isinstance(section, nodes.section):
        section = section.parent
    if section is not None and isinstance(section[0], nodes.title):
        return section[0].astext()
    return ""


def visit_table(self: HTML5Translator, node: nodes.table) -> None:
    """The theme's table, in a frame for the scroll cue, its scroll region focusable and labelled
    (pydata-sphinx-theme writes a bare container and makes it focusable only from its script)."""
    type(self).visit_table(self, node)
    at = len(self.body) - 2
    if self.body[at] != THEME_CONTAINER:
        raise RuntimeError(f"the theme's table container changed: {self.body[at]!r}")
    name = _table_name(node)
    label = (
        f"Table: {name} (scrolls sideways on small screens)"
        if name
        else "Table (scrolls sideways on small screens)"
    )
    self.body[at] = (
        f'{SCROLL_HINT}<div class="table-frame">'
        f'<div class="pst-scrollable-table-container" tabindex="0" role="region" aria-label="{escape(label)}">'
    )


def depart_table(self: HTML5Translator, node: nodes.table) -> None:
    type(self).depart_table(self, node)
    self.body.append("</div>\n")  # the frame


def frame_glued_tables(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """A glued table's output (the library's scroll region) becomes its frame, with the cue above."""
    if app.builder.format != "html":
        return
    for table in doctree.findall(glued_table):
        # MyST-NB writes the output as a raw node with classes, rendered as a <div> around it.
        outputs = [r for r in table.findall(nodes.raw) if "text_html" in r.get("classes", [])]
        if len(outputs) != 1:
            raise RuntimeError(f"{docname}: a glued table without one HTML output: {table['ids']}")
        outputs[0]["classes"].append("table-frame")
        parent = outputs[0].parent
        parent.insert(parent.index(outputs[0]), nodes.raw("", SCROLL_HINT, format="html"))


class GluedTables(SphinxTransform):
    """Turn glued table figures into `glued_table` nodes with the caption first."""

    default_priority = 500

    def apply(self, **kwargs) -> None:
        for figure in list(self.document.findall(nodes.figure)):
            if type(figure) is not nodes.figure:
                continue
            if not any(TABLE_LABEL.search(i) for i in figure["ids"] + figure["names"]):
                continue
            table = glued_table(figure.rawsource, **figure.attributes)
            captions = [c for c in figure.children if isinstance(c, nodes.caption)]
            legends = [c for c in figure.children if isinstance(c, nodes.legend)]
            body = [c for c in figure.children if c not in captions + legends]
            for caption in captions[:1]:
                table += table_caption(
                    caption.rawsource, "", *caption.children, **caption.attributes
                )
            table.extend(body)
            figure.replace_self(table)
            # a legend (paragraphs after the caption) follows the table as ordinary text
            parent, at = table.parent, table.parent.index(table)
            for offset, child in enumerate(c for legend in legends for c in legend.children):
                parent.insert(at + 1 + offset, child.deepcopy())
            for ident in table["ids"]:  # references look their target up here
                self.document.ids[ident] = table


class ProseCells(SphinxTransform):
    """Mark long cells of Markdown tables as prose."""

    default_priority = 500

    def apply(self, **kwargs) -> None:
        for entry in self.document.findall(nodes.entry):
            length = len(entry.astext())
            if length > LONG_PROSE_LENGTH:
                entry["classes"].append("prose-long")
            elif length > PROSE_LENGTH:
                entry["classes"].append("prose")


class FigureMetadataLinks(SphinxTransform):
    """Add the metadata sidecar's download link after each figure CSV's."""

    default_priority = 500

    def apply(self, **kwargs) -> None:
        for ref in list(self.document.findall(addnodes.download_reference)):
            match = FIGURE_CSV.search(ref.get("reftarget", ""))
            if not match:
                continue
            target = ref["reftarget"][: -len(".csv")] + ".metadata.json"
            sidecar = addnodes.download_reference(
                "",
                "",
                refdoc=ref.get("refdoc", self.env.docname),
                refdomain=ref.get("refdomain", ""),
                reftype="download",
                refexplicit=True,
                refwarn=False,
                reftarget=target,
            )
            sidecar += nodes.literal(
                "", "its metadata (title, sources, licence)", classes=["xref", "download"]
            )
            parent = ref.parent
            index = parent.index(ref)
            parent.insert(index + 1, nodes.Text(" (CSV) and "))
            parent.insert(index + 2, sidecar)


def link_figure_images(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Wrap each figure's image in a link to the image as copied into the site (`_images/`)."""
    if app.builder.format != "html":
        return
    folder = relative_uri(app.builder.get_target_uri(docname), "_images")
    for image in list(doctree.findall(nodes.image)):
        figure = image.parent
        while figure is not None and not isinstance(figure, nodes.figure):
            figure = figure.parent
        if figure is None or isinstance(figure, glued_table):
            continue
        if isinstance(image.parent, nodes.reference) or image["uri"] not in app.env.images:
            continue
        name = app.env.images[image["uri"]][1]
        link = nodes.reference("", "", internal=True, refuri=posixpath.join(folder, name))
        link["classes"].append("figure-full-size")
        image.replace_self(link)
        link.append(image)


def setup(app: Sphinx) -> dict:
    app.add_enumerable_node(
        glued_table,
        "table",
        lambda node: next(iter(node.findall(nodes.caption)), nodes.caption()).astext(),
        html=(visit_glued_table, depart_glued_table),
    )
    app.add_node(table_caption, html=(visit_table_caption, depart_table_caption))
    app.add_node(nodes.table, override=True, html=(visit_table, depart_table))
    app.add_transform(GluedTables)
    app.add_transform(ProseCells)
    app.add_transform(FigureMetadataLinks)
    app.connect("doctree-resolved", link_figure_images)
    app.connect("doctree-resolved", frame_glued_tables)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
