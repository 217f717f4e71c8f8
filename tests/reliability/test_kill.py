"""A kill at any instant loses no committed finding and leaves no photo row without its
file: a child records findings with photos in a loop and is SIGKILLed at random."""

from __future__ import annotations

import hashlib
import random
import signal
import sqlite3
from pathlib import Path

import pytest

from inspector_app.core.paths import DataPaths
from inspector_app.core.photos import photo_path
from inspector_app.core.points import import_points_file
from inspector_app.core.store import open_store
from tests.factories import write_points_csv
from tests.reliability.killing import run_then_kill

ROUNDS = 50


def _check(data_dir: Path, committed: list[tuple[str, str, str, str]]) -> None:
    paths = DataPaths(data_dir)
    con = sqlite3.connect(paths.database)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = {
            (insp, code): (result, note)
            for insp, code, result, note in con.execute(
                "SELECT f.inspection_id, i.code, f.result, f.note FROM findings f "
                "JOIN check_items i ON i.id = f.item_id"
            )
        }
        for insp, code, result, note in committed:
            assert rows.get((insp, code)) == (result, note), f"lost finding {insp} {code}"
        for sha, size in con.execute("SELECT sha256, size_bytes FROM photos"):
            f = photo_path(paths, sha)
            assert f.is_file(), f"photo row {sha} has no file"
            data = f.read_bytes()
            assert len(data) == size and hashlib.sha256(data).hexdigest() == sha
        orphans = con.execute(
            "SELECT count(*) FROM photo_attachments a LEFT JOIN photos p "
            "ON p.sha256 = a.photo_sha256 WHERE p.sha256 IS NULL"
        ).fetchone()[0]
        assert orphans == 0
    finally:
        con.close()


@pytest.mark.sqlite_only  # checks the SQLite file (integrity_check, WAL) after each kill
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_sigkill_at_random_instants_loses_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store = open_store(data_dir)
    import_points_file(store, write_points_csv(tmp_path))
    store.close()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    rng = random.Random(20261126)
    committed: list[tuple[str, str, str, str]] = []
    for round_no in range(ROUNDS):
        out = run_then_kill(
            "tests.reliability.kill_child",
            [str(data_dir), str(scratch), str(round_no)],
            after=rng.uniform(0.0, 0.6),
        )
        for line in out.splitlines():
            parts = line.split(" ", 4)
            if parts[0] == "COMMITTED" and len(parts) == 5:
                _, insp, code, result, note = parts
                committed.append((insp, code, result, note))
        _check(data_dir, committed)
    assert len(committed) > ROUNDS  # the child really was working when killed
