"""A command centre's data: the demo of `inspector-app demo --centre`, and the bulk data
benches, screenshots and tests work on.

Both come from one generator: points over districts and responsible units, enrolled
inspectors (real Ed25519 public keys), imported final inspections over the recent weeks,
findings, review decisions and rectification tasks in every status, optionally photos
(real JPEGs with EXIF time and GPS, in the photo store, or rows alone). Deterministic for a
seed. Rows go in with SQLAlchemy Core inserts in one transaction (100,000 findings in
seconds), shaped exactly as the bundle importer stores them (origin key and bundle set,
status final). The rows write no audit events of their own: they stand for history that
happened elsewhere (bundles imported, decisions made); the demo records one event,
`demo.centre_built`, saying what it made.
"""

from __future__ import annotations

import dataclasses
import random
import secrets
import tempfile
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from inspector_app.core import audit, centre, rectification
from inspector_app.core.catalogue import ensure_builtin_catalogues
from inspector_app.core.centre_settings import get_supervisor, set_supervisor
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
from inspector_app.core.demo import (
    demo_points_csv,
    import_demo_register,
    mark_demo,
    street_photo,
)
from inspector_app.core.errors import InputError
from inspector_app.core.minisign import format_key_id
from inspector_app.core.periods import centre_timezone
from inspector_app.core.photos import IngestedPhoto, ingest_many
from inspector_app.core.settings import get_setting, set_setting
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
INSPECTORS: tuple[tuple[str, str], ...] = (
    ("张伟", "DC-01"),
    ("李娜", "DC-02"),
    ("王芳", "DC-03"),
    ("刘洋", "DC-04"),
    ("陈静", "DC-05"),
    ("杨帆", "DC-06"),
)
REJECT_REASONS = ("照片不能证明问题", "不属于本点位范围", "重复记录", "照片模糊无法辨认")
NOTES = ("", "", "", "东侧入口", "已现场提醒", "多处", "商户门前")
SUPERVISOR = "周主任"

P_PROBLEM, P_NA = 0.15, 0.08
P_REVIEWED, P_ACCEPTED = 0.7, 0.85

# --- the demo ---------------------------------------------------------------------------------
#: the centre's passphrase when INSPECTOR_PASSPHRASE gives none (the centre's identity asks
#: for at least 8 characters, so the inspector demo's "demo" twice)
DEMO_CENTRE_PASSPHRASE = "demodemo"
DEMO_SUPERVISOR = "演示督查员"
DEMO_INSPECTIONS, DEMO_INSPECTORS, DEMO_WEEKS, DEMO_SEED = 320, 5, 4, 2026
DEMO_PHOTO_SIZE = (1024, 768)
#: how much more (or less) often than usual each unit's points show problems, cycled over
#: the units in name order: the briefings then have a best and a worst unit to flag
DEMO_UNIT_QUALITY = (0.3, 1.6, 0.6, 2.4, 1.0)
#: the window's settings (ui/welcome.py): which role it opens in, and the welcome done
ROLE_SETTING, CENTRE_ROLE, SETUP_DONE_SETTING = "ui.role", "centre", "ui.setup_done"


@dataclass(frozen=True)
class CentreData:
    """What was built, for tests to check against."""

    today: date
    first_day: date  # the first day inspections may fall on
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

    @property
    def pending(self) -> int:
        """Problems left for the supervisor to review."""
        return self.problems - self.accepted - self.rejected


@dataclass(frozen=True)
class CentreDemoResult:
    """What `build_centre_demo` made and set up."""

    data: CentreData
    recipient: str  # the centre's age recipient
    identity_created: bool
    passphrase_note: str | None  # said when the demo's own passphrase protects the identity
    supervisor: str
    #: tasks by what the board shows: open, reported_fixed, overdue, closed
    tasks: Mapping[str, int]
    #: tasks not closed whose point's later inspection passed the item (closure proposed)
    proposals: int


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
        if cat is None:
            raise InputError("the data folder has no built-in catalogue")
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


def _public_key(rng: random.Random, fresh: bool) -> tuple[str, bytes]:
    """An inspector's key id and Ed25519 public key. From the seed for repeatable data;
    `fresh` makes a new random pair instead (the same draws are taken from `rng`, so the
    rest of the data stays the seed's). The secret half is thrown away either way."""
    key_id, secret = _hex(rng, 16).upper(), rng.randbytes(32)
    private = Ed25519PrivateKey.from_private_bytes(secret)
    if fresh:
        private, key_id = Ed25519PrivateKey.generate(), format_key_id(secrets.token_bytes(8))
    raw = serialization.Encoding.Raw
    return key_id, private.public_key().public_bytes(raw, serialization.PublicFormat.Raw)


def _generated_points(
    rng: random.Random,
    types: list[tuple[str, str, str, list[_Item]]],
    points: int,
    created: datetime,
) -> list[dict[str, Any]]:
    """`points` new points over DISTRICTS, the point types in turn."""
    rows: list[dict[str, Any]] = []
    for i in range(points):
        type_id, type_code, type_name, items = types[i % len(types)]
        district = DISTRICTS[rng.randrange(len(DISTRICTS))]
        unit = (
            f"{district}人民政府"
            if type_code in DISTRICT_TYPES
            else CITY_UNITS[(i // len(types) + i) % len(CITY_UNITS)]
        )
        rows.append(
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
                "created_at": created,
                "updated_at": created,
                "_type": (type_id, items),
            }
        )
    return rows


def _registered_points(
    store: Store, codes: list[str], types: list[tuple[str, str, str, list[_Item]]]
) -> list[dict[str, Any]]:
    """The register's points with these codes, shaped as `_generated_points` makes them."""
    by_code = {code: (type_id, items) for type_id, code, _name, items in types}
    with store.read() as s:
        found = s.scalars(select(Point).where(Point.code.in_(codes)).order_by(Point.code)).all()
        return [
            {
                "id": p.id,
                "district": p.district,
                "unit": p.unit,
                "latitude": p.latitude or 0.0,
                "longitude": p.longitude or 0.0,
                "_type": by_code[p.type_code],
            }
            for p in found
            if p.type_code in by_code
        ]


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
    """Fill `store` with a command centre's data at `points` new points (see the module
    docstring): imported inspections until `findings` findings are made.

    `photos` attaches one photo record to every problem finding (a few captured outside
    their inspection's time, a few shared by two findings, so the review markers show);
    `photo_files` also puts a small real JPEG per photo into the photo store (for
    screenshots; slow for large sets). `today`/`now` default to the centre's clock.
    """
    rng = random.Random(seed)
    now = now or datetime.now(UTC)
    catalogue_id, types = _catalogue(store)
    point_rows = _generated_points(rng, types, points, now - timedelta(days=weeks * 7 + 30))
    return _build(
        store,
        rng,
        catalogue_id=catalogue_id,
        point_rows=point_rows,
        new_points=True,
        findings=findings,
        inspections=None,
        weeks=weeks,
        inspectors=inspectors,
        fresh_keys=False,
        photos=photos or photo_files,
        photo_size=(320, 240) if photo_files else None,
        today=today,
        now=now,
        supervisor=supervisor,
        unit_quality={},
        within=None,
    )


def _store_pictures(
    store: Store,
    pictures: Mapping[str, tuple[datetime, tuple[float, float], str, bytes]],
    size: tuple[int, int],
) -> dict[str, IngestedPhoto]:
    """Draw the street scenes, then put them into the photo store with its own ingest
    (copied, hashed, thumbnailed, fsynced), which reads back what the rows keep, as the
    importer's rows do. By file name."""
    with tempfile.TemporaryDirectory(dir=store.paths.tmp) as tmp:
        paths = []
        for name, (taken, (lat, lon), label, scene) in pictures.items():
            path = Path(tmp) / name
            rng = random.Random(scene)
            street_photo(path, when_local=taken, lat=lat, lon=lon, label=label, rng=rng, size=size)
            paths.append(path)
        stored: dict[str, IngestedPhoto] = {}
        for outcome in ingest_many(store.paths, paths, workers=4):
            if outcome.photo is None:
                raise InputError(f"a generated photo was not stored: {outcome.error}")
            stored[outcome.source.name] = outcome.photo
        return stored


def _build(
    store: Store,
    rng: random.Random,
    *,
    catalogue_id: str,
    point_rows: list[dict[str, Any]],
    new_points: bool,
    findings: int,
    inspections: int | None,
    weeks: int,
    inspectors: int,
    fresh_keys: bool,
    photos: bool,
    photo_size: tuple[int, int] | None,
    today: date | None,
    now: datetime,
    supervisor: str,
    unit_quality: Mapping[str, float],
    within: Callable[[Session, CentreData], None] | None,
) -> CentreData:
    """Make the rows at `point_rows` and write them in one transaction: inspections until
    `findings` findings are made, or exactly `inspections` whole ones when given. Photos
    as files when `photo_size` is given, else rows alone. `unit_quality` scales a unit's
    chance of a problem (1 when not named). `within` runs in the rows' write transaction
    before they go in, with what was built (to check and record it; raising writes none)."""
    tz = centre_timezone(store)
    today = today or now.astimezone(tz).date()
    calendar = work_calendar(store)
    points = len(point_rows)
    if not points:
        raise InputError("the centre's data needs at least one point")

    # --- inspectors ----------------------------------------------------------------------------
    key_rows: list[dict[str, Any]] = []
    for name, code in INSPECTORS[: max(1, min(inspectors, len(INSPECTORS)))]:
        key_id, public_key = _public_key(rng, fresh_keys)
        key_rows.append(
            {
                "id": _uid(rng),
                "key_id": key_id,
                "public_key": public_key,
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
    while left > 0 if inspections is None else len(insp_rows) < inspections:
        p = rng.randrange(points)
        point = point_rows[p]
        type_id, items = point["_type"]
        p_problem = P_PROBLEM * unit_quality.get(point["unit"], 1.0)
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
        }
        insp_rows.append(insp)
        take = items if inspections is not None else items[: min(len(items), left)]
        left -= len(take)
        step = (finalised - started) / (len(take) + 1)
        for n, item in enumerate(take, start=1):
            r = rng.random()
            result = "problem" if r < p_problem else "na" if r < p_problem + P_NA else "pass"
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
    # photo files to make (by file name, which stands for the digest until they are stored):
    # (EXIF time, GPS, label, the scene's seed)
    pictures: dict[str, tuple[datetime, tuple[float, float], str, bytes]] = {}
    if photos:
        previous: tuple[str, str] | None = None  # (inspection id, sha) of the last photo
        for f in finding_rows:
            if f["result"] != "problem":
                continue
            p, item, insp = meta[f["id"]]
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
                name = f"IMG_{len(photo_rows) + 1:05d}.jpg"
                if photo_size:
                    # three draws from the seed's stream (as ever), then a scene of its own
                    scene = bytes(rng.randrange(256) for _ in range(3))
                    sha = name
                    pictures[name] = (local_taken, gps, item.code, scene)
                    size, (width, height) = 0, photo_size
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
                    "original_name": name,
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
    if pictures and photo_size:
        stored = _store_pictures(store, pictures, photo_size)
        for name, photo in stored.items():
            row = dataclasses.asdict(photo)
            row["exif_time"] = photo.exif_time.isoformat() if photo.exif_time else None
            row["ingested_at"] = now
            photo_rows[photo.sha256] = row
            del photo_rows[name]
        for a in attach_rows:
            a["photo_sha256"] = stored[a["photo_sha256"]].sha256

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
        history: list[tuple[datetime, str | None, str, str | None]]
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
    accepted_n = sum(1 for d in decision_rows if d["decision"] == "accepted")
    built = CentreData(
        today=today,
        first_day=first_day,
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
    for row in point_rows:
        del row["_type"]
    with store.write() as s:
        if within is not None:
            within(s, built)
        for model, rows in (
            (Point, point_rows if new_points else []),
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
    return built


def _refuse_if_imported(store: Store, session: Session) -> None:
    found = session.scalars(select(Inspection.id).where(Inspection.origin_key_id.is_not(None)))
    if found.first() is not None:
        raise InputError(
            f"{store.paths.root} already holds imported inspections: the command centre's "
            "demo goes into a folder without any (give another --data-dir)"
        )


def build_centre_demo(
    store: Store,
    *,
    passphrase: str | None = None,
    today: date | None = None,
    now: datetime | None = None,
    inspections: int = DEMO_INSPECTIONS,
    inspectors: int = DEMO_INSPECTORS,
    seed: int = DEMO_SEED,
    progress: Callable[[str], None] | None = None,
) -> CentreDemoResult:
    """Add a command centre's demo to `store`: the demo city's register (three districts),
    `inspectors` enrolled keys (fresh key pairs, secret halves thrown away), `inspections`
    imported inspections over the four weeks up to today with photos, reviews (a queue
    left pending), rectification tasks in every status; and the centre set up where it is
    not: its encryption identity under `passphrase` (else DEMO_CENTRE_PASSPHRASE, which the
    result says), the supervisor's name, the demo mark and the window's centre role.

    Refused (InputError, nothing changed) when the folder already holds imported
    inspections or the passphrase is too short. The rows stand for history (bundles
    imported, decisions made) and write no events of their own: one audit event,
    `demo.centre_built`, says what was made."""
    say = progress or (lambda _msg: None)
    with store.read() as s:
        _refuse_if_imported(store, s)
    make_identity = not centre.has_identity(store)
    secret = passphrase or DEMO_CENTRE_PASSPHRASE
    if make_identity:
        centre.check_passphrase(secret)  # before anything is made
    ensure_builtin_catalogues(store)
    catalogue_id, types = _catalogue(store)

    note = None
    if make_identity:
        recipient = centre.init_encryption(store, secret)
        if not passphrase:
            note = (
                "the demo centre's identity is protected by the passphrase "
                f"'{DEMO_CENTRE_PASSPHRASE}'"
            )
    else:
        recipient = centre.recipient(store)
    supervisor = get_supervisor(store) or set_supervisor(store, DEMO_SUPERVISOR)

    with tempfile.TemporaryDirectory(dir=store.paths.tmp) as tmp:
        imported = import_demo_register(store, Path(tmp))
    say(f"points: {imported.added} added, {imported.updated + imported.unchanged} kept")
    codes = [line.split(",", 1)[0] for line in demo_points_csv().splitlines()[1:]]
    point_rows = _registered_points(store, codes, types)
    units = sorted({p["unit"] for p in point_rows})
    quality = {u: DEMO_UNIT_QUALITY[n % len(DEMO_UNIT_QUALITY)] for n, u in enumerate(units)}

    tz = centre_timezone(store)
    if now is None:
        now = (
            datetime.combine(today, time(18), tzinfo=tz).astimezone(UTC)
            if today is not None
            else datetime.now(UTC)
        )
    say(f"making {inspections} imported inspections with their photos…")

    def record(session: Session, built: CentreData) -> None:
        # checked again with the rows (a second demo may have run meanwhile)
        _refuse_if_imported(store, session)
        counts = ("points", "inspections", "findings", "problems", "accepted", "rejected")
        detail: dict[str, Any] = {name: getattr(built, name) for name in counts}
        detail.update(
            tasks=built.tasks,
            photos=built.photos,
            inspectors=[key_id for key_id, _name, _code in built.inspectors],
            first_day=built.first_day.isoformat(),
            last_day=built.today.isoformat(),
        )
        audit.append_event(
            session,
            actor=store.actor,
            action="demo.centre_built",
            entity="demo",
            entity_id="centre",
            detail=detail,
        )

    data = _build(
        store,
        random.Random(seed),
        catalogue_id=catalogue_id,
        point_rows=point_rows,
        new_points=False,
        findings=0,
        inspections=inspections,
        weeks=DEMO_WEEKS,
        inspectors=inspectors,
        fresh_keys=True,
        photos=True,
        photo_size=DEMO_PHOTO_SIZE,
        today=today,
        now=now,
        supervisor=supervisor,
        unit_quality=quality,
        within=record,
    )
    mark_demo(store)
    set_setting(store, ROLE_SETTING, CENTRE_ROLE)
    if get_setting(store, SETUP_DONE_SETTING) is None:
        set_setting(store, SETUP_DONE_SETTING, "1")

    tasks = rectification.list_tasks(store, today=data.today)
    by_status = Counter(t.board_status for t in tasks)
    return CentreDemoResult(
        data=data,
        recipient=recipient,
        identity_created=make_identity,
        passphrase_note=note,
        supervisor=supervisor,
        tasks={s: by_status[s] for s in rectification.FILTER_STATUSES},
        proposals=sum(1 for t in tasks if t.proposal_finding_id),
    )
