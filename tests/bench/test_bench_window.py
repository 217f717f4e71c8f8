"""The window against its floors (DESIGN §13).

1. Start-up: from spawning the process to the main window painted over the demo data,
   against a bare PySide6 window that imports the libraries the program needs (QtWidgets,
   SQLAlchemy's ORM, Pillow), measured the same way in the same run: ratio ≤ 1.5.
2. Opening an inspection whose items carry 100 photos shows its checklist in ≤ 0.3 s
   (the thumbnails may follow).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import statistics
import subprocess
import sys
import time
from pathlib import Path

from inspector_app.core import inspections
from inspector_app.core.demo import build_demo
from inspector_app.core.errors import InputError
from inspector_app.core.points import import_points_file
from inspector_app.core.store import open_store
from tests.bench.record import record_section
from tests.factories import make_jpeg, write_points_csv

RUNS = 7
LIMIT = 1.5
OPEN_RUNS = 5
OPEN_LIMIT = 0.3
PHOTOS = 100
MARKER = "PAINTED"


def _painted(ready: str) -> str:
    """Code for a child: print the marker at the first paint of `window` once `ready` holds,
    then leave at once (os._exit: the teardown of Qt and the store is not part of starting)."""
    return f"""
import os
from PySide6.QtCore import QEvent, QObject

class _Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and ({ready}):
            print({MARKER!r}, flush=True)
            os._exit(0)
        return False

painted = _Painted()
window.installEventFilter(painted)
"""


#: the program's own start-up path: inspector_app.__main__ (the collector paused) then
#: inspector_app.ui.app.run_app without the welcome. It counts as painted when the window
#: paints with the demo inspections listed (the list fills right after the first paint).
OURS = (
    """
import gc
gc.disable()
import sys
from inspector_app.ui.app import DEFAULT_LANGUAGE, install_translation, make_application
from inspector_app.core.settings import get_setting
from inspector_app.core.store import open_store
from inspector_app.ui.main_window import MainWindow

app = make_application()
store = open_store(sys.argv[1])
install_translation(get_setting(store, "ui.language") or DEFAULT_LANGUAGE)
window = MainWindow(store, demo=True)
"""
    + _painted("window.filled and window.model.rows")
    + """
window.show()
app.exec()
"""
)

#: the floor: a bare window plus the libraries any such program imports, in the order the
#: measure names them (QtWidgets, SQLAlchemy's ORM, Pillow)
FLOOR = (
    """
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
import sqlalchemy.orm
import PIL.Image

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Inspector"))
window.resize(1280, 800)
"""
    + _painted("True")
    + """
window.show()
app.exec()
"""
)


def _time_to_paint(script: str, data_dir: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    t0 = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip() == MARKER:
            elapsed = time.perf_counter() - t0
            break
    else:
        _out, err = child.communicate()
        raise AssertionError(f"the window never painted:\n{err}")
    child.communicate(timeout=30)
    return elapsed


def test_window_start_up_is_fast(tmp_path: Path) -> None:
    data = tmp_path / "demo"
    store = open_store(data)
    try:
        build_demo(store)
    finally:
        store.close()
    for script in (OURS, FLOOR):  # warm the file cache
        _time_to_paint(script, data)
    ours, floor = [], []
    for _ in range(RUNS):
        ours.append(_time_to_paint(OURS, data))
        floor.append(_time_to_paint(FLOOR, data))
    o, f = statistics.median(ours), statistics.median(floor)
    ratio = o / f
    print(
        f"\nwindow start-up to first paint (demo data): {o * 1000:.0f} ms, "
        f"bare PySide6 window + imports: {f * 1000:.0f} ms, ratio {ratio:.2f} (limit {LIMIT})"
    )
    _record(start=(o, f, ratio))
    assert ratio <= LIMIT


def _store_with_photos(tmp_path: Path) -> tuple[Path, str]:
    """A data folder with one draft inspection whose problems carry PHOTOS photos."""
    data = tmp_path / "photos"
    store = open_store(data, actor="bench")
    try:
        import_points_file(store, write_points_csv(tmp_path))
        insp = inspections.start_inspection(store, "FM-T1")
        codes = [i.code for i in inspections.get_inspection(store, insp.id).items]
        shots = tmp_path / "shots"
        shots.mkdir()
        per_item = -(-PHOTOS // len(codes))
        made = 0
        for code in codes:
            if made >= PHOTOS:
                break
            n = min(per_item, PHOTOS - made)
            files = [
                make_jpeg(
                    shots / f"p{made + k:03d}.jpg",
                    size=(320, 240),
                    colour=((made + k) * 37 % 256, (made + k) * 11 % 256, 90),
                )
                for k in range(n)
            ]
            try:
                inspections.record_finding(store, insp.id, code, "problem", count=1)
            except InputError:
                inspections.record_finding(store, insp.id, code, "problem")
            inspections.attach_photos(store, insp.id, code, files)
            made += n
        detail = inspections.get_inspection(store, insp.id)
        assert sum(len(i.photos) for i in detail.items) == PHOTOS
        return data, insp.id
    finally:
        store.close()


def test_open_inspection_with_100_photos(tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from inspector_app.ui.app import make_application
    from inspector_app.ui.main_window import MainWindow

    data, insp_id = _store_with_photos(tmp_path)
    app = make_application()
    store = open_store(data)
    window = MainWindow(store)
    try:
        window.resize(1440, 900)
        window.show()
        QApplication.processEvents()
        times = []
        for _ in range(OPEN_RUNS):
            window.checklist.load(None)
            QApplication.processEvents()
            t0 = time.perf_counter()
            window.checklist.load(insp_id)
            QApplication.processEvents()
            times.append(time.perf_counter() - t0)
            assert window.checklist.inspection_id == insp_id
        t = statistics.median(times)
        print(
            f"\nopening an inspection with {PHOTOS} photos: checklist shown in "
            f"{t * 1000:.0f} ms (limit {OPEN_LIMIT * 1000:.0f} ms)"
        )
        _record(open_=t)
        assert t <= OPEN_LIMIT
    finally:
        window.close()
        window.runner.wait()
        window.deleteLater()
        app.processEvents()
        store.close()


_FIGURES: dict[str, str] = {}


def _record(*, start: tuple[float, float, float] | None = None, open_: float | None = None) -> None:
    """Both figures share the "Window" section; each test fills in its own paragraph."""
    if start is not None:
        o, f, ratio = start
        _FIGURES["start"] = (
            f"Start-up, from spawning the process to the first paint of the main window "
            f"with the demo inspections listed (offscreen), median of {RUNS} alternating "
            f"runs: {o * 1000:.0f} ms; floor (a bare PySide6 `QMainWindow` with a `QLabel`, "
            f"importing QtWidgets, `sqlalchemy.orm` and `PIL.Image` in that order, shown and "
            f"painted): {f * 1000:.0f} ms; **ratio {ratio:.2f}** (limit {LIMIT}). Both run "
            f"with compiled bytecode, as an installed program does. What keeps the program "
            f"near its floor: the data layer is imported before Qt (PySide6's import hook "
            f"reads the source of every module imported after it; a floor importing "
            f"SQLAlchemy first paints ~50 ms sooner), the collector rests while the libraries "
            f"load (~40 ms), the list fills right after the window's first paint, and the "
            f"window's start loads neither cryptography nor Pillow."
        )
    if open_ is not None:
        _FIGURES["open"] = (
            f"Opening an inspection whose items carry {PHOTOS} photos (`checklist.load` and "
            f"one pass of the event loop; thumbnails follow), median of {OPEN_RUNS}: "
            f"**{open_ * 1000:.0f} ms** (limit {OPEN_LIMIT * 1000:.0f} ms)."
        )
    body = "\n\n".join(_FIGURES[k] for k in ("start", "open") if k in _FIGURES)
    record_section("Window", body)
