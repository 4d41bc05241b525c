"""Shared code of the book: paths, the data contract, loading, validation, style and figures."""

from safetybook.paths import DATA_DIR, RAW_DIR, ROOT

__all__ = ["ROOT", "DATA_DIR", "RAW_DIR"]
