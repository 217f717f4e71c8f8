"""The laptop's Ed25519 signing key: made once, secret half encrypted with a passphrase.

Key ids follow minisign: 8 random bytes stored with the key, shown as 16 upper-case hex
digits of those bytes in reverse order (as `minisign` prints them).

The key file (`keys/<KEYID>.key`, mode 0600) holds three parts, one per line: the key id's
raw bytes in hex; the KDF line `scrypt N=65536 r=8 p=2 salt=<hex>`; the secret key as
PKCS#8 PEM, encrypted with the hex of scrypt(passphrase). PKCS#8's own KDF (PBKDF2 with
2,048 rounds, all that `cryptography` offers) would let a stolen laptop's passphrase be
guessed fast; scrypt in front makes each guess cost ~0.3 s and 64 MiB. Files written
before the KDF line existed (id line then PEM) still open; changing the passphrase
rewrites them in this form.
"""

from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import select

from inspector_app.core import audit
from inspector_app.core.db.models import LocalKey
from inspector_app.core.errors import InputError, NotFoundError
from inspector_app.core.fsutil import write_file_atomically
from inspector_app.core.minisign import PublicKey, format_key_id, raw_key_id
from inspector_app.core.store import Store

MIN_PASSPHRASE_LENGTH = 4
#: scrypt's cost for the key file: 2^16 × 8 × 128 bytes = 64 MiB, two passes, ~0.3 s per
#: guess (64 MiB rather than 128: an export's peak memory stays well under its 200 MB)
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**16, 8, 2
_KDF_LINE = re.compile(rb"scrypt N=(\d+) r=(\d+) p=(\d+) salt=([0-9a-f]{32})")
#: bounds on what a key file may ask of scrypt (a hostile file must not exhaust memory)
_MAX_SCRYPT_MEMORY, _MAX_SCRYPT_P = 512 * 2**20, 4
NO_KEY = "this data folder has no signing key: run `inspector-app key init --name NAME --code CODE`"


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


def require_local_key(store: Store) -> LocalKeyInfo:
    """This data folder's signing key; NotFoundError (saying how to make one) without it."""
    key = get_local_key(store)
    if key is None:
        raise NotFoundError(NO_KEY)
    return key


def _scrypt(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    """The PKCS#8 password: scrypt of the passphrase, as hex."""
    return (
        Scrypt(salt=salt, length=32, n=n, r=r, p=p)
        .derive(passphrase.encode("utf-8"))
        .hex()
        .encode()
    )


def seal_private_key(private: Ed25519PrivateKey, passphrase: str) -> bytes:
    """The key sealed under a passphrase: the KDF line, then the PKCS#8 PEM encrypted with
    the hex of scrypt(passphrase) (see the module's docstring)."""
    salt = secrets.token_bytes(16)
    kdf = f"scrypt N={SCRYPT_N} r={SCRYPT_R} p={SCRYPT_P} salt={salt.hex()}".encode()
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(
            _scrypt(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        ),
    )
    return kdf + b"\n" + pem


def _key_file(raw_id: bytes, private: Ed25519PrivateKey, passphrase: str) -> bytes:
    """The key file's bytes: id line, then the sealed key (see the module's docstring)."""
    return raw_id.hex().encode() + b"\n" + seal_private_key(private, passphrase)


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
    secret_file = f"{key_id}.key"
    # The key id travels with the secret so the pair can never be mismatched.
    write_file_atomically(
        store.paths.keys / secret_file, _key_file(raw_id, private, passphrase), mode=0o600
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


def _secret_path(store: Store, key: LocalKeyInfo) -> Path:
    return store.paths.keys / f"{key.key_id}.key"


def _read_secret_file(store: Store, key: LocalKeyInfo) -> tuple[Path, bytes]:
    """The key file's KDF line and PEM, after checking the key id written beside it."""
    path = _secret_path(store, key)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"the secret key file {path} cannot be read ({exc.strerror})") from None
    raw_id_hex, _, pem = data.partition(b"\n")
    if raw_id_hex.strip() != raw_key_id(key.key_id).hex().encode():
        raise InputError(f"the secret key file {path} belongs to another key")
    return path, pem


def _public_bytes(private: Ed25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def _stored_public(store: Store, key_id: str) -> bytes | None:
    with store.read() as s:
        row = s.scalars(select(LocalKey).where(LocalKey.key_id == key_id)).first()
        return bytes(row.public_key) if row else None


def unseal_private_key(
    sealed: bytes, passphrase: str, *, where: str, wrong: str
) -> Ed25519PrivateKey:
    """The Ed25519 key in a sealed blob (the KDF line, then the PKCS#8 PEM; or a PEM alone,
    as files from before the KDF line hold). `where` names the blob in errors; `wrong` is
    the message for a wrong passphrase. Shared by the laptop's key file and the command
    centre's signing key kept in the database."""
    if sealed.startswith(b"scrypt "):
        kdf, _, pem = sealed.partition(b"\n")
        m = _KDF_LINE.fullmatch(kdf.strip())
        if m is None:
            raise InputError(f"{where} is damaged (its KDF line)")
        n, r, p = (int(g) for g in m.groups()[:3])
        power_of_two = n >= 2 and n & (n - 1) == 0
        if not (
            power_of_two
            and r >= 1
            and 128 * n * r <= _MAX_SCRYPT_MEMORY
            and 1 <= p <= _MAX_SCRYPT_P
        ):
            raise InputError(f"{where} asks for impossible scrypt costs")
        password = _scrypt(passphrase, bytes.fromhex(m.group(4).decode()), n, r, p)
    else:  # a file from before the KDF line: the passphrase itself is PKCS#8's password
        pem, password = sealed, passphrase.encode("utf-8")
    try:
        private = serialization.load_pem_private_key(pem, password=password)
    except (ValueError, TypeError):
        raise InputError(wrong) from None
    if not isinstance(private, Ed25519PrivateKey):
        raise InputError(f"{where} does not hold an Ed25519 key")
    return private


def load_private_key(store: Store, key: LocalKeyInfo, passphrase: str) -> Ed25519PrivateKey:
    """Unlock the secret key; a wrong passphrase is a clear InputError."""
    path, rest = _read_secret_file(store, key)
    private = unseal_private_key(
        rest,
        passphrase,
        where=f"the secret key file {path}",
        wrong="wrong passphrase for the signing key",
    )
    stored = _stored_public(store, key.key_id)
    # A swapped key file would sign with a key the command centre never enrolled.
    if stored is not None and stored != _public_bytes(private):
        raise InputError(f"the secret key file {path} does not match key {key.key_id}")
    return private


def signing_key(store: Store, passphrase: str) -> tuple[LocalKeyInfo, Ed25519PrivateKey]:
    """The folder's key and its unlocked secret half, ready to sign a bundle."""
    key = require_local_key(store)
    return key, load_private_key(store, key, passphrase)


def export_public(store: Store) -> PublicKey:
    """The folder's public key in minisign's terms (key id + 32 Ed25519 bytes)."""
    key = require_local_key(store)
    public = _stored_public(store, key.key_id)
    assert public is not None  # the row was just read
    return PublicKey(key.key_id, public)


def public_key_text(store: Store) -> str:
    """The folder's public key as a minisign `.pub` file's text."""
    key = require_local_key(store)
    # The untrusted comment helps whoever enrolls it; minisign ignores it.
    comment = f"minisign public key {key.key_id} of {key.name} ({key.code})"
    return export_public(store).to_file(" ".join(comment.split()))


def write_public_key(store: Store, path: Path) -> PublicKey:
    """Write the public key as a minisign `.pub` file, which `minisign -V -p` reads."""
    public = export_public(store)
    text = public_key_text(store)
    if path.is_dir():
        raise InputError(f"{path} is a folder: give a file name such as {public.key_id}.pub")
    try:
        write_file_atomically(path, text.encode("utf-8"), mode=0o644)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from None
    return public


def change_passphrase(store: Store, old: str, new: str) -> LocalKeyInfo:
    """Protect the secret key with a new passphrase; the key itself and its id stay."""
    key = require_local_key(store)
    check_passphrase(new)
    private = load_private_key(store, key, old)  # a wrong old passphrase stops here
    path, _ = _read_secret_file(store, key)
    data = _key_file(raw_key_id(key.key_id), private, new)
    with store.write() as s:
        audit.append_event(
            s,
            actor=store.actor,
            action="key.passphrase_changed",
            entity="key",
            entity_id=key.key_id,
        )
        # Written last in the transaction: if the write fails, no event claims it happened.
        try:
            write_file_atomically(path, data, mode=0o600)
        except OSError as exc:
            raise InputError(f"cannot write the secret key file {path}: {exc.strerror}") from None
    return key


def passphrase_from_env() -> str | None:
    return os.environ.get("INSPECTOR_PASSPHRASE")
