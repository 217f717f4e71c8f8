"""The only place the window starts threads: long core work runs on a QThreadPool worker
with progress and cancel, and its result comes back to the UI thread.

A task is a plain function `fn(progress, cancel) -> result` where `progress(done, total)`
may be called from the worker and `cancel` is a threading.Event the function checks (the
core's long functions take exactly these). Only ids and DTOs cross threads.

Workers never touch Qt: they are plain Python threads (a ThreadPoolExecutor) that put their
progress and outcome on a thread-safe queue, which a UI-thread timer drains; the handle's
signals are emitted from the UI thread only. Nothing Qt-owned crosses threads, so the
binding's thread handling cannot hurt us. (PySide6 6.12.0 corrupts refcounts when Python
threads run beside its event loop; it is excluded in pyproject.toml, and
tests/ui/test_tasks.py runs 200 tasks with progress to catch such a regression.)
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

Progress = Callable[[int, int], None]
TaskFn = Callable[[Progress, threading.Event], Any]

#: how often the UI thread collects what workers reported (ms)
POLL_MS = 15


class TaskHandle(QObject):
    """A running task: cancel it, or connect to its signals (emitted on the UI thread)."""

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.cancel_event = threading.Event()
        self.finished = False
        self._latest: tuple[int, int] | None = None
        self._lock = threading.Lock()

    def cancel(self) -> None:
        self.cancel_event.set()

    def _report(self, done: int, total: int) -> None:  # worker thread
        with self._lock:
            self._latest = (done, total)

    def _take_progress(self) -> tuple[int, int] | None:  # UI thread
        with self._lock:
            latest, self._latest = self._latest, None
        return latest


def _work(fn: TaskFn, handle: TaskHandle, outbox: queue.SimpleQueue[Any]) -> None:
    """Run one task on a worker thread; its outcome goes to the outbox, never lost."""
    try:
        result = fn(handle._report, handle.cancel_event)
    except BaseException as exc:
        outbox.put((handle, False, exc))
    else:
        outbox.put((handle, True, result))


class TaskRunner(QObject):
    """Runs tasks off the UI thread. Keep one per window; `wait()` is for tests and exit."""

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = ThreadPoolExecutor(max_workers=max_threads, thread_name_prefix="task")
        self._futures: set[Any] = set()
        self._live: set[TaskHandle] = set()
        self._outbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._drain)

    def run(
        self,
        fn: TaskFn,
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> TaskHandle:
        handle = TaskHandle()
        if on_done:
            handle.done.connect(on_done)
        if on_error:
            handle.failed.connect(on_error)
        if on_progress:
            handle.progress.connect(on_progress)
        self._live.add(handle)
        self._timer.start()
        future = self.pool.submit(_work, fn, handle, self._outbox)
        self._futures.add(future)
        future.add_done_callback(self._futures.discard)
        return handle

    def _drain(self) -> None:
        for handle in list(self._live):
            latest = handle._take_progress()
            if latest is not None:
                handle.progress.emit(*latest)
        while True:
            try:
                handle, ok, value = self._outbox.get_nowait()
            except queue.Empty:
                break
            latest = handle._take_progress()
            if latest is not None:
                handle.progress.emit(*latest)
            handle.finished = True
            self._live.discard(handle)
            (handle.done if ok else handle.failed).emit(value)
        if not self._live:
            self._timer.stop()

    @property
    def busy(self) -> bool:
        return bool(self._live)

    def cancel_all(self) -> None:
        for handle in list(self._live):
            handle.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Wait for the workers, then deliver what they reported (for tests and exit)."""
        from concurrent.futures import wait

        timeout = None if msecs < 0 else msecs / 1000
        _done, pending = wait(list(self._futures), timeout=timeout)
        self._drain()
        return not pending
