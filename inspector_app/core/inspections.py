"""Inspections: start at a point, record each item's result, attach photos, finalise.

Every service does one unit of work in one transaction, appends its audit events in that
same transaction, and returns frozen DTOs. A finalised inspection is read-only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from inspector_app.core import audit, scoring
from inspector_app.core.catalogue import ItemInfo, find_catalogue
from inspector_app.core.db.models import (
    CatalogueVersion,
    CheckItem,
    Finding,
    Inspection,
    LocalKey,
    Photo,
    PhotoAttachment,
    Point,
    PointType,
)
from inspector_app.core.db.types import utcnow
from inspector_app.core.errors import ConflictError, InputError, NotFoundError
from inspector_app.core.store import Store

DRAFT, FINAL, EXPORTED = "draft", "final", "exported"
STATUSES = (DRAFT, FINAL, EXPORTED)
MAX_NOTE = 2000
MIN_ID_PREFIX = 6
#: camera clocks carry no zone; photos attached at a point are read in the city's zone
DEFAULT_CAMERA_TZ = ZoneInfo("Asia/Shanghai")


# --- DTOs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PhotoRef:
    sha256: str
    format: str
    width: int
    height: int
    captured_at: datetime | None
    gps: tuple[float, float] | None

    def to_json(self) -> dict[str, object]:
        return {
            "sha256": self.sha256,
            "format": self.format,
            "width": self.width,
            "height": self.height,
            "captured_at": self.captured_at.isoformat() if self.captured_at else None,
            "gps": list(self.gps) if self.gps else None,
        }


@dataclass(frozen=True)
class ItemResult(ItemInfo):
    """One check item of an inspection with its finding (result None = unanswered)."""

    result: str | None
    count: int
    note: str
    deduction: float
    photos: tuple[PhotoRef, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            **super().to_json(),
            "result": self.result,
            "count": self.count,
            "note": self.note,
            "deduction": self.deduction,
            "photos": [p.to_json() for p in self.photos],
        }


@dataclass(frozen=True)
class InspectionSummary:
    id: str
    point_code: str
    point_name: str
    type_code: str
    type_name_zh: str
    type_name_en: str
    district: str
    unit: str
    catalogue: str
    status: str
    covert: bool
    started_at: datetime
    finalised_at: datetime | None
    updated_at: datetime
    items: int
    answered: int
    problems: int
    photos: int
    deductions: float
    caps: float
    origin_bundle_id: str | None
    origin_key_id: str | None
    round_id: str | None
    assignment_id: str | None

    @property
    def score_rate(self) -> float | None:
        return scoring.Score(self.deductions, self.caps).rate

    @property
    def origin(self) -> str:
        """Where the record comes from: made here, or a bundle and its signer's key."""
        if self.origin_bundle_id:
            return f"bundle {self.origin_bundle_id} signed by {self.origin_key_id}"
        return "local"

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "status": self.status,
            "point": self.point_code,
            "point_name": self.point_name,
            "type": self.type_code,
            "type_name_zh": self.type_name_zh,
            "type_name_en": self.type_name_en,
            "district": self.district,
            "unit": self.unit,
            "catalogue": self.catalogue,
            "covert": self.covert,
            "started_at": self.started_at.isoformat(),
            "finalised_at": self.finalised_at.isoformat() if self.finalised_at else None,
            "items": self.items,
            "answered": self.answered,
            "problems": self.problems,
            "photos": self.photos,
            "deductions": self.deductions,
            "caps": self.caps,
            "score_rate": self.score_rate,
            "origin": {"bundle": self.origin_bundle_id, "signer": self.origin_key_id}
            if self.origin_bundle_id
            else None,
            "round_id": self.round_id,
            "assignment_id": self.assignment_id,
        }


@dataclass(frozen=True)
class InspectionDetail:
    summary: InspectionSummary
    items: tuple[ItemResult, ...]
    #: photos attached to the inspection but not yet to one of its items
    unplaced_photos: tuple[PhotoRef, ...]

    @property
    def unanswered(self) -> tuple[str, ...]:
        return tuple(i.code for i in self.items if i.result is None)

    @property
    def missing_photos(self) -> tuple[str, ...]:
        """Items recorded as a problem that need a photo and have none."""
        return tuple(
            i.code
            for i in self.items
            if i.result == scoring.PROBLEM and i.needs_photo and not i.photos
        )

    def to_json(self) -> dict[str, object]:
        data = self.summary.to_json()
        data["unanswered"] = list(self.unanswered)
        data["findings"] = [i.to_json() for i in self.items]
        data["unplaced_photos"] = [p.to_json() for p in self.unplaced_photos]
        return data


@dataclass(frozen=True)
class FinaliseResult:
    summary: InspectionSummary
    unanswered: tuple[str, ...]


# --- lookups -------------------------------------------------------------------------------


def find_inspection(session: Session, ident: str) -> Inspection:
    """An inspection by id, or by a unique prefix of at least six characters."""
    ident = ident.strip().lower()
    row = session.get(Inspection, ident)
    if row is not None:
        return row
    if len(ident) >= MIN_ID_PREFIX:
        rows = session.scalars(
            select(Inspection).where(Inspection.id.startswith(ident, autoescape=True)).limit(2)
        ).all()
        if len(rows) == 1:
            return rows[0]
        if len(rows) > 1:
            raise InputError(f"'{ident}' matches several inspections; give more of the id")
    raise NotFoundError(f"no inspection with id {ident}")


def _editable(session: Session, ident: str) -> Inspection:
    insp = find_inspection(session, ident)
    if insp.status != DRAFT:
        raise ConflictError(
            f"inspection {insp.id} is {insp.status}; a finalised inspection cannot be changed"
        )
    return insp


def _item(session: Session, insp: Inspection, code: str) -> CheckItem:
    item = session.scalars(
        select(CheckItem).where(
            CheckItem.point_type_id == insp.point_type_id, CheckItem.code == code.strip().upper()
        )
    ).one_or_none()
    if item is None:
        raise NotFoundError(f"item {code} is not on this inspection's checklist")
    return item


# --- start ---------------------------------------------------------------------------------


def start_inspection(
    store: Store,
    point_code: str,
    *,
    covert: bool = True,
    catalogue: str | None = None,
    started_at: datetime | None = None,
    round_id: str | None = None,
    assignment_id: str | None = None,
) -> InspectionSummary:
    """Open a draft inspection at a point, walked against the point type's items in the
    chosen catalogue (default: the newest stored catalogue that has that point type)."""
    with store.write() as s:
        point = s.scalars(select(Point).where(Point.code == point_code.strip())).one_or_none()
        if point is None:
            raise NotFoundError(f"no point with code {point_code}")
        stmt = (
            select(PointType)
            .join(CatalogueVersion, PointType.catalogue_id == CatalogueVersion.id)
            .where(PointType.code == point.type_code)
        )
        if catalogue:
            stmt = stmt.where(CatalogueVersion.id == find_catalogue(s, catalogue).id)
        ptype = s.scalars(stmt.order_by(CatalogueVersion.added_at.desc()).limit(1)).first()
        if ptype is None:
            where = f"catalogue {catalogue}" if catalogue else "any stored catalogue"
            raise NotFoundError(f"point type {point.type_code} is not in {where}")
        key = s.scalars(select(LocalKey).order_by(LocalKey.created_at)).first()
        now = utcnow()
        insp = Inspection(
            point_id=point.id,
            catalogue_id=ptype.catalogue_id,
            point_type_id=ptype.id,
            local_key_id=key.id if key else None,
            covert=covert,
            status=DRAFT,
            started_at=started_at or now,
            updated_at=now,
            round_id=round_id,
            assignment_id=assignment_id,
        )
        s.add(insp)
        s.flush()
        audit.append_event(
            s,
            actor=store.actor,
            action="inspection.started",
            entity="inspection",
            entity_id=insp.id,
            detail={"point": point.code, "catalogue_id": ptype.catalogue_id, "covert": covert},
        )
        return _summaries(s, [insp])[0]


# --- record --------------------------------------------------------------------------------


def _checked_count(item: CheckItem, result: str, count: int | None) -> int:
    """The count stored for a result: instances (or missing ads) for a problem, else 0."""
    if result not in scoring.RESULTS:
        raise InputError(f"result must be one of {', '.join(scoring.RESULTS)}, not {result!r}")
    if count is not None and count < 0:
        raise InputError("count cannot be negative")
    if result != scoring.PROBLEM:
        if count:
            raise InputError(f"a count applies only to a problem, not to '{result}'")
        return 0
    if item.mode == scoring.PASS_FAIL:
        if count not in (None, 1):
            raise InputError(f"item {item.code} is judged pass/fail; it takes no count")
        return 1
    if count is None:
        return 1
    if count == 0:
        raise InputError(f"a problem on item {item.code} needs a count of at least 1")
    if item.mode == scoring.PER_MISSING and item.quota is not None and count > item.quota:
        raise InputError(f"item {item.code} requires {item.quota} ads; {count} cannot be missing")
    if count > 9999:
        raise InputError("count is implausibly large (over 9999)")
    return count


def record_finding(
    store: Store,
    inspection_id: str,
    item_code: str,
    result: str,
    *,
    count: int | None = None,
    note: str | None = None,
    photos: Sequence[Path] = (),
) -> ItemResult:
    """Record (or change) one item's result; `note=None` keeps the note, `""` clears it.

    Photos are ingested into the store first (files only); the finding, the photo rows
    and their attachments are then committed together, so a refused photo changes nothing.
    """
    if note is not None and len(note) > MAX_NOTE:
        raise InputError(f"the note is longer than {MAX_NOTE} characters")
    if note is not None and "\x00" in note:  # no bundle could carry it to the centre
        raise InputError("the note holds a NUL character")
    # Validate before touching any photo, so a refused record stores nothing at all.
    with store.read() as s:
        insp = _editable(s, inspection_id)
        _checked_count(_item(s, insp, item_code), result, count)
    ingested = _ingest(store, photos)
    with store.write() as s:
        insp = _editable(s, inspection_id)
        item = _item(s, insp, item_code)
        stored_count = _checked_count(item, result, count)
        finding = s.scalars(
            select(Finding).where(Finding.inspection_id == insp.id, Finding.item_id == item.id)
        ).one_or_none()
        now = utcnow()
        if finding is None:
            finding = Finding(
                inspection_id=insp.id,
                item_id=item.id,
                result=result,
                count=stored_count,
                note=note or "",
                recorded_at=now,
            )
            s.add(finding)
        else:
            finding.result, finding.count, finding.recorded_at = result, stored_count, now
            if note is not None:
                finding.note = note
        s.flush()
        insp.updated_at = now
        audit.append_event(
            s,
            actor=store.actor,
            action="finding.recorded",
            entity="finding",
            entity_id=finding.id,
            detail={
                "inspection": insp.id,
                "item": item.code,
                "result": result,
                "count": stored_count,
                "note": finding.note,
            },
        )
        _attach(s, store.actor, insp, finding, ingested)
        return _item_results(s, insp, only_item=item.id)[0]


def clear_finding(store: Store, inspection_id: str, item_code: str) -> None:
    """Make an item of a draft unanswered again (what undoing its first result needs).
    Its photos stay with the inspection, unplaced."""
    with store.write() as s:
        insp = _editable(s, inspection_id)
        item = _item(s, insp, item_code)
        finding = _finding_of(s, insp, item)
        if finding is None:
            return
        s.execute(
            update(PhotoAttachment)
            .where(PhotoAttachment.finding_id == finding.id)
            .values(finding_id=None)
        )
        s.delete(finding)
        insp.updated_at = utcnow()
        audit.append_event(
            s,
            actor=store.actor,
            action="finding.cleared",
            entity="finding",
            entity_id=finding.id,
            detail={"inspection": insp.id, "item": item.code},
        )


def attach_photos(
    store: Store, inspection_id: str, item_code: str, photos: Sequence[Path]
) -> ItemResult:
    """Attach photos to an item already recorded in a draft inspection."""
    with store.read() as s:
        insp = _editable(s, inspection_id)
        item = _item(s, insp, item_code)
        if _finding_of(s, insp, item) is None:
            raise InputError(f"record a result for item {item.code} before adding photos")
    ingested = _ingest(store, photos)
    with store.write() as s:
        insp = _editable(s, inspection_id)
        item = _item(s, insp, item_code)
        finding = _finding_of(s, insp, item)
        if finding is None:
            raise InputError(f"record a result for item {item.code} before adding photos")
        _attach(s, store.actor, insp, finding, ingested)
        insp.updated_at = utcnow()
        return _item_results(s, insp, only_item=item.id)[0]


def detach_photo(
    store: Store, inspection_id: str, sha256: str, *, item_code: str | None = None
) -> None:
    """Take a photo off one item of a draft inspection (or off the whole inspection when
    no item is named); the stored original stays in the photo store."""
    with store.write() as s:
        insp = _editable(s, inspection_id)
        stmt = select(PhotoAttachment).where(
            PhotoAttachment.inspection_id == insp.id, PhotoAttachment.photo_sha256 == sha256
        )
        if item_code is not None:
            finding = _finding_of(s, insp, _item(s, insp, item_code))
            if finding is None:
                raise NotFoundError(f"item {item_code} has no recorded result")
            stmt = stmt.where(PhotoAttachment.finding_id == finding.id)
        atts = s.scalars(stmt).all()
        if not atts:
            raise NotFoundError(f"photo {sha256[:12]}… is not attached there")
        for att in atts:
            s.delete(att)
        insp.updated_at = utcnow()
        audit.append_event(
            s,
            actor=store.actor,
            action="photo.detached",
            entity="inspection",
            entity_id=insp.id,
            detail={"sha256": sha256, "item": item_code},
        )


def move_photo(
    store: Store,
    inspection_id: str,
    sha256: str,
    *,
    from_item: str | None,
    to_item: str | None,
) -> None:
    """Move a photo within a draft inspection: from one of its unplaced photos (`from_item`
    None) or from an item, onto an item or back among the unplaced ones (`to_item` None).

    The attachment keeps its capture time (a camera import resolved it with the camera's
    clock offset and zone, which re-reading the EXIF would lose). Refused when the photo is
    not there, the target item has no recorded result, or the photo is on it already.
    """
    if from_item is None and to_item is None:
        raise InputError("a photo is moved onto an item or off one; neither was named")
    with store.write() as s:
        insp = _editable(s, inspection_id)

        def finding_id(code: str) -> str:
            item = _item(s, insp, code)
            finding = _finding_of(s, insp, item)
            if finding is None:
                raise InputError(f"record a result for item {item.code} before adding photos")
            return finding.id

        source = None if from_item is None else finding_id(from_item)
        target = None if to_item is None else finding_id(to_item)
        atts = s.scalars(
            select(PhotoAttachment).where(
                PhotoAttachment.inspection_id == insp.id, PhotoAttachment.photo_sha256 == sha256
            )
        ).all()
        att = next((a for a in atts if a.finding_id == source), None)
        if att is None:
            where = f"on item {from_item}" if from_item else "among the unplaced photos"
            raise NotFoundError(f"photo {sha256[:12]}… is not {where}")
        if source == target:
            return
        if target is not None and any(a.finding_id == target for a in atts):
            raise ConflictError(f"photo {sha256[:12]}… is already on item {to_item}")
        if target is None and any(a.finding_id is None for a in atts):
            s.delete(att)  # already among the unplaced: one row is enough
        else:
            att.finding_id = target
        insp.updated_at = utcnow()
        audit.append_event(
            s,
            actor=store.actor,
            action="photo.moved",
            entity="inspection",
            entity_id=insp.id,
            detail={"sha256": sha256, "from": from_item, "to": to_item},
        )


def reattach_photo(
    store: Store,
    inspection_id: str,
    item_code: str,
    sha256: str,
    *,
    captured_at: datetime | None,
) -> None:
    """Put a photo that is already in the store back on an item with the capture time it
    had (what undoing a detach needs: no re-ingest, no time read again). Nothing happens
    when it is on the item already."""
    with store.write() as s:
        insp = _editable(s, inspection_id)
        item = _item(s, insp, item_code)
        finding = _finding_of(s, insp, item)
        if finding is None:
            raise InputError(f"record a result for item {item.code} before adding photos")
        if s.get(Photo, sha256) is None:
            raise NotFoundError(f"photo {sha256[:12]}… is not in the photo store")
        exists = s.scalar(
            select(PhotoAttachment.id).where(
                PhotoAttachment.finding_id == finding.id, PhotoAttachment.photo_sha256 == sha256
            )
        )
        if exists is not None:
            return
        s.add(
            PhotoAttachment(
                inspection_id=insp.id,
                finding_id=finding.id,
                photo_sha256=sha256,
                captured_at=captured_at,
            )
        )
        insp.updated_at = utcnow()
        audit.append_event(
            s,
            actor=store.actor,
            action="photo.attached",
            entity="finding",
            entity_id=finding.id,
            detail={"inspection": insp.id, "sha256": sha256, "restored": True},
        )


def _finding_of(s: Session, insp: Inspection, item: CheckItem) -> Finding | None:
    return s.scalars(
        select(Finding).where(Finding.inspection_id == insp.id, Finding.item_id == item.id)
    ).one_or_none()


def _ingest(store: Store, files: Sequence[Path]) -> list[object]:
    if not files:
        return []
    from inspector_app.core.photos import ingest_photo

    return [ingest_photo(store.paths, Path(f)) for f in files]


def _attach(
    s: Session, actor: str, insp: Inspection, finding: Finding, ingested: Iterable[object]
) -> None:
    from inspector_app.core.photos import IngestedPhoto, capture_time_utc, record_photo

    for photo in ingested:
        assert isinstance(photo, IngestedPhoto)
        record_photo(s, photo, actor=actor)
        atts = s.scalars(
            select(PhotoAttachment).where(
                PhotoAttachment.inspection_id == insp.id,
                PhotoAttachment.photo_sha256 == photo.sha256,
            )
        ).all()
        if any(a.finding_id == finding.id for a in atts):
            continue
        # A photo imported for the inspection but not yet placed is placed on this item.
        att = next((a for a in atts if a.finding_id is None), None)
        if att is None:
            att = PhotoAttachment(
                inspection_id=insp.id,
                photo_sha256=photo.sha256,
                captured_at=capture_time_utc(
                    photo.exif_time, photo.exif_offset, camera_tz=DEFAULT_CAMERA_TZ
                ),
            )
            s.add(att)
        att.finding_id = finding.id
        s.flush()
        audit.append_event(
            s,
            actor=actor,
            action="photo.attached",
            entity="finding",
            entity_id=finding.id,
            detail={"inspection": insp.id, "sha256": photo.sha256, "name": photo.original_name},
        )


# --- finalise ------------------------------------------------------------------------------


def finalise_inspection(
    store: Store, inspection_id: str, *, at: datetime | None = None
) -> FinaliseResult:
    """Make a draft final (read-only). Refused while a problem that needs a photo has
    none or nothing was answered; unanswered items are allowed and listed. `at` (the end
    of the visit) defaults to now."""
    with store.write() as s:
        insp = _editable(s, inspection_id)
        items = _item_results(s, insp)
        detail = InspectionDetail(_summaries(s, [insp])[0], tuple(items), ())
        if not any(i.result for i in items):
            raise InputError("nothing has been recorded in this inspection yet")
        missing = detail.missing_photos
        if missing:
            raise InputError(
                f"{len(missing)} problem(s) need a photo before the inspection can be finalised",
                details=[f"{code}: problem recorded without a photo" for code in missing],
            )
        now = utcnow()
        insp.status, insp.finalised_at, insp.updated_at = FINAL, at or now, now
        audit.append_event(
            s,
            actor=store.actor,
            action="inspection.finalised",
            entity="inspection",
            entity_id=insp.id,
            detail={"unanswered": list(detail.unanswered), "problems": detail.summary.problems},
        )
        return FinaliseResult(_summaries(s, [insp])[0], detail.unanswered)


# --- read ----------------------------------------------------------------------------------


def get_inspection(store: Store, inspection_id: str) -> InspectionDetail:
    with store.read() as s:
        insp = find_inspection(s, inspection_id)
        items = _item_results(s, insp)
        return InspectionDetail(_summaries(s, [insp])[0], tuple(items), _unplaced(s, insp))


def list_inspections(
    store: Store, *, status: str | None = None, limit: int | None = None
) -> list[InspectionSummary]:
    """Inspections, newest first."""
    if status is not None and status not in STATUSES:
        raise InputError(f"status must be one of {', '.join(STATUSES)}")
    with store.read() as s:
        stmt = select(Inspection).order_by(Inspection.started_at.desc(), Inspection.id)
        if status:
            stmt = stmt.where(Inspection.status == status)
        if limit:
            stmt = stmt.limit(limit)
        return _summaries(s, list(s.scalars(stmt)))


def _photo_ref(att: PhotoAttachment, photo: Photo) -> PhotoRef:
    gps = None
    if photo.gps_latitude is not None and photo.gps_longitude is not None:
        gps = (photo.gps_latitude, photo.gps_longitude)
    return PhotoRef(photo.sha256, photo.format, photo.width, photo.height, att.captured_at, gps)


def _unplaced(s: Session, insp: Inspection) -> tuple[PhotoRef, ...]:
    rows = s.execute(
        select(PhotoAttachment, Photo)
        .join(Photo, Photo.sha256 == PhotoAttachment.photo_sha256)
        .where(PhotoAttachment.inspection_id == insp.id, PhotoAttachment.finding_id.is_(None))
        .order_by(PhotoAttachment.captured_at, PhotoAttachment.attached_at)
    ).all()
    return tuple(_photo_ref(a, p) for a, p in rows)


def _item_results(
    s: Session, insp: Inspection, *, only_item: str | None = None
) -> list[ItemResult]:
    items_stmt = (
        select(CheckItem)
        .where(CheckItem.point_type_id == insp.point_type_id)
        .order_by(CheckItem.position)
    )
    if only_item:
        items_stmt = items_stmt.where(CheckItem.id == only_item)
    findings = {
        f.item_id: f for f in s.scalars(select(Finding).where(Finding.inspection_id == insp.id))
    }
    photos: dict[str, list[PhotoRef]] = defaultdict(list)
    for att, photo in s.execute(
        select(PhotoAttachment, Photo)
        .join(Photo, Photo.sha256 == PhotoAttachment.photo_sha256)
        .where(PhotoAttachment.inspection_id == insp.id, PhotoAttachment.finding_id.is_not(None))
        .order_by(PhotoAttachment.attached_at)
    ):
        assert att.finding_id is not None
        photos[att.finding_id].append(_photo_ref(att, photo))
    out = []
    for item in s.scalars(items_stmt):
        f = findings.get(item.id)
        lost = 0.0
        if f:
            lost = scoring.deduction(
                scoring.ScoredFinding(item.mode, item.cap, item.each, f.result, f.count)
            )
        info = ItemInfo.from_row(item)
        out.append(
            ItemResult(
                **{k.name: getattr(info, k.name) for k in fields(ItemInfo)},
                result=f.result if f else None,
                count=f.count if f else 0,
                note=f.note if f else "",
                deduction=lost,
                photos=tuple(photos.get(f.id, ())) if f else (),
            )
        )
    return out


def _summaries(s: Session, inspections: list[Inspection]) -> list[InspectionSummary]:
    """Summaries with counts and scores, in a fixed number of queries for any list size."""
    if not inspections:
        return []
    ids = [i.id for i in inspections]
    out: list[InspectionSummary] = []
    # SQLite limits bound parameters; chunk long lists.
    for start in range(0, len(ids), 500):
        chunk = inspections[start : start + 500]
        out.extend(_summaries_chunk(s, chunk))
    return out


def _summaries_chunk(s: Session, inspections: list[Inspection]) -> list[InspectionSummary]:
    ids = [i.id for i in inspections]
    points = {
        p.id: p
        for p in s.scalars(select(Point).where(Point.id.in_({i.point_id for i in inspections})))
    }
    types = {
        t.id: t
        for t in s.scalars(
            select(PointType).where(PointType.id.in_({i.point_type_id for i in inspections}))
        )
    }
    catalogues = {
        c.id: f"{c.code}:{c.version}"
        for c in s.scalars(
            select(CatalogueVersion).where(
                CatalogueVersion.id.in_({i.catalogue_id for i in inspections})
            )
        )
    }
    item_counts = dict(
        s.execute(
            select(CheckItem.point_type_id, func.count())
            .where(CheckItem.point_type_id.in_(types))
            .group_by(CheckItem.point_type_id)
        )
        .tuples()
        .all()
    )
    scored: dict[str, list[scoring.ScoredFinding]] = defaultdict(list)
    for insp_id, mode, cap, each, result, cnt in s.execute(
        select(
            Finding.inspection_id,
            CheckItem.mode,
            CheckItem.cap,
            CheckItem.each,
            Finding.result,
            Finding.count,
        )
        .join(CheckItem, CheckItem.id == Finding.item_id)
        .where(Finding.inspection_id.in_(ids))
    ).tuples():
        scored[insp_id].append(scoring.ScoredFinding(mode, cap, each, result, cnt))
    photo_counts = dict(
        s.execute(
            select(PhotoAttachment.inspection_id, func.count())
            .where(PhotoAttachment.inspection_id.in_(ids))
            .group_by(PhotoAttachment.inspection_id)
        )
        .tuples()
        .all()
    )
    out = []
    for insp in inspections:
        point, ptype = points[insp.point_id], types[insp.point_type_id]
        fs = scored.get(insp.id, [])
        sc = scoring.score(fs)
        out.append(
            InspectionSummary(
                id=insp.id,
                point_code=point.code,
                point_name=point.name,
                type_code=ptype.code,
                type_name_zh=ptype.name_zh,
                type_name_en=ptype.name_en,
                district=point.district,
                unit=point.unit,
                catalogue=catalogues.get(insp.catalogue_id, ""),
                status=insp.status,
                covert=insp.covert,
                started_at=insp.started_at,
                finalised_at=insp.finalised_at,
                updated_at=insp.updated_at,
                items=item_counts.get(ptype.id, 0),
                answered=len(fs),
                problems=sum(1 for f in fs if f.result == scoring.PROBLEM),
                photos=photo_counts.get(insp.id, 0),
                deductions=sc.deductions,
                caps=sc.caps,
                origin_bundle_id=insp.origin_bundle_id,
                origin_key_id=insp.origin_key_id,
                round_id=insp.round_id,
                assignment_id=insp.assignment_id,
            )
        )
    return out
