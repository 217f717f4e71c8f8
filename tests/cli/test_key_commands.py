"""`key`, `keyring`, `centre` and `settings` commands: ids on the last line, JSON shapes,
exit codes, and no secret in any output."""

from __future__ import annotations

import base64
import os
import stat
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from sqlalchemy import select

from inspector_app.core import centre, keys
from inspector_app.core.db.models import AuditEvent, Bundle
from inspector_app.core.store import Store
from tests.cli.conftest import Result, open_data

Run = Callable[..., Result]

KEY_PASS = "inspector pass"
CENTRE_PASS = "centre passphrase"


@pytest.fixture
def outputs() -> list[str]:
    """Everything the commands printed, to search for leaks at the end."""
    return []


@pytest.fixture
def run(cli: Run, outputs: list[str]) -> Run:
    def invoke(*args: str) -> Result:
        r = cli(*args)
        outputs.append(r.out + r.err)
        return r

    return invoke


def key_secrets(data_dir: Path, passphrase: str) -> list[str]:
    store = open_data(data_dir)
    try:
        key = keys.require_local_key(store)
        private = keys.load_private_key(store, key, passphrase)
        raw = private.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        pem = (store.paths.keys / f"{key.key_id}.key").read_text().splitlines()[1:]
        body = [ln for ln in pem if ln and not ln.startswith("-----")]
        return [raw.hex(), raw.hex().upper(), base64.b64encode(raw).decode(), *body]
    finally:
        store.close()


def audit_log(data_dir: Path) -> str:
    store = open_data(data_dir)
    try:
        with store.read() as s:
            events = s.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
            return "\n".join(f"{e.action} {e.entity_id} {e.detail}" for e in events)
    finally:
        store.close()


def test_key_commands(
    run: Run, outputs: list[str], data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INSPECTOR_PASSPHRASE", KEY_PASS)
    r = run("key", "show")
    assert r.code == 1 and "key init" in r.err

    r = run("key", "init", "--name", "张三", "--code", "T01")
    assert r.code == 0, r.err
    key_id = r.last_line
    assert len(key_id) == 16 and key_id == key_id.upper()
    r = run("key", "init", "--name", "李四", "--code", "T02")
    assert r.code == 1 and "already has a signing key" in r.err

    r = run("key", "show", "--json")
    assert r.code == 0
    shown = r.json()
    assert shown["key_id"] == key_id and shown["code"] == "T01" and shown["export_sequence"] == 0
    assert "public_key" in shown and not any("secret" in k for k in shown)
    r = run("key", "show")
    assert key_id in r.out and "张三 (T01)" in r.out

    pub = tmp_path / "t01.pub"
    r = run("key", "export-public", "-o", str(pub))
    assert r.code == 0 and pub.read_text(encoding="utf-8").startswith("untrusted comment:")

    # change the passphrase: wrong old one first, then right
    monkeypatch.setenv("INSPECTOR_NEW_PASSPHRASE", "the new one")
    monkeypatch.setenv("INSPECTOR_PASSPHRASE", "wrong")
    r = run("key", "change-passphrase")
    assert r.code == 1 and "wrong passphrase" in r.err
    monkeypatch.setenv("INSPECTOR_PASSPHRASE", KEY_PASS)
    r = run("key", "change-passphrase")
    assert r.code == 0, r.err
    monkeypatch.delenv("INSPECTOR_PASSPHRASE")
    old_file, new_file = tmp_path / "old.txt", tmp_path / "new.txt"
    old_file.write_text("the new one\n")
    new_file.write_text("third passphrase\n")
    r = run(
        "key",
        "change-passphrase",
        "--passphrase-file",
        str(old_file),
        "--new-passphrase-file",
        str(new_file),
    )
    assert r.code == 0, r.err
    r = run(
        "key",
        "change-passphrase",
        "--passphrase-file",
        str(old_file),
        "--new-passphrase-file",
        str(new_file),
    )
    assert r.code == 1 and "wrong passphrase" in r.err
    assert run("key", "show", "--json").json()["key_id"] == key_id

    store = open_data(data_dir)
    try:
        key_path = store.paths.keys / f"{key_id}.key"
        if sys.platform != "win32":
            assert stat.S_IMODE(os.stat(key_path).st_mode) == 0o600
    finally:
        store.close()

    leaks = key_secrets(data_dir, "third passphrase")
    log = audit_log(data_dir)
    assert "key.created" in log and "key.passphrase_changed" in log
    printed = "\n".join(outputs)
    for secret in leaks:
        assert secret not in printed and secret not in log
    for passphrase in (KEY_PASS, "the new one", "third passphrase"):
        assert passphrase not in printed and passphrase not in log


def test_keyring_commands(
    run: Run, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An inspector's laptop makes a key and exports it.
    laptop = tmp_path / "laptop"
    monkeypatch.setenv("INSPECTOR_PASSPHRASE", KEY_PASS)
    r = run("--data-dir", str(laptop), "key", "init", "--name", "张三", "--code", "T01")
    key_id = r.last_line
    pub = tmp_path / "t01.pub"
    assert run("--data-dir", str(laptop), "key", "export-public", "-o", str(pub)).code == 0

    # The command centre enrolls it.
    r = run("keyring", "list", "--json")
    assert r.code == 0 and r.json() == []
    r = run("keyring", "enroll", str(pub), "--name", "张三", "--code", "T01")
    assert r.code == 0 and r.last_line == key_id
    r = run("keyring", "enroll", str(pub), "--name", "张三", "--code", "T01")
    assert r.code == 1 and "already enrolled as 张三 (T01)" in r.err
    r = run("keyring", "enroll", str(tmp_path / "absent.pub"), "--name", "x", "--code", "y")
    assert r.code == 1 and "absent.pub" in r.err

    store: Store = open_data(data_dir)
    try:
        with store.write() as s:
            for seq in (1, 2, 3, 5):
                s.add(
                    Bundle(
                        id=f"00000000-0000-4000-8000-00000000000{seq}",
                        direction="import",
                        key_id=key_id,
                        export_sequence=seq,
                        content_sha256="0" * 64,
                        size_bytes=1,
                        file_name="b.zip",
                        created_at=datetime.now(UTC),
                    )
                )
    finally:
        store.close()

    r = run("keyring", "list")
    assert r.code == 0
    assert f"T01 张三 {key_id}  bundles received: 1-3, 5; missing: 4" in r.out
    [entry] = run("keyring", "list", "--json").json()
    assert entry["id"] == key_id and entry["received"] == [1, 2, 3, 5]
    assert entry["missing"] == [4] and entry["revoked"] is False

    r = run("keyring", "revoke", key_id.lower())
    assert r.code == 0
    assert "REVOKED" in run("keyring", "list").out
    assert run("keyring", "list", "--json").json()[0]["revoked"] is True
    r = run("keyring", "revoke", key_id)
    assert r.code == 1 and "already revoked" in r.err
    r = run("keyring", "revoke", "0123456789ABCDEF")
    assert r.code == 1 and "no enrolled key" in r.err
    r = run("keyring", "enroll", str(pub), "--name", "张三", "--code", "T01")
    assert r.code == 1 and "revoked" in r.err


def test_centre_and_settings_commands(
    run: Run, outputs: list[str], data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = run("centre", "recipient")
    assert r.code == 1 and "centre init-encryption" in r.err
    monkeypatch.setenv("INSPECTOR_PASSPHRASE", "short")
    r = run("centre", "init-encryption")
    assert r.code == 1 and "at least 8" in r.err

    pass_file = tmp_path / "centre.txt"
    pass_file.write_text(CENTRE_PASS + "\n")
    monkeypatch.delenv("INSPECTOR_PASSPHRASE")
    r = run("centre", "init-encryption", "--passphrase-file", str(pass_file))
    assert r.code == 0, r.err
    recipient = r.last_line
    assert recipient.startswith("age1")
    r = run("centre", "init-encryption", "--passphrase-file", str(pass_file))
    assert r.code == 1 and "already has an encryption identity" in r.err
    assert run("centre", "recipient").out.strip() == recipient

    backup = tmp_path / "identity.age"
    monkeypatch.setenv("INSPECTOR_PASSPHRASE", "not the centre's")
    r = run("centre", "export-identity", "-o", str(backup))
    assert r.code == 1 and "wrong passphrase for the command centre's identity" in r.err
    assert not backup.exists()
    r = run("centre", "export-identity", "-o", str(backup), "--passphrase-file", str(pass_file))
    assert r.code == 0, r.err
    assert backup.exists()
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600

    r = run("settings", "set-recipient", "age1nonsense")
    assert r.code == 1 and "is not an age recipient (age1…)" in r.err
    assert run("settings", "show", "--json").json() == {}
    r = run("settings", "set-recipient", recipient)
    assert r.code == 0
    assert run("settings", "show", "--json").json() == {"recipient": recipient}
    assert recipient in run("settings", "show").out

    store = open_data(data_dir)
    try:
        secret = str(centre.load_identity(store, CENTRE_PASS))
    finally:
        store.close()
    log = audit_log(data_dir)
    printed = "\n".join(outputs)
    assert secret.startswith("AGE-SECRET-KEY-1")
    assert "AGE-SECRET-KEY" not in printed and secret not in log and "AGE-SECRET-KEY" not in log
    assert CENTRE_PASS not in printed and CENTRE_PASS not in log
