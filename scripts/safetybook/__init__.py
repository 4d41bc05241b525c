"""The library the chapters import: loading the dataset, the analyses, the figures and glue.

The data pipeline (`safetybook_pipeline`, `make data`) and the book tooling (`safetybook_tooling`)
are separate packages; this one imports neither.
"""
