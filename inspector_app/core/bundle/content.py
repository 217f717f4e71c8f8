"""The store's records as bundle.json entries. The exporter writes them; the importer
compares an arriving inspection with the stored one through the very same function."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

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
    point = session.get(Point, insp.point_id)
    ptype = session.get(PointType, insp.point_type_id)
    cat = session.get(CatalogueVersion, insp.catalogue_id)
    assert point is not None and ptype is not None and cat is not None
    rows = session.execute(
        select(Finding, CheckItem)
        .join(CheckItem, CheckItem.id == Finding.item_id)
        .where(Finding.inspection_id == insp.id)
        .order_by(CheckItem.position)
    ).all()
    findings = tuple(
        FindingEntry(
            id=f.id,
            item=item.code,
            result=f.result,
            count=f.count,
            note=f.note,
            recorded_at=stamp(f.recorded_at) or "",
        )
        for f, item in rows
    )
    sc = scoring.score(
        scoring.ScoredFinding(item.mode, item.cap, item.each, f.result, f.count) for f, item in rows
    )
    attachments = tuple(
        AttachmentEntry(
            sha256=a.photo_sha256, finding=a.finding_id, captured_at=stamp(a.captured_at)
        )
        for a in session.scalars(
            select(PhotoAttachment)
            .where(PhotoAttachment.inspection_id == insp.id)
            .order_by(PhotoAttachment.photo_sha256, PhotoAttachment.finding_id)
        )
    )
    assert insp.finalised_at is not None
    return InspectionEntry(
        id=insp.id,
        point=point.code,
        point_type=ptype.code,
        catalogue=CatalogueRef(code=cat.code, version=cat.version),
        covert=insp.covert,
        started_at=stamp(insp.started_at) or "",
        finalised_at=stamp(insp.finalised_at) or "",
        round_id=insp.round_id,
        assignment_id=insp.assignment_id,
        score=ScoreEntry(deductions=sc.deductions, caps=sc.caps),
        findings=findings,
        attachments=attachments,
    )


def bundle_document(session: Session, inspection_ids: Sequence[str]) -> BundleDoc:
    """bundle.json for these (finalised) inspections, in the order given."""
    inspections = [session.get(Inspection, i) for i in inspection_ids]
    entries = [inspection_entry(session, insp) for insp in inspections if insp is not None]
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
