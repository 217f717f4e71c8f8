"""The command centre's age X25519 identity, kept in the database under the centre's passphrase.

Stored in the database (not a file) so every supervisor of a shared store has it (DESIGN §6);
encrypted with age's own passphrase format (scrypt), so a copy of the database alone reveals
nothing. Inspectors encrypt bundles to its recipient (`age1…`).
"""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pyrage
from pyrage import passphrase as age_passphrase
from pyrage import x25519
from sqlalchemy.exc import IntegrityError

from inspector_app.core import audit
from inspector_app.core.db.models import CentreSecret
from inspector_app.core.errors import InputError, NotFoundError
from inspector_app.core.fsutil import write_file_atomically
from inspector_app.core.store import Store

AGE_IDENTITY = "age-identity"
MIN_CENTRE_PASSPHRASE_LENGTH = 8
NO_IDENTITY = (
    "the command centre has no encryption identity: run `inspector-app centre init-encryption`"
)
WRONG_PASSPHRASE = "wrong passphrase for the command centre's identity"


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_CENTRE_PASSPHRASE_LENGTH:
        raise InputError(
            "the command centre's passphrase must have at least "
            f"{MIN_CENTRE_PASSPHRASE_LENGTH} characters"
        )


def _row(store: Store) -> CentreSecret | None:
    with store.read() as s:
        return s.get(CentreSecret, AGE_IDENTITY)


def init_encryption(store: Store, passphrase: str) -> str:
    """Make the centre's identity, store it encrypted, and return its recipient."""
    check_passphrase(passphrase)
    if _row(store) is not None:
        raise InputError("the command centre already has an encryption identity")
    identity = x25519.Identity.generate()
    recipient = str(identity.to_public())
    # scrypt takes a second or two: done before the write transaction opens.
    encrypted = age_passphrase.encrypt(str(identity).encode("ascii"), passphrase)
    try:
        with store.write() as s:
            if s.get(CentreSecret, AGE_IDENTITY) is not None:
                raise InputError("the command centre already has an encryption identity")
            s.add(CentreSecret(kind=AGE_IDENTITY, public=recipient, encrypted=encrypted))
            audit.append_event(
                s,
                actor=store.actor,
                action="centre.encryption_created",
                entity="centre_secret",
                entity_id=AGE_IDENTITY,
                detail={"recipient": recipient},
            )
    except IntegrityError:  # made by another supervisor at the same moment
        raise InputError("the command centre already has an encryption identity") from None
    return recipient


def recipient(store: Store) -> str:
    """The recipient (`age1…`) inspectors encrypt bundles to."""
    row = _row(store)
    if row is None:
        raise NotFoundError(NO_IDENTITY)
    return row.public


def has_identity(store: Store) -> bool:
    return _row(store) is not None


def _identity_from_text(text: str) -> x25519.Identity:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if len(lines) != 1:
        raise InputError("the command centre's stored identity is damaged")
    try:
        return x25519.Identity.from_str(lines[0])
    except pyrage.IdentityError:
        raise InputError("the command centre's stored identity is damaged") from None


def _unlock(row: CentreSecret, passphrase: str) -> x25519.Identity:
    try:
        plain = age_passphrase.decrypt(bytes(row.encrypted), passphrase)
    except pyrage.DecryptError:
        raise InputError(WRONG_PASSPHRASE) from None
    try:
        identity = _identity_from_text(plain.decode("ascii"))
    except UnicodeDecodeError:
        raise InputError("the command centre's stored identity is damaged") from None
    if str(identity.to_public()) != row.public:
        raise InputError("the command centre's stored identity does not match its recipient")
    return identity


def load_identity(store: Store, passphrase: str) -> x25519.Identity:
    """Unlock the centre's identity (to decrypt bundles); a wrong passphrase is InputError."""
    row = _row(store)
    if row is None:
        raise NotFoundError(NO_IDENTITY)
    return _unlock(row, passphrase)


def export_identity(store: Store, passphrase: str, path: Path) -> str:
    """Back the identity up as an age identity file encrypted with age's passphrase format
    (`age -d FILE` with the same passphrase gives a file for `age -d -i`). Mode 0600.
    Returns the recipient."""
    row = _row(store)
    if row is None:
        raise NotFoundError(NO_IDENTITY)
    identity = _unlock(row, passphrase)
    if path.is_dir():
        raise InputError(f"{path} is a folder: give a file name for the backup")
    created = row.created_at.astimezone(UTC).replace(microsecond=0).isoformat()
    text = f"# created: {created.replace('+00:00', 'Z')}\n# public key: {row.public}\n{identity}\n"
    data = age_passphrase.encrypt(text.encode("ascii"), passphrase)
    try:
        write_file_atomically(path, data, mode=0o600)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from None
    with store.write() as s:
        audit.append_event(
            s,
            actor=store.actor,
            action="centre.identity_exported",
            entity="centre_secret",
            entity_id=AGE_IDENTITY,
            detail={"file": str(path)},
        )
    return row.public
