"""The laptop's signing key: passphrase protection, file modes, public-key export."""

from __future__ import annotations

import base64
import os
import stat
import sys
import time

import pytest
from cryptography.hazmat.primitives import serialization
from sqlalchemy import select

from inspector_app.core import keys, minisign
from inspector_app.core.db.models import AuditEvent
from inspector_app.core.errors import InputError, NotFoundError
from inspector_app.core.store import Store

PASS = "correct horse"

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="file modes mean little there")


def key_file(store: Store, key: keys.LocalKeyInfo):  # type: ignore[no-untyped-def]
    return store.paths.keys / f"{key.key_id}.key"


def secrets_of(store: Store, key: keys.LocalKeyInfo, passphrase: str) -> list[str]:
    """Every spelling of the secret key a leak could take."""
    private = keys.load_private_key(store, key, passphrase)
    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    pem_lines = [
        ln
        for ln in key_file(store, key).read_text().splitlines()[1:]
        if ln and not ln.startswith("-----")
    ]
    return [raw.hex(), raw.hex().upper(), base64.b64encode(raw).decode(), *pem_lines]


def audit_text(store: Store) -> str:
    with store.read() as s:
        events = s.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        return "\n".join(f"{e.action} {e.entity_id} {e.detail}" for e in events)


def actions(store: Store) -> list[str]:
    with store.read() as s:
        return list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


def test_key_file_is_encrypted_and_private(store: Store) -> None:
    key = keys.create_local_key(store, name="张三", code="T01", passphrase=PASS)
    path = key_file(store, key)
    data = path.read_bytes()
    assert data.splitlines()[0] == minisign.raw_key_id(key.key_id).hex().encode()
    assert b"-----BEGIN ENCRYPTED PRIVATE KEY-----" in data
    assert b"BEGIN PRIVATE KEY" not in data
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert "key.created" in actions(store)


@pytest.mark.real_kdf
def test_key_file_passphrase_goes_through_scrypt(store: Store) -> None:
    """PKCS#8's password is scrypt(passphrase), not the passphrase: PKCS#8's own PBKDF2
    (2,048 rounds) alone would let a stolen file's passphrase be guessed fast."""
    key = keys.create_local_key(store, name="张三", code="T01", passphrase=PASS)
    _id, kdf, pem = key_file(store, key).read_bytes().split(b"\n", 2)
    assert kdf.startswith(b"scrypt N=65536 r=8 p=2 salt=")
    with pytest.raises((ValueError, TypeError)):
        serialization.load_pem_private_key(pem, password=PASS.encode())
    salt = bytes.fromhex(kdf.split(b"salt=")[1].decode())
    password = keys._scrypt(PASS, salt, 2**16, 8, 2)
    # the real cost is paid at each unlock: about 0.3 s here
    t0 = time.perf_counter()
    keys.load_private_key(store, key, PASS)
    assert time.perf_counter() - t0 > 0.05
    assert serialization.load_pem_private_key(pem, password=password) is not None


def test_key_file_from_before_scrypt_still_opens_and_is_upgraded(store: Store) -> None:
    key = keys.create_local_key(store, name="张三", code="T01", passphrase=PASS)
    private = keys.load_private_key(store, key, PASS)
    old_pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(PASS.encode()),
    )
    path = key_file(store, key)
    path.write_bytes(path.read_bytes().split(b"\n", 1)[0] + b"\n" + old_pem)
    assert keys.load_private_key(store, key, PASS) is not None
    with pytest.raises(InputError, match="wrong passphrase"):
        keys.load_private_key(store, key, "not it")
    keys.change_passphrase(store, PASS, "battery staple")
    assert path.read_bytes().split(b"\n")[1].startswith(b"scrypt ")
    assert keys.load_private_key(store, key, "battery staple") is not None


@pytest.mark.parametrize(
    "line",
    [
        b"scrypt N=131072 r=8 p=1 salt=zz",  # not hex
        b"scrypt N=1000 r=8 p=1 salt=" + b"00" * 16,  # N not a power of two
        b"scrypt N=1073741824 r=8 p=1 salt=" + b"00" * 16,  # 1 TiB of memory asked
        b"scrypt N=131072 r=0 p=1 salt=" + b"00" * 16,
        b"scrypt N=131072 r=8 p=99 salt=" + b"00" * 16,
    ],
)
def test_hostile_kdf_line_is_refused_before_any_work(store: Store, line: bytes) -> None:
    key = keys.create_local_key(store, name="张三", code="T01", passphrase=PASS)
    path = key_file(store, key)
    first, _kdf, pem = path.read_bytes().split(b"\n", 2)
    path.write_bytes(first + b"\n" + line + b"\n" + pem)
    with pytest.raises(InputError, match=r"damaged|impossible"):
        keys.load_private_key(store, key, PASS)


def test_wrong_passphrase_is_a_clear_error(store: Store) -> None:
    key = keys.create_local_key(store, name="张三", code="T01", passphrase=PASS)
    with pytest.raises(InputError, match="wrong passphrase"):
        keys.load_private_key(store, key, "not it")
    with pytest.raises(InputError, match="wrong passphrase"):
        keys.signing_key(store, "")
    info, private = keys.signing_key(store, PASS)
    assert info == key
    assert (
        private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        == keys.export_public(store).key
    )


def test_too_short_passphrase_refused(store: Store) -> None:
    with pytest.raises(InputError, match="at least"):
        keys.create_local_key(store, name="张三", code="T01", passphrase="abc")
    assert keys.get_local_key(store) is None


@posix_only
def test_change_passphrase(store: Store) -> None:
    key = keys.create_local_key(store, name="张三", code="T01", passphrase=PASS)
    public_before = keys.export_public(store)
    changed = keys.change_passphrase(store, PASS, "a new passphrase")
    assert changed.key_id == key.key_id
    with pytest.raises(InputError, match="wrong passphrase"):
        keys.load_private_key(store, key, PASS)
    private = keys.load_private_key(store, key, "a new passphrase")
    assert keys.export_public(store) == public_before
    raw_public = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    assert raw_public == public_before.key
    assert keys.get_local_key(store) == key
    path = key_file(store, key)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left
    assert actions(store)[-1] == "key.passphrase_changed"


def test_change_passphrase_with_wrong_old_changes_nothing(store: Store) -> None:
    key = keys.create_local_key(store, name="张三", code="T01", passphrase=PASS)
    before = key_file(store, key).read_bytes()
    events = actions(store)
    with pytest.raises(InputError, match="wrong passphrase"):
        keys.change_passphrase(store, "guess", "a new passphrase")
    with pytest.raises(InputError, match="at least"):
        keys.change_passphrase(store, PASS, "x")
    assert key_file(store, key).read_bytes() == before
    assert actions(store) == events
    keys.load_private_key(store, key, PASS)


def test_no_key_says_how_to_make_one(store: Store) -> None:
    with pytest.raises(NotFoundError, match="key init"):
        keys.export_public(store)
    with pytest.raises(NotFoundError, match="key init"):
        keys.change_passphrase(store, PASS, "a new passphrase")


def test_a_swapped_key_file_is_refused(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    key = keys.create_local_key(store, name="张三", code="T01", passphrase=PASS)
    path = key_file(store, key)
    lines = path.read_bytes().split(b"\n", 1)
    path.write_bytes(b"00" * 8 + b"\n" + lines[1])
    with pytest.raises(InputError, match="another key"):
        keys.load_private_key(store, key, PASS)


def test_public_key_file_round_trips_and_verifies(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    key = keys.create_local_key(store, name="张三", code="T01", passphrase=PASS)
    out = tmp_path / "t01.pub"
    public = keys.write_public_key(store, out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("untrusted comment: ") and key.key_id in text.splitlines()[0]
    assert minisign.parse_public_key(text) == public
    assert public.key_id == key.key_id
    _, private = keys.signing_key(store, PASS)
    digest = minisign.blake2b_512()
    digest.update(b"tag manifest")
    sig = minisign.sign_prehashed(private, key.key_id, digest.digest(), "c")
    minisign.verify(minisign.parse_signature(sig.encode()), public, digest.digest())
    with pytest.raises(InputError, match="folder"):
        keys.write_public_key(store, tmp_path)


def test_secret_never_in_info_or_audit_log(store: Store) -> None:
    key = keys.create_local_key(store, name="张三", code="T01", passphrase=PASS)
    keys.change_passphrase(store, PASS, "a new passphrase")
    leaks = secrets_of(store, key, "a new passphrase")
    shown = str(key.to_json()) + repr(key) + audit_text(store) + keys.public_key_text(store)
    for secret in leaks:
        assert secret not in shown
    assert PASS not in audit_text(store)
