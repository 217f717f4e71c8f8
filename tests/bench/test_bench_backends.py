"""SQLite beside PostgreSQL, same data, same run: the import bench's 100 signed bundles
imported into a fresh centre store on each backend (best of two), and a weekly briefing over
100,000 findings computed on each (median of three).

PostgreSQL is the throwaway cluster of tests/pg.py on this machine (loopback TCP, fsync on);
a real command centre's server sits across a network, where every round trip costs more.
There is no limit to meet: the figures show what moving a centre to a server costs or
gains, for the same work.
"""

from __future__ import annotations

import shutil
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any

from inspector_app.core.briefing import compute_briefing
from inspector_app.core.bundle.importer import IMPORTED, import_files
from inspector_app.core.centre_demo import build_centre_data
from inspector_app.core.periods import centre_timezone, centre_today
from inspector_app.core.store import Store, open_store
from tests.bench.record import record_section
from tests.bench.test_bench_import import BUNDLES, INSPECTORS, PER_BUNDLE, build_bundles
from tests.bundles import enroll_laptop
from tests.pg import PgServer

BACKENDS = ("sqlite", "postgresql")
IMPORT_ROUNDS = 2
BRIEFING_RUNS = 3
FINDINGS = 100_000


def _open(backend: str, folder: Path, pg_server: PgServer) -> Store:
    url = None if backend == "sqlite" else pg_server.url(pg_server.create_database())
    return open_store(folder, url=url, actor="bench")


def _import_once(backend: str, usb: Path, laptops: list[Any], folder: Path, pg: PgServer) -> float:
    centre = _open(backend, folder, pg)
    try:
        for laptop, (name, code) in zip(laptops, INSPECTORS, strict=True):
            enroll_laptop(centre, laptop, name=name, code=code)
        t0 = time.perf_counter()
        reports = import_files(centre, [usb], thumbnails=False)
        elapsed = time.perf_counter() - t0
    finally:
        centre.close()
        shutil.rmtree(folder, ignore_errors=True)
    assert [r.verdict for r in reports] == [IMPORTED] * BUNDLES
    assert sum(r.imported for r in reports) == BUNDLES * PER_BUNDLE
    return elapsed


def _median(fn: Callable[[], object]) -> float:
    fn()  # warm caches
    times = []
    for _ in range(BRIEFING_RUNS):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _briefing(backend: str, folder: Path, pg: PgServer) -> tuple[float, float, int]:
    """(seconds to fill the store, median seconds of the weekly briefing, findings)."""
    store = _open(backend, folder, pg)
    try:
        tz = centre_timezone(store)
        today = centre_today(store)
        sunday: date = today - timedelta(days=today.weekday() + 1)
        now = datetime.combine(sunday, clock(23, 0), tzinfo=tz).astimezone(UTC)
        t0 = time.perf_counter()
        built = build_centre_data(store, findings=FINDINGS, weeks=1, today=sunday, now=now)
        fill = time.perf_counter() - t0
        briefing = compute_briefing(store, "week", sunday)
        assert briefing.city.inspections == built.inspections
        return fill, _median(lambda: compute_briefing(store, "week", sunday)), built.findings
    finally:
        store.close()


def test_sqlite_beside_postgresql(tmp_path: Path, pg_server: PgServer) -> None:
    laptops, usb = build_bundles(tmp_path)
    mb = sum(z.stat().st_size for z in usb.glob("*.zip")) / 1e6
    imports: dict[str, list[float]] = {b: [] for b in BACKENDS}
    try:
        for r in range(IMPORT_ROUNDS):  # interleaved, so that both meet the same machine
            for backend in BACKENDS:
                imports[backend].append(
                    _import_once(backend, usb, laptops, tmp_path / f"{backend}{r}", pg_server)
                )
    finally:
        for laptop in laptops:
            laptop.store.close()
    briefings = {b: _briefing(b, tmp_path / f"briefing-{b}", pg_server) for b in BACKENDS}
    best = {b: min(v) for b, v in imports.items()}
    findings = briefings["sqlite"][2]
    lines = [
        f"Same data, same run. Import: the import bench's {BUNDLES} signed bundles "
        f"({mb:.0f} MB, {BUNDLES * PER_BUNDLE} inspections) into a fresh centre store, "
        f"`import_files(thumbnails=False)`, best of {IMPORT_ROUNDS} interleaved rounds. "
        f"Briefing: a weekly briefing (`compute_briefing`) over {findings:,} findings, all in "
        f"the week (core/centre_demo.py), median of {BRIEFING_RUNS} runs. PostgreSQL "
        f"{pg_server.bin_dir.parent.name} is a throwaway cluster on this machine "
        "(loopback TCP, fsync on); a real server across a network adds a round trip to "
        "every statement.",
        "",
        "| backend | import s | bundles/s | MB/s | filling the briefing's data s "
        "| weekly briefing ms |",
        "|---|---|---|---|---|---|",
    ]
    for b in BACKENDS:
        fill, brief, _n = briefings[b]
        lines.append(
            f"| {b} | {best[b]:.2f} | {BUNDLES / best[b]:.0f} | {mb / best[b]:.0f} "
            f"| {fill:.1f} | {brief * 1000:.0f} |"
        )
    print("\n" + "\n".join(lines))
    record_section("Command centre: SQLite beside PostgreSQL", "\n".join(lines))
