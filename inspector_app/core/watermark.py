"""Watermarked copies of stored photos for briefings: upright, at most 1600 px on the long
edge, JPEG, with the point, the time, the place and the inspector's code drawn in a band
along the bottom (DESIGN §4). The stored original is only read, never changed.

The text is drawn with the report font shipped in resources/fonts/ (WenQuanYi Micro Hei),
so a copy looks the same on every machine, whatever fonts it has installed.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps
from sqlalchemy import select

from inspector_app.core import photos
from inspector_app.core.briefing import SeriousProblem
from inspector_app.core.db.models import Inspection, Photo, PhotoAttachment, Point
from inspector_app.core.errors import InspectorError, PhotoError
from inspector_app.core.fsutil import write_file_atomically
from inspector_app.core.paths import photo_path, resources_dir
from inspector_app.core.periods import centre_timezone
from inspector_app.core.store import Store

#: the CJK TrueType font of every document and watermark (Apache-2.0, see its LICENSE file)
REPORT_FONT_FILE = resources_dir() / "fonts" / "wqy-microhei.ttc"
#: the longest side of a watermarked copy, in pixels: sharp at 13 cm wide on paper (300 dpi)
LONG_EDGE = 1600
JPEG_QUALITY = 85


@dataclass(frozen=True)
class Stamp:
    """What a watermark says, as display text."""

    point: str  # code and name: "FM-T1 东关菜市场"
    time: str  # "2026-11-26 09:30 +08:00 拍摄"
    place: str  # the photo's GPS, else the point's address
    inspector: str  # the inspector's code

    def lines(self) -> list[str]:
        return [
            f"点位 {self.point}",
            f"时间 {self.time}",
            f"位置 {self.place}",
            f"检查员 {self.inspector}",
        ]


def report_font_file() -> Path:
    """The shipped report font, or an error that says the installation is broken."""
    if not REPORT_FONT_FILE.is_file():
        raise InspectorError(
            f"the report font {REPORT_FONT_FILE} is missing: reinstall the program"
        )
    return REPORT_FONT_FILE


@functools.lru_cache(maxsize=16)
def _font(size: int) -> ImageFont.FreeTypeFont:
    # index 0 of the collection is the proportional face, "WenQuanYi Micro Hei"
    return ImageFont.truetype(str(report_font_file()), size, index=0)


def _fitting_font(
    draw: ImageDraw.ImageDraw, lines: list[str], width: int, height: int
) -> ImageFont.FreeTypeFont:
    """The font size that keeps the band readable (1/32 of the short side) unless the
    longest line would not fit across the picture; never below 12 px."""
    size = max(12, min(width, height) // 32)
    font = _font(size)
    widest = max(draw.textlength(line, font=font) for line in lines)
    room = width * 0.94
    if widest > room:
        size = max(12, int(size * room / widest))
        font = _font(size)
    return font


def _wrapped(
    draw: ImageDraw.ImageDraw, lines: list[str], font: ImageFont.FreeTypeFont, room: float
) -> list[str]:
    """Lines broken where they would run off the picture even at the smallest size."""
    out: list[str] = []
    for line in lines:
        current = ""
        for char in line:
            if current and draw.textlength(current + char, font=font) > room:
                out.append(current)
                current = "  " + char  # a continued line is indented
            else:
                current += char
        out.append(current)
    return out


def _upright_copy(source: Path, long_edge: int) -> Image.Image:
    """The stored photo decoded, turned upright by its EXIF orientation, scaled down."""
    display = str(source)
    try:
        fh = open(source, "rb")  # noqa: SIM115 - closed below, after Pillow's lazy load
    except FileNotFoundError:
        raise PhotoError(display, "the stored photo is missing from the photo store") from None
    except OSError as exc:
        raise PhotoError(display, f"the file cannot be read ({exc.strerror or exc})") from None
    with fh:
        im, fmt = photos._open_image(fh, display)
        with im:
            try:
                if fmt == "JPEG":
                    im.draft("RGB", (long_edge, long_edge))  # DCT scaling: far less to decode
                im.load()
                upright = ImageOps.exif_transpose(im) or im
                upright.thumbnail((long_edge, long_edge), Image.Resampling.LANCZOS)
                return photos._to_rgb(upright).convert("RGB")
            except (Image.DecompressionBombError, Image.DecompressionBombWarning):
                raise photos._bomb(display, im.size) from None
            except PhotoError:
                raise
            except Exception as exc:  # a damaged store file: say so, never half a picture
                raise photos._damaged(display, fmt, exc) from None


def watermark_image(source: Path, stamp: Stamp, *, long_edge: int = LONG_EDGE) -> Image.Image:
    """An upright RGB copy of the photo file `source` with the stamp drawn on it."""
    if long_edge < 64:
        raise ValueError(f"long_edge must be at least 64 pixels, not {long_edge}")
    im = _upright_copy(source, long_edge)
    lines = [line.replace("\n", " ") for line in stamp.lines()]
    draw = ImageDraw.Draw(im)
    font = _fitting_font(draw, lines, *im.size)
    pad = max(6, im.width // 100)
    lines = _wrapped(draw, lines, font, im.width - 2 * pad)
    ascent, descent = font.getmetrics()
    step = int((ascent + descent) * 1.25)
    band_top = max(0, im.height - len(lines) * step - 2 * pad)
    # a translucent dark band keeps white text legible on any picture
    band = Image.new("RGBA", (im.width, im.height - band_top), (0, 0, 0, 140))
    im.paste(band, (0, band_top), band)
    draw = ImageDraw.Draw(im)
    for i, line in enumerate(lines):
        draw.text((pad, band_top + pad + i * step), line, font=font, fill=(255, 255, 255))
    return im


def watermarked_jpeg(
    source: Path, stamp: Stamp, *, long_edge: int = LONG_EDGE, quality: int = JPEG_QUALITY
) -> bytes:
    """The watermarked copy as JPEG bytes (no EXIF: the copy is for reading, not evidence)."""
    out = io.BytesIO()
    watermark_image(source, stamp, long_edge=long_edge).save(
        out, "JPEG", quality=quality, optimize=False
    )
    return out.getvalue()


def write_watermarked_copy(
    source: Path, dest: Path, stamp: Stamp, *, long_edge: int = LONG_EDGE
) -> Path:
    """Write the watermarked JPEG to `dest` (atomically); `source` is only read."""
    if Path(dest).resolve() == Path(source).resolve():
        raise InspectorError("a watermarked copy cannot replace its original")
    write_file_atomically(Path(dest), watermarked_jpeg(source, stamp, long_edge=long_edge))
    return Path(dest)


# --- stamps of a briefing's problems ----------------------------------------------------------


def _when(moment: datetime, tz: tzinfo) -> str:
    local = moment.astimezone(tz)
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M} {offset[:3]}:{offset[3:]}"


def _gps(lat: float, lon: float) -> str:
    return f"{abs(lat):.5f}°{'N' if lat >= 0 else 'S'} {abs(lon):.5f}°{'E' if lon >= 0 else 'W'}"


def problem_stamps(store: Store, problem: SeriousProblem) -> dict[str, Stamp]:
    """The stamp of each photo of a briefing's problem, by SHA-256: the capture time when the
    photo knows it (else the inspection's start, marked so), the photo's GPS (else the
    point's address), in the command centre's time zone."""
    tz = centre_timezone(store)
    with store.read() as s:
        point = s.execute(
            select(Point.district, Point.street, Point.address, Point.latitude, Point.longitude)
            .join(Inspection, Inspection.point_id == Point.id)
            .where(Inspection.id == problem.inspection_id)
        ).first()
        rows = s.execute(
            select(
                PhotoAttachment.photo_sha256,
                PhotoAttachment.captured_at,
                Photo.gps_latitude,
                Photo.gps_longitude,
            )
            .join(Photo, Photo.sha256 == PhotoAttachment.photo_sha256)
            .where(
                PhotoAttachment.finding_id == problem.finding_id,
                PhotoAttachment.photo_sha256.in_(problem.photos),
            )
        ).all()
    if point is None:
        address = problem.district
    else:
        address = " ".join(part for part in (point.district + point.street, point.address) if part)
        if not address and point.latitude is not None and point.longitude is not None:
            address = _gps(point.latitude, point.longitude)
    known = {sha: (captured, lat, lon) for sha, captured, lat, lon in rows}
    stamps: dict[str, Stamp] = {}
    for sha in problem.photos:
        # a photo without an attachment row of this finding: what the problem itself says
        captured, lat, lon = known.get(sha, (None, None, None))
        when = (
            f"{_when(captured, tz)} 拍摄"
            if captured is not None
            else f"{_when(problem.started_at, tz)} 检查开始（拍摄时间不明）"
        )
        place = _gps(lat, lon) if lat is not None and lon is not None else address or "不明"
        stamps[sha] = Stamp(
            point=f"{problem.point_code} {problem.point_name}",
            time=when,
            place=place,
            inspector=problem.inspector_code or "不明",
        )
    return stamps


def problem_photos(
    store: Store, problem: SeriousProblem, *, long_edge: int = LONG_EDGE
) -> list[bytes]:
    """Watermarked JPEG copies of a problem's photos, in the briefing's order."""
    stamps = problem_stamps(store, problem)
    return [
        watermarked_jpeg(photo_path(store.paths, sha), stamps[sha], long_edge=long_edge)
        for sha in problem.photos
    ]
