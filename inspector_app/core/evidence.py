"""The photos behind findings, as the review and the rectification board show them: EXIF
time and place, and markers for a capture time outside the inspection's time window and for
a photo that also stands behind another finding."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app.core.db.models import (
    CheckItem,
    Finding,
    Inspection,
    Photo,
    PhotoAttachment,
    Point,
)
from inspector_app.core.paths import DataPaths, photo_path

#: How far a capture time may stray from [started_at, finalised_at] before it is marked.
#: Camera clocks are set by hand and drift by minutes; inspectors photograph on arrival
#: before opening the record and finalise it a little after leaving. Ten minutes covers
#: that; a photo from another visit (hours or days away) still stands out.
CAPTURE_SLACK = timedelta(minutes=10)


@dataclass(frozen=True)
class SharedUse:
    """Another finding that shows the same photo."""

    finding_id: str
    inspection_id: str
    point_code: str
    item_code: str


@dataclass(frozen=True)
class PhotoInfo:
    sha256: str
    path: Path  # the original in the photo store
    captured_at: datetime | None  # UTC; None when the camera recorded no usable time
    exif_time: str | None  # as the camera wrote it (camera clock, no zone)
    exif_offset: str | None
    gps_latitude: float | None
    gps_longitude: float | None
    width: int
    height: int
    #: capture time outside the inspection's window (± CAPTURE_SLACK); False when unknown
    outside_window: bool
    shared_with: tuple[SharedUse, ...]  # other findings attached to the same photo

    @property
    def time_unknown(self) -> bool:
        return self.captured_at is None


def outside_window(
    captured: datetime | None, started: datetime, finalised: datetime | None
) -> bool:
    if captured is None:
        return False
    end = finalised or started
    return captured < started - CAPTURE_SLACK or captured > end + CAPTURE_SLACK


def photos_of_findings(
    session: Session, paths: DataPaths, finding_ids: Iterable[str]
) -> dict[str, tuple[PhotoInfo, ...]]:
    """Each finding's photos in attach order, with their markers, in three queries."""
    ids = list(dict.fromkeys(finding_ids))
    if not ids:
        return {}
    rows = session.execute(
        select(PhotoAttachment, Photo, Inspection.started_at, Inspection.finalised_at)
        .join(Photo, Photo.sha256 == PhotoAttachment.photo_sha256)
        .join(Inspection, Inspection.id == PhotoAttachment.inspection_id)
        .where(PhotoAttachment.finding_id.in_(ids))
        .order_by(PhotoAttachment.attached_at, PhotoAttachment.id)
    ).all()
    shas = {photo.sha256 for _a, photo, _s, _f in rows}
    uses: dict[str, list[SharedUse]] = defaultdict(list)
    if shas:
        for sha, fid, iid, pcode, icode in session.execute(
            select(
                PhotoAttachment.photo_sha256,
                PhotoAttachment.finding_id,
                PhotoAttachment.inspection_id,
                Point.code,
                CheckItem.code,
            )
            .join(Finding, Finding.id == PhotoAttachment.finding_id)
            .join(CheckItem, CheckItem.id == Finding.item_id)
            .join(Inspection, Inspection.id == PhotoAttachment.inspection_id)
            .join(Point, Point.id == Inspection.point_id)
            .where(PhotoAttachment.photo_sha256.in_(shas))
            .order_by(PhotoAttachment.attached_at, PhotoAttachment.id)
        ):
            uses[sha].append(SharedUse(fid, iid, pcode, icode))
    result: dict[str, list[PhotoInfo]] = defaultdict(list)
    for att, photo, started, finalised in rows:
        assert att.finding_id is not None
        result[att.finding_id].append(
            PhotoInfo(
                sha256=photo.sha256,
                path=photo_path(paths, photo.sha256),
                captured_at=att.captured_at,
                exif_time=photo.exif_time,
                exif_offset=photo.exif_offset,
                gps_latitude=photo.gps_latitude,
                gps_longitude=photo.gps_longitude,
                width=photo.width,
                height=photo.height,
                outside_window=outside_window(att.captured_at, started, finalised),
                shared_with=tuple(u for u in uses[photo.sha256] if u.finding_id != att.finding_id),
            )
        )
    return {fid: tuple(result.get(fid, ())) for fid in ids}
