"""The laptop's Ed25519 signing key: made once, secret half encrypted with a passphrase.

Key ids follow minisign: 8 random bytes stored with the key, shown as 16 upper-case hex
digits of those bytes in reverse order (as `minisign` prints them).
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import datetime

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from inspector_app.core import audit
from inspector_app.core.db.models import LocalKey
from inspector_app.core.errors import InputError
from inspector_app.core.fsutil import write_file_atomically
from inspector_app.core.minisign import format_key_id
from inspector_app.core.store import Store

MIN_PASSPHRASE_LENGTH = 4


@dataclass(frozen=True)
class LocalKeyInfo:
    id: str
    key_id: str
    name: str
    code: str
    export_sequence: int
    created_at: datetime

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "key_id": self.key_id,
            "name": self.name,
            "code": self.code,
            "export_sequence": self.export_sequence,
            "created_at": self.created_at.isoformat(),
        }


def _info(row: LocalKey) -> LocalKeyInfo:
    return LocalKeyInfo(row.id, row.key_id, row.name, row.code, row.export_sequence, row.created_at)


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise InputError(f"the passphrase must have at least {MIN_PASSPHRASE_LENGTH} characters")


def get_local_key(store: Store) -> LocalKeyInfo | None:
    """This data folder's signing key, if it has one."""
    with store.read() as s:
        row = s.scalars(select(LocalKey).order_by(LocalKey.created_at)).first()
        return _info(row) if row else None


def create_local_key(store: Store, *, name: str, code: str, passphrase: str) -> LocalKeyInfo:
    """Make the laptop's key pair; refuses if the folder already has one."""
    name, code = name.strip(), code.strip()
    if not name or not code:
        raise InputError("a key needs the inspector's name and code")
    check_passphrase(passphrase)
    if get_local_key(store) is not None:
        raise InputError("this data folder already has a signing key")
    private = Ed25519PrivateKey.generate()
    raw_id = secrets.token_bytes(8)
    key_id = format_key_id(raw_id)
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )
    secret_file = f"{key_id}.key"
    # The key id travels with the secret so the pair can never be mismatched.
    write_file_atomically(
        store.paths.keys / secret_file, raw_id.hex().encode() + b"\n" + pem, mode=0o600
    )
    public = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    with store.write() as s:
        row = LocalKey(
            key_id=key_id, name=name, code=code, public_key=public, secret_file=secret_file
        )
        s.add(row)
        s.flush()
        audit.append_event(
            s,
            actor=store.actor,
            action="key.created",
            entity="key",
            entity_id=key_id,
            detail={"name": name, "code": code},
        )
        return _info(row)


def load_private_key(store: Store, key: LocalKeyInfo, passphrase: str) -> Ed25519PrivateKey:
    """Unlock the secret key; a wrong passphrase is a clear InputError."""
    path = store.paths.keys / f"{key.key_id}.key"
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"the secret key file {path} cannot be read ({exc.strerror})") from None
    _raw_id, _, pem = data.partition(b"\n")
    try:
        private = serialization.load_pem_private_key(pem, password=passphrase.encode("utf-8"))
    except (ValueError, TypeError):
        raise InputError("wrong passphrase for the signing key") from None
    if not isinstance(private, Ed25519PrivateKey):
        raise InputError(f"{path} does not hold an Ed25519 key")
    return private


def passphrase_from_env() -> str | None:
    return os.environ.get("INSPECTOR_PASSPHRASE")
