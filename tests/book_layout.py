"""Where the tests find things: the data fixtures, the built site and the book's table of contents."""

from __future__ import annotations

from pathlib import Path

import yaml

from safetybook import paths

FIXTURES = Path(__file__).parent / "fixtures"
SITE = paths.BUILD_DIR / "html"


def toc_docs() -> list[str]:
    """Every document in the table of contents, root first (e.g. 'chapters/02_health')."""
    toc = yaml.safe_load((paths.ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]


def notebook_docs() -> list[str]:
    """The chapter notebooks in the table of contents."""
    return [doc for doc in toc_docs() if (paths.ROOT / f"{doc}.ipynb").exists()]
