"""Importing an assignment package on a laptop: verified, then applied all or nothing.

Verification (`package.reader`) decrypts with the laptop's own key and checks the signed bag
against the pinned command-centre key. Applying runs in one write transaction: refused
before any change if the package is for another key, not newer than the last one applied
(a replay), or updates a register this laptop never had in full; then the catalogues are
added (the same name with other content refuses the package), the register is updated by
point code, the round and this inspector's assignments are stored (assignments no longer in
the package go, unless an inspection already links them), the centre's recipient is set, a
newly announced centre key replaces the pinned one, and the package is recorded. Any error
rolls the whole transaction back: nothing changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from inspector_app.core import audit, centre_key, keys
from inspector_app.core.catalogue import PointTypeIndex, add_catalogue_in
from inspector_app.core.db.models import Inspection, Package, Point, Round, RoundAssignment
from inspector_app.core.errors import ConflictError, InputError
from inspector_app.core.minisign import parse_public_key
from inspector_app.core.package.reader import (
    PackageRejected,
    VerifiedPackage,
    decrypt_package,
    pinned_lookup,
    read_package_file,
    verify_package_zip,
)
from inspector_app.core.settings import RECIPIENT, set_setting_in
from inspector_app.core.store import Store

APPLIED, ALREADY = "applied", "already applied"


@dataclass(frozen=True)
class AppliedPackage:
    package_id: str
    status: str  # applied | already applied
    sequence: int
    centre_key_id: str
    round_id: str | None
    round_name: str | None
    assignments: int
    points_added: int
    points_updated: int
    catalogues_added: tuple[str, ...]
    recipient_set: bool
    #: the new centre key pinned from the package's announcement
    new_centre_key_id: str | None

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.package_id,
            "status": self.status,
            "sequence": self.sequence,
            "centre_key_id": self.centre_key_id,
            "round_id": self.round_id,
            "round": self.round_name,
            "assignments": self.assignments,
            "points_added": self.points_added,
            "points_updated": self.points_updated,
            "catalogues_added": list(self.catalogues_added),
            "recipient_set": self.recipient_set,
            "new_centre_key_id": self.new_centre_key_id,
        }


def verify_package(store: Store, path: Path, passphrase: str) -> VerifiedPackage:
    """Decrypt with this laptop's key (its passphrase) and verify against the pinned key."""
    data = read_package_file(Path(path))
    _key, private = keys.signing_key(store, passphrase)
    plain = decrypt_package(data, private)
    return verify_package_zip(plain, pinned_lookup(centre_key.pinned_centre_key(store)))


def _last_applied(s: Session, inspector_key_id: str) -> Package | None:
    return s.scalars(
        select(Package)
        .where(Package.direction == "applied", Package.inspector_key_id == inspector_key_id)
        .order_by(Package.sequence.desc())
        .limit(1)
    ).first()


_POINT_FIELDS = ("name", "district", "street", "unit", "address", "latitude", "longitude")


def _update_register(s: Session, vp: VerifiedPackage) -> tuple[int, int]:
    entries = vp.doc.point_register.points
    types = PointTypeIndex.load(s)
    for e in entries:
        if e.type not in types.names:
            raise PackageRejected(
                f"point {e.code} is of type {e.type}, which no catalogue here or in the package has"
            )
    existing = {
        p.code: p for p in s.scalars(select(Point).where(Point.code.in_([e.code for e in entries])))
    }
    new = []
    updated = 0
    for e in entries:
        p = existing.get(e.code)
        values = {f: getattr(e, f) for f in _POINT_FIELDS}
        if p is None:
            new.append({"code": e.code, "type_code": e.type, **values})
            continue
        changed = p.type_code != e.type or any(getattr(p, f) != v for f, v in values.items())
        if changed:
            p.type_code = e.type
            for f, v in values.items():
                setattr(p, f, v)
            updated += 1
    if new:
        s.execute(insert(Point), new)
    return len(new), updated


def _store_round(s: Session, vp: VerifiedPackage) -> int:
    doc = vp.doc
    if doc.round is None:
        return 0
    rnd = s.get(Round, doc.round.id)
    if rnd is not None and rnd.origin != "package":
        raise ConflictError(
            "this data folder is the command centre that made the round; import the package "
            "on the inspector's laptop"
        )
    if rnd is None:
        rnd = Round(id=doc.round.id, origin="package", inputs="{}", seed="")
        s.add(rnd)
    rnd.name = doc.round.name
    rnd.starts_on = date.fromisoformat(doc.round.starts_on)
    rnd.ends_on = date.fromisoformat(doc.round.ends_on)
    s.flush()
    codes = [a.point for a in doc.assignments]
    found = s.execute(select(Point.code, Point.id).where(Point.code.in_(codes))).tuples()
    point_ids = {code: pid for code, pid in found}
    for a in doc.assignments:
        if a.point not in point_ids:
            raise PackageRejected(
                f"assignment {a.id} is at point {a.point}, which is neither in the package's "
                "register nor on this laptop"
            )
    kept = {a.id for a in doc.assignments}
    linked = set(
        s.scalars(
            select(Inspection.assignment_id).where(
                Inspection.round_id == rnd.id, Inspection.assignment_id.is_not(None)
            )
        )
    )
    gone = [
        aid
        for aid in s.scalars(select(RoundAssignment.id).where(RoundAssignment.round_id == rnd.id))
        if aid not in kept and aid not in linked
    ]
    if gone:
        s.execute(delete(RoundAssignment).where(RoundAssignment.id.in_(gone)))
    for position, a in enumerate(doc.assignments):
        row = s.get(RoundAssignment, a.id)
        if row is None:
            row = RoundAssignment(id=a.id, round_id=rnd.id, position=position, recent=False)
            s.add(row)
        elif row.round_id != rnd.id:
            raise PackageRejected(f"assignment {a.id} belongs to another round on this laptop")
        row.point_id = point_ids[a.point]
        row.position = position
        row.inspector_key_id = vp.inspector_key_id
        row.inspector_code = doc.inspector.code
        row.starts_on = date.fromisoformat(a.starts_on)
        row.ends_on = date.fromisoformat(a.ends_on)
        row.package_id = vp.package_id
    s.flush()
    return len(doc.assignments)


def apply_package(store: Store, vp: VerifiedPackage, *, file_name: str = "") -> AppliedPackage:
    """Apply a verified package, all or nothing (see the module's docstring)."""
    local = keys.require_local_key(store)
    doc = vp.doc
    with store.write() as s:
        if vp.inspector_key_id != local.key_id:
            raise PackageRejected(
                f"this package is for inspector key {vp.inspector_key_id} "
                f"({doc.inspector.code}), not this laptop's key {local.key_id}"
            )
        last = _last_applied(s, local.key_id)
        same = s.get(Package, vp.package_id)
        if same is not None and same.content_sha256 == vp.content_sha256:
            return AppliedPackage(
                vp.package_id, ALREADY, vp.sequence, vp.centre_key_id,
                doc.round.id if doc.round else None, doc.round.name if doc.round else None,
                0, 0, 0, (), False, None,
            )  # fmt: skip
        if last is not None and vp.sequence <= last.sequence:
            raise PackageRejected(
                f"package number {vp.sequence} is not newer than the last one applied here "
                f"({last.sequence}): refused as a replay"
            )
        base = doc.point_register.base_sequence
        if base is not None and (last is None or last.sequence < base):
            have = last.sequence if last else "none"
            raise PackageRejected(
                f"this package updates the point register since package {base}, but the last "
                f"applied here is {have}: ask the command centre for a package with the full "
                "register (round package … --full-register)"
            )
        added_cats = []
        for cat in doc.catalogues:
            try:
                info, added = add_catalogue_in(s, store, cat)
            except ConflictError as exc:
                raise PackageRejected(exc.message) from None
            if added:
                added_cats.append(info.name)
        s.flush()
        points_added, points_updated = _update_register(s, vp)
        n_assignments = _store_round(s, vp)
        recipient_set = False
        if doc.recipient is not None:
            recipient_set = set_setting_in(s, store.actor, RECIPIENT, doc.recipient)
        new_key = None
        if doc.centre_key is not None:
            announced = parse_public_key(doc.centre_key.public_key)
            centre_key.pin_in(s, store.actor, announced)
            new_key = announced.key_id
        s.add(
            Package(
                id=vp.package_id,
                direction="applied",
                inspector_key_id=vp.inspector_key_id,
                sequence=vp.sequence,
                round_id=doc.round.id if doc.round else None,
                centre_key_id=vp.centre_key_id,
                announced_key_id=new_key,
                register_mode=doc.point_register.mode,
                base_sequence=base,
                content_sha256=vp.content_sha256,
                file_name=file_name[:300],
                created_at=_created(vp),
                recorded_by=store.actor,
            )
        )
        s.flush()
        audit.append_event(
            s,
            actor=store.actor,
            action="package.applied",
            entity="package",
            entity_id=vp.package_id,
            detail={
                "sequence": vp.sequence,
                "centre_key_id": vp.centre_key_id,
                "round": doc.round.id if doc.round else None,
                "assignments": n_assignments,
                "points_added": points_added,
                "points_updated": points_updated,
                "catalogues_added": added_cats,
                "new_centre_key_id": new_key,
            },
        )
        return AppliedPackage(
            package_id=vp.package_id,
            status=APPLIED,
            sequence=vp.sequence,
            centre_key_id=vp.centre_key_id,
            round_id=doc.round.id if doc.round else None,
            round_name=doc.round.name if doc.round else None,
            assignments=n_assignments,
            points_added=points_added,
            points_updated=points_updated,
            catalogues_added=tuple(added_cats),
            recipient_set=recipient_set,
            new_centre_key_id=new_key,
        )


def _created(vp: VerifiedPackage) -> datetime:
    return datetime.strptime(vp.created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def import_package(store: Store, path: Path, passphrase: str) -> AppliedPackage:
    """Verify a package file and apply it, all or nothing."""
    if keys.get_local_key(store) is None:
        raise InputError(keys.NO_KEY)
    vp = verify_package(store, path, passphrase)
    return apply_package(store, vp, file_name=Path(path).name)
