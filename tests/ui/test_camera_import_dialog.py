"""The camera import dialog previews where each photo goes, stores nothing, then imports."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from inspector_app.core import inspections as svc
from inspector_app.core.store import Store
from inspector_app.ui.camera_import_dialog import CameraImportDialog
from inspector_app.ui.tasks import TaskRunner
from tests.bundles import row_counts
from tests.factories import make_jpeg


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.cancel_all()
    r.wait()


def test_preview_stores_nothing_then_import(qtbot, city: Store, runner, tmp_path):  # type: ignore[no-untyped-def]
    insp = svc.start_inspection(city, "FM-T1", started_at=datetime(2026, 11, 26, 1, 0, tzinfo=UTC))
    folder = tmp_path / "DCIM"
    # Camera clock in Shanghai time, 3 minutes behind: 08:59 on the camera is 09:02 = 01:02 UTC.
    make_jpeg(folder / "IMG_0001.jpg", taken=datetime(2026, 11, 26, 8, 59))
    make_jpeg(folder / "IMG_0002.jpg", taken=datetime(2026, 11, 26, 9, 30), colour=(1, 2, 3))
    make_jpeg(folder / "IMG_0003.jpg", taken=datetime(2026, 11, 25, 9, 0), colour=(9, 9, 9))
    make_jpeg(folder / "IMG_0004.jpg", colour=(50, 60, 70))  # no capture time
    (folder / "IMG_0005.jpg").write_bytes(b"not a photo at all")
    before = row_counts(city)
    photos_before = sorted(p.name for p in city.paths.photos.rglob("*") if p.is_file())

    dialog = CameraImportDialog(city, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder.setText(str(folder))
    dialog.offset_minutes.setValue(3)
    assert not dialog.import_button.isEnabled()
    dialog.start_preview()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=30_000)
    table = dialog.table
    assert table.rowCount() == 5
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(4)] for r in range(5)}
    assert "东关菜市场" in rows["IMG_0001.jpg"][2]
    assert rows["IMG_0001.jpg"][1].endswith("09:02:00")
    assert "东关菜市场" in rows["IMG_0002.jpg"][2]
    assert rows["IMG_0003.jpg"][2] == "" and rows["IMG_0003.jpg"][3]
    assert rows["IMG_0004.jpg"][1] == "unknown" and rows["IMG_0004.jpg"][3]
    assert rows["IMG_0005.jpg"][3]
    # nothing stored by the preview
    assert row_counts(city) == before
    assert sorted(p.name for p in city.paths.photos.rglob("*") if p.is_file()) == photos_before
    dialog.grab().save("/tmp/camera_import_dialog.png")

    assert dialog.import_button.isEnabled()
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=30_000)
    result = dialog.import_result
    assert result is not None
    assert sorted(name for name, _i, _s in result.imported) == ["IMG_0001.jpg", "IMG_0002.jpg"]
    assert "2 imported" in dialog.summary.text()
    report = dialog.report.text()
    for name in ("IMG_0003.jpg", "IMG_0004.jpg", "IMG_0005.jpg"):
        assert name in report
    detail = svc.get_inspection(city, insp.id)
    assert len(detail.unplaced_photos) == 2
