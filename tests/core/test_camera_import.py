"""Camera-folder import: photos matched to inspections by capture time, then attached."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from inspector_app.core.camera_import import (
    FINALISED,
    NO_CAPTURE_TIME,
    NO_INSPECTION,
    UNREADABLE,
    apply_camera_import,
    plan_camera_import,
)
from inspector_app.core.db.models import (
    AuditEvent,
    CatalogueVersion,
    Inspection,
    Photo,
    PhotoAttachment,
    Point,
    PointType,
)
from inspector_app.core.errors import Cancelled, InputError
from inspector_app.core.store import Store
from tests.core.test_photos import make_exif, make_jpeg, store_listing

SHANGHAI = ZoneInfo("Asia/Shanghai")
_codes = itertools.count(1)


def add_inspection(
    store: Store,
    *,
    started: datetime,
    finalised: datetime | None = None,
    status: str = "draft",
    point_name: str = "东关菜市场",
) -> str:
    """An inspection row straight through the ORM (a point of the built-in catalogue's
    first point type); returns its id."""
    with store.write() as s:
        catalogue = s.scalars(select(CatalogueVersion).order_by(CatalogueVersion.added_at)).first()
        assert catalogue is not None, "the built-in catalogue is missing"
        point_type = s.scalars(
            select(PointType)
            .where(PointType.catalogue_id == catalogue.id)
            .order_by(PointType.position)
        ).first()
        assert point_type is not None
        point = Point(
            code=f"P{next(_codes):04}",
            name=point_name,
            type_code=point_type.code,
            district="红旗区",
            unit="市场监管局",
        )
        s.add(point)
        s.flush()
        insp = Inspection(
            point_id=point.id,
            catalogue_id=catalogue.id,
            point_type_id=point_type.id,
            status=status,
            started_at=started,
            finalised_at=finalised,
            updated_at=finalised or started,
        )
        s.add(insp)
        s.flush()
        return insp.id


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def photo_at(
    folder: Path, name: str, camera_time: str | None, *, offset: str | None = None, seed: int = 0
) -> Path:
    exif = make_exif(taken=camera_time, offset=offset) if camera_time else None
    return make_jpeg(folder / name, exif=exif, seed=seed)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "DCIM"
    d.mkdir()
    return d


def _counts(store: Store) -> tuple[int, int, int]:
    with store.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Photo)) or 0,
            s.scalar(select(func.count()).select_from(PhotoAttachment)) or 0,
            s.scalar(select(func.count()).select_from(AuditEvent)) or 0,
        )


def test_photos_are_placed_by_camera_time_in_the_camera_zone(store: Store, folder: Path) -> None:
    # 09:00–10:00 in Shanghai = 01:00–02:00 UTC.
    market = add_inspection(
        store, started=utc(2024, 5, 1, 1, 0), finalised=utc(2024, 5, 1, 2, 0), status="draft"
    )
    photo_at(folder, "IMG_0001.JPG", "2024:05:01 09:10:00")
    photo_at(folder, "IMG_0002.JPG", "2024:05:01 10:30:00", seed=2)  # after the visit

    plan = plan_camera_import(store, folder, camera_tz=SHANGHAI)

    first, second = plan.photos
    assert first.source.name == "IMG_0001.JPG"
    assert first.captured_at == utc(2024, 5, 1, 1, 10)
    assert (first.inspection_id, first.reason) == (market, None)
    # A draft's window runs until now, so the later photo joins it as well.
    assert second.inspection_id == market


def test_clock_offset_and_camera_zone_move_a_photo_into_its_window(
    store: Store, folder: Path
) -> None:
    visit = add_inspection(
        store, started=utc(2024, 5, 1, 1, 0), finalised=utc(2024, 5, 1, 2, 0), status="final"
    )
    later = add_inspection(store, started=utc(2024, 5, 1, 6, 0))  # a draft, 14:00 Shanghai
    photo_at(folder, "DSC_0001.JPG", "2024:05:01 08:10:00")  # what the camera's clock said

    # Read as Shanghai time, as it is: 00:10 UTC, before any inspection.
    plain = plan_camera_import(store, folder)
    assert plain.photos[0].captured_at == utc(2024, 5, 1, 0, 10)
    assert plain.photos[0].kind == NO_INSPECTION

    # The clock was an hour behind: 09:10 Shanghai = 01:10 UTC, during the finalised visit.
    behind = plan_camera_import(store, folder, clock_offset=timedelta(hours=1))
    assert behind.photos[0].captured_at == utc(2024, 5, 1, 1, 10)
    assert behind.photos[0].kind == FINALISED
    assert behind.photos[0].blocked_by == visit

    # Set to Berlin time (UTC+2 in May) and an hour behind: 09:10 Berlin = 07:10 UTC.
    berlin = plan_camera_import(
        store, folder, camera_tz=ZoneInfo("Europe/Berlin"), clock_offset=timedelta(hours=1)
    )
    assert berlin.photos[0].captured_at == utc(2024, 5, 1, 7, 10)
    assert berlin.photos[0].inspection_id == later
    assert berlin.photos[0].placed


def test_the_photos_own_exif_offset_wins_over_the_camera_zone(store: Store, folder: Path) -> None:
    visit = add_inspection(store, started=utc(2024, 5, 1, 1, 0))
    photo_at(folder, "a.jpg", "2024:05:01 03:30:00", offset="+02:00")  # 01:30 UTC
    plan = plan_camera_import(store, folder, camera_tz=SHANGHAI)
    assert plan.photos[0].captured_at == utc(2024, 5, 1, 1, 30)
    assert plan.photos[0].inspection_id == visit


def test_overlapping_inspections_take_the_latest_started(store: Store, folder: Path) -> None:
    add_inspection(store, started=utc(2024, 5, 1, 1, 0))
    second = add_inspection(store, started=utc(2024, 5, 1, 1, 20))
    photo_at(folder, "a.jpg", "2024:05:01 09:30:00")  # 01:30 UTC: both drafts are open
    assert plan_camera_import(store, folder).photos[0].inspection_id == second


def test_unplaced_photos_say_why(store: Store, folder: Path) -> None:
    add_inspection(
        store,
        started=utc(2024, 5, 1, 1, 0),
        finalised=utc(2024, 5, 1, 2, 0),
        status="final",
        point_name="人民路",
    )
    photo_at(folder, "a_no_exif.jpg", None)
    photo_at(folder, "b_before.jpg", "2024:04:30 09:00:00", seed=1)
    photo_at(folder, "c_during_final.jpg", "2024:05:01 09:30:00", seed=2)
    (folder / "d_notes.jpg").write_text("not a photo")
    (folder / ".hidden.jpg").write_text("skipped")
    (folder / "subfolder").mkdir()

    plan = plan_camera_import(store, folder)

    names = [p.source.name for p in plan.photos]
    assert names == ["a_no_exif.jpg", "b_before.jpg", "c_during_final.jpg", "d_notes.jpg"]
    kinds = [p.kind for p in plan.photos]
    assert kinds == [NO_CAPTURE_TIME, NO_INSPECTION, FINALISED, UNREADABLE]
    assert all(p.inspection_id is None and not p.placed for p in plan.photos)
    reasons = [p.reason or "" for p in plan.photos]
    assert "no capture time" in reasons[0]
    assert plan.photos[0].captured_at is None
    assert "no inspection" in reasons[1]
    assert "finalised" in reasons[2] and "人民路" in reasons[2]
    assert plan.photos[2].blocked_by is not None
    assert "not a readable image" in reasons[3]


def test_plan_stores_nothing(store: Store, folder: Path) -> None:
    add_inspection(store, started=utc(2024, 5, 1, 1, 0))
    for i in range(3):
        photo_at(folder, f"{i}.jpg", f"2024:05:01 09:1{i}:00", seed=i)
    before = (_counts(store), store_listing(store.paths))

    plan = plan_camera_import(store, folder)

    assert len(plan.placed) == 3
    assert (_counts(store), store_listing(store.paths)) == before


def test_apply_attaches_placed_photos_and_reports_the_rest(store: Store, folder: Path) -> None:
    visit = add_inspection(store, started=utc(2024, 5, 1, 1, 0))
    add_inspection(
        store, started=utc(2024, 4, 1, 1, 0), finalised=utc(2024, 4, 1, 2, 0), status="exported"
    )
    photo_at(folder, "IMG_1.JPG", "2024:05:01 09:10:00", seed=1)
    photo_at(folder, "IMG_2.JPG", "2024:05:01 09:20:00", seed=2)
    photo_at(folder, "IMG_3.JPG", "2024:04:01 09:30:00", seed=3)  # the exported visit
    photo_at(folder, "IMG_4.JPG", None, seed=4)
    # Header fine, data cut short: only the ingest finds out.
    full = photo_at(folder.parent, "full.jpg", "2024:05:01 09:40:00", seed=5)
    data = full.read_bytes()
    (folder / "IMG_5.JPG").write_bytes(data[: int(len(data) * 0.6)])
    calls: list[tuple[int, int]] = []

    plan = plan_camera_import(store, folder)
    result = apply_camera_import(store, plan, progress=lambda d, t: calls.append((d, t)))

    assert [(n, i) for n, i, _ in result.imported] == [("IMG_1.JPG", visit), ("IMG_2.JPG", visit)]
    assert [n for n, _ in result.unplaced] == ["IMG_3.JPG", "IMG_4.JPG"]
    assert len(result.failed) == 1
    assert result.failed[0][0] == "IMG_5.JPG" and "truncated" in result.failed[0][1]
    assert calls[-1][0] == calls[-1][1]

    with store.read() as s:
        atts = s.scalars(select(PhotoAttachment).order_by(PhotoAttachment.captured_at)).all()
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "photo.attached")).all()
        photos = s.scalar(select(func.count()).select_from(Photo))
    assert [(a.inspection_id, a.finding_id) for a in atts] == [(visit, None), (visit, None)]
    assert [a.captured_at for a in atts] == [utc(2024, 5, 1, 1, 10), utc(2024, 5, 1, 1, 20)]
    assert {a.photo_sha256 for a in atts} == {sha for _, _, sha in result.imported}
    assert photos == 2
    assert len(events) == 2
    assert all(e.entity == "inspection" and e.entity_id == visit for e in events)
    details = [json.loads(e.detail) for e in events]
    assert sorted((d["source"], d["sha256"]) for d in details) == sorted(
        (n, sha) for n, _, sha in result.imported
    )
    listing = store_listing(store.paths)
    assert len(listing["photos"]) == 2 and listing["tmp"] == []


def test_importing_the_same_folder_again_duplicates_nothing(store: Store, folder: Path) -> None:
    visit = add_inspection(store, started=utc(2024, 5, 1, 1, 0))
    photo_at(folder, "IMG_1.JPG", "2024:05:01 09:10:00")
    (folder / "IMG_1 copy.JPG").write_bytes((folder / "IMG_1.JPG").read_bytes())

    first = apply_camera_import(store, plan_camera_import(store, folder))
    counts = _counts(store)
    again = apply_camera_import(store, plan_camera_import(store, folder))

    assert [n for n, _, _ in first.imported] == ["IMG_1 copy.JPG"]
    assert [n for n, _, _ in first.already_attached] == ["IMG_1.JPG"]
    assert again.imported == []
    assert {(n, i) for n, i, _ in again.already_attached} == {
        ("IMG_1.JPG", visit),
        ("IMG_1 copy.JPG", visit),
    }
    assert _counts(store) == counts
    assert len(store_listing(store.paths)["photos"]) == 1


def test_inspection_finalised_after_planning_is_refused(store: Store, folder: Path) -> None:
    visit = add_inspection(store, started=utc(2024, 5, 1, 1, 0))
    photo_at(folder, "IMG_1.JPG", "2024:05:01 09:10:00")
    plan = plan_camera_import(store, folder)
    assert plan.photos[0].inspection_id == visit
    with store.write() as s:
        insp = s.get(Inspection, visit)
        assert insp is not None
        insp.status, insp.finalised_at = "final", utc(2024, 5, 1, 2, 0)

    result = apply_camera_import(store, plan)

    assert result.imported == []
    assert result.unplaced == [
        ("IMG_1.JPG", "the inspection it belongs to is finalised (read-only)")
    ]
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(PhotoAttachment)) == 0
        assert s.scalar(select(func.count()).select_from(Photo)) == 0


def test_cancelled_import_attaches_nothing_half_way(store: Store, folder: Path) -> None:
    add_inspection(store, started=utc(2024, 5, 1, 1, 0))
    for i in range(6):
        photo_at(folder, f"{i}.jpg", f"2024:05:01 09:1{i}:00", seed=i)
    plan = plan_camera_import(store, folder)

    class CancelAfterFirst:
        def __init__(self) -> None:
            self.calls = 0

        def is_set(self) -> bool:
            self.calls += 1
            return self.calls > 3

    with pytest.raises(Cancelled):
        apply_camera_import(store, plan, cancel=CancelAfterFirst())
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(PhotoAttachment)) == 0
    assert store_listing(store.paths)["tmp"] == []


def test_a_missing_folder_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a folder"):
        plan_camera_import(store, tmp_path / "nowhere")
