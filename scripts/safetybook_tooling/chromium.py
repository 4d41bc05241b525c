"""Debian's Chromium, headless: where it is and the flags the book runs it with, for printing the
PDF (`safetybook_tooling.pdf`) and for the browser tests (tests/conftest.py)."""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("SAFETYBOOK_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
