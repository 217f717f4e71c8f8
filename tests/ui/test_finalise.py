"""Finalising from the window: the core's checks, and a list that jumps to each item."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from inspector_app.core import inspections
from inspector_app.core.store import Store
from inspector_app.ui.finalise import MissingDialog, finalise_with_checks
from tests.factories import make_jpeg


def when_modal(qtbot, act) -> None:  # type: ignore[no-untyped-def]
    """Act on the next modal dialog once it shows (exec() blocks the test until then)."""

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(10, poll)
        else:
            act(modal)

    QTimer.singleShot(10, poll)


def test_refuses_missing_photo_and_jumps(qtbot, city: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    insp = inspections.start_inspection(city, "FM-T1")
    inspections.record_finding(city, insp.id, "FM-A01", "pass")
    inspections.record_finding(city, insp.id, "FM-S01", "problem", count=2)
    parent = QWidget()
    qtbot.addWidget(parent)
    jumped: list[str] = []
    seen: list[str] = []

    def act(modal: QWidget) -> None:
        assert isinstance(modal, MissingDialog)
        seen.extend(modal.list.item(i).text() for i in range(modal.list.count()))
        qtbot.keyClick(modal.list, Qt.Key.Key_Return)

    when_modal(qtbot, act)
    assert not finalise_with_checks(city, insp.id, parent, jumped.append)
    assert jumped == ["FM-S01"]
    assert len(seen) == 1 and "FM-S01" in seen[0]
    assert inspections.get_inspection(city, insp.id).summary.status == "draft"

    inspections.attach_photos(city, insp.id, "FM-S01", [make_jpeg(tmp_path / "p.jpg")])
    texts: list[str] = []

    def close_info(modal: QWidget) -> None:
        assert isinstance(modal, QMessageBox)
        texts.append(modal.text())
        modal.accept()

    when_modal(qtbot, close_info)
    assert finalise_with_checks(city, insp.id, parent, jumped.append)
    assert inspections.get_inspection(city, insp.id).summary.status == "final"
    assert "FM-S02" in texts[0]  # unanswered items are named
    assert jumped == ["FM-S01"]


def test_nothing_recorded_is_refused_with_a_message(qtbot, city: Store) -> None:  # type: ignore[no-untyped-def]
    insp = inspections.start_inspection(city, "FM-T1")
    texts: list[str] = []

    def close(modal: QWidget) -> None:
        assert isinstance(modal, QMessageBox)
        texts.append(modal.text())
        modal.reject()

    when_modal(qtbot, close)
    assert not finalise_with_checks(city, insp.id, None, lambda _c: None)
    assert "nothing" in texts[0]


def test_discreet_refusal_pops_nothing_up_and_jumps(qtbot, city, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.core import inspections as core
    from inspector_app.ui.finalise import finalise_with_checks

    insp = core.start_inspection(city, "FM-T1")
    item = next(i for i in core.get_inspection(city, insp.id).items if i.needs_photo)
    core.record_finding(city, insp.id, item.code, "problem", count=1)
    said: list[str] = []
    jumped: list[str] = []
    assert not finalise_with_checks(city, insp.id, None, jumped.append, quiet=said.append)
    assert jumped == [item.code]
    assert said and item.code in said[0]
