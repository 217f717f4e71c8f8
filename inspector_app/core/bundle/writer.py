"""Export: finalised inspections as signed (optionally encrypted) bundles (DESIGN §5).

Per bundle: a stored zip written to `<id>.zip.part` beside its destination, photos streamed
from the store in 1 MiB chunks (SHA-256 on a second thread while the zip's CRC and the
write run on this one), manifests, bag-info and the minisign signature of the tag
manifest; fsync; our own strict verifier run on what was written, with the laptop's own
public key as the only trusted key; sign first, then encrypt with age when a recipient is
given; fsync; rename to the final name; fsync the folder. Only then is the export recorded
(Bundle row, sequence, inspections marked exported, audit event), in one transaction.
Anything that fails or is cancelled leaves no temporary file and records nothing; bundles
finished earlier in the same export stay, recorded.

Export sequences per key go up by one with each recorded bundle, with no gap and no
number used twice, even with two exports running on one store (the window and the command
line): a bundle is written with the key's next number and recorded only if that number is
still the next one (the key's row locked, under the writers' lock); if another export
recorded it meanwhile, the bundle is removed and written again with the following number.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import uuid
import zipfile
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from cryptography.hazmat.primitives import serialization
from sqlalchemy import select

from inspector_app import __version__
from inspector_app.core import agefile, audit, signed_bag
from inspector_app.core.bundle import format as fmt
from inspector_app.core.bundle.content import bundle_document
from inspector_app.core.bundle.reader import open_verified
from inspector_app.core.bundle.schema import render_bundle_json
from inspector_app.core.bundle.verified import BundleRejected, TrustedKey
from inspector_app.core.db.models import (
    Bundle,
    BundleInspection,
    Inspection,
    LocalKey,
    Photo,
    PhotoAttachment,
)
from inspector_app.core.db.types import utcnow
from inspector_app.core.errors import Cancelled, ConflictError, InputError, InspectorError
from inspector_app.core.fsutil import fsync_dir, fsync_file
from inspector_app.core.inspections import find_inspection
from inspector_app.core.keys import get_local_key, load_private_key
from inspector_app.core.photos import CancelToken, photo_path
from inspector_app.core.store import Store

CHUNK = 1024 * 1024
DEFAULT_MAX_BUNDLE_BYTES = fmt.DEFAULT_MAX_BUNDLE_BYTES
#: size estimate beyond the photos: catalogues, bundle.json, tag files, zip headers
BUNDLE_OVERHEAD = 2 * 1024 * 1024
INSPECTION_OVERHEAD = 64 * 1024
PHOTO_OVERHEAD = 2 * 1024
#: the smallest limit that makes sense (a bundle's fixed overhead and a little more)
MIN_MAX_BYTES = 4 * 1024 * 1024

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportedBundle:
    bundle_id: str
    path: Path
    size_bytes: int  # of the file at `path`
    encrypted: bool
    key_id: str
    sequence: int
    inspections: tuple[str, ...]
    photos: int

    def to_json(self) -> dict[str, object]:
        return {
            "bundle_id": self.bundle_id,
            "path": str(self.path),
            "file_name": self.path.name,
            "size_bytes": self.size_bytes,
            "encrypted": self.encrypted,
            "key_id": self.key_id,
            "sequence": self.sequence,
            "inspections": list(self.inspections),
            "photos": self.photos,
            "verified": True,
        }


@dataclass(frozen=True)
class _Planned:
    inspections: tuple[str, ...]
    photo_bytes: int


# --- checks and planning ------------------------------------------------------------------------


def _check_out_dir(out_dir: Path) -> Path:
    out_dir = Path(out_dir)
    if not out_dir.exists():
        raise InputError(f"the destination folder {out_dir} does not exist")
    if not out_dir.is_dir():
        raise InputError(f"the destination {out_dir} is not a folder")
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise InputError(f"the destination folder {out_dir} is not writable")
    return out_dir


def _parse_recipient(recipient: str | None) -> str | None:
    if recipient is None:
        return None
    try:
        agefile.recipient_key(recipient)
        return recipient.strip()
    except ValueError:
        raise InputError(
            f"the recipient {recipient!r} is not an age X25519 recipient (age1…)"
        ) from None


def _select(store: Store, inspection_ids: Sequence[str] | None, all_final: bool) -> list[str]:
    with store.read() as s:
        if all_final:
            if inspection_ids:
                raise InputError("give inspection ids or all_final, not both")
            ids = list(
                s.scalars(
                    select(Inspection.id)
                    .where(Inspection.status == "final", Inspection.origin_bundle_id.is_(None))
                    .order_by(Inspection.finalised_at, Inspection.id)
                )
            )
            if not ids:
                raise InputError("no finalised inspection is waiting to be exported")
            return ids
        if not inspection_ids:
            raise InputError("no inspection to export: give inspection ids or all_final")
        out: list[str] = []
        for ident in inspection_ids:
            insp = find_inspection(s, ident)
            if insp.status == "draft":
                raise InputError(f"inspection {insp.id} is a draft; finalise it before exporting")
            if insp.origin_bundle_id is not None:
                raise InputError(
                    f"inspection {insp.id} was imported from a bundle; only this laptop's "
                    "own inspections are exported"
                )
            if insp.id not in out:
                out.append(insp.id)
        return out


def _plan(store: Store, ids: list[str], max_bytes: int) -> list[_Planned]:
    """Group inspections (in order) so each bundle's estimated size stays below the limit."""
    with store.read() as s:
        photos: dict[str, dict[str, int]] = {i: {} for i in ids}
        rows = s.execute(
            select(PhotoAttachment.inspection_id, Photo.sha256, Photo.size_bytes)
            .join(Photo, Photo.sha256 == PhotoAttachment.photo_sha256)
            .where(PhotoAttachment.inspection_id.in_(ids))
        )
        for insp_id, sha, size in rows:
            photos[insp_id][sha] = size
    groups: list[_Planned] = []
    current: list[str] = []
    shas: dict[str, int] = {}

    def estimate(members: list[str], files: dict[str, int]) -> int:
        return (
            BUNDLE_OVERHEAD
            + INSPECTION_OVERHEAD * len(members)
            + sum(files.values())
            + PHOTO_OVERHEAD * len(files)
        )

    for insp_id in ids:
        alone = estimate([insp_id], photos[insp_id])
        if alone >= max_bytes:
            raise InputError(
                f"inspection {insp_id} alone needs about {alone // (1024 * 1024)} MiB, more "
                f"than the bundle size limit of {max_bytes // (1024 * 1024)} MiB"
            )
        merged = {**shas, **photos[insp_id]}
        if current and estimate([*current, insp_id], merged) >= max_bytes:
            groups.append(_Planned(tuple(current), sum(shas.values())))
            current, merged = [], dict(photos[insp_id])
        current.append(insp_id)
        shas = merged
    if current:
        groups.append(_Planned(tuple(current), sum(shas.values())))
    return groups


# --- writing one bundle -----------------------------------------------------------------------


class _Run:
    """Progress and cancel across the bundles of one export."""

    def __init__(self, total: int, progress: Progress | None, cancel: CancelToken | None):
        self.total, self.done = total, 0
        self.progress, self.cancel = progress, cancel

    def check(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled("export cancelled; nothing was kept of the unfinished bundle")

    def advance(self, n: int) -> None:
        self.done += n
        if self.progress:
            self.progress(self.done, self.total)


def _stream_photo(
    zf: zipfile.ZipFile,
    name: str,
    source: Path,
    size: int,
    created: datetime,
    pool: ThreadPoolExecutor,
    run: _Run,
) -> str:
    """Copy one photo into the zip in chunks; SHA-256 on the pool while CRC + write run here."""
    digest = hashlib.sha256()
    pending: list[Future[None]] = []
    written = 0
    try:
        src: IO[bytes] = open(source, "rb", buffering=0)  # noqa: SIM115 - closed below
    except OSError as exc:
        raise InputError(
            f"photo {source.name} is missing from the photo store ({exc.strerror})"
        ) from None
    with src, zf.open(fmt.zip_info(name, size, created), "w") as out:
        while True:
            run.check()
            chunk = src.read(CHUNK)
            if not chunk:
                break
            written += len(chunk)
            if written > size:
                break
            pending.append(pool.submit(digest.update, chunk))
            out.write(chunk)
            if len(pending) > 1:  # at most two chunks in memory
                pending.pop(0).result()
            run.advance(len(chunk))
        for fut in pending:
            fut.result()
        if written != size:
            raise InputError(
                f"photo {source.name} in the photo store has {written} bytes, not {size}; "
                "the store is damaged"
            )
    return digest.hexdigest()


def _write_zip(
    fh: IO[bytes],
    *,
    bundle_id: str,
    key_id: str,
    sequence: int,
    created: datetime,
    doc_bytes: bytes,
    photos: Sequence[tuple[str, str, int]],
    store: Store,
    private: Any,
    run: _Run,
) -> None:
    top = bundle_id + "/"
    manifest: list[tuple[str, str]] = []
    with (
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="bundle-hash") as pool,
        zipfile.ZipFile(fh, "w", zipfile.ZIP_STORED, allowZip64=False) as zf,
    ):
        signed_bag.write_entry(zf, top + fmt.BUNDLE_JSON, doc_bytes, created)
        manifest.append((fmt.BUNDLE_JSON, hashlib.sha256(doc_bytes).hexdigest()))
        for sha, photo_format, size in photos:
            rel = fmt.photo_entry(sha, photo_format)
            got = _stream_photo(
                zf, top + rel, photo_path(store.paths, sha), size, created, pool, run
            )
            if got != sha:
                raise InputError(
                    f"photo {sha} in the photo store no longer matches its hash; the store "
                    "is damaged"
                )
            manifest.append((rel, sha))
        run.check()
        bag_info = fmt.bag_info_text(
            bundle_id=bundle_id,
            key_id=key_id,
            sequence=sequence,
            created=created,
            payload_bytes=len(doc_bytes) + sum(p[2] for p in photos),
            payload_files=1 + len(photos),
            agent=f"inspector-app {__version__}",
        ).encode()
        comment = fmt.TrustedComment(bundle_id, key_id, sequence, fmt.utc_iso(created)).render()
        signed_bag.write_tag_files(
            zf,
            top=top,
            manifest=manifest,
            bag_info=bag_info,
            private=private,
            key_id=key_id,
            comment=comment,
            created=created,
        )


def _remove(*paths: Path) -> None:
    for p in paths:
        with contextlib.suppress(OSError):
            p.unlink()


#: how many times one bundle is written again when other exports on the same store keep
#: recording the sequence number it was written with
SEQUENCE_TRIES = 5


class _SequenceTaken(Exception):
    """Another export recorded this bundle's sequence number first."""


def _export_one(store: Store, plan: _Planned, *, run: _Run, **kw: Any) -> ExportedBundle:
    """One bundle with the key's next export sequence (see the module's docstring)."""
    done_before = run.done
    for _try in range(SEQUENCE_TRIES):
        try:
            return _export_numbered(store, plan, run=run, **kw)
        except _SequenceTaken:
            run.done = done_before  # its photos are streamed again
    raise ConflictError(
        "other exports on this store kept taking the next sequence number; try again"
    )


def _export_numbered(
    store: Store,
    plan: _Planned,
    *,
    out_dir: Path,
    key_row_id: str,
    key_id: str,
    own: TrustedKey,
    private: Any,
    recipient: Any,
    max_bytes: int,
    run: _Run,
) -> ExportedBundle:
    bundle_id = str(uuid.uuid4())
    created = utcnow().replace(microsecond=0)
    with store.read() as s:  # checked again when the bundle is recorded
        key_row = s.get(LocalKey, key_row_id)
        assert key_row is not None
        sequence = key_row.export_sequence + 1
    with store.read() as s:
        doc = bundle_document(s, plan.inspections)
    doc_bytes = render_bundle_json(doc)
    photos = [(p.sha256, p.format, p.size_bytes) for p in doc.photos]

    plain = out_dir / f"{bundle_id}.zip.part"
    enc = out_dir / f"{bundle_id}.zip.age.part"
    final = out_dir / (f"{bundle_id}.zip.age" if recipient is not None else f"{bundle_id}.zip")
    at_final = False
    try:
        try:
            with open(plain, "xb") as fh:
                _write_zip(
                    fh,
                    bundle_id=bundle_id,
                    key_id=key_id,
                    sequence=sequence,
                    created=created,
                    doc_bytes=doc_bytes,
                    photos=photos,
                    store=store,
                    private=private,
                    run=run,
                )
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise InputError(
                f"the bundle could not be written to {out_dir} ({exc.strerror or exc})"
            ) from None
        run.check()
        size = plain.stat().st_size
        if size >= max_bytes:
            raise InputError(f"the bundle came to {size} bytes, not below the limit of {max_bytes}")
        tmp_dir = store.paths.tmp
        try:
            with open_verified(
                plain, trusted=lambda k: own if k == key_id else None, tmp_dir=tmp_dir
            ) as vb:
                content_sha256, plain_size = vb.content_sha256, vb.size_bytes
                if (vb.bundle_id, vb.sequence, vb.key_id) != (bundle_id, sequence, key_id):
                    raise BundleRejected("it does not carry the id, key and sequence written")
        except BundleRejected as exc:
            raise InspectorError(
                f"the bundle just written failed its own verification: {exc.reason}"
            ) from None
        run.check()
        if recipient is not None:
            try:
                agefile.encrypt_file(plain, enc, [recipient], check=run.check)
                fsync_file(enc)
            except OSError as exc:
                raise InputError(
                    f"the bundle could not be encrypted ({exc.strerror or exc})"
                ) from None
            _remove(plain)
            run.check()
            os.replace(enc, final)
        else:
            os.replace(plain, final)
        at_final = True
        fsync_dir(out_dir)
        file_size = final.stat().st_size

        with store.write() as s:
            key_row = s.get(LocalKey, key_row_id, with_for_update=True)
            assert key_row is not None
            if key_row.export_sequence != sequence - 1:
                raise _SequenceTaken()
            key_row.export_sequence = sequence
            s.add(
                Bundle(
                    id=bundle_id,
                    direction="export",
                    key_id=key_id,
                    export_sequence=sequence,
                    content_sha256=content_sha256,
                    size_bytes=plain_size,
                    file_name=final.name,
                    encrypted=recipient is not None,
                    created_at=created,
                    recorded_by=store.actor,
                )
            )
            s.flush()
            now = utcnow()
            for insp_id in plan.inspections:
                insp = s.get(Inspection, insp_id)
                assert insp is not None
                if insp.status == "draft":
                    raise ConflictError(f"inspection {insp_id} became a draft during export")
                insp.status, insp.updated_at = "exported", now
                s.add(BundleInspection(bundle_id=bundle_id, inspection_id=insp_id))
            audit.append_event(
                s,
                actor=store.actor,
                action="bundle.exported",
                entity="bundle",
                entity_id=bundle_id,
                detail={
                    "file": final.name,
                    "key_id": key_id,
                    "sequence": sequence,
                    "inspections": list(plan.inspections),
                    "photos": len(photos),
                    "encrypted": recipient is not None,
                    "content_sha256": content_sha256,
                },
            )
    except BaseException:
        _remove(plain, enc)
        if at_final:  # never leave an unrecorded bundle whose sequence will be used again
            _remove(final)
            fsync_dir(out_dir)
        raise
    return ExportedBundle(
        bundle_id=bundle_id,
        path=final,
        size_bytes=file_size,
        encrypted=recipient is not None,
        key_id=key_id,
        sequence=sequence,
        inspections=plan.inspections,
        photos=len(photos),
    )


# --- the export -------------------------------------------------------------------------------


def export_bundles(
    store: Store,
    *,
    inspection_ids: Sequence[str] | None = None,
    all_final: bool = False,
    out_dir: Path,
    passphrase: str,
    recipient: str | None = None,
    max_bytes: int = DEFAULT_MAX_BUNDLE_BYTES,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> list[ExportedBundle]:
    """Export finalised inspections (by id, or every `final` one) as bundles in `out_dir`.

    Several bundles when they would not fit below `max_bytes` together (split along
    inspection boundaries). `progress(done_bytes, total_bytes)`; `cancel.is_set()` stops
    the export, keeping (recorded) only the bundles already finished.
    """
    out_dir = _check_out_dir(out_dir)
    if max_bytes > DEFAULT_MAX_BUNDLE_BYTES:
        raise InputError(
            f"the bundle size limit can be at most {DEFAULT_MAX_BUNDLE_BYTES} bytes (2 GiB)"
        )
    if max_bytes < MIN_MAX_BYTES:
        raise InputError(f"the bundle size limit must be at least {MIN_MAX_BYTES} bytes")
    rcpt = _parse_recipient(recipient)
    key = get_local_key(store)
    if key is None:
        raise InputError("this laptop has no signing key yet: run `inspector-app key init`")
    private = load_private_key(store, key, passphrase)
    with store.read() as s:
        row = s.get(LocalKey, key.id)
        assert row is not None
        public = bytes(row.public_key)
    derived = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    if derived != public:
        raise InputError("the secret key file does not belong to this laptop's public key")
    own = TrustedKey(key.key_id, public, key.name, key.code)

    ids = _select(store, inspection_ids, all_final)
    plans = _plan(store, ids, max_bytes)
    total = sum(p.photo_bytes for p in plans)
    run = _Run(total, progress, cancel)
    if progress:
        progress(0, total)
    done: list[ExportedBundle] = []
    for plan in plans:
        run.check()
        done.append(
            _export_one(
                store,
                plan,
                out_dir=out_dir,
                key_row_id=key.id,
                key_id=key.key_id,
                own=own,
                private=private,
                recipient=rcpt,
                max_bytes=max_bytes,
                run=run,
            )
        )
    return done


__all__ = ["DEFAULT_MAX_BUNDLE_BYTES", "ExportedBundle", "export_bundles"]
