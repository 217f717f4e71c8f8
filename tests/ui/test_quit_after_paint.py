"""INSPECTOR_QUIT_AFTER_MS, which the packaged build's smoke test uses: the window opens over
the data, paints with its lists filled, and the program ends with 0; a bad value is misuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app.core.store import open_store

pytest.importorskip("pytestqt")


def test_window_quits_once_painted_with_its_data(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from inspector_app.core.demo import build_demo
    from inspector_app.ui import app as app_module
    from inspector_app.ui.main_window import MainWindow

    root = tmp_path / "data"
    s = open_store(root, actor="tester")
    build_demo(s, photos=2)
    s.close()
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    palette = qapp.palette()
    monkeypatch.setenv(app_module.QUIT_AFTER_ENV, "20000")
    try:
        assert app_module.run_app(str(root)) == 0
    finally:
        qapp.setPalette(palette)
        app_module.install_translation("en")  # later tests read English
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    shown = [w for w in windows if w.filled and w.model.rows]
    assert shown, "the window never filled its list"
    assert not any(w.isVisible() for w in windows)
    for w in windows:
        w.store.close()


def test_bad_quit_after_value_is_misuse(qtbot, tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui import app as app_module

    monkeypatch.setenv(app_module.QUIT_AFTER_ENV, "soon")
    assert app_module.run_app(str(tmp_path / "data")) == 2
    assert "milliseconds" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()  # nothing opened, nothing made


def test_the_deadline_is_dropped_once_the_window_has_shown(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A window that showed its data in time leaves no timer to end a later event loop."""
    from PySide6.QtWidgets import QApplication

    from inspector_app.core.demo import build_demo
    from inspector_app.ui import app as app_module
    from inspector_app.ui.main_window import MainWindow

    root = tmp_path / "data"
    s = open_store(root, actor="tester")
    build_demo(s, photos=2)  # set up: the window, not the welcome, opens
    s.close()
    monkeypatch.setenv(app_module.QUIT_AFTER_ENV, "1500")
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    palette = qapp.palette()
    try:
        assert app_module.run_app(str(root)) == 0
    finally:
        qapp.setPalette(palette)
        app_module.install_translation("en")
    qtbot.wait(200)
    watchers = [
        w.findChild(app_module.QuitWhenShown)
        for w in QApplication.topLevelWidgets()
        if isinstance(w, MainWindow)
    ]
    assert all(q is None or not q.deadline.isActive() for q in watchers)
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow):
            w.store.close()
