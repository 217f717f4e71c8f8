"""The command centre's Ed25519 signing key (it signs assignment packages) and, on a laptop,
the centre key pinned to check them.

The centre's key is made by the same code as an inspector's (`keys.seal_private_key`:
scrypt in front of PKCS#8) and kept in the database under the centre's passphrase, like its
age identity (DESIGN §6), so every supervisor of a shared store signs with it. Its public
half is exported in minisign's format. Rotating it keeps the old key as the previous one:
each inspector's next package is still signed by the old key and announces the new one, so
no laptop needs a visit (the package module decides which key signs).

A laptop pins one centre key (`pin_centre_key`, after comparing its key id by phone or on
paper); packages signed by any other key are refused.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inspector_app.core import audit
from inspector_app.core.centre import check_passphrase
from inspector_app.core.db.models import CentreSecret
from inspector_app.core.errors import InputError, NotFoundError
from inspector_app.core.fsutil import write_file_atomically
from inspector_app.core.keyring import _read_public_key
from inspector_app.core.keys import seal_private_key, unseal_private_key
from inspector_app.core.minisign import PublicKey, format_key_id, parse_public_key
from inspector_app.core.settings import get_setting, set_setting_in
from inspector_app.core.store import Store

#: centre_secrets kinds: the key that signs now, and the one it replaced
SIGNING_KEY = "signing-key"
PREVIOUS_SIGNING_KEY = "signing-key-previous"
#: the laptop's setting holding the pinned centre key (minisign's base64 line)
PINNED_SETTING = "centre_key.pinned"
NO_SIGNING_KEY = "the command centre has no signing key: run `inspector-app centre key init`"
NO_PIN = (
    "no command-centre key is pinned on this laptop: get the centre's public key file, "
    "compare its key id with the command centre (by phone or on paper), then run "
    "`inspector-app centre-key pin FILE.pub`"
)
WRONG_PASSPHRASE = "wrong passphrase for the command centre's signing key"


@dataclass(frozen=True)
class CentreKeyInfo:
    """The centre's signing key as the window and the commands show it."""

    key_id: str
    public: PublicKey
    created_at: datetime
    #: the key it replaced, still signing each inspector's first package after a rotation
    previous_key_id: str | None

    def to_json(self) -> dict[str, object]:
        return {
            "key_id": self.key_id,
            "public_key": self.public.to_file().splitlines()[1],
            "created_at": self.created_at.isoformat(),
            "previous_key_id": self.previous_key_id,
        }


def _public_of(row: CentreSecret) -> PublicKey:
    return parse_public_key(row.public)


def _public_text(public: PublicKey) -> str:
    return public.to_file(f"minisign public key {public.key_id} of the command centre")


def _new_key(passphrase: str) -> tuple[PublicKey, bytes]:
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    public = PublicKey(format_key_id(secrets.token_bytes(8)), raw)
    # scrypt (~0.3 s) before any write transaction opens
    return public, seal_private_key(private, passphrase)


def signing_key_info(store: Store) -> CentreKeyInfo | None:
    """The centre's current signing key, or None before `init_signing_key`."""
    with store.read() as s:
        row = s.get(CentreSecret, SIGNING_KEY)
        if row is None:
            return None
        prev = s.get(CentreSecret, PREVIOUS_SIGNING_KEY)
        public = _public_of(row)
        return CentreKeyInfo(
            public.key_id, public, row.created_at, _public_of(prev).key_id if prev else None
        )


def require_signing_key(store: Store) -> CentreKeyInfo:
    info = signing_key_info(store)
    if info is None:
        raise NotFoundError(NO_SIGNING_KEY)
    return info


def init_signing_key(store: Store, passphrase: str) -> CentreKeyInfo:
    """Make the centre's signing key, stored sealed under the centre's passphrase."""
    check_passphrase(passphrase)
    if signing_key_info(store) is not None:
        raise InputError("the command centre already has a signing key")
    public, sealed = _new_key(passphrase)
    try:
        with store.write() as s:
            if s.get(CentreSecret, SIGNING_KEY) is not None:
                raise InputError("the command centre already has a signing key")
            s.add(CentreSecret(kind=SIGNING_KEY, public=_public_text(public), encrypted=sealed))
            audit.append_event(
                s,
                actor=store.actor,
                action="centre.signing_key_created",
                entity="centre_secret",
                entity_id=SIGNING_KEY,
                detail={"key_id": public.key_id},
            )
    except IntegrityError:  # made by another supervisor at the same moment
        raise InputError("the command centre already has a signing key") from None
    return require_signing_key(store)


def rotate_signing_key(store: Store, passphrase: str) -> CentreKeyInfo:
    """Replace the signing key; the old one becomes the previous key (a previous key
    still kept from an earlier rotation is dropped). Needs the current key's passphrase."""
    current = require_signing_key(store)
    load_signing_key(store, passphrase)  # a wrong passphrase stops here
    public, sealed = _new_key(passphrase)
    with store.write() as s:
        row = s.get(CentreSecret, SIGNING_KEY)
        if row is None or _public_of(row).key_id != current.key_id:
            raise InputError("the signing key changed meanwhile; look again and retry")
        prev = s.get(CentreSecret, PREVIOUS_SIGNING_KEY)
        if prev is not None:
            s.delete(prev)
            s.flush()
        s.add(
            CentreSecret(
                kind=PREVIOUS_SIGNING_KEY,
                public=row.public,
                encrypted=bytes(row.encrypted),
                created_at=row.created_at,
            )
        )
        row.public, row.encrypted = _public_text(public), sealed
        audit.append_event(
            s,
            actor=store.actor,
            action="centre.signing_key_rotated",
            entity="centre_secret",
            entity_id=SIGNING_KEY,
            detail={"key_id": public.key_id, "previous_key_id": current.key_id},
        )
    return require_signing_key(store)


def load_signing_key(
    store: Store, passphrase: str, *, previous: bool = False
) -> tuple[PublicKey, Ed25519PrivateKey]:
    """Unlock the current (or the previous) signing key; a wrong passphrase is InputError."""
    kind = PREVIOUS_SIGNING_KEY if previous else SIGNING_KEY
    with store.read() as s:
        row = s.get(CentreSecret, kind)
        if row is None:
            raise NotFoundError(
                "the command centre has no previous signing key" if previous else NO_SIGNING_KEY
            )
        public, sealed = _public_of(row), bytes(row.encrypted)
    private = unseal_private_key(
        sealed, passphrase, where="the command centre's stored signing key", wrong=WRONG_PASSPHRASE
    )
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    if raw != public.key:
        raise InputError("the command centre's stored signing key does not match its public key")
    return public, private


def write_public_key(store: Store, path: Path) -> PublicKey:
    """Write the centre's public key as a minisign `.pub` file (for laptops to pin)."""
    info = require_signing_key(store)
    if path.is_dir():
        raise InputError(f"{path} is a folder: give a file name such as centre.pub")
    try:
        write_file_atomically(path, _public_text(info.public).encode("utf-8"), mode=0o644)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from None
    return info.public


# --- on the laptop ----------------------------------------------------------------------------


def pinned_centre_key(store: Store) -> PublicKey | None:
    """The centre key this laptop accepts packages from, or None before it is pinned."""
    line = get_setting(store, PINNED_SETTING)
    return parse_public_key(line) if line else None


def pin_line(public: PublicKey) -> str:
    return public.to_file().splitlines()[1]


def pin_in(session: Session, actor: str, public: PublicKey) -> bool:
    """Pin `public` inside the caller's transaction (a package's announced key)."""
    return set_setting_in(session, actor, PINNED_SETTING, pin_line(public))


def read_public_key(source: str | Path) -> PublicKey:
    """A minisign public key from a `.pub` file (or its text), strictly."""
    return _read_public_key(source)


def pin_centre_key(store: Store, source: str | Path) -> PublicKey:
    """Pin the command centre's public key (a `.pub` file): from now on only packages it
    signed are applied. Pinning another key replaces the pin."""
    public = read_public_key(source)
    with store.write() as s:
        pin_in(s, store.actor, public)
    return public


def key_id_words(public: PublicKey) -> str:
    """The key id in groups of four, easier to compare aloud: `C335 B10B C9FA 3D9C`."""
    return " ".join(public.key_id[i : i + 4] for i in range(0, 16, 4))
