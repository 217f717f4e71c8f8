"""Demo data: a realistic small city, dated relative to today, built through the same
services a user drives (points import, inspections, photo ingest)."""

from __future__ import annotations

import csv
import io
import random
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from inspector_app.core import inspections, keys, scoring
from inspector_app.core.db.models import CheckItem, PointType, Setting
from inspector_app.core.errors import InputError
from inspector_app.core.points import PointsImportResult, import_points_file
from inspector_app.core.settings import DEMO_SETTING
from inspector_app.core.store import Store

CITY_TZ = ZoneInfo("Asia/Shanghai")
DEMO_PASSPHRASE = "demo"
#: set in a folder of demo data
MIN_PHOTOS = 2

DISTRICTS = {
    # district: (street offices, (latitude, longitude) of its centre)
    "红旗区": (("东街街道", "西街街道", "渠东街道"), (35.303, 113.875)),
    "卫滨区": (("胜利路街道", "中同街道", "健康路街道"), (35.297, 113.851)),
    "牧野区": (("花园街道", "卫北街道", "东干道街道"), (35.326, 113.906)),
}
_D = list(DISTRICTS)

# Five points per point type; (name, district index) — names of a plausible city.
POINT_NAMES: dict[str, list[tuple[str, int]]] = {
    "MAIN_ROAD": [("人民路", 0), ("平原路", 1), ("金穗大道", 2), ("胜利路", 1), ("劳动路", 0)],
    "COMMERCIAL_STREET": [
        ("步行街", 0),
        ("百货大楼商圈", 1),
        ("新华街", 2),
        ("健康路商业街", 1),
        ("解放大道商业街", 0),
    ],
    "BACK_ALLEY": [("东马道巷", 0), ("小西街", 1), ("牧野北巷", 2), ("中同小巷", 1), ("文化巷", 0)],
    "TRAFFIC_JUNCTION": [
        ("人民路与平原路口", 0),
        ("胜利路与劳动路口", 1),
        ("金穗大道与新中大道口", 2),
        ("健康路与和平路口", 1),
        ("东干道与自由路口", 2),
    ],
    "FARMERS_MARKET": [
        ("东关菜市场", 0),
        ("西街农贸市场", 0),
        ("南湖农贸市场", 1),
        ("北站菜市场", 2),
        ("新华集贸市场", 2),
    ],
    "RESIDENTIAL": [
        ("阳光花园小区", 0),
        ("平原小区", 1),
        ("牧野新村", 2),
        ("和平苑", 1),
        ("金色家园", 2),
    ],
    "PARK_SQUARE": [
        ("人民公园", 0),
        ("平原广场", 1),
        ("牧野湖公园", 2),
        ("卫河公园", 1),
        ("市民广场", 0),
    ],
    "BUS_STOP": [
        ("火车站公交站", 2),
        ("人民公园公交站", 0),
        ("市一中公交站", 1),
        ("百货大楼公交站", 1),
        ("东关公交站", 0),
    ],
    "STATION": [
        ("火车站", 2),
        ("长途汽车站", 0),
        ("高铁东站", 2),
        ("客运北站", 2),
        ("西站客运站", 1),
    ],
    "HOSPITAL": [
        ("市中心医院", 0),
        ("市第一人民医院", 1),
        ("市中医院", 2),
        ("妇幼保健院", 0),
        ("牧野区医院", 2),
    ],
    "SCHOOL_AREA": [
        ("市一中及周边", 1),
        ("实验小学及周边", 0),
        ("牧野中学及周边", 2),
        ("育才小学及周边", 1),
        ("东关小学及周边", 0),
    ],
    "GOV_SERVICE": [
        ("市民之家", 1),
        ("红旗区政务服务中心", 0),
        ("卫滨区政务服务中心", 1),
        ("牧野区政务服务中心", 2),
        ("不动产登记大厅", 0),
    ],
    "WINDOW_UNIT": [
        ("工商银行人民路支行", 0),
        ("移动营业厅平原路店", 1),
        ("电力营业厅", 2),
        ("邮政储蓄胜利路网点", 1),
        ("自来水公司营业厅", 0),
    ],
    "MALL": [
        ("百货大楼", 1),
        ("万达广场", 2),
        ("胖东来超市", 0),
        ("宝龙广场", 2),
        ("世纪联华超市", 1),
    ],
    "CONSTRUCTION": [
        ("金穗大道东延工地", 2),
        ("和平苑二期工地", 1),
        ("地铁站前工地", 0),
        ("市一中新校区工地", 1),
        ("滨河安置房工地", 2),
    ],
    "URBAN_VILLAGE": [("东王村", 0), ("西杨村", 1), ("北郊村", 2), ("南关村", 0), ("小店村", 2)],
    "SCENIC": [
        ("比干庙景区", 2),
        ("潞王坟景区", 0),
        ("牧野湖景区", 2),
        ("卫源庙", 1),
        ("百泉湖", 0),
    ],
}

UNIT_BY_TYPE = {
    "MAIN_ROAD": "{d}城市管理局",
    "COMMERCIAL_STREET": "{d}商务局",
    "BACK_ALLEY": "{s}办事处",
    "TRAFFIC_JUNCTION": "市公安局交警支队",
    "FARMERS_MARKET": "{d}市场监督管理局",
    "RESIDENTIAL": "{s}办事处",
    "PARK_SQUARE": "市园林局",
    "BUS_STOP": "市公交集团",
    "STATION": "市交通运输局",
    "HOSPITAL": "市卫生健康委员会",
    "SCHOOL_AREA": "市教育局",
    "GOV_SERVICE": "市政务服务和大数据管理局",
    "WINDOW_UNIT": "{d}文明办",
    "MALL": "市商务局",
    "CONSTRUCTION": "市住房和城乡建设局",
    "URBAN_VILLAGE": "{s}办事处",
    "SCENIC": "市文化广电和旅游局",
}

NOTES = ["东侧入口处", "门口两处", "近公交站牌", "已拍照，位置见照片", "北侧围挡外", "早高峰时段"]

#: (point code, days before today, local start time, finalise?) — drafts at other types
PLAN = [
    ("FM-01", 6, (9, 12), True),
    ("MR-01", 1, (10, 5), True),
    ("BS-02", 0, (8, 40), True),
    ("FM-03", 0, (9, 30), False),
    ("BS-01", 0, (10, 15), False),
    ("CO-01", 0, (11, 0), False),
]

TYPE_PREFIX = {
    "MAIN_ROAD": "MR",
    "COMMERCIAL_STREET": "CS",
    "BACK_ALLEY": "BA",
    "TRAFFIC_JUNCTION": "TJ",
    "FARMERS_MARKET": "FM",
    "RESIDENTIAL": "RC",
    "PARK_SQUARE": "PS",
    "BUS_STOP": "BS",
    "STATION": "ST",
    "HOSPITAL": "HO",
    "SCHOOL_AREA": "SA",
    "GOV_SERVICE": "GS",
    "WINDOW_UNIT": "WU",
    "MALL": "ML",
    "CONSTRUCTION": "CO",
    "URBAN_VILLAGE": "UV",
    "SCENIC": "SN",
}


@dataclass(frozen=True)
class DemoResult:
    points: int
    inspections: tuple[str, ...]
    finalised: int
    photos: int
    key_id: str
    key_created: bool
    passphrase_note: str | None


def demo_points_csv() -> str:
    """The demo register as CSV, in the register's own import format."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(
        ["code", "name", "type", "district", "street", "unit", "address", "latitude", "longitude"]
    )
    rng = random.Random(7)
    for type_code, names in POINT_NAMES.items():
        for n, (name, d) in enumerate(names, start=1):
            district = _D[d]
            streets, (lat, lon) = DISTRICTS[district]
            street = streets[n % len(streets)]
            unit = UNIT_BY_TYPE[type_code].format(d=district, s=street)
            w.writerow(
                [
                    f"{TYPE_PREFIX[type_code]}-{n:02d}",
                    name,
                    type_code,
                    district,
                    street,
                    unit,
                    f"{district}{street}{name}",
                    f"{lat + rng.uniform(-0.02, 0.02):.6f}",
                    f"{lon + rng.uniform(-0.02, 0.02):.6f}",
                ]
            )
    return out.getvalue()


def street_photo(
    path: Path,
    *,
    when_local: datetime,
    lat: float,
    lon: float,
    label: str,
    rng: random.Random,
    size: tuple[int, int] = (1600, 1200),
) -> None:
    """A generated street-scene JPEG with EXIF capture time (+08:00) and GPS."""
    from PIL import Image, ImageDraw

    w, h = size
    k = w / 1600  # the scene is drawn for 1600 px wide and scaled to the size asked for
    img = Image.new("RGB", (w, h), (150, 180, 215))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, h * 0.55, w, h), fill=(110, 110, 105))
    for _ in range(14):
        x, y = rng.randint(0, w - int(200 * k)), rng.randint(int(h * 0.25), int(h * 0.75))
        colour = tuple(rng.randint(40, 230) for _ in range(3))
        right, bottom = x + rng.randint(60, 260) * k, y + rng.randint(40, 200) * k
        draw.rectangle((x, y, right, bottom), fill=colour)
    draw.rectangle((20 * k, 20 * k, 760 * k, 90 * k), fill=(0, 0, 0))
    draw.text(
        (36 * k, 40 * k),
        f"DEMO {label} {when_local:%Y-%m-%d %H:%M}",
        fill=(255, 255, 255),
        font_size=max(10, round(24 * k)),
    )

    def dms(value: float) -> tuple[float, float, float]:
        deg = int(value)
        minutes = int((value - deg) * 60)
        return (float(deg), float(minutes), round(((value - deg) * 60 - minutes) * 60, 2))

    exif = Image.Exif()
    exif[0x010F] = "Inspector demo camera"
    exif[0x0132] = when_local.strftime("%Y:%m:%d %H:%M:%S")
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = when_local.strftime("%Y:%m:%d %H:%M:%S")
    sub[0x9011] = "+08:00"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", dms(lat)
    gps[3], gps[4] = "E", dms(lon)
    img.save(path, "JPEG", quality=82, exif=exif)


def import_demo_register(store: Store, tmp: Path) -> PointsImportResult:
    """Add the demo register's points (those already registered under a code are updated
    to the demo's values), through the register's own import."""
    register = tmp / "demo-points.csv"
    register.write_text(demo_points_csv(), encoding="utf-8")
    return import_points_file(store, register)


def mark_demo(store: Store) -> None:
    """Mark the folder as demo data: the window says so in its title."""
    with store.write() as s:
        if s.get(Setting, DEMO_SETTING) is None:
            s.add(Setting(name=DEMO_SETTING, value="true"))


def build_demo(
    store: Store,
    *,
    photos: int = 12,
    passphrase: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> DemoResult:
    """Add the demo to `store`: the register, a signing key if the folder has none, three
    finalised and three draft inspections with problems, notes and generated photos."""
    if photos < MIN_PHOTOS:
        raise InputError(f"the demo needs at least {MIN_PHOTOS} photos")
    say = progress or (lambda _msg: None)
    rng = random.Random(2026)

    key = keys.get_local_key(store)
    created, note = False, None
    if key is None:
        used = passphrase if passphrase else DEMO_PASSPHRASE
        key = keys.create_local_key(store, name="演示检查员", code="DEMO01", passphrase=used)
        created = True
        if not passphrase:
            note = f"the demo signing key is protected by the passphrase '{DEMO_PASSPHRASE}'"

    with tempfile.TemporaryDirectory(dir=store.paths.tmp) as tmp:
        imported = import_demo_register(store, Path(tmp))
        say(f"points: {imported.added} added, {imported.updated + imported.unchanged} kept")

        coords = {
            row["code"]: (float(row["latitude"]), float(row["longitude"]))
            for row in csv.DictReader(io.StringIO(demo_points_csv()))
        }
        now = datetime.now(CITY_TZ)
        today = now.date()
        midnight = datetime(today.year, today.month, today.day, tzinfo=CITY_TZ)
        # Each finalised inspection keeps one photo for itself; the rest go where needed.
        finals = sum(1 for p in PLAN if p[3])
        budget = photos
        made: list[str] = []
        n_final = 0
        for number, (code, days_ago, (hh, mm), finalise) in enumerate(PLAN):
            start_local = datetime(
                today.year, today.month, today.day, hh, mm, tzinfo=CITY_TZ
            ) - timedelta(days=days_ago)
            start_utc = min(start_local, now - timedelta(minutes=50))
            if days_ago == 0:  # today's visits stay today, in the small hours too
                start_utc = max(start_utc, midnight)
            summary = inspections.start_inspection(store, code, started_at=start_utc)
            items = _items(store, summary.type_code, summary.catalogue)
            reserve = finals - n_final - (1 if finalise else 0)
            budget = _walk(
                store,
                summary.id,
                items,
                rng,
                finalise,
                budget,
                reserve,
                start_utc.astimezone(CITY_TZ),
                coords[code],
                Path(tmp),
                number,
            )
            if finalise:
                inspections.finalise_inspection(
                    store, summary.id, at=min(start_utc + timedelta(minutes=35), now)
                )
                n_final += 1
            made.append(summary.id)
            say(f"inspection at {code} ({'final' if finalise else 'draft'})")
    mark_demo(store)
    return DemoResult(
        points=sum(len(v) for v in POINT_NAMES.values()),
        inspections=tuple(made),
        finalised=n_final,
        photos=photos - budget,
        key_id=key.key_id,
        key_created=created,
        passphrase_note=note,
    )


def _items(store: Store, type_code: str, catalogue: str) -> list[CheckItem]:
    code, _, version = catalogue.partition(":")
    from inspector_app.core.db.models import CatalogueVersion

    with store.read() as s:
        return list(
            s.scalars(
                select(CheckItem)
                .join(PointType, PointType.id == CheckItem.point_type_id)
                .join(CatalogueVersion, CatalogueVersion.id == PointType.catalogue_id)
                .where(
                    PointType.code == type_code,
                    CatalogueVersion.code == code,
                    CatalogueVersion.version == version,
                )
                .order_by(CheckItem.position)
            )
        )


def _walk(
    store: Store,
    insp_id: str,
    items: list[CheckItem],
    rng: random.Random,
    finalise: bool,
    budget: int,
    reserve: int,
    start_local: datetime,
    coord: tuple[float, float],
    tmp: Path,
    number: int,
) -> int:
    """Answer the checklist like an inspector would; returns the photos left to use."""
    # Drafts stop part-way, as if the inspector is still at the point.
    answered = items if finalise else items[: max(2, len(items) * 2 // 3)]
    problems = {i.code for i in answered if rng.random() < 0.35}
    photo_items = [i for i in answered if i.needs_photo]
    if finalise and photo_items and not (problems & {i.code for i in photo_items}):
        problems.add(rng.choice(photo_items).code)  # every finalised demo visit has evidence
    took_photo = False
    for k, item in enumerate(answered):
        minute = start_local + timedelta(minutes=3 + 4 * k)
        if item.code not in problems:
            result = scoring.NA if rng.random() < 0.08 else scoring.PASS
            inspections.record_finding(store, insp_id, item.code, result)
            continue
        count = None
        if item.mode == scoring.PER_INSTANCE:
            count = rng.randint(1, 4)
        elif item.mode == scoring.PER_MISSING:
            count = rng.randint(1, item.quota or 1)
        # A finalised visit always gets its first photo; later ones leave enough for the
        # finalised visits still to come.
        can_photo = (
            item.needs_photo and budget > 0 and ((finalise and not took_photo) or budget > reserve)
        )
        if item.needs_photo and finalise and not can_photo:
            inspections.record_finding(store, insp_id, item.code, scoring.PASS)
            continue
        files: list[Path] = []
        if can_photo:
            shot = tmp / f"IMG_{number:02d}{k:02d}.jpg"
            street_photo(
                shot, when_local=minute, lat=coord[0], lon=coord[1], label=item.code, rng=rng
            )
            files.append(shot)
            budget -= 1
            took_photo = True
        inspections.record_finding(
            store,
            insp_id,
            item.code,
            scoring.PROBLEM,
            count=count,
            note=rng.choice(NOTES),
            photos=files,
        )
    return budget
