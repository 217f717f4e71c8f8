"""Writing an inspector's assignment package at the command centre.

One package per inspector and call: the round's points assigned to them, the point register
(every point the first time, afterwards the points added or changed since that inspector's
last package, and always the assigned ones), the newest version of each catalogue, and the
centre's age recipient. The zip is built in memory (a register of thousands of points is a
few MB), signed with the centre's key through the shared signed-bag writer, checked by the
package verifier with that key as the only trusted one, encrypted with age to the
inspector's enrolled Ed25519 key as an `ssh-ed25519` recipient, and written atomically
(temporary name, fsync, rename, fsync the folder). Only then is it recorded (sequence,
assignments marked as sent, audit event) in one transaction; if that fails the file goes.

After a key rotation, an inspector's first package is signed by the previous key and
announces the new one; later ones are signed by the new key.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import uuid
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyrage import ssh
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from inspector_app import __version__
from inspector_app.core import audit, centre, centre_key, signed_bag
from inspector_app.core.bundle.content import point_entry
from inspector_app.core.catalogue_doc import CatalogueDoc, parse_catalogue
from inspector_app.core.db.models import CatalogueVersion, Package, Point, RoundAssignment
from inspector_app.core.db.types import utcnow
from inspector_app.core.errors import ConflictError, InputError, InspectorError
from inspector_app.core.fsutil import fsync_dir, write_file_atomically
from inspector_app.core.minisign import PublicKey
from inspector_app.core.package import format as pfmt
from inspector_app.core.package.reader import PackageRejected, ssh_recipient, verify_package_zip
from inspector_app.core.rounds import find_round, inspector_keys
from inspector_app.core.store import Store


@dataclass(frozen=True)
class WrittenPackage:
    package_id: str
    path: Path
    size_bytes: int
    inspector_code: str
    inspector_key_id: str
    sequence: int
    centre_key_id: str
    announced_key_id: str | None
    register_mode: str  # full | changes
    points: int  # register entries carried
    assignments: int

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.package_id,
            "path": str(self.path),
            "file_name": self.path.name,
            "size_bytes": self.size_bytes,
            "inspector": self.inspector_code,
            "inspector_key_id": self.inspector_key_id,
            "sequence": self.sequence,
            "centre_key_id": self.centre_key_id,
            "announced_key_id": self.announced_key_id,
            "register": self.register_mode,
            "points": self.points,
            "assignments": self.assignments,
        }


def build_zip(
    *,
    package_id: str,
    doc_bytes: bytes,
    comment: pfmt.TrustedComment,
    private: Ed25519PrivateKey,
    created: datetime,
) -> bytes:
    """The package's signed zip (a signed bag holding data/package.json)."""
    buf = io.BytesIO()
    top = package_id + "/"
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED, allowZip64=False) as zf:
        signed_bag.write_entry(zf, top + pfmt.PACKAGE_JSON, doc_bytes, created)
        bag_info = pfmt.bag_info_text(
            package_id=package_id,
            centre_key_id=comment.centre_key_id,
            inspector_key_id=comment.inspector_key_id,
            sequence=comment.sequence,
            created=created,
            payload_bytes=len(doc_bytes),
            agent=f"inspector-app {__version__}",
        ).encode()
        signed_bag.write_tag_files(
            zf,
            top=top,
            manifest=[(pfmt.PACKAGE_JSON, hashlib.sha256(doc_bytes).hexdigest())],
            bag_info=bag_info,
            private=private,
            key_id=comment.centre_key_id,
            comment=comment.render(),
            created=created,
        )
    return buf.getvalue()


def _catalogues_in_force(s: Session) -> tuple[CatalogueDoc, ...]:
    """The newest stored version of each catalogue code."""
    newest: dict[str, CatalogueVersion] = {}
    for row in s.scalars(select(CatalogueVersion).order_by(CatalogueVersion.added_at.desc())):
        newest.setdefault(row.code, row)
    return tuple(
        parse_catalogue(c.document.encode("utf-8"), f"catalogue {c.code}:{c.version}")
        for c in sorted(newest.values(), key=lambda c: c.code)
    )


def _signer(s: Session, inspector_key_id: str, current: centre_key.CentreKeyInfo) -> bool:
    """True when this package is signed by the previous key and announces the current one:
    a rotation happened and this inspector has not yet been sent the new key."""
    if current.previous_key_id is None:
        return False
    told = s.scalar(
        select(func.count())
        .select_from(Package)
        .where(
            Package.direction == "written",
            Package.inspector_key_id == inspector_key_id,
            or_(
                Package.centre_key_id == current.key_id,
                Package.announced_key_id == current.key_id,
            ),
        )
    )
    return not told


def write_package(
    store: Store,
    round_id: str,
    inspector_code: str,
    out_dir: Path,
    *,
    passphrase: str,
    full_register: bool = False,
) -> WrittenPackage:
    """Write one inspector's package for a round into `out_dir` (see the module docstring)."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise InputError(f"the destination folder {out_dir} does not exist or is not a folder")
    current = centre_key.require_signing_key(store)
    with store.read() as s:
        rnd = find_round(s, round_id)
        if rnd.origin != "centre":
            raise ConflictError("this round came in a package; only the command centre sends it")
        key = inspector_keys(s, [inspector_code])[inspector_code.strip()]
        rows = s.execute(
            select(RoundAssignment, Point)
            .join(Point, Point.id == RoundAssignment.point_id)
            .where(
                RoundAssignment.round_id == rnd.id,
                RoundAssignment.inspector_key_id == key.key_id,
            )
            .order_by(RoundAssignment.position)
        ).tuples()
        assigned = list(rows)
        if not assigned:
            raise InputError(
                f"no point of round {rnd.name} is assigned to {key.code}: run `round assign` first"
            )
        last = s.scalars(
            select(Package)
            .where(Package.direction == "written", Package.inspector_key_id == key.key_id)
            .order_by(Package.sequence.desc())
            .limit(1)
        ).first()
        sequence = (last.sequence if last else 0) + 1
        mode: Literal["full", "changes"]
        base: int | None
        if last is None or full_register:
            mode, base = "full", None
            points = list(s.scalars(select(Point).order_by(Point.code)))
        else:
            mode, base = "changes", last.sequence
            assigned_ids = [p.id for _a, p in assigned]
            points = list(
                s.scalars(
                    select(Point)
                    .where(or_(Point.updated_at >= last.created_at, Point.id.in_(assigned_ids)))
                    .order_by(Point.code)
                )
            )
        announce = _signer(s, key.key_id, current)
        catalogues = _catalogues_in_force(s)
        round_entry = pfmt.RoundEntry(
            id=rnd.id,
            name=rnd.name,
            starts_on=rnd.starts_on.isoformat(),
            ends_on=rnd.ends_on.isoformat(),
        )
        assignments = tuple(
            pfmt.AssignmentEntry(
                id=a.id,
                point=p.code,
                starts_on=a.starts_on.isoformat(),
                ends_on=a.ends_on.isoformat(),
            )
            for a, p in assigned
        )
        register = pfmt.RegisterEntry(
            mode=mode, base_sequence=base, points=tuple(point_entry(p) for p in points)
        )
        inspector = pfmt.InspectorEntry(key_id=key.key_id, code=key.code, name=key.name)
        inspector_public = bytes(key.public_key)
        rnd_id, rnd_name = rnd.id, rnd.name
        assignment_ids = [a.id for a, _p in assigned]
    recipient = centre.recipient(store) if centre.has_identity(store) else None
    signing_public, private = centre_key.load_signing_key(store, passphrase, previous=announce)
    announced: PublicKey | None = current.public if announce else None
    doc = pfmt.PackageDoc(
        format="inspector-package/1",
        generator=f"inspector-app {__version__}",
        inspector=inspector,
        round=round_entry,
        assignments=assignments,
        point_register=register,
        catalogues=catalogues,
        recipient=recipient,
        centre_key=pfmt.CentreKeyEntry(
            key_id=announced.key_id, public_key=centre_key.pin_line(announced)
        )
        if announced
        else None,
    )
    doc_bytes = pfmt.render_package_json(doc)
    package_id = str(uuid.uuid4())
    created = utcnow().replace(microsecond=0)
    comment = pfmt.TrustedComment(
        package_id, signing_public.key_id, key.key_id, sequence, pfmt.utc_iso(created)
    )
    plain = build_zip(
        package_id=package_id,
        doc_bytes=doc_bytes,
        comment=comment,
        private=private,
        created=created,
    )
    own = signed_bag.TrustedKey(signing_public.key_id, signing_public.key, "command centre", "")
    try:
        vp = verify_package_zip(plain, lambda k: own if k == own.key_id else None)
    except PackageRejected as exc:
        raise InspectorError(
            f"the package just made failed its own verification: {exc.reason}"
        ) from None
    encrypted = pyrage.encrypt(plain, [ssh.Recipient.from_str(ssh_recipient(inspector_public))])
    final = out_dir / f"{package_id}{pfmt.SUFFIX}"
    try:
        write_file_atomically(final, encrypted, mode=0o644)
    except OSError as exc:
        raise InputError(
            f"the package could not be written to {out_dir} ({exc.strerror})"
        ) from None
    try:
        with store.write() as s:
            top = s.scalar(
                select(func.max(Package.sequence)).where(
                    Package.direction == "written", Package.inspector_key_id == key.key_id
                )
            )
            if (top or 0) != sequence - 1:
                raise ConflictError(
                    "another package for this inspector was written meanwhile; try again"
                )
            s.add(
                Package(
                    id=package_id,
                    direction="written",
                    inspector_key_id=key.key_id,
                    sequence=sequence,
                    round_id=rnd_id,
                    centre_key_id=signing_public.key_id,
                    announced_key_id=announced.key_id if announced else None,
                    register_mode=mode,
                    base_sequence=base,
                    content_sha256=vp.content_sha256,
                    file_name=final.name,
                    created_at=created,
                    recorded_by=store.actor,
                )
            )
            for a in s.scalars(
                select(RoundAssignment).where(RoundAssignment.id.in_(assignment_ids))
            ):
                a.package_id = package_id
            audit.append_event(
                s,
                actor=store.actor,
                action="package.written",
                entity="package",
                entity_id=package_id,
                detail={
                    "round": rnd_id,
                    "round_name": rnd_name,
                    "inspector": key.code,
                    "inspector_key_id": key.key_id,
                    "sequence": sequence,
                    "centre_key_id": signing_public.key_id,
                    "announced_key_id": announced.key_id if announced else None,
                    "register": mode,
                    "points": len(register.points),
                    "assignments": len(assignments),
                    "file": final.name,
                },
            )
    except BaseException:
        with contextlib.suppress(OSError):
            final.unlink()
        fsync_dir(out_dir)
        raise
    return WrittenPackage(
        package_id=package_id,
        path=final,
        size_bytes=len(encrypted),
        inspector_code=key.code,
        inspector_key_id=key.key_id,
        sequence=sequence,
        centre_key_id=signing_public.key_id,
        announced_key_id=announced.key_id if announced else None,
        register_mode=mode,
        points=len(register.points),
        assignments=len(assignments),
    )
