"""The audit log's hash chain detects edited, deleted and inserted events."""

from __future__ import annotations

from sqlalchemy import delete, select, update

from inspector_app.core import audit
from inspector_app.core.db.models import AuditEvent
from inspector_app.core.store import Store


def fill(store: Store, n: int = 5) -> None:
    with store.write() as s:
        for k in range(n):
            audit.append_event(
                s,
                actor="a",
                action="test.event",
                entity="x",
                entity_id=str(k),
                detail={"k": k, "note": "东关"},
            )


def verify(store: Store) -> audit.AuditReport:
    with store.read() as s:
        return audit.verify_chain(s)


def test_intact_chain_verifies(store: Store) -> None:
    fill(store)
    report = verify(store)
    assert report.ok and report.events >= 5


def test_edited_event_is_detected(store: Store) -> None:
    fill(store)
    with store.write() as s:
        seq = s.scalars(select(AuditEvent.seq).where(AuditEvent.entity_id == "2")).one()
        s.execute(update(AuditEvent).where(AuditEvent.seq == seq).values(detail='{"k": 9}'))
    report = verify(store)
    assert not report.ok
    assert any(f"event {seq}" in p and "altered" in p for p in report.problems)


def test_deleted_middle_event_is_detected(store: Store) -> None:
    fill(store)
    with store.write() as s:
        seq = s.scalars(select(AuditEvent.seq).where(AuditEvent.entity_id == "2")).one()
        s.execute(delete(AuditEvent).where(AuditEvent.seq == seq))
    report = verify(store)
    assert not report.ok and any("missing" in p for p in report.problems)


def test_deleted_newest_event_is_detected(store: Store) -> None:
    fill(store)
    with store.write() as s:
        last = s.scalars(select(AuditEvent.seq).order_by(AuditEvent.seq.desc())).first()
        s.execute(delete(AuditEvent).where(AuditEvent.seq == last))
    report = verify(store)
    assert not report.ok and any("missing" in p for p in report.problems)


def test_rehashed_forgery_still_breaks_the_next_link(store: Store) -> None:
    fill(store)
    with store.write() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.entity_id == "1")).one()
        ev.detail = '{"k": 42}'
        ev.hash = audit._event_hash(
            ev.prev_hash, ev.seq, ev.at, ev.actor, ev.action, ev.entity, ev.entity_id, ev.detail
        )
    report = verify(store)
    assert not report.ok
    assert any("does not follow" in p for p in report.problems)
