"""Test data makers: a small point register and JPEGs with chosen EXIF."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PIL import Image

POINTS_CSV = """code,name,type,district,street,unit,address,latitude,longitude
FM-T1,东关菜市场,FARMERS_MARKET,红旗区,东街街道,红旗区市场监督管理局,东关大街1号,35.30,113.87
MR-T1,人民路,MAIN_ROAD,卫滨区,胜利路街道,卫滨区城市管理局,人民路,35.29,113.85
BS-T1,火车站公交站,BUS_STOP,牧野区,花园街道,市公交集团,站前路,35.32,113.90
CO-T1,和平苑二期工地,CONSTRUCTION,卫滨区,中同街道,市住房和城乡建设局,和平路,,
"""


def write_points_csv(folder: Path) -> Path:
    path = folder / "points.csv"
    path.write_text(POINTS_CSV, encoding="utf-8")
    return path


def make_jpeg(
    path: Path,
    *,
    taken: datetime | None = None,
    offset: str | None = None,
    gps: tuple[float, float] | None = None,
    size: tuple[int, int] = (640, 480),
    colour: tuple[int, int, int] = (200, 80, 40),
) -> Path:
    """A JPEG whose EXIF carries the given camera time (naive), offset and GPS."""
    img = Image.new("RGB", size, colour)
    exif = Image.Exif()
    if taken is not None:
        sub = exif.get_ifd(0x8769)
        sub[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")
        if offset:
            sub[0x9011] = offset
    if gps is not None:
        g = exif.get_ifd(0x8825)
        g[1], g[2] = "N", (float(int(gps[0])), float(int(gps[0] % 1 * 60)), 0.0)
        g[3], g[4] = "E", (float(int(gps[1])), float(int(gps[1] % 1 * 60)), 0.0)
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, "JPEG", quality=85, exif=exif)
    return path
