"""Shared code of the book: paths, the data contract, loading, validation, style and figures."""

from safetybook.paths import ROOT, DATA_DIR, RAW_DIR

__all__ = ["ROOT", "DATA_DIR", "RAW_DIR"]
