"""make pdf: the single-page HTML build printed to one PDF by Debian's headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile

import yaml

from safetybook import paths

CHROMIUM = os.environ.get("SAFETYBOOK_CHROMIUM", "/usr/bin/chromium")
PDF = paths.BUILD_DIR / "pdf" / "book.pdf"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
    "--virtual-time-budget=15000",
]


def root_page():
    """The single-page build's document itself (its index.html is only a redirect to it)."""
    toc = yaml.safe_load((paths.ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return paths.BUILD_DIR / "singlehtml" / f"{toc['root']}.html"


def main() -> int:
    jb = (
        [sys.executable, "-m", "jupyter_book.cli.main"]
        if shutil.which("jupyter-book") is None
        else ["jupyter-book"]
    )
    subprocess.run(
        [*jb, "build", str(paths.ROOT), "--builder", "singlehtml", "-W", "-n", "--keep-going"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    PDF.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                CHROMIUM,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--print-to-pdf={PDF}",
                root_page().as_uri(),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    print(f"make pdf: wrote {PDF}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
