"""The package's version and addresses, read from CITATION.cff (their one definition).

pyproject.toml declares `version` and `urls` dynamic; they come from here, through
scripts/safetybook/release.py, loaded by path because nothing is installed yet.
"""

import importlib.util
import sys
from pathlib import Path

from setuptools import setup

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location(
    "_safetybook_release", HERE / "scripts" / "safetybook" / "release.py"
)
release = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = release  # dataclasses look their module up while the class is made
spec.loader.exec_module(release)
edition = release.from_citation(HERE / release.CITATION)

setup(version=edition.version, project_urls=edition.project_urls())
