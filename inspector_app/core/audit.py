"""Append-only, hash-chained audit log of every change to inspections, findings and photos.

Each event's hash covers the previous event's hash and its own canonical fields, so an
edited event breaks the chain at that event; `audit_head` keeps the newest sequence number
and hash, so deleting the newest events shows too.

Every event names its actor (the supervisor's or inspector's name) and, on PostgreSQL, the
database role that wrote it (`current_user`). An event with a role hashes it as a ninth
field; one without (SQLite, and every event made before roles were recorded) keeps the
eight-field form, so old chains verify unchanged, and adding, removing or changing a role
afterwards breaks the event's hash all the same.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, text, update
from sqlalchemy.orm import Session

from inspector_app.core.db.bulk import insert_rows
from inspector_app.core.db.models import AuditEvent, AuditHead
from inspector_app.core.db.types import utcnow
from inspector_app.core.errors import InputError

GENESIS = "0" * 64

#: an event to append: (action, entity, entity id, detail)
Event = tuple[str, str, str, dict[str, Any] | None]
_HEAD_ID = 1


def _event_hash(
    prev_hash: str,
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    detail: str,
    db_role: str | None = None,
) -> str:
    fields: list[Any] = [prev_hash, seq, at.isoformat(), actor, action, entity, entity_id, detail]
    if db_role is not None:  # the hash form of events that carry a role
        fields.append(db_role)
    body = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def db_role(session: Session) -> str | None:
    """The database role this session writes as (PostgreSQL's current_user), None where
    the database has no roles (SQLite)."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    role: str | None = session.execute(text("SELECT current_user")).scalar_one()
    return role


def append_event(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    detail: dict[str, Any] | None = None,
) -> int:
    """Append one event inside the caller's transaction; returns its sequence number."""
    return append_events(session, actor=actor, events=[(action, entity, entity_id, detail)])


def append_events(
    session: Session,
    *,
    actor: str,
    events: Sequence[Event],
) -> int:
    """Append events (action, entity, entity_id, detail), in order, with one insert, inside
    the caller's transaction; returns the last one's sequence number (0 for none).

    The head is read and written with Core statements on the session's connection and the
    events go in with one executemany (`db.bulk`: the ORM's unit of work costs several
    times more per row), so no AuditHead object is ever held in a session to go stale."""
    conn = session.connection()
    head = conn.execute(
        select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == _HEAD_ID).with_for_update()
    ).first()
    if not events:
        return head.seq if head is not None else 0
    seq, prev_hash = (head.seq, head.hash) if head is not None else (0, GENESIS)
    # Microseconds are dropped so the stored time reads back exactly on every backend.
    at = utcnow().replace(microsecond=0)
    role = db_role(session)
    rows = []
    for action, entity, entity_id, detail in events:
        seq += 1
        detail_text = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, default=str)
        digest = _event_hash(
            prev_hash, seq, at, actor, action, entity, entity_id, detail_text, role
        )
        rows.append(
            {
                "seq": seq,
                "at": at,
                "actor": actor,
                "db_role": role,
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "detail": detail_text,
                "prev_hash": prev_hash,
                "hash": digest,
            }
        )
        prev_hash = digest
    insert_rows(session, AuditEvent, rows)
    if head is None:
        conn.execute(insert(AuditHead).values(id=_HEAD_ID, seq=seq, hash=prev_hash))
    else:
        conn.execute(
            update(AuditHead).where(AuditHead.id == _HEAD_ID).values(seq=seq, hash=prev_hash)
        )
    return seq


@dataclass(frozen=True)
class AuditEntry:
    """One event as `audit list` shows it."""

    seq: int
    at: datetime
    actor: str
    db_role: str | None  # None on SQLite and for events made before roles were recorded
    action: str
    entity: str
    entity_id: str
    detail: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.seq,
            "seq": self.seq,
            "at": self.at.isoformat(),
            "actor": self.actor,
            "db_role": self.db_role,
            "action": self.action,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "detail": self.detail,
        }


MAX_LIST = 100_000


def list_events(
    session: Session,
    *,
    last: int = 50,
    entity_id: str | None = None,
    actor: str | None = None,
) -> list[AuditEntry]:
    """The newest `last` events (optionally of one entity or one actor), oldest first."""
    if not 1 <= last <= MAX_LIST:
        raise InputError(f"list 1 to {MAX_LIST} events")
    stmt = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(last)
    if entity_id is not None:
        stmt = stmt.where(AuditEvent.entity_id == entity_id)
    if actor is not None:
        stmt = stmt.where(AuditEvent.actor == actor)
    return [
        AuditEntry(
            ev.seq,
            ev.at,
            ev.actor,
            ev.db_role,
            ev.action,
            ev.entity,
            ev.entity_id,
            json.loads(ev.detail),
        )
        for ev in reversed(session.scalars(stmt).all())
    ]


@dataclass(frozen=True)
class AuditReport:
    ok: bool
    events: int
    problems: tuple[str, ...]


def verify_chain(session: Session, batch: int = 5000) -> AuditReport:
    """Walk the whole chain; report every break (edited, deleted or inserted events)."""
    problems: list[str] = []
    expected_seq, prev_hash, count = 1, GENESIS, 0
    last_seq = 0
    stmt = select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=batch)
    for ev in session.scalars(stmt):
        count += 1
        if ev.seq != expected_seq:
            problems.append(f"events {expected_seq}–{ev.seq - 1} are missing (deleted)")
        if ev.prev_hash != prev_hash:
            problems.append(f"event {ev.seq} does not follow the event before it")
        digest = _event_hash(
            ev.prev_hash,
            ev.seq,
            ev.at,
            ev.actor,
            ev.action,
            ev.entity,
            ev.entity_id,
            ev.detail,
            ev.db_role,
        )
        if digest != ev.hash:
            problems.append(f"event {ev.seq} ({ev.action} {ev.entity_id}) was altered")
        prev_hash, expected_seq, last_seq = ev.hash, ev.seq + 1, ev.seq
    head = session.execute(
        select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == _HEAD_ID)
    ).first()
    if head is None:
        if count:
            problems.append("the chain head record is missing")
    elif head.seq != last_seq or head.hash != prev_hash:
        if head.seq > last_seq:
            problems.append(f"events {last_seq + 1}–{head.seq} are missing (deleted)")
        else:
            problems.append("the chain head does not match the newest event")
    return AuditReport(ok=not problems, events=count, problems=tuple(problems))
