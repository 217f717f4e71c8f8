"""Hostile images: each bad file gets its own clear error naming it, and changes nothing."""

from __future__ import annotations

import errno
import io
import os
import random
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pillow_heif
import pytest
from PIL import ExifTags, Image, TiffImagePlugin
from sqlalchemy import func, select

from inspector_app.core import photos as photos_module
from inspector_app.core.db.models import AuditEvent, Photo
from inspector_app.core.errors import PhotoError
from inspector_app.core.photos import ingest_many, ingest_photo, read_photo_metadata
from inspector_app.core.store import Store
from tests.core.test_photos import make_exif, make_jpeg, store_listing, two_tone


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_header_only(width: int, height: int) -> bytes:
    """A valid PNG signature and IHDR declaring a huge image, with almost no data: the
    bomb is in what it claims, so it costs nothing to build."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + _png_chunk(b"IEND", b"")
    )


def _text_as_jpg(d: Path) -> Path:
    p = d / "IMG_0001.jpg"
    p.write_text("These are my notes from the market, not a photo.\n" * 20)
    return p


def _truncated_jpeg(d: Path) -> Path:
    full = make_jpeg(d / "full.jpg", size=(1600, 1200), exif=make_exif(taken="2024:05:01 09:00:00"))
    p = d / "IMG_0002.jpg"
    data = full.read_bytes()
    p.write_bytes(data[: int(len(data) * 0.6)])
    full.unlink()
    return p


def _truncated_png(d: Path) -> Path:
    full = d / "full.png"
    Image.effect_noise((800, 600), 60).convert("RGB").save(full)
    p = d / "screen.png"
    data = full.read_bytes()
    p.write_bytes(data[: int(len(data) * 0.6)])
    full.unlink()
    return p


def _truncated_heic(d: Path) -> Path:
    full = d / "full.heic"
    pillow_heif.register_heif_opener()
    two_tone((640, 480)).save(full, "HEIF", quality=60)
    p = d / "IMG_0003.HEIC"
    data = full.read_bytes()
    p.write_bytes(data[: int(len(data) * 0.6)])
    full.unlink()
    return p


def _bomb(d: Path) -> Path:
    p = d / "huge.png"
    p.write_bytes(png_header_only(30000, 30000))
    return p


def _bomb_just_over_the_bound(d: Path) -> Path:
    p = d / "big.png"
    p.write_bytes(png_header_only(12000, 11000))  # 132 MP: a warning for Pillow, an error here
    return p


def _saved_as(fmt: str, name: str) -> Callable[[Path], Path]:
    def make(d: Path) -> Path:
        p = d / name
        two_tone((64, 48)).save(p, fmt)
        return p

    return make


def _empty(d: Path) -> Path:
    p = d / "IMG_0004.jpg"
    p.write_bytes(b"")
    return p


def _folder(d: Path) -> Path:
    p = d / "DCIM.jpg"
    p.mkdir()
    return p


def _video(d: Path) -> Path:
    p = d / "MVI_0005.jpg"
    p.write_bytes(b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 4000)
    return p


def _jpeg_with_broken_header(d: Path) -> Path:
    p = d / "IMG_0006.jpg"
    noise = random.Random(6).randbytes(3000)
    p.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + noise)
    return p


def _png_with_bad_checksum(d: Path) -> Path:
    full = d / "full.png"
    Image.effect_noise((200, 100), 60).convert("RGB").save(full)
    data = bytearray(full.read_bytes())
    full.unlink()
    at = data.find(b"IDAT") + 40
    data[at] ^= 0x55  # one flipped byte inside the compressed data
    p = d / "chart.png"
    p.write_bytes(bytes(data))
    return p


HOSTILE: list[tuple[str, Callable[[Path], Path], str]] = [
    ("text file named .jpg", _text_as_jpg, "not an image"),
    ("JPEG cut at 60%", _truncated_jpeg, "truncated"),
    ("PNG cut at 60%", _truncated_png, "truncated"),
    ("HEIC cut at 60%", _truncated_heic, "truncated"),
    ("decompression bomb", _bomb, "decompression bomb"),
    ("bomb just over the bound", _bomb_just_over_the_bound, "decompression bomb"),
    ("GIF", _saved_as("GIF", "anim.gif"), "unsupported format GIF"),
    ("BMP", _saved_as("BMP", "scan.bmp"), "unsupported format BMP"),
    ("TIFF", _saved_as("TIFF", "scan.tif"), "unsupported format TIFF"),
    ("WEBP", _saved_as("WEBP", "web.webp"), "unsupported format WEBP"),
    ("empty file", _empty, "empty"),
    ("a folder", _folder, "folder"),
    ("a phone video", _video, "unsupported format video"),
    ("JPEG with a broken header", _jpeg_with_broken_header, "damaged"),
    ("PNG with a flipped byte", _png_with_bad_checksum, "damaged"),
]


def _snapshot(store: Store) -> tuple[dict[str, list[str]], int, int]:
    with store.read() as s:
        photos = s.scalar(select(func.count()).select_from(Photo)) or 0
        events = s.scalar(select(func.count()).select_from(AuditEvent)) or 0
    return store_listing(store.paths), photos, events


# Pillow only warns between its bound and twice that; made an error here (ingest refuses
# such images by their size anyway, as the batch test below shows with the default filter).
@pytest.mark.filterwarnings("error::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize(("label", "make", "expected"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_file_is_refused_by_name_and_changes_nothing(
    tmp_path: Path, store: Store, label: str, make: Callable[[Path], Path], expected: str
) -> None:
    # A photo already in the store must survive the refusal untouched.
    kept = ingest_photo(store.paths, make_jpeg(tmp_path / "kept.jpg"))
    before = _snapshot(store)
    bad = make(tmp_path)

    with pytest.raises(PhotoError) as err:
        ingest_photo(store.paths, bad)

    message = str(err.value)
    assert str(bad) in message, message
    assert expected in message, message
    assert _snapshot(store) == before
    assert kept.sha256 in "".join(before[0]["photos"])


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_a_batch_reports_each_hostile_file_and_stores_the_good_ones(
    tmp_path: Path, store: Store
) -> None:
    bad_dir = tmp_path / "bad"
    bad_dir.mkdir()
    bad = [make(bad_dir) for _, make, _ in HOSTILE]
    good = [make_jpeg(tmp_path / f"good{i}.jpg", seed=i) for i in range(3)]
    files = [good[0], *bad, good[1], good[2]]

    outcomes = ingest_many(store.paths, files, workers=2)

    assert [o.ok for o in outcomes] == [True] + [False] * len(bad) + [True, True]
    for outcome, (_, _, expected) in zip(outcomes[1:-2], HOSTILE, strict=True):
        assert outcome.error is not None
        assert str(outcome.source) in outcome.error
        assert expected in outcome.error
    listing = store_listing(store.paths)
    assert len(listing["photos"]) == 3 and len(listing["thumbnails"]) == 3
    assert listing["tmp"] == []


def test_metadata_preview_refuses_what_is_plainly_not_a_photo(tmp_path: Path) -> None:
    for make, expected in (
        (_text_as_jpg, "not an image"),
        (_bomb, "decompression bomb"),
        (_empty, "empty"),
        (_saved_as("GIF", "a.gif"), "GIF"),
    ):
        bad = make(tmp_path)
        with pytest.raises(PhotoError, match=expected):
            read_photo_metadata(bad)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path, store: Store) -> None:
    fifo = tmp_path / "IMG_0008.jpg"
    os.mkfifo(fifo)
    with pytest.raises(PhotoError, match="not a regular file"):
        ingest_photo(store.paths, fifo)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_an_unreadable_file_is_refused(tmp_path: Path, store: Store) -> None:
    p = make_jpeg(tmp_path / "locked.jpg")
    p.chmod(0)
    try:
        with pytest.raises(PhotoError, match="permission denied"):
            ingest_photo(store.paths, p)
    finally:
        p.chmod(0o644)
    assert store_listing(store.paths)["tmp"] == []


def test_hostile_exif_is_ignored_not_fatal(tmp_path: Path, store: Store) -> None:
    """Broken EXIF values (zero denominators, wrong types, bad offsets) mean 'unknown'."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 99
    ifd = exif.get_ifd(ExifTags.IFD.Exif)
    ifd[ExifTags.Base.DateTimeOriginal] = "2024:13:45 99:99:99"
    ifd[ExifTags.Base.OffsetTimeOriginal] = "+8h"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (
        TiffImagePlugin.IFDRational(1, 0),
        TiffImagePlugin.IFDRational(0, 0),
        TiffImagePlugin.IFDRational(0, 0),
    )
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (400.0, 0.0, 0.0)
    src = make_jpeg(tmp_path / "odd.jpg", exif=exif)

    photo = ingest_photo(store.paths, src)

    assert photo.exif_time is None and photo.exif_offset is None
    assert photo.gps_latitude is None and photo.gps_longitude is None
    assert photo.orientation == 1


def test_a_file_the_system_will_not_open_is_refused(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permission denied, as a user without rights (or a locked file on Windows) sees it."""
    src = make_jpeg(tmp_path / "locked.jpg")
    real_open = open

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(file) == src:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(photos_module, "open", guarded_open, raising=False)
    before = _snapshot(store)
    with pytest.raises(PhotoError, match="permission denied") as err:
        ingest_photo(store.paths, src)
    assert str(src) in str(err.value)
    assert _snapshot(store) == before


def test_a_read_error_half_way_leaves_nothing(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A USB stick pulled out during the copy: an I/O error, and no partial file anywhere."""
    src = make_jpeg(tmp_path / "IMG_0009.jpg", size=(3000, 2000))
    real_open = open

    class FailingFile(io.FileIO):
        def readinto(self, buffer: Any) -> int:
            if self.tell() > 0:
                raise OSError(errno.EIO, "Input/output error")
            return super().readinto(buffer)

    def flaky_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(file) == src:
            return FailingFile(file, "rb")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(photos_module, "CHUNK_BYTES", 64 * 1024)
    monkeypatch.setattr(photos_module, "open", flaky_open, raising=False)
    before = _snapshot(store)
    with pytest.raises(PhotoError, match="cannot be read") as err:
        ingest_photo(store.paths, src)
    assert "Input/output error" in str(err.value)
    assert _snapshot(store) == before
