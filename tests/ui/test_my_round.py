"""Covert rounds in the window: the pin dialog pins the key shown; Import package applies a
package (on a worker) and refuses a tampered one with its reason, changing nothing; My round
lists the assigned points and starting one links the inspection; the lock hides My round;
the command centre's Rounds page shows the board's counts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from inspector_app.core import centre_key, inspections, rounds
from inspector_app.core.bundle.importer import import_files
from inspector_app.core.my_round import my_assignments
from inspector_app.core.package.writer import WrittenPackage, write_package
from inspector_app.core.store import Store
from tests.bundles import LAPTOP_PASS, Laptop, export, make_laptop, row_counts
from tests.packages import CENTRE_PASS, ready_centre, week_round

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.package_dialogs import ImportPackageDialog, PinKeyDialog
from inspector_app.ui.rounds_page import RoundsPage
from inspector_app.ui.tasks import TaskRunner
from tests.ui.test_lock import visible_texts
from tests.ui.ticks import tick_gaps


@dataclass
class Setup:
    centre: Store
    laptop: Laptop
    round_id: str
    pub: Path
    package: WrittenPackage
    folder: Path


@pytest.fixture
def setup(tmp_path: Path, laptop: Laptop, centre: Store) -> Setup:
    """A centre with a round shared by T01 (the laptop) and T02; T01's package written."""
    ready_centre(centre, tmp_path / "csv")
    b = make_laptop(tmp_path, "laptop-b")
    try:
        from tests.bundles import enroll_laptop

        enroll_laptop(centre, b, name="李四", code="T02")
    finally:
        b.store.close()
    rnd = week_round(centre, per_type=2)
    rounds.assign_round(centre, rnd.id, ["T01", "T02"])
    pub = tmp_path / "centre.pub"
    centre_key.write_public_key(centre, pub)
    folder = tmp_path / "stick"
    folder.mkdir()
    written = write_package(centre, rnd.id, "T01", folder, passphrase=CENTRE_PASS)
    return Setup(centre, laptop, rnd.id, pub, written, folder)


def applied(s: Setup) -> None:
    from inspector_app.core.package.apply import import_package

    centre_key.pin_centre_key(s.laptop.store, s.pub)
    import_package(s.laptop.store, s.package.path, LAPTOP_PASS)


@pytest.fixture
def window(qtbot, setup: Setup) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = MainWindow(setup.laptop.store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
    qtbot.waitUntil(lambda: w.filled, timeout=2000)
    qtbot.waitUntil(lambda: not w.round_panel.loading, timeout=5000)
    yield w
    w.runner.cancel_all()
    w.runner.wait(5000)


def test_the_pin_dialog_shows_the_key_id_in_groups_and_pins_that_key(
    qtbot, setup: Setup, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store = setup.laptop.store
    bad = tmp_path / "bad.pub"
    bad.write_text("untrusted comment: nothing\nnot a key\n", encoding="utf-8")
    dialog = PinKeyDialog(store, path=bad)
    qtbot.addWidget(dialog)
    assert dialog.error.isVisibleTo(dialog) and not dialog.pin_button.isEnabled()
    assert "No command-centre key is pinned" in dialog.current.text()

    info = centre_key.require_signing_key(setup.centre)
    assert dialog.load_file(setup.pub)
    words = centre_key.key_id_words(info.public)
    assert dialog.key_id.text() == words and len(words.split()) == 4
    assert dialog.key_id.font().pointSize() >= 20  # read aloud over the phone: large
    assert not dialog.error.isVisibleTo(dialog)
    assert centre_key.pinned_centre_key(store) is None  # nothing pinned before the click
    qtbot.mouseClick(dialog.pin_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert centre_key.pinned_centre_key(store) == info.public
    again = PinKeyDialog(store, path=setup.pub)
    qtbot.addWidget(again)
    assert "already pinned" in again.current.text()


def test_import_package_applies_it_on_a_worker_and_my_round_lists_the_points(
    qtbot, setup: Setup, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    panel = window.round_panel
    # before any package: the panel says how to get one
    assert panel.model.rows == [] and panel.empty.isVisibleTo(panel)
    assert "Pin the command centre's key" in panel.empty_text.text()
    assert "none pinned" in panel.key_label.text()

    centre_key.pin_centre_key(setup.laptop.store, setup.pub)
    dialog = ImportPackageDialog(setup.laptop.store, window.runner, window, path=setup.package.path)
    qtbot.addWidget(dialog)
    dialog.applied.connect(lambda _r: window._package_applied())
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, LAPTOP_PASS)
    with tick_gaps(qtbot) as gaps:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert dialog.busy  # age, scrypt and the checks run on a worker
        qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert max(gaps) < 0.050, f"the event loop was blocked for {max(gaps) * 1000:.0f} ms"
    result = dialog.applied_package
    assert result is not None and result.status == "applied", dialog.message.text()
    assert "Package 1 applied" in dialog.message.text()
    # the English translation's plural forms
    n = result.assignments
    assert f"{n} point{'' if n == 1 else 's'} to visit" in dialog.message.text()

    qtbot.waitUntil(lambda: bool(panel.model.rows) and not panel.loading, timeout=5000)
    assert window.left_tabs.currentWidget() is panel  # shown once applied
    mine = my_assignments(setup.laptop.store)
    board = rounds.round_board(setup.centre, setup.round_id)
    expected = sorted(a.point_code for a in board.assignments if a.inspector_code == "T01")
    assert (
        sorted(a.point_code for a in panel.model.rows)
        == expected
        == sorted(a.point_code for a in mine)
    )
    shown = " ".join(visible_texts(window))
    assert "第48周暗访" in panel.heading.text()
    assert "6 days left" in panel.detail.text()
    assert all(a.point_name in shown for a in panel.model.rows)
    assert "to do" in shown
    words = centre_key.key_id_words(centre_key.require_signing_key(setup.centre).public)
    assert words in panel.key_label.text()

    # the same package again: nothing changes, and the dialog says so
    again = ImportPackageDialog(setup.laptop.store, window.runner, window, path=setup.package.path)
    qtbot.addWidget(again)
    qtbot.keyClicks(again.passphrase, LAPTOP_PASS)
    again.start()
    qtbot.waitUntil(lambda: not again.busy, timeout=20_000)
    assert "already applied" in again.message.text()


def test_a_tampered_package_is_refused_with_its_reason_and_nothing_changes(
    qtbot, setup: Setup, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store = setup.laptop.store
    runner = TaskRunner()
    data = bytearray(setup.package.path.read_bytes())
    data[-100] ^= 0x01
    bad = tmp_path / "tampered.package.age"
    bad.write_bytes(bytes(data))

    def run(path: Path, secret: str) -> ImportPackageDialog:
        dialog = ImportPackageDialog(store, runner, path=path)
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.passphrase, secret)
        dialog.start()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
        return dialog

    before = row_counts(store)
    unpinned = run(setup.package.path, LAPTOP_PASS)
    assert unpinned.error_kind == "not_pinned"
    assert "Pin the key first" in unpinned.message.text()
    centre_key.pin_centre_key(store, setup.pub)
    before = row_counts(store)

    wrong = run(setup.package.path, "not the passphrase")
    assert wrong.error_kind == "wrong_passphrase" and "Wrong passphrase" in wrong.message.text()
    refused = run(bad, LAPTOP_PASS)
    assert refused.error_kind == "refused" and refused.applied_package is None
    text = refused.message.text()
    assert "refused; nothing was changed" in text
    assert "Reason: the package file is damaged or truncated" in text
    assert row_counts(store) == before
    runner.wait(5000)


def test_starting_an_assignment_links_the_inspection_and_opens_it(
    qtbot, setup: Setup, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    applied(setup)
    window.show_my_round()
    panel = window.round_panel
    panel.refresh()
    qtbot.waitUntil(lambda: bool(panel.model.rows) and not panel.loading, timeout=5000)
    first = panel.model.rows[0]
    assert first.status == "todo" and panel.start_button.text() == "Start inspection"
    panel.select(first.id)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)

    # the checklist shows the new inspection, linked to the assignment and its round
    assert window.current_id is not None
    detail = inspections.get_inspection(setup.laptop.store, window.current_id)
    assert detail.summary.point_code == first.point_code
    assert window.checklist.inspection_id == window.current_id
    from sqlalchemy import select

    from inspector_app.core.db.models import Inspection

    with setup.laptop.store.read() as s:
        row = s.scalars(select(Inspection).where(Inspection.id == window.current_id)).one()
        assert (row.round_id, row.assignment_id) == (setup.round_id, first.id)
        assert row.covert
    qtbot.waitUntil(
        lambda: panel.model.rows[panel.model.row_of(first.id)].status == "in_progress",
        timeout=5000,
    )
    # in progress sorts after the points still to do; the button now opens it
    assert panel.model.rows[0].status == "todo"
    assert panel.select(first.id) and panel.start_button.text() == "Open inspection"
    window.table.clearSelection()
    qtbot.mouseDClick(
        panel.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=panel.table.visualRect(panel.model.index(panel.model.row_of(first.id), 2)).center(),
    )
    assert window.current_id == detail.summary.id
    assert len(inspections.list_inspections(setup.laptop.store)) == 1  # opened, not started


def test_the_lock_hides_my_round(qtbot, setup: Setup, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    applied(setup)
    window.show_my_round()
    window.round_panel.refresh()
    panel = window.round_panel
    qtbot.waitUntil(lambda: bool(panel.model.rows) and not panel.loading, timeout=5000)
    names = [a.point_name for a in panel.model.rows]
    assert all(any(n in t for t in visible_texts(window)) for n in names)

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    shown = " ".join(visible_texts(window))
    assert not any(n in shown for n in names)
    assert "第48周暗访" not in shown
    assert not panel.isVisible() and not window.act_my_round.isEnabled()
    window.show_my_round()  # the shortcut's action does nothing while locked
    assert not panel.isVisible()

    page = window.lock_page
    assert page is not None
    qtbot.keyClicks(page.passphrase, LAPTOP_PASS)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
    assert panel.isVisible()
    qtbot.waitUntil(lambda: not panel.loading, timeout=5000)
    assert all(any(n in t for t in visible_texts(window)) for n in names)


def test_the_rounds_page_shows_the_board_counts(qtbot, setup: Setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    applied(setup)
    # T01 inspects one assigned point and exports it; the centre imports the bundle
    mine = my_assignments(setup.laptop.store)
    from inspector_app.core.my_round import start_assignment

    insp = start_assignment(setup.laptop.store, mine[0].id)
    items = inspections.get_inspection(setup.laptop.store, insp.id).items
    for item in items:
        inspections.record_finding(setup.laptop.store, insp.id, item.code, "pass")
    inspections.finalise_inspection(setup.laptop.store, insp.id)
    bundles = export(setup.laptop, [insp.id], tmp_path / "usb")
    import_files(setup.centre, bundles)
    start_assignment(setup.laptop.store, mine[1].id)  # in progress, not exported

    runner = TaskRunner()
    page = RoundsPage(setup.centre, runner, language="en")
    runner.setParent(page)
    qtbot.addWidget(page, before_close_func=lambda _w: runner.wait(5000))
    page.resize(1280, 800)
    page.show()
    qtbot.waitUntil(lambda: page.board is not None and not page.loading, timeout=10_000)
    board = rounds.round_board(setup.centre, setup.round_id)
    assert page.round_list.count() == 1 and "第48周暗访" in page.round_list.item(0).text()
    by_insp = page.counts_of(page.by_inspector)
    t01 = next(r for r in board.by_inspector if r.label == "T01")
    t02 = next(r for r in board.by_inspector if r.label == "T02")
    assert by_insp["张三 (T01)"] == (t01.assigned, 1, 1, 1, 0)
    assert by_insp["李四 (T02)"] == (t02.assigned, 0, 0, 0, 0)
    by_dist = page.counts_of(page.by_district)
    assert by_dist == {
        r.label: (r.assigned, r.inspected, r.exported, r.received, r.overdue)
        for r in board.by_district
    }
    assert sum(v[3] for v in by_dist.values()) == 1
    summary = page.summary.text()
    n = len(board.assignments)
    assert f"{n} point{'' if n == 1 else 's'} · " in summary
    assert f"received 1 ({1 / len(board.assignments):.0%} complete)" in summary
    assert "0 overdue" in summary
    assert page.model.rowCount() == len(board.assignments)
    statuses = {page.model.index(n, 0).data() for n in range(page.model.rowCount())}
    assert any("received" in s for s in statuses)


def test_the_rounds_page_puts_overdue_points_first(qtbot, setup: Setup) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    today = date.today()
    late = rounds.create_round(
        setup.centre,
        name="上周暗访",
        starts_on=today - timedelta(days=9),
        ends_on=today - timedelta(days=2),
        per_type=1,
        types=("FARMERS_MARKET",),
        seed="late",
    )
    rounds.assign_round(setup.centre, late.id, ["T01"])
    runner = TaskRunner()
    page = RoundsPage(setup.centre, runner, language="en")
    runner.setParent(page)
    qtbot.addWidget(page, before_close_func=lambda _w: runner.wait(5000))
    page.show()
    qtbot.waitUntil(lambda: page.board is not None and not page.loading, timeout=10_000)
    assert page.round_list.count() == 2
    page.select_round(late.id)
    qtbot.waitUntil(
        lambda: page.board is not None and page.board.round.id == late.id and not page.loading,
        timeout=10_000,
    )
    n = page.model.rowCount()
    assert n >= 1
    first = page.model.index(0, 0)
    assert "overdue" in first.data()
    assert f"{n} overdue" in page.summary.text()
    assert page.counts_of(page.by_inspector)["张三 (T01)"][4] == n
