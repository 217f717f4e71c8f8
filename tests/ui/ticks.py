"""Measure how long the UI thread's event loop goes without turning (a 5 ms timer's gaps)."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTimer


@contextmanager
def tick_gaps(qtbot) -> Iterator[list[float]]:  # type: ignore[no-untyped-def]
    """Yield the list of gaps (seconds) between ticks, filled while the block runs.

    The heap the collector walks is frozen first, as make_application freezes the
    program's after start: else a full collection over everything pytest and the earlier
    tests left (100-200 ms here) lands in the measurement, which the program never sees.
    Garbage made inside the block is still collected as usual.
    """
    gc.collect()
    gc.freeze()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    qtbot.wait(50)
    gaps.clear()
    last[0] = time.perf_counter()
    try:
        yield gaps
        qtbot.wait(20)
    finally:
        timer.stop()
        gc.unfreeze()
