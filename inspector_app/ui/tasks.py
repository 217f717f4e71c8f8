"""The only place the window starts threads: long core work runs on a QThreadPool worker
with progress and cancel, and its result comes back to the UI thread through a signal.

A task is a plain function `fn(progress, cancel) -> result` where `progress(done, total)`
may be called from the worker and `cancel` is a threading.Event the function checks (the
core's long functions take exactly these). Only ids and DTOs cross threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

Progress = Callable[[int, int], None]
TaskFn = Callable[[Progress, threading.Event], Any]


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)


class TaskHandle(QObject):
    """A running task: cancel it, or wait for its signals (delivered on the UI thread)."""

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.cancel_event = threading.Event()
        self.finished = False

    def cancel(self) -> None:
        self.cancel_event.set()


class _Runnable(QRunnable):
    def __init__(self, fn: TaskFn, handle: TaskHandle, signals: _Signals) -> None:
        super().__init__()
        self.fn, self.handle, self.signals = fn, handle, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit, self.handle.cancel_event)
        except BaseException as exc:  # reported to the UI thread, never lost
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Runs tasks off the UI thread. Keep one per window; `wait()` is for tests and exit."""

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._live: set[TaskHandle] = set()

    def run(
        self,
        fn: TaskFn,
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> TaskHandle:
        handle = TaskHandle()
        signals = _Signals(handle)  # lives in the UI thread: its signals are queued there

        @Slot(object)
        def finished_ok(result: Any) -> None:
            self._finish(handle)
            handle.done.emit(result)
            if on_done:
                on_done(result)

        @Slot(object)
        def finished_error(exc: BaseException) -> None:
            self._finish(handle)
            handle.failed.emit(exc)
            if on_error:
                on_error(exc)

        signals.progress.connect(handle.progress)
        if on_progress:
            signals.progress.connect(on_progress)
        signals.done.connect(finished_ok)
        signals.failed.connect(finished_error)
        self._live.add(handle)
        self.pool.start(_Runnable(fn, handle, signals))
        return handle

    def _finish(self, handle: TaskHandle) -> None:
        handle.finished = True
        self._live.discard(handle)

    @property
    def busy(self) -> bool:
        return bool(self._live)

    def cancel_all(self) -> None:
        for handle in list(self._live):
            handle.cancel()

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)
