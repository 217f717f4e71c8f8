"""The checklist, driven by the keyboard only, against a real store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from inspector_app.core import inspections
from inspector_app.core.store import Store, open_store
from inspector_app.ui.checklist import ChecklistWidget
from inspector_app.ui.tasks import TaskRunner
from tests.factories import make_jpeg

ITEM = "FM-S01"  # per instance, needs a photo


@pytest.fixture
def widget(qtbot, city: Store) -> Iterator[ChecklistWidget]:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    stack = QUndoStack()
    w = ChecklistWidget(city, runner, stack, language="zh")
    qtbot.addWidget(w)
    w.resize(1000, 500)
    w.show()
    insp = inspections.start_inspection(city, "FM-T1")
    w.load(insp.id)
    yield w
    runner.wait()


def state(store: Store, insp_id: str, code: str) -> tuple[str | None, int, str]:
    item = next(i for i in inspections.get_inspection(store, insp_id).items if i.code == code)
    return item.result, item.count, item.note


def fresh_state(data_dir: Path, insp_id: str, code: str) -> tuple[str | None, int, str]:
    """What a second connection (the program restarted after a kill) sees."""
    other = open_store(data_dir)
    try:
        return state(other, insp_id, code)
    finally:
        other.close()


def ime_commit(target: QWidget, text: str) -> None:
    """What a Chinese input method delivers when a phrase is chosen: a commit, no keys."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(target, event)


def fullwidth_key(target: QWidget, char: str) -> None:
    """A full-width character (１２３＋－) as an IME in full-width mode sends it."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        key = QKeyEvent(kind, ord(char), Qt.KeyboardModifier.NoModifier, char)
        QApplication.sendEvent(target, key)


def press(qtbot, target: QWidget, key: str) -> None:  # type: ignore[no-untyped-def]
    if key.isascii():
        qtbot.keyClick(target, key)
    else:
        fullwidth_key(target, key)


def move_to(qtbot, w: ChecklistWidget, code: str) -> None:  # type: ignore[no-untyped-def]
    for _ in range(20):
        if w.current_item() == code:
            return
        qtbot.keyClick(w.view, Qt.Key.Key_Down)
    raise AssertionError(f"never reached {code}")


@pytest.mark.parametrize("problem_key", ["2", "２"])
def test_keyboard_only_problem_with_count_note_photo_then_finalise(  # type: ignore[no-untyped-def]
    qtbot, widget: ChecklistWidget, city: Store, data_dir: Path, tmp_path: Path, problem_key: str
) -> None:
    w = widget
    insp_id = w.inspection_id
    assert insp_id is not None
    changed: list[str] = []
    w.inspectionChanged.connect(changed.append)
    w.view.setFocus()
    assert w.current_item() == "FM-A01"
    move_to(qtbot, w, ITEM)

    press(qtbot, w.view, problem_key)
    assert fresh_state(data_dir, insp_id, ITEM) == ("problem", 1, "")
    qtbot.keyClick(w.view, "+")
    assert fresh_state(data_dir, insp_id, ITEM) == ("problem", 2, "")
    assert "×2" in w.model.data(w.model.index_of(ITEM, 2))

    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    assert w.note_edit.isVisible()
    ime_commit(w.note_edit, "摊位前积水")
    qtbot.keyClicks(w.note_edit, " water")
    qtbot.keyClick(w.note_edit, Qt.Key.Key_Return)
    assert not w.note_edit.isVisible()
    assert fresh_state(data_dir, insp_id, ITEM) == ("problem", 2, "摊位前积水 water")
    assert changed == [insp_id] * 3
    assert "摊位前积水" in w.model.data(w.model.index_of(ITEM, 6))

    # the score shows live: 2 instances × 1 point of a cap of 3
    assert "33.3 %" in w.summary_label.text()

    inspections.attach_photos(city, insp_id, ITEM, [make_jpeg(tmp_path / "a.jpg")])
    inspections.finalise_inspection(city, insp_id)
    assert inspections.get_inspection(city, insp_id).summary.status == "final"
    w.load(insp_id)
    qtbot.keyClick(w.view, "1")  # read-only now: nothing changes, and it says so
    assert state(city, insp_id, ITEM)[0] == "problem"
    assert "final" in w.message.text()


def test_fullwidth_signs_and_esc_cancels_note(  # type: ignore[no-untyped-def]
    qtbot, widget: ChecklistWidget, city: Store
) -> None:
    w = widget
    insp_id = w.inspection_id
    assert insp_id is not None
    move_to(qtbot, w, ITEM)
    fullwidth_key(w.view, "２")
    fullwidth_key(w.view, "＋")
    fullwidth_key(w.view, "＋")
    fullwidth_key(w.view, "－")
    assert state(city, insp_id, ITEM) == ("problem", 2, "")
    qtbot.keyClick(w.view, Qt.Key.Key_N)
    qtbot.keyClicks(w.note_edit, "abc")
    qtbot.keyClick(w.note_edit, Qt.Key.Key_Escape)
    assert not w.note_edit.isVisible()
    assert state(city, insp_id, ITEM) == ("problem", 2, "")
    fullwidth_key(w.view, "３")
    assert state(city, insp_id, ITEM) == ("na", 0, "")
    qtbot.keyClick(w.view, Qt.Key.Key_Backspace)
    assert state(city, insp_id, ITEM) == (None, 0, "")


def test_view_takes_no_input_method(widget: ChecklistWidget) -> None:
    assert not widget.view.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    assert widget.note_edit.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)


def test_move_keys_and_photo_request(qtbot, widget: ChecklistWidget) -> None:  # type: ignore[no-untyped-def]
    w = widget
    selected: list[tuple[str, str]] = []
    w.itemSelected.connect(lambda i, c: selected.append((i, c)))
    codes = w.model.codes()
    assert w.current_item() == codes[0]
    qtbot.keyClick(w.view, "j")
    assert w.current_item() == codes[1]
    qtbot.keyClick(w.view, "k")
    qtbot.keyClick(w.view, Qt.Key.Key_Up)  # stays on the first item
    assert w.current_item() == codes[0]
    assert selected[0] == (w.inspection_id, codes[1])
    with qtbot.waitSignal(w.photoRequested, timeout=500):
        qtbot.keyClick(w.view, "p")
    w.focus_item(codes[-1])
    assert w.current_item() == codes[-1]


def test_undo_redo_restores_exactly(  # type: ignore[no-untyped-def]
    qtbot, widget: ChecklistWidget, city: Store, data_dir: Path
) -> None:
    w = widget
    insp_id = w.inspection_id
    assert insp_id is not None
    stack = w.undo_stack
    move_to(qtbot, w, ITEM)
    qtbot.keyClick(w.view, "2")
    qtbot.keyClick(w.view, "+")
    qtbot.keyClick(w.view, "+")
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    ime_commit(w.note_edit, "垃圾未清运")
    qtbot.keyClick(w.note_edit, Qt.Key.Key_Return)
    qtbot.keyClick(w.view, "1")
    history = [
        (None, 0, ""),
        ("problem", 1, ""),
        ("problem", 2, ""),
        ("problem", 3, ""),
        ("problem", 3, "垃圾未清运"),
        ("pass", 0, "垃圾未清运"),
    ]
    assert stack.count() == 5
    assert fresh_state(data_dir, insp_id, ITEM) == history[-1]
    for expected in reversed(history[:-1]):
        stack.undo()
        assert fresh_state(data_dir, insp_id, ITEM) == expected
        assert w.model.find(ITEM) is not None
        found = w.model.find(ITEM)
        assert found is not None and (found.result, found.count, found.note) == expected
    assert inspections.get_inspection(city, insp_id).summary.answered == 0
    for expected in history[1:]:
        stack.redo()
        assert fresh_state(data_dir, insp_id, ITEM) == expected


def test_undo_of_clear_puts_photos_back(  # type: ignore[no-untyped-def]
    qtbot, widget: ChecklistWidget, city: Store, tmp_path: Path
) -> None:
    w = widget
    insp_id = w.inspection_id
    assert insp_id is not None
    move_to(qtbot, w, ITEM)
    qtbot.keyClick(w.view, "2")
    inspections.attach_photos(city, insp_id, ITEM, [make_jpeg(tmp_path / "b.jpg")])
    w.load(insp_id)
    qtbot.keyClick(w.view, "0")
    assert state(city, insp_id, ITEM) == (None, 0, "")
    w.undo_stack.undo()
    item = next(i for i in inspections.get_inspection(city, insp_id).items if i.code == ITEM)
    assert item.result == "problem" and len(item.photos) == 1


def test_count_limits_and_pass_fail(qtbot, widget: ChecklistWidget, city: Store) -> None:  # type: ignore[no-untyped-def]
    w = widget
    insp_id = w.inspection_id
    assert insp_id is not None
    assert w.current_item() == "FM-A01"  # per missing ad, quota 5
    qtbot.keyClick(w.view, "2")
    for _ in range(6):
        qtbot.keyClick(w.view, "+")
    assert state(city, insp_id, "FM-A01") == ("problem", 5, "")
    assert "5" in w.model.data(w.model.index_of("FM-A01", 2))
    assert "at most 5" in w.message.text().lower()
    move_to(qtbot, w, "FM-O01")  # pass/fail
    qtbot.keyClick(w.view, "2")
    qtbot.keyClick(w.view, "+")
    assert state(city, insp_id, "FM-O01") == ("problem", 1, "")
    assert "pass/fail" in w.message.text()


def test_a_final_inspections_message_does_not_stay_on_a_draft(qtbot, city) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QUndoStack

    from inspector_app.core import inspections as core
    from inspector_app.ui.checklist import ChecklistWidget
    from inspector_app.ui.tasks import TaskRunner

    final = core.start_inspection(city, "MR-T1")
    code = next(i.code for i in core.get_inspection(city, final.id).items if not i.needs_photo)
    core.record_finding(city, final.id, code, "pass")
    core.finalise_inspection(city, final.id)
    draft = core.start_inspection(city, "FM-T1")
    widget = ChecklistWidget(city, TaskRunner(), QUndoStack())
    qtbot.addWidget(widget)
    widget.load(final.id)
    assert widget.message.text()
    widget.load(draft.id)
    assert widget.message.text() == ""
