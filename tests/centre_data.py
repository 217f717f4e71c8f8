"""A command centre's data in bulk, for benches and screenshots: points over districts and
responsible units, enrolled inspectors, imported final inspections over the recent weeks,
findings, review decisions and rectification tasks. Deterministic for a seed.

Rows go in with SQLAlchemy Core inserts in one transaction (100,000 findings in seconds),
shaped exactly as the bundle importer stores them (origin key and bundle set, status final).
No audit events are written: the data stands for history that happened elsewhere.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select

from inspector_app.core.db.models import (
    Bundle,
    BundleInspection,
    CatalogueVersion,
    CheckItem,
    EnrolledKey,
    Finding,
    Inspection,
    Photo,
    PhotoAttachment,
    Point,
    PointType,
    RectificationEvent,
    RectificationTask,
    ReviewDecision,
)
from inspector_app.core.paths import photo_path
from inspector_app.core.periods import centre_timezone
from inspector_app.core.store import Store
from inspector_app.core.workdays import work_calendar

DISTRICTS = ("红旗区", "卫滨区", "牧野区", "凤泉区", "高新区")
#: city-level responsible units by the kind of place they answer for
CITY_UNITS = (
    "市城市管理局",
    "市市场监督管理局",
    "市交通运输局",
    "市公安局交警支队",
    "市住房和城乡建设局",
    "市教育局",
    "市卫生健康委员会",
    "市文化广电和旅游局",
    "市公交集团",
)
#: point types whose responsible unit is the district's government
DISTRICT_TYPES = {"BACK_ALLEY", "RESIDENTIAL", "URBAN_VILLAGE"}
INSPECTORS = (("张伟", "DC-01"), ("李娜", "DC-02"), ("王芳", "DC-03"), ("刘洋", "DC-04"))
INSPECTORS += (("陈静", "DC-05"), ("杨帆", "DC-06"))
REJECT_REASONS = ("照片不能证明问题", "不属于本点位范围", "重复记录", "照片模糊无法辨认")
NOTES = ("", "", "", "东侧入口", "已现场提醒", "多处", "商户门前")
SUPERVISOR = "周主任"

P_PROBLEM, P_NA = 0.15, 0.08
P_REVIEWED, P_ACCEPTED = 0.7, 0.85


@dataclass(frozen=True)
class CentreData:
    """What was built, for tests to check against."""

    today: date
    points: int
    inspections: int
    findings: int
    problems: int
    accepted: int
    rejected: int
    tasks: int
    photos: int
    inspectors: tuple[tuple[str, str, str], ...]  # (key id, name, code)
    districts: tuple[str, ...]
    units: tuple[str, ...]


@dataclass
class _Item:
    id: str
    code: str
    mode: str
    severity: str
    quota: int | None


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _hex(rng: random.Random, digits: int) -> str:
    return f"{rng.getrandbits(digits * 4):0{digits}x}"


def _catalogue(store: Store) -> tuple[str, list[tuple[str, str, str, list[_Item]]]]:
    """The built-in catalogue's id and its point types: (id, code, name, items)."""
    with store.read() as s:
        cat = s.scalars(
            select(CatalogueVersion)
            .where(CatalogueVersion.builtin.is_(True))
            .order_by(CatalogueVersion.code, CatalogueVersion.version)
        ).first()
        assert cat is not None, "the store has no built-in catalogue"
        types = []
        for pt in s.scalars(
            select(PointType).where(PointType.catalogue_id == cat.id).order_by(PointType.position)
        ):
            items = [
                _Item(i.id, i.code, i.mode, i.severity, i.quota)
                for i in s.scalars(
                    select(CheckItem)
                    .where(CheckItem.point_type_id == pt.id)
                    .order_by(CheckItem.position)
                )
            ]
            types.append((pt.id, pt.code, pt.name_zh, items))
        return cat.id, types


def _jpeg(store: Store, rng: random.Random, taken: datetime, gps: tuple[float, float]) -> bytes:
    """A small real JPEG with EXIF time and place (via the tests' JPEG factory)."""
    from tests.factories import make_jpeg

    colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
    path = store.paths.tmp / "centre-data.jpg"
    make_jpeg(path, taken=taken, offset="+08:00", gps=gps, size=(320, 240), colour=colour)
    data = path.read_bytes()
    path.unlink()
    return data


def build_centre_data(
    store: Store,
    *,
    findings: int = 100_000,
    seed: int = 1,
    weeks: int = 6,
    points: int = 120,
    inspectors: int = 4,
    photos: bool = False,
    photo_files: bool = False,
    today: date | None = None,
    now: datetime | None = None,
    supervisor: str = SUPERVISOR,
) -> CentreData:
    """Fill `store` with a command centre's data; see the module docstring.

    `photos` attaches one photo record to every problem finding (a few captured outside
    their inspection's time, a few shared by two findings, so the review markers show);
    `photo_files` also writes a small real JPEG per photo into the photo store (for
    screenshots; slow for large sets). `today`/`now` default to the centre's clock.
    """
    rng = random.Random(seed)
    tz = centre_timezone(store)
    now = now or datetime.now(UTC)
    today = today or now.astimezone(tz).date()
    calendar = work_calendar(store)
    catalogue_id, types = _catalogue(store)
    photos = photos or photo_files

    # --- points and inspectors -------------------------------------------------------------
    point_rows: list[dict[str, Any]] = []
    for i in range(points):
        type_id, type_code, type_name, items = types[i % len(types)]
        district = DISTRICTS[rng.randrange(len(DISTRICTS))]
        unit = (
            f"{district}人民政府"
            if type_code in DISTRICT_TYPES
            else CITY_UNITS[(i // len(types) + i) % len(CITY_UNITS)]
        )
        point_rows.append(
            {
                "id": _uid(rng),
                "code": f"CD-{i + 1:04d}",
                "name": f"{district}{type_name}{i // len(types) + 1}号",
                "type_code": type_code,
                "district": district,
                "street": "",
                "unit": unit,
                "address": "",
                "latitude": round(35.25 + rng.random() * 0.1, 6),
                "longitude": round(113.80 + rng.random() * 0.15, 6),
                "created_at": now - timedelta(days=weeks * 7 + 30),
                "updated_at": now - timedelta(days=weeks * 7 + 30),
                "_type": (type_id, items),
            }
        )
    key_rows = []
    for name, code in INSPECTORS[: max(1, min(inspectors, len(INSPECTORS)))]:
        key_rows.append(
            {
                "id": _uid(rng),
                "key_id": _hex(rng, 16).upper(),
                "public_key": rng.randbytes(32),
                "name": name,
                "code": code,
                "enrolled_at": now - timedelta(days=weeks * 7 + 20),
                "enrolled_by": supervisor,
                "revoked_at": None,
                "last_export_sequence": 0,
            }
        )

    # --- inspections and findings ------------------------------------------------------------
    days = weeks * 7
    first_day = today - timedelta(days=days - 1)
    latest_start = now - timedelta(hours=1)
    insp_rows: list[dict[str, Any]] = []
    finding_rows: list[dict[str, Any]] = []
    # per finding: (point index, item, inspection row) for decisions and closure proposals
    meta: dict[str, tuple[int, _Item, dict[str, Any]]] = {}
    left = findings
    while left > 0:
        p = rng.randrange(points)
        point = point_rows[p]
        type_id, items = point["_type"]
        day = first_day + timedelta(days=rng.randrange(days))
        local = datetime.combine(day, time(8), tzinfo=tz) + timedelta(minutes=rng.randrange(600))
        started = local.astimezone(UTC)
        if started > latest_start:
            started -= timedelta(days=1)
        finalised = started + timedelta(minutes=10 + rng.randrange(30))
        key = key_rows[rng.randrange(len(key_rows))]
        insp = {
            "id": _uid(rng),
            "point_id": point["id"],
            "catalogue_id": catalogue_id,
            "point_type_id": type_id,
            "local_key_id": None,
            "origin_key_id": key["key_id"],
            "origin_bundle_id": None,  # set below, once bundles are numbered
            "covert": True,
            "status": "final",
            "started_at": started,
            "finalised_at": finalised,
            "updated_at": finalised,
            "round_id": None,
            "assignment_id": None,
            "_p": p,
        }
        insp_rows.append(insp)
        take = items[: min(len(items), left)]
        left -= len(take)
        step = (finalised - started) / (len(take) + 1)
        for n, item in enumerate(take, start=1):
            r = rng.random()
            result = "problem" if r < P_PROBLEM else "na" if r < P_PROBLEM + P_NA else "pass"
            count = 0
            if result == "problem":
                if item.mode == "pass_fail":
                    count = 1
                elif item.mode == "per_missing" and item.quota:
                    count = rng.randint(1, item.quota)
                else:
                    count = rng.randint(1, 4)
            fid = _uid(rng)
            finding_rows.append(
                {
                    "id": fid,
                    "inspection_id": insp["id"],
                    "item_id": item.id,
                    "result": result,
                    "count": count,
                    "note": rng.choice(NOTES) if result == "problem" else "",
                    "recorded_at": started + step * n,
                }
            )
            meta[fid] = (p, item, insp)

    # --- bundles: one per inspector and local day, numbered in order -------------------------
    by_bundle: dict[tuple[str, date], list[dict[str, Any]]] = defaultdict(list)
    for insp in insp_rows:
        by_bundle[(insp["origin_key_id"], insp["started_at"].astimezone(tz).date())].append(insp)
    bundle_rows: list[dict[str, Any]] = []
    link_rows: list[dict[str, Any]] = []
    sequence: dict[str, int] = defaultdict(int)
    for (key_id, _day), members in sorted(by_bundle.items()):
        sequence[key_id] += 1
        created = max(m["finalised_at"] for m in members) + timedelta(minutes=30)
        bundle_id = _uid(rng)
        bundle_rows.append(
            {
                "id": bundle_id,
                "direction": "import",
                "key_id": key_id,
                "export_sequence": sequence[key_id],
                "content_sha256": _hex(rng, 64),
                "size_bytes": 2_000_000 + rng.randrange(500_000),
                "file_name": f"{key_id}-{sequence[key_id]:05d}.zip.age",
                "encrypted": True,
                "created_at": created,
                "recorded_at": min(created + timedelta(hours=2), now),
                "recorded_by": supervisor,
            }
        )
        for m in members:
            m["origin_bundle_id"] = bundle_id
            link_rows.append({"bundle_id": bundle_id, "inspection_id": m["id"]})
    for key in key_rows:
        key["last_export_sequence"] = sequence[key["key_id"]]

    # --- photos ---------------------------------------------------------------------------------
    photo_rows: dict[str, dict[str, Any]] = {}
    attach_rows: list[dict[str, Any]] = []
    files: dict[str, bytes] = {}
    if photos:
        previous: tuple[str, str] | None = None  # (inspection id, sha) of the last photo
        for f in finding_rows:
            if f["result"] != "problem":
                continue
            p, _item, insp = meta[f["id"]]
            captured = f["recorded_at"] - timedelta(seconds=30)
            r = rng.random()
            if r < 0.02:  # taken the day before: the review marks it
                captured -= timedelta(days=1)
            share = r > 0.98 and previous is not None and previous[0] == insp["id"]
            if share and previous is not None:
                sha = previous[1]
            else:
                gps = (point_rows[p]["latitude"], point_rows[p]["longitude"])
                local_taken = captured.astimezone(tz).replace(tzinfo=None)
                if photo_files:
                    data = _jpeg(store, rng, local_taken, gps)
                    sha = hashlib.sha256(data).hexdigest()
                    files[sha] = data
                    size = len(data)
                    width, height = 320, 240
                else:
                    sha = _hex(rng, 64)
                    size, width, height = 1_800_000 + rng.randrange(400_000), 4000, 3000
                photo_rows[sha] = {
                    "sha256": sha,
                    "size_bytes": size,
                    "format": "jpeg",
                    "width": width,
                    "height": height,
                    "exif_time": local_taken.isoformat(),
                    "exif_offset": "+08:00",
                    "gps_latitude": gps[0],
                    "gps_longitude": gps[1],
                    "orientation": 1,
                    "original_name": f"IMG_{len(photo_rows) + 1:05d}.jpg",
                    "ingested_at": now,
                }
            previous = (insp["id"], sha)
            attach_rows.append(
                {
                    "id": _uid(rng),
                    "inspection_id": insp["id"],
                    "finding_id": f["id"],
                    "photo_sha256": sha,
                    "captured_at": captured,
                    "attached_at": f["recorded_at"],
                }
            )

    # --- review decisions and rectification tasks ------------------------------------------------
    # the pass findings of each (point, item code), by time, to find closure proposals
    passes: dict[tuple[int, str], list[tuple[datetime, str]]] = defaultdict(list)
    for f in finding_rows:
        if f["result"] == "pass":
            p, item, insp = meta[f["id"]]
            passes[(p, item.code)].append((insp["started_at"], f["id"]))
    for lst in passes.values():
        lst.sort()
    decision_rows: list[dict[str, Any]] = []
    task_rows: list[dict[str, Any]] = []
    event_rows: list[dict[str, Any]] = []
    review_before = now - timedelta(days=1)
    for f in finding_rows:
        if f["result"] != "problem":
            continue
        p, item, insp = meta[f["id"]]
        if insp["finalised_at"] > review_before or rng.random() >= P_REVIEWED:
            continue
        decided = min(insp["finalised_at"] + timedelta(hours=2 + rng.randrange(46)), now)
        accepted = rng.random() < P_ACCEPTED
        decision_rows.append(
            {
                "id": _uid(rng),
                "finding_id": f["id"],
                "decision": "accepted" if accepted else "rejected",
                "reason": "" if accepted else rng.choice(REJECT_REASONS),
                "decided_by": supervisor,
                "decided_at": decided,
                "version": 1,
            }
        )
        if not accepted:
            continue
        task = {
            "id": _uid(rng),
            "finding_id": f["id"],
            "unit": point_rows[p]["unit"],
            "deadline": calendar.deadline(item.severity, decided.astimezone(tz).date()),
            "status": "open",
            "created_at": decided,
            "created_by": supervisor,
            "reported_fixed_at": None,
            "closed_at": None,
            "closed_by": None,
            "reinspection_finding_id": None,
            "version": 1,
        }
        later = [fid for at, fid in passes[(p, item.code)] if at > insp["started_at"]]
        r = rng.random()
        if later and r < 0.7:
            reinspection = meta[later[0]][2]
            task["status"] = "closed"
            task["reinspection_finding_id"] = later[0]
            task["closed_at"] = min(
                max(decided, reinspection["finalised_at"]) + timedelta(hours=3), now
            )
            task["closed_by"] = supervisor
            task["reported_fixed_at"] = decided + (task["closed_at"] - decided) / 2
        elif r < 0.85:
            task["status"] = "reported_fixed"
            task["reported_fixed_at"] = min(decided + timedelta(hours=6 + rng.randrange(60)), now)
        task_rows.append(task)
        history = [(decided, None, "open", None)]
        if task["reported_fixed_at"] is not None:
            history.append((task["reported_fixed_at"], "open", "reported_fixed", None))
        if task["status"] == "closed":
            link = task["reinspection_finding_id"]
            history.append((task["closed_at"], "reported_fixed", "closed", link))
        for at, before, after, link in history:
            event_rows.append(
                {
                    "id": _uid(rng),
                    "task_id": task["id"],
                    "at": at,
                    "actor": supervisor,
                    "from_status": before,
                    "to_status": after,
                    "note": "",
                    "reinspection_finding_id": link,
                }
            )

    # --- write ---------------------------------------------------------------------------------
    for sha, data in files.items():
        target = photo_path(store.paths, sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for row in point_rows:
        del row["_type"]
    for row in insp_rows:
        del row["_p"]
    with store.write() as s:
        for model, rows in (
            (Point, point_rows),
            (EnrolledKey, key_rows),
            (Bundle, bundle_rows),
            (Inspection, insp_rows),
            (BundleInspection, link_rows),
            (Finding, finding_rows),
            (Photo, list(photo_rows.values())),
            (PhotoAttachment, attach_rows),
            (ReviewDecision, decision_rows),
            (RectificationTask, task_rows),
            (RectificationEvent, event_rows),
        ):
            if rows:
                s.execute(insert(model), rows)
    accepted_n = sum(1 for d in decision_rows if d["decision"] == "accepted")
    return CentreData(
        today=today,
        points=len(point_rows),
        inspections=len(insp_rows),
        findings=len(finding_rows),
        problems=sum(1 for f in finding_rows if f["result"] == "problem"),
        accepted=accepted_n,
        rejected=len(decision_rows) - accepted_n,
        tasks=len(task_rows),
        photos=len(photo_rows),
        inspectors=tuple((k["key_id"], k["name"], k["code"]) for k in key_rows),
        districts=tuple(sorted({p["district"] for p in point_rows})),
        units=tuple(sorted({p["unit"] for p in point_rows})),
    )
