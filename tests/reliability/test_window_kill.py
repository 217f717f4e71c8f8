"""A kill while editing in the window loses nothing entered: a child process types into
the real checklist and is SIGKILLed at random instants; every edit it had shown as done
is in the store afterwards, and the store passes its integrity check."""

from __future__ import annotations

import random
import signal
import sqlite3
from pathlib import Path

import pytest

from inspector_app.core import inspections as svc
from inspector_app.core.paths import DataPaths
from inspector_app.core.points import import_points_file
from inspector_app.core.store import open_store
from tests.factories import write_points_csv
from tests.reliability.killing import run_then_kill

ROUNDS = 12


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_killing_the_window_loses_no_edit(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store = open_store(data_dir)
    import_points_file(store, write_points_csv(tmp_path))
    inspection = svc.start_inspection(store, "MR-T1").id
    store.close()
    rng = random.Random(4242)
    reported = 0
    for round_no in range(ROUNDS):
        out = run_then_kill(
            "tests.reliability.window_kill_child",
            [str(data_dir), inspection, str(round_no)],
            after=rng.uniform(0.05, 0.8),
        )
        last: dict[str, int] = {}
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[0] == "DONE":
                last[parts[1]] = int(parts[2].split("-")[1])
        reported += len(last)
        con = sqlite3.connect(DataPaths(data_dir).database)
        try:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            notes = dict(
                con.execute(
                    "SELECT i.code, f.note FROM findings f JOIN check_items i ON i.id = f.item_id "
                    "WHERE f.inspection_id = ?",
                    (inspection,),
                ).fetchall()
            )
        finally:
            con.close()
        for code, n in last.items():
            stored = notes.get(code, "")
            assert stored.startswith(f"r{round_no}-"), f"{code}: edit r{round_no}-{n} lost"
            # the store holds the reported edit, or a later one committed just before the kill
            assert int(stored.split("-")[1]) >= n, f"{code}: edit r{round_no}-{n} lost"
    assert reported > ROUNDS  # the child was really typing when killed
