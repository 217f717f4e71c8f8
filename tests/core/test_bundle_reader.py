"""Strict verification: a valid bundle opens; each kind of damage is refused by its reason."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from inspector_app.core import keys
from inspector_app.core.bundle import format as fmt
from inspector_app.core.bundle.reader import check_deferred_photo, open_verified
from inspector_app.core.bundle.verified import BundleRejected, TrustedKey
from inspector_app.core.bundle.writer import export_bundles
from inspector_app.core.minisign import blake2b_512, sign_prehashed
from inspector_app.core.store import Store
from tests.core.test_bundle_writer import PASS, finalised, make_key, own_trust

Entries = dict[str, bytes]


@pytest.fixture
def bundle(city: Store, tmp_path: Path) -> tuple[Store, Path, TrustedKey]:
    make_key(city)
    insp = finalised(city, tmp_path, photos=2)
    out = tmp_path / "usb"
    out.mkdir()
    [b] = export_bundles(city, inspection_ids=[insp], out_dir=out, passphrase=PASS)
    return city, b.path, own_trust(city)


def entries(path: Path) -> tuple[str, Entries]:
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        top = names[0].split("/")[0]
        return top, {n[len(top) + 1 :]: zf.read(n) for n in names}


def write(
    path: Path,
    top: str,
    files: Entries,
    *,
    raw_names: list[str] | None = None,
    compress: str | None = None,
) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for rel, data in files.items():
            info = zipfile.ZipInfo(f"{top}/{rel}", date_time=(2026, 1, 1, 0, 0, 0))
            info.external_attr = 0o100644 << 16
            if rel == compress:
                info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
        for name in raw_names or []:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            zf.writestr(info, b"x")
    return path


def rehash(files: Entries) -> None:
    """Rewrite manifests and Payload-Oxum to match the (edited) payload; keep the signature."""
    payload = {k: v for k, v in files.items() if k.startswith("data/")}
    files[fmt.MANIFEST] = fmt.manifest_text(
        [(k, hashlib.sha256(v).hexdigest()) for k, v in payload.items()]
    ).encode()
    info = files[fmt.BAG_INFO_TXT].decode().splitlines()
    info = [
        f"Payload-Oxum: {sum(len(v) for v in payload.values())}.{len(payload)}"
        if line.startswith("Payload-Oxum")
        else line
        for line in info
    ]
    files[fmt.BAG_INFO_TXT] = ("\n".join(info) + "\n").encode()
    files[fmt.TAG_MANIFEST] = fmt.manifest_text(
        [(k, hashlib.sha256(files[k]).hexdigest()) for k in fmt.TAG_FILES]
    ).encode()


def resign(store: Store, files: Entries, comment: str | None = None) -> None:
    key = keys.get_local_key(store)
    assert key is not None
    private = keys.load_private_key(store, key, PASS)
    h = blake2b_512()
    h.update(files[fmt.TAG_MANIFEST])
    old = files[fmt.SIGNATURE].decode().splitlines()[2][len("trusted comment: ") :]
    files[fmt.SIGNATURE] = sign_prehashed(private, key.key_id, h.digest(), comment or old).encode()


def refused(path: Path, trust: TrustedKey | None, tmp: Path, **kw: object) -> str:
    with (
        pytest.raises(BundleRejected) as info,
        open_verified(
            path,
            trusted=lambda k: trust,
            tmp_dir=tmp,
            **kw,  # type: ignore[arg-type]
        ),
    ):
        pass
    return info.value.reason


def test_valid_bundle_opens_whatever_its_file_name(bundle, tmp_path: Path):
    _store, path, trust = bundle
    renamed = path.rename(tmp_path / "whatever.bin")
    with open_verified(renamed, trusted=lambda k: trust, tmp_dir=tmp_path) as vb:
        assert vb.signer == trust and vb.key_id == trust.key_id
        with zipfile.ZipFile(renamed) as zf:
            tag = zf.read(f"{vb.bundle_id}/{fmt.TAG_MANIFEST}")
            sig = zf.read(f"{vb.bundle_id}/{fmt.SIGNATURE}")
        assert vb.content_sha256 == fmt.signed_content_digest(tag, sig)
        assert vb.size_bytes == renamed.stat().st_size
        assert all(p.entry.startswith(vb.bundle_id + "/data/photos/") for p in vb.photos)


def test_unknown_and_revoked_keys(bundle, tmp_path: Path):
    _store, path, trust = bundle
    assert refused(path, None, tmp_path) == f"signed by key {trust.key_id}, which is not enrolled"
    revoked = TrustedKey(trust.key_id, trust.public_key, trust.name, trust.code, revoked=True)
    assert refused(path, revoked, tmp_path).startswith(f"signed by a revoked key {trust.key_id}")


Edit = Callable[[Store, str, Entries], tuple[str, Entries] | None]


def _edit_json(store: Store, files: Entries, change: Callable[[dict], None], sign: bool) -> None:
    doc = json.loads(files[fmt.BUNDLE_JSON])
    change(doc)
    files[fmt.BUNDLE_JSON] = json.dumps(doc, ensure_ascii=False).encode()
    rehash(files)
    if sign:
        resign(store, files)


def _retag(store: Store, files: Entries, changes: Entries) -> None:
    """Change tag files, then rewrite the tag manifest and sign it again."""
    files.update(changes)
    files[fmt.TAG_MANIFEST] = fmt.manifest_text(
        [(k, hashlib.sha256(files[k]).hexdigest()) for k in fmt.TAG_FILES]
    ).encode()
    resign(store, files)


def _photo(files: Entries) -> str:
    return next(k for k in files if k.startswith(fmt.PHOTO_DIR))


CASES: dict[str, tuple[Callable[[Store, Entries], None], str]] = {
    "json edited, rehashed, not re-signed": (
        lambda st, f: _edit_json(st, f, lambda d: d.update(generator="evil"), False),
        "the signature does not match tagmanifest-sha256.txt",
    ),
    "json with a NUL character in a note, re-signed": (
        lambda st, f: _edit_json(
            st, f, lambda d: d["inspections"][0]["findings"][0].update(note="a\x00b"), True
        ),
        "bundle.json holds a NUL character (\\u0000), which no text may hold",
    ),
    "json with an unknown field": (
        lambda st, f: _edit_json(st, f, lambda d: d.update(extra=1), True),
        "bundle.json does not match its schema at extra",
    ),
    "photo reference not in the bundle": (
        lambda st, f: _edit_json(
            st, f, lambda d: d["inspections"][0]["attachments"][0].update(sha256="a" * 64), True
        ),
        "refers to photo " + "a" * 64,
    ),
    "score not matching its findings": (
        lambda st, f: _edit_json(
            st, f, lambda d: d["inspections"][0]["score"].update(deductions=0.0), True
        ),
        "the stated score does not match its findings",
    ),
    "item not in the catalogue": (
        lambda st, f: _edit_json(
            st, f, lambda d: d["inspections"][0]["findings"][0].update(item="ZZ-99"), True
        ),
        "item ZZ-99 is not in point type",
    ),
    "photo bytes changed": (
        lambda st, f: f.update({_photo(f): f[_photo(f)][:-1] + b"\x00"}),
        "does not match its SHA-256 in manifest-sha256.txt",
    ),
    "bag-info edited": (
        lambda st, f: f.update(
            {
                fmt.BAG_INFO_TXT: f[fmt.BAG_INFO_TXT].replace(
                    b"Export-Sequence: 1", b"Export-Sequence: 9"
                )
            }
        ),
        "bag-info.txt does not match its hash in tagmanifest-sha256.txt",
    ),
    "trusted comment disagrees": (
        lambda st, f: resign(
            st, f, f[fmt.SIGNATURE].decode().splitlines()[2][17:].replace("seq=1", "seq=2")
        ),
        "the signed export sequence differs from bag-info.txt's Export-Sequence",
    ),
    "signature missing": (
        lambda st, f: f.pop(fmt.SIGNATURE) and None,
        "the bundle is not signed",
    ),
    "signature malformed": (
        lambda st, f: f.update({fmt.SIGNATURE: b"untrusted comment: x\nnope\n"}),
        "the signature is malformed",
    ),
    "tag manifest missing": (
        lambda st, f: f.pop(fmt.TAG_MANIFEST) and None,
        "the bundle has no tagmanifest-sha256.txt",
    ),
    "fetch.txt": (
        lambda st, f: f.update({"fetch.txt": b"http://x 1 data/a\n"}),
        "fetch.txt",
    ),
    "unlisted top-level file": (
        lambda st, f: f.update({"readme.txt": b"hi"}),
        "unlisted file 'readme.txt'",
    ),
    "extra payload file": (
        lambda st, f: f.update({"data/extra.txt": b"hi"}),
        "'data/extra.txt' is in the bundle but not listed",
    ),
    "missing payload file": (
        lambda st, f: f.pop(_photo(f)) and None,
        "which is not in the bundle",
    ),
    "manifest line duplicated": (
        lambda st, f: _retag(
            st, f, {fmt.MANIFEST: f[fmt.MANIFEST] + f[fmt.MANIFEST].splitlines(True)[0]}
        ),
        "lists 'data/bundle.json' twice",
    ),
    "manifest line malformed": (
        lambda st, f: _retag(st, f, {fmt.MANIFEST: b"nothex  data/bundle.json\n"}),
        "manifest-sha256.txt line 1 is malformed",
    ),
    "bagit.txt changed": (
        lambda st, f: f.update({fmt.BAGIT_TXT: b"BagIt-Version: 0.97\n"}),
        "bagit.txt is not BagIt 1.0",
    ),
    "newer format": (
        lambda st, f: f.update(
            {
                fmt.BAG_INFO_TXT: f[fmt.BAG_INFO_TXT].replace(
                    b"inspector-bundle/1", b"inspector-bundle/2"
                )
            }
        ),
        "made by a newer version",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_tampered_bundles_are_refused_by_reason(bundle, tmp_path: Path, case: str):
    store, path, trust = bundle
    top, files = entries(path)
    change, reason = CASES[case]
    change(store, files)
    bad = write(tmp_path / "bad.zip", top, files)
    assert reason in refused(bad, trust, tmp_path)


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        ("{top}/../evil", "climbs out of the bundle"),
        ("/etc/evil", "is an absolute path"),
        ("{top}\\evil", "uses a backslash"),
        ("C:/evil", "names a drive"),
        ("{top}/BAGIT.TXT", "differ only in case"),
        ("{top}/data//x", "empty path segment"),
        ("{top}/da ta", "outside the safe ASCII set"),
        ("other/file", "top-level names"),
    ],
)
def test_unsafe_names(bundle, tmp_path: Path, extra: str, reason: str):
    _store, path, trust = bundle
    top, files = entries(path)
    bad = write(tmp_path / "bad.zip", top, files, raw_names=[extra.format(top=top)])
    assert reason in refused(bad, trust, tmp_path)


def test_zip_level_damage(bundle, tmp_path: Path):
    _store, path, trust = bundle
    top, files = entries(path)
    # compressed entry
    bad = write(tmp_path / "c.zip", top, files, compress=fmt.BUNDLE_JSON)
    assert "is compressed" in refused(bad, trust, tmp_path)
    # duplicate names
    bad = tmp_path / "d.zip"
    write(bad, top, files)
    with pytest.warns(UserWarning), zipfile.ZipFile(bad, "a") as zf:
        zf.writestr(f"{top}/{fmt.BAGIT_TXT}", b"x")
    assert "appears twice" in refused(bad, trust, tmp_path)
    # symlink entry
    bad = write(tmp_path / "s.zip", top, files)
    with zipfile.ZipFile(bad, "a") as zf:
        info = zipfile.ZipInfo(f"{top}/link")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, b"/etc/passwd")
    assert "symbolic link" in refused(bad, trust, tmp_path)
    # truncated file
    data = path.read_bytes()
    cut = tmp_path / "t.zip"
    cut.write_bytes(data[: len(data) // 2])
    assert "truncated" in refused(cut, trust, tmp_path)
    # bytes after the end
    tail = tmp_path / "x.zip"
    tail.write_bytes(data + b"junk")
    assert "after its end" in refused(tail, trust, tmp_path)
    # size mismatch between central directory and local header
    i = data.index(b"PK\x03\x04")
    lied = bytearray(data)
    lied[i + 18 : i + 22] = (int.from_bytes(data[i + 18 : i + 22], "little") + 1).to_bytes(
        4, "little"
    )
    (tmp_path / "m.zip").write_bytes(bytes(lied))
    assert "disagrees with the central directory" in refused(tmp_path / "m.zip", trust, tmp_path)
    # not a zip at all
    (tmp_path / "n.zip").write_bytes(b"hello world, not a zip at all")
    assert refused(tmp_path / "n.zip", trust, tmp_path) == "not a zip file"


def test_encrypted_bundles(city: Store, tmp_path: Path):
    import pyrage

    make_key(city)
    insp = finalised(city, tmp_path)
    out = tmp_path / "usb"
    out.mkdir()
    ident = pyrage.x25519.Identity.generate()
    [b] = export_bundles(
        city,
        inspection_ids=[insp],
        out_dir=out,
        passphrase=PASS,
        recipient=str(ident.to_public()),
    )
    trust = own_trust(city)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    renamed = b.path.rename(out / "looks-plain.zip")  # recognised by content, not name
    assert refused(renamed, trust, tmp) == "encrypted; needs the command centre's identity"
    other = pyrage.x25519.Identity.generate()
    assert "another recipient" in refused(renamed, trust, tmp, identity=other)
    data = renamed.read_bytes()
    cut = out / "cut.zip.age"
    cut.write_bytes(data[: len(data) - 1000])
    assert "damaged or truncated" in refused(cut, trust, tmp, identity=ident)
    assert list(tmp.iterdir()) == []  # no plaintext left behind
    with open_verified(renamed, trusted=lambda k: trust, identity=str(ident), tmp_dir=tmp) as vb:
        assert vb.encrypted and vb.bundle_id == b.bundle_id
    assert list(tmp.iterdir()) == []


def _write_as_the_writer(path: Path, top: str, files: Entries) -> Path:
    """The zip with the writer's own headers (stamped with the signed creation time), so
    that only what was changed inside it is wrong."""
    comment = files[fmt.SIGNATURE].decode().splitlines()[2]
    m = fmt.TRUSTED_COMMENT_RE.match(comment[len("trusted comment: ") :])
    assert m is not None
    created = datetime.strptime(m.group(5), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for rel, data in files.items():
            with zf.open(fmt.zip_info(f"{top}/{rel}", len(data), created), "w") as out:
                out.write(data)
    return path


def _member_bytes(vb, member) -> tuple[str, int, bytes]:
    with open(vb.zip_path, "rb") as f:
        f.seek(member.offset)
        data = f.read(member.size)
    return hashlib.sha256(data).hexdigest(), zlib.crc32(data), data


def test_photos_deferred_are_checked_by_whoever_reads_them(bundle, tmp_path: Path):
    """`defer_photos` leaves the hashes of the photos' bytes to their reader (the importer
    checks them as it copies them): the bundle opens, and `check_deferred_photo` refuses
    the changed photo with the very reason the verifier gives when it hashes them itself."""
    _store, path, trust = bundle
    top, files = entries(path)
    files[_photo(files)] = files[_photo(files)][:-1] + b"\x00"
    bad = _write_as_the_writer(tmp_path / "bad.zip", top, files)
    reason = "does not match its SHA-256 in manifest-sha256.txt"
    assert reason in refused(bad, trust, tmp_path)
    with open_verified(bad, trusted=lambda k: trust, tmp_dir=tmp_path, defer_photos=True) as vb:
        assert vb.photos_deferred
        reasons = []
        for member in vb.photos:
            digest, crc, _data = _member_bytes(vb, member)
            try:
                check_deferred_photo(member, digest, crc)
            except BundleRejected as exc:
                reasons.append(exc.reason)
    assert len(reasons) == 1 and reason in reasons[0]


def test_photos_deferred_still_have_their_headers_checked(bundle, tmp_path: Path):
    store, path, trust = bundle
    top, files = entries(path)
    _edit_json(store, files, lambda d: d["photos"][0].update(width=7), True)
    bad = _write_as_the_writer(tmp_path / "bad.zip", top, files)
    assert "bundle.json says 7 x" in refused(bad, trust, tmp_path, defer_photos=True)


def test_a_note_spelling_out_a_nul_escape_is_only_text(bundle, tmp_path: Path):
    """A backslash followed by "u0000", written in a note, is text, not a NUL character."""
    store, path, trust = bundle
    top, files = entries(path)
    _edit_json(
        store, files, lambda d: d["inspections"][0]["findings"][0].update(note="C:\\u0000"), True
    )
    good = _write_as_the_writer(tmp_path / "good.zip", top, files)
    with open_verified(good, trusted=lambda k: trust, tmp_dir=tmp_path) as vb:
        assert vb.doc.inspections[0].findings[0].note == "C:\\u0000"


def test_photos_deferred_pass_when_they_are_sound(bundle, tmp_path: Path):
    _store, path, trust = bundle
    with open_verified(path, trusted=lambda k: trust, tmp_dir=tmp_path, defer_photos=True) as vb:
        assert len(vb.photos) == 2
        for member in vb.photos:
            digest, crc, _data = _member_bytes(vb, member)
            check_deferred_photo(member, digest, crc)
