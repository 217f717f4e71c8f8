"""The store's records as bundle.json entries. The exporter writes them; the importer
compares an arriving inspection with the stored one through the very same function."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import pairwise
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app import __version__
from inspector_app.core import scoring
from inspector_app.core.bundle.format import photo_entry
from inspector_app.core.bundle.schema import (
    AttachmentEntry,
    BundleDoc,
    CatalogueRef,
    FindingEntry,
    InspectionEntry,
    PhotoEntry,
    PointEntry,
    ScoreEntry,
)
from inspector_app.core.catalogue_doc import parse_catalogue
from inspector_app.core.db.models import (
    CatalogueVersion,
    CheckItem,
    Finding,
    Inspection,
    Photo,
    PhotoAttachment,
    Point,
    PointType,
)


def stamp(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def point_entry(p: Point) -> PointEntry:
    return PointEntry(
        code=p.code,
        name=p.name,
        type=p.type_code,
        district=p.district,
        street=p.street,
        unit=p.unit,
        address=p.address,
        latitude=p.latitude,
        longitude=p.longitude,
    )


def photo_entry_of(p: Photo) -> PhotoEntry:
    return PhotoEntry(
        sha256=p.sha256,
        file=photo_entry(p.sha256, p.format),
        format=p.format,  # type: ignore[arg-type]
        size_bytes=p.size_bytes,
        width=p.width,
        height=p.height,
        exif_time=p.exif_time,
        exif_offset=p.exif_offset,
        gps_latitude=p.gps_latitude,
        gps_longitude=p.gps_longitude,
        orientation=p.orientation,
        original_name=p.original_name,
    )


def inspection_entry(session: Session, insp: Inspection) -> InspectionEntry:
    """One inspection as it travels: findings by item code, attachments by photo hash."""
    assert insp.finalised_at is not None
    return inspection_entries(session, [insp.id])[insp.id]


def inspection_entries(session: Session, ids: Sequence[str]) -> dict[str, InspectionEntry]:
    """`inspection_entry` for many inspections at once (a few queries in all, not a few
    per inspection): id → entry, for those of `ids` that exist and are finalised."""
    out: dict[str, InspectionEntry] = {}
    for start in range(0, len(ids), _CHUNK):
        out.update(_entries(session, ids[start : start + _CHUNK]))
    return out


#: ids per `IN (...)`, short enough for every database
_CHUNK = 500


def _entries(session: Session, ids: Sequence[str]) -> dict[str, InspectionEntry]:
    heads = session.execute(
        select(
            Inspection.id,
            Inspection.covert,
            Inspection.started_at,
            Inspection.finalised_at,
            Inspection.round_id,
            Inspection.assignment_id,
            Point.code,
            PointType.code,
            CatalogueVersion.code,
            CatalogueVersion.version,
        )
        .join(Point, Point.id == Inspection.point_id)
        .join(PointType, PointType.id == Inspection.point_type_id)
        .join(CatalogueVersion, CatalogueVersion.id == Inspection.catalogue_id)
        .where(Inspection.id.in_(ids), Inspection.finalised_at.is_not(None))
    ).all()
    findings: dict[str, list[Any]] = {head[0]: [] for head in heads}
    for row in session.execute(
        select(
            Finding.inspection_id,
            Finding.id,
            CheckItem.code,
            Finding.result,
            Finding.count,
            Finding.note,
            Finding.recorded_at,
            CheckItem.mode,
            CheckItem.cap,
            CheckItem.each,
        )
        .join(CheckItem, CheckItem.id == Finding.item_id)
        .where(Finding.inspection_id.in_(ids))
        .order_by(Finding.inspection_id, CheckItem.position)
    ):
        findings[row[0]].append(row)
    attachments: dict[str, list[AttachmentEntry]] = {head[0]: [] for head in heads}
    for insp_id, sha, finding_id, captured_at in session.execute(
        select(
            PhotoAttachment.inspection_id,
            PhotoAttachment.photo_sha256,
            PhotoAttachment.finding_id,
            PhotoAttachment.captured_at,
        ).where(PhotoAttachment.inspection_id.in_(ids))
    ):
        attachments[insp_id].append(
            AttachmentEntry(sha256=sha, finding=finding_id, captured_at=stamp(captured_at))
        )
    for listed in attachments.values():
        listed.sort(key=attachment_order)
    out: dict[str, InspectionEntry] = {}
    for (
        insp_id,
        covert,
        started_at,
        finalised_at,
        round_id,
        assignment_id,
        point,
        ptype,
        cat_code,
        cat_version,
    ) in heads:
        rows = findings[insp_id]
        sc = scoring.score(
            scoring.ScoredFinding(mode, cap, each, result, count)
            for _i, _f, _c, result, count, _n, _r, mode, cap, each in rows
        )
        out[insp_id] = InspectionEntry(
            id=insp_id,
            point=point,
            point_type=ptype,
            catalogue=CatalogueRef(code=cat_code, version=cat_version),
            covert=covert,
            started_at=stamp(started_at) or "",
            finalised_at=stamp(finalised_at) or "",
            round_id=round_id,
            assignment_id=assignment_id,
            score=ScoreEntry(deductions=sc.deductions, caps=sc.caps),
            findings=tuple(
                FindingEntry(
                    id=fid,
                    item=code,
                    result=result,
                    count=count,
                    note=note,
                    recorded_at=stamp(recorded_at) or "",
                )
                for _i, fid, code, result, count, note, recorded_at, _m, _cap, _e in rows
            ),
            attachments=tuple(attachments[insp_id]),
        )
    return out


def attachment_order(a: AttachmentEntry) -> tuple[str, bool, str]:
    """Attachments travel sorted by photo, the photo's own attachment (no finding) first.
    Sorted here rather than by the database, which would place that one first on SQLite
    and last on PostgreSQL."""
    return (a.sha256, a.finding is not None, a.finding or "")


@dataclass(frozen=True)
class ItemFacts:
    """What `inspection_entries` takes from a stored check item: its place in the point
    type (findings travel in that order) and how it scores."""

    position: int
    mode: str
    cap: float
    each: float | None


def _stored_stamp(text: str) -> str:
    """A time as it reads back from the store: in UTC, in `stamp`'s form (the schema has
    checked that it is ISO 8601 with a zone)."""
    return datetime.fromisoformat(text).astimezone(UTC).isoformat()


def storage_mismatch(entry: InspectionEntry, items: Mapping[str, ItemFacts]) -> str | None:
    """Why `entry`, once stored, would not read back from `inspection_entries` exactly as
    it is, or None: the same comparison as storing it and reading it back, without the
    reading. Everything else an entry holds is stored as given. `items`: its point type's
    items by code."""
    times = [entry.started_at, entry.finalised_at]
    times += [f.recorded_at for f in entry.findings]
    times += [a.captured_at for a in entry.attachments if a.captured_at is not None]
    for text in times:
        if _stored_stamp(text) != text:
            return f"the time {text!r} is not in UTC as the store gives it back"
    last = -1
    scored: list[scoring.ScoredFinding] = []
    for f in entry.findings:
        item = items.get(f.item)
        if item is None:
            return f"item {f.item} is not in its point type"
        if item.position <= last:
            return "its findings are not in the order of its checklist"
        last = item.position
        scored.append(scoring.ScoredFinding(item.mode, item.cap, item.each, f.result, f.count))
    keys = [attachment_order(a) for a in entry.attachments]
    if any(a >= b for a, b in pairwise(keys)):
        return "its photo attachments are not in order, or one is listed twice"
    sc = scoring.score(scored)
    if (sc.deductions, sc.caps) != (entry.score.deductions, entry.score.caps):
        return "its score does not match its findings"
    return None


def bundle_document(session: Session, inspection_ids: Sequence[str]) -> BundleDoc:
    """bundle.json for these (finalised) inspections, in the order given."""
    inspections = [session.get(Inspection, i) for i in inspection_ids]
    found = inspection_entries(session, [insp.id for insp in inspections if insp is not None])
    entries = [found[insp.id] for insp in inspections if insp is not None]
    point_codes = sorted({e.point for e in entries})
    points = session.scalars(select(Point).where(Point.code.in_(point_codes)).order_by(Point.code))
    shas = sorted({a.sha256 for e in entries for a in e.attachments})
    photos = session.scalars(select(Photo).where(Photo.sha256.in_(shas)).order_by(Photo.sha256))
    cat_ids = sorted({insp.catalogue_id for insp in inspections if insp is not None})
    catalogues = [
        parse_catalogue(c.document.encode("utf-8"), f"catalogue {c.code}:{c.version}")
        for c in session.scalars(
            select(CatalogueVersion)
            .where(CatalogueVersion.id.in_(cat_ids))
            .order_by(CatalogueVersion.code, CatalogueVersion.version)
        )
    ]
    return BundleDoc(
        format="inspector-bundle/1",
        generator=f"inspector-app {__version__}",
        catalogues=tuple(catalogues),
        points=tuple(point_entry(p) for p in points),
        photos=tuple(photo_entry_of(p) for p in photos),
        inspections=tuple(entries),
    )
