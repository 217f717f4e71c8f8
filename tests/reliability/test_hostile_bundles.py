"""A corpus of hostile bundles, each made from a valid one: every one is rejected by
`verify` and by `import` with its own specific reason, the command centre's store is left
exactly as it was, and nothing is left behind outside the temporary folder."""

from __future__ import annotations

import hashlib
import json
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from inspector_app.core import centre, keyring, keys, minisign
from inspector_app.core import inspections as svc
from inspector_app.core.bundle import format as fmt
from inspector_app.core.bundle.importer import check_files, import_files
from inspector_app.core.bundle.writer import export_bundles
from inspector_app.core.db.models import Base
from inspector_app.core.points import import_points_file
from inspector_app.core.store import Store, open_store
from tests.factories import make_jpeg, write_points_csv
from tests.reliability.bundle_forge import (
    Entry,
    Forge,
    overlap_entries,
    patch_central_size,
    patch_central_time,
    set_encrypted_flag,
    write_zip,
)

PASS = "laptop passphrase"
CENTRE_PASS = "centre passphrase"


@dataclass
class World:
    laptop: Store
    centre: Store
    valid: Path  # imported at the centre already
    fresh: Path  # valid, not imported (sequence 2)
    private: Ed25519PrivateKey
    key_id: str
    revoked_private: Ed25519PrivateKey
    revoked_key_id: str
    identity: pyrage.x25519.Identity
    work: Path


def _finalised(store: Store, tmp: Path, n: int) -> str:
    insp = svc.start_inspection(store, "FM-T1")
    items = [i for i in svc.get_inspection(store, insp.id).items if i.needs_photo]
    for k, item in enumerate(items[:2]):
        shot = make_jpeg(tmp / f"p{n}-{k}.jpg", colour=(n * 20 % 256, k * 90, 30))
        svc.record_finding(store, insp.id, item.code, "problem", count=1, photos=[shot])
    svc.finalise_inspection(store, insp.id)
    return insp.id


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root = tmp_path_factory.mktemp("hostile")
    laptop = open_store(root / "laptop", actor="inspector")
    import_points_file(laptop, write_points_csv(root))
    info = keys.create_local_key(laptop, name="张三", code="T01", passphrase=PASS)
    out = root / "out"
    out.mkdir()
    first = export_bundles(
        laptop, inspection_ids=[_finalised(laptop, root, 1)], out_dir=out, passphrase=PASS
    )[0]
    second = export_bundles(
        laptop, inspection_ids=[_finalised(laptop, root, 2)], out_dir=out, passphrase=PASS
    )[0]
    centre_store = open_store(root / "centre", actor="supervisor")
    keyring.enroll(centre_store, keys.export_public(laptop).to_file(), name="张三", code="T01")
    revoked = Ed25519PrivateKey.generate()
    revoked_id = "0123456789ABCDEF"
    keyring.enroll(
        centre_store,
        minisign.PublicKey(revoked_id, revoked.public_key().public_bytes_raw()).to_file(),
        name="李四",
        code="T02",
    )
    keyring.revoke(centre_store, revoked_id)
    centre.init_encryption(centre_store, CENTRE_PASS)
    identity = centre.load_identity(centre_store, CENTRE_PASS)
    reports = import_files(centre_store, [first.path], identity=identity)
    assert reports[0].verdict == "IMPORTED", reports[0]
    work = root / "work"
    work.mkdir()
    yield World(
        laptop,
        centre_store,
        first.path,
        second.path,
        keys.load_private_key(laptop, info, PASS),
        info.key_id,
        revoked,
        revoked_id,
        identity,
        work,
    )
    laptop.close()
    centre_store.close()


def snapshot(store: Store) -> tuple[dict[str, int], list[str]]:
    with store.read() as s:
        counts = {
            t.name: s.scalar(select(func.count()).select_from(t)) or 0
            for t in Base.metadata.sorted_tables
        }
    files = sorted(
        str(p.relative_to(store.paths.root))
        for p in store.paths.root.rglob("*")
        if p.is_file() and not p.name.startswith("inspector.db")
    )
    return counts, files


# --- the corpus ----------------------------------------------------------------------


def _forge(w: World, fresh: bool = True) -> Forge:
    return Forge.load(w.fresh if fresh else w.valid)


def _resigned(f: Forge, w: World) -> Forge:
    f.rehash()
    f.resign(key=w.private, key_id=w.key_id)
    return f


def _with_top_entry(name: str) -> Callable[[World, Path], None]:
    def make(w: World, out: Path) -> None:
        f = _forge(w)
        f.entries.append(Entry(name.format(top=f.top), b"x"))
        f.write(out)

    return make


def _edit_json(w: World, edit: Callable[[dict], None]) -> Forge:
    f = _forge(w)
    doc = json.loads(f.get(fmt.BUNDLE_JSON))
    edit(doc)
    f.set(fmt.BUNDLE_JSON, json.dumps(doc, ensure_ascii=False).encode())
    return _resigned(f, w)


def _photo_rel(f: Forge) -> str:
    return next(r for r in f.rels() if r.startswith(fmt.PHOTO_DIR))


def c_traversal(w: World, out: Path) -> None:
    f = _forge(w)
    f.entries.append(Entry(f"{f.top}/data/../../evil.txt", b"x"))
    f.write(out)


def c_symlink(w: World, out: Path) -> None:
    f = _forge(w)
    f.entries.append(Entry(f"{f.top}/data/link", b"/etc/passwd", symlink=True))
    f.write(out)


def c_duplicate(w: World, out: Path) -> None:
    f = _forge(w)
    f.entries.append(Entry(f"{f.top}/{fmt.BAGIT_TXT}", f.get(fmt.BAGIT_TXT)))
    with pytest.warns(UserWarning):
        f.write(out)


def c_case_collision(w: World, out: Path) -> None:
    f = _forge(w)
    f.entries.append(Entry(f"{f.top}/BAGIT.TXT", f.get(fmt.BAGIT_TXT)))
    f.write(out)


def c_compressed(w: World, out: Path) -> None:
    f = _forge(w)
    for e in f.entries:
        if e.name.endswith(fmt.BUNDLE_JSON):
            e.compress = True
    f.write(out)


def c_zip_bomb(w: World, out: Path) -> None:
    f = _forge(w)
    f.entries.append(Entry(f"{f.top}/data/bomb.bin", b"\0" * 50_000_000, compress=True))
    f.write(out)


def c_size_mismatch(w: World, out: Path) -> None:
    f = _forge(w)
    f.write(out)
    patch_central_size(out, f"{f.top}/{fmt.BUNDLE_JSON}", 10**6)


def c_too_many(w: World, out: Path) -> None:
    f = _forge(w)
    f.entries += [Entry(f"{f.top}/data/n{k}", b"") for k in range(fmt.MAX_ENTRIES + 1)]
    f.write(out)


def c_overlap(w: World, out: Path) -> None:
    f = _forge(w)
    f.write(out)
    overlap_entries(out, f"{f.top}/{fmt.BAGIT_TXT}", f"{f.top}/{fmt.BAG_INFO_TXT}")


def c_encrypted_entry(w: World, out: Path) -> None:
    f = _forge(w)
    f.write(out)
    set_encrypted_flag(out, f"{f.top}/{fmt.BUNDLE_JSON}")


def c_missing_payload(w: World, out: Path) -> None:
    f = _forge(w)
    f.drop(_photo_rel(f))
    f.write(out)


def c_extra_payload(w: World, out: Path) -> None:
    f = _forge(w)
    f.set("data/extra.txt", b"added later")
    f.write(out)


def c_hash_mismatch(w: World, out: Path) -> None:
    f = _forge(w)
    rel = _photo_rel(f)
    data = bytearray(f.get(rel))
    data[len(data) // 2] ^= 0xFF
    f.set(rel, bytes(data))
    f.write(out)


def c_manifest_malformed(w: World, out: Path) -> None:
    f = _forge(w)
    f.set(fmt.MANIFEST, f.get(fmt.MANIFEST).replace(b"  data/", b" data/", 1))
    f.set(
        fmt.TAG_MANIFEST,
        fmt.manifest_text(
            [(r, hashlib.sha256(f.get(r)).hexdigest()) for r in fmt.TAG_FILES]
        ).encode(),
    )
    f.resign(key=w.private, key_id=w.key_id)
    f.write(out)


def c_manifest_duplicated(w: World, out: Path) -> None:
    f = _forge(w)
    first = f.get(fmt.MANIFEST).splitlines(keepends=True)[0]
    f.set(fmt.MANIFEST, f.get(fmt.MANIFEST) + first)
    f.set(
        fmt.TAG_MANIFEST,
        fmt.manifest_text(
            [(r, hashlib.sha256(f.get(r)).hexdigest()) for r in fmt.TAG_FILES]
        ).encode(),
    )
    f.resign(key=w.private, key_id=w.key_id)
    f.write(out)


def c_missing_tag_manifest(w: World, out: Path) -> None:
    f = _forge(w)
    f.drop(fmt.TAG_MANIFEST)
    f.write(out)


def c_fetch(w: World, out: Path) -> None:
    f = _forge(w)
    f.set("fetch.txt", b"http://example.org/x 1 data/x\n")
    f.write(out)


def c_bag_info_edited(w: World, out: Path) -> None:
    f = _forge(w)
    f.set(
        fmt.BAG_INFO_TXT, f.get(fmt.BAG_INFO_TXT).replace(b"Bagging-Date: 20", b"Bagging-Date: 19")
    )
    f.rehash()
    f.write(out)


def c_json_edited_not_resigned(w: World, out: Path) -> None:
    f = _forge(w)
    f.set(fmt.BUNDLE_JSON, f.get(fmt.BUNDLE_JSON).replace(b'"covert": true', b'"covert": false'))
    f.rehash()
    f.write(out)


def c_signature_missing(w: World, out: Path) -> None:
    f = _forge(w)
    f.drop(fmt.SIGNATURE)
    f.write(out)


def c_signature_malformed(w: World, out: Path) -> None:
    f = _forge(w)
    f.set(fmt.SIGNATURE, b"untrusted comment: x\nnot base64 at all!\n")
    f.write(out)


def _resign_as(w: World, f: Forge, key: Ed25519PrivateKey, key_id: str) -> None:
    old = minisign.parse_signature(f.get(fmt.SIGNATURE)).trusted_comment
    f.set(
        fmt.BAG_INFO_TXT,
        re.sub(
            rb"Inspector-Key-Id: \w+",
            f"Inspector-Key-Id: {key_id}".encode(),
            f.get(fmt.BAG_INFO_TXT),
        ),
    )
    f.rehash()
    f.resign(key=key, key_id=key_id, comment=re.sub(r"key=\w+", f"key={key_id}", old))


def c_unknown_key(w: World, out: Path) -> None:
    f = _forge(w)
    _resign_as(w, f, Ed25519PrivateKey.generate(), "FEDCBA9876543210")
    f.write(out)


def c_revoked_key(w: World, out: Path) -> None:
    f = _forge(w)
    _resign_as(w, f, w.revoked_private, w.revoked_key_id)
    f.write(out)


def c_comment_disagrees(w: World, out: Path) -> None:
    f = _forge(w)
    old = minisign.parse_signature(f.get(fmt.SIGNATURE)).trusted_comment
    f.resign(key=w.private, key_id=w.key_id, comment=re.sub(r"seq=\d+", "seq=99", old))
    f.write(out)


def c_same_id_other_content(w: World, out: Path) -> None:
    f = _forge(w, fresh=False)
    f.set(fmt.BUNDLE_JSON, f.get(fmt.BUNDLE_JSON).replace(b'"covert": true', b'"covert": false'))
    _resigned(f, w).write(out)


def c_replay(w: World, out: Path) -> None:
    f = _forge(w, fresh=False)
    new_id = "00000000-0000-4000-8000-000000000001"
    old_id = f.top
    for e in f.entries:
        e.name = e.name.replace(old_id, new_id, 1)
    f.top = new_id
    f.set(fmt.BAG_INFO_TXT, f.get(fmt.BAG_INFO_TXT).replace(old_id.encode(), new_id.encode()))
    f.rehash()
    old = minisign.parse_signature(f.get(fmt.SIGNATURE)).trusted_comment
    f.resign(key=w.private, key_id=w.key_id, comment=old.replace(old_id, new_id))
    f.write(out)


def c_photo_not_image(w: World, out: Path) -> None:
    f = _forge(w)
    rel = _photo_rel(f)
    old_sha = rel.split("/")[-1].split(".")[0]
    junk = b"this is text, not a photo\n" * 10
    new_sha = hashlib.sha256(junk).hexdigest()
    f.drop(rel)
    f.set(f"{fmt.PHOTO_DIR}{new_sha}.jpg", junk)
    doc = f.get(fmt.BUNDLE_JSON).replace(old_sha.encode(), new_sha.encode())
    doc = re.sub(
        rb'("sha256": "'
        + new_sha.encode()
        + rb'",\s*"file": "[^"]*",\s*"format": "JPEG",\s*"size_bytes": )\d+',
        rb"\g<1>" + str(len(junk)).encode(),
        doc,
    )
    f.set(fmt.BUNDLE_JSON, doc)
    _resigned(f, w).write(out)


def c_json_unknown_field(w: World, out: Path) -> None:
    _edit_json(w, lambda d: d.update({"smuggled": 1})).write(out)


def c_json_duplicate_key(w: World, out: Path) -> None:
    f = _forge(w)
    f.set(fmt.BUNDLE_JSON, f.get(fmt.BUNDLE_JSON).replace(b"{", b'{"format": "x",', 1))
    _resigned(f, w).write(out)


def c_json_photo_ref_missing(w: World, out: Path) -> None:
    def edit(d: dict) -> None:
        d["inspections"][0]["attachments"][0]["sha256"] = "ab" * 32

    _edit_json(w, edit).write(out)


def c_time_without_zone(w: World, out: Path) -> None:
    def edit(d: dict) -> None:
        d["inspections"][0]["started_at"] = d["inspections"][0]["started_at"][:19]

    _edit_json(w, edit).write(out)


def c_photo_name_not_hash(w: World, out: Path) -> None:
    f = _forge(w)
    rel = _photo_rel(f)
    data = bytearray(f.get(rel))
    data[-3] ^= 0x01  # same name, other bytes; manifest rehashed and re-signed
    f.set(rel, bytes(data))
    _resigned(f, w).write(out)


def c_truncated(w: World, out: Path) -> None:
    data = w.fresh.read_bytes()
    out.write_bytes(data[: int(len(data) * 0.7)])


def c_not_a_zip(w: World, out: Path) -> None:
    out.write_bytes(b"PK\x03\x04" + os.urandom(2000))


def c_truncated_age(w: World, out: Path) -> None:
    full = out.with_suffix(".full")
    pyrage.encrypt_file(str(w.fresh), str(full), [w.identity.to_public()])
    data = full.read_bytes()
    full.unlink()
    out.write_bytes(data[: int(len(data) * 0.6)])


def c_age_other_recipient(w: World, out: Path) -> None:
    other = pyrage.x25519.Identity.generate()
    pyrage.encrypt_file(str(w.fresh), str(out), [other.to_public()])


def c_header_time(w: World, out: Path) -> None:
    out.write_bytes(w.fresh.read_bytes())
    top = Forge.load(w.fresh).top
    patch_central_time(out, f"{top}/{fmt.BAGIT_TXT}")


def c_crc_altered(w: World, out: Path) -> None:
    out.write_bytes(w.fresh.read_bytes())
    f = Forge.load(w.fresh)
    data = bytearray(out.read_bytes())
    name = f"{f.top}/{fmt.BUNDLE_JSON}".encode()
    at = data.find(b"PK\x03\x04")
    while at >= 0:
        n = int.from_bytes(data[at + 26 : at + 28], "little")
        if bytes(data[at + 30 : at + 30 + n]) == name:
            data[at + 14] ^= 0x01  # local CRC-32
        at = data.find(b"PK\x03\x04", at + 4)
    # make the central CRC agree, so only the bytes' CRC is wrong
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        n = int.from_bytes(data[at + 28 : at + 30], "little")
        if bytes(data[at + 46 : at + 46 + n]) == name:
            data[at + 16] ^= 0x01
        at = data.find(b"PK\x01\x02", at + 4)
    out.write_bytes(bytes(data))


def c_wrong_top_folder(w: World, out: Path) -> None:
    f = _forge(w)
    f.entries.append(Entry("another-folder/x.txt", b"x"))
    f.write(out)


CASES: dict[str, tuple[Callable[[World, Path], None], str]] = {
    "traversal dotdot": (c_traversal, r"unsafe|\.\."),
    "absolute path": (_with_top_entry("/etc/evil.txt"), r"unsafe|absolute"),
    "backslash": (_with_top_entry("X\\data\\evil.txt"), r"unsafe|backslash"),
    "drive letter": (_with_top_entry("C:/evil.txt"), r"unsafe|drive"),
    "symlink entry": (c_symlink, r"link"),
    "duplicate names": (c_duplicate, r"duplicate|twice|more than once"),
    "case-colliding names": (c_case_collision, r"case"),
    "compressed entry": (c_compressed, r"compress"),
    "zip bomb": (c_zip_bomb, r"compress|too large|bomb"),
    "size mismatch": (c_size_mismatch, r"size"),
    "too many entries": (c_too_many, r"entries"),
    "overlapping entries": (c_overlap, r"overlap"),
    "encrypted entry": (c_encrypted_entry, r"encrypt"),
    "missing payload file": (c_missing_payload, r"missing|not in the bundle|absent"),
    "extra payload file": (c_extra_payload, r"unlisted|not listed|extra"),
    "hash mismatch": (c_hash_mismatch, r"hash|does not match"),
    "manifest malformed": (c_manifest_malformed, r"manifest"),
    "manifest duplicated": (c_manifest_duplicated, r"manifest|twice|duplicate"),
    "missing tag manifest": (c_missing_tag_manifest, r"tagmanifest|tag manifest"),
    "unlisted top-level file": (
        _with_top_entry("{top}/notes.txt"),
        r"unlisted|not listed|unexpected",
    ),
    "fetch.txt": (c_fetch, r"fetch"),
    "edited bag-info": (c_bag_info_edited, r"signature"),
    "edited bundle.json not re-signed": (c_json_edited_not_resigned, r"signature"),
    "signature missing": (c_signature_missing, r"signature|minisig"),
    "signature malformed": (c_signature_malformed, r"signature"),
    "unknown key": (c_unknown_key, r"not enrolled|unknown"),
    "revoked key": (c_revoked_key, r"revoked"),
    "trusted comment disagrees": (c_comment_disagrees, r"trusted comment|bag-info"),
    "same id other content": (c_same_id_other_content, r"conflict"),
    "replay": (c_replay, r"replay"),
    "photo not an image": (c_photo_not_image, r"image|photo"),
    "bundle.json unknown field": (c_json_unknown_field, r"schema|smuggled|extra"),
    "bundle.json duplicate key": (c_json_duplicate_key, r"repeats the key|duplicate"),
    "photo reference not in bundle": (c_json_photo_ref_missing, r"photo"),
    "photo name not its hash": (c_photo_name_not_hash, r"hash"),
    "truncated zip": (c_truncated, r"truncated|not a zip|damaged|zip"),
    "garbage after zip magic": (c_not_a_zip, r"zip"),
    "truncated age": (c_truncated_age, r"truncated|decrypt|damaged"),
    "age for another recipient": (c_age_other_recipient, r"recipient|identity|decrypt"),
    "second top folder": (c_wrong_top_folder, r"top folder|folder"),
    "zip header altered": (c_header_time, r"zip headers"),
    "time without its zone": (c_time_without_zone, r"started_at.*zone"),
    "CRC altered": (c_crc_altered, r"CRC"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_bundle_is_rejected_and_changes_nothing(world: World, case: str) -> None:
    make, reason = CASES[case]
    out = world.work / f"{case.replace(' ', '_')}.zip"
    if "age" in case:
        out = out.with_suffix(".zip.age")
    make(world, out)
    before = snapshot(world.centre)
    for run in (check_files, import_files):
        reports = run(world.centre, [out], identity=world.identity)
        assert len(reports) == 1
        r = reports[0]
        assert r.verdict == "REJECTED", f"{case}: {r}"
        assert r.reason and re.search(reason, r.reason, re.I), f"{case}: {r.reason}"
        assert snapshot(world.centre) == before
        assert list(world.centre.paths.tmp.iterdir()) == []
    out.unlink()


def test_the_untouched_bundle_is_accepted(world: World) -> None:
    """The corpus's source is valid: the rejections above come from the defects."""
    reports = check_files(world.centre, [world.fresh], identity=world.identity)
    assert reports[0].verdict == "OK", reports[0]


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 30


def test_zip_written_by_forge_is_readable(world: World, tmp_path: Path) -> None:
    f = Forge.load(world.fresh)
    f.write(tmp_path / "same.zip")
    with zipfile.ZipFile(tmp_path / "same.zip") as zf:
        assert len(zf.namelist()) == len(f.entries)
    write_zip(tmp_path / "x.zip", [Entry("a/b", b"c")])
