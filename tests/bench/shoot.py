"""Screenshots of the real window over demo data, offscreen, for the README.

    python tests/bench/shoot.py docs/screenshots

Writes main-zh_CN.png, main-en.png, export-zh_CN.png, picker-zh_CN.png and
locked-zh_CN.png into the folder given (created if missing).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from inspector_app.core import inspections
from inspector_app.core.demo import build_demo
from inspector_app.core.settings import set_setting
from inspector_app.core.store import Store, open_store
from inspector_app.ui.app import install_translation, make_application
from inspector_app.ui.main_window import LANGUAGE_SETTING, MainWindow

SIZE = (1440, 900)


def settle(window: MainWindow | None = None, seconds: float = 0.6) -> None:
    """Let the event loop run (thumbnails come from the worker threads)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        if window is not None and not window.runner.busy and time.monotonic() > end - 0.3:
            break
        time.sleep(0.02)
    if window is not None:
        window.runner.wait(5_000)
    QApplication.processEvents()


def save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def draft_with_photos(store: Store) -> tuple[str, str]:
    """A draft demo inspection and its first item that carries photos."""
    for summary in inspections.list_inspections(store, status="draft"):
        detail = inspections.get_inspection(store, summary.id)
        for item in detail.items:
            if item.photos:
                return summary.id, item.code
    raise SystemExit("the demo has no draft inspection with photos")


def open_window(store: Store, language: str) -> MainWindow:
    set_setting(store, LANGUAGE_SETTING, language)
    install_translation(language)
    window = MainWindow(store, demo=True)
    window.resize(*SIZE)
    window.show()
    insp_id, code = draft_with_photos(store)
    window.select(insp_id)
    window.checklist.focus_item(code)
    settle(window, 2.0)
    return window


def close(window: MainWindow) -> None:
    window.close()
    window.runner.wait()
    window.deleteLater()
    QApplication.processEvents()


def shoot(out: Path) -> None:
    from inspector_app.ui.export_dialog import ExportDialog
    from inspector_app.ui.point_picker import PointPickerDialog

    out.mkdir(parents=True, exist_ok=True)
    make_application()
    with tempfile.TemporaryDirectory(prefix="inspector-shots-") as tmp:
        store = open_store(Path(tmp) / "demo")
        try:
            build_demo(store)

            window = open_window(store, "en")
            save(window, out / "main-en.png")
            close(window)

            window = open_window(store, "zh_CN")
            save(window, out / "main-zh_CN.png")

            export = ExportDialog(store, window.runner, window)
            export.show()
            settle(window)
            save(export, out / "export-zh_CN.png")
            export.reject()

            picker = PointPickerDialog(store, window)
            picker.show()
            QTest.keyClicks(picker.search, "dgcsc")
            settle()
            save(picker, out / "picker-zh_CN.png")
            picker.reject()

            window.lock()
            settle()
            save(window, out / "locked-zh_CN.png")
            window.unlock()
            close(window)
        finally:
            store.close()


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    shoot(Path(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
