"""Discreet mode and the lock: nothing of the data shows while locked, the passphrase
unlocks, idle time locks by itself."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QWidget,
)

from inspector_app.core.settings import get_setting
from inspector_app.ui.lock import neutral_title

# the demo window fixture and what it needs
from tests.ui.test_main_window import demo_store, demo_template, demo_window  # noqa: F401

pytest.importorskip("pytestqt")


def visible_texts(window: QWidget) -> list[str]:
    """Every text the window shows: title, labels, fields, buttons, list cells, status."""
    texts = [window.windowTitle()]
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window):
            continue
        if isinstance(w, QLabel | QAbstractButton | QLineEdit):
            texts.append(w.text())
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            root = QModelIndex()
            columns = 1 if isinstance(m, QAbstractListModel) else m.columnCount(root)
            for r in range(m.rowCount(root)):
                for c in range(columns):
                    texts.append(str(m.index(r, c).data()))
    texts.append(window.statusBar().currentMessage())  # type: ignore[attr-defined]
    return texts


def test_lock_hides_the_data_and_needs_the_passphrase(qtbot, request) -> None:  # type: ignore[no-untyped-def]
    window = request.getfixturevalue("demo_window")
    names = [r.point_name for r in window.model.rows]
    assert any(n in t for n in names for t in visible_texts(window))

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    shown = " ".join(visible_texts(window))
    assert not any(n in shown for n in names)
    assert window.windowTitle() == neutral_title()
    assert not window.act_new.isEnabled()
    # nothing but the lock page: no menus, no toolbar, no demo mark
    assert not window.menuBar().isVisible()
    assert not window.toolbar.isVisible()
    assert not window.demo_mark.isVisible()

    page = window.lock_page
    qtbot.keyClicks(page.passphrase, "wrong")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert page.checking  # the key file's scrypt runs on a worker, the window stays live
    qtbot.waitUntil(lambda: not page.checking, timeout=10_000)
    assert window.locked and page.error.text()

    qtbot.keyClicks(page.passphrase, "demo")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
    assert "demo" in window.windowTitle()
    assert any(n in t for n in names for t in visible_texts(window))
    assert window.act_new.isEnabled()
    assert window.menuBar().isVisible() and window.toolbar.isVisible()
    assert window.demo_mark.isVisible()


def test_idle_time_locks(qtbot, request) -> None:  # type: ignore[no-untyped-def]
    window = request.getfixturevalue("demo_window")
    window.idle.set_interval(100)
    qtbot.waitUntil(lambda: window.locked, timeout=3000)


def test_discreet_mode_title_palette_setting(qtbot, request) -> None:  # type: ignore[no-untyped-def]
    window = request.getfixturevalue("demo_window")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    normal = app.palette().color(QPalette.ColorRole.Window)
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.discreet
    assert window.windowTitle() == neutral_title()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 60
    assert get_setting(window.store, "ui.discreet") == "1"
    # no pop-ups: messages go to the status bar
    window.notify("careful", error=True)
    assert window.statusBar().currentMessage() == "careful"
    window.act_discreet.setChecked(False)
    assert "demo" in window.windowTitle()
    assert app.palette().color(QPalette.ColorRole.Window) == normal
    assert get_setting(window.store, "ui.discreet") == "0"
