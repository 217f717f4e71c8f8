"""The command centre's age identity (kept encrypted in the database) and the recipient
setting inspectors encrypt to."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pyrage
import pytest
from pyrage import passphrase as age_passphrase
from pyrage import x25519
from sqlalchemy import select

from inspector_app.core import centre, settings
from inspector_app.core.db.models import AuditEvent, CentreSecret
from inspector_app.core.errors import InputError, NotFoundError
from inspector_app.core.store import Store

PASS = "centre passphrase"


def audit_text(store: Store) -> str:
    with store.read() as s:
        events = s.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        return "\n".join(f"{e.action} {e.entity_id} {e.detail}" for e in events)


def test_identity_lifecycle(store: Store, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="centre init-encryption"):
        centre.recipient(store)
    with pytest.raises(InputError, match="at least 8"):
        centre.init_encryption(store, "short")
    recipient = centre.init_encryption(store, PASS)
    assert recipient.startswith("age1") and centre.recipient(store) == recipient
    with pytest.raises(InputError, match="already has an encryption identity"):
        centre.init_encryption(store, PASS)
    assert centre.recipient(store) == recipient  # the first identity stays

    with pytest.raises(InputError, match="wrong passphrase for the command centre's identity"):
        centre.load_identity(store, "not the passphrase")
    identity = centre.load_identity(store, PASS)
    assert str(identity.to_public()) == recipient
    sealed = pyrage.encrypt(b"bundle bytes", [x25519.Recipient.from_str(recipient)])
    assert pyrage.decrypt(sealed, [identity]) == b"bundle bytes"

    secret = str(identity)
    with store.read() as s:
        row = s.get(CentreSecret, "age-identity")
        assert row is not None and row.public == recipient
        assert secret.encode() not in row.encrypted
    log = audit_text(store)
    assert "centre.encryption_created" in log and secret not in log and PASS not in log


def test_export_identity(store: Store, tmp_path: Path) -> None:
    recipient = centre.init_encryption(store, PASS)
    out = tmp_path / "centre-identity.age"
    with pytest.raises(InputError, match="wrong passphrase"):
        centre.export_identity(store, "not the passphrase", out)
    assert not out.exists()
    assert centre.export_identity(store, PASS, out) == recipient
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    data = out.read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert b"AGE-SECRET-KEY" not in data
    text = age_passphrase.decrypt(data, PASS).decode()
    lines = text.splitlines()
    assert lines[0].startswith("# created: ") and lines[0].endswith("Z")
    assert lines[1] == f"# public key: {recipient}"
    assert lines[2].startswith("AGE-SECRET-KEY-1") and len(lines) == 3
    assert str(x25519.Identity.from_str(lines[2]).to_public()) == recipient
    log = audit_text(store)
    assert "centre.identity_exported" in log and lines[2] not in log


def test_export_without_identity(store: Store, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="init-encryption"):
        centre.export_identity(store, PASS, tmp_path / "x.age")
    with pytest.raises(NotFoundError):
        centre.load_identity(store, PASS)


def test_recipient_setting(store: Store) -> None:
    assert settings.get_recipient(store) is None and settings.all_settings(store) == {}
    good = str(x25519.Identity.generate().to_public())
    for bad in ("", "age1", "age1qqqq", "npub1xyz", good[:-1] + ("q" if good[-1] != "q" else "p")):
        with pytest.raises(InputError, match=r"is not an age recipient \(age1…\)"):
            settings.set_recipient(store, bad)
    assert settings.get_recipient(store) is None
    assert settings.set_recipient(store, f"  {good}\n") == good
    assert settings.get_recipient(store) == good
    assert settings.all_settings(store) == {settings.RECIPIENT: good}
    assert "settings.changed" in audit_text(store)
    settings.set_setting(store, "timezone", "Asia/Shanghai")
    assert settings.get_setting(store, "timezone") == "Asia/Shanghai"
    assert set(settings.all_settings(store)) == {settings.RECIPIENT, "timezone"}
