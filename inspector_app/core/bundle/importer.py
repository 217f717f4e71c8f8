"""Import at the command centre: the arrival rules of DESIGN §5 and the all-or-nothing
import of a verified bundle.

Bundles arrive in any order. A bundle whose id was imported before with the same bytes is
"already imported" (nothing to do); the same id with other bytes is a conflict; a (key,
export sequence) pair already used by another bundle id is a replay. An inspection that is
already here with identical content (as `content.inspection_entries` serialises it) is
skipped; with other content the whole bundle is refused as a conflict and nothing is
overwritten. Late sequence numbers are fine: the keyring lists the missing ones.

`import_bundle` works in one write transaction: the arrival rules (once, under the write
lock), the photos copied into temp files, then catalogues, points the register lacks,
inspections with their findings and photo attachments, the bundle record and its links,
the key's last export sequence and the audit events; the originals are fsynced and
renamed into the content-addressed store before the commit (named by their hash, a photo
file without its row is harmless; a row without its file cannot happen). `import_files`
commits bundles by groups, a savepoint each.

Several supervisors may import into one shared store at once: a group's transaction holds
the store's writer lock (engine.py) from its first statement, and each bundle is verified
and judged inside it, so a bundle another supervisor imported a moment before is simply
ALREADY_IMPORTED. A database failure in the middle of a group (the connection lost, the
server stopped) rolls the whole group back: each of its bundles is reported not imported,
with the reason, and the run stops there (see `_import_group`); importing the same files
again brings them in exactly once.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from inspector_app.core import audit
from inspector_app.core.bundle.content import ItemFacts, inspection_entries, storage_mismatch
from inspector_app.core.bundle.schema import InspectionEntry, PhotoEntry
from inspector_app.core.bundle.verified import BundleRejected, TrustedKey, VerifiedBundle
from inspector_app.core.catalogue import add_catalogue_in
from inspector_app.core.catalogue_doc import content_sha256 as catalogue_sha256
from inspector_app.core.db.bulk import insert_rows
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
)
from inspector_app.core.db.types import utcnow
from inspector_app.core.errors import (
    Cancelled,
    ConflictError,
    InspectorError,
    PhotoError,
)
from inspector_app.core.gc_pause import gc_paused
from inspector_app.core.photos import (
    CancelToken,
    IngestedPhoto,
    OriginalsBatch,
    insert_photo_rows,
    make_thumbnails,
    parse_exif_offset,
)
from inspector_app.core.store import Store

IMPORT = "import"
FINAL = "final"

OK, REJECTED, ALREADY_IMPORTED, IMPORTED = "OK", "REJECTED", "ALREADY_IMPORTED", "IMPORTED"
VERDICTS = (OK, REJECTED, ALREADY_IMPORTED, IMPORTED)
BUNDLE_SUFFIXES = (".zip", ".zip.age")

ProgressCallback = Callable[[int, int], None]
#: what `reader.open_verified` is given to find the key a signature names
TrustedLookup = Callable[[str], TrustedKey | None]


# --- DTOs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Arrival:
    """What the store makes of a verified bundle: new, already imported, or refused."""

    status: Literal["new", "already_imported", "rejected"]
    reason: str = ""
    #: inspections already here with identical content (skipped on import)
    skipped: frozenset[str] = frozenset()

    @property
    def ok(self) -> bool:
        return self.status != "rejected"


@dataclass(frozen=True)
class ImportResult:
    status: Literal["imported", "already_imported"]
    bundle_id: str
    signer_name: str
    signer_code: str
    key_id: str
    sequence: int
    imported: tuple[str, ...]  # inspection ids added
    skipped: tuple[str, ...]  # inspection ids already here with identical content
    photos_added: int
    #: photos added without their thumbnails yet (imported with `thumbnails=False`)
    new_photos: tuple[str, ...] = ()


@dataclass(frozen=True)
class BundleReport:
    """One bundle file's outcome, for `verify` / `import` and the window."""

    file: str
    verdict: str  # OK | REJECTED | ALREADY_IMPORTED | IMPORTED
    bundle_id: str | None = None
    signer_name: str | None = None
    signer_code: str | None = None
    key_id: str | None = None
    sequence: int | None = None
    inspections: int = 0
    photos: int = 0
    encrypted: bool = False
    imported: int = 0
    skipped: int = 0
    photos_added: int = 0
    reason: str | None = None
    #: photos added without their thumbnails yet (`import_files(thumbnails=False)`)
    new_photos: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Valid: OK, imported or already imported (a refusal is the only failure)."""
        return self.verdict != REJECTED

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.bundle_id,
            "file": self.file,
            "verdict": self.verdict,
            "ok": self.ok,
            "bundle_id": self.bundle_id,
            "signer": None
            if self.key_id is None
            else {"name": self.signer_name, "code": self.signer_code, "key_id": self.key_id},
            "sequence": self.sequence,
            "encrypted": self.encrypted,
            "inspections": self.inspections,
            "photos": self.photos,
            "imported": self.imported,
            "skipped": self.skipped,
            "photos_added": self.photos_added,
            "reason": self.reason,
        }


# --- arrival rules ---------------------------------------------------------------------------


def _chunks(values: Sequence[str], size: int = 500) -> Iterator[Sequence[str]]:
    """Slices short enough for one `IN (...)` on every database."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _rejected(reason: str) -> Arrival:
    return Arrival("rejected", reason)


def _stored_catalogue(session: Session, code: str, version: str) -> tuple[str, str] | None:
    """The stored catalogue version's (id, content SHA-256), or None; remembered for the
    transaction once found (a stored catalogue is never changed by an import)."""
    known = _lookups(session).catalogues
    found = known.get((code, version))
    if found is None:
        row = (
            session.connection()
            .execute(
                select(CatalogueVersion.id, CatalogueVersion.content_sha256).where(
                    CatalogueVersion.code == code, CatalogueVersion.version == version
                )
            )
            .first()
        )
        if row is None:
            return None
        found = known[(code, version)] = (row.id, row.content_sha256)
    return found


_digests: dict[str, str] = {}


def _catalogue_digest(cat: Any) -> str:
    """`catalogue_doc.content_sha256`, remembered for the last few documents: every bundle
    carries the catalogue again, and its canonical JSON takes five times as long to make as
    the model's own JSON, which the memory is keyed on (equal documents dump equally)."""
    key = cat.model_dump_json()
    digest = _digests.get(key)
    if digest is None:
        digest = catalogue_sha256(cat)
        if len(_digests) >= 8:
            _digests.clear()
        _digests[key] = digest
    return digest


# The statements run for every bundle, built once: building a statement costs several times
# what running it does.
_BUNDLE_BY_ID = select(Bundle.direction, Bundle.content_sha256).where(
    Bundle.id == bindparam("bundle_id")
)
_SEQUENCE_USED_BY = (
    select(Bundle.id)
    .where(
        Bundle.direction == IMPORT,
        Bundle.key_id == bindparam("key_id"),
        Bundle.export_sequence == bindparam("sequence"),
    )
    .limit(1)
)
_INSPECTIONS_HERE = select(Inspection.id, Inspection.status, Inspection.finalised_at).where(
    Inspection.id.in_(bindparam("ids", expanding=True))
)
_FINDINGS_HERE = select(Finding.id).where(Finding.id.in_(bindparam("ids", expanding=True)))
_PHOTOS_HERE = select(Photo.sha256).where(Photo.sha256.in_(bindparam("ids", expanding=True)))
_POINT_BY_CODE = select(Point.id).where(Point.code == bindparam("code"))
_KEY_SEQUENCE = (
    update(EnrolledKey)
    .where(
        EnrolledKey.key_id == bindparam("signer_key"),
        or_(
            EnrolledKey.last_export_sequence.is_(None),
            EnrolledKey.last_export_sequence < bindparam("signed_sequence"),
        ),
    )
    .values(last_export_sequence=bindparam("signed_sequence"))
)


def arrival_verdict(session: Session, vb: VerifiedBundle) -> Arrival:
    """Apply DESIGN §5's arrival rules to a verified bundle against what the store holds."""
    if vb.signer.revoked:
        return _rejected(f"the signing key {vb.key_id} is revoked")
    conn = session.connection()  # Core: these run once a bundle, the ORM's cost shows
    before = conn.execute(_BUNDLE_BY_ID, {"bundle_id": vb.bundle_id}).first()
    if before is not None:
        if before.direction == IMPORT and before.content_sha256 == vb.content_sha256:
            return Arrival("already_imported")
        if before.direction != IMPORT:
            return _rejected(
                f"conflict: bundle ID {vb.bundle_id} is a bundle exported from this data folder"
            )
        return _rejected("conflict: bundle ID was imported before with other content")
    used_by = conn.execute(
        _SEQUENCE_USED_BY, {"key_id": vb.key_id, "sequence": vb.sequence}
    ).scalar()
    if used_by is not None:
        return _rejected(
            f"replay: sequence {vb.sequence} of key {vb.key_id} was already used by "
            f"bundle {used_by}"
        )
    for cat in vb.doc.catalogues:
        row = _stored_catalogue(session, cat.code, cat.version)
        if row is not None and row[1] != _catalogue_digest(cat):
            return _rejected(
                f"conflict: catalogue {cat.code} {cat.version} is stored here with other content"
            )
    skipped: set[str] = set()
    here = {
        row.id: row
        for chunk in _chunks([e.id for e in vb.doc.inspections])
        for row in conn.execute(_INSPECTIONS_HERE, {"ids": list(chunk)})
    }
    arriving = [f.id for e in vb.doc.inspections if e.id not in here for f in e.findings]
    clashes = {
        fid
        for chunk in _chunks(arriving)
        for fid in conn.execute(_FINDINGS_HERE, {"ids": list(chunk)}).scalars()
    }
    # Those already here, read back as they would travel, in one go.
    final_here = [i for i, row in here.items() if row.status != "draft" and row.finalised_at]
    travelled = inspection_entries(session, final_here) if final_here else {}
    for entry in vb.doc.inspections:
        stored = here.get(entry.id)
        if stored is None:
            clash = next((f.id for f in entry.findings if f.id in clashes), None)
            if clash is not None:
                return _rejected(
                    f"conflict: finding {clash} of inspection {entry.id} already exists here "
                    "under another inspection"
                )
            continue
        if stored.status == "draft" or stored.finalised_at is None:
            return _rejected(
                f"conflict: inspection {entry.id} exists here as a draft; nothing was overwritten"
            )
        if travelled[entry.id] != entry:
            return _rejected(
                f"conflict: inspection {entry.id} is already here with other content; "
                "nothing was overwritten"
            )
        skipped.add(entry.id)
    return Arrival("new", skipped=frozenset(skipped))


# --- import ----------------------------------------------------------------------------------


def _time(text: str) -> datetime:
    """A bundle.json time (the schema has checked it is ISO 8601 with a zone)."""
    return datetime.fromisoformat(text)


def _missing_photos(session: Session, vb: VerifiedBundle) -> set[str]:
    wanted = sorted({m.sha256 for m in vb.photos})
    have = {
        sha
        for chunk in _chunks(wanted)
        for sha in session.connection().execute(_PHOTOS_HERE, {"ids": list(chunk)}).scalars()
    }
    return {sha for sha in wanted if sha not in have}


def _photo_of(entry: PhotoEntry) -> IngestedPhoto:
    """A photo as bundle.json describes it. The verifier has held its format, size and
    pixel dimensions against the bytes; the rest is what the signer's own ingest read from
    these very bytes (the signature covers both), so the EXIF is not parsed again here."""
    exif_time = None
    if entry.exif_time is not None:
        try:
            exif_time = datetime.fromisoformat(entry.exif_time)
        except ValueError:
            exif_time = None
        if exif_time is None or exif_time.tzinfo is not None:
            raise BundleRejected(
                f"bundle.json gives photo {entry.sha256} an EXIF time that is not a camera "
                f"clock reading ({entry.exif_time!r})"
            )
    if entry.exif_offset is not None and parse_exif_offset(entry.exif_offset) is None:
        raise BundleRejected(
            f"bundle.json gives photo {entry.sha256} an EXIF offset that is not ±HH:MM "
            f"({entry.exif_offset!r})"
        )
    if (entry.gps_latitude is None) != (entry.gps_longitude is None):
        raise BundleRejected(f"bundle.json gives photo {entry.sha256} half a GPS position")
    return IngestedPhoto(
        sha256=entry.sha256,
        size_bytes=entry.size_bytes,
        format=entry.format,
        width=entry.width,
        height=entry.height,
        exif_time=exif_time,
        exif_offset=entry.exif_offset,
        gps_latitude=entry.gps_latitude,
        gps_longitude=entry.gps_longitude,
        orientation=entry.orientation,
        original_name=entry.original_name,
    )


def _store_photos(
    store: Store,
    vb: VerifiedBundle,
    missing: set[str],
    cancel: CancelToken | None,
    thumbnails: bool,
    batch: OriginalsBatch,
) -> dict[str, IngestedPhoto]:
    """Copy these photos of the bundle, straight from the verified zip, into `batch`
    (made durable before the transaction commits); with `thumbnails`, settle them at once
    and decode each in full into its thumbnail too. A bundle verified with its photos
    deferred has every photo checked as it is read (those already here too)."""
    from inspector_app.core.bundle.reader import check_deferred_photo

    todo = list({m.sha256: m for m in vb.photos if m.sha256 in missing}.values())
    others = [m for m in vb.photos if m.sha256 not in missing] if vb.photos_deferred else []
    if not todo and not others:
        return {}
    described = {p.sha256: p for p in vb.doc.photos}
    out = {m.sha256: _photo_of(described[m.sha256]) for m in todo}
    check = None
    if vb.photos_deferred:
        members = {m.sha256: m for m in vb.photos}

        def check(sha: str, digest: str, crc: int) -> None:
            check_deferred_photo(members[sha], digest, crc)

    try:
        batch.add(
            vb.zip_path,
            [(m.sha256, m.offset, m.size) for m in todo],
            cancel=cancel,
            check=check,
            check_only=[(m.sha256, m.offset, m.size) for m in others],
        )
        if thumbnails:
            batch.settle()
            failed = make_thumbnails(store.paths, [m.sha256 for m in todo], cancel=cancel)
            for sha, reason in sorted(failed.items())[:1]:
                raise BundleRejected(f"photo {sha}: {reason}")
    except KeyError as exc:
        raise BundleRejected(f"photo entry {exc} is no longer in the bundle file") from None
    except PhotoError as exc:
        raise BundleRejected(f"photo cannot be stored: {exc.reason}") from None
    except OSError as exc:
        raise BundleRejected(f"photos cannot be read from the bundle ({exc})") from None
    return out


def _signer(vb: VerifiedBundle) -> tuple[str, str]:
    return vb.signer.name, vb.signer.code


def _add_point(session: Session, vb: VerifiedBundle, code: str, events: list[audit.Event]) -> str:
    """The id of the point with this code, added from the bundle's description when the
    register lacks it (its `point.added` event goes into `events`)."""
    point_id = session.connection().execute(_POINT_BY_CODE, {"code": code}).scalar()
    if point_id is not None:  # the register's own description wins
        return str(point_id)
    desc = next(p for p in vb.doc.points if p.code == code)
    point = Point(
        code=desc.code,
        name=desc.name,
        type_code=desc.type,
        district=desc.district,
        street=desc.street,
        unit=desc.unit,
        address=desc.address,
        latitude=desc.latitude,
        longitude=desc.longitude,
    )
    session.add(point)
    session.flush()
    events.append(
        (
            "point.added",
            "point",
            point.code,
            {"from_bundle": vb.bundle_id, "name": desc.name, "type": desc.type},
        )
    )
    return point.id


@dataclass
class _Lookups:
    """Ids of rows already in the store, remembered across the bundles of a transaction
    (forgotten whenever a bundle is rolled back to its savepoint: what it added is gone)."""

    #: (code, version) → (id, content SHA-256)
    catalogues: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    types: dict[tuple[str, str], str] = field(default_factory=dict)
    #: point type id → item code → item id
    items: dict[str, dict[str, str]] = field(default_factory=dict)
    #: point type id → item code → what reading an inspection back takes of the item
    facts: dict[str, dict[str, ItemFacts]] = field(default_factory=dict)
    points: dict[str, str] = field(default_factory=dict)
    #: enrolled keys by id, as the verifier sees them
    keys: dict[str, TrustedKey | None] = field(default_factory=dict)


_LOOKUPS = "inspector.import.lookups"


def _lookups(session: Session) -> _Lookups:
    known = session.info.get(_LOOKUPS)
    if not isinstance(known, _Lookups):
        known = session.info[_LOOKUPS] = _Lookups()
    return known


def _forget_lookups(session: Session) -> None:
    session.info.pop(_LOOKUPS, None)


def _point_type(session: Session, known: _Lookups, cat_id: str, code: str) -> str:
    """The point type's id, its items' ids and facts remembered for the transaction."""
    found = known.types.get((cat_id, code))
    if found is None:
        conn = session.connection()
        found = conn.execute(
            select(PointType.id).where(PointType.catalogue_id == cat_id, PointType.code == code)
        ).scalar_one()
        rows = conn.execute(
            select(
                CheckItem.code,
                CheckItem.id,
                CheckItem.position,
                CheckItem.mode,
                CheckItem.cap,
                CheckItem.each,
            ).where(CheckItem.point_type_id == found)
        ).all()
        known.items[found] = {r.code: r.id for r in rows}
        known.facts[found] = {r.code: ItemFacts(r.position, r.mode, r.cap, r.each) for r in rows}
        known.types[(cat_id, code)] = found
    return found


def _add_inspections(
    session: Session,
    vb: VerifiedBundle,
    entries: Sequence[InspectionEntry],
    events: list[audit.Event],
) -> None:
    """Check each would read back exactly as it arrived (`content.storage_mismatch`), then
    insert the inspections with their findings and attachments (one insert per table);
    their audit events go into `events`."""
    known = _lookups(session)
    inspections: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    attachments: list[dict[str, Any]] = []
    for entry in entries:
        found = _stored_catalogue(session, entry.catalogue.code, entry.catalogue.version)
        assert found is not None  # stored by this import, or already here
        cat_id = found[0]
        ptype_id = _point_type(session, known, cat_id, entry.point_type)
        items = known.items[ptype_id]
        # What is stored must read back as exactly what arrived (scores included).
        mismatch = storage_mismatch(entry, known.facts[ptype_id])
        if mismatch is not None:
            raise BundleRejected(
                f"inspection {entry.id} does not read back as it arrived: {mismatch}"
            )
        if entry.point not in known.points:
            known.points[entry.point] = _add_point(session, vb, entry.point, events)
        finalised = _time(entry.finalised_at)
        inspections.append(
            {
                "id": entry.id,
                "point_id": known.points[entry.point],
                "catalogue_id": cat_id,
                "point_type_id": ptype_id,
                "local_key_id": None,
                "origin_key_id": vb.key_id,
                "origin_bundle_id": vb.bundle_id,
                "covert": entry.covert,
                "status": FINAL,
                "started_at": _time(entry.started_at),
                "finalised_at": finalised,
                "updated_at": finalised,
                "round_id": entry.round_id,
                "assignment_id": entry.assignment_id,
            }
        )
        findings.extend(
            {
                "id": f.id,
                "inspection_id": entry.id,
                "item_id": items[f.item],
                "result": f.result,
                "count": f.count,
                "note": f.note,
                "recorded_at": _time(f.recorded_at),
            }
            for f in entry.findings
        )
        attachments.extend(
            {
                "inspection_id": entry.id,
                "finding_id": a.finding,
                "photo_sha256": a.sha256,
                "captured_at": _time(a.captured_at) if a.captured_at is not None else None,
            }
            for a in entry.attachments
        )
    # One executemany a table (`db.bulk`): plain values, no objects to keep track of.
    insert_rows(session, Inspection, inspections)
    insert_rows(session, Finding, findings)
    insert_rows(session, PhotoAttachment, attachments)
    events.extend(
        (
            "inspection.imported",
            "inspection",
            entry.id,
            {
                "bundle": vb.bundle_id,
                "key_id": vb.key_id,
                "point": entry.point,
                "findings": len(entry.findings),
                "photos": len(entry.attachments),
            },
        )
        for entry in entries
    )


def _insert_bundle_row(session: Session, store: Store, vb: VerifiedBundle) -> None:
    """The bundle's own row (before its inspections, which refer to it)."""
    insert_rows(
        session,
        Bundle,
        [
            {
                "id": vb.bundle_id,
                "direction": IMPORT,
                "key_id": vb.key_id,
                "export_sequence": vb.sequence,
                "content_sha256": vb.content_sha256,
                "size_bytes": vb.size_bytes,
                "file_name": vb.source.name[:300],
                "encrypted": vb.encrypted,
                "created_at": _time(vb.created),
                "recorded_at": utcnow(),
                "recorded_by": store.actor,
            }
        ],
    )


def _record_bundle(
    session: Session,
    vb: VerifiedBundle,
    imported: list[str],
    skipped: list[str],
    photos_added: int,
    events: list[audit.Event],
) -> None:
    """The bundle's links to its inspections and its key's last export sequence; its
    `bundle.imported` event goes into `events`."""
    insert_rows(
        session,
        BundleInspection,
        [{"bundle_id": vb.bundle_id, "inspection_id": e.id} for e in vb.doc.inspections],
    )
    session.connection().execute(
        _KEY_SEQUENCE, {"signer_key": vb.key_id, "signed_sequence": vb.sequence}
    )
    events.append(
        (
            "bundle.imported",
            "bundle",
            vb.bundle_id,
            {
                "key_id": vb.key_id,
                "signer": vb.signer.code,
                "sequence": vb.sequence,
                "sha256": vb.content_sha256,
                "file": vb.source.name,
                "encrypted": vb.encrypted,
                "imported": imported,
                "skipped": skipped,
                "photos_added": photos_added,
            },
        )
    )


def import_bundle(
    store: Store,
    vb: VerifiedBundle,
    *,
    cancel: CancelToken | None = None,
    thumbnails: bool = True,
) -> ImportResult:
    """Import a verified bundle, all or nothing; BundleRejected when the arrival rules
    refuse it (the store unchanged).

    With `thumbnails` (the default) every new photo is decoded in full into its thumbnail
    before anything is recorded, so a photo that cannot be decoded refuses the bundle.
    Without, the originals are stored and recorded alone and `ImportResult.new_photos`
    names those whose thumbnails `photos.make_thumbnails` is to make afterwards."""
    with store.write() as s:
        batch = OriginalsBatch(store.paths)
        try:
            done = _import_in(s, store, vb, batch, cancel, thumbnails)
            _collect(batch)
            _settle(batch)
        except BaseException:
            batch.abandon()
            raise
    return done


def _collect(batch: OriginalsBatch) -> None:
    """The bundle's photo copies done, or the bundle refused with what went wrong."""
    try:
        batch.collect()
    except KeyError as exc:
        raise BundleRejected(f"photo entry {exc} is no longer in the bundle file") from None
    except PhotoError as exc:
        raise BundleRejected(f"photo cannot be stored: {exc.reason}") from None
    except OSError as exc:
        raise BundleRejected(f"photos cannot be read from the bundle ({exc})") from None


def _settle(batch: OriginalsBatch) -> None:
    """The originals made durable, before the rows that refer to them are committed."""
    try:
        batch.settle()
    except PhotoError as exc:
        raise BundleRejected(f"photo cannot be stored: {exc.reason}") from None


def _import_in(
    s: Session,
    store: Store,
    vb: VerifiedBundle,
    batch: OriginalsBatch,
    cancel: CancelToken | None,
    thumbnails: bool,
) -> ImportResult:
    """`import_bundle` inside the caller's write transaction: its originals go into
    `batch`, whose copies the caller collects (`_collect`: a failed one refuses the
    bundle) and settles before committing."""
    name, code = _signer(vb)

    def result(
        status: Literal["imported", "already_imported"],
        imported: Sequence[str] = (),
        skipped: Iterable[str] = (),
        photos: int = 0,
        new_photos: Iterable[str] = (),
    ) -> ImportResult:
        return ImportResult(
            status,
            vb.bundle_id,
            name,
            code,
            vb.key_id,
            vb.sequence,
            tuple(imported),
            tuple(sorted(skipped)),
            photos,
            tuple(new_photos),
        )

    # Judged once, under the write lock, before any photo is copied.
    arrival = arrival_verdict(s, vb)
    if arrival.status == "rejected":
        raise BundleRejected(arrival.reason)
    if arrival.status == "already_imported":
        return result("already_imported")
    ingested = _store_photos(store, vb, _missing_photos(s, vb), cancel, thumbnails, batch)
    if cancel is not None and cancel.is_set():
        raise Cancelled()
    for cat in vb.doc.catalogues:
        if _stored_catalogue(s, cat.code, cat.version) is not None:
            continue  # the arrival rules found it stored with this very content
        try:
            add_catalogue_in(s, store, cat)
        except ConflictError:
            raise BundleRejected(
                f"conflict: catalogue {cat.code} {cat.version} is stored here with other content"
            ) from None
    # The photos missing here (looked up under the write lock above), in one insert.
    events = insert_photo_rows(s, [ingested[sha] for sha in sorted(ingested)])
    _insert_bundle_row(s, store, vb)
    arriving = [e for e in vb.doc.inspections if e.id not in arrival.skipped]
    _add_inspections(s, vb, arriving, events)
    imported = [e.id for e in arriving]
    _record_bundle(s, vb, imported, sorted(arrival.skipped), len(ingested), events)
    audit.append_events(s, actor=store.actor, events=events)  # one chain step per bundle
    photos_added = len(ingested)
    unmade = () if thumbnails else sorted(ingested)
    return result("imported", imported, arrival.skipped, photos_added, unmade)


# --- files -----------------------------------------------------------------------------------


def _is_bundle_name(path: Path) -> bool:
    return any(path.name.endswith(suffix) for suffix in BUNDLE_SUFFIXES)


def bundle_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files as given and, for each folder, every `*.zip` / `*.zip.age` inside, sorted.
    A path that does not exist is kept (its report says so)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.is_file() and _is_bundle_name(p)))
        else:
            out.append(path)
    return out


def needs_identity(paths: Iterable[str | os.PathLike[str]]) -> bool:
    """Whether any of these bundles is encrypted (so the centre's identity is needed)."""
    return any(p.name.endswith(".age") for p in bundle_files(paths))


def trusted_lookup(store: Store) -> TrustedLookup:
    """Find an enrolled key by id (revoked keys are returned marked revoked)."""
    from inspector_app.core.keyring import trusted_key

    def lookup(key_id: str) -> TrustedKey | None:
        with store.read() as s:
            return trusted_key(s, key_id)

    return lookup


def _open(
    store: Store, path: Path, identity: Any, session: Session | None = None
) -> AbstractContextManager[VerifiedBundle]:
    """Verify a bundle file; its signer is looked up in `session` when given (the import's
    own transaction, whose copying of the photos checks their bytes) or in a read
    transaction of its own."""
    from inspector_app.core.bundle.reader import open_verified

    if session is None:
        return open_verified(
            path, trusted=trusted_lookup(store), identity=identity, tmp_dir=store.paths.tmp
        )
    # Importing: the photos' bytes are checked as they are copied (`_store_photos`).
    return open_verified(
        path,
        trusted=partial(_trusted_in, session),
        identity=identity,
        tmp_dir=store.paths.tmp,
        defer_photos=True,
    )


def _trusted_in(session: Session, key_id: str) -> TrustedKey | None:
    """`keyring.trusted_key` in the import's transaction, remembered for it (an import
    changes no key, and the writer lock keeps anyone else from changing one meanwhile)."""
    from inspector_app.core.keyring import trusted_key

    known = _lookups(session).keys
    if key_id not in known:
        known[key_id] = trusted_key(session, key_id)
    return known[key_id]


def _report(path: Path, vb: VerifiedBundle, verdict: str, **extra: Any) -> BundleReport:
    return BundleReport(
        file=str(path),
        verdict=verdict,
        bundle_id=vb.bundle_id,
        signer_name=vb.signer.name,
        signer_code=vb.signer.code,
        key_id=vb.key_id,
        sequence=vb.sequence,
        inspections=len(vb.doc.inspections),
        photos=len(vb.photos),
        encrypted=vb.encrypted,
        **extra,
    )


def _missing_report(path: Path) -> BundleReport | None:
    if not path.exists():
        return BundleReport(file=str(path), verdict=REJECTED, reason="no such file or folder")
    if path.is_dir():
        return BundleReport(
            file=str(path), verdict=REJECTED, reason="the folder holds no bundle (*.zip, *.zip.age)"
        )
    return None


def _expand(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        found = bundle_files([raw])
        files.extend(found if found else [Path(raw)])  # an empty folder reports itself
    return files


def _each(
    paths: Iterable[str | os.PathLike[str]],
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> Iterator[Path]:
    files = _expand(paths)
    if progress:
        progress(0, len(files))
    for done, path in enumerate(files, start=1):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        yield path
        if progress:
            progress(done, len(files))


def check_files(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    *,
    identity: Any = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> list[BundleReport]:
    """Verify each bundle and apply the arrival rules; change nothing. Bundles checked in
    the same call are also held against each other (a replay among them shows)."""
    reports: list[BundleReport] = []
    seen_ids: dict[str, str] = {}
    seen_seqs: dict[tuple[str, int], str] = {}
    for path in _each(paths, progress, cancel):
        missing = _missing_report(path)
        if missing is not None:
            reports.append(missing)
            continue
        try:
            with _open(store, path, identity) as vb:
                with store.read() as s:
                    arrival = arrival_verdict(s, vb)
                if arrival.status == "new":
                    if vb.bundle_id in seen_ids and seen_ids[vb.bundle_id] != vb.content_sha256:
                        arrival = _rejected(
                            "conflict: another file given has this bundle ID with other content"
                        )
                    elif seen_seqs.get((vb.key_id, vb.sequence), vb.bundle_id) != vb.bundle_id:
                        other = seen_seqs[(vb.key_id, vb.sequence)]
                        arrival = _rejected(
                            f"replay: sequence {vb.sequence} of key {vb.key_id} is also used "
                            f"by bundle {other}"
                        )
                    else:
                        seen_ids[vb.bundle_id] = vb.content_sha256
                        seen_seqs[(vb.key_id, vb.sequence)] = vb.bundle_id
                if arrival.status == "rejected":
                    reports.append(_report(path, vb, REJECTED, reason=arrival.reason))
                elif arrival.status == "already_imported":
                    reports.append(_report(path, vb, ALREADY_IMPORTED, reason="already imported"))
                else:
                    reports.append(_report(path, vb, OK, skipped=len(arrival.skipped)))
        except Cancelled:
            raise
        except InspectorError as exc:
            reports.append(BundleReport(file=str(path), verdict=REJECTED, reason=_reason(exc)))
    return reports


def import_files(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    *,
    identity: Any = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    thumbnails: bool = True,
) -> list[BundleReport]:
    """Verify and import each bundle, each all or nothing; a refused bundle changes nothing.
    `thumbnails=False`: see `import_bundle` (each report's `new_photos` lists the photos
    whose thumbnails are still to be made).

    Bundles go in by groups (group commit): up to GROUP_BUNDLES bundles or GROUP_BYTES of
    them in one write transaction, each bundle inside its own savepoint (a refused one is
    rolled back to it and leaves nothing), the group's originals made durable together,
    then one COMMIT. A crash at any instant leaves whole bundles or none of a bundle, and
    no row without its photo file."""
    reports: list[BundleReport] = []
    files = _each(paths, progress, cancel)
    with _held_open(store), gc_paused():
        while True:
            group, more, stop = _import_group(store, files, identity, cancel, thumbnails)
            reports.extend(group)
            if stop is not None:
                raise stop
            if not more:
                return reports


#: at most this many bundles, or this many bytes of them, share a transaction
GROUP_BUNDLES = 16
GROUP_BYTES = 64 * 1024 * 1024


def _import_group(
    store: Store,
    files: Iterator[Path],
    identity: Any,
    cancel: CancelToken | None,
    thumbnails: bool,
) -> tuple[list[BundleReport], bool, BaseException | None]:
    """Import the next group of files in one transaction: (their reports, whether files
    are left, a cancellation to raise once what was done is committed).

    A bundle's photos are copied and checked on other threads while its rows go in and
    while the next file is verified; its savepoint is released (or, if a copy failed,
    rolled back) only then (`_Pending`).

    When the database fails (connection lost, server stopped, a lock waited for too long)
    the group is rolled back and every bundle of it, and every file not yet tried, is
    reported not imported; then no files are left. The run stops rather than reconnect
    and go on: a lost server is rarely back within seconds, each further group would wait
    out a connection timeout, and importing the same files again later is safe (what was
    committed shows as already imported)."""
    reports: list[BundleReport] = []
    stop: BaseException | None = None
    more = True
    size = 0
    current: list[Path] = []  # files under way: the pending bundle's, then the next one's
    committing = False
    try:
        with store.write() as s, contextlib.ExitStack() as held:
            batch = OriginalsBatch(store.paths)
            held.callback(batch.abandon)  # on the way out: nothing unsettled is left
            pending: _Pending | None = None
            try:
                while len(reports) + (pending is not None) < GROUP_BUNDLES and size < GROUP_BYTES:
                    try:
                        path = next(files, None)
                    except Cancelled as exc:  # between two bundles: the group is kept
                        stop = exc
                        break
                    if path is None:
                        more = False
                        break
                    current.append(path)
                    try:
                        opened = _verify_file(s, store, path, identity, held)
                        if pending is not None:
                            finishing, pending = pending, None
                            reports.append(finishing.finish())
                            current.pop(0)
                        if isinstance(opened, BundleReport):
                            reports.append(opened)
                        else:
                            step = _start_bundle(s, store, path, opened, cancel, batch, thumbnails)
                            if isinstance(step, BundleReport):
                                reports.append(step)
                            else:
                                pending = step
                    except Cancelled as exc:  # the bundles before it are kept
                        stop = exc
                        break
                    if pending is None:
                        current.clear()
                    with contextlib.suppress(OSError):
                        size += path.stat().st_size
                if pending is not None:
                    finishing, pending = pending, None
                    try:
                        reports.append(finishing.finish())
                    except Cancelled as exc:
                        stop = stop or exc
                current.clear()
                _settle(batch)
            except BaseException:
                if pending is not None:
                    pending.abandon()
                raise
            committing = True  # the block ends: COMMIT
    except BundleRejected as exc:  # the originals could not be made durable: none went in
        return [_unrecorded(r, exc.reason) for r in reports], more, stop
    except Exception as exc:
        failure = _database_failure(exc)
        if failure is None:
            raise
        reason = _failure_reason(store, failure, committing)
        lost = [_unrecorded(r, reason) for r in reports]
        lost.extend(BundleReport(file=str(p), verdict=REJECTED, reason=reason) for p in current)
        if stop is None:
            what = reason.split(";")[0].split(" as the import")[0]
            lost.extend(
                _untried(files, f"not tried: the import stopped when {what}; import it again")
            )
        return lost, False, stop
    return reports, more, stop


def _database_failure(exc: BaseException) -> DBAPIError | None:
    """The database's own error behind `exc` (a rollback on a dead connection may raise a
    second error whose context holds the first), or None for any other failure."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, DBAPIError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _failure_reason(store: Store, exc: DBAPIError, committing: bool) -> str:
    """What a supervisor is told about a bundle the database failure took down."""
    orig: Any = exc.orig  # the driver's own exception
    lost = exc.connection_invalidated or (
        orig is not None and store.engine.dialect.is_disconnect(orig, None, None)
    )
    # A new connection that could not be opened (no statement ran): the server is going or
    # gone, as when it stops between two groups ("the database system is shutting down").
    lost = lost or (
        isinstance(exc, OperationalError)
        and exc.statement is None
        and not store.url.startswith("sqlite")
    )
    if lost:
        what = "the connection to the database was lost"
    else:
        detail = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else ""
        what = f"the database failed ({detail[:200]})" if detail else "the database failed"
    if committing:
        # the server may have committed before the connection went: a retry tells
        return (
            f"{what} as the import was being committed; it may or may not have been kept: "
            "import it again (if it was kept, it shows as already imported)"
        )
    return f"{what}; nothing of this bundle was kept; import it again"


def _untried(files: Iterator[Path], reason: str) -> list[BundleReport]:
    """Reports for the files a stopped import did not reach."""
    out: list[BundleReport] = []
    with contextlib.suppress(Cancelled):
        for path in files:
            out.append(BundleReport(file=str(path), verdict=REJECTED, reason=reason))
    return out


def _unrecorded(report: BundleReport, reason: str) -> BundleReport:
    if report.verdict != IMPORTED:
        return report
    return replace(
        report,
        verdict=REJECTED,
        imported=0,
        skipped=0,
        photos_added=0,
        new_photos=(),
        reason=reason,
    )


@contextlib.contextmanager
def _held_open(store: Store) -> Iterator[None]:
    """Keep one idle connection to a SQLite database while many bundles go in: otherwise
    each transaction closes the last connection, and SQLite then checkpoints and removes
    its write-ahead log (with fsyncs) after every one. Idle, it holds no lock."""
    if not store.url.startswith("sqlite"):
        yield
        return
    idle = store.read_engine.raw_connection()
    try:
        yield
    finally:
        idle.close()


def _verify_file(
    s: Session, store: Store, path: Path, identity: Any, held: contextlib.ExitStack
) -> VerifiedBundle | BundleReport:
    """A file verified (its photos' bytes left to their copy), kept open in `held` for
    the rest of the group; or its report when it is refused."""
    missing = _missing_report(path)
    if missing is not None:
        return missing
    try:
        return held.enter_context(_open(store, path, identity, s))
    except Cancelled:
        raise
    except InspectorError as exc:
        return BundleReport(file=str(path), verdict=REJECTED, reason=_reason(exc))


@dataclass
class _Pending:
    """A bundle whose rows are in, inside its own savepoint, while its photos are still
    being copied and checked."""

    session: Session
    path: Path
    vb: VerifiedBundle
    savepoint: Any  # SessionTransaction
    batch: OriginalsBatch
    mark: int
    done: ImportResult

    def finish(self) -> BundleReport:
        """Wait for the copies: release the savepoint and report the bundle imported, or
        roll it back and report why it was refused."""
        try:
            _collect(self.batch)
        except BaseException as exc:
            self.abandon()
            if isinstance(exc, BundleRejected):
                return _report(self.path, self.vb, REJECTED, reason=exc.reason)
            raise
        self.savepoint.commit()
        return _report(
            self.path,
            self.vb,
            IMPORTED,
            imported=len(self.done.imported),
            skipped=len(self.done.skipped),
            photos_added=self.done.photos_added,
            new_photos=self.done.new_photos,
        )

    def abandon(self) -> None:
        """Nothing of this bundle is kept: its rows, its lookups, its temp files."""
        if self.savepoint.is_active:
            self.savepoint.rollback()
        _forget_lookups(self.session)
        self.batch.discard(self.mark)


def _start_bundle(
    s: Session,
    store: Store,
    path: Path,
    vb: VerifiedBundle,
    cancel: CancelToken | None,
    batch: OriginalsBatch,
    thumbnails: bool,
) -> _Pending | BundleReport:
    """A verified bundle's rows put in inside a savepoint of its own, its photos' copies
    started: pending until they are done; or its report when there is nothing to wait for
    (already imported, or refused: rolled back to its savepoint)."""
    mark = batch.mark()
    savepoint = s.begin_nested()
    try:
        done = _import_in(s, store, vb, batch, cancel, thumbnails)
    except BaseException as exc:
        savepoint.rollback()
        _forget_lookups(s)
        batch.discard(mark)
        if isinstance(exc, BundleRejected):
            return _report(path, vb, REJECTED, reason=exc.reason)
        raise
    if done.status == "already_imported":
        savepoint.commit()
        return _report(path, vb, ALREADY_IMPORTED, reason="already imported")
    return _Pending(s, path, vb, savepoint, batch, mark, done)


def _reason(exc: InspectorError) -> str:
    return exc.reason if isinstance(exc, BundleRejected) else exc.message


__all__ = [
    "ALREADY_IMPORTED",
    "IMPORTED",
    "OK",
    "REJECTED",
    "Arrival",
    "BundleReport",
    "ImportResult",
    "arrival_verdict",
    "bundle_files",
    "check_files",
    "import_bundle",
    "import_files",
    "needs_identity",
    "trusted_lookup",
]
