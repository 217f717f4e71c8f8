"""Export: signed bundles written whole or not at all, split, sequenced and recorded."""

from __future__ import annotations

import threading
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspector_app.core import inspections as svc
from inspector_app.core import keys
from inspector_app.core.bundle.format import SIGNATURE
from inspector_app.core.bundle.reader import open_verified, read_member
from inspector_app.core.bundle.verified import TrustedKey
from inspector_app.core.bundle.writer import export_bundles
from inspector_app.core.db.models import AuditEvent, Bundle, BundleInspection, Inspection, LocalKey
from inspector_app.core.errors import Cancelled, InputError
from inspector_app.core.store import Store
from tests.factories import make_jpeg

PASS = "correct horse"


def make_key(store: Store) -> keys.LocalKeyInfo:
    return keys.create_local_key(store, name="王伟", code="T01", passphrase=PASS)


def own_trust(store: Store) -> TrustedKey:
    with store.read() as s:
        row = s.scalars(select(LocalKey)).one()
        return TrustedKey(row.key_id, bytes(row.public_key), row.name, row.code)


def finalised(
    store: Store, tmp: Path, point: str = "FM-T1", photos: int = 1, size=(640, 480), seed: int = 0
) -> str:
    """A finalised inspection with one problem carrying `photos` distinct JPEGs."""
    insp = svc.start_inspection(store, point)
    items = svc.get_inspection(store, insp.id).items
    pf = next(i for i in items if i.mode == "pass_fail")
    files = [
        make_jpeg(
            tmp / f"{insp.id}-{n}.jpg",
            taken=datetime(2026, 3, 1, 9, n % 60),
            size=size,
            colour=((seed * 37 + n * 7) % 256, (n * 13) % 256, (seed * 11) % 256),
        )
        for n in range(photos)
    ]
    svc.record_finding(store, insp.id, pf.code, "problem", note="垃圾", photos=files)
    others = [i for i in items if i.code != pf.code]
    svc.record_finding(store, insp.id, others[0].code, "pass")
    svc.finalise_inspection(store, insp.id)
    return insp.id


def status_of(store: Store, insp_id: str) -> str:
    with store.read() as s:
        row = s.get(Inspection, insp_id)
        assert row is not None
        return row.status


def count(store: Store, table: type) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(table)) or 0


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def test_export_writes_a_verified_bundle_and_records_it(city: Store, tmp_path: Path, out: Path):
    make_key(city)
    a = finalised(city, tmp_path, "FM-T1", photos=2)
    b = finalised(city, tmp_path, "MR-T1", photos=1, seed=1)
    seen: list[tuple[int, int]] = []
    [bundle] = export_bundles(
        city,
        inspection_ids=[a, b],
        out_dir=out,
        passphrase=PASS,
        progress=lambda d, t: seen.append((d, t)),
    )
    assert bundle.path == out / f"{bundle.bundle_id}.zip" and bundle.path.exists()
    assert sorted(p.name for p in out.iterdir()) == [bundle.path.name]  # no temp left
    assert bundle.sequence == 1 and bundle.photos == 3 and set(bundle.inspections) == {a, b}
    assert bundle.to_json()["verified"] is True
    assert seen and seen[-1][0] == seen[-1][1] > 0

    with zipfile.ZipFile(bundle.path) as zf:
        names = zf.namelist()
        assert all(i.compress_type == zipfile.ZIP_STORED for i in zf.infolist())
    assert {n.split("/")[0] for n in names} == {bundle.bundle_id}
    assert f"{bundle.bundle_id}/{SIGNATURE}" in names

    with open_verified(bundle.path, trusted=lambda k: own_trust(city), tmp_dir=tmp_path) as vb:
        assert vb.bundle_id == bundle.bundle_id and vb.sequence == 1 and not vb.encrypted
        assert {i.id for i in vb.doc.inspections} == {a, b}
        assert len(vb.photos) == 3
        data = b"".join(read_member(vb, vb.photos[0].entry))
        assert len(data) == vb.photos[0].size

    assert status_of(city, a) == status_of(city, b) == "exported"
    with city.read() as s:
        row = s.get(Bundle, bundle.bundle_id)
        assert row is not None and row.direction == "export" and row.export_sequence == 1
        assert row.file_name == bundle.path.name and not row.encrypted
        assert s.scalars(select(LocalKey)).one().export_sequence == 1
        assert (
            s.scalar(
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.action == "bundle.exported")
            )
            == 1
        )
    assert count(city, BundleInspection) == 2


def test_drafts_are_refused_and_nothing_is_written(city: Store, tmp_path: Path, out: Path):
    make_key(city)
    draft = svc.start_inspection(city, "FM-T1").id
    with pytest.raises(InputError, match=f"inspection {draft} is a draft"):
        export_bundles(city, inspection_ids=[draft], out_dir=out, passphrase=PASS)
    assert list(out.iterdir()) == [] and count(city, Bundle) == 0


def test_no_key_and_bad_folder_are_clear_errors(city: Store, tmp_path: Path, out: Path):
    insp = finalised(city, tmp_path)
    with pytest.raises(InputError, match="key init"):
        export_bundles(city, inspection_ids=[insp], out_dir=out, passphrase=PASS)
    make_key(city)
    with pytest.raises(InputError, match="does not exist"):
        export_bundles(city, inspection_ids=[insp], out_dir=out / "nope", passphrase=PASS)


def test_wrong_passphrase_writes_nothing(city: Store, tmp_path: Path, out: Path):
    make_key(city)
    insp = finalised(city, tmp_path)
    with pytest.raises(InputError, match="wrong passphrase"):
        export_bundles(city, inspection_ids=[insp], out_dir=out, passphrase="not it")
    assert list(out.iterdir()) == [] and count(city, Bundle) == 0
    assert status_of(city, insp) == "final"


def test_cancel_leaves_no_file_and_records_nothing(city: Store, tmp_path: Path, out: Path):
    make_key(city)
    insp = finalised(city, tmp_path, photos=2)
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done > 0:
            cancel.set()

    with pytest.raises(Cancelled):
        export_bundles(
            city,
            inspection_ids=[insp],
            out_dir=out,
            passphrase=PASS,
            progress=progress,
            cancel=cancel,
        )
    assert list(out.iterdir()) == [] and count(city, Bundle) == 0
    assert status_of(city, insp) == "final"


def test_split_along_inspections_and_sequences_rise(city: Store, tmp_path: Path, out: Path):
    make_key(city)
    # noise-free JPEGs are small, so big ones make the split happen at a small limit
    ids = [
        finalised(city, tmp_path, p, photos=1, size=(2400, 1800), seed=n)
        for n, p in enumerate(["FM-T1", "MR-T1", "BS-T1"])
    ]
    limit = 2 * 1024 * 1024 + 64 * 1024 + 200 * 1024  # overhead + one inspection
    done = export_bundles(
        city, inspection_ids=ids, out_dir=out, passphrase=PASS, max_bytes=max(limit, 4 << 20)
    )
    assert [b.sequence for b in done] == list(range(1, len(done) + 1))
    assert [i for b in done for i in b.inspections] == ids
    assert all(b.size_bytes < max(limit, 4 << 20) for b in done)
    assert count(city, Bundle) == len(done)


def test_split_with_a_tiny_limit(city: Store, tmp_path: Path, out: Path, monkeypatch):
    from inspector_app.core.bundle import writer

    monkeypatch.setattr(writer, "MIN_MAX_BYTES", 1)
    monkeypatch.setattr(writer, "BUNDLE_OVERHEAD", 300 * 1024)
    make_key(city)
    ids = [finalised(city, tmp_path, p, seed=n) for n, p in enumerate(["FM-T1", "MR-T1"])]
    done = export_bundles(
        city, inspection_ids=ids, out_dir=out, passphrase=PASS, max_bytes=420 * 1024
    )
    assert len(done) == 2 and [b.inspections for b in done] == [(ids[0],), (ids[1],)]
    assert [b.sequence for b in done] == [1, 2]
    with pytest.raises(InputError, match="alone needs"):
        export_bundles(
            city, inspection_ids=ids[:1], out_dir=out, passphrase=PASS, max_bytes=100 * 1024
        )


def test_re_export_makes_a_new_bundle_with_a_new_sequence(city: Store, tmp_path: Path, out: Path):
    make_key(city)
    insp = finalised(city, tmp_path)
    [first] = export_bundles(city, inspection_ids=[insp], out_dir=out, passphrase=PASS)
    # all_final takes only inspections not yet exported
    with pytest.raises(InputError, match="no finalised inspection"):
        export_bundles(city, all_final=True, out_dir=out, passphrase=PASS)
    [again] = export_bundles(city, inspection_ids=[insp], out_dir=out, passphrase=PASS)
    assert again.bundle_id != first.bundle_id and again.sequence == first.sequence + 1
    assert status_of(city, insp) == "exported" and count(city, Bundle) == 2


def test_all_final_exports_the_finalised_ones(city: Store, tmp_path: Path, out: Path):
    make_key(city)
    a = finalised(city, tmp_path, "FM-T1")
    svc.start_inspection(city, "MR-T1")  # a draft stays behind
    [b] = export_bundles(city, all_final=True, out_dir=out, passphrase=PASS)
    assert b.inspections == (a,)


def test_encrypted_export(city: Store, tmp_path: Path, out: Path):
    import pyrage

    make_key(city)
    insp = finalised(city, tmp_path)
    ident = pyrage.x25519.Identity.generate()
    [b] = export_bundles(
        city,
        inspection_ids=[insp],
        out_dir=out,
        passphrase=PASS,
        recipient=str(ident.to_public()),
    )
    assert b.encrypted and b.path.name == f"{b.bundle_id}.zip.age"
    assert sorted(p.name for p in out.iterdir()) == [b.path.name]
    assert b.path.read_bytes().startswith(b"age-encryption.org/v1")
    with open_verified(
        b.path, trusted=lambda k: own_trust(city), identity=ident, tmp_dir=tmp_path / "t"
    ) as vb:
        assert vb.encrypted and vb.zip_path.exists()
        plain = vb.zip_path
    assert not plain.exists()
    with city.read() as s:
        row = s.get(Bundle, b.bundle_id)
        assert row is not None and row.encrypted and row.content_sha256 == vb.content_sha256


def test_bad_recipient_is_refused_before_writing(city: Store, tmp_path: Path, out: Path):
    make_key(city)
    insp = finalised(city, tmp_path)
    with pytest.raises(InputError, match="not an age X25519 recipient"):
        export_bundles(
            city, inspection_ids=[insp], out_dir=out, passphrase=PASS, recipient="age1nope"
        )
    assert list(out.iterdir()) == []
