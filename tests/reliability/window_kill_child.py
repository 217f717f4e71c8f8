"""Child of the window kill test: drives the real checklist with key presses (offscreen)
and reports each edit on stdout only after the keys that made it were handled."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from inspector_app.core.store import open_store
from inspector_app.ui.checklist import ChecklistWidget
from inspector_app.ui.tasks import TaskRunner


def main(data_dir: str, inspection_id: str, round_no: int) -> None:
    app = QApplication([])
    store = open_store(data_dir, actor="window-kill-child")
    widget = ChecklistWidget(store, TaskRunner(), QUndoStack())
    widget.load(inspection_id)
    widget.show()
    codes = widget.model.codes()
    print("READY", flush=True)
    n = 0
    while True:
        for code in codes:
            n += 1
            widget.focus_item(code)
            QTest.keyClick(widget.view, "2" if n % 2 else "1")
            QTest.keyClick(widget.view, Qt.Key.Key_Return)
            QTest.keyClicks(widget.note_edit, f"r{round_no}-{n}")
            QTest.keyClick(widget.note_edit, Qt.Key.Key_Return)
            app.processEvents()
            print(f"DONE {code} r{round_no}-{n}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
