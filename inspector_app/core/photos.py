"""Photo evidence: ingest into the content-addressed store, EXIF, thumbnails (DESIGN §4).

An ingest copies the source's bytes once, in chunks, to a temp file in the photos folder's
`.tmp/` (the file system of `photos/`, a share perhaps) while hashing them (SHA-256);
checks the copy is an image of an accepted format (JPEG, PNG, HEIF) by decoding it in full
(a draft-mode decode for JPEG, which still reads every byte, so a truncated file is
caught); reads EXIF (capture time as the camera wrote it, its offset, GPS, orientation);
makes a 256 px JPEG thumbnail turned upright; fsyncs both files and renames them to
`photos/ab/<sha256>` and `thumbnails/ab/<sha256>.jpg`. Only then may the database refer
to the photo (`record_photo`). On any error nothing is left in `photos/`, `thumbnails/`,
`tmp/` or `photos/.tmp/`, and the error names the file and says what is wrong.

The original bytes are never changed (HEIC from iPhones is kept as it is). Same bytes twice
are one stored file: the name is the hash, so renaming over an existing file is harmless.

Photos that arrive in a verified bundle (already hashed, signed and header-checked) take a
shorter road at the command centre: `store_originals` copies them out of the zip, checks
each hash again, fsyncs them together and renames them; `make_thumbnails` decodes them
into their thumbnails, at once or after the import has reported (a thumbnail is derived
from its original and can always be made again).
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
import re
import stat
import tempfile
import threading
import warnings
import zlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import IO, Any, Protocol

import pillow_heif
from PIL import ExifTags, Image, ImageFile, ImageOps, UnidentifiedImageError
from sqlalchemy.orm import Session

from inspector_app.core import audit
from inspector_app.core.db.bulk import insert_rows
from inspector_app.core.db.models import Photo
from inspector_app.core.errors import Cancelled, PhotoError
from inspector_app.core.fsutil import fsync_dir
from inspector_app.core.paths import DataPaths, check_sha, photo_path, thumbnail_path

#: formats kept as evidence (Pillow's names); MPO (a JPEG with extra frames) counts as JPEG
ACCEPTED_FORMATS: frozenset[str] = frozenset({"JPEG", "PNG", "HEIF"})
#: the largest image accepted, in pixels: above any phone or camera, far below a bomb
MAX_PIXELS = 120_000_000
#: the largest file accepted (HEIF is read into memory whole by libheif)
MAX_FILE_BYTES = 256 * 1024 * 1024
#: the longest side of a thumbnail
THUMBNAIL_SIZE = 256
THUMBNAIL_QUALITY = 85
CHUNK_BYTES = 1024 * 1024

_FORMAT_ALIASES = {"MPO": "JPEG"}
_OFFSET_RE = re.compile(r"^([+-])(\d{2}):(\d{2})$")
_EXIF_TIME_FORMAT = "%Y:%m:%d %H:%M:%S"

# Evidence must be complete: a truncated image is an error, never half a picture.
ImageFile.LOAD_TRUNCATED_IMAGES = False
# Pillow raises DecompressionBombError above twice this bound and warns above it; the
# warning is made an error here, and `_open_image` refuses anything above it in any case
# (warnings filters are process-wide and reset by test runners, so they are not relied on).
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
warnings.filterwarnings("error", category=Image.DecompressionBombWarning)
pillow_heif.register_heif_opener()

_init_lock = threading.Lock()
_initialised = False


def _init_pillow() -> None:
    """Load every Pillow plugin once, before threads race to do it (the registry is a dict)."""
    global _initialised
    if _initialised:
        return
    with _init_lock:
        if not _initialised:
            Image.init()
            _initialised = True


class CancelToken(Protocol):
    """Anything with `is_set()`, e.g. a `threading.Event`."""

    def is_set(self) -> bool: ...


ProgressCallback = Callable[[int, int], None]


# --- DTOs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PhotoMetadata:
    """What a photo's header and EXIF say (no full decode): for previews and planning.

    `width`/`height` are the pixel size as Pillow opens the file (JPEG and PNG: the stored,
    un-rotated pixels; HEIF: libheif has already applied the container's rotation).
    `orientation` is the EXIF Orientation tag as the camera wrote it (1 when absent).
    """

    format: str
    width: int
    height: int
    #: EXIF DateTimeOriginal (else DateTime) on the camera's clock, naive; None = unknown
    exif_time: datetime | None
    #: EXIF OffsetTimeOriginal (e.g. "+08:00") when the camera recorded one
    exif_offset: str | None
    #: signed decimal degrees (south and west negative)
    gps_latitude: float | None
    gps_longitude: float | None
    orientation: int
    size_bytes: int


@dataclass(frozen=True)
class IngestedPhoto:
    """A photo now in the content-addressed store (not yet in the database)."""

    sha256: str
    size_bytes: int
    format: str
    width: int
    height: int
    exif_time: datetime | None
    exif_offset: str | None
    gps_latitude: float | None
    gps_longitude: float | None
    orientation: int
    original_name: str


@dataclass(frozen=True)
class IngestOutcome:
    """One file of a batch: the stored photo, or the error message naming the file."""

    source: Path
    photo: IngestedPhoto | None
    error: str | None

    @property
    def ok(self) -> bool:
        return self.photo is not None


# --- paths -----------------------------------------------------------------------------------


# --- time ------------------------------------------------------------------------------------


def parse_exif_offset(offset: str | None) -> timezone | None:
    """`"+08:00"` → UTC+8; None for anything that is not a valid ±HH:MM offset."""
    if not offset:
        return None
    m = _OFFSET_RE.match(offset.strip())
    if not m:
        return None
    hours, minutes = int(m.group(2)), int(m.group(3))
    if hours > 14 or minutes > 59:
        return None
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if m.group(1) == "-" else delta)


def capture_time_utc(
    exif_time: datetime | str | None,
    exif_offset: str | None,
    *,
    camera_tz: tzinfo,
    clock_offset: timedelta = timedelta(0),
) -> datetime | None:
    """The true capture time in UTC, or None when the photo does not say (never invented).

    `exif_time` is the camera's clock reading (a naive datetime, or its ISO text as stored
    in the database). `clock_offset` corrects a drifting clock: true time = camera time +
    clock_offset (a camera 5 minutes behind takes `timedelta(minutes=5)`). The zone is the
    photo's own EXIF offset when it has one, else `camera_tz` (the zone the clock was set
    to).
    """
    if exif_time is None:
        return None
    if isinstance(exif_time, str):
        try:
            exif_time = datetime.fromisoformat(exif_time)
        except ValueError:
            return None
    if exif_time.tzinfo is not None:  # already placed in time: only the drift applies
        return (exif_time + clock_offset).astimezone(UTC)
    local = exif_time + clock_offset
    zone = parse_exif_offset(exif_offset) or camera_tz
    return local.replace(tzinfo=zone).astimezone(UTC)


# --- EXIF ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Exif:
    time: datetime | None = None
    offset: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    orientation: int = 1


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str):
        return None
    return value.strip("\x00 \t\r\n") or None


def _parse_exif_time(value: object, subsec: object) -> datetime | None:
    text = _text(value)
    if text is None:
        return None
    try:
        parsed = datetime.strptime(text[:19], _EXIF_TIME_FORMAT)
    except ValueError:  # blank ("    :  :  "), zero dates, other junk: unknown
        return None
    digits = _text(subsec)
    if digits and digits.isdigit():
        parsed = parsed.replace(microsecond=int((digits + "000000")[:6]))
    return parsed


def _rational(value: object) -> float:
    number = float(value)  # type: ignore[arg-type]  # IFDRational, int or float
    if not math.isfinite(number):
        raise ValueError("not a finite number")
    return number


def _gps_degrees(value: object, ref: object, limit: float) -> float | None:
    try:
        if isinstance(value, tuple | list):
            parts = [_rational(v) for v in value]
            if not parts or len(parts) > 3:
                return None
            degrees = sum(p / 60**i for i, p in enumerate(parts))
        elif value is None:
            return None
        else:
            degrees = _rational(value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    direction = (_text(ref) or "").upper()[:1]
    if direction in ("S", "W"):
        degrees = -degrees
    if not math.isfinite(degrees) or abs(degrees) > limit:
        return None
    return round(degrees, 7)


def _read_exif(im: Image.Image) -> _Exif:
    """EXIF fields of an opened image; a damaged EXIF block means unknown, not an error."""
    try:
        exif = im.getexif()
        ifd = exif.get_ifd(ExifTags.IFD.Exif)
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    except Exception:  # hostile or broken EXIF: the picture is still evidence
        return _Exif()
    time = _parse_exif_time(
        ifd.get(ExifTags.Base.DateTimeOriginal), ifd.get(ExifTags.Base.SubsecTimeOriginal)
    )
    offset_tag: int = ExifTags.Base.OffsetTimeOriginal
    if time is None:
        time = _parse_exif_time(exif.get(ExifTags.Base.DateTime), ifd.get(ExifTags.Base.SubsecTime))
        offset_tag = ExifTags.Base.OffsetTime
    offset = _text(ifd.get(offset_tag)) if time is not None else None
    if offset is not None and parse_exif_offset(offset) is None:
        offset = None
    latitude = _gps_degrees(
        gps.get(ExifTags.GPS.GPSLatitude), gps.get(ExifTags.GPS.GPSLatitudeRef), 90.0
    )
    longitude = _gps_degrees(
        gps.get(ExifTags.GPS.GPSLongitude), gps.get(ExifTags.GPS.GPSLongitudeRef), 180.0
    )
    if latitude is None or longitude is None:
        latitude = longitude = None
    # pillow-heif resets EXIF Orientation to 1 (libheif rotates on decode) and keeps the
    # camera's value here.
    raw_orientation = im.info.get("original_orientation") or exif.get(ExifTags.Base.Orientation)
    orientation = raw_orientation if isinstance(raw_orientation, int) else 1
    if not 1 <= orientation <= 8:
        orientation = 1
    return _Exif(time, offset, latitude, longitude, orientation)


# --- opening and checking --------------------------------------------------------------------

_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\xff\xd8\xff", 0, "JPEG"),
    (b"\x89PNG\r\n\x1a\n", 0, "PNG"),
    (b"GIF8", 0, "GIF"),
    (b"BM", 0, "BMP"),
    (b"II*\x00", 0, "TIFF"),
    (b"MM\x00*", 0, "TIFF"),
    (b"WEBP", 8, "WEBP"),
)
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1"}
_AVIF_BRANDS = {b"avif", b"avis"}


def _sniff(fh: IO[bytes]) -> str | None:
    """The format the first bytes claim, to word an error when Pillow cannot open a file."""
    fh.seek(0)
    head = fh.read(16)
    if head[4:8] == b"ftyp":  # ISO base media: HEIF, AVIF, or a phone's video
        brand = head[8:12]
        if brand in _HEIF_BRANDS:
            return "HEIF"
        return "AVIF" if brand in _AVIF_BRANDS else "video (MP4/MOV)"
    for magic, at, name in _MAGIC:
        if head[at : at + len(magic)] == magic:
            return name
    return None


def _note(exc: BaseException) -> str:
    """A library's error text on one short line, for the end of our own message."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."


def _bomb(display: str, size: tuple[int, int] | None = None, note: str = "") -> PhotoError:
    if size:
        dims = f" ({size[0]} x {size[1]} pixels)"
    else:  # Pillow refused it before we saw the size; its message has the pixel count
        found = re.search(r"\((\d+) pixels\)", note)
        dims = f" ({int(found.group(1)) // 1_000_000} megapixels)" if found else ""
    return PhotoError(
        display,
        f"the image is too large{dims}: more than {MAX_PIXELS // 1_000_000} megapixels, "
        "refused as a possible decompression bomb",
    )


def _unsupported(display: str, fmt: str) -> PhotoError:
    return PhotoError(
        display, f"unsupported format {fmt}: only JPEG, PNG and HEIC/HEIF are accepted"
    )


#: Pillow plugins to try first for a format a caller expects (others: all plugins)
_EXPECTED_PLUGINS = {"JPEG": ["JPEG"], "PNG": ["PNG"]}


def _open_image(
    fh: IO[bytes], display: str, expected: str | None = None
) -> tuple[ImageFile.ImageFile, str]:
    """Open (headers only) and check format and size; the caller closes `fh`. With the
    format the caller `expected`, its plugin alone is tried first (Pillow otherwise lets
    several plugins construct an image and fail); if it cannot open the file, every
    plugin is tried, so the outcome and its error are the same as without."""
    _init_pillow()
    plugins = _EXPECTED_PLUGINS.get(expected or "")
    if plugins is not None:
        try:
            im = Image.open(fh, formats=plugins)
        except Exception:
            fh.seek(0)
        else:
            return _checked_open(im, display)
    try:
        im = Image.open(fh)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _bomb(display, note=str(exc)) from None
    except UnidentifiedImageError:
        claimed = _sniff(fh)
        if claimed in ACCEPTED_FORMATS:
            raise PhotoError(
                display, f"the {claimed} file is damaged or truncated and cannot be read"
            ) from None
        if claimed is not None:
            raise _unsupported(display, claimed) from None
        raise PhotoError(display, "not an image (the file's content is not a photo)") from None
    except Exception as exc:  # a plugin choked on a hostile header
        claimed = _sniff(fh)
        what = f"the {claimed} file" if claimed in ACCEPTED_FORMATS else "the file"
        raise PhotoError(
            display, f"{what} is damaged or truncated and cannot be read ({_note(exc)})"
        ) from None
    return _checked_open(im, display)


def _checked_open(im: ImageFile.ImageFile, display: str) -> tuple[ImageFile.ImageFile, str]:
    """The format and pixel checks of an opened image (closed when refused)."""
    fmt = _FORMAT_ALIASES.get(im.format or "", im.format or "")
    if fmt not in ACCEPTED_FORMATS:
        im.close()
        raise _unsupported(display, fmt or "unknown")
    width, height = im.size
    if width <= 0 or height <= 0:
        im.close()
        raise PhotoError(display, "the image has no pixels")
    if width * height > MAX_PIXELS:
        im.close()
        raise _bomb(display, im.size)
    return im, fmt


def _stat_source(source: Path) -> os.stat_result:
    """Refuse what is not a readable regular file before opening it (a FIFO would block)."""
    display = str(source)
    try:
        st = source.stat()
    except FileNotFoundError:
        raise PhotoError(display, "the file does not exist") from None
    except PermissionError:
        raise PhotoError(display, "the file cannot be read (permission denied)") from None
    except OSError as exc:
        raise PhotoError(display, f"the file cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise PhotoError(display, "this is a folder, not a photo file")
    if not stat.S_ISREG(st.st_mode):
        raise PhotoError(display, "not a regular file (a device, pipe or socket)")
    if st.st_size == 0:
        raise PhotoError(display, "the file is empty (0 bytes)")
    if st.st_size > MAX_FILE_BYTES:
        raise PhotoError(
            display, f"the file is too large for a photo ({st.st_size // (1024 * 1024)} MiB)"
        )
    return st


def _open_source(source: Path) -> IO[bytes]:
    display = str(source)
    try:
        return open(source, "rb", buffering=0)  # closed by the caller
    except PermissionError:
        raise PhotoError(display, "the file cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise PhotoError(display, "this is a folder, not a photo file") from None
    except OSError as exc:
        raise PhotoError(display, f"the file cannot be read ({exc.strerror or exc})") from None


def read_photo_metadata(source: Path) -> PhotoMetadata:
    """Format, size and EXIF from the headers only: no full decode, nothing stored.

    Raises PhotoError for what is plainly not an accepted photo (not an image, unsupported
    format, too many pixels, empty, unreadable); damage inside the image data shows only
    when it is ingested.
    """
    source = Path(source)
    st = _stat_source(source)
    with _open_source(source) as fh:
        im, fmt = _open_image(fh, str(source))
        with im:
            exif = _read_exif(im)
            width, height = im.size
    return PhotoMetadata(
        format=fmt,
        width=width,
        height=height,
        exif_time=exif.time,
        exif_offset=exif.offset,
        gps_latitude=exif.latitude,
        gps_longitude=exif.longitude,
        orientation=exif.orientation,
        size_bytes=st.st_size,
    )


# --- thumbnails ------------------------------------------------------------------------------


def _to_rgb(im: Image.Image) -> Image.Image:
    """Thumbnail pixels as RGB or L for JPEG: transparency over white, 16-bit scaled down."""
    if im.mode in ("RGB", "L"):
        return im
    if im.mode.startswith("I;16"):
        return im.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    if im.mode in ("I", "F"):
        return im.convert("L")
    if im.mode in ("P", "PA", "LA", "RGBA", "RGBa", "La"):
        rgba = im.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return im.convert("RGB")


def _damaged(display: str, fmt: str, exc: BaseException) -> PhotoError:
    note = _note(exc)
    if any(word in note.lower() for word in ("truncated", "end of file", "eof")):
        reason = f"the {fmt} image is truncated: the file ends before the picture does ({note})"
    else:
        reason = f"the {fmt} image is damaged and cannot be decoded ({note})"
    return PhotoError(display, reason)


def _decode_copy(path: Path, display: str) -> tuple[str, _Exif, tuple[int, int], Image.Image]:
    """Format, EXIF, size and upright thumbnail of the stored copy, decoded in full."""
    with open(path, "rb") as fh:
        im, fmt = _open_image(fh, display)
        if fmt == "PNG":
            # PNG carries a CRC per chunk, which a decode alone does not check; verify()
            # reads them all and uses up `im`, so the file is opened again below.
            try:
                im.verify()
            except Exception as exc:
                raise _damaged(display, fmt, exc) from None
        else:
            with im:
                return fmt, _read_exif(im), im.size, _checked_thumbnail(im, fmt, display)
    with open(path, "rb") as fh:
        im, fmt = _open_image(fh, display)
        with im:
            return fmt, _read_exif(im), im.size, _checked_thumbnail(im, fmt, display)


def _checked_thumbnail(im: ImageFile.ImageFile, fmt: str, display: str) -> Image.Image:
    """Decode the whole image (damage and truncation show here) into an upright thumbnail."""
    box = (THUMBNAIL_SIZE, THUMBNAIL_SIZE)
    try:
        if fmt == "JPEG":
            # DCT scaling: libjpeg still entropy-decodes every byte but builds 1/8 the pixels.
            im.draft("RGB", box)
        im.load()
        im.thumbnail(box)  # bicubic, after a cheap reduce: plenty for 256 px
        upright = ImageOps.exif_transpose(im)
        return _to_rgb(upright if upright is not None else im)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _bomb(display, im.size) from None
    except MemoryError:
        raise PhotoError(display, "the image is too large to decode") from None
    except Exception as exc:  # any decoder error on hostile data means a damaged file
        raise _damaged(display, fmt, exc) from None


# --- the ingest ------------------------------------------------------------------------------


def _cancelled(cancel: CancelToken | None) -> bool:
    return cancel is not None and cancel.is_set()


def _new_temp(folder: Path, suffix: str) -> tuple[int, Path]:
    """A uniquely named temp file in `folder`: the same file system as its final place."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=folder, prefix="ingest-", suffix=suffix)
    return fd, Path(name)


def _copy_and_hash(
    src: IO[bytes], dst_fd: int, display: str, cancel: CancelToken | None
) -> tuple[str, int]:
    """One pass over the bytes: read a chunk, hash it, write it. Memory: one chunk."""
    digest = hashlib.sha256()
    buf = bytearray(CHUNK_BYTES)
    view = memoryview(buf)
    total = 0
    while True:
        if _cancelled(cancel):
            raise Cancelled()
        try:
            n = src.readinto(buf)  # type: ignore[attr-defined]
        except OSError as exc:
            raise PhotoError(display, f"the file cannot be read ({exc.strerror or exc})") from None
        if not n:
            break
        total += n
        if total > MAX_FILE_BYTES:
            raise PhotoError(display, "the file is too large for a photo")
        chunk = view[:n]
        digest.update(chunk)
        written = 0
        while written < n:
            written += os.write(dst_fd, chunk[written:])
    return digest.hexdigest(), total


def _move_into_store(tmp: Path, final: Path) -> None:
    """Rename a fsynced temp file to its name in the store, durably."""
    bucket = final.parent
    if not bucket.is_dir():
        bucket.mkdir(parents=True, exist_ok=True)
        fsync_dir(bucket.parent)
    os.replace(tmp, final)  # the same bytes under the same name: harmless when present
    fsync_dir(bucket)


def _ingest(paths: DataPaths, source: Path, cancel: CancelToken | None) -> IngestedPhoto:
    source = Path(source)
    display = str(source)
    _stat_source(source)
    temps: list[Path] = []
    fd = -1
    try:
        fd, tmp_original = _new_temp(paths.photos_tmp, ".part")
        temps.append(tmp_original)
        with _open_source(source) as src:
            sha, size = _copy_and_hash(src, fd, display, cancel)
        if size == 0:
            raise PhotoError(display, "the file is empty (0 bytes)")
        if _cancelled(cancel):
            raise Cancelled()

        # Decode the copy just written (still in the page cache), not the source again:
        # the evidence checked is exactly the evidence kept.
        fmt, exif, (width, height), thumb = _decode_copy(tmp_original, display)

        thumb_fd, tmp_thumb = _new_temp(paths.tmp, ".jpg")
        temps.append(tmp_thumb)
        with os.fdopen(thumb_fd, "wb") as out:
            thumb.save(out, "JPEG", quality=THUMBNAIL_QUALITY)
            out.flush()
            os.fsync(out.fileno())
        # The original's fsync comes last, so its write-back overlapped the decode.
        os.fsync(fd)
        os.close(fd)
        fd = -1

        if _cancelled(cancel):
            raise Cancelled()
        # Thumbnail first: an original in the store always has its thumbnail.
        final_thumb, final_original = thumbnail_path(paths, sha), photo_path(paths, sha)
        _move_into_store(tmp_thumb, final_thumb)
        temps.remove(tmp_thumb)
        try:
            _move_into_store(tmp_original, final_original)
        except BaseException:
            if not final_original.exists():  # a thumbnail alone would be half a photo
                with contextlib.suppress(OSError):
                    final_thumb.unlink()
            raise
        temps.remove(tmp_original)
    except BaseException as exc:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
        for tmp in temps:
            with contextlib.suppress(OSError):
                tmp.unlink()
        if isinstance(exc, OSError):  # our own writes failed (disk full, permissions)
            raise PhotoError(
                display, f"the photo could not be stored ({exc.strerror or exc})"
            ) from exc
        raise
    return IngestedPhoto(
        sha256=sha,
        size_bytes=size,
        format=fmt,
        width=width,
        height=height,
        exif_time=exif.time,
        exif_offset=exif.offset,
        gps_latitude=exif.latitude,
        gps_longitude=exif.longitude,
        orientation=exif.orientation,
        original_name=source.name,
    )


def ingest_photo(paths: DataPaths, source: Path) -> IngestedPhoto:
    """Store one photo file (files only, no database). Raises PhotoError naming the file."""
    return _ingest(paths, Path(source), None)


def ingest_many(
    paths: DataPaths,
    files: Sequence[Path],
    *,
    workers: int = 2,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> list[IngestOutcome]:
    """Store many photo files, `workers` at a time; one outcome per file, in input order.

    A bad file is reported by name in its outcome and the rest are stored. Hashing and
    decoding release the GIL, so threads use the cores. `progress(done, total)` is called
    on the calling thread. When `cancel.is_set()`, work stops, unfinished files leave
    nothing behind, and Cancelled is raised (files completed before stay in the store,
    whole and unreferenced; the next import of the same bytes reuses them).
    """
    sources = [Path(f) for f in files]
    total = len(sources)
    results: list[IngestOutcome | None] = [None] * total
    if progress:
        progress(0, total)
    if total == 0:
        return []
    _init_pillow()
    stop = threading.Event()
    token = _Either(stop, cancel)

    def run(index: int) -> IngestOutcome:
        source = sources[index]
        try:
            return IngestOutcome(source, _ingest(paths, source, token), None)
        except PhotoError as exc:
            return IngestOutcome(source, None, str(exc))

    done = 0
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="ingest") as pool:
        pending: dict[Future[IngestOutcome], int] = {}
        queue: Iterator[int] = iter(range(total))
        try:
            while True:
                if _cancelled(cancel):
                    raise Cancelled()
                # Keep a short queue: quick to cancel, no thousand futures at once.
                while len(pending) < 2 * max(1, workers) and not token.is_set():
                    index = next(queue, None)
                    if index is None:
                        break
                    pending[pool.submit(run, index)] = index
                if not pending:
                    break
                finished, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                for future in finished:
                    index = pending.pop(future)
                    try:
                        results[index] = future.result()
                    except Cancelled:
                        continue
                    done += 1
                    if progress:
                        progress(done, total)
        except BaseException:
            stop.set()  # running ingests abort and clean up before the pool closes
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return [r for r in results if r is not None]


class _Either:
    """A cancel token set when either of two is."""

    def __init__(self, a: CancelToken, b: CancelToken | None) -> None:
        self._a, self._b = a, b

    def is_set(self) -> bool:
        return self._a.is_set() or (self._b is not None and self._b.is_set())


# --- originals from a verified source, thumbnails later ------------------------------------

#: threads fsyncing a batch of originals (concurrent fsyncs share the journal's commits)
FSYNC_WORKERS = 16
_fsync_pool: ThreadPoolExecutor | None = None
_copy_pool: ThreadPoolExecutor | None = None


def _copier() -> ThreadPoolExecutor:
    """One thread for the process that copies originals into a batch's temp files."""
    global _copy_pool
    with _init_lock:
        if _copy_pool is None:
            _copy_pool = ThreadPoolExecutor(1, thread_name_prefix="originals")
        return _copy_pool


def _fsyncs() -> ThreadPoolExecutor:
    """One pool for the process: starting threads for every bundle costs more than fsyncs."""
    global _fsync_pool
    with _init_lock:
        if _fsync_pool is None:
            _fsync_pool = ThreadPoolExecutor(FSYNC_WORKERS, thread_name_prefix="fsync")
        return _fsync_pool


_Temp = tuple[int, str, str]  # open fd (-1 once closed), temp file, sha256

#: judges a span once read, raising to refuse it: (its sha256 as named, the SHA-256 hex
#: and the CRC-32 of its bytes)
SpanCheck = Callable[[str, str, int], None]


class OriginalsBatch:
    """Originals copied from verified sources into temp files, made durable together.

    `add` copies byte ranges into temp files (held open), each refused unless its bytes
    hash to its name. `settle` fsyncs them all at once, renames
    each into place and fsyncs every folder touched once: after it returns, the originals
    survive a crash, so rows that refer to them may be committed. `mark`/`discard` drop
    what was added since a mark (a refused bundle); `abandon` leaves nothing of what is
    not settled. Raises PhotoError.
    """

    def __init__(self, paths: DataPaths) -> None:
        self.paths = paths
        self._temps: list[_Temp] = []
        self._tmp_ready = False
        self._count = 0
        self._token = os.urandom(4).hex()
        self._tmp_dir = str(paths.photos_tmp)
        #: copies started by `add`, not yet collected
        self._pending: list[Future[tuple[list[_Temp], list[Future[None]]]]] = []
        #: each temp file's fsync, started as soon as its copy is written (fd → its future)
        self._syncs: dict[int, Future[None]] = {}

    def mark(self) -> int:
        self.collect()
        return len(self._temps)

    def _new_temp(self, sha: str) -> tuple[int, str]:
        if not self._tmp_ready:
            self.paths.photos_tmp.mkdir(parents=True, exist_ok=True)
            self._tmp_ready = True
        self._count += 1
        # in the photos folder (a share, perhaps) so the rename into place is atomic; the
        # random token keeps two importers' temp names apart (plain strings: thousands of
        # these are made while the importing thread waits for the GIL)
        tmp = f"{self._tmp_dir}{os.sep}original-{self._token}-{self._count}-{sha[:16]}.part"
        return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), tmp

    def add(
        self,
        source: Path,
        spans: Sequence[tuple[str, int, int]],
        *,
        cancel: CancelToken | None = None,
        check: SpanCheck | None = None,
        check_only: Sequence[tuple[str, int, int]] = (),
    ) -> None:
        """Copy byte ranges of `source` (sha256, offset, size) into temp files, on a thread
        of their own: reading, hashing, writing and fsyncing release the GIL, so the disk
        works while the caller records rows. `collect` waits for the copies and raises what
        went wrong (none of a failed call's files is left); `settle` collects too.

        With `check`, it judges each span instead of the hash test, given what was read
        (see SpanCheck), and the spans of `check_only` are read and judged but not kept."""
        self._pending.append(
            _copier().submit(self._copy_and_sync, Path(source), spans, cancel, check, check_only)
        )

    def _copy_and_sync(
        self,
        source: Path,
        spans: Sequence[tuple[str, int, int]],
        cancel: CancelToken | None,
        check: SpanCheck | None,
        check_only: Sequence[tuple[str, int, int]],
    ) -> tuple[list[_Temp], list[Future[None]]]:
        made = self._copy(source, spans, cancel, check, check_only)
        pool = _fsyncs()
        return made, [pool.submit(os.fsync, fd) for fd, _tmp, _sha in made]

    def collect(self) -> None:
        """Wait for the copies `add` started; raise the first failure."""
        failure: BaseException | None = None
        while self._pending:
            future = self._pending.pop(0)
            try:
                made, syncs = future.result()
            except BaseException as exc:
                failure = failure or exc
                continue
            self._temps.extend(made)
            self._syncs.update((fd, sync) for (fd, _t, _s), sync in zip(made, syncs, strict=True))
        if failure is not None:
            raise failure

    def _copy(
        self,
        source: Path,
        spans: Sequence[tuple[str, int, int]],
        cancel: CancelToken | None,
        check: SpanCheck | None = None,
        check_only: Sequence[tuple[str, int, int]] = (),
    ) -> list[_Temp]:
        display = str(source)
        made: list[_Temp] = []
        try:
            buf = bytearray(CHUNK_BYTES)
            view = memoryview(buf)
            with open(source, "rb", buffering=0) as f:
                fd_in = f.fileno()
                work = [(span, True) for span in spans] + [(span, False) for span in check_only]
                for (sha, offset, size), keep in work:
                    if _cancelled(cancel):
                        raise Cancelled()
                    if size > MAX_FILE_BYTES:
                        raise PhotoError(sha, "the file is too large for a photo")
                    fd = -1
                    if keep:
                        fd, tmp = self._new_temp(sha)
                        made.append((fd, tmp, sha))
                    digest = hashlib.sha256()
                    crc = 0
                    done = 0
                    while done < size:
                        want = min(CHUNK_BYTES, size - done)
                        n = os.preadv(fd_in, [view[:want]], offset + done)
                        if not n:
                            raise PhotoError(display, f"photo {sha} is cut short in the file")
                        digest.update(view[:n])
                        if check is not None:
                            crc = zlib.crc32(view[:n], crc)
                        written = 0
                        while fd >= 0 and written < n:
                            written += os.write(fd, view[written:n])
                        done += n
                    if check is not None:
                        check(sha, digest.hexdigest(), crc)
                    elif digest.hexdigest() != sha:
                        raise PhotoError(
                            display,
                            f"photo {sha} changed after verification (its bytes now hash "
                            f"to {digest.hexdigest()})",
                        )
        except BaseException as exc:
            _remove(made)
            if isinstance(exc, OSError):
                raise PhotoError(
                    display, f"the photos could not be stored ({exc.strerror or exc})"
                ) from exc
            raise
        return made

    def discard(self, mark: int) -> None:
        """Remove the temp files added since `mark`."""
        with contextlib.suppress(Exception):
            self.collect()
        dropped, self._temps[mark:] = self._temps[mark:], []
        self._wait([fd for fd, _tmp, _sha in dropped], errors=False)  # before the close
        _remove(dropped)

    def abandon(self) -> None:
        self.discard(0)

    def settle(self) -> None:
        """Make every original added durable under its name in the store."""
        try:
            pool = _fsyncs()
            self.collect()
            self._wait([fd for fd, _tmp, _sha in self._temps], errors=True)
            for index, (fd, tmp, sha) in enumerate(self._temps):
                self._temps[index] = (-1, tmp, sha)
                if fd >= 0:
                    os.close(fd)
            folders: set[str] = set()
            photos = str(self.paths.photos)
            while self._temps:
                _fd, tmp, sha = self._temps[-1]
                folder = os.path.join(photos, check_sha(sha)[:2])  # photo_path's, as text
                final = os.path.join(folder, sha)
                try:
                    os.replace(tmp, final)  # the same bytes under the same name: harmless
                except FileNotFoundError:
                    if not os.path.exists(tmp):
                        raise
                    # The folder is new (a cheaper test than looking before every rename).
                    os.makedirs(folder, exist_ok=True)
                    folders.add(photos)
                    os.replace(tmp, final)
                self._temps.pop()
                folders.add(folder)
            # Every folder touched, once; a folder's fsync does not wait for another's.
            list(pool.map(fsync_dir, map(Path, folders)))
        except OSError as exc:
            self.abandon()
            raise PhotoError(
                str(self.paths.photos), f"the photos could not be stored ({exc.strerror or exc})"
            ) from exc

    def _wait(self, fds: Sequence[int], *, errors: bool) -> None:
        """Wait for these files' fsyncs (raising the first failure with `errors`)."""
        failure: OSError | None = None
        for fd in fds:
            future = self._syncs.pop(fd, None)
            if future is None:
                continue
            try:
                future.result()
            except OSError as exc:
                failure = failure or exc
        if errors and failure is not None:
            raise failure


def _remove(temps: Sequence[_Temp]) -> None:
    for fd, tmp, _sha in temps:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def store_originals(
    paths: DataPaths,
    source: Path,
    spans: Sequence[tuple[str, int, int]],
    *,
    cancel: CancelToken | None = None,
) -> None:
    """Copy byte ranges of `source` (the photos of a verified bundle: sha256, offset,
    size) into the store as originals, each refused unless its bytes hash to its name.

    All are written to temp files first, fsynced together, renamed, and each folder
    touched is fsynced once (an `OriginalsBatch` settled at once). No thumbnail is made
    (`make_thumbnails`), so the store holds the original alone until then. On error
    nothing is left in `tmp/`; originals already renamed are whole and harmless (named by
    their hash, unreferenced). Raises PhotoError.
    """
    batch = OriginalsBatch(paths)
    try:
        batch.add(source, spans, cancel=cancel)
        batch.settle()
    except BaseException:
        batch.abandon()
        raise


def _thumbnail_of(paths: DataPaths, sha: str) -> list[Path]:
    """Decode a stored original in full into its thumbnail, written to a temp file,
    fsynced and renamed into place; returns the folders whose entries changed."""
    final = thumbnail_path(paths, sha)
    _fmt, _exif, _size, thumb = _decode_copy(photo_path(paths, sha), sha)
    fd, tmp = _new_temp(paths.tmp, ".jpg")
    try:
        with os.fdopen(fd, "wb") as out:
            thumb.save(out, "JPEG", quality=THUMBNAIL_QUALITY)
            out.flush()
            os.fsync(out.fileno())
        folders = [final.parent]
        if not final.parent.is_dir():
            final.parent.mkdir(parents=True, exist_ok=True)
            folders.append(final.parent.parent)
        os.replace(tmp, final)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return folders


def make_thumbnails(
    paths: DataPaths,
    shas: Sequence[str],
    *,
    workers: int = 2,
    cancel: CancelToken | None = None,
) -> dict[str, str]:
    """Make the missing thumbnails of stored originals, `workers` at a time.

    Each original is decoded in full (so damage or truncation shows) into an upright
    256 px JPEG, fsynced and renamed into `thumbnails/`; each folder touched is fsynced
    once at the end. Returns sha256 → reason for the originals that cannot be decoded (no
    thumbnail made). Until its thumbnail is made, an original stands alone in the store.
    """
    todo = [sha for sha in dict.fromkeys(shas) if not thumbnail_path(paths, sha).is_file()]
    failed: dict[str, str] = {}
    if not todo:
        return failed
    _init_pillow()

    def one(sha: str) -> tuple[str, list[Path] | str]:
        if _cancelled(cancel):
            raise Cancelled()
        try:
            return sha, _thumbnail_of(paths, sha)
        except PhotoError as exc:
            return sha, exc.reason

    folders: set[Path] = set()
    try:
        with ThreadPoolExecutor(max(1, workers), thread_name_prefix="thumbnails") as pool:
            for sha, made in pool.map(one, todo):
                if isinstance(made, str):
                    failed[sha] = made
                else:
                    folders.update(made)
    finally:
        # Thumbnails renamed into place are made durable even when the rest stopped.
        for folder in sorted(folders, key=lambda p: len(p.parts)):
            fsync_dir(folder)
    return failed


# --- the database ----------------------------------------------------------------------------


def _row_and_detail(photo: IngestedPhoto) -> tuple[dict[str, Any], dict[str, Any]]:
    """The Photo row's values and its `photo.stored` event's detail."""
    exif_time = photo.exif_time.isoformat() if photo.exif_time else None
    row = {
        "sha256": photo.sha256,
        "size_bytes": photo.size_bytes,
        "format": photo.format,
        "width": photo.width,
        "height": photo.height,
        "exif_time": exif_time,
        "exif_offset": photo.exif_offset,
        "gps_latitude": photo.gps_latitude,
        "gps_longitude": photo.gps_longitude,
        "orientation": photo.orientation,
        "original_name": photo.original_name[:300],
    }
    detail = {
        "format": photo.format,
        "size_bytes": photo.size_bytes,
        "width": photo.width,
        "height": photo.height,
        "original_name": photo.original_name,
        "exif_time": exif_time,
    }
    return row, detail


def record_photo(session: Session, photo: IngestedPhoto, *, actor: str) -> None:
    """Add the Photo row (and its `photo.stored` audit event) unless it is there already.

    Call only after `ingest_photo`/`ingest_many` has put the bytes in the store, inside the
    caller's write transaction. Writers are serialised (SQLite's write lock is taken when
    the transaction begins), so the check and the insert cannot race.
    """
    if session.get(Photo, photo.sha256) is not None:
        return
    row, detail = _row_and_detail(photo)
    session.add(Photo(**row))
    audit.append_event(
        session,
        actor=actor,
        action="photo.stored",
        entity="photo",
        entity_id=photo.sha256,
        detail=detail,
    )


def insert_photo_rows(session: Session, photos: Sequence[IngestedPhoto]) -> list[audit.Event]:
    """Insert the rows of photos the store does not hold yet (the caller has looked), with
    one insert; returns their `photo.stored` audit events for the caller to append."""
    if not photos:
        return []
    pairs = [_row_and_detail(p) for p in photos]
    insert_rows(session, Photo, [row for row, _detail in pairs])
    return [
        ("photo.stored", "photo", p.sha256, detail)
        for p, (_row, detail) in zip(photos, pairs, strict=True)
    ]


__all__ = [
    "ACCEPTED_FORMATS",
    "MAX_PIXELS",
    "THUMBNAIL_SIZE",
    "CancelToken",
    "IngestOutcome",
    "IngestedPhoto",
    "OriginalsBatch",
    "PhotoMetadata",
    "ProgressCallback",
    "capture_time_utc",
    "ingest_many",
    "ingest_photo",
    "insert_photo_rows",
    "make_thumbnails",
    "parse_exif_offset",
    "photo_path",
    "read_photo_metadata",
    "record_photo",
    "store_originals",
    "thumbnail_path",
]
