"""Long work runs off the UI thread; results, errors and progress come back to it."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread

from inspector_app.ui.tasks import TaskRunner


def test_result_and_progress_arrive_on_the_ui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    ui_thread = QThread.currentThread()
    seen: list[object] = []

    def work(progress, cancel):  # type: ignore[no-untyped-def]
        for k in range(3):
            progress(k + 1, 3)
        return threading.current_thread().name

    handle = runner.run(
        work, on_progress=lambda d, t: seen.append((d, t, QThread.currentThread() is ui_thread))
    )
    with qtbot.waitSignal(handle.done, timeout=5000) as blocker:
        pass
    assert blocker.args[0] != threading.main_thread().name
    # progress is coalesced to the latest value, delivered on the UI thread before done
    assert seen and seen[-1][:2] == (3, 3)
    assert all(on_ui for *_x, on_ui in seen)


def test_errors_and_cancel(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()

    def boom(progress, cancel):  # type: ignore[no-untyped-def]
        raise ValueError("bad photo")

    handle = runner.run(boom)
    with qtbot.waitSignal(handle.failed, timeout=5000) as blocker:
        pass
    assert isinstance(blocker.args[0], ValueError)

    def slow(progress, cancel):  # type: ignore[no-untyped-def]
        while not cancel.is_set():
            time.sleep(0.01)
        return "stopped"

    handle = runner.run(slow)
    handle.cancel()
    with qtbot.waitSignal(handle.done, timeout=5000) as blocker:
        pass
    assert blocker.args[0] == "stopped" and not runner.busy


def test_many_tasks_with_progress_beside_the_event_loop(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Hundreds of tasks reporting progress while the event loop runs: all arrive, and
    the interpreter survives (PySide6 6.12.0 crashed here)."""
    runner = TaskRunner()
    results: list[int] = []

    def work(progress, cancel):  # type: ignore[no-untyped-def]
        for k in range(100):
            progress(k, 100)
        return None

    for _ in range(200):
        runner.run(work, on_done=lambda _r: results.append(1))
    qtbot.waitUntil(lambda: len(results) == 200, timeout=30_000)
    assert not runner.busy
