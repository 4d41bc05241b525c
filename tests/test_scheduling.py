"""make test shares the work between two pytest-xdist workers without splitting what must stay whole."""

from __future__ import annotations

import functools

from conftest import modules_sharing_a_set_up, work_unit


def test_the_module_that_builds_the_rerunners_environments_is_found():
    assert modules_sharing_a_set_up() == {"tests/test_rerun.py"}


def test_notebooks_and_shared_set_ups_stay_whole_and_other_tests_go_one_by_one():
    scope = functools.partial(work_unit, whole=modules_sharing_a_set_up())
    assert scope("chapters/02_health.ipynb::Cell 3") == "chapters/02_health.ipynb"
    assert scope("chapters/02_health.ipynb::Cell 11") == "chapters/02_health.ipynb"
    binder = (
        "tests/test_rerun.py::test_every_chapter_runs_in_binders_jupyterlab_and_shows_its_outputs"
    )
    assert scope(f"{binder}[02_health.ipynb]") == "tests/test_rerun.py"
    assert scope("tests/test_rerun.py::test_the_package_imports_from_another_directory") == (
        "tests/test_rerun.py"
    )
    one = "tests/test_phone_and_desktop.py::test_tables_have_short_rows_and_pages_are_photographed"
    assert scope(f"{one}[light-390]") == f"{one}[light-390]"
    assert scope(f"{one}[dark-1280]") != scope(f"{one}[light-390]")
