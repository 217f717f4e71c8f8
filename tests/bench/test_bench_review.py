"""The review queue over 100,000 findings: the first page and the count together, as the
window opens the queue, in ≤ 0.3 s (median). The rectification board over the generated
tasks, each open one with its closure proposal, in ≤ 0.5 s (median). Also timed, for the
record: a filtered queue, a page deep in the queue (keyset: as fast as the first) and one
finding's detail.

For scale, the floor: SQLite alone reading the id of every problem finding with one bare
query (what any queue that loaded everything would at least do)."""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from inspector_app.core import rectification, review
from inspector_app.core.centre_demo import build_centre_data
from inspector_app.core.store import open_store
from tests.bench.record import record_section

FINDINGS = 100_000
PAGE = 200
ROUNDS = 9
LIMIT_S = 0.3
BOARD_LIMIT_S = 0.5


def median(fn: Callable[[], object], rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def test_review_queue_opens_fast(tmp_path: Path) -> None:
    store = open_store(tmp_path / "data", actor="bench")
    try:
        start = time.perf_counter()
        data = build_centre_data(store, findings=FINDINGS, photos=True)
        build_s = time.perf_counter() - start

        def open_queue(flt: review.ReviewFilter | None = None) -> None:
            page = review.review_page(store, flt, limit=PAGE)
            assert len(page.rows) == PAGE
            review.review_count(store, flt)

        first = median(open_queue)
        pending = review.ReviewFilter(status="pending")
        first_pending = median(lambda: open_queue(pending))
        narrow = review.ReviewFilter(district=data.districts[0], status="pending")
        first_narrow = median(lambda: open_queue(narrow))
        middle = review.review_page(store, limit=data.problems // 2).next_cursor
        deep = median(lambda: review.review_page(store, after=middle, limit=PAGE))
        some = review.review_page(store, limit=1).rows[0].finding_id
        detail = median(lambda: review.finding_detail(store, some))
        board = median(lambda: rectification.task_board(store))
        con = sqlite3.connect(store.paths.database)
        floor = median(
            lambda: con.execute("SELECT id FROM findings WHERE result = 'problem'").fetchall()
        )
        con.close()
    finally:
        store.close()
    limit_ms = f"{LIMIT_S * 1000:.0f}"
    board_what = f"rectification board, all {data.tasks:,} tasks with closure proposals"
    board_ms, board_limit = f"{board * 1000:.0f} ms", f"{BOARD_LIMIT_S * 1000:.0f} ms"
    body = f"""
{FINDINGS:,} findings ({data.problems:,} problems, {data.inspections:,} imported inspections,
{data.tasks:,} tasks) built by core/centre_demo.py in {build_s:.1f} s. Medians of {ROUNDS} runs.

| what | time |
| --- | --- |
| first page ({PAGE} rows) + count, no filter | **{first * 1000:.1f} ms** (limit {limit_ms} ms) |
| first page + count, pending only | {first_pending * 1000:.1f} ms |
| first page + count, one district, pending | {first_narrow * 1000:.1f} ms |
| a page in the middle of the queue (keyset) | {deep * 1000:.1f} ms |
| one finding's detail with photos and markers | {detail * 1000:.1f} ms |
| {board_what} | **{board_ms}** (limit {board_limit}) |
| floor: SQLite reading every problem's id, bare | {floor * 1000:.1f} ms |
"""
    record_section("Command centre: review queue", body)
    assert first <= LIMIT_S, f"first page + count took {first:.3f} s"
    assert first_pending <= LIMIT_S and first_narrow <= LIMIT_S
    assert deep <= LIMIT_S
    assert board <= BOARD_LIMIT_S, f"the rectification board took {board:.3f} s"
