"""The command centre's keyring: inspectors' public keys it trusts, enrolled and revoked.

A key is named by its minisign key id everywhere. Which of a key's bundles have arrived is
read from the imported bundles themselves, so late arrivals fill their gap on their own.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inspector_app.core import audit
from inspector_app.core.db.models import Bundle, EnrolledKey
from inspector_app.core.db.types import utcnow
from inspector_app.core.errors import InputError, NotFoundError
from inspector_app.core.minisign import PUBLIC_ALG, PublicKey, parse_public_key, raw_key_id
from inspector_app.core.store import Store

if TYPE_CHECKING:
    from inspector_app.core.bundle.verified import TrustedKey

MAX_PUBLIC_KEY_FILE = 4096
MAX_NAME, MAX_CODE = 100, 32
_KEY_ID = re.compile(r"[0-9A-F]{16}")


@dataclass(frozen=True)
class EnrolledKeyInfo:
    """One enrolled key. `id` is its key id: the name the keyring and the CLI use."""

    id: str
    key_id: str
    public_key: bytes
    name: str
    code: str
    enrolled_at: datetime
    enrolled_by: str
    revoked_at: datetime | None
    last_export_sequence: int
    #: export sequence numbers of the bundles imported from this key, ascending
    received: tuple[int, ...]
    #: the numbers 1..max(received) that have not arrived
    missing: tuple[int, ...]

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def public_key_line(self) -> str:
        """The key as the base64 line of a minisign `.pub` file."""
        blob = PUBLIC_ALG + raw_key_id(self.key_id) + self.public_key
        return base64.b64encode(blob).decode()

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.key_id,
            "key_id": self.key_id,
            "name": self.name,
            "code": self.code,
            "public_key": self.public_key_line,
            "enrolled_at": self.enrolled_at.isoformat(),
            "enrolled_by": self.enrolled_by,
            "revoked": self.revoked,
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None,
            "last_export_sequence": self.last_export_sequence,
            "received": list(self.received),
            "missing": list(self.missing),
        }


def missing_numbers(received: list[int] | tuple[int, ...]) -> tuple[int, ...]:
    """The sequence numbers from 1 to the highest received that have not been received."""
    have = set(received)
    return tuple(n for n in range(1, max(have, default=0) + 1) if n not in have)


def format_ranges(numbers: list[int] | tuple[int, ...]) -> str:
    """`1-3, 5` for [1, 2, 3, 5]; `none` for no numbers."""
    ordered = sorted(set(numbers))
    if not ordered:
        return "none"
    parts: list[str] = []
    start = prev = ordered[0]
    for n in [*ordered[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)


def normalise_key_id(text: str) -> str:
    """A key id as typed (any case, spaces around) in its printed form, or InputError."""
    key_id = text.strip().upper()
    if not _KEY_ID.fullmatch(key_id):
        raise InputError(f"{text!r} is not a key id (16 hexadecimal digits, e.g. C335B10BC9FA3D9C)")
    return key_id


def _received(session: Session, key_id: str) -> tuple[int, ...]:
    rows = session.scalars(
        select(Bundle.export_sequence)
        .where(Bundle.direction == "import", Bundle.key_id == key_id)
        .order_by(Bundle.export_sequence)
    )
    return tuple(sorted(set(rows)))


def _info(session: Session, row: EnrolledKey) -> EnrolledKeyInfo:
    received = _received(session, row.key_id)
    return EnrolledKeyInfo(
        id=row.key_id,
        key_id=row.key_id,
        public_key=bytes(row.public_key),
        name=row.name,
        code=row.code,
        enrolled_at=row.enrolled_at,
        enrolled_by=row.enrolled_by,
        revoked_at=row.revoked_at,
        last_export_sequence=row.last_export_sequence,
        received=received,
        missing=missing_numbers(received),
    )


def _read_public_key(source: str | Path) -> PublicKey:
    """Parse a `.pub` file (a Path, or a str naming an existing file) or the key's text."""
    if isinstance(source, str):
        text = source.strip()
        looks_like_key = text.startswith("untrusted comment:") or (
            "\n" not in text and len(text) == 56 and not Path(text).exists()
        )
        if looks_like_key:
            return parse_public_key(text)
        source = Path(source)
    try:
        with source.open("rb") as f:
            data = f.read(MAX_PUBLIC_KEY_FILE + 1)
    except OSError as exc:
        raise InputError(f"cannot read the public key file {source}: {exc.strerror}") from None
    if len(data) > MAX_PUBLIC_KEY_FILE:
        raise InputError(f"{source} is too large to be a minisign public key")
    try:
        return parse_public_key(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"{source} is not a minisign public key (not UTF-8 text)") from None
    except InputError as exc:
        raise InputError(f"{source}: {exc.message}") from None


def _check_label(value: str, what: str, limit: int) -> str:
    value = " ".join(value.split())
    if not value:
        raise InputError(f"an enrolled key needs the inspector's {what}")
    if len(value) > limit:
        raise InputError(f"the inspector's {what} is too long (at most {limit} characters)")
    return value


def enroll(store: Store, source: str | Path, *, name: str, code: str) -> EnrolledKeyInfo:
    """Trust an inspector's minisign public key, given as a file or as its text."""
    public = _read_public_key(source)
    name = _check_label(name, "name", MAX_NAME)
    code = _check_label(code, "code", MAX_CODE)
    try:
        with store.write() as s:
            row = s.scalars(select(EnrolledKey).where(EnrolledKey.key_id == public.key_id)).first()
            if row is not None:
                if bytes(row.public_key) != public.key:
                    raise InputError(
                        f"key id {public.key_id} is already enrolled for another public key "
                        f"({row.name} ({row.code})); this key is refused"
                    )
                if row.revoked_at is not None:
                    raise InputError(
                        f"key {public.key_id} of {row.name} ({row.code}) was revoked on "
                        f"{row.revoked_at:%Y-%m-%d}; a revoked key cannot be enrolled again: "
                        "the inspector must make a new key"
                    )
                raise InputError(
                    f"key {public.key_id} is already enrolled as {row.name} ({row.code})"
                )
            row = EnrolledKey(
                key_id=public.key_id,
                public_key=public.key,
                name=name,
                code=code,
                enrolled_by=store.actor,
            )
            s.add(row)
            s.flush()
            audit.append_event(
                s,
                actor=store.actor,
                action="keyring.enrolled",
                entity="enrolled_key",
                entity_id=public.key_id,
                detail={"name": name, "code": code},
            )
            return _info(s, row)
    except IntegrityError:  # enrolled by someone else between our check and our insert
        raise InputError(f"key {public.key_id} is already enrolled") from None


def list_keys(store: Store) -> list[EnrolledKeyInfo]:
    """Every enrolled key, revoked ones too, by inspector code."""
    with store.read() as s:
        rows = s.scalars(
            select(EnrolledKey).order_by(EnrolledKey.code, EnrolledKey.enrolled_at)
        ).all()
        return [_info(s, row) for row in rows]


def get_key(store: Store, key_id: str) -> EnrolledKeyInfo:
    """One enrolled key by its id; NotFoundError if the keyring does not hold it."""
    key_id = normalise_key_id(key_id)
    with store.read() as s:
        row = s.scalars(select(EnrolledKey).where(EnrolledKey.key_id == key_id)).first()
        if row is None:
            raise NotFoundError(f"no enrolled key {key_id}")
        return _info(s, row)


def revoke(store: Store, key_id: str) -> EnrolledKeyInfo:
    """Stop trusting a key: bundles it signed are refused from now on."""
    key_id = normalise_key_id(key_id)
    with store.write() as s:
        row = s.scalars(select(EnrolledKey).where(EnrolledKey.key_id == key_id)).first()
        if row is None:
            raise NotFoundError(f"no enrolled key {key_id}")
        if row.revoked_at is not None:
            raise InputError(
                f"key {key_id} of {row.name} ({row.code}) was already revoked on "
                f"{row.revoked_at:%Y-%m-%d}"
            )
        row.revoked_at = utcnow()
        audit.append_event(
            s,
            actor=store.actor,
            action="keyring.revoked",
            entity="enrolled_key",
            entity_id=key_id,
            detail={"name": row.name, "code": row.code},
        )
        s.flush()
        return _info(s, row)


def trusted_key(session: Session, key_id: str) -> TrustedKey | None:
    """The enrolled key with this id as the verifier sees it (revoked ones included, flagged),
    or None when the keyring does not hold it. Runs in the caller's session."""
    # Imported here: the bundle schema (pydantic) is not needed to list or enroll keys.
    from inspector_app.core.bundle.verified import TrustedKey

    row = session.scalars(
        select(EnrolledKey).where(EnrolledKey.key_id == key_id.strip().upper())
    ).first()
    if row is None:
        return None
    return TrustedKey(
        key_id=row.key_id,
        public_key=bytes(row.public_key),
        name=row.name,
        code=row.code,
        revoked=row.revoked_at is not None,
    )
