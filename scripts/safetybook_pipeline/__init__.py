"""The data pipeline: check `data/raw/` against the contract and build the tidy tables (`make data`).

Imports the library (`safetybook`) for paths and the schema; never imports the book tooling.
"""
