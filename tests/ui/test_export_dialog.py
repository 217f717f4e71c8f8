"""The export dialog: a verified bundle, exported marks, a wrong passphrase, cancel."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt

from inspector_app.core import inspections as svc
from inspector_app.core.bundle.importer import check_files
from inspector_app.core.store import Store
from inspector_app.ui.export_dialog import ExportDialog
from inspector_app.ui.tasks import TaskRunner
from tests.bundles import LAPTOP_PASS, Laptop, make_final


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.cancel_all()
    r.wait()


def open_dialog(qtbot, store: Store, runner: TaskRunner, out: Path) -> ExportDialog:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(store, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.destination.setText(str(out))
    return dialog


def test_export_produces_a_bundle_that_verifies(
    qtbot, laptop: Laptop, centre: Store, runner, tmp_path
):  # type: ignore[no-untyped-def]
    ids = [make_final(laptop), make_final(laptop, "MR-T1")]
    out = tmp_path / "usb"
    out.mkdir()
    dialog = open_dialog(qtbot, laptop.store, runner, out)
    assert sorted(dialog.checked_ids()) == sorted(ids)
    assert not dialog.encrypt.isEnabled() and not dialog.encrypt.isChecked()
    dialog.passphrase.setText(LAPTOP_PASS)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.handle is not None
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    [bundle] = dialog.result_bundles
    assert bundle.path.parent == out and bundle.path.exists()
    assert bundle.path.name in dialog.message.text()
    assert "verified" in dialog.message.text()
    [report] = check_files(centre, [bundle.path])
    assert report.verdict == "OK", report.reason
    assert {s.id for s in svc.list_inspections(laptop.store, status="exported")} == set(ids)
    # exported ones are listed again, unticked
    assert dialog.inspections.count() == 2 and dialog.checked_ids() == []
    dialog.grab().save("/tmp/export_dialog.png")


def test_wrong_passphrase_is_shown_inline(qtbot, laptop: Laptop, runner, tmp_path):  # type: ignore[no-untyped-def]
    make_final(laptop)
    out = tmp_path / "usb"
    out.mkdir()
    dialog = open_dialog(qtbot, laptop.store, runner, out)
    dialog.passphrase.setText("not the passphrase")
    dialog.start_export()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.passphrase_error.isVisible()
    assert "passphrase" in dialog.passphrase_error.text().lower()
    assert list(out.iterdir()) == []


def noisy_jpeg(path: Path, seed: int) -> Path:
    """A photo that does not compress: a slow-ish export."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.frombytes("RGB", (1200, 900), os.urandom(1200 * 900 * 3)).save(path, quality=95)
    return path


def test_cancel_leaves_no_file(qtbot, laptop: Laptop, runner, tmp_path):  # type: ignore[no-untyped-def]
    store = laptop.store
    insp = svc.start_inspection(store, "FM-T1")
    items = [i for i in svc.get_inspection(store, insp.id).items]
    photos = [noisy_jpeg(tmp_path / "cam" / f"N{i:03}.jpg", i) for i in range(30)]
    svc.record_finding(store, insp.id, items[0].code, "problem", note="x", photos=photos)
    for item in items[1:]:
        svc.record_finding(store, insp.id, item.code, "na" if item.mode != "pass_fail" else "pass")
    svc.finalise_inspection(store, insp.id)
    out = tmp_path / "usb"
    out.mkdir()
    dialog = open_dialog(qtbot, store, runner, out)
    dialog.passphrase.setText(LAPTOP_PASS)
    dialog.start_export()
    assert dialog.handle is not None
    dialog.handle.progress.connect(lambda *_: dialog.cancel_or_close())
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert "cancelled" in dialog.message.text().lower()
    assert list(out.iterdir()) == []
    assert [s.id for s in svc.list_inspections(store, status="final")] == [insp.id]
    assert datetime.now()  # the dialog is still usable
    assert dialog.export_button.isEnabled()
