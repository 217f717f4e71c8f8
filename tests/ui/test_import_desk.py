"""The import desk: a dropped folder of good, tampered and unknown-signer bundles, reasons
in plain words, missing numbers, encrypted bundles, stop between bundles, a free event loop,
and the keyring panel (enroll, revoke, the centre's recipient)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from inspector_app.core import keyring
from inspector_app.core.bundle.importer import import_files
from inspector_app.core.store import Store
from inspector_app.ui.import_desk import ImportDesk, rejection_kind
from inspector_app.ui.tasks import TaskRunner
from tests.bundles import LAPTOP_PASS, Laptop, export, make_final, make_laptop, row_counts
from tests.ui.ticks import tick_gaps

pytest.importorskip("pytestqt")
# Qt 6 keeps only the QPoint form of QDropEvent's constructor (marked deprecated by PySide6).
pytestmark = pytest.mark.filterwarnings("ignore:Function.*QDropEvent:DeprecationWarning")

CENTRE_PASS = "centre passphrase 2026"


@pytest.fixture
def desk(qtbot, centre: Store) -> Iterator[ImportDesk]:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    d = ImportDesk(centre, runner)
    d._test_runner = runner  # type: ignore[attr-defined]  # alive as long as the desk
    qtbot.addWidget(d)
    d.resize(1100, 700)
    d.show()
    runner.wait()
    yield d
    runner.cancel_all()
    runner.wait()


def tamper(path: Path) -> None:
    """Change one byte of the first photo's data (a stored zip entry) in place."""
    data = bytearray(path.read_bytes())
    start = data.index(b"\xff\xd8\xff")
    data[start + 400] ^= 0x01
    path.write_bytes(bytes(data))


def drop(desk: ImportDesk, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    desk.dropEvent(event)


def run_drop(qtbot, desk: ImportDesk, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(desk.finished, timeout=120_000):
        drop(desk, paths)


def by_file(desk: ImportDesk) -> dict[str, tuple[str, str]]:
    """file name → (verdict shown, reason shown)"""
    m = desk.model
    return {Path(r.file).name: (m.text(r, m.VERDICT), m.text(r, m.REASON)) for r in m.rows}


def test_dropped_folder_imports_the_good_and_says_why_the_others_are_refused(
    qtbot, desk: ImportDesk, centre: Store, laptop: Laptop, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    usb = tmp_path / "usb"
    [first] = export(laptop, [make_final(laptop)], usb)  # no. 1, imported before
    import_files(centre, [first])
    [second] = export(laptop, [make_final(laptop, "MR-T1")], tmp_path / "lost")  # no. 2 lost
    [third] = export(laptop, [make_final(laptop), make_final(laptop, "BS-T1")], usb)  # no. 3
    [fourth] = export(laptop, [make_final(laptop, "CO-T1")], usb)  # no. 4, tampered
    tamper(fourth)
    [fifth] = export(laptop, [make_final(laptop, "FM-T1")], usb)  # no. 5
    stranger = make_laptop(tmp_path, "stranger")
    try:
        [unknown] = export(stranger, [make_final(stranger)], usb)
    finally:
        stranger.store.close()
    before = row_counts(centre)

    run_drop(qtbot, desk, [usb])

    rows = by_file(desk)
    assert second.name not in rows and len(rows) == 5
    assert rows[first.name] == ("Already here", "")
    assert rows[third.name] == ("Imported", "")
    assert rows[fifth.name] == ("Imported", "")
    assert rows[fourth.name] == ("Rejected", "Changed after it was signed")
    assert rows[unknown.name] == ("Rejected", "Signed by a key not in the keyring")
    after = row_counts(centre)
    # the good ones only: the tampered bundle's inspection is not partly here
    assert after["inspections"] - before["inspections"] == 3
    assert after["bundles"] - before["bundles"] == 2
    assert desk.summary.text() == "2 imported, 2 rejected, 1 already here"

    third_row = next(r for r in desk.model.rows if r.file.endswith(third.name))
    m = desk.model
    assert m.text(third_row, m.SIGNER) == "张三 (T01)"
    assert m.text(third_row, m.KEY) == f"{laptop.key_id} · 3"
    assert m.text(third_row, m.INSPECTIONS) == "2" and m.text(third_row, m.PHOTOS) == "2"

    n = next(i for i, r in enumerate(desk.model.rows) if r.file.endswith(fourth.name))
    tip = desk.model.data(desk.model.index(n, m.REASON), Qt.ItemDataRole.ToolTipRole)
    assert "does not match its SHA-256" in tip  # the core's own words, as the detail
    desk.table.selectRow(n)
    assert "Nothing from this bundle was imported" in desk.detail.text()
    assert "does not match its SHA-256" in desk.detail.text()

    qtbot.waitUntil(lambda: not desk.runner.busy, timeout=10_000)
    assert desk.missing.text() == "张三 (T01): no. 2, 4"
    [key] = desk.keyring.model.rows
    assert key.last_export_sequence == 5


def test_rejection_kinds_cover_the_cores_reasons() -> None:
    assert rejection_kind("conflict: bundle ID was imported before with other content") == (
        "conflict"
    )
    assert rejection_kind("replay: sequence 3 of key X was already used by bundle Y") == "replay"
    assert rejection_kind("signed by a revoked key ABC (张三, T01)") == "revoked"
    assert rejection_kind("not a zip file") == "not_bundle"
    assert rejection_kind("the file is truncated ('x' is cut short)") == "damaged"
    assert rejection_kind("encrypted; needs the command centre's identity") == "needs_identity"
    assert rejection_kind("the signature names format inspector-bundle/2, made by a newer version")
    assert rejection_kind("something nobody foresaw") == "invalid"


def test_import_runs_off_the_ui_thread(qtbot, desk: ImportDesk, laptop: Laptop, tmp_path: Path):  # type: ignore[no-untyped-def]
    usb = tmp_path / "usb"
    for n in range(6):
        export(laptop, [make_final(laptop, note=f"问题 {n}") for _ in range(3)], usb)
    with tick_gaps(qtbot) as gaps:
        run_drop(qtbot, desk, [usb])
    assert desk.model.counts()["IMPORTED"] == 6
    assert len(gaps) > 20
    assert max(gaps) < 0.050, f"the event loop was blocked for {max(gaps) * 1000:.0f} ms"


def test_stop_between_bundles_keeps_what_was_done(
    qtbot, desk: ImportDesk, centre: Store, laptop: Laptop, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui import import_desk as module

    usb = tmp_path / "usb"
    for _ in range(4):
        export(laptop, [make_final(laptop)], usb)

    def import_then_stop(*args, **kwargs):  # type: ignore[no-untyped-def]
        reports = import_files(*args, **kwargs)
        assert desk._task is not None
        desk._task.cancel()  # the user pressed Stop while the first bundle was imported
        return reports

    monkeypatch.setattr(module, "import_files", import_then_stop)
    run_drop(qtbot, desk, [usb])
    assert [r.verdict for r in desk.model.rows] == ["IMPORTED"]
    assert row_counts(centre)["bundles"] == 1
    assert desk.summary.text().startswith("1 imported, 0 rejected, 0 already here · Stopped")
    assert not desk.busy and desk.drop_zone.files_button.isEnabled()


def test_encrypted_bundles_ask_the_passphrase_once_per_session(
    qtbot, desk: ImportDesk, centre: Store, laptop: Laptop, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.core.bundle.writer import export_bundles
    from inspector_app.core.centre import init_encryption

    recipient = init_encryption(centre, CENTRE_PASS)

    def encrypted(folder: Path) -> Path:
        folder.mkdir()
        [done] = export_bundles(
            laptop.store,
            inspection_ids=[make_final(laptop)],
            out_dir=folder,
            passphrase=LAPTOP_PASS,
            recipient=recipient,
        )
        return Path(done.path)

    asked: list[bool] = []
    answers = iter(["wrong passphrase", CENTRE_PASS])

    def ask(again: bool) -> str | None:
        asked.append(again)
        return next(answers)

    desk.ask_passphrase = ask  # type: ignore[method-assign]
    run_drop(qtbot, desk, [encrypted(tmp_path / "a")])
    assert asked == [False, True]  # a wrong one is asked again
    assert desk.unlocked and [r.verdict for r in desk.model.rows] == ["IMPORTED"]
    assert desk.model.rows[0].encrypted
    run_drop(qtbot, desk, [encrypted(tmp_path / "b")])
    assert asked == [False, True]  # not asked again in this session
    assert [r.verdict for r in desk.model.rows] == ["IMPORTED", "IMPORTED"]


def test_giving_up_the_passphrase_imports_nothing(
    qtbot, desk: ImportDesk, centre: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "0c8f2c4e-0000-4000-8000-000000000000.zip.age").write_bytes(b"age-encryption")
    desk.ask_passphrase = lambda again: None  # type: ignore[method-assign]
    before = row_counts(centre)
    drop(desk, [folder])
    qtbot.waitUntil(lambda: not desk.busy, timeout=10_000)
    assert "need the centre's passphrase" in desk.summary.text()
    assert desk.model.rows == [] and row_counts(centre) == before


# --- the keyring panel ----------------------------------------------------------------------


def test_enroll_from_a_pub_file_then_revoke(qtbot, desk: ImportDesk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.core.keys import write_public_key
    from inspector_app.ui.keyring_panel import EnrollDialog

    panel = desk.keyring
    other = make_laptop(tmp_path, "other")
    try:
        pub = tmp_path / "other.pub"
        write_public_key(other.store, pub)
    finally:
        other.store.close()
    dialog = EnrollDialog(pub)
    qtbot.addWidget(dialog)
    assert (dialog.name.text(), dialog.code.text()) == ("张三", "T01")  # from the file's comment

    junk = tmp_path / "junk.pub"
    junk.write_text("not a key\n", encoding="utf-8")
    assert not panel.enroll_file(junk, "王五", "T09")
    assert panel.message.text().startswith("Not enrolled: ")
    assert panel.enroll_file(pub, "王五", "T09")
    assert "王五 (T09)" in panel.message.text()
    codes = [k.code for k in panel.model.rows]
    assert codes == ["T01", "T09"]
    assert not panel.enroll_file(pub, "王五", "T09")  # already enrolled: said, not doubled
    assert len(keyring.list_keys(panel.store)) == 2

    panel.table.selectRow(1)
    assert panel.revoke_button.isEnabled()
    panel.confirm_revoke = lambda key: False  # type: ignore[method-assign]
    assert not panel.revoke_selected()
    assert not keyring.get_key(panel.store, other.key_id).revoked
    panel.confirm_revoke = lambda key: True  # type: ignore[method-assign]
    assert panel.revoke_selected()
    assert keyring.get_key(panel.store, other.key_id).revoked
    row = next(n for n, k in enumerate(panel.model.rows) if k.key_id == other.key_id)
    assert panel.model.data(panel.model.index(row, 4))  # the revocation date shows
    panel.table.selectRow(row)
    assert not panel.revoke_button.isEnabled()


def test_centre_identity_copy_save_and_backup(
    qtbot, desk: ImportDesk, centre: Store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from pyrage import passphrase as age_passphrase

    from inspector_app.core.centre import init_encryption
    from inspector_app.ui.settings_dialog import read_recipient_file

    panel = desk.keyring
    assert not panel.copy_button.isEnabled()
    recipient = init_encryption(centre, CENTRE_PASS)
    panel.show_recipient()
    assert panel.recipient.text() == recipient
    panel.copy_recipient()
    assert QApplication.clipboard().text() == recipient
    assert panel.save_recipient(tmp_path / "recipient.txt")
    assert read_recipient_file(tmp_path / "recipient.txt") == recipient

    backup = tmp_path / "identity.age"
    panel.export_backup(backup, "wrong one")
    qtbot.waitUntil(lambda: panel.backup_button.isEnabled(), timeout=60_000)
    assert "Wrong passphrase" in panel.identity_message.text() and not backup.exists()
    panel.export_backup(backup, CENTRE_PASS)
    qtbot.waitUntil(lambda: panel.backup_button.isEnabled(), timeout=60_000)
    assert backup.exists(), panel.identity_message.text()
    text = age_passphrase.decrypt(backup.read_bytes(), CENTRE_PASS).decode()
    assert f"# public key: {recipient}" in text


def test_a_folder_without_bundles_says_so(qtbot, desk: ImportDesk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty-stick"
    empty.mkdir()
    (empty / "notes.txt").write_text("nothing here", encoding="utf-8")
    run_drop(qtbot, desk, [empty])
    assert by_file(desk) == {"empty-stick": ("Rejected", "The folder holds no bundle")}
    shutil.rmtree(empty)
