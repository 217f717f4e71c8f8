"""Benchmarks measure the program as installed: a wheel install (and the packaged build)
carries the bytecode of its modules, while an editable install under
PYTHONDONTWRITEBYTECODE compiles them again at every start. Compile them once first."""

from __future__ import annotations

import compileall
from pathlib import Path

import pytest

import inspector_app


@pytest.fixture(scope="session", autouse=True)
def compiled_program() -> None:
    assert compileall.compile_dir(Path(inspector_app.__file__).parent, quiet=1)
