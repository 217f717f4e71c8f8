"""The command centre's round dialogs: New round… records the round as typed, Assign… shares
it among the ticked inspectors away from their home districts (chosen from the register's),
Write packages… writes one package per inspector that their laptop imports; bad input gets a
message in the dialog, which stays open, and changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from inspector_app.core import centre_key, rounds
from inspector_app.core.db.models import Package
from inspector_app.core.package.apply import import_package
from inspector_app.core.points import list_points
from inspector_app.core.store import Store
from tests.bundles import LAPTOP_PASS, Laptop, enroll_laptop, make_laptop, row_counts
from tests.packages import CENTRE_PASS, ready_centre, week_round

pytest.importorskip("pytestqt")

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from inspector_app.ui.rounds_page import FormDialog, RoundsPage
from inspector_app.ui.tasks import TaskRunner


@dataclass
class Centre:
    store: Store
    laptops: dict[str, Laptop]  # inspector code → their laptop


@pytest.fixture
def setup(tmp_path: Path, laptop: Laptop, centre: Store) -> Iterator[Centre]:
    """A centre with the register, a signing key and two inspectors: T01 and T02."""
    ready_centre(centre, tmp_path / "csv")
    other = make_laptop(tmp_path, "laptop-b")
    enroll_laptop(centre, other, name="李四", code="T02")
    try:
        yield Centre(centre, {"T01": laptop, "T02": other})
    finally:
        other.store.close()


@pytest.fixture
def page(qtbot, setup: Centre) -> RoundsPage:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    p = RoundsPage(setup.store, runner, language="en")
    runner.setParent(p)
    qtbot.addWidget(p, before_close_func=lambda _w: runner.wait(5000))
    p.resize(1280, 800)
    p.show()
    qtbot.waitUntil(lambda: p._loaded_once and not p.loading, timeout=10_000)
    return p


def press_ok(qtbot, page: RoundsPage, dialog: FormDialog) -> None:  # type: ignore[no-untyped-def]
    """OK, then wait for the work (if the fields let it start) to end."""
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.working and not page.busy, timeout=30_000)


def refused(dialog: FormDialog) -> str:
    """The dialog's message, having checked that it is shown and the dialog still open."""
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisibleTo(dialog)
    return dialog.error.text()


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def shown_round(qtbot, page: RoundsPage, round_id: str) -> None:  # type: ignore[no-untyped-def]
    page.select_round(round_id)
    qtbot.waitUntil(
        lambda: page.board is not None and page.board.round.id == round_id and not page.loading,
        timeout=10_000,
    )


# --- New round… --------------------------------------------------------------------------------


def test_new_round_records_what_was_typed(qtbot, page: RoundsPage, setup: Centre) -> None:  # type: ignore[no-untyped-def]
    today = date.today()
    dialog = page.new_round()
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok.isEnabled()  # no name yet
    # typed as an input method commits it (QTest types ASCII keys only)
    dialog.name.insert("第49周暗访")
    dialog.starts.setDate(qdate(today + timedelta(days=2)))
    dialog.ends.setDate(qdate(today + timedelta(days=8)))
    dialog.per_type.setValue(3)
    dialog.types.insert("FARMERS_MARKET，BUS_STOP")  # a Chinese comma too
    qtbot.keyClicks(dialog.seed, "w49")
    press_ok(qtbot, page, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()

    (made,) = rounds.list_rounds(setup.store)
    assert (made.name, made.starts_on, made.ends_on) == (
        "第49周暗访",
        today + timedelta(days=2),
        today + timedelta(days=8),
    )
    assert made.seed == "w49" and made.points == 6
    assert made.inputs["per_type"] == 3
    assert made.inputs["types"] == ["BUS_STOP", "FARMERS_MARKET"]
    assert made.inputs["exclude_recent_days"] == rounds.DEFAULT_EXCLUDE_RECENT_DAYS
    # the page shows the new round and says what was made
    qtbot.waitUntil(lambda: page.board is not None and page.board.round.id == made.id)
    assert "6 points sampled" in page.message.text()  # the English translation's plural


def test_new_round_refuses_bad_input_in_the_dialog(qtbot, page: RoundsPage, setup: Centre) -> None:  # type: ignore[no-untyped-def]
    today = date.today()
    before = row_counts(setup.store)
    dialog = page.new_round()
    assert dialog is not None
    dialog.name.insert("坏轮次")
    dialog.starts.setDate(qdate(today))
    dialog.ends.setDate(qdate(today - timedelta(days=1)))
    press_ok(qtbot, page, dialog)
    assert "ends before it starts" in refused(dialog)
    # a window of more than a year
    dialog.ends.setDate(qdate(today + timedelta(days=400)))
    press_ok(qtbot, page, dialog)
    assert "at most a year" in refused(dialog)
    # a district the register does not have: refused by the core, said in the dialog
    dialog.ends.setDate(qdate(today + timedelta(days=6)))
    dialog.districts.insert("无此区")
    press_ok(qtbot, page, dialog)
    assert "no point of the chosen types in district(s) 无此区" in refused(dialog)
    assert row_counts(setup.store) == before and rounds.list_rounds(setup.store) == []
    # corrected, the same dialog makes the round
    dialog.districts.clear()
    press_ok(qtbot, page, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [r.name for r in rounds.list_rounds(setup.store)] == ["坏轮次"]


# --- Assign… -----------------------------------------------------------------------------------


def test_assign_shares_the_round_away_from_home_districts(
    qtbot, page: RoundsPage, setup: Centre
) -> None:  # type: ignore[no-untyped-def]
    rnd = week_round(setup.store, per_type=3, types=("FARMERS_MARKET", "BUS_STOP"))
    shown_round(qtbot, page, rnd.id)
    dialog = page.assign()
    assert dialog is not None
    # home districts are chosen from the register's, or none
    register = sorted({p.district for p in list_points(setup.store)})
    box = dialog.home_boxes[dialog.row_of("T01")]
    assert [box.itemText(i) for i in range(box.count())] == ["—", *register]
    assert dialog.homes() == {}

    before = row_counts(setup.store)
    # nobody ticked
    dialog.tick("T01", False)
    dialog.tick("T02", False)
    press_ok(qtbot, page, dialog)
    assert "Tick at least one inspector" in refused(dialog)
    # one inspector, who lives in a district with points to visit: refused by the core
    districts = sorted({a.district for a in rounds.round_board(setup.store, rnd.id).assignments})
    assert len(districts) >= 2
    dialog.tick("T01", True)
    dialog.set_home("T01", districts[0])
    press_ok(qtbot, page, dialog)
    assert f"every inspector given lives in district {districts[0]}" in refused(dialog)
    assert row_counts(setup.store) == before
    assert rounds.round_board(setup.store, rnd.id).total.assigned == 0

    # both, each with a home district
    dialog.tick("T02", True)
    dialog.set_home("T02", districts[1])
    assert dialog.homes() == {"T01": districts[0], "T02": districts[1]}
    press_ok(qtbot, page, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted

    board = rounds.round_board(setup.store, rnd.id)
    homes = {"T01": districts[0], "T02": districts[1]}
    assert board.total.assigned == len(board.assignments) > 0
    assert all(a.district != homes[a.inspector_code or ""] for a in board.assignments)
    # the page shows the assignments
    qtbot.waitUntil(lambda: page.board is not None and page.board.total.assigned > 0)
    assert set(page.counts_of(page.by_inspector)) == {"张三 (T01)", "李四 (T02)"}
    assert "points assigned" in page.message.text()


# --- Write packages… ---------------------------------------------------------------------------


def test_write_packages_one_per_inspector_that_their_laptops_import(
    qtbot, page: RoundsPage, setup: Centre, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    rnd = week_round(setup.store, per_type=2)
    rounds.assign_round(setup.store, rnd.id, ["T01", "T02"])
    shown_round(qtbot, page, rnd.id)
    stick = tmp_path / "stick"
    stick.mkdir()
    before = row_counts(setup.store)

    dialog = page.write_packages()
    assert dialog is not None
    # no folder, a folder that does not exist, no passphrase
    press_ok(qtbot, page, dialog)
    assert "Choose the folder" in refused(dialog)
    dialog.folder.setText(str(tmp_path / "absent"))
    press_ok(qtbot, page, dialog)
    assert "does not exist" in refused(dialog)
    dialog.folder.setText(str(stick))
    press_ok(qtbot, page, dialog)
    assert "passphrase" in refused(dialog)
    # the wrong passphrase: the core refuses on the worker; no file, no record
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    press_ok(qtbot, page, dialog)
    assert "wrong passphrase" in refused(dialog)
    assert list(stick.iterdir()) == [] and row_counts(setup.store) == before

    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, CENTRE_PASS)
    press_ok(qtbot, page, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    files = sorted(stick.iterdir())
    assert len(files) == 2
    with setup.store.read() as s:
        written = {
            key_id: name
            for name, key_id in s.execute(
                select(Package.file_name, Package.inspector_key_id).where(
                    Package.direction == "written"
                )
            ).tuples()
        }
    assert sorted(written.values()) == [f.name for f in files]
    assert "Packages written to" in page.message.text()

    # each inspector's laptop imports its own package
    pub = tmp_path / "centre.pub"
    centre_key.write_public_key(setup.store, pub)
    board = rounds.round_board(setup.store, rnd.id)
    for code, lap in setup.laptops.items():
        centre_key.pin_centre_key(lap.store, pub)
        result = import_package(lap.store, stick / written[lap.key_id], LAPTOP_PASS)
        assert result.status == "applied"
        assert result.assignments == sum(1 for a in board.assignments if a.inspector_code == code)
    assert all(a.packaged for a in rounds.round_board(setup.store, rnd.id).assignments)
