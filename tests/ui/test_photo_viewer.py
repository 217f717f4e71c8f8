"""The photo viewer: thumbnail at once, the full photo decoded on a worker, a free loop."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image

from inspector_app.core import inspections as svc
from inspector_app.core.paths import photo_path
from inspector_app.core.store import Store
from inspector_app.ui.photo_viewer import PhotoViewer
from inspector_app.ui.tasks import TaskRunner
from tests.factories import make_jpeg
from tests.ui.ticks import tick_gaps


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.cancel_all()
    r.wait()


def stored(store: Store, source: Path) -> svc.PhotoRef:
    """Attach `source` to a problem of a new draft; its stored reference."""
    insp = svc.start_inspection(store, "FM-T1")
    item = next(i for i in svc.get_inspection(store, insp.id).items if i.mode == "pass_fail")
    [ref] = svc.record_finding(store, insp.id, item.code, "problem", photos=[source]).photos
    return ref


def camera_photo(path: Path, size: tuple[int, int]) -> Path:
    """A JPEG with a camera's detail (noise), so that it costs what a real one costs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    noise = Image.effect_noise(size, 40).convert("RGB")
    gradient = Image.linear_gradient("L").resize(size).convert("RGB")
    Image.blend(noise, gradient, 0.5).save(path, "JPEG", quality=90)
    return path


def test_a_12_mp_photo_opens_without_blocking_the_event_loop(qtbot, city, runner, tmp_path):  # type: ignore[no-untyped-def]
    ref = stored(city, camera_photo(tmp_path / "cam" / "IMG_12MP.jpg", (4000, 3000)))
    with tick_gaps(qtbot) as gaps:
        viewer = PhotoViewer(city, ref, runner=runner)
        qtbot.addWidget(viewer)
        viewer.show()
        # the thumbnail shows at once, scaled to the photo's size
        assert viewer.item is not None and not viewer.full
        assert viewer.item.sceneBoundingRect().width() == pytest.approx(4000, rel=0.01)
        fitted = viewer.scale
        with qtbot.waitSignal(viewer.loaded, timeout=20_000) as loaded:
            pass
        qtbot.wait(30)  # the full photo's first paints
    assert loaded.args == [True] and viewer.full
    assert (viewer.image.width(), viewer.image.height()) == (4000, 3000)
    assert viewer.scale == pytest.approx(fitted)  # the full photo took the thumbnail's place
    assert len(gaps) > 5
    assert max(gaps) < 0.050, f"the event loop was blocked for {max(gaps) * 1000:.0f} ms"
    viewer.zoom_in()
    assert viewer.scale == pytest.approx(fitted * 1.25)


def test_the_viewer_shows_the_photos_real_pixels_upright(qtbot, city, runner, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "rotated.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # stored landscape, shown portrait (turned 90° clockwise)
    image = Image.new("RGB", (400, 200), (250, 250, 250))
    image.paste((200, 20, 20), (0, 0, 200, 200))  # the stored left half is red
    image.save(path, "JPEG", exif=exif, quality=95)
    viewer = PhotoViewer(city, stored(city, path), runner=runner)
    qtbot.addWidget(viewer)
    with qtbot.waitSignal(viewer.loaded, timeout=10_000):
        viewer.show()
    assert (viewer.image.width(), viewer.image.height()) == (200, 400)
    top, bottom = viewer.image.pixelColor(100, 50), viewer.image.pixelColor(100, 350)
    assert top.red() > 180 and top.green() < 60  # the left half is on top once turned
    assert bottom.green() > 220


def test_an_undecodable_original_keeps_the_thumbnail_and_says_so(qtbot, city, runner, tmp_path):  # type: ignore[no-untyped-def]
    ref = stored(city, make_jpeg(tmp_path / "a.jpg", taken=datetime(2026, 11, 26, 9, 0)))
    original = photo_path(city.paths, ref.sha256)
    original.chmod(0o644)
    original.write_bytes(b"damaged on disk")  # the store should never, but the viewer copes
    viewer = PhotoViewer(city, ref, runner=runner)
    qtbot.addWidget(viewer)
    with qtbot.waitSignal(viewer.loaded, timeout=10_000) as loaded:
        viewer.show()
    assert loaded.args == [False] and viewer.item is not None and not viewer.full
    assert "thumbnail" in viewer.loading_label.text()


def test_closing_before_the_decode_ends_is_harmless(qtbot, city, tmp_path):  # type: ignore[no-untyped-def]
    ref = stored(city, camera_photo(tmp_path / "big.jpg", (3000, 2000)))
    viewer = PhotoViewer(city, ref)  # no runner given: it decodes on its own
    viewer.show()
    viewer.close()
    viewer.deleteLater()
    qtbot.wait(400)  # the decode ends meanwhile; nothing is delivered to the dead dialog


def test_viewer_reads_heic_through_pillow(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    pillow_heif = pytest.importorskip("pillow_heif")
    from PIL import Image

    from inspector_app.ui.photo_viewer import load_image

    pillow_heif.register_heif_opener()
    path = tmp_path / "phone.heic"
    try:
        Image.new("RGB", (64, 48), (200, 10, 10)).save(path, "HEIF")
    except Exception as exc:  # an encoder-less build can only read
        pytest.skip(f"cannot write HEIC here: {exc}")
    image = load_image(path)
    assert (image.width(), image.height()) == (64, 48)
