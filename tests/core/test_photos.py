"""Photo ingest: EXIF, thumbnails, HEIC, dedupe, batches, cancel, the database row."""

from __future__ import annotations

import hashlib
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pillow_heif
import pytest
from PIL import ExifTags, Image
from sqlalchemy import func, select

from inspector_app.core.db.models import AuditEvent, Photo
from inspector_app.core.errors import Cancelled, PhotoError
from inspector_app.core.paths import DataPaths
from inspector_app.core.photos import (
    capture_time_utc,
    ingest_many,
    ingest_photo,
    photo_path,
    read_photo_metadata,
    record_photo,
    thumbnail_path,
)
from inspector_app.core.store import Store

SHANGHAI = ZoneInfo("Asia/Shanghai")


# --- image makers (also used by the camera-import and hostile-image tests) -------------------


def make_exif(
    *,
    taken: str | None = None,
    offset: str | None = None,
    datetime_tag: str | None = None,
    gps: tuple[float, float] | None = None,
    orientation: int | None = None,
) -> Image.Exif:
    """EXIF written the way cameras do: time in the Exif IFD, position in the GPS IFD."""
    exif = Image.Exif()
    if orientation is not None:
        exif[ExifTags.Base.Orientation] = orientation
    if datetime_tag is not None:
        exif[ExifTags.Base.DateTime] = datetime_tag
    ifd = exif.get_ifd(ExifTags.IFD.Exif)
    if taken is not None:
        ifd[ExifTags.Base.DateTimeOriginal] = taken
    if offset is not None:
        ifd[ExifTags.Base.OffsetTimeOriginal] = offset
    if gps is not None:
        lat, lon = gps
        g = exif.get_ifd(ExifTags.IFD.GPSInfo)

        def dms(value: float) -> tuple[float, float, float]:
            value = abs(value)
            d = int(value)
            m = int((value - d) * 60)
            s = round(((value - d) * 60 - m) * 60, 4)
            return (float(d), float(m), s)

        g[ExifTags.GPS.GPSLatitudeRef] = "N" if lat >= 0 else "S"
        g[ExifTags.GPS.GPSLatitude] = dms(lat)
        g[ExifTags.GPS.GPSLongitudeRef] = "E" if lon >= 0 else "W"
        g[ExifTags.GPS.GPSLongitude] = dms(lon)
    return exif


def two_tone(size: tuple[int, int] = (400, 200)) -> Image.Image:
    """Left half red, right half blue: shows which way a picture was turned."""
    im = Image.new("RGB", size, (220, 20, 20))
    im.paste((20, 20, 220), (size[0] // 2, 0, size[0], size[1]))
    return im


def make_jpeg(
    path: Path, *, size: tuple[int, int] = (400, 200), exif: Image.Exif | None = None, seed: int = 0
) -> Path:
    extra = {"exif": exif} if exif is not None else {}
    # The comment makes each seed's bytes (and so its hash) distinct.
    two_tone(size).save(path, "JPEG", quality=90, comment=f"seed {seed}", **extra)
    return path


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def store_listing(paths: DataPaths) -> dict[str, list[str]]:
    """Every file under photos/, thumbnails/ and tmp/ (to show nothing changed); the temp
    files of originals (photos/.tmp/) count as tmp."""
    listing = {
        name: sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
        if folder.exists()
        else []
        for name, folder in (
            ("photos", paths.photos),
            ("thumbnails", paths.thumbnails),
            ("tmp", paths.tmp),
        )
    }
    temps = [p for p in listing["photos"] if p.startswith(".tmp/")]
    listing["photos"] = [p for p in listing["photos"] if p not in temps]
    listing["tmp"] = sorted(listing["tmp"] + temps)
    return listing


@pytest.fixture
def paths(tmp_path: Path) -> DataPaths:
    p = DataPaths(tmp_path / "data")
    p.ensure()
    return p


# --- EXIF ----------------------------------------------------------------------------------


def test_exif_time_offset_gps_and_orientation_are_read(tmp_path: Path, paths: DataPaths) -> None:
    exif = make_exif(
        taken="2024:05:01 09:12:30", offset="+08:00", gps=(31.2304, -121.4737), orientation=6
    )
    src = make_jpeg(tmp_path / "IMG_0001.JPG", exif=exif)

    photo = ingest_photo(paths, src)

    assert photo.format == "JPEG"
    assert (photo.width, photo.height) == (400, 200)
    assert photo.exif_time == datetime(2024, 5, 1, 9, 12, 30)
    assert photo.exif_time.tzinfo is None
    assert photo.exif_offset == "+08:00"
    assert photo.gps_latitude == pytest.approx(31.2304, abs=1e-5)
    assert photo.gps_longitude == pytest.approx(-121.4737, abs=1e-5)
    assert photo.orientation == 6
    assert photo.original_name == "IMG_0001.JPG"
    assert photo.size_bytes == src.stat().st_size
    assert photo.sha256 == sha256_of(src)

    meta = read_photo_metadata(src)
    assert (meta.exif_time, meta.exif_offset, meta.orientation) == (
        photo.exif_time,
        "+08:00",
        6,
    )
    assert (meta.gps_latitude, meta.gps_longitude) == (photo.gps_latitude, photo.gps_longitude)
    assert (meta.format, meta.width, meta.height) == ("JPEG", 400, 200)


def test_datetime_is_the_fallback_when_there_is_no_datetime_original(
    tmp_path: Path, paths: DataPaths
) -> None:
    src = make_jpeg(tmp_path / "a.jpg", exif=make_exif(datetime_tag="2023:12:31 23:59:59"))
    photo = ingest_photo(paths, src)
    assert photo.exif_time == datetime(2023, 12, 31, 23, 59, 59)
    assert photo.exif_offset is None


def test_photo_without_exif_has_unknown_capture_time(tmp_path: Path, paths: DataPaths) -> None:
    src = make_jpeg(tmp_path / "from-wechat.jpg")
    photo = ingest_photo(paths, src)
    assert photo.exif_time is None
    assert photo.exif_offset is None
    assert photo.gps_latitude is None and photo.gps_longitude is None
    assert photo.orientation == 1
    assert capture_time_utc(photo.exif_time, photo.exif_offset, camera_tz=SHANGHAI) is None
    assert read_photo_metadata(src).exif_time is None


def test_blank_or_zero_exif_dates_are_unknown_not_invented(
    tmp_path: Path, paths: DataPaths
) -> None:
    for i, junk in enumerate(["0000:00:00 00:00:00", "    :  :     :  :  ", "yesterday"]):
        src = make_jpeg(tmp_path / f"{i}.jpg", exif=make_exif(taken=junk), seed=i)
        assert ingest_photo(paths, src).exif_time is None


# --- capture time --------------------------------------------------------------------------


def test_capture_time_uses_camera_zone_without_exif_offset() -> None:
    at = capture_time_utc(datetime(2024, 5, 1, 9, 0), None, camera_tz=SHANGHAI)
    assert at == datetime(2024, 5, 1, 1, 0, tzinfo=UTC)


def test_capture_time_exif_offset_wins_over_camera_zone() -> None:
    at = capture_time_utc(datetime(2024, 5, 1, 9, 0), "+02:00", camera_tz=SHANGHAI)
    assert at == datetime(2024, 5, 1, 7, 0, tzinfo=UTC)
    at = capture_time_utc(datetime(2024, 5, 1, 9, 0), "-05:30", camera_tz=SHANGHAI)
    assert at == datetime(2024, 5, 1, 14, 30, tzinfo=UTC)


def test_capture_time_clock_offset_is_added_to_camera_time() -> None:
    # The camera's clock was 7 minutes behind: true time = camera time + 7 minutes.
    at = capture_time_utc(
        datetime(2024, 5, 1, 9, 0), None, camera_tz=SHANGHAI, clock_offset=timedelta(minutes=7)
    )
    assert at == datetime(2024, 5, 1, 1, 7, tzinfo=UTC)


def test_capture_time_reads_the_stored_text_and_ignores_a_bad_offset() -> None:
    at = capture_time_utc("2024-05-01T09:00:00", "+99:99", camera_tz=UTC)
    assert at == datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
    assert capture_time_utc(None, "+08:00", camera_tz=SHANGHAI) is None


# --- formats and thumbnails ----------------------------------------------------------------


def test_heic_is_accepted_and_kept_byte_for_byte(tmp_path: Path, paths: DataPaths) -> None:
    src = tmp_path / "IMG_4242.HEIC"
    pillow_heif.register_heif_opener()
    two_tone((640, 480)).save(
        src, "HEIF", quality=70, exif=make_exif(taken="2024:06:02 15:04:05", offset="+08:00")
    )

    photo = ingest_photo(paths, src)

    assert photo.format == "HEIF"
    assert photo.exif_time == datetime(2024, 6, 2, 15, 4, 5)
    stored = photo_path(paths, photo.sha256)
    assert stored.read_bytes() == src.read_bytes()
    assert sha256_of(stored) == sha256_of(src) == photo.sha256
    with Image.open(thumbnail_path(paths, photo.sha256)) as thumb:
        assert thumb.format == "JPEG"
        assert max(thumb.size) == 256


def test_png_with_transparency_is_accepted(tmp_path: Path, paths: DataPaths) -> None:
    src = tmp_path / "screen.png"
    Image.new("RGBA", (300, 600), (0, 128, 0, 128)).save(src)
    photo = ingest_photo(paths, src)
    assert (photo.format, photo.width, photo.height) == ("PNG", 300, 600)
    assert photo.exif_time is None
    with Image.open(thumbnail_path(paths, photo.sha256)) as thumb:
        assert thumb.size == (128, 256)
        assert thumb.mode == "RGB"


def test_a_multi_picture_jpeg_from_a_phone_counts_as_jpeg(tmp_path: Path, paths: DataPaths) -> None:
    """Many phones write MPO (a JPEG with a second, depth or preview, frame)."""
    src = tmp_path / "IMG_20240501.jpg"
    two_tone((800, 600)).save(src, "MPO", save_all=True, append_images=[two_tone((800, 600))])
    photo = ingest_photo(paths, src)
    assert photo.format == "JPEG"
    assert (photo.width, photo.height) == (800, 600)
    assert photo_path(paths, photo.sha256).read_bytes() == src.read_bytes()
    assert thumbnail_path(paths, photo.sha256).is_file()


def test_store_layout_is_content_addressed(tmp_path: Path, paths: DataPaths) -> None:
    photo = ingest_photo(paths, make_jpeg(tmp_path / "a.jpg"))
    sha = photo.sha256
    assert photo_path(paths, sha) == paths.photos / sha[:2] / sha
    assert thumbnail_path(paths, sha) == paths.thumbnails / sha[:2] / f"{sha}.jpg"
    assert photo_path(paths, sha).is_file() and thumbnail_path(paths, sha).is_file()
    assert list(paths.tmp.iterdir()) == []
    assert list(paths.photos_tmp.glob("*")) == []
    with pytest.raises(ValueError):
        photo_path(paths, "../../etc/passwd")


def test_thumbnail_is_small_and_turned_upright(tmp_path: Path, paths: DataPaths) -> None:
    # Orientation 6: the camera was held upright; the stored pixels lie on their side.
    src = make_jpeg(tmp_path / "portrait.jpg", size=(2000, 1000), exif=make_exif(orientation=6))
    photo = ingest_photo(paths, src)
    with Image.open(thumbnail_path(paths, photo.sha256)) as thumb:
        assert thumb.size == (128, 256)  # portrait now
        rgb = thumb.convert("RGB")
        top, bottom = rgb.getpixel((64, 30)), rgb.getpixel((64, 226))
    assert isinstance(top, tuple) and isinstance(bottom, tuple)
    # Turned 90° clockwise, the red left half is now on top.
    assert top[0] > 150 and top[2] < 100
    assert bottom[2] > 150 and bottom[0] < 100


def test_thumbnail_of_a_landscape_photo_without_orientation(
    tmp_path: Path, paths: DataPaths
) -> None:
    photo = ingest_photo(paths, make_jpeg(tmp_path / "wide.jpg", size=(4000, 3000)))
    with Image.open(thumbnail_path(paths, photo.sha256)) as thumb:
        assert thumb.size == (256, 192)


# --- dedupe ----------------------------------------------------------------------------------


def test_same_bytes_twice_are_one_stored_file(tmp_path: Path, paths: DataPaths) -> None:
    src = make_jpeg(tmp_path / "a.jpg", exif=make_exif(taken="2024:05:01 09:00:00"))
    copy = tmp_path / "copy of a.jpg"
    copy.write_bytes(src.read_bytes())

    first = ingest_photo(paths, src)
    second = ingest_photo(paths, copy)

    assert first.sha256 == second.sha256
    assert second.original_name == "copy of a.jpg"
    assert store_listing(paths)["photos"] == [f"{first.sha256[:2]}/{first.sha256}"]
    assert len(store_listing(paths)["thumbnails"]) == 1
    assert store_listing(paths)["tmp"] == []


def test_same_bytes_ingested_concurrently_are_one_stored_file(
    tmp_path: Path, paths: DataPaths
) -> None:
    src = make_jpeg(tmp_path / "a.jpg", size=(1600, 1200))
    copies = []
    for i in range(6):
        c = tmp_path / f"c{i}.jpg"
        c.write_bytes(src.read_bytes())
        copies.append(c)
    outcomes = ingest_many(paths, copies, workers=3)
    assert all(o.ok for o in outcomes)
    assert len({o.photo.sha256 for o in outcomes if o.photo}) == 1
    listing = store_listing(paths)
    assert len(listing["photos"]) == 1 and len(listing["thumbnails"]) == 1
    assert listing["tmp"] == []


def test_record_photo_adds_one_row_and_one_audit_event(tmp_path: Path, store: Store) -> None:
    src = make_jpeg(tmp_path / "a.jpg", exif=make_exif(taken="2024:05:01 09:00:00", gps=(30, 120)))
    photo = ingest_photo(store.paths, src)
    with store.read() as s:
        before = s.scalar(select(func.count()).select_from(AuditEvent))

    for _ in range(2):
        with store.write() as s:
            record_photo(s, photo, actor="tester")

    with store.read() as s:
        rows = s.scalars(select(Photo)).all()
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "photo.stored")).all()
        after = s.scalar(select(func.count()).select_from(AuditEvent))
    assert len(rows) == 1
    row = rows[0]
    assert row.sha256 == photo.sha256
    assert row.exif_time == "2024-05-01T09:00:00"
    assert (row.width, row.height, row.format) == (400, 200, "JPEG")
    assert row.gps_latitude == pytest.approx(30) and row.gps_longitude == pytest.approx(120)
    assert row.original_name == "a.jpg"
    assert len(events) == 1 and events[0].entity_id == photo.sha256
    assert events[0].actor == "tester" and events[0].entity == "photo"
    assert after == before + 1


# --- batches -------------------------------------------------------------------------------


def test_ingest_many_reports_bad_files_by_name_and_stores_the_rest(
    tmp_path: Path, paths: DataPaths
) -> None:
    good = [make_jpeg(tmp_path / f"good{i}.jpg", seed=i) for i in range(4)]
    bad = tmp_path / "notes.jpg"
    bad.write_text("not a photo at all")
    files = [good[0], bad, good[1], good[2], tmp_path / "missing.jpg", good[3]]
    calls: list[tuple[int, int]] = []

    outcomes = ingest_many(paths, files, workers=2, progress=lambda d, t: calls.append((d, t)))

    assert [o.source for o in outcomes] == files
    assert [o.ok for o in outcomes] == [True, False, True, True, False, True]
    assert outcomes[1].error is not None and "notes.jpg" in outcomes[1].error
    assert "not an image" in outcomes[1].error
    assert outcomes[4].error is not None and "missing.jpg" in outcomes[4].error
    assert calls[0] == (0, 6) and calls[-1] == (6, 6)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert len(store_listing(paths)["photos"]) == 4
    assert store_listing(paths)["tmp"] == []


def test_cancel_raises_and_leaves_nothing_half_stored(tmp_path: Path, paths: DataPaths) -> None:
    files = [make_jpeg(tmp_path / f"{i:03}.jpg", size=(1600, 1200), seed=i) for i in range(30)]
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done >= 3:
            cancel.set()

    with pytest.raises(Cancelled):
        ingest_many(paths, files, workers=2, progress=progress, cancel=cancel)

    listing = store_listing(paths)
    assert listing["tmp"] == []
    assert 3 <= len(listing["photos"]) < 30
    # Whatever is in the store is whole: named by its hash, with its thumbnail.
    for rel in listing["photos"]:
        stored = paths.photos / rel
        assert sha256_of(stored) == stored.name
        assert thumbnail_path(paths, stored.name).is_file()
    assert len(listing["thumbnails"]) == len(listing["photos"])


def test_cancel_before_start_stores_nothing(tmp_path: Path, paths: DataPaths) -> None:
    files = [make_jpeg(tmp_path / f"{i}.jpg", seed=i) for i in range(3)]
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        ingest_many(paths, files, cancel=cancel)
    assert store_listing(paths) == {"photos": [], "thumbnails": [], "tmp": []}


def test_single_ingest_error_names_the_file(tmp_path: Path, paths: DataPaths) -> None:
    bad = tmp_path / "IMG_9.jpg"
    bad.write_bytes(b"\x00" * 100)
    with pytest.raises(PhotoError) as err:
        ingest_photo(paths, bad)
    assert err.value.path == str(bad)
    assert str(bad) in str(err.value)
