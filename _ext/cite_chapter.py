"""Sphinx extension: citations generated from CITATION.cff, and page metadata.

- a "Cite this chapter" block at the end of every chapter (text and BibTeX);
- the `book-citation` directive: the book's or the dataset's citation as text, BibTeX, RIS and
  CSL-JSON (the How to cite page);
- citation and OpenGraph meta tags in every page head, with the page's first figure (or the book's
  card) as its social image;
- "Last changed" per page: the date of the last commit that changed the page's source file, and
  nothing when the source has no commit (an exported tree).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess
from functools import cache
from pathlib import Path

import yaml
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from safetybook import release
from safetybook.formatting import long_date

CHAPTER = re.compile(r"^chapters/(\d\d)_")


def _citation(app) -> dict:
    return yaml.safe_load((Path(app.confdir) / "CITATION.cff").read_text(encoding="utf-8"))


def _edition(cff: dict) -> release.Edition:
    """Version, date and addresses from the citation (their one definition, safetybook.release)."""
    return release.Edition(
        version=str(cff["version"]),
        released=dt.date.fromisoformat(str(cff["date-released"])),
        repository=cff["repository-code"],
    )


def _authors(cff: dict) -> list[str]:
    names = []
    for a in cff["authors"]:
        names.append(a["name"] if "name" in a else f"{a['family-names']}, {a['given-names']}")
    return names


def _url(cff: dict, docname: str) -> str:
    return _edition(cff).page(docname)


def chapter_reference(cff: dict, title: str, docname: str) -> tuple[str, str]:
    """The formatted reference and the BibTeX entry for one chapter."""
    year = str(cff["date-released"])[:4]
    authors = _authors(cff)
    url = _url(cff, docname)
    text = f"{' and '.join(authors)} ({year}). {title}. In: {cff['title']}, version {cff['version']}. {url}"
    key = (
        "tiktoksafety"
        + year
        + re.sub(r"[^a-z]", "", docname.split("/")[-1].split("_", 1)[-1].lower())
    )
    bib = "\n".join(
        [
            f"@incollection{{{key},",
            f"  author = {{{{{' and '.join(authors)}}}}},",
            f"  title = {{{{{title}}}}},",
            f"  booktitle = {{{{{cff['title']}}}}},",
            f"  version = {{{cff['version']}}},",
            f"  year = {{{year}}},",
            f"  url = {{{url}}}",
            "}",
        ]
    )
    return text, bib


def _released(cff: dict) -> tuple[int, int, int]:
    year, month, day = (int(x) for x in str(cff["date-released"]).split("-"))
    return year, month, day


def work_citation(cff: dict, what: str) -> dict[str, str]:
    """The book's or the dataset's citation in four formats: text, BibTeX, RIS and CSL-JSON."""
    year, month, day = _released(cff)
    authors = _authors(cff)
    version = cff["version"]
    edition = _edition(cff)
    if what == "book":
        title, url, key = cff["title"], edition.site, f"tiktoksafety{year}book"
        bib_type, ris_type, csl_type = "book", "BOOK", "book"
    else:
        title = f"{cff['title']}: dataset"
        url = edition.asset_url
        key, bib_type, ris_type, csl_type = f"tiktoksafety{year}data", "misc", "DATA", "dataset"
    text = f"{' and '.join(authors)} ({year}). {title}. Version {version}. {url}"
    bib = "\n".join(
        [
            f"@{bib_type}{{{key},",
            f"  author = {{{{{' and '.join(authors)}}}}},",
            f"  title = {{{{{title}}}}},",
            f"  version = {{{version}}},",
            f"  year = {{{year}}},",
            f"  date = {{{year:04d}-{month:02d}-{day:02d}}},",
            f"  url = {{{url}}}",
            "}",
        ]
    )
    ris = "\n".join(
        [f"TY  - {ris_type}"]
        + [f"AU  - {a}" for a in authors]
        + [
            f"TI  - {title}",
            f"PY  - {year}",
            f"DA  - {year:04d}/{month:02d}/{day:02d}",
            f"ET  - {version}",
            f"UR  - {url}",
            "ER  - ",
        ]
    )
    csl = json.dumps(
        [
            {
                "id": key,
                "type": csl_type,
                "title": title,
                "author": [{"literal": a} for a in authors],
                "issued": {"date-parts": [[year, month, day]]},
                "version": version,
                "URL": url,
            }
        ],
        indent=2,
        ensure_ascii=False,
    )
    return {"text": text, "bibtex": bib, "ris": ris, "csl-json": csl}


class BookCitation(SphinxDirective):
    """`{book-citation} book` or `{book-citation} dataset`: the citation in every format."""

    required_arguments = 1
    option_spec = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        what = self.arguments[0]
        if what not in ("book", "dataset"):
            raise self.error(f"book-citation: expected 'book' or 'dataset', got {what!r}")
        cff_path = Path(self.env.app.confdir) / "CITATION.cff"
        self.env.note_dependency(str(cff_path))
        formats = work_citation(yaml.safe_load(cff_path.read_text(encoding="utf-8")), what)
        out: list[nodes.Node] = [nodes.paragraph(text=formats["text"])]
        for name, language in (("BibTeX", "bibtex"), ("RIS", "text"), ("CSL-JSON", "json")):
            out.append(nodes.rubric(text=name))
            key = name.lower() if name != "CSL-JSON" else "csl-json"
            out.append(nodes.literal_block(formats[key], formats[key], language=language))
        return out


def _title(doctree) -> str:
    section = next(iter(doctree.findall(nodes.section)), None)
    return section[0].astext() if section is not None else ""


def on_doctree_read(app, doctree) -> None:
    docname = app.env.docname
    title = _title(doctree)
    first = next((p.astext() for p in doctree.findall(nodes.paragraph)), "")
    store = getattr(app.env, "safetybook_pages", {})
    store[docname] = {"title": title, "summary": first[:300]}
    app.env.safetybook_pages = store
    if not CHAPTER.match(docname):
        return
    app.env.note_dependency(str(Path(app.confdir) / "CITATION.cff"))
    text, bib = chapter_reference(_citation(app), title, docname)
    section = nodes.section(
        ids=[f"cite-this-chapter-{docname.split('/')[-1].replace('_', '-')}"],
        names=["cite this chapter"],
    )
    section += nodes.title(text="Cite this chapter")
    section += nodes.paragraph(text=text)
    section += nodes.literal_block(bib, bib, language="bibtex")
    top = next(iter(doctree.findall(nodes.section)), None)
    parent = top if top is not None else doctree
    # The root document lists the chapters (a toctree): its citation goes before that list, so the
    # single-page build (the PDF) prints it with the introduction, not after the last chapter.
    toc = next((i for i, child in enumerate(parent.children) if _holds_toctree(child)), len(parent))
    parent.insert(toc, section)


def _holds_toctree(node) -> bool:
    return isinstance(node, addnodes.toctree) or any(node.findall(addnodes.toctree))


@cache
def last_changed(path: str) -> str | None:
    """The date of the last commit that changed `path` ("22 November 2026"), or None."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", path],
            cwd=Path(path).parent,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    stamp = result.stdout.strip()
    if result.returncode != 0 or not stamp:
        return None
    return long_date(dt.date.fromisoformat(stamp))


SOCIAL_CARD = "_static/social-card.png"


def social_image(app, doctree) -> str:
    """The page's first figure as copied into the site, else the book's card."""
    if doctree is not None:
        for image in doctree.findall(nodes.image):
            name = app.builder.images.get(image.get("uri", ""))
            if name:
                return f"{app.builder.imagedir}/{name}"
    return SOCIAL_CARD


def on_page_context(app, pagename, templatename, context, doctree) -> None:
    info = getattr(app.env, "safetybook_pages", {}).get(pagename)
    context["last_updated"] = None
    if not info:
        return
    changed = last_changed(str(app.env.doc2path(pagename)))
    if changed:
        context["last_updated"] = changed
    cff = _citation(app)
    esc = lambda s: html.escape(str(s), quote=True)  # noqa: E731
    tags = [
        f'<meta name="citation_title" content="{esc(info["title"])}">',
        *[f'<meta name="citation_author" content="{esc(a)}">' for a in _authors(cff)],
        f'<meta name="citation_inbook_title" content="{esc(cff["title"])}">',
        f'<meta name="citation_publication_date" content="{esc(str(cff["date-released"]).replace("-", "/"))}">',
        f'<meta name="citation_public_url" content="{esc(_url(cff, pagename))}">',
        f'<meta name="citation_version" content="{esc(cff["version"])}">',
        f'<meta property="og:title" content="{esc(info["title"])}">',
        f'<meta property="og:description" content="{esc(info["summary"])}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:url" content="{esc(_url(cff, pagename))}">',
        f'<meta property="og:site_name" content="{esc(cff["title"])}">',
        f'<meta name="description" content="{esc(info["summary"])}">',
        f'<meta property="og:image" content="{esc(_edition(cff).site + social_image(app, doctree))}">',
        f'<meta property="og:image:alt" content="{esc(_image_alt(doctree) or cff["title"])}">',
        '<meta name="twitter:card" content="summary_large_image">',
    ]
    context["metatags"] = context.get("metatags", "") + "\n" + "\n".join(tags)


def _image_alt(doctree) -> str:
    image = next(iter(doctree.findall(nodes.image)), None) if doctree is not None else None
    return image.get("alt", "") if image is not None else ""


def on_env_merge(app, env, docnames, other) -> None:
    env.safetybook_pages = {
        **getattr(env, "safetybook_pages", {}),
        **getattr(other, "safetybook_pages", {}),
    }


def on_env_purge(app, env, docname) -> None:
    getattr(env, "safetybook_pages", {}).pop(docname, None)


def setup(app):
    app.add_directive("book-citation", BookCitation)
    app.connect("doctree-read", on_doctree_read)
    app.connect("html-page-context", on_page_context)
    app.connect("env-merge-info", on_env_merge)
    app.connect("env-purge-doc", on_env_purge)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
