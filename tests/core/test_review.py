"""The review queue (keyset pages, filters, count), a finding's detail with photo markers,
and accept / reject with their rules."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, select, update

from inspector_app.core import inspections, rectification, review
from inspector_app.core.centre_demo import CentreData, build_centre_data
from inspector_app.core.db.models import (
    AuditEvent,
    Finding,
    Inspection,
    PhotoAttachment,
    RectificationEvent,
    RectificationTask,
    ReviewDecision,
)
from inspector_app.core.errors import ConflictError, InputError, NotFoundError
from inspector_app.core.periods import centre_timezone
from inspector_app.core.store import Store

NOW = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)  # Friday 10:00 in Shanghai


@pytest.fixture
def cdata(store: Store) -> CentreData:
    return build_centre_data(store, findings=1500, seed=7, points=40, photos=True, now=NOW)


def all_rows(store: Store, flt: review.ReviewFilter | None = None, limit: int = 37) -> list:
    rows: list[review.QueueRow] = []
    cursor = None
    while True:
        page = review.review_page(store, flt, after=cursor, limit=limit)
        rows.extend(page.rows)
        if page.next_cursor is None:
            return rows
        cursor = page.next_cursor


def pending(store: Store) -> list[review.QueueRow]:
    return all_rows(store, review.ReviewFilter(status="pending"), limit=500)


def test_pages_walk_every_problem_once_in_order(store: Store, cdata: CentreData) -> None:
    rows = all_rows(store)
    assert len(rows) == len({r.finding_id for r in rows}) == cdata.problems
    assert review.review_count(store) == cdata.problems
    keys = [(r.started_at, r.finding_id) for r in rows]
    assert keys == sorted(keys)
    assert {r.status for r in rows} == {"pending", "accepted", "rejected"}
    assert all(r.inspector_code.startswith("DC-") and r.deduction > 0 for r in rows)
    assert sum(r.photos for r in rows) >= cdata.problems


def test_filters_match_a_plain_reading(store: Store, cdata: CentreData) -> None:
    rows = all_rows(store, limit=1000)
    tz = centre_timezone(store)
    key_id, _name, code = cdata.inspectors[1]
    some = rows[len(rows) // 2]
    day = some.started_at.astimezone(tz).date()
    cases = [
        (review.ReviewFilter(district=some.district), lambda r: r.district == some.district),
        (review.ReviewFilter(unit=some.unit), lambda r: r.unit == some.unit),
        (
            review.ReviewFilter(point_type=some.point_type),
            lambda r: r.point_type == some.point_type,
        ),
        (review.ReviewFilter(category="ads"), lambda r: r.category == "ads"),
        (review.ReviewFilter(inspector=code), lambda r: r.inspector_key_id == key_id),
        (review.ReviewFilter(inspector=key_id.lower()), lambda r: r.inspector_key_id == key_id),
        (review.ReviewFilter(status="rejected"), lambda r: r.status == "rejected"),
        (
            review.ReviewFilter(date_from=day, date_to=day + timedelta(days=2), status="pending"),
            lambda r: (
                day <= r.started_at.astimezone(tz).date() <= day + timedelta(days=2)
                and r.status == "pending"
            ),
        ),
    ]
    for flt, keep in cases:
        expected = [r.finding_id for r in rows if keep(r)]
        assert expected, flt
        assert [r.finding_id for r in all_rows(store, flt)] == expected, flt
        assert review.review_count(store, flt) == len(expected), flt
    for bad in (
        review.ReviewFilter(status="maybe"),
        review.ReviewFilter(category="noise"),
        review.ReviewFilter(date_from=date(2026, 2, 2), date_to=date(2026, 2, 1)),
    ):
        with pytest.raises(InputError):
            review.review_count(store, bad)


def test_detail_marks_photos_outside_the_window_and_shared(store: Store, cdata: CentreData) -> None:
    first, second = pending(store)[:2]
    with store.write() as s:
        insp = s.get(Inspection, first.inspection_id)
        assert insp is not None and insp.finalised_at is not None
        att = s.scalars(
            select(PhotoAttachment).where(PhotoAttachment.finding_id == first.finding_id)
        ).first()
        assert att is not None
        sha = att.photo_sha256
        s.execute(
            update(PhotoAttachment)
            .where(PhotoAttachment.id == att.id)
            .values(captured_at=insp.finalised_at + timedelta(minutes=11))
        )
        s.execute(
            insert(PhotoAttachment).values(
                id="shared-1",
                inspection_id=second.inspection_id,
                finding_id=second.finding_id,
                photo_sha256=sha,
                captured_at=None,
                attached_at=NOW,
            )
        )
    d = review.finding_detail(store, first.finding_id)
    assert d.status == "pending" and d.decision_version == 0 and d.task_id is None
    assert d.inspector_code == first.inspector_code and d.inspector_key_id
    assert d.item_code == first.item_code and d.item_text_zh and d.severity
    marked = next(p for p in d.photos if p.sha256 == sha)
    assert marked.outside_window
    assert [u.finding_id for u in marked.shared_with] == [second.finding_id]
    assert marked.shared_with[0].point_code == second.point_code
    other = review.finding_detail(store, second.finding_id)
    shared = next(p for p in other.photos if p.sha256 == sha)
    assert shared.time_unknown and not shared.outside_window
    assert shared.shared_with[0].finding_id == first.finding_id
    # inside the slack: not marked
    with store.write() as s:
        s.execute(
            update(PhotoAttachment)
            .where(PhotoAttachment.id == att.id)
            .values(captured_at=insp.finalised_at + timedelta(minutes=9))
        )
    assert not next(
        p for p in review.finding_detail(store, first.finding_id).photos if p.sha256 == sha
    ).outside_window


def test_accept_opens_a_task_due_in_working_days(store: Store, cdata: CentreData) -> None:
    row = next(r for r in pending(store) if r.severity == "high")
    d = review.accept(store, row.finding_id, expected_version=0, now=NOW)
    assert d.decision == "accepted" and d.changed and d.decided_by == "tester"
    assert d.deadline == date(2026, 12, 1)  # Friday + 2 working days = Tuesday
    task = rectification.get_task(store, d.task_id or "", today=date(2026, 11, 27))
    assert task.unit == row.unit and task.status == "open" and task.created_by == "tester"
    with store.read() as s:
        actions = [
            (e.action, e.actor)
            for e in s.scalars(
                select(AuditEvent).where(AuditEvent.entity_id.in_([row.finding_id, task.id]))
            )
        ]
    assert ("review.accepted", "tester") in actions and ("task.created", "tester") in actions
    again = review.accept(store, row.finding_id)
    assert not again.changed and again.task_id == d.task_id and again.version == d.version


def test_reject_needs_a_reason_and_never_makes_a_task(store: Store, cdata: CentreData) -> None:
    row = pending(store)[0]
    with pytest.raises(InputError, match="needs a reason"):
        review.reject(store, row.finding_id, "   ")
    d = review.reject(store, row.finding_id, "照片不能证明问题")
    assert d.decision == "rejected" and d.task_id is None
    with store.read() as s:
        assert (
            s.scalars(
                select(RectificationTask).where(RectificationTask.finding_id == row.finding_id)
            ).first()
            is None
        )
    assert review.finding_detail(store, row.finding_id).reason == "照片不能证明问题"
    # a new reason replaces the old (the audit log keeps both)
    d2 = review.reject(store, row.finding_id, "重复记录")
    assert d2.changed and d2.version == d.version + 1
    with store.read() as s:
        rejected_tasks = s.execute(
            select(RectificationTask.id)
            .join(ReviewDecision, ReviewDecision.finding_id == RectificationTask.finding_id)
            .where(ReviewDecision.decision == "rejected")
        ).all()
    assert rejected_tasks == []


def test_redeciding_is_allowed_until_the_task_moves(store: Store, cdata: CentreData) -> None:
    a, b = pending(store)[:2]
    first = review.accept(store, a.finding_id)
    flipped = review.reject(store, a.finding_id, "不属于本点位范围")
    assert flipped.task_id is None
    with store.read() as s:
        assert s.get(RectificationTask, first.task_id) is None
        assert not s.scalars(
            select(RectificationEvent).where(RectificationEvent.task_id == first.task_id)
        ).all()
    back = review.accept(store, a.finding_id)
    assert back.task_id and back.task_id != first.task_id
    d = review.accept(store, b.finding_id)
    rectification.update_status(store, d.task_id or "", "reported_fixed")
    with pytest.raises(ConflictError, match="already moved"):
        review.reject(store, b.finding_id, "重复记录")
    assert review.finding_detail(store, b.finding_id).status == "accepted"


def test_a_decision_made_meanwhile_is_not_overwritten(store: Store, cdata: CentreData) -> None:
    row = pending(store)[0]
    seen = review.finding_detail(store, row.finding_id).decision_version  # 0: pending
    review.reject(store, row.finding_id, "照片模糊无法辨认")  # another supervisor
    with pytest.raises(ConflictError, match=r"rejected by tester .* meanwhile"):
        review.accept(store, row.finding_id, expected_version=seen)
    d = review.finding_detail(store, row.finding_id)
    assert d.status == "rejected" and d.task_id is None
    ok = review.accept(store, row.finding_id, expected_version=d.decision_version)
    assert ok.decision == "accepted" and ok.version == d.decision_version + 1


def test_only_imported_problems_are_reviewed(city: Store, tmp_path: Path) -> None:
    build_centre_data(city, findings=100, seed=1, points=20, now=NOW)
    with city.read() as s:
        passed = s.scalars(select(Finding.id).where(Finding.result == "pass")).first()
        na = s.scalars(select(Finding.id).where(Finding.result == "na")).first()
    assert passed and na
    with pytest.raises(InputError, match="is passed, not a problem"):
        review.accept(city, passed)
    with pytest.raises(InputError, match="not applicable, not a problem"):
        review.reject(city, na, "x")
    with pytest.raises(NotFoundError):
        review.accept(city, "no-such-finding")
    local = inspections.start_inspection(city, "FM-T1")
    item = inspections.get_inspection(city, local.id).items[0]
    inspections.record_finding(city, local.id, item.code, "problem", count=1)
    with city.read() as s:
        fid = s.scalars(select(Finding.id).where(Finding.inspection_id == local.id)).one()
    with pytest.raises(InputError, match="recorded on this computer"):
        review.accept(city, fid)
    assert fid not in {r.finding_id for r in all_rows(city)}
    with city.read() as s:
        assert s.scalar(select(ReviewDecision).where(ReviewDecision.finding_id == fid)) is None
