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


@pytest.fixture(autouse=True)
def cheap_key_kdf() -> None:
    """Benchmarks pay the key file's real scrypt cost, as users do (no cheap KDF here)."""
