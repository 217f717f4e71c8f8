"""The point picker: search as you type (pinyin initials too), recent first, keys only."""

from __future__ import annotations

from PySide6.QtCore import Qt

from inspector_app.core import inspections
from inspector_app.core.store import Store
from inspector_app.ui.point_picker import PointPickerDialog


def test_pinyin_initials_find_the_market_and_enter_chooses(qtbot, city: Store) -> None:  # type: ignore[no-untyped-def]
    dlg = PointPickerDialog(city, language="zh")
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.covert  # covert on by default
    qtbot.keyClicks(dlg.search, "dgcsc")
    assert dlg.model.rowCount() >= 1
    assert "东关菜市场" in dlg.model.data(dlg.model.index(0, 0))
    qtbot.keyClick(dlg.search, Qt.Key.Key_Return)
    assert dlg.result() == dlg.DialogCode.Accepted
    assert dlg.selected_code == "FM-T1"


def test_recent_first_arrows_and_esc(qtbot, city: Store) -> None:  # type: ignore[no-untyped-def]
    inspections.start_inspection(city, "MR-T1")
    dlg = PointPickerDialog(city, language="en")
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.model.hits[0].code == "MR-T1"  # visited most recently
    assert dlg.model.rowCount() == 4
    qtbot.keyClick(dlg.search, Qt.Key.Key_Down)
    qtbot.keyClick(dlg.search, Qt.Key.Key_Down)
    qtbot.keyClick(dlg.search, Qt.Key.Key_Up)
    second = dlg.model.hits[1].code
    qtbot.keyClick(dlg.search, Qt.Key.Key_Space)
    qtbot.keyClick(dlg.search, Qt.Key.Key_Backspace)
    dlg.covert_box.setChecked(False)
    qtbot.keyClick(dlg.search, Qt.Key.Key_Down)
    qtbot.keyClick(dlg.search, Qt.Key.Key_Return)
    assert dlg.selected_code == second and not dlg.covert

    other = PointPickerDialog(city)
    qtbot.addWidget(other)
    other.show()
    qtbot.keyClicks(other.search, "zzzz-nothing")
    assert other.model.rowCount() == 0
    qtbot.keyClick(other.search, Qt.Key.Key_Escape)
    assert other.result() == other.DialogCode.Rejected
    assert other.selected_code is None
