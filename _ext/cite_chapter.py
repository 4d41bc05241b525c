"""Sphinx extension: a "Cite this chapter" block at the end of every chapter, and citation and
OpenGraph meta tags in every page head, generated from CITATION.cff and the chapter's own title."""

from __future__ import annotations

import html
import re
from pathlib import Path

import yaml
from docutils import nodes

CHAPTER = re.compile(r"^chapters/(\d\d)_")


def _citation(app) -> dict:
    return yaml.safe_load((Path(app.confdir) / "CITATION.cff").read_text(encoding="utf-8"))


def _authors(cff: dict) -> list[str]:
    names = []
    for a in cff["authors"]:
        names.append(a["name"] if "name" in a else f"{a['family-names']}, {a['given-names']}")
    return names


def _url(cff: dict, docname: str) -> str:
    return cff["url"].rstrip("/") + "/" + docname + ".html"


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
            f"  edition = {{{cff['version']}}},",
            f"  year = {{{year}}},",
            f"  url = {{{url}}}",
            "}",
        ]
    )
    return text, bib


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
    (top if top is not None else doctree).append(section)


def on_page_context(app, pagename, templatename, context, doctree) -> None:
    info = getattr(app.env, "safetybook_pages", {}).get(pagename)
    if not info:
        return
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
    ]
    context["metatags"] = context.get("metatags", "") + "\n" + "\n".join(tags)


def on_env_merge(app, env, docnames, other) -> None:
    env.safetybook_pages = {
        **getattr(env, "safetybook_pages", {}),
        **getattr(other, "safetybook_pages", {}),
    }


def on_env_purge(app, env, docname) -> None:
    getattr(env, "safetybook_pages", {}).pop(docname, None)


def setup(app):
    app.connect("doctree-read", on_doctree_read)
    app.connect("html-page-context", on_page_context)
    app.connect("env-merge-info", on_env_merge)
    app.connect("env-purge-doc", on_env_purge)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
