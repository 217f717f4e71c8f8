"""Shared fixtures: a fresh data folder per test, and tools that may be missing."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector_app.core.store import Store, open_store

STRICT = os.environ.get("INSPECTOR_STRICT_TESTS") == "1"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The laptop and command-centre fixtures of the bundle tests; the throwaway PostgreSQL
# server and the backend each store-using test runs on.
pytest_plugins = ["tests.bundles", "tests.pg"]


def require_tool(name: str) -> str:
    """The path of an outside tool; skip the test without it (fail under strict CI)."""
    path = shutil.which(name)
    if path is None:
        message = f"needs the '{name}' program, which is not installed"
        if STRICT:
            pytest.fail(message + " (INSPECTOR_STRICT_TESTS=1 makes this a failure)")
        pytest.skip(message)
    return path


@pytest.fixture(scope="session", autouse=True)
def one_qapplication(request: pytest.FixtureRequest) -> None:
    """The whole run shares pytest-qt's QApplication, made first. Rendering a briefing
    in-process makes a bare QGuiApplication when none exists (as the command line needs),
    and no widget test could run after that."""
    request.getfixturevalue("qapp")


@pytest.fixture(autouse=True)
def cheap_key_kdf(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process tests make and open many keys: scrypt at 2^10 instead of 2^16 (0.3 s).
    Key files name their cost, so both kinds open; `real_kdf` tests keep the real one."""
    if request.node.get_closest_marker("real_kdf") is None:
        from inspector_app.core import keys

        monkeypatch.setattr(keys, "SCRYPT_N", 2**10)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path, database_url: str | None) -> Iterator[Store]:
    """A fresh store: SQLite in the data folder, or (the postgresql run) a fresh database."""
    s = open_store(data_dir, url=database_url, actor="tester")
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def city(store: Store, tmp_path: Path) -> Store:
    """A store holding a small register: FM-T1, MR-T1, BS-T1, CO-T1."""
    from inspector_app.core.points import import_points_file
    from tests.factories import write_points_csv

    import_points_file(store, write_points_csv(tmp_path))
    return store
