"""The data behind each figure: a plain CSV and a `.metadata.json` sidecar (title, columns,
sources, licence, smallest text), written to chapters/figure-data in a clone."""

from __future__ import annotations

import json
import re
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from safetybook import figure_drawn, paths
from safetybook.formatting import shown_date
from safetybook.load import sources
from safetybook.phone_fit import smallest_text_pt

LICENCE = {"name": "CC-BY-4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}


def book_title() -> str | None:
    """The book's title, from CITATION.cff (its one definition); None outside a clone."""
    if not paths.CITATION_FILE.exists():
        return None
    text = paths.CITATION_FILE.read_text(encoding="utf-8")
    found = re.search(r'^title:\s*"(.+)"\s*$', text, flags=re.M)
    if not found:
        raise ValueError(f"{paths.CITATION_FILE}: no quoted title line")
    return found.group(1)


def figure_data_path(label: str) -> Path:
    return paths.figure_data_dir() / f"{label}.csv"


def figure_title(fig) -> str:
    """The takeaway a figure states: its suptitle, else its first axes' title."""
    suptitle = getattr(fig, "_suptitle", None)
    if suptitle is not None and suptitle.get_text():
        return suptitle.get_text()
    titles = (ax.get_title(loc) for ax in fig.axes for loc in ("left", "center", "right"))
    return next((t for t in titles if t), "")


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
        "book": book_title(),
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
    beside it `<label>.metadata.json` with its title, columns, sources and licence, and
    `<label>.drawn.json` with what the figure draws (safetybook.figure_drawn), which a test
    compares with the CSV."""
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
    if fig is not None:
        _write_if_changed(
            path.with_suffix(".drawn.json"),
            json.dumps(figure_drawn.drawn(fig), indent=1, ensure_ascii=False) + "\n",
        )
    return path
