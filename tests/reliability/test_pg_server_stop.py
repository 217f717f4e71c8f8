"""The PostgreSQL server stops in the middle of an import: the import reports what it could
not keep (the connection lost, nothing of those bundles kept), the database holds whole
bundles only (each with its inspection, findings and photo attachment, each photo row with
its file), and importing the same files again completes the import, each bundle once."""

from __future__ import annotations

import time
from pathlib import Path

import psycopg
import pytest

from inspector_app.core.bundle.importer import (
    ALREADY_IMPORTED,
    GROUP_BUNDLES,
    IMPORTED,
    REJECTED,
    import_files,
)
from inspector_app.core.store import open_store
from tests.pg import PgServer
from tests.reliability.shared_store import (
    imported_events,
    make_bundles,
    open_centre,
    reports_of,
    start_importer,
    whole_bundles_problems,
)

LAPTOPS = 3
EACH = 30  # 90 bundles: six groups of the importer's transactions
#: one inspection per bundle: a problem (with its photo), a pass, an n.a.
SHAPE = (1, 3, 1)


def _stored_bundles(url: str) -> int:
    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as conn:
        row = conn.execute("SELECT count(*) FROM bundles").fetchone()
        return int(row[0]) if row else 0


@pytest.mark.parametrize(("mode", "delay"), [("fast", 0.2), ("immediate", 0.35)])
def test_server_stopped_mid_import_leaves_whole_bundles_and_a_retry_completes(
    tmp_path: Path, pg_server: PgServer, pg_url: str, mode: str, delay: float
) -> None:
    made = make_bundles(tmp_path, laptops=LAPTOPS, each=EACH)
    photos = tmp_path / "shared-photos"
    centre = open_centre(tmp_path / "centre", pg_url, photos, made.laptops, "setup")
    centre.close()
    ids = {p.name.split(".")[0] for p in made.files}

    child = start_importer(tmp_path / "supervisor", pg_url, photos, made.files, "主管")
    try:
        # stop the server once the first group is committed, while later ones go in
        deadline = time.monotonic() + 120
        while _stored_bundles(pg_url) < GROUP_BUNDLES:
            assert child.poll() is None, child.communicate()
            assert time.monotonic() < deadline, "the import did not commit a group in time"
            time.sleep(0.02)
        time.sleep(delay)  # into the next group: some of its bundles in, in savepoints
        pg_server.stop(mode)
        reports = reports_of(child)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        pg_server.start()

    assert [r["file"] for r in reports] == [str(p) for p in made.files]
    kept = {str(r["bundle_id"]) for r in reports if r["verdict"] == IMPORTED}
    lost = [r for r in reports if r["verdict"] != IMPORTED]
    assert GROUP_BUNDLES <= len(kept) < len(made.files) and lost
    for r in lost:
        assert r["verdict"] == REJECTED
        reason = str(r["reason"])
        assert "the connection to the database was lost" in reason, reason
        assert "import it again" in reason

    store = open_store(tmp_path / "after", url=pg_url, photos_dir=photos, actor="check")
    try:
        assert whole_bundles_problems(store, dict.fromkeys(ids, SHAPE)) == []
        stored = set(imported_events(store))
        # what was reported imported is there; a bundle whose commit the stop interrupted
        # may be either, and says so
        assert kept <= stored
        uncertain = {str(r["bundle_id"]) for r in lost if "may or may not" in str(r["reason"])}
        assert stored - kept <= uncertain

        again = import_files(store, made.files)
        assert all(r.verdict in (IMPORTED, ALREADY_IMPORTED) for r in again)
        assert {r.bundle_id for r in again if r.verdict == IMPORTED} == ids - stored
        events = imported_events(store)
        assert set(events) == ids and set(events.values()) == {1}
        assert whole_bundles_problems(store, dict.fromkeys(ids, SHAPE)) == []
    finally:
        store.close()
