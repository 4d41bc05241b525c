# One entry point for the book. Run `make help` for the targets.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BUILD_FLAGS := --builder html -W -n --keep-going

LAB := .venv-lab
LAB_STAMP := $(LAB)/.installed
TOOLS := .venv-tools
UV := $(TOOLS)/bin/uv
TOOLS_STAMP := $(TOOLS)/.installed
# uv syncs an environment to its lock exactly (nothing else is installed, nothing is resolved), and
# compiles its modules to bytecode once: where PYTHONDONTWRITEBYTECODE is set (as on CI), Python would
# otherwise compile pandas, matplotlib and Sphinx afresh in every process, kernel and test worker.
SYNC = $(UV) pip sync --quiet --compile-bytecode --python
# The book's own modules (library, pipeline, tooling, tests) and pytest's rewritten test modules are
# cached as bytecode too (in __pycache__, which git ignores): with PYTHONDONTWRITEBYTECODE set, every
# pytest worker and kernel would parse and rewrite them afresh, about 3 s a process.
unexport PYTHONDONTWRITEBYTECODE
LOCK_FLAGS := --python-version 3.11.5 --no-header --no-annotate --quiet

.PHONY: help venv lab book data execute html check test test-fast test-serial lint format system-deps bench bench-setup serve pdf lock release clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

# The installer, uv, pinned in requirements-tools.txt; pip (Python 3.11's own) installs it.
$(TOOLS_STAMP): requirements-tools.txt
	rm -rf $(TOOLS)
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check --no-deps -r requirements-tools.txt
	touch $@

# The exact lock, then the book's own package (editable, with the locked setuptools: nothing else is
# downloaded), so `import safetybook` works from any folder.
$(STAMP): requirements.txt pyproject.toml setup.py $(TOOLS_STAMP)
	@echo "Setting up $(VENV) from requirements.txt"
	rm -rf $(VENV)
	$(UV) venv --quiet --python $(PYTHON) $(VENV)
	$(SYNC) $(BIN)/python requirements.txt
	$(UV) pip install --quiet --python $(BIN)/python --no-deps --no-build-isolation -e .
	$(UV) pip check --quiet --python $(BIN)/python
	touch $@

venv: $(STAMP) ## Create or refresh .venv from requirements.txt and install the book's package

# JupyterLab cannot share .venv with the test tools (jsonschema 4 against 3), so it has its own
# environment, from its own lock: the runtime set, JupyterLab and jupyterlab-myst.
$(LAB_STAMP): requirements-lab.txt pyproject.toml setup.py $(TOOLS_STAMP)
	@echo "Setting up $(LAB) from requirements-lab.txt"
	rm -rf $(LAB)
	$(UV) venv --quiet --python $(PYTHON) $(LAB)
	$(SYNC) $(LAB)/bin/python requirements-lab.txt
	$(UV) pip install --quiet --python $(LAB)/bin/python --no-deps --no-build-isolation -e .
	$(UV) pip check --quiet --python $(LAB)/bin/python
	touch $@

LAB_FLAGS ?=
lab: $(LAB_STAMP) ## Open JupyterLab on the chapters (.venv-lab, from requirements-lab.txt; MyST rendered)
	$(LAB)/bin/jupyter lab --notebook-dir=chapters $(LAB_FLAGS)

data: $(STAMP) ## Validate data/raw and rebuild the tidy tables, references.bib and the data dictionary
	$(BIN)/python -m safetybook_pipeline.build

NODE_TOOLS := node_modules/.installed

# axe-core and the Nu HTML Checker for the tests (and the DataTables release whose files the explorer
# page vendors, so a test can compare them), exactly as locked in package-lock.json
$(NODE_TOOLS): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

execute: data ## Re-execute the notebooks whose inputs changed (in parallel)
	$(BIN)/python -m safetybook_tooling.execute --jobs $(JOBS)

html: execute ## Build the HTML book (strict) from the executed notebooks
	@$(MAKE) --no-print-directory _build/html/.built

# Everything the site is built from; listed after `execute` has run (hence the recursive make).
# The explorer page's record is written from the tidy tables by _ext/explorer_record.py; its table
# library is vendored in _ext/explorer_page/vendor, so the build needs only Python.
BOOK_INPUTS = $(shell find chapters _static _ext _templates -type f -not -path '*/.ipynb_checkpoints/*' \
	-not -path '*/__pycache__/*') \
	_config.yml _toc.yml references.bib CITATION.cff data/datapackage.json $(wildcard data/*.csv)

# Sphinx re-renders only the pages whose own source changed; a change to the bibliography, the
# configuration or the extension reaches every page, so it rebuilds them all (--all).
SITE_WIDE = references.bib CITATION.cff data/datapackage.json _config.yml _toc.yml $(wildcard _ext/*.py) $(shell find _templates -type f)

_build/html/.built: $(BOOK_INPUTS) $(STAMP)
	$(BIN)/jupyter-book build . $(BUILD_FLAGS)$(if $(filter $(SITE_WIDE),$?), --all)
	touch $@

book: html ## Set up, build the data and the book; prints where to open it
	@echo "The book is at file://$(CURDIR)/_build/html/index.html (or: make serve)"

system-deps: ## Install Debian's chromium, poppler-utils and a Java runtime when missing (browser, PDF and HTML tests)
	@command -v chromium >/dev/null && command -v pdftotext >/dev/null && command -v java >/dev/null || \
	  { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils default-jre-headless >/dev/null; }

pdf: html system-deps ## Print the whole book to _build/pdf/book.pdf (single-page build, headless Chromium)
	@$(MAKE) --no-print-directory _build/pdf/book.pdf

_build/pdf/book.pdf: $(BOOK_INPUTS) $(STAMP) scripts/safetybook_tooling/pdf.py scripts/safetybook_tooling/print.css
	PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/python -m safetybook_tooling.pdf

PYTEST_ALL := --nbval tests chapters

test: lint book system-deps pdf $(NODE_TOOLS) ## Lint, build, then every test: data, notebooks (nbval, once each), site, browser, PDF, re-run routes
	rm -rf _build/screenshots  # the browser tests photograph every page afresh; no stale pictures
	$(BIN)/python -m pytest -n $(JOBS) --dist loadscope $(PYTEST_ALL)

# The inner loop: lint, the data check, the strict build, every notebook (nbval), the static site
# tests and the site in Chromium at one width (1280 px, light, with axe); no PDF, no re-runners'
# environments, no copy of the repository, no other width or scheme (those are `make test`'s).
# The size simulations (`simulation`) are left out too: nbval re-executes the synthesis, which runs them.
CHECK_SELECTION := not pdf and not rerun and not clone and not matrix and not simulation

check: lint book system-deps $(NODE_TOOLS) ## The inner loop: lint, data, build, notebooks, site at one width (light, axe); at most 90 s built
	$(BIN)/python -m pytest -n $(JOBS) --dist loadscope -m "$(CHECK_SELECTION)" $(PYTEST_ALL)

test-fast: $(STAMP) ## The tests that need no build (data, library, statistics, tooling); seconds
	$(BIN)/python -m pytest -n 2 -m fast tests

test-serial: book system-deps pdf $(NODE_TOOLS) ## The whole suite on one process (for the benchmark)
	rm -rf _build/screenshots
	$(BIN)/python -m pytest -p no:xdist $(PYTEST_ALL)

LINTED := scripts _ext tests chapters

lint: $(STAMP) ## Check style and formatting with ruff (Python and notebooks); configured in pyproject.toml
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

format: $(STAMP) ## Reformat Python and notebooks with ruff, and apply its safe fixes
	$(BIN)/ruff check --fix $(LINTED)
	$(BIN)/ruff format $(LINTED)

bench: $(STAMP) system-deps ## Measure build, test and environment set-up times (pip and uv); writes bench/results.json
	$(BIN)/python -m safetybook_tooling.bench

bench-setup: $(STAMP) ## Only the environment set-up times (pip and uv, cold and warm cache); prints them
	$(BIN)/python -m safetybook_tooling.bench --setup-only

serve: ## Serve the built book on http://localhost:8000
	$(BIN)/python -m http.server --directory _build/html --bind 127.0.0.1 8000

# Each lock keeps the versions it has unless a requirement changed (uv prefers the existing pins).
# The lab lock takes the full lock's versions except jsonschema (JupyterLab needs 4, the test tools
# hold 3); the runtime lock is the runtime set of the lab lock, so Binder's environment is a subset.
lock: $(TOOLS_STAMP) ## Re-resolve the .in files into the exact locks (full, lab, runtime, binder/)
	$(UV) pip compile $(LOCK_FLAGS) requirements.in -o requirements.txt
	grep -v '^jsonschema==' requirements.txt > $(TOOLS)/lab-constraints.txt
	$(UV) pip compile $(LOCK_FLAGS) requirements-lab.in -c $(TOOLS)/lab-constraints.txt -o requirements-lab.txt
	$(UV) pip compile $(LOCK_FLAGS) requirements-runtime.in -c requirements-lab.txt -o requirements-runtime.txt
	{ echo "# Binder: the runtime lock (requirements-runtime.txt, written by 'make lock'), then the MyST renderer."; \
	  cat requirements-runtime.txt; grep '^jupyterlab-myst==' requirements-lab.txt; } > binder/requirements.txt

VERSION ?=
RELEASE_FLAGS ?=
release: $(STAMP) ## Cut a release: make release VERSION=x.y.z (clean tree, changelog entry, make test green); prints the tag command
	$(BIN)/python -m safetybook_tooling.release $(VERSION) $(RELEASE_FLAGS)

clean: ## Remove the build folder (keeps .venv, .venv-lab and .venv-tools)
	rm -rf _build
