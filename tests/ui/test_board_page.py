"""The rectification board over a command centre's data: overdue first in a word and a
colour, tasks of one unit, status changes with a note (required to reopen), and confirming a
closure from a re-inspection with the before and after photos side by side."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector_app.core import rectification as rect
from inspector_app.core.centre_demo import build_centre_data
from inspector_app.core.store import Store, open_store

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from inspector_app.ui.board_page import COL_DAYS, COL_STATUS, BoardPage
from inspector_app.ui.tasks import TaskRunner

SUPERVISOR = "周主任"


@pytest.fixture(scope="session")
def board_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("board") / "data"
    s = open_store(root, actor=SUPERVISOR)
    try:
        build_centre_data(s, findings=3_000, seed=7, photos=True)
    finally:
        s.close()
    return root


@pytest.fixture
def centre(board_template: Path, tmp_path: Path) -> Iterator[Store]:
    root = tmp_path / "data"
    shutil.copytree(board_template, root)
    s = open_store(root, actor=SUPERVISOR)
    yield s
    s.close()


def open_board(qtbot, store: Store) -> BoardPage:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    page = BoardPage(store, runner, language="en")
    runner.setParent(page)
    qtbot.addWidget(page, before_close_func=lambda _w: runner.wait(5000))
    page.resize(1280, 860)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2000)
    qtbot.waitUntil(lambda: bool(page.board) and not page.loading, timeout=10_000)
    qtbot.waitUntil(lambda: page.panel.detail is not None, timeout=5000)
    return page


def shown(qtbot, page: BoardPage, task_id: str) -> None:  # type: ignore[no-untyped-def]
    page.activateWindow()  # back from a dialog: the page's keys need its window active
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2000)
    assert page.select_task(task_id)
    qtbot.waitUntil(
        lambda: page.panel.detail is not None and page.panel.detail.task.id == task_id,
        timeout=5000,
    )


def settled(qtbot, page: BoardPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: not page.busy and not page.loading and not page.runner.busy, timeout=5000
    )


def test_overdue_first_in_a_word_and_a_colour(qtbot, centre: Store) -> None:
    page = open_board(qtbot, centre)
    tasks = page.model.rows
    assert len(tasks) == len(rect.list_tasks(centre))
    flags = [t.overdue for t in tasks]
    assert any(flags) and not all(flags)
    assert flags == sorted(flags, reverse=True)  # every overdue task before the others
    late = [t for t in tasks if t.overdue]
    assert [t.deadline for t in late] == sorted(t.deadline for t in late)

    model = page.model
    first_late = model.index(0, COL_STATUS)
    assert model.data(first_late).startswith("Overdue")  # the word, not the colour alone
    assert model.data(first_late, Qt.ItemDataRole.BackgroundRole) is not None
    days = model.data(model.index(0, COL_DAYS))
    assert "overdue" in days
    on_time = model.index(flags.index(False), COL_STATUS)
    assert not model.data(on_time).startswith("Overdue")
    assert "overdue" in page.summary.text()

    # one unit: its tasks only, still overdue first; the overdue filter keeps late ones
    page.units.setCurrentRow(1)
    unit = page.board[0].unit
    assert {t.unit for t in page.model.rows} == {unit}
    page.status_filter.setCurrentIndex(page.status_filter.findData(rect.OVERDUE))
    assert page.model.rows and all(t.overdue for t in page.model.rows)


def test_status_changes_take_a_note_and_reopening_needs_one(qtbot, centre: Store) -> None:
    page = open_board(qtbot, centre)
    task = next(t for t in page.model.rows if t.status == rect.OPEN)
    shown(qtbot, page, task.id)
    assert not page.table.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)  # IME on
    qtbot.keyClick(page.table, Qt.Key.Key_F)
    dialog = page.note_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.note.insertPlainText("单位回复已清理")
    dialog.accept()
    settled(qtbot, page)
    assert rect.get_task(centre, task.id).status == rect.REPORTED_FIXED
    shown(qtbot, page, task.id)
    assert page.panel.history.rowCount() == 2
    assert "单位回复已清理" in page.panel.history.item(1, 2).text()

    qtbot.keyClick(page.table, Qt.Key.Key_O)
    dialog = page.note_dialog
    assert dialog is not None
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # reopening says why
    dialog.accept()
    assert dialog.isVisible()
    dialog.note.insertPlainText("复查仍有占道")
    assert ok.isEnabled()
    dialog.accept()
    settled(qtbot, page)
    info = rect.get_task(centre, task.id)
    assert info.status == rect.OPEN
    history = rect.task_detail(centre, task.id).history
    assert (history[-1].actor, history[-1].note) == (SUPERVISOR, "复查仍有占道")


def test_confirm_closure_shows_before_and_after(qtbot, centre: Store) -> None:
    page = open_board(qtbot, centre)
    task = next(t for t in page.model.rows if t.proposal_finding_id)
    shown(qtbot, page, task.id)
    panel = page.panel
    detail = panel.detail
    assert detail is not None and detail.proposal is not None
    assert panel.after_widget.isVisibleTo(page) and panel.confirm_button.isVisibleTo(page)
    assert panel.before_title.text().startswith("Before")
    assert panel.after_title.text().startswith("After")
    assert panel.before.photos == detail.proposal.before
    assert panel.after.photos == detail.proposal.after
    # the photos sit side by side
    assert (
        panel.before.mapTo(page, panel.before.rect().topLeft()).x()
        < panel.after.mapTo(page, panel.after.rect().topLeft()).x()
    )

    qtbot.keyClick(page.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settled(qtbot, page)
    info = rect.get_task(centre, task.id)
    assert info.status == rect.CLOSED
    assert info.closed_by == SUPERVISOR
    assert info.reinspection_finding_id == task.proposal_finding_id
    shown(qtbot, page, task.id)
    assert not panel.confirm_button.isVisibleTo(page)
    assert "re-inspection" in panel.history.item(panel.history.rowCount() - 1, 2).text()


def test_a_change_made_meanwhile_is_refused_and_shown(qtbot, centre: Store) -> None:
    page = open_board(qtbot, centre)
    task = next(t for t in page.model.rows if t.status == rect.OPEN)
    shown(qtbot, page, task.id)
    other = open_store(centre.paths.root, actor="李副主任")
    try:
        rect.update_status(other, task.id, rect.REPORTED_FIXED)
    finally:
        other.close()
    qtbot.keyClick(page.table, Qt.Key.Key_F)
    assert page.note_dialog is not None
    page.note_dialog.accept()
    settled(qtbot, page)
    assert page.message.isVisible() and "changed meanwhile" in page.message.text()
    shown(qtbot, page, task.id)
    assert page.panel.detail is not None
    assert page.panel.detail.task.status == rect.REPORTED_FIXED  # shown as it now is
