"""Laptops, command centres and bundles for the bundle tests (core, CLI, interop)."""

from __future__ import annotations

import hashlib
import uuid
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspector_app.core import inspections as svc
from inspector_app.core.bundle.content import bundle_document, inspection_entry
from inspector_app.core.bundle.format import photo_entry, utc_iso
from inspector_app.core.bundle.verified import (
    PhotoMember,
    TrustedKey,
    VerifiedBundle,
)
from inspector_app.core.db.models import (
    Base,
    Inspection,
    LocalKey,
)
from inspector_app.core.photos import photo_path
from inspector_app.core.points import import_points_file
from inspector_app.core.store import Store, open_store
from tests.factories import make_jpeg, write_points_csv

LAPTOP_PASS = "laptop-secret"


@dataclass
class Laptop:
    store: Store
    key_id: str
    public_key: bytes
    folder: Path


def make_laptop(tmp_path: Path, name: str = "laptop") -> Laptop:
    from inspector_app.core.keys import create_local_key

    folder = tmp_path / name
    folder.mkdir(parents=True, exist_ok=True)
    store = open_store(folder, actor=f"{name}-user")
    import_points_file(store, write_points_csv(folder))
    key = create_local_key(store, name="张三", code="T01", passphrase=LAPTOP_PASS)
    with store.read() as s:
        public = bytes(s.scalars(select(LocalKey.public_key)).one())
    return Laptop(store, key.key_id, public, folder)


def make_centre(tmp_path: Path, url: str | None = None) -> Store:
    """A command centre's store: SQLite in its data folder, or the database at `url`."""
    return open_store(tmp_path / "centre", url=url, actor="supervisor")


def enroll_laptop(centre: Store, laptop: Laptop, *, name: str = "张三", code: str = "T01") -> None:
    from inspector_app.core.keyring import enroll
    from inspector_app.core.keys import export_public

    enroll(centre, export_public(laptop.store).to_file(), name=name, code=code)


_colour = iter(range(10_000))


def make_final(laptop: Laptop, point: str = "FM-T1", note: str = "门口堆放杂物") -> str:
    """A finalised inspection with a problem (and its photo), a pass and an n.a."""
    store = laptop.store
    insp = svc.start_inspection(store, point)
    items = svc.get_inspection(store, insp.id).items
    n = next(_colour)
    photo = make_jpeg(
        laptop.folder / "camera" / f"IMG_{n:04}.jpg",
        taken=datetime(2026, 11, 26, 9, n % 60),
        colour=(n * 37 % 256, n * 11 % 256, 90),
    )
    problem = next(i for i in items if i.mode == "pass_fail")
    svc.record_finding(store, insp.id, problem.code, "problem", note=note, photos=[photo])
    others = [i for i in items if i.code != problem.code]
    svc.record_finding(store, insp.id, others[0].code, "pass")
    svc.record_finding(store, insp.id, others[1].code, "na")
    svc.finalise_inspection(store, insp.id)
    return insp.id


def verified_bundle(
    laptop: Laptop,
    inspection_ids: Sequence[str],
    *,
    sequence: int,
    out_dir: Path,
    bundle_id: str | None = None,
    signer: TrustedKey | None = None,
    salt: str = "",
) -> VerifiedBundle:
    """What the verifier hands on for a bundle of these inspections (no signature made:
    the importer trusts what the VerifiedBundle says; the reader's own tests cover it)."""
    bundle_id = bundle_id or str(uuid.uuid4())
    with laptop.store.read() as s:
        doc = bundle_document(s, list(inspection_ids))
    out_dir.mkdir(parents=True, exist_ok=True)
    zip_path = out_dir / f"{bundle_id}{salt}.zip"
    members: list[PhotoMember] = []

    def member(name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        info.create_system, info.external_attr = 3, 0o100644 << 16  # a regular file
        return info

    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr(member(f"{bundle_id}/data/bundle.json"), doc.model_dump_json() + salt)
        for p in doc.photos:
            entry = f"{bundle_id}/{photo_entry(p.sha256, p.format)}"
            data = photo_path(laptop.store.paths, p.sha256).read_bytes()
            zf.writestr(member(entry), data)
            members.append(PhotoMember(p.sha256, p.format, entry, len(data), -1))
    raw = zip_path.read_bytes()
    with zipfile.ZipFile(zip_path) as zf:  # where each photo's bytes start
        starts = {i.filename: i.header_offset + 30 + len(i.filename) for i in zf.infolist()}
    members = [replace(m, offset=starts[m.entry]) for m in members]
    return VerifiedBundle(
        source=zip_path,
        zip_path=zip_path,
        encrypted=False,
        bundle_id=bundle_id,
        key_id=laptop.key_id,
        signer=signer or TrustedKey(laptop.key_id, laptop.public_key, "张三", "T01"),
        sequence=sequence,
        created=utc_iso(datetime.now(UTC)),
        content_sha256=hashlib.sha256(raw).hexdigest(),
        size_bytes=len(raw),
        doc=doc,
        photos=tuple(members),
    )


def export(laptop: Laptop, inspection_ids: Sequence[str], out_dir: Path) -> list[Path]:
    """Real signed bundles from the laptop (unencrypted), one path per bundle written."""
    from inspector_app.core.bundle.writer import export_bundles

    out_dir.mkdir(parents=True, exist_ok=True)
    done = export_bundles(
        laptop.store, inspection_ids=list(inspection_ids), out_dir=out_dir, passphrase=LAPTOP_PASS
    )
    return [Path(b.path) for b in done]


def row_counts(store: Store) -> dict[str, int]:
    with store.read() as s:
        return {
            t.name: int(s.scalar(select(func.count()).select_from(t)) or 0)
            for t in Base.metadata.sorted_tables
        }


def entries(store: Store, ids: Sequence[str]) -> list[object]:
    with store.read() as s:
        return [inspection_entry(s, s.get(Inspection, i)) for i in ids]  # type: ignore[arg-type]


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Laptop]:
    """An inspector's data folder with the small register and a signing key."""
    lap = make_laptop(tmp_path)
    try:
        yield lap
    finally:
        lap.store.close()


@pytest.fixture
def centre(tmp_path: Path, laptop: Laptop, database_url: str | None) -> Iterator[Store]:
    """A command centre with the laptop's key enrolled, on each backend in turn."""
    store = make_centre(tmp_path, database_url)
    enroll_laptop(store, laptop)
    try:
        yield store
    finally:
        store.close()
