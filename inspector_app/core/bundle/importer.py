"""Import at the command centre: the arrival rules of DESIGN §5 and the all-or-nothing
import of a verified bundle.

Bundles arrive in any order. A bundle whose id was imported before with the same bytes is
"already imported" (nothing to do); the same id with other bytes is a conflict; a (key,
export sequence) pair already used by another bundle id is a replay. An inspection that is
already here with identical content (as `content.inspection_entry` serialises it) is
skipped; with other content the whole bundle is refused as a conflict and nothing is
overwritten. Late sequence numbers are fine: the keyring lists the missing ones.

`import_bundle` writes the photos into the content-addressed store first (harmless if the
transaction then fails: named by their hash, unreferenced), then everything else in one
write transaction: catalogues, points the register lacks, inspections with their findings
and photo attachments, the bundle record and its links, the key's last export sequence and
the audit events.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app.core import audit
from inspector_app.core.bundle.content import inspection_entry
from inspector_app.core.bundle.schema import InspectionEntry
from inspector_app.core.bundle.verified import BundleRejected, TrustedKey, VerifiedBundle
from inspector_app.core.catalogue import add_catalogue_in
from inspector_app.core.catalogue_doc import content_sha256 as catalogue_sha256
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
    InputError,
    InspectorError,
    PhotoError,
)
from inspector_app.core.photos import CancelToken, IngestedPhoto, ingest_photo, record_photo
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


def _rejected(reason: str) -> Arrival:
    return Arrival("rejected", reason)


def _stored_catalogue(session: Session, code: str, version: str) -> CatalogueVersion | None:
    return session.scalars(
        select(CatalogueVersion).where(
            CatalogueVersion.code == code, CatalogueVersion.version == version
        )
    ).one_or_none()


def arrival_verdict(session: Session, vb: VerifiedBundle) -> Arrival:
    """Apply DESIGN §5's arrival rules to a verified bundle against what the store holds."""
    if vb.signer.revoked:
        return _rejected(f"the signing key {vb.key_id} is revoked")
    before = session.get(Bundle, vb.bundle_id)
    if before is not None:
        if before.direction == IMPORT and before.content_sha256 == vb.content_sha256:
            return Arrival("already_imported")
        if before.direction != IMPORT:
            return _rejected(
                f"conflict: bundle ID {vb.bundle_id} is a bundle exported from this data folder"
            )
        return _rejected("conflict: bundle ID was imported before with other content")
    used_by = session.scalars(
        select(Bundle.id).where(
            Bundle.direction == IMPORT,
            Bundle.key_id == vb.key_id,
            Bundle.export_sequence == vb.sequence,
        )
    ).first()
    if used_by is not None:
        return _rejected(
            f"replay: sequence {vb.sequence} of key {vb.key_id} was already used by "
            f"bundle {used_by}"
        )
    for cat in vb.doc.catalogues:
        row = _stored_catalogue(session, cat.code, cat.version)
        if row is not None and row.content_sha256 != catalogue_sha256(cat):
            return _rejected(
                f"conflict: catalogue {cat.code} {cat.version} is stored here with other content"
            )
    skipped: set[str] = set()
    for entry in vb.doc.inspections:
        stored = session.get(Inspection, entry.id)
        if stored is None:
            clash = session.scalars(
                select(Finding.id).where(Finding.id.in_([f.id for f in entry.findings]))
            ).first()
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
        if inspection_entry(session, stored) != entry:
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


def _missing_photos(store: Store, vb: VerifiedBundle) -> list[str]:
    wanted = sorted({m.sha256 for m in vb.photos})
    with store.read() as s:
        have = set(s.scalars(select(Photo.sha256).where(Photo.sha256.in_(wanted))))
    return [sha for sha in wanted if sha not in have]


def _copy_member(vb: VerifiedBundle, entry: str, dest: Path) -> None:
    """Stream one verified (stored) zip member into `dest`; memory: one chunk."""
    from inspector_app.core.bundle.reader import read_member

    with open(dest, "wb") as out:
        for chunk in read_member(vb, entry):
            out.write(chunk)


def _ingest_photos(
    store: Store, vb: VerifiedBundle, cancel: CancelToken | None = None
) -> dict[str, IngestedPhoto]:
    """Put the bundle's photos the store lacks into the photo store (files only)."""
    missing = set(_missing_photos(store, vb))
    names = {p.sha256: p.original_name for p in vb.doc.photos}
    out: dict[str, IngestedPhoto] = {}
    store.paths.tmp.mkdir(parents=True, exist_ok=True)
    for member in vb.photos:
        if member.sha256 not in missing or member.sha256 in out:
            continue
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        fd, name = tempfile.mkstemp(dir=store.paths.tmp, prefix="import-", suffix=".photo")
        os.close(fd)
        tmp = Path(name)
        try:
            _copy_member(vb, member.entry, tmp)
            photo = ingest_photo(store.paths, tmp)
        except PhotoError as exc:
            raise BundleRejected(f"photo {member.sha256}: {exc.reason}") from None
        except (OSError, InputError) as exc:
            raise BundleRejected(
                f"photo {member.sha256} cannot be read from the bundle ({exc})"
            ) from None
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
        if photo.sha256 != member.sha256:
            raise BundleRejected(
                f"photo {member.sha256} changed after verification (its bytes now hash to "
                f"{photo.sha256})"
            )
        out[member.sha256] = dataclasses.replace(
            photo, original_name=names.get(member.sha256, photo.original_name)
        )
    return out


def _signer(vb: VerifiedBundle) -> tuple[str, str]:
    return vb.signer.name, vb.signer.code


def _add_point(session: Session, store: Store, vb: VerifiedBundle, code: str) -> Point:
    point = session.scalars(select(Point).where(Point.code == code)).one_or_none()
    if point is not None:  # the register's own description wins
        return point
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
    audit.append_event(
        session,
        actor=store.actor,
        action="point.added",
        entity="point",
        entity_id=point.code,
        detail={"from_bundle": vb.bundle_id, "name": desc.name, "type": desc.type},
    )
    return point


def _add_inspection(
    session: Session, store: Store, vb: VerifiedBundle, entry: InspectionEntry
) -> None:
    cat = _stored_catalogue(session, entry.catalogue.code, entry.catalogue.version)
    assert cat is not None  # stored above, or already here
    ptype = session.scalars(
        select(PointType).where(
            PointType.catalogue_id == cat.id, PointType.code == entry.point_type
        )
    ).one()
    items = {
        item.code: item
        for item in session.scalars(select(CheckItem).where(CheckItem.point_type_id == ptype.id))
    }
    point = _add_point(session, store, vb, entry.point)
    finalised = _time(entry.finalised_at)
    insp = Inspection(
        id=entry.id,
        point_id=point.id,
        catalogue_id=cat.id,
        point_type_id=ptype.id,
        local_key_id=None,
        origin_key_id=vb.key_id,
        origin_bundle_id=vb.bundle_id,
        covert=entry.covert,
        status=FINAL,
        started_at=_time(entry.started_at),
        finalised_at=finalised,
        updated_at=finalised,
        round_id=entry.round_id,
        assignment_id=entry.assignment_id,
    )
    session.add(insp)
    session.flush()
    for f in entry.findings:
        session.add(
            Finding(
                id=f.id,
                inspection_id=insp.id,
                item_id=items[f.item].id,
                result=f.result,
                count=f.count,
                note=f.note,
                recorded_at=_time(f.recorded_at),
            )
        )
    session.flush()
    for a in entry.attachments:
        session.add(
            PhotoAttachment(
                inspection_id=insp.id,
                finding_id=a.finding,
                photo_sha256=a.sha256,
                captured_at=_time(a.captured_at) if a.captured_at is not None else None,
            )
        )
    session.flush()
    # What is stored must read back as exactly what arrived (scores included).
    if inspection_entry(session, insp) != entry:
        raise BundleRejected(
            f"inspection {entry.id} does not read back as it arrived (its score does not "
            "match its findings, or a value cannot be stored as given)"
        )
    audit.append_event(
        session,
        actor=store.actor,
        action="inspection.imported",
        entity="inspection",
        entity_id=insp.id,
        detail={
            "bundle": vb.bundle_id,
            "key_id": vb.key_id,
            "point": entry.point,
            "findings": len(entry.findings),
            "photos": len(entry.attachments),
        },
    )


def _record_bundle(
    session: Session,
    store: Store,
    vb: VerifiedBundle,
    imported: list[str],
    skipped: list[str],
    photos_added: int,
) -> None:
    session.add_all(
        BundleInspection(bundle_id=vb.bundle_id, inspection_id=entry.id)
        for entry in vb.doc.inspections
    )
    key = session.scalars(select(EnrolledKey).where(EnrolledKey.key_id == vb.key_id)).one_or_none()
    if key is not None:
        key.last_export_sequence = max(key.last_export_sequence or 0, vb.sequence)
    session.flush()
    audit.append_event(
        session,
        actor=store.actor,
        action="bundle.imported",
        entity="bundle",
        entity_id=vb.bundle_id,
        detail={
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


def import_bundle(
    store: Store, vb: VerifiedBundle, *, cancel: CancelToken | None = None
) -> ImportResult:
    """Import a verified bundle, all or nothing; BundleRejected when the arrival rules
    refuse it (the store unchanged)."""
    name, code = _signer(vb)

    def result(
        status: Literal["imported", "already_imported"],
        imported: Sequence[str] = (),
        skipped: Iterable[str] = (),
        photos: int = 0,
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
        )

    with store.read() as s:
        arrival = arrival_verdict(s, vb)
    if arrival.status == "rejected":
        raise BundleRejected(arrival.reason)
    if arrival.status == "already_imported":
        return result("already_imported")
    # Photo files first: the transaction below may refer to them only once they are stored.
    ingested = _ingest_photos(store, vb, cancel)
    if cancel is not None and cancel.is_set():
        raise Cancelled()
    with store.write() as s:
        arrival = arrival_verdict(s, vb)  # again, under the write lock
        if arrival.status == "rejected":
            raise BundleRejected(arrival.reason)
        if arrival.status == "already_imported":
            return result("already_imported")
        for cat in vb.doc.catalogues:
            try:
                add_catalogue_in(s, store, cat)
            except ConflictError:
                raise BundleRejected(
                    f"conflict: catalogue {cat.code} {cat.version} is stored here with other "
                    "content"
                ) from None
        photos_added = 0
        for sha in sorted(ingested):
            if s.get(Photo, sha) is None:
                record_photo(s, ingested[sha], actor=store.actor)
                photos_added += 1
        s.add(
            Bundle(
                id=vb.bundle_id,
                direction=IMPORT,
                key_id=vb.key_id,
                export_sequence=vb.sequence,
                content_sha256=vb.content_sha256,
                size_bytes=vb.size_bytes,
                file_name=vb.source.name[:300],
                encrypted=vb.encrypted,
                created_at=_time(vb.created),
                recorded_at=utcnow(),
                recorded_by=store.actor,
            )
        )
        s.flush()
        imported: list[str] = []
        for entry in vb.doc.inspections:
            if entry.id in arrival.skipped:
                continue
            _add_inspection(s, store, vb, entry)
            imported.append(entry.id)
        _record_bundle(s, store, vb, imported, sorted(arrival.skipped), photos_added)
    return result("imported", imported, arrival.skipped, photos_added)


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


def _open(store: Store, path: Path, identity: Any) -> AbstractContextManager[VerifiedBundle]:
    from inspector_app.core.bundle.reader import open_verified

    return open_verified(
        path, trusted=trusted_lookup(store), identity=identity, tmp_dir=store.paths.tmp
    )


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
) -> list[BundleReport]:
    """Verify and import each bundle, each all or nothing; a refused bundle changes nothing."""
    reports: list[BundleReport] = []
    for path in _each(paths, progress, cancel):
        missing = _missing_report(path)
        if missing is not None:
            reports.append(missing)
            continue
        try:
            with _open(store, path, identity) as vb:
                try:
                    done = import_bundle(store, vb, cancel=cancel)
                except BundleRejected as exc:
                    reports.append(_report(path, vb, REJECTED, reason=exc.reason))
                    continue
                if done.status == "already_imported":
                    reports.append(_report(path, vb, ALREADY_IMPORTED, reason="already imported"))
                else:
                    reports.append(
                        _report(
                            path,
                            vb,
                            IMPORTED,
                            imported=len(done.imported),
                            skipped=len(done.skipped),
                            photos_added=done.photos_added,
                        )
                    )
        except Cancelled:
            raise
        except InspectorError as exc:
            reports.append(BundleReport(file=str(path), verdict=REJECTED, reason=_reason(exc)))
    return reports


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
