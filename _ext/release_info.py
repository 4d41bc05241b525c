"""Sphinx extension: the book's edition on every page, from CITATION.cff and the data.

- the repository address of every button (repository, issues, Binder, Colab) is CITATION.cff's
  `repository-code`, the book's one configured address (`safetybook.release`), whatever
  `_config.yml` says;
- every page's footer gives the version, its release date and the record's collection date
  (`collection_date` in data/datapackage.json), beside the page's "Last updated" date (from git,
  by cite_chapter);
- a download link to the dataset archive (`downloads/tiktok-safety-dataset.zip`, the name without
  a version) points at the archive `make data` writes, whose name carries the version (or
  `-unreleased` between releases);
- the built site keeps a copy of the archive under the unversioned name (`downloads/` at its root),
  so a notebook whose release is not yet published can still fetch the book's dataset;
- the page's download button offers the whole book's PDF (`book.pdf`, written by `make pdf`)
  instead of printing the one page;
- the `repository` role links a page to the repository or a path in it without spelling its
  address: {repository}`changelog <blob/main/CHANGELOG.md>`, {repository}`repository <>`.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path, PurePosixPath

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import split_explicit_title

from safetybook import release
from safetybook.dataset import collection_date
from safetybook.formatting import long_date

BOOK_PDF = "book.pdf"


def edition(app: Sphinx) -> release.Edition:
    return release.edition(Path(app.confdir))


def footer(app: Sphinx) -> str:
    """The edition line of every page's footer (HTML)."""
    ed = edition(app)
    collected = collection_date(Path(app.confdir) / "data").date()
    return (
        f'<p class="book-edition">Version <span class="book-version">{html.escape(ed.version)}</span>,'
        f' released <time class="book-released" datetime="{ed.released.isoformat()}">'
        f"{long_date(ed.released)}</time>."
        f' The record is collected to <time class="collection-date"'
        f' datetime="{collected.isoformat()}">{long_date(collected)}</time>.</p>'
    )


def on_config_inited(app: Sphinx, config) -> None:
    ed = edition(app)
    options = dict(config.html_theme_options or {})
    options.update(repository_url=ed.repository, use_repository_button=True, use_issues_button=True)
    licence = options.get("extra_footer", "")
    options["extra_footer"] = footer(app) + (f"<p>{licence}</p>" if licence else "")
    config.html_theme_options = options


class VersionedArchive(SphinxTransform):
    """A download link to the archive's unversioned name points at the archive `make data` wrote."""

    default_priority = 400

    def apply(self, **kwargs) -> None:
        archive = release.dataset_archive(Path(self.app.confdir)).name
        unversioned = f"{release.ARCHIVE_STEM}.zip"
        for ref in self.document.findall(addnodes.download_reference):
            target = PurePosixPath(ref.get("reftarget", ""))
            if target.name != unversioned:
                continue
            ref["reftarget"] = str(target.with_name(archive))
            for text in list(ref.findall(nodes.Text)):
                if str(text) == unversioned:
                    text.parent.replace(text, nodes.Text(archive))


def whole_book_pdf(app, pagename, templatename, context, doctree) -> None:
    """The download group's ".pdf" entry downloads the book's PDF (after the theme adds it)."""
    for group in context.get("header_buttons", []):
        for button in group.get("buttons", []):
            if button.get("label") == "download-pdf-button":
                button.clear()
                button.update(
                    type="link",
                    url=context["pathto"](BOOK_PDF, 1),
                    text="Whole book .pdf",
                    tooltip="Download the whole book as one PDF",
                    icon="fas fa-file-pdf",
                    label="download-pdf-button",
                )


def keep_a_stable_copy(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    archive = release.dataset_archive(Path(app.confdir))
    target = Path(app.outdir) / release.SITE_DATASET
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(archive, target)


def repository_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """`{repository}`title <path>``: a link to the path in the book's repository."""
    env = inliner.document.settings.env
    _, title, path = split_explicit_title(text)
    url = edition(env.app).repository + (f"/{path}" if path else "")
    return [nodes.reference(rawtext, title, refuri=url)], []


def setup(app: Sphinx) -> dict:
    app.add_role("repository", repository_role)
    app.connect("config-inited", on_config_inited)
    app.add_transform(VersionedArchive)
    app.connect("html-page-context", whole_book_pdf, priority=600)
    app.connect("build-finished", keep_a_stable_copy)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
