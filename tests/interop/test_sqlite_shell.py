"""SQLite's own shell reads our store: the evidence is not locked into this program."""

from __future__ import annotations

import subprocess

import pytest

from inspector_app.core.store import Store
from tests.conftest import require_tool


@pytest.mark.sqlite_only  # opens the store's SQLite file with the sqlite3 shell
def test_sqlite3_shell_checks_and_reads_the_store(city: Store) -> None:
    sqlite3 = require_tool("sqlite3")
    db = str(city.paths.database)
    out = subprocess.run(
        [sqlite3, db, "PRAGMA integrity_check;"], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "ok"
    out = subprocess.run(
        [sqlite3, db, "SELECT name FROM points WHERE code = 'FM-T1';"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip() == "东关菜市场"
