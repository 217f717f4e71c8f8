"""Centre settings dialog: shows the settings in force, saves every change together, and a
refused value (the core's message shown) writes nothing; reachable from the centre window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from inspector_app.core.centre_settings import get_supervisor, read_calendar
from inspector_app.core.periods import set_centre_timezone
from inspector_app.core.settings import all_settings, set_setting
from inspector_app.core.store import Store
from inspector_app.core.workdays import set_holidays, set_working_days

pytest.importorskip("pytestqt")


@pytest.fixture
def dialog(qtbot, store: Store) -> Iterator:  # type: ignore[no-untyped-def,type-arg]
    from inspector_app.ui.centre_settings_dialog import CentreSettingsDialog

    set_setting(store, "centre.supervisor", "王主任")
    set_centre_timezone(store, "Asia/Urumqi")
    set_working_days(store, {"high": 3})
    set_holidays(store, ["2026-10-01", "2026-10-02"])
    d = CentreSettingsDialog(store)
    qtbot.addWidget(d)
    d.show()
    yield d


def test_shows_the_settings_in_force(dialog) -> None:  # type: ignore[no-untyped-def]
    assert dialog.name.text() == "王主任"
    assert dialog.timezone.currentText() == "Asia/Urumqi"
    assert {s: spin.value() for s, spin in dialog.deadline.items()} == {
        "high": 3,
        "medium": 5,
        "low": 10,
    }
    assert dialog.deadline["low"].maximum() == 60 and dialog.deadline["low"].minimum() == 1
    assert dialog.holidays.days() == [date(2026, 10, 1), date(2026, 10, 2)]
    assert dialog.holidays.list.item(0).text().startswith("2026-10-01")
    assert dialog.workdays.days() == []


def test_saves_every_change_together(dialog, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog.name.setText("  李科长 ")
    dialog.timezone.setCurrentText("Asia/Shanghai")
    dialog.deadline["medium"].setValue(4)
    dialog.holidays.date.setDate(QDate(2026, 10, 5))
    dialog.holidays.add_button.click()
    dialog.holidays.add_button.click()  # the same date is listed once
    dialog.holidays.list.item(1).setSelected(True)  # 2026-10-02
    dialog.holidays.remove_button.click()
    dialog.workdays.date.setDate(QDate(2026, 10, 10))
    dialog.workdays.add_button.click()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.supervisor_name == "李科长" and get_supervisor(store) == "李科长"
    cal = read_calendar(store)
    assert cal.timezone == "Asia/Shanghai"
    assert dict(cal.working_days) == {"high": 3, "medium": 4, "low": 10}
    assert cal.holidays == (date(2026, 10, 1), date(2026, 10, 5))
    assert cal.workdays == (date(2026, 10, 10),)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.timezone.setCurrentText("Mars/Base"), "'Mars/Base' is not a time zone"),
        (lambda d: d.name.setText("   "), "the supervisor's name must not be empty"),
        (lambda d: d.workdays.add_days([date(2026, 10, 12)]), "2026-10-12 is a Monday"),
        (
            lambda d: d.workdays.add_days([date(2026, 10, 1)]),
            "2026-10-01 is a Thursday",
        ),
        (
            lambda d: (
                d.workdays.add_days([date(2026, 10, 3)]) or d.holidays.add_days([date(2026, 10, 3)])
            ),
            "2026-10-03 cannot be both a holiday and a working day",
        ),
    ],
)
def test_a_refused_value_writes_nothing(dialog, store: Store, change, message: str) -> None:  # type: ignore[no-untyped-def]
    before = all_settings(store)
    # good changes beside the bad one are not written either
    dialog.deadline["high"].setValue(7)
    dialog.holidays.add_days([date(2026, 5, 1)])
    change(dialog)
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert message in dialog.error.text()
    assert all_settings(store) == before


def test_a_list_pasted_or_from_a_file(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.centre_settings_dialog import DateListDialog

    d = DateListDialog("Add holidays")
    qtbot.addWidget(d)
    d.text.setPlainText("2026-10-01\n# 国庆\n2026-10-08\nOct 9\n2026-02-30\n")
    d.accept()
    assert d.result() != QDialog.DialogCode.Accepted and d.days == []
    assert "line 4: Oct 9" in d.error.text() and "line 5: 2026-02-30" in d.error.text()
    d.text.setPlainText("\n\n")
    d.accept()
    assert d.result() != QDialog.DialogCode.Accepted and d.error.text()
    assert not d.load_file(tmp_path / "missing.txt")
    assert "missing.txt" in d.error.text()
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0 not text")
    assert not d.load_file(binary)
    listed = tmp_path / "holidays.txt"
    listed.write_text("\ufeff2026-10-01\r\n2026-10-08\r\n", encoding="utf-8")
    assert d.load_file(listed) and d.error.text() == ""
    d.accept()
    assert d.result() == QDialog.DialogCode.Accepted
    assert d.days == [date(2026, 10, 1), date(2026, 10, 8)]


def test_the_list_button_adds_the_dates(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    def fill() -> None:
        modal = QApplication.activeModalWidget()
        assert modal is not None and modal is not dialog
        modal.text.setPlainText("2026-10-06\n2026-10-07\n2026-10-01\n")
        modal.accept()

    QTimer.singleShot(0, fill)
    dialog.holidays.list_button.click()
    assert dialog.holidays.days() == [date(2026, 10, d) for d in (1, 2, 6, 7)]


def test_reached_from_the_centre_window(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.centre_window import CentreWindow

    w = CentreWindow(store)  # no supervisor named yet: acts as the store's own actor
    qtbot.addWidget(w)
    assert w.act_centre_settings in w.menuBar().actions()[0].menu().actions()
    seen: list[str] = []

    def fill() -> None:
        modal = QApplication.activeModalWidget()
        seen.append(type(modal).__name__)
        modal.name.setText("赵主任")
        modal.timezone.setCurrentText("UTC")
        modal.accept()

    QTimer.singleShot(0, fill)
    w.act_centre_settings.trigger()
    assert seen == ["CentreSettingsDialog"]
    assert w.store.actor == "赵主任" and store.actor == "tester"  # the caller's store untouched
    assert "赵主任" in w.who.text() and "UTC" in w.who.text()
    assert get_supervisor(store) == "赵主任"
    w.runner.cancel_all()
    w.runner.wait()
