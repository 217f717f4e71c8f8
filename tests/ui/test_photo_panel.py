"""The photo panel: drop, paste, a bad file among good ones, undo/redo, a free event loop."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage, QUndoStack
from PySide6.QtWidgets import QApplication

from inspector_app.core import inspections as svc
from inspector_app.core.store import Store
from inspector_app.ui.photo_panel import PhotoPanel
from inspector_app.ui.tasks import TaskRunner
from tests.factories import make_jpeg
from tests.ui.ticks import tick_gaps

# Qt 6 keeps only the QPoint form of QDragEnterEvent (marked deprecated by PySide6).
pytestmark = pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.cancel_all()
    r.wait()


@pytest.fixture
def draft(city: Store) -> tuple[str, str]:
    insp = svc.start_inspection(city, "FM-T1")
    item = next(i for i in svc.get_inspection(city, insp.id).items if i.mode == "pass_fail")
    svc.record_finding(city, insp.id, item.code, "problem", note="垃圾")
    return insp.id, item.code


@pytest.fixture
def panel(qtbot, city: Store, runner: TaskRunner, draft: tuple[str, str]) -> PhotoPanel:  # type: ignore[no-untyped-def]
    stack = QUndoStack()
    p = PhotoPanel(city, runner, stack)
    p._test_stack = stack  # type: ignore[attr-defined]  # keep it alive with the panel
    qtbot.addWidget(p)
    p.resize(420, 520)
    p.show()
    p.show_item(*draft)
    return p


def item_shas(store: Store, draft: tuple[str, str]) -> list[str]:
    detail = svc.get_inspection(store, draft[0])
    return [p.sha256 for i in detail.items if i.code == draft[1] for p in i.photos]


def send_drop(panel: PhotoPanel, mime: QMimeData, at: QPoint | None = None) -> bool:
    """Drag `mime` over the panel at `at` and drop it, as a real drag does; whether the
    panel took it."""
    at = at or QPoint(20, 20)
    enter = QDragEnterEvent(
        at,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(panel, enter)  # as a real drag does first: the drop target
    if not enter.isAccepted():
        return False
    event = QDropEvent(
        QPointF(at),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(panel, event)
    return event.isAccepted()


def drop(panel: PhotoPanel, files: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    assert send_drop(panel, mime)
    assert panel.busy  # the drop started an attach


def jpegs(folder: Path, n: int, **kw: object) -> list[Path]:
    return [
        make_jpeg(
            folder / f"IMG_{i:04}.jpg",
            taken=datetime(2026, 11, 26, 9, i % 60),
            colour=(i * 5 % 256, 100, 200 - i % 200),
            **kw,  # type: ignore[arg-type]
        )
        for i in range(n)
    ]


def test_drop_attaches_photos_with_placeholders_at_once(qtbot, panel, city, draft, tmp_path):  # type: ignore[no-untyped-def]
    files = jpegs(tmp_path / "cam", 3, gps=(35.3, 113.87))
    with qtbot.waitSignal(panel.photosChanged, timeout=20_000):
        drop(panel, files)
        assert panel.photos.count() == 3  # placeholder tiles before the worker is done
    assert len(item_shas(city, draft)) == 3
    assert panel.photos.count() == 3
    assert "GPS ✓" in panel.photos.item(0).text()
    qtbot.waitUntil(lambda: not panel._pending_thumbs, timeout=5000)
    assert not panel.photos.item(0).icon().isNull()
    panel.grab().save("/tmp/photo_panel.png")


def test_paste_image_from_clipboard(qtbot, panel, city, draft):  # type: ignore[no-untyped-def]
    image = QImage(320, 240, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7"))
    QApplication.clipboard().setImage(image)
    with qtbot.waitSignal(panel.photosChanged, timeout=20_000):
        panel.paste_from_clipboard()
    [sha] = item_shas(city, draft)
    detail = svc.get_inspection(city, draft[0])
    ref = next(p for i in detail.items for p in i.photos if p.sha256 == sha)
    assert (ref.width, ref.height, ref.captured_at) == (320, 240, None)
    assert "unknown" in panel.photos.item(0).text()
    assert not list(city.paths.tmp.glob("clipboard-*"))  # the temporary PNG is gone


def test_paste_file_urls(qtbot, panel, city, draft, tmp_path):  # type: ignore[no-untyped-def]
    files = jpegs(tmp_path / "cam", 2)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    QApplication.clipboard().setMimeData(mime)
    with qtbot.waitSignal(panel.photosChanged, timeout=20_000):
        panel.paste_from_clipboard()
    # The clipboard owns the mime data now: empty it while Qt is alive (else the
    # interpreter's teardown deletes it twice).
    QApplication.clipboard().clear()
    assert len(item_shas(city, draft)) == 2


def test_bad_photo_among_good_ones_is_named(qtbot, panel, city, draft, tmp_path):  # type: ignore[no-untyped-def]
    good = jpegs(tmp_path / "cam", 2)
    bad = tmp_path / "cam" / "broken_photo.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 this is not really a jpeg")
    with qtbot.waitSignal(panel.photosChanged, timeout=20_000):
        drop(panel, [good[0], bad, good[1]])
    assert len(item_shas(city, draft)) == 2
    assert "broken_photo.jpg" in panel.status.text()
    assert panel.photos.count() == 2


def test_undo_and_redo_an_attach(qtbot, panel, city, draft, tmp_path):  # type: ignore[no-untyped-def]
    stack: QUndoStack = panel.undo_stack
    with qtbot.waitSignal(panel.photosChanged, timeout=20_000):
        drop(panel, jpegs(tmp_path / "cam", 2))
    attached = item_shas(city, draft)
    assert len(attached) == 2 and stack.count() == 1
    with qtbot.waitSignal(panel.photosChanged, timeout=20_000):
        stack.undo()
    assert item_shas(city, draft) == []
    assert panel.photos.count() == 0
    with qtbot.waitSignal(panel.photosChanged, timeout=20_000):
        stack.redo()
    assert sorted(item_shas(city, draft)) == sorted(attached)
    assert panel.photos.count() == 2


def test_refused_when_no_result_recorded(qtbot, city, runner, tmp_path):  # type: ignore[no-untyped-def]
    insp = svc.start_inspection(city, "FM-T1")
    code = svc.get_inspection(city, insp.id).items[0].code
    stack = QUndoStack()
    p = PhotoPanel(city, runner, stack)
    qtbot.addWidget(p)
    p.show_item(insp.id, code)
    p.attach_files(jpegs(tmp_path / "cam", 1))
    qtbot.waitUntil(lambda: not p.busy, timeout=20_000)
    assert "record a result" in p.status.text()
    assert p.photos.count() == 0 and stack.count() == 0


def test_event_loop_stays_free_while_50_photos_ingest(qtbot, panel, city, draft, tmp_path):  # type: ignore[no-untyped-def]
    files = jpegs(tmp_path / "cam", 50, size=(2000, 1500))
    with tick_gaps(qtbot) as gaps:
        with qtbot.waitSignal(panel.photosChanged, timeout=120_000):
            drop(panel, files)
        qtbot.waitUntil(lambda: not panel._pending_thumbs, timeout=10_000)
    assert len(item_shas(city, draft)) == 50
    assert len(gaps) > 20
    assert max(gaps) < 0.050, f"the event loop was blocked for {max(gaps) * 1000:.0f} ms"


def test_double_click_opens_viewer_turned_as_exif_says(qtbot, panel, city, draft, tmp_path):  # type: ignore[no-untyped-def]
    from PIL import Image

    from inspector_app.ui.photo_viewer import PhotoViewer

    path = tmp_path / "cam" / "rotated.jpg"
    path.parent.mkdir(parents=True, exist_ok=True)
    exif = Image.Exif()
    exif[0x0112] = 6  # stored landscape, shown portrait
    exif.get_ifd(0x8769)[0x9003] = "2026:11:26 09:14:00"
    Image.new("RGB", (400, 200), (10, 120, 200)).save(path, "JPEG", exif=exif)
    with qtbot.waitSignal(panel.photosChanged, timeout=20_000):
        drop(panel, [path])
    panel.photos.itemDoubleClicked.emit(panel.photos.item(0))
    viewer = panel.findChild(PhotoViewer)
    assert viewer is not None
    qtbot.waitUntil(lambda: viewer.full, timeout=10_000)  # decoded on the runner
    assert (viewer.image.width(), viewer.image.height()) == (200, 400)
    assert "2026-11-26" in viewer.info.text() and "09:14" in viewer.info.text()
    viewer.fit()
    fitted = viewer.scale
    viewer.zoom_in()
    assert viewer.scale == pytest.approx(fitted * 1.25)
    viewer.fit()
    assert viewer.scale == pytest.approx(fitted)
    viewer.close()


# --- removing a photo, and placing an unplaced one --------------------------------------------


def attached(qtbot, panel: PhotoPanel, tmp_path: Path, n: int) -> list[str]:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(panel.photosChanged, timeout=20_000):
        drop(panel, jpegs(tmp_path / "cam", n))
    panel.undo_stack.clear()  # the tests below undo their own edit only
    return [panel.photos.item(i).data(Qt.ItemDataRole.UserRole) for i in range(n)]


def refs_of(store: Store, draft: tuple[str, str]) -> list[svc.PhotoRef]:
    detail = svc.get_inspection(store, draft[0])
    return [p for i in detail.items if i.code == draft[1] for p in i.photos]


def test_delete_key_removes_the_selected_photo_and_undo_puts_it_back(
    qtbot, panel, city, draft, tmp_path
):  # type: ignore[no-untyped-def]
    from inspector_app.core.paths import photo_path

    first, second = attached(qtbot, panel, tmp_path, 2)
    before = refs_of(city, draft)
    assert not panel.remove_button.isEnabled()  # nothing selected yet
    panel.photos.setFocus()
    panel.photos.setCurrentRow(0)
    assert panel.remove_button.isEnabled()
    with qtbot.waitSignal(panel.photosChanged, timeout=20_000):
        qtbot.keyClick(panel.photos, Qt.Key.Key_Delete)
    assert item_shas(city, draft) == [second]
    assert panel.photos.count() == 1
    assert photo_path(city.paths, first).exists()  # the original stays in the store
    assert panel.undo_stack.count() == 1
    # "photo(s)" as written, or "photo" when the English translation is installed
    assert re.fullmatch(rf"Remove 1 photo(\(s\))? from {draft[1]}", panel.undo_stack.undoText())
    with qtbot.waitSignal(panel.photosChanged, timeout=20_000):
        panel.undo_stack.undo()
    assert sorted(refs_of(city, draft), key=lambda r: r.sha256) == sorted(
        before, key=lambda r: r.sha256
    )  # the same photos with the same capture times
    with qtbot.waitSignal(panel.photosChanged, timeout=20_000):
        panel.undo_stack.redo()
    assert item_shas(city, draft) == [second]


def test_remove_button_takes_several_selected_photos_at_once(qtbot, panel, city, draft, tmp_path):  # type: ignore[no-untyped-def]
    shas = attached(qtbot, panel, tmp_path, 3)
    panel.photos.item(0).setSelected(True)
    panel.photos.item(2).setSelected(True)
    with qtbot.waitSignal(panel.photosChanged, timeout=20_000):
        qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert item_shas(city, draft) == [shas[1]]
    assert re.match(r"2 photo(\(s\)|s) removed", panel.status.text())
    with qtbot.waitSignal(panel.photosChanged, timeout=20_000):
        panel.undo_stack.undo()
    assert sorted(item_shas(city, draft)) == sorted(shas)


@pytest.fixture
def unplaced(city: Store, draft: tuple[str, str], tmp_path: Path) -> svc.PhotoRef:
    """One photo of the draft on no item (as a camera import leaves it)."""
    other = next(i.code for i in svc.get_inspection(city, draft[0]).items if i.code != draft[1])
    shot = make_jpeg(tmp_path / "camera" / "DSC_0001.jpg", taken=datetime(2026, 11, 26, 9, 3))
    svc.record_finding(city, draft[0], other, "pass", photos=[shot])
    svc.clear_finding(city, draft[0], other)
    [ref] = svc.get_inspection(city, draft[0]).unplaced_photos
    return ref


def test_drag_an_unplaced_photo_onto_the_item(qtbot, panel, city, draft, unplaced):  # type: ignore[no-untyped-def]
    panel.refresh()
    assert panel.unplaced.isVisible() and panel.unplaced.count() == 1
    tile = panel.unplaced.item(0)
    mime = panel.unplaced.mimeData([tile])  # what the list's own drag carries
    # dropped back on the unplaced list: refused
    assert not send_drop(panel, mime, panel.unplaced.geometry().center())
    with qtbot.waitSignal(panel.photosChanged, timeout=20_000):
        assert send_drop(panel, mime, panel.photos.geometry().center())
    assert refs_of(city, draft) == [unplaced]  # capture time kept
    assert svc.get_inspection(city, draft[0]).unplaced_photos == ()
    assert panel.photos.count() == 1 and not panel.unplaced.isVisible()
    with qtbot.waitSignal(panel.photosChanged, timeout=20_000):
        panel.undo_stack.undo()
    assert svc.get_inspection(city, draft[0]).unplaced_photos == (unplaced,)
    assert item_shas(city, draft) == [] and panel.unplaced.count() == 1


def test_a_drag_from_elsewhere_is_refused(qtbot, panel, city, draft, unplaced):  # type: ignore[no-untyped-def]
    panel.refresh()
    mime = QMimeData()
    mime.setData("application/x-inspector-photos", b'{"sha256": ["' + b"0" * 64 + b'"]}')
    assert not send_drop(panel, mime, panel.photos.geometry().center())
    mime.setData("application/x-inspector-photos", b"not json")
    assert not send_drop(panel, mime, panel.photos.geometry().center())
    assert not panel.busy and item_shas(city, draft) == []


def test_enter_puts_the_selected_unplaced_photo_on_the_item(qtbot, panel, city, draft, unplaced):  # type: ignore[no-untyped-def]
    panel.refresh()
    assert not panel.place_button.isEnabled()
    panel.unplaced.setFocus()
    panel.unplaced.setCurrentRow(0)
    assert panel.place_button.isEnabled()
    with qtbot.waitSignal(panel.photosChanged, timeout=20_000):
        qtbot.keyClick(panel.unplaced, Qt.Key.Key_Return)
    assert item_shas(city, draft) == [unplaced.sha256]
    assert re.fullmatch(rf"Put 1 photo(\(s\))? on {draft[1]}", panel.undo_stack.undoText())


def test_placing_on_an_unanswered_item_is_refused_by_name(qtbot, panel, city, draft, unplaced):  # type: ignore[no-untyped-def]
    unanswered = svc.get_inspection(city, draft[0]).unanswered[0]
    panel.show_item(draft[0], unanswered)
    panel.unplaced.setCurrentRow(0)
    with qtbot.waitSignal(panel.photosChanged, timeout=20_000):
        panel.place_button.click()
    assert "record a result" in panel.status.text()
    assert panel.undo_stack.count() == 0
    assert svc.get_inspection(city, draft[0]).unplaced_photos == (unplaced,)


def test_a_final_inspection_offers_no_change(qtbot, panel, city, draft, tmp_path):  # type: ignore[no-untyped-def]
    attached(qtbot, panel, tmp_path, 1)
    svc.finalise_inspection(city, draft[0])
    panel.refresh()
    panel.photos.setFocus()
    panel.photos.setCurrentRow(0)
    assert not panel.remove_button.isEnabled() and not panel.add_button.isEnabled()
    qtbot.keyClick(panel.photos, Qt.Key.Key_Delete)
    assert not panel.busy and len(item_shas(city, draft)) == 1
