"""The book tooling: notebook execution, the PDF and the benchmark (`make execute`, `make pdf`, `make bench`).

May import the library and the pipeline; neither imports it.
"""
