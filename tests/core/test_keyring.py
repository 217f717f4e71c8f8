"""The command centre's keyring: enroll, refuse duplicates, revoke, report missing bundles."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from inspector_app.core import keyring
from inspector_app.core.bundle.verified import TrustedKey
from inspector_app.core.db.models import AuditEvent, Bundle
from inspector_app.core.errors import InputError, NotFoundError
from inspector_app.core.minisign import PublicKey, format_key_id
from inspector_app.core.store import Store


def new_public(key_id: str | None = None) -> PublicKey:
    raw = (
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    return PublicKey(key_id or format_key_id(secrets.token_bytes(8)), raw)


def write_pub(folder: Path, public: PublicKey, name: str = "k.pub") -> Path:
    path = folder / name
    path.write_text(public.to_file(), encoding="utf-8")
    return path


def add_bundle(store: Store, key_id: str, seq: int, direction: str = "import") -> None:
    with store.write() as s:
        s.add(
            Bundle(
                id=f"{secrets.token_hex(4)}-0000-4000-8000-{secrets.token_hex(6)}",
                direction=direction,
                key_id=key_id,
                export_sequence=seq,
                content_sha256="0" * 64,
                size_bytes=1,
                file_name="b.zip",
                created_at=datetime.now(UTC),
            )
        )


def audit_actions(store: Store) -> list[tuple[str, str, str]]:
    with store.read() as s:
        return [
            (e.action, e.entity_id, e.actor)
            for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq))
        ]


def test_enroll_from_file_and_from_text(store: Store, tmp_path: Path) -> None:
    a, b = new_public(), new_public()
    info = keyring.enroll(store, write_pub(tmp_path, a), name=" 张三 ", code="T01")
    assert (info.id, info.key_id, info.name, info.code) == (a.key_id, a.key_id, "张三", "T01")
    assert info.public_key == a.key and not info.revoked and info.enrolled_by == "tester"
    assert info.received == () and info.missing == ()
    keyring.enroll(store, b.to_file(), name="李四", code="T02")
    assert [k.key_id for k in keyring.list_keys(store)] == [a.key_id, b.key_id]
    assert ("keyring.enrolled", a.key_id, "tester") in audit_actions(store)
    js = info.to_json()
    assert js["id"] == a.key_id and js["revoked"] is False and js["missing"] == []


def test_enroll_refuses_duplicates_and_impostors(store: Store, tmp_path: Path) -> None:
    a = new_public()
    keyring.enroll(store, write_pub(tmp_path, a), name="张三", code="T01")
    with pytest.raises(InputError, match=r"already enrolled as 张三 \(T01\)"):
        keyring.enroll(store, write_pub(tmp_path, a), name="王五", code="T09")
    impostor = new_public(a.key_id)
    with pytest.raises(InputError, match="another public key"):
        keyring.enroll(store, write_pub(tmp_path, impostor), name="王五", code="T09")
    [only] = keyring.list_keys(store)
    assert only.public_key == a.key and only.name == "张三"


def test_enroll_refuses_bad_files(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.pub"
    bad.write_text("untrusted comment: x\nnot base64!\n")
    with pytest.raises(InputError, match=r"bad\.pub"):
        keyring.enroll(store, bad, name="张三", code="T01")
    with pytest.raises(InputError, match="cannot read"):
        keyring.enroll(store, tmp_path / "absent.pub", name="张三", code="T01")
    with pytest.raises(InputError, match="name"):
        keyring.enroll(store, new_public().to_file(), name="  ", code="T01")
    assert keyring.list_keys(store) == []


def test_revoke(store: Store, tmp_path: Path) -> None:
    a = new_public()
    keyring.enroll(store, write_pub(tmp_path, a), name="张三", code="T01")
    with store.read() as s:
        assert keyring.trusted_key(s, a.key_id) == TrustedKey(a.key_id, a.key, "张三", "T01")
        assert keyring.trusted_key(s, new_public().key_id) is None
    revoked = keyring.revoke(store, a.key_id.lower())
    assert revoked.revoked and revoked.revoked_at is not None
    with store.read() as s:
        trusted = keyring.trusted_key(s, a.key_id)
    assert trusted is not None and trusted.revoked
    with pytest.raises(InputError, match="already revoked"):
        keyring.revoke(store, a.key_id)
    with pytest.raises(InputError, match="revoked"):
        keyring.enroll(store, write_pub(tmp_path, a), name="张三", code="T01")
    with pytest.raises(NotFoundError):
        keyring.revoke(store, new_public().key_id)
    with pytest.raises(InputError, match="not a key id"):
        keyring.revoke(store, "T01")
    assert ("keyring.revoked", a.key_id, "tester") in audit_actions(store)


def test_received_and_missing_sequences(store: Store, tmp_path: Path) -> None:
    a, b = new_public(), new_public()
    keyring.enroll(store, write_pub(tmp_path, a), name="张三", code="T01")
    keyring.enroll(store, write_pub(tmp_path, b), name="李四", code="T02")
    for seq in (5, 1, 3, 2):
        add_bundle(store, a.key_id, seq)
    add_bundle(store, a.key_id, 4, direction="export")  # exported from here: not received
    add_bundle(store, b.key_id, 7)
    t01, t02 = keyring.list_keys(store)
    assert (t01.received, t01.missing) == ((1, 2, 3, 5), (4,))
    assert (t02.received, t02.missing) == ((7,), (1, 2, 3, 4, 5, 6))
    assert keyring.format_ranges(t01.received) == "1-3, 5"
    assert keyring.format_ranges(t02.missing) == "1-6"
    add_bundle(store, a.key_id, 4)  # arrives late
    assert keyring.get_key(store, a.key_id).missing == ()


@given(st.lists(st.integers(min_value=1, max_value=60), max_size=30))
def test_missing_and_ranges_agree(received: list[int]) -> None:
    missing = keyring.missing_numbers(received)
    top = max(received, default=0)
    assert set(missing) | set(received) == set(range(1, top + 1))
    assert not set(missing) & set(received)
    text = keyring.format_ranges(received)
    spelled: set[int] = set()
    if text != "none":
        for part in text.split(", "):
            lo, _, hi = part.partition("-")
            spelled.update(range(int(lo), int(hi or lo) + 1))
    assert spelled == set(received)
