"""Four supervisors import overlapping sets of 40 bundles into one store at the same time
(four processes, each a different 25 of the 40 in its own order): afterwards every bundle
is imported exactly once (one bundles row, one bundle.imported event, its inspections
once) and the store holds the same rows as a serial import of the 40 into a fresh store.
On PostgreSQL, and on one SQLite file."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from inspector_app.core.bundle.importer import ALREADY_IMPORTED, IMPORTED, import_files
from inspector_app.core.db.models import Bundle, Inspection
from tests.pg import PgServer
from tests.reliability.shared_store import (
    counts,
    expected_shape,
    imported_events,
    make_bundles,
    open_centre,
    reports_of,
    start_importer,
    whole_bundles_problems,
)

PROCESSES = 4
BUNDLES = 40
EACH = 25


def _subsets(files: tuple[Path, ...], seed: int) -> list[list[Path]]:
    """A different 25 of the 40 for each process, in its own order; together all 40."""
    rng = random.Random(seed)
    while True:
        subsets = [rng.sample(files, EACH) for _ in range(PROCESSES)]
        if set().union(*subsets) == set(files):
            return subsets


def _concurrent_import(tmp_path: Path, url: str | None, serial_url: str | None) -> None:
    made = make_bundles(tmp_path, laptops=2, each=BUNDLES // 2)
    assert len(made.files) == BUNDLES
    photos = tmp_path / "shared-photos"
    centre = open_centre(tmp_path / "centre", url, photos, made.laptops, "setup")
    serial = open_centre(tmp_path / "serial", serial_url, tmp_path / "serial-photos",
                         made.laptops, "setup")  # fmt: skip
    try:
        subsets = _subsets(made.files, seed=6)
        children = [  # on SQLite, the centre's own file
            start_importer(tmp_path / f"supervisor{n}", centre.url, photos, subset, f"主管{n}")
            for n, subset in enumerate(subsets)
        ]
        results = [reports_of(child) for child in children]

        # Each process saw each of its bundles imported or already imported, never refused.
        verdicts: Counter[str] = Counter()
        by_bundle: Counter[object] = Counter()
        for subset, reports in zip(subsets, results, strict=True):
            assert [r["file"] for r in reports] == [str(p) for p in subset]
            for r in reports:
                assert r["verdict"] in (IMPORTED, ALREADY_IMPORTED), r
                verdicts[str(r["verdict"])] += 1
                if r["verdict"] == IMPORTED:
                    by_bundle[r["bundle_id"]] += 1
        assert len(by_bundle) == BUNDLES and set(by_bundle.values()) == {1}
        assert verdicts[IMPORTED] == BUNDLES
        assert verdicts[ALREADY_IMPORTED] == PROCESSES * EACH - BUNDLES

        # Exactly once in the store: bundle rows, audit events, inspections.
        with centre.read() as s:
            assert s.scalar(select(func.count()).select_from(Bundle)) == BUNDLES
            assert s.scalar(
                select(func.count()).select_from(Inspection).where(
                    Inspection.origin_key_id.is_not(None)
                )
            ) == BUNDLES  # fmt: skip
        events = imported_events(centre)
        assert len(events) == BUNDLES and set(events.values()) == {1}
        assert set(events) == set(by_bundle)

        # The same rows as one supervisor importing the 40 alone, in order.
        reports = import_files(serial, made.files)
        assert all(r.verdict == IMPORTED for r in reports)
        assert counts(centre) == counts(serial)
        assert whole_bundles_problems(centre, expected_shape(serial)) == []
    finally:
        centre.close()
        serial.close()


def test_four_supervisors_import_overlapping_bundles_into_postgresql(
    tmp_path: Path, pg_server: PgServer, pg_url: str
) -> None:
    serial_db = pg_server.create_database()
    try:
        _concurrent_import(tmp_path, pg_url, pg_server.url(serial_db))
    finally:
        pg_server.drop_database(serial_db)


def test_four_supervisors_import_overlapping_bundles_into_one_sqlite_file(
    tmp_path: Path,
) -> None:
    _concurrent_import(tmp_path, None, None)
