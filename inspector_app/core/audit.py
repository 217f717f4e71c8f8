"""Append-only, hash-chained audit log of every change to inspections, findings and photos.

Each event's hash covers the previous event's hash and its own canonical fields, so an
edited event breaks the chain at that event; `audit_head` keeps the newest sequence number
and hash, so deleting the newest events shows too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from inspector_app.core.db.models import AuditEvent, AuditHead
from inspector_app.core.db.types import utcnow

GENESIS = "0" * 64
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
) -> str:
    body = json.dumps(
        [prev_hash, seq, at.isoformat(), actor, action, entity, entity_id, detail],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


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
    head = session.execute(
        select(AuditHead).where(AuditHead.id == _HEAD_ID).with_for_update()
    ).scalar_one_or_none()
    prev_seq, prev_hash = (head.seq, head.hash) if head else (0, GENESIS)
    seq = prev_seq + 1
    # Microseconds are dropped so the stored time reads back exactly on every backend.
    at = utcnow().replace(microsecond=0)
    detail_text = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, default=str)
    digest = _event_hash(prev_hash, seq, at, actor, action, entity, entity_id, detail_text)
    session.add(
        AuditEvent(
            seq=seq,
            at=at,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail_text,
            prev_hash=prev_hash,
            hash=digest,
        )
    )
    if head is None:
        session.add(AuditHead(id=_HEAD_ID, seq=seq, hash=digest))
    else:
        head.seq, head.hash = seq, digest
    return seq


def append_events(
    session: Session,
    *,
    actor: str,
    events: Sequence[tuple[str, str, str, dict[str, Any] | None]],
) -> None:
    """Append events (action, entity, entity_id, detail), in order, with one insert: the
    same chain as `append_event` called for each, for imports that add hundreds at once."""
    if not events:
        return
    head = session.execute(
        select(AuditHead).where(AuditHead.id == _HEAD_ID).with_for_update()
    ).scalar_one_or_none()
    seq, prev_hash = (head.seq, head.hash) if head else (0, GENESIS)
    at = utcnow().replace(microsecond=0)
    rows = []
    for action, entity, entity_id, detail in events:
        seq += 1
        detail_text = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, default=str)
        digest = _event_hash(prev_hash, seq, at, actor, action, entity, entity_id, detail_text)
        rows.append(
            {
                "seq": seq,
                "at": at,
                "actor": actor,
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "detail": detail_text,
                "prev_hash": prev_hash,
                "hash": digest,
            }
        )
        prev_hash = digest
    # Core's executemany: the ORM's bulk insert costs several times more per row.
    session.connection().execute(insert(AuditEvent), rows)
    if head is None:
        session.add(AuditHead(id=_HEAD_ID, seq=seq, hash=prev_hash))
    else:
        head.seq, head.hash = seq, prev_hash


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
            ev.prev_hash, ev.seq, ev.at, ev.actor, ev.action, ev.entity, ev.entity_id, ev.detail
        )
        if digest != ev.hash:
            problems.append(f"event {ev.seq} ({ev.action} {ev.entity_id}) was altered")
        prev_hash, expected_seq, last_seq = ev.hash, ev.seq + 1, ev.seq
    head = session.get(AuditHead, _HEAD_ID)
    if head is None:
        if count:
            problems.append("the chain head record is missing")
    elif head.seq != last_seq or head.hash != prev_hash:
        if head.seq > last_seq:
            problems.append(f"events {last_seq + 1}–{head.seq} are missing (deleted)")
        else:
            problems.append("the chain head does not match the newest event")
    return AuditReport(ok=not problems, events=count, problems=tuple(problems))
