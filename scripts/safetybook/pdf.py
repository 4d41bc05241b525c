"""make pdf: the single-page HTML build printed to one PDF by Debian's headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile

from safetybook import paths

CHROMIUM = os.environ.get("SAFETYBOOK_CHROMIUM", "/usr/bin/chromium")
PDF = paths.BUILD_DIR / "pdf" / "book.pdf"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--no-pdf-header-footer", "--virtual-time-budget=15000"]


def main() -> int:
    jb = [sys.executable, "-m", "jupyter_book.cli.main"] if shutil.which("jupyter-book") is None else ["jupyter-book"]
    subprocess.run([*jb, "build", str(paths.ROOT), "--builder", "singlehtml", "-W", "-n", "--keep-going"], check=True,
                   stdout=subprocess.DEVNULL)
    from safetybook.postbuild import main as postbuild

    postbuild(paths.BUILD_DIR / "singlehtml")
    PDF.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={PDF}",
                        (paths.BUILD_DIR / "singlehtml" / "index.html").as_uri()], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"make pdf: wrote {PDF}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
