"""The command centre's window: its pages, the supervisor as actor, and switching roles
between the inspector's window and the centre's, both ways."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from inspector_app.core import centre, keys
from inspector_app.core.settings import get_setting, set_setting
from inspector_app.core.store import Store

pytest.importorskip("pytestqt")

CENTRE_PASS = "centre passphrase 2026"


@pytest.fixture
def window(qtbot, store: Store) -> Iterator:  # type: ignore[no-untyped-def,type-arg]
    from inspector_app.ui.centre_window import CentreWindow

    set_setting(store, "centre.supervisor", "王主任")
    w = CentreWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
    yield w
    w.runner.cancel_all()
    w.runner.wait()


class Page(QLabel):
    def __init__(self) -> None:
        super().__init__("a page")
        self.refreshed = 0

    def refresh(self) -> None:
        self.refreshed += 1


def test_only_built_pages_show_and_more_can_be_added(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    titles = window.page_titles()
    assert titles[0] == "Import"  # pages come as they are built, never as placeholders
    assert set(titles) <= {"Import", "Review", "Rectification", "Briefing", "Rounds"}
    assert window.current_page() is window.import_desk
    page = Page()
    action = window.add_page(page, "Extra", "Ctrl+9")
    assert window.page_titles() == [*titles, "Extra"]
    assert action in window.go_menu.actions()
    qtbot.keyClick(window, "9", modifier=Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is page and page.refreshed == 1
    window.import_desk.imported.emit()  # new data: the other pages refresh
    assert page.refreshed == 2
    window.sidebar.setCurrentRow(0)
    assert window.stack.currentWidget() is window.import_desk
    assert window.page_actions[0].isChecked()


def test_the_supervisor_is_who_acts(window, store: Store) -> None:  # type: ignore[no-untyped-def]
    assert window.store.actor == "王主任" and store.actor == "tester"
    assert window.import_desk.store.actor == "王主任"
    assert "王主任" in window.who.text() and "Asia/Shanghai" in window.who.text()


def _set_up_centre(store: Store) -> None:
    centre.init_encryption(store, CENTRE_PASS)
    set_setting(store, "centre.supervisor", "王主任")


def _close(program) -> None:  # type: ignore[no-untyped-def]
    for w in list(program.windows):
        w.close()
        w.runner.wait()


def test_switch_roles_both_ways(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.app import Program
    from inspector_app.ui.centre_window import CentreWindow
    from inspector_app.ui.main_window import MainWindow

    keys.create_local_key(store, name="张三", code="T01", passphrase="laptop-secret")
    _set_up_centre(store)
    program = Program(store)
    try:
        assert program.start_role() == "inspector"
        inspector = program.open(program.start_role())
        assert isinstance(inspector, MainWindow)
        inspector.act_switch_role.trigger()
        assert isinstance(program.window, CentreWindow) and len(program.windows) == 1
        assert get_setting(store, "ui.role") == "centre"
        assert program.start_role() == "centre"  # the next start opens the centre
        program.window.act_switch_role.trigger()
        assert isinstance(program.window, MainWindow) and len(program.windows) == 1
        assert get_setting(store, "ui.role") == "inspector"
    finally:
        _close(program)


def test_adding_the_centre_role_from_the_inspector_window_opens_the_set_up(
    qtbot, store: Store, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui import welcome
    from inspector_app.ui.app import Program
    from inspector_app.ui.centre_window import CentreWindow

    keys.create_local_key(store, name="张三", code="T01", passphrase="laptop-secret")
    answers = iter([False, True])

    def set_up(dialog) -> int:  # type: ignore[no-untyped-def]
        if not next(answers):
            return QDialog.DialogCode.Rejected  # the user closed the set-up
        dialog.name.setText("王主任")
        dialog.passphrase.setText(CENTRE_PASS)
        dialog.passphrase2.setText(CENTRE_PASS)
        assert dialog.submit()
        qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=60_000)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(welcome.CentreSetupDialog, "exec", set_up)
    program = Program(store)
    try:
        inspector = program.open("inspector")
        inspector.act_switch_role.trigger()
        assert program.window is inspector and not centre.has_identity(store)
        inspector.act_switch_role.trigger()
        assert isinstance(program.window, CentreWindow)
        assert program.window.store.actor == "王主任"
        assert centre.has_identity(store)
    finally:
        _close(program)


def test_a_centre_only_program_adds_the_inspector_role(qtbot, store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui import welcome
    from inspector_app.ui.app import Program
    from inspector_app.ui.main_window import MainWindow

    _set_up_centre(store)
    set_setting(store, "ui.role", "centre")

    def set_up(dialog) -> int:  # type: ignore[no-untyped-def]
        assert dialog.inspector_only
        dialog.name.setText("王主任")
        dialog.code.setText("S01")
        dialog.passphrase.setText("laptop-secret")
        dialog.passphrase2.setText("laptop-secret")
        assert dialog.set_up()
        dialog.runner.wait(20_000)  # the key is made on the worker, then the dialog accepts
        return dialog.result()

    monkeypatch.setattr(welcome.WelcomeDialog, "exec", set_up)
    program = Program(store)
    try:
        window = program.open(program.start_role())
        window.act_switch_role.trigger()
        assert isinstance(program.window, MainWindow)
        key = keys.get_local_key(store)
        assert key is not None and key.code == "S01"
    finally:
        _close(program)
