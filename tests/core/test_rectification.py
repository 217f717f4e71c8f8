"""Rectification tasks: overdue across the deadline, status changes with history and
version checks, closure proposed by a later passing re-inspection and confirmed."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from inspector_app.core import rectification as rect
from inspector_app.core import review
from inspector_app.core.centre_demo import CentreData, build_centre_data
from inspector_app.core.db.models import (
    AuditEvent,
    Finding,
    Inspection,
    PhotoAttachment,
    RectificationTask,
    ReviewDecision,
)
from inspector_app.core.errors import ConflictError, InputError, NotFoundError
from inspector_app.core.store import Store

NOW = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)  # Friday 10:00 in Shanghai
FRI = date(2026, 11, 27)


@pytest.fixture
def cdata(store: Store) -> CentreData:
    return build_centre_data(store, findings=1200, seed=11, points=30, photos=True, now=NOW)


def accepted_high(store: Store) -> tuple[review.QueueRow, str]:
    page = review.review_page(store, review.ReviewFilter(status="pending"), limit=500)
    row = next(r for r in page.rows if r.severity == "high")
    d = review.accept(store, row.finding_id, now=NOW)
    assert d.task_id is not None
    return row, d.task_id


def reinspect(store: Store, finding_id: str, result: str, days: int, *, photo: bool) -> str:
    """An imported inspection of the same point `days` after NOW answering the same item."""
    with store.write() as s:
        f = s.get(Finding, finding_id)
        assert f is not None
        old = s.get(Inspection, f.inspection_id)
        assert old is not None
        started = NOW + timedelta(days=days)
        insp = Inspection(
            id=str(uuid.uuid4()),
            point_id=old.point_id,
            catalogue_id=old.catalogue_id,
            point_type_id=old.point_type_id,
            origin_key_id=old.origin_key_id,
            origin_bundle_id=old.origin_bundle_id,
            status="final",
            started_at=started,
            finalised_at=started + timedelta(minutes=20),
            updated_at=started,
        )
        s.add(insp)
        s.flush()
        new = Finding(
            inspection_id=insp.id,
            item_id=f.item_id,
            result=result,
            count=1 if result == "problem" else 0,
            recorded_at=started + timedelta(minutes=5),
        )
        s.add(new)
        s.flush()
        if photo:
            sha = s.scalars(select(PhotoAttachment.photo_sha256)).first()
            s.add(
                PhotoAttachment(
                    inspection_id=insp.id,
                    finding_id=new.id,
                    photo_sha256=sha,
                    captured_at=started + timedelta(minutes=4),
                )
            )
        return new.id


def test_overdue_is_computed_across_the_deadline(store: Store, cdata: CentreData) -> None:
    _row, task_id = accepted_high(store)
    t = rect.get_task(store, task_id, today=FRI)
    assert t.deadline == date(2026, 12, 1) and not t.overdue and t.board_status == "open"
    assert not rect.get_task(store, task_id, today=date(2026, 12, 1)).overdue  # due day: in time
    late = rect.get_task(store, task_id, today=date(2026, 12, 2))
    assert late.overdue and late.board_status == "overdue"
    overdue = rect.list_tasks(store, status="overdue", today=date(2026, 12, 2))
    assert task_id in {x.id for x in overdue}
    assert all(x.overdue for x in overdue)
    every = rect.list_tasks(store, today=date(2026, 12, 2))
    flags = [x.overdue for x in every]
    assert flags == sorted(flags, reverse=True)  # overdue first
    firsts = [x.deadline for x in every if x.overdue]
    assert firsts == sorted(firsts)
    # a reported fix does not stop the clock; a closed task is never overdue
    rect.update_status(store, task_id, "reported_fixed")
    assert rect.get_task(store, task_id, today=date(2026, 12, 2)).overdue
    rect.update_status(store, task_id, "closed")
    assert not rect.get_task(store, task_id, today=date(2027, 1, 1)).overdue
    with pytest.raises(InputError, match="not a task status"):
        rect.list_tasks(store, status="late")


def test_status_changes_keep_history_and_refuse_stale_versions(
    store: Store, cdata: CentreData
) -> None:
    _row, task_id = accepted_high(store)
    with pytest.raises(ConflictError, match="cannot go from open to closed"):
        rect.update_status(store, task_id, "closed")
    t = rect.update_status(store, task_id, "reported_fixed", note="单位已上报")
    assert t.status == "reported_fixed" and t.reported_fixed_at is not None
    with pytest.raises(InputError, match="say why"):
        rect.update_status(store, task_id, "open")
    with pytest.raises(ConflictError, match="changed meanwhile"):
        rect.update_status(store, task_id, "closed", expected_version=t.version - 1)
    rect.update_status(store, task_id, "open", note="现场复查仍有问题", expected_version=t.version)
    rect.update_status(store, task_id, "reported_fixed")
    closed = rect.update_status(store, task_id, "closed")
    assert closed.closed_by == "tester" and closed.closed_at is not None
    with pytest.raises(ConflictError, match="already closed"):
        rect.update_status(store, task_id, "closed")
    with pytest.raises(NotFoundError):
        rect.update_status(store, "nope", "closed")
    history = rect.task_detail(store, task_id, today=FRI).history
    assert [(e.from_status, e.to_status) for e in history] == [
        (None, "open"),
        ("open", "reported_fixed"),
        ("reported_fixed", "open"),
        ("open", "reported_fixed"),
        ("reported_fixed", "closed"),
    ]
    assert history[2].note == "现场复查仍有问题" and all(e.actor == "tester" for e in history)
    with store.read() as s:
        actions = list(s.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == task_id)))
    assert actions.count("task.reported_fixed") == 2 and "task.closed" in actions


def test_a_reinspection_proposes_closure_with_before_and_after(
    store: Store, cdata: CentreData
) -> None:
    row, task_id = accepted_high(store)
    passed = reinspect(store, row.finding_id, "pass", 1, photo=True)
    t = rect.get_task(store, task_id, today=FRI)
    assert t.proposal_finding_id == passed
    detail = rect.task_detail(store, task_id, today=FRI)
    assert detail.proposal is not None and detail.proposal.finding_id == passed
    assert detail.proposal.before == detail.photos and detail.proposal.before
    assert len(detail.proposal.after) == 1
    assert detail.proposal.inspected_at == NOW + timedelta(days=1)
    with pytest.raises(ConflictError, match="does not show task"):
        rect.confirm_closure(store, task_id, row.finding_id)
    closed = rect.confirm_closure(store, task_id, passed, note="复查合格")
    assert closed.status == "closed" and closed.reinspection_finding_id == passed
    assert closed.proposal_finding_id is None
    last = rect.task_detail(store, task_id, today=FRI).history[-1]
    assert (last.to_status, last.reinspection_finding_id, last.note) == (
        "closed",
        passed,
        "复查合格",
    )


def test_a_later_problem_withdraws_the_proposal(store: Store, cdata: CentreData) -> None:
    row, task_id = accepted_high(store)
    passed = reinspect(store, row.finding_id, "pass", 1, photo=False)
    assert rect.get_task(store, task_id, today=FRI).proposal_finding_id == passed
    reinspect(store, row.finding_id, "na", 2, photo=False)  # n.a. says nothing either way
    assert rect.get_task(store, task_id, today=FRI).proposal_finding_id == passed
    reinspect(store, row.finding_id, "problem", 3, photo=False)
    assert rect.get_task(store, task_id, today=FRI).proposal_finding_id is None
    with pytest.raises(ConflictError, match="does not show task"):
        rect.confirm_closure(store, task_id, passed)


def test_rejected_findings_never_become_tasks_and_the_board_adds_up(
    store: Store, cdata: CentreData
) -> None:
    with store.read() as s:
        rejected = set(
            s.scalars(
                select(ReviewDecision.finding_id).where(ReviewDecision.decision == "rejected")
            )
        )
        task_findings = set(s.scalars(select(RectificationTask.finding_id)))
    assert rejected and not rejected & task_findings
    board = rect.task_board(store, today=FRI)
    assert sum(len(b.tasks) for b in board) == cdata.tasks
    for b in board:
        assert b.open + b.reported_fixed + b.overdue + b.closed == len(b.tasks)
        assert {t.unit for t in b.tasks} == {b.unit}
    overdue = [b.overdue for b in board]
    assert overdue == sorted(overdue, reverse=True)
    unit = board[0].unit
    assert {t.id for t in rect.list_tasks(store, unit=unit, today=FRI)} == {
        t.id for t in board[0].tasks
    }
