"""Watermarked copies: upright, bounded, stamped with readable Chinese; originals untouched."""

from __future__ import annotations

import hashlib
import io
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from inspector_app.core import watermark
from inspector_app.core.errors import InspectorError, PhotoError
from inspector_app.core.paths import photo_path
from inspector_app.core.store import Store
from tests.briefing_samples import sample_briefing
from tests.factories import make_jpeg

STAMP = watermark.Stamp(
    "FM-T1 东关菜市场", "2026-11-17 09:00 +08:00 拍摄", "红旗区 东关大街1号", "DC-01"
)


def _rotated_jpeg(path: Path, size: tuple[int, int], orientation: int) -> Path:
    """A JPEG whose pixels lie on their side, with EXIF saying how to turn them upright;
    the left half is red, so the turn shows."""
    im = Image.new("RGB", size, (30, 160, 30))
    im.paste((220, 20, 20), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[0x0112] = orientation
    im.save(path, "JPEG", quality=90, exif=exif)
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_copy_is_upright_bounded_jpeg_and_original_untouched(tmp_path: Path) -> None:
    src = _rotated_jpeg(tmp_path / "side.jpg", (4000, 3000), orientation=6)
    before = _sha(src), src.stat().st_mtime_ns
    out = watermark.write_watermarked_copy(src, tmp_path / "copy.jpg", STAMP)
    with Image.open(out) as im:
        assert im.format == "JPEG"
        # orientation 6: turned 90° clockwise, so the 4000 x 3000 pixels stand 1200 x 1600
        assert im.size == (1200, 1600)
        # the red half (left) is now on top
        assert im.getpixel((600, 100))[0] > 180 and im.getpixel((600, 1000))[1] > 120
    assert (_sha(src), src.stat().st_mtime_ns) == before


def test_small_photo_is_not_enlarged(tmp_path: Path) -> None:
    src = make_jpeg(tmp_path / "small.jpg", size=(640, 480))
    with Image.open(io.BytesIO(watermark.watermarked_jpeg(src, STAMP))) as im:
        assert im.size == (640, 480)


def test_band_holds_text_at_the_bottom_only(tmp_path: Path) -> None:
    src = make_jpeg(tmp_path / "p.jpg", size=(1600, 1200), colour=(200, 200, 200))
    im = watermark.watermark_image(src, STAMP)
    top = im.crop((0, 0, 1600, 600)).convert("L")
    bottom = im.crop((0, 1100, 1600, 1200)).convert("L")
    assert top.getextrema()[0] > 150  # the picture above the band as it was
    lo, hi = bottom.getextrema()
    assert lo < 140 and hi > 240  # dark band, white letters


def test_chinese_is_drawn_with_real_glyphs(tmp_path: Path) -> None:
    """Tofu (the missing-glyph box) looks the same for every character: two stamps that
    differ in one ideograph must differ in their pixels, and a stamp must differ from one
    whose text is the missing glyph's own code point."""
    src = make_jpeg(tmp_path / "p.jpg", size=(800, 600))
    a = watermark.watermark_image(src, STAMP)
    b = watermark.watermark_image(src, watermark.Stamp("FM-T1 东关菜市金", *STAMP.lines()[1:]))
    assert ImageChops.difference(a, b).getbbox() is not None
    font = watermark._font(40)
    assert font.getmask("金").getbbox() != font.getmask("水").getbbox() or bytes(
        font.getmask("金")
    ) != bytes(font.getmask("水"))


def test_long_lines_shrink_to_fit(tmp_path: Path) -> None:
    src = make_jpeg(tmp_path / "narrow.jpg", size=(300, 900))
    long = watermark.Stamp("FM-T1 " + "东关菜市场" * 8, "2026-11-17 09:00", "某地", "DC-01")
    im = watermark.watermark_image(src, long)
    right_edge = im.crop((im.width - 4, im.height - 120, im.width, im.height)).convert("L")
    assert right_edge.getextrema()[1] < 200  # no letter runs off the picture


def test_errors_name_the_file_and_change_nothing(tmp_path: Path) -> None:
    with pytest.raises(PhotoError, match="missing"):
        watermark.watermarked_jpeg(tmp_path / "gone.jpg", STAMP)
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    with pytest.raises(PhotoError, match=r"bad\.jpg"):
        watermark.watermarked_jpeg(bad, STAMP)
    src = make_jpeg(tmp_path / "p.jpg")
    before = _sha(src)
    with pytest.raises(InspectorError, match="cannot replace its original"):
        watermark.write_watermarked_copy(src, src, STAMP)
    assert _sha(src) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jpg", "p.jpg"]


def test_stamps_of_a_hand_made_problem_use_what_it_says(store: Store, tmp_path: Path) -> None:
    b = sample_briefing(store, tmp_path, serious=1)
    problem = b.serious[0]
    stamps = watermark.problem_stamps(store, problem)
    assert list(stamps) == list(problem.photos)
    stamp = stamps[problem.photos[0]]
    assert stamp.point == f"{problem.point_code} {problem.point_name}"
    assert stamp.inspector == problem.inspector_code
    # no attachment row: the inspection's start, in the centre's zone, marked as such
    local = problem.started_at.astimezone(watermark.centre_timezone(store))
    assert stamp.time.startswith(f"{local:%Y-%m-%d %H:%M} +08:00") and "不明" in stamp.time
    copies = watermark.problem_photos(store, problem, long_edge=400)
    assert len(copies) == 2 and all(c[:2] == b"\xff\xd8" for c in copies)


def test_stamps_from_imported_data_carry_capture_time_and_gps(store: Store) -> None:
    from inspector_app.core.briefing import compute_briefing
    from inspector_app.core.centre_demo import build_centre_data

    data = build_centre_data(store, findings=600, photo_files=True, seed=3)
    b = compute_briefing(store, "month", data.today)
    problem = next(p for p in b.serious if p.photos)
    stamp = watermark.problem_stamps(store, problem)[problem.photos[0]]
    assert "°N" in stamp.place and "°E" in stamp.place
    assert stamp.time.endswith("拍摄") and "+08:00" in stamp.time
    assert stamp.inspector == problem.inspector_code != ""
    original = photo_path(store.paths, problem.photos[0])
    before = _sha(original)
    watermark.problem_photos(store, problem)
    assert _sha(original) == before


def test_time_shows_in_the_centre_zone() -> None:
    from zoneinfo import ZoneInfo

    from inspector_app.core.watermark import _when

    moment = datetime.fromisoformat("2026-11-17T01:30:00+00:00")
    assert _when(moment, ZoneInfo("Asia/Shanghai")) == "2026-11-17 09:30 +08:00"
