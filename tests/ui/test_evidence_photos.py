"""The large evidence photo shared by the review page, the board and the briefing: it
decodes on a worker, and a widget closed before the decode ends takes no harm."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from inspector_app.core.evidence import PhotoInfo
from inspector_app.core.store import Store
from tests.factories import make_jpeg

pytest.importorskip("pytestqt")


def info(path: Path) -> PhotoInfo:
    return PhotoInfo("ab" * 32, path, None, None, None, None, None, 640, 480, False, ())


def test_decoded_photo_shows(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.evidence_photos import EvidencePhotos
    from inspector_app.ui.tasks import TaskRunner

    runner = TaskRunner()
    widget = EvidencePhotos(store, runner, ZoneInfo("Asia/Shanghai"))
    qtbot.addWidget(widget)
    widget.show_photos((info(make_jpeg(tmp_path / "a.jpg", size=(640, 480))),))
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert widget.picture.image is not None and not widget.picture.image.isNull()


def test_closing_before_the_decode_ends_is_harmless(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import shiboken6

    from inspector_app.ui.evidence_photos import EvidencePhotos
    from inspector_app.ui.tasks import TaskRunner

    runner = TaskRunner()
    widget = EvidencePhotos(store, runner, ZoneInfo("Asia/Shanghai"))
    widget.show_photos((info(make_jpeg(tmp_path / "big.jpg", size=(4000, 3000))),))
    shiboken6.delete(widget)  # gone while its photo still decodes
    assert runner.busy
    runner.wait(10_000)  # delivers the result: it must not reach the deleted widget
    qtbot.wait(50)
