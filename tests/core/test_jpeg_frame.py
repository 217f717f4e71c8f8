"""A JPEG's pixel size from its frame header: the same as Pillow's wherever it answers,
None (Pillow decides) for anything out of the plain, and a bundle's photo with a header
Pillow refuses is refused in Pillow's words."""

from __future__ import annotations

import io
import json
import random
import warnings
from pathlib import Path

import pytest
from PIL import Image

from inspector_app.core.bundle import format as fmt
from inspector_app.core.bundle.verified import TrustedKey
from inspector_app.core.jpeg_frame import frame_size
from inspector_app.core.photos import MAX_PIXELS
from inspector_app.core.store import Store
from tests.core.test_bundle_reader import (
    _photo,
    _write_as_the_writer,
    bundle,  # noqa: F401 - a fixture
    entries,
    refused,
    rehash,
    resign,
)


def _jpeg(mode: str = "RGB", size: tuple[int, int] = (64, 48), **options: object) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, 128 if mode == "L" else "red").save(out, "JPEG", **options)
    return out.getvalue()


def _size(data: bytes) -> tuple[int, int] | None:
    return frame_size(lambda pos, count: data[pos : pos + count], len(data))


def _segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + (len(body) + 2).to_bytes(2, "big") + body


def _after_soi(data: bytes, *segments: bytes) -> bytes:
    return data[:2] + b"".join(segments) + data[2:]


EXIF = b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x00\x00\x00\x00\x00"

PLAIN = {
    "baseline": _jpeg(),
    "grey": _jpeg("L"),
    "cmyk": _jpeg("CMYK"),
    "progressive": _jpeg(progressive=True),
    "optimised": _jpeg(optimize=True),
    "restart markers": _jpeg(restart_marker_blocks=1),
    "icc profile over several segments": _jpeg(icc_profile=b"p" * 70_000),
    "exif": _jpeg(exif=EXIF),
    "comment": _jpeg(comment=b"inspection " * 50),
    "no chroma subsampling": _jpeg(subsampling=0),
    "a phone's size": _jpeg(size=(4000, 3000)),
    "a 60 kB comment first": _after_soi(_jpeg(), _segment(0xFE, b"." * 60_000)),
}


@pytest.mark.parametrize("name", list(PLAIN))
def test_plain_jpegs_read_as_pillow_reads_them(name: str):
    data = PLAIN[name]
    assert _size(data) == Image.open(io.BytesIO(data)).size


def test_only_the_segment_heads_are_read():
    """A photo's long segments (a phone's EXIF thumbnail, here a 60 kB comment) are passed
    over, not read."""
    data = PLAIN["a 60 kB comment first"]
    asked: list[int] = []

    def read(pos: int, count: int) -> bytes:
        asked.append(count)
        return data[pos : pos + count]

    assert frame_size(read, len(data)) == (64, 48)
    assert sum(asked) < 10_000 < len(data)


OUT_OF_THE_PLAIN = {
    "not a JPEG": b"\x89PNG\r\n\x1a\n" + bytes(100),
    "cut short in a segment": PLAIN["baseline"][:200],
    "a multi-picture index": _after_soi(PLAIN["baseline"], _segment(0xE2, b"MPF\x00" + bytes(40))),
    "photoshop resources": _after_soi(
        PLAIN["baseline"], _segment(0xED, b"Photoshop 3.0\x008BIM\x03\xed")
    ),
    "a JFIF header too short": _after_soi(PLAIN["baseline"], _segment(0xE0, b"JFIF\x00\x01")),
    "an Adobe header too short": _after_soi(PLAIN["baseline"], _segment(0xEE, b"Adobe\x00")),
    "an ICC chunk too short": _after_soi(PLAIN["baseline"], _segment(0xE2, b"ICC_PROFILE\x00\x01")),
    "a quantisation table cut short": _after_soi(PLAIN["baseline"], _segment(0xDB, bytes(30))),
    "16-bit tables of the wrong length": _after_soi(
        PLAIN["baseline"], _segment(0xDB, b"\x10" + bytes(64))
    ),
    "a hierarchical size marker": _after_soi(PLAIN["baseline"], _segment(0xDE, bytes(10))),
    "fill bytes between segments": PLAIN["baseline"][:2] + b"\xff" + PLAIN["baseline"][2:],
    "an unknown marker": _after_soi(PLAIN["baseline"], _segment(0x02, bytes(4))),
    "a second frame header": _after_soi(
        PLAIN["baseline"], _segment(0xC0, b"\x08\x00\x10\x00\x10\x01\x01\x11\x00")
    ),
    "12-bit samples": _after_soi(
        PLAIN["baseline"].replace(b"\xff\xc0\x00\x11\x08", b"\xff\xc0\x00\x11\x0c", 1)
    ),
}


@pytest.mark.parametrize("name", list(OUT_OF_THE_PLAIN))
def test_anything_out_of_the_plain_is_left_to_pillow(name: str):
    assert _size(OUT_OF_THE_PLAIN[name]) is None


def test_no_frame_header_before_the_scan_is_left_to_pillow():
    data = PLAIN["baseline"]
    at = data.index(b"\xff\xc0")
    length = int.from_bytes(data[at + 2 : at + 4], "big")
    assert _size(data[:at] + data[at + 2 + length :]) is None


def test_where_it_answers_pillow_agrees_on_damaged_headers():
    """Thousands of JPEGs with bytes of their headers changed or cut: whenever an answer
    is given, Pillow opens the file with that very size (or refuses it as too large,
    which the caller checks apart)."""
    rng = random.Random(20261126)
    bases = [PLAIN[k] for k in ("baseline", "exif", "progressive", "cmyk", "grey")]
    bases.append(_jpeg(icc_profile=b"p" * 300))
    answered = 0
    for _ in range(6000):
        data = bytearray(rng.choice(bases))
        for _change in range(rng.randint(1, 4)):
            data[rng.randrange(min(len(data), 700))] = rng.randrange(256)
        if rng.random() < 0.2:
            data = data[: rng.randrange(len(data))]
        found = _size(bytes(data))
        if found is None:
            continue
        answered += 1
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                pillow = Image.open(io.BytesIO(bytes(data)), formats=["JPEG"]).size
            except Image.DecompressionBombError:
                assert found[0] * found[1] > MAX_PIXELS
                continue
        assert pillow == found, bytes(data[:80])
    assert answered > 3000  # most changes land in the image data, which is not read


def _swap_first_photo(store: Store, files: dict[str, bytes], data: bytes) -> None:
    """Put other bytes in place of the bundle's first photo, renamed by their hash and
    described by bundle.json as before (the same size in pixels), and sign it all again."""
    import hashlib

    old_rel = _photo(files)
    old_sha = old_rel.rsplit("/", 1)[1].split(".")[0]
    new_sha = hashlib.sha256(data).hexdigest()
    del files[old_rel]
    files[old_rel.replace(old_sha, new_sha)] = data
    doc = json.loads(files[fmt.BUNDLE_JSON].decode().replace(old_sha, new_sha))
    for photo in doc["photos"]:
        if photo["sha256"] == new_sha:
            photo["size_bytes"] = len(data)
    files[fmt.BUNDLE_JSON] = json.dumps(doc, ensure_ascii=False).encode()
    rehash(files)
    resign(store, files)


def _photo_pixels(files: dict[str, bytes]) -> tuple[int, int]:
    return Image.open(io.BytesIO(files[_photo(files)])).size


@pytest.mark.parametrize("defer_photos", [False, True])
def test_a_photo_pillow_refuses_is_refused_in_its_words(
    bundle: tuple[Store, Path, TrustedKey],  # noqa: F811 - the fixture
    tmp_path: Path,
    defer_photos: bool,
):
    """A signed bundle whose JPEG has a broken quantisation table: the frame reader leaves
    it to Pillow, which refuses it, and the bundle is refused saying so."""
    store, path, trust = bundle
    top, files = entries(path)
    width, height = _photo_pixels(files)
    broken = _after_soi(_jpeg(size=(width, height)), _segment(0xDB, bytes(30)))
    _swap_first_photo(store, files, broken)
    bad = _write_as_the_writer(tmp_path / "bad.zip", top, files)
    reason = refused(bad, trust, tmp_path, defer_photos=defer_photos)
    assert "is refused: the JPEG file is damaged or truncated" in reason


def test_a_plain_photo_of_its_stated_size_passes(
    bundle: tuple[Store, Path, TrustedKey],  # noqa: F811 - the fixture
    tmp_path: Path,
):
    from inspector_app.core.bundle.reader import open_verified

    store, path, trust = bundle
    top, files = entries(path)
    width, height = _photo_pixels(files)
    plain = _after_soi(_jpeg(size=(width, height), exif=EXIF), _segment(0xFE, b"." * 60_000))
    _swap_first_photo(store, files, plain)
    good = _write_as_the_writer(tmp_path / "good.zip", top, files)
    with open_verified(good, trusted=lambda k: trust, tmp_dir=tmp_path) as vb:
        assert len(vb.photos) == 2
