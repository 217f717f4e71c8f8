"""Rectification tasks: each accepted problem goes to its point's responsible unit with a
working-day deadline; status open → reported_fixed → closed (a disputed fix goes back to
open), overdue once the deadline has passed; a later imported inspection that records the
same item as passed proposes closing the task, which the supervisor confirms.

Rules:
- overdue = not closed and the deadline is before today in the centre's time zone (the
  deadline day itself is still in time); it is derived, never stored;
- allowed changes by hand: open → reported_fixed, reported_fixed → closed, reported_fixed →
  open and closed → open (a disputed fix or a wrong closure: a note saying why is required);
  confirm_closure closes an open or reported-fixed task from a re-inspection;
- a closure proposal: among the later imported inspections of the same point that answered
  the same item code (matched by code, so a newer catalogue version still counts), the
  latest answer is a pass. A later problem after a pass means it is not fixed;
- every change records store.actor, a history event and an audit event; a caller that shows
  a task passes the version it showed, and a change made meanwhile is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, case, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import Select

from inspector_app.core import audit
from inspector_app.core.db.models import (
    CheckItem,
    Finding,
    Inspection,
    Point,
    RectificationEvent,
    RectificationTask,
)
from inspector_app.core.db.types import utcnow
from inspector_app.core.errors import ConflictError, InputError, NotFoundError
from inspector_app.core.evidence import PhotoInfo, photos_of_findings
from inspector_app.core.periods import centre_today
from inspector_app.core.store import Store

OPEN, REPORTED_FIXED, CLOSED, OVERDUE = "open", "reported_fixed", "closed", "overdue"
STATUSES = (OPEN, REPORTED_FIXED, CLOSED)
#: what `list_tasks` filters by: the stored statuses and the derived one
FILTER_STATUSES = (OPEN, REPORTED_FIXED, CLOSED, OVERDUE)
#: changes allowed by update_status: (from, to)
TRANSITIONS = {
    (OPEN, REPORTED_FIXED),
    (REPORTED_FIXED, CLOSED),
    (REPORTED_FIXED, OPEN),
    (CLOSED, OPEN),
}
MAX_NOTE = 2000


@dataclass(frozen=True)
class TaskInfo:
    id: str
    finding_id: str
    status: str  # open / reported_fixed / closed
    overdue: bool
    unit: str
    deadline: date
    created_at: datetime
    created_by: str
    reported_fixed_at: datetime | None
    closed_at: datetime | None
    closed_by: str | None
    reinspection_finding_id: str | None
    version: int
    point_code: str
    point_name: str
    district: str
    item_code: str
    item_text_zh: str
    item_text_en: str
    severity: str
    count: int
    inspection_id: str
    inspected_at: datetime  # the original inspection's start (UTC)
    #: a later passing finding that proposes closing (None when closed or none)
    proposal_finding_id: str | None

    @property
    def board_status(self) -> str:
        """What the board shows: `overdue` instead of an open or reported-fixed status."""
        return OVERDUE if self.overdue else self.status

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "finding_id": self.finding_id,
            "status": self.status,
            "overdue": self.overdue,
            "board_status": self.board_status,
            "unit": self.unit,
            "deadline": self.deadline.isoformat(),
            "created_at": self.created_at.isoformat(),
            "created_by": self.created_by,
            "reported_fixed_at": _iso(self.reported_fixed_at),
            "closed_at": _iso(self.closed_at),
            "closed_by": self.closed_by,
            "reinspection_finding_id": self.reinspection_finding_id,
            "version": self.version,
            "point_code": self.point_code,
            "point_name": self.point_name,
            "district": self.district,
            "item_code": self.item_code,
            "item_text_zh": self.item_text_zh,
            "item_text_en": self.item_text_en,
            "severity": self.severity,
            "count": self.count,
            "inspection_id": self.inspection_id,
            "inspected_at": self.inspected_at.isoformat(),
            "proposal_finding_id": self.proposal_finding_id,
        }


@dataclass(frozen=True)
class TaskEvent:
    at: datetime
    actor: str
    from_status: str | None  # None for the task's creation
    to_status: str
    note: str
    reinspection_finding_id: str | None


@dataclass(frozen=True)
class ClosureProposal:
    """A later passing answer for the task's item: before and after, side by side."""

    task_id: str
    finding_id: str  # the re-inspection's passing finding
    inspection_id: str
    inspected_at: datetime
    inspector_key_id: str | None
    before: tuple[PhotoInfo, ...]  # the original problem's photos
    after: tuple[PhotoInfo, ...]  # the re-inspection finding's photos


@dataclass(frozen=True)
class TaskDetail:
    task: TaskInfo
    history: tuple[TaskEvent, ...]
    photos: tuple[PhotoInfo, ...]  # the original problem's photos
    proposal: ClosureProposal | None


@dataclass(frozen=True)
class BoardUnit:
    """One responsible unit on the board: counts by board status and its tasks."""

    unit: str
    open: int
    reported_fixed: int
    overdue: int
    closed: int
    tasks: tuple[TaskInfo, ...]  # overdue first, then by deadline


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _today(store: Store, today: date | None) -> date:
    return today if today is not None else centre_today(store)


# --- queries ---------------------------------------------------------------------------------


def _task_select() -> Select[Any]:
    return (
        select(RectificationTask, Finding, Inspection, Point, CheckItem)
        .join(Finding, Finding.id == RectificationTask.finding_id)
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .join(Point, Point.id == Inspection.point_id)
        .join(CheckItem, CheckItem.id == Finding.item_id)
    )


def _latest_later_answer(task_ids: list[str]) -> Select[Any]:
    """Per task, the latest later imported answer (not n.a.) on the same point and item code:
    walked backwards from the newest inspection of the point, so it stops at the first."""
    i2, f2, c2 = aliased(Inspection), aliased(Finding), aliased(CheckItem)
    latest = (
        select(f2.id)
        .select_from(i2)
        .join(c2, c2.code == CheckItem.code)
        .join(f2, and_(f2.inspection_id == i2.id, f2.item_id == c2.id))
        .where(
            i2.point_id == Inspection.point_id,
            i2.started_at > Inspection.started_at,
            i2.origin_key_id.is_not(None),
            i2.status != "draft",
            f2.result != "na",
        )
        .order_by(i2.started_at.desc(), f2.id.desc())
        .limit(1)
        .correlate(Inspection, CheckItem)
        .scalar_subquery()
    )
    return (
        select(RectificationTask.id, latest)
        .join(Finding, Finding.id == RectificationTask.finding_id)
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .join(CheckItem, CheckItem.id == Finding.item_id)
        .where(RectificationTask.id.in_(task_ids))
    )


def _proposals(session: Session, task_ids: list[str]) -> dict[str, str]:
    latest: dict[str, str] = {}
    # SQLite limits bound parameters per statement; chunks keep every list size safe.
    for i in range(0, len(task_ids), 500):
        for tid, fid in session.execute(_latest_later_answer(task_ids[i : i + 500])):
            if fid is not None:
                latest[tid] = fid
    ids = list(latest.values())
    passed: set[str] = set()
    for i in range(0, len(ids), 500):
        passed.update(
            session.scalars(
                select(Finding.id).where(Finding.id.in_(ids[i : i + 500]), Finding.result == "pass")
            )
        )
    return {tid: fid for tid, fid in latest.items() if fid in passed}


def _info(row: Any, today: date, proposal: str | None) -> TaskInfo:
    task, finding, insp, point, item = row
    return TaskInfo(
        id=task.id,
        finding_id=task.finding_id,
        status=task.status,
        overdue=task.status != CLOSED and task.deadline < today,
        unit=task.unit,
        deadline=task.deadline,
        created_at=task.created_at,
        created_by=task.created_by,
        reported_fixed_at=task.reported_fixed_at,
        closed_at=task.closed_at,
        closed_by=task.closed_by,
        reinspection_finding_id=task.reinspection_finding_id,
        version=task.version,
        point_code=point.code,
        point_name=point.name,
        district=point.district,
        item_code=item.code,
        item_text_zh=item.text_zh,
        item_text_en=item.text_en,
        severity=item.severity,
        count=finding.count,
        inspection_id=insp.id,
        inspected_at=insp.started_at,
        proposal_finding_id=None if task.status == CLOSED else proposal,
    )


def list_tasks(
    store: Store,
    *,
    unit: str | None = None,
    status: str | None = None,
    today: date | None = None,
) -> list[TaskInfo]:
    """Tasks, overdue first, then by deadline (then unit and id, so the order is total)."""
    if status is not None and status not in FILTER_STATUSES:
        raise InputError(f"{status!r} is not a task status: use {', '.join(FILTER_STATUSES)}")
    day = _today(store, today)
    stmt = _task_select()
    if unit is not None:
        stmt = stmt.where(RectificationTask.unit == unit)
    late = and_(RectificationTask.status != CLOSED, RectificationTask.deadline < day)
    if status == OVERDUE:
        stmt = stmt.where(late)
    elif status is not None:
        stmt = stmt.where(RectificationTask.status == status)
    stmt = stmt.order_by(
        case((late, 0), else_=1),
        RectificationTask.deadline,
        RectificationTask.unit,
        RectificationTask.id,
    )
    with store.read() as s:
        rows = s.execute(stmt).all()
        open_ids = [r[0].id for r in rows if r[0].status != CLOSED]
        proposals = _proposals(s, open_ids)
    return [_info(r, day, proposals.get(r[0].id)) for r in rows]


def task_board(store: Store, *, today: date | None = None) -> list[BoardUnit]:
    """Tasks by responsible unit: units with the most overdue tasks first, then by name."""
    by_unit: dict[str, list[TaskInfo]] = {}
    for t in list_tasks(store, today=today):
        by_unit.setdefault(t.unit, []).append(t)
    board = [
        BoardUnit(
            unit=unit,
            open=sum(1 for t in tasks if t.board_status == OPEN),
            reported_fixed=sum(1 for t in tasks if t.board_status == REPORTED_FIXED),
            overdue=sum(1 for t in tasks if t.overdue),
            closed=sum(1 for t in tasks if t.status == CLOSED),
            tasks=tuple(tasks),
        )
        for unit, tasks in by_unit.items()
    ]
    board.sort(key=lambda b: (-b.overdue, b.unit))
    return board


def _load(session: Session, task_id: str) -> Any:
    row = session.execute(_task_select().where(RectificationTask.id == task_id)).one_or_none()
    if row is None:
        raise NotFoundError(f"no rectification task {task_id}")
    return row


def get_task(store: Store, task_id: str, *, today: date | None = None) -> TaskInfo:
    day = _today(store, today)
    with store.read() as s:
        row = _load(s, task_id)
        proposal = _proposals(s, [task_id]).get(task_id)
    return _info(row, day, proposal)


def task_detail(store: Store, task_id: str, *, today: date | None = None) -> TaskDetail:
    """A task with its history, the problem's photos and, if any, its closure proposal."""
    day = _today(store, today)
    with store.read() as s:
        row = _load(s, task_id)
        proposal_id = _proposals(s, [task_id]).get(task_id) if row[0].status != CLOSED else None
        history = tuple(
            TaskEvent(e.at, e.actor, e.from_status, e.to_status, e.note, e.reinspection_finding_id)
            for e in s.scalars(
                select(RectificationEvent)
                .where(RectificationEvent.task_id == task_id)
                .order_by(RectificationEvent.at, RectificationEvent.id)
            )
        )
        ids = [row[0].finding_id] + ([proposal_id] if proposal_id else [])
        photos = photos_of_findings(s, store.paths, ids)
        proposal = None
        if proposal_id is not None:
            later = s.execute(
                select(Inspection)
                .join(Finding, Finding.inspection_id == Inspection.id)
                .where(Finding.id == proposal_id)
            ).scalar_one()
            proposal = ClosureProposal(
                task_id=task_id,
                finding_id=proposal_id,
                inspection_id=later.id,
                inspected_at=later.started_at,
                inspector_key_id=later.origin_key_id,
                before=photos[row[0].finding_id],
                after=photos[proposal_id],
            )
    return TaskDetail(_info(row, day, proposal_id), history, photos[row[0].finding_id], proposal)


# --- changes ---------------------------------------------------------------------------------


def _check_note(note: str) -> str:
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise InputError(f"a note may have at most {MAX_NOTE} characters")
    return note


def _locked(session: Session, task_id: str, expected_version: int | None) -> RectificationTask:
    task = session.get(RectificationTask, task_id)
    if task is None:
        raise NotFoundError(f"no rectification task {task_id}")
    if expected_version is not None and task.version != expected_version:
        raise ConflictError(
            f"task {task_id} was changed meanwhile (now {task.status}); look at it again"
        )
    return task


def _record(
    session: Session,
    store: Store,
    task: RectificationTask,
    before: str | None,
    note: str,
    link: str | None = None,
) -> None:
    at = utcnow()
    session.add(
        RectificationEvent(
            task_id=task.id,
            at=at,
            actor=store.actor,
            from_status=before,
            to_status=task.status,
            note=note,
            reinspection_finding_id=link,
        )
    )
    audit.append_event(
        session,
        actor=store.actor,
        action="task.created" if before is None else f"task.{task.status}",
        entity="rectification_task",
        entity_id=task.id,
        detail={
            "finding": task.finding_id,
            "unit": task.unit,
            "deadline": task.deadline.isoformat(),
            "from": before,
            "to": task.status,
            "note": note,
            "reinspection_finding": link,
        },
    )


def create_task_in(
    session: Session, store: Store, finding_id: str, unit: str, deadline: date
) -> RectificationTask:
    """Open the task for an accepted problem, inside the caller's transaction."""
    task = RectificationTask(
        finding_id=finding_id,
        unit=unit,
        deadline=deadline,
        status=OPEN,
        created_at=utcnow(),
        created_by=store.actor,
    )
    session.add(task)
    session.flush()
    _record(session, store, task, None, "")
    return task


def update_status(
    store: Store,
    task_id: str,
    status: str,
    *,
    note: str = "",
    expected_version: int | None = None,
    today: date | None = None,
) -> TaskInfo:
    """Move a task by hand (see TRANSITIONS); back to open needs a note saying why."""
    if status not in STATUSES:
        raise InputError(f"{status!r} is not a task status: use {', '.join(STATUSES)}")
    note = _check_note(note)
    with store.write() as s:
        task = _locked(s, task_id, expected_version)
        before = task.status
        if before == status:
            raise ConflictError(f"task {task_id} is already {status}")
        if (before, status) not in TRANSITIONS:
            hint = (
                " (confirm a re-inspection, or report it fixed first)" if status == CLOSED else ""
            )
            raise ConflictError(f"task {task_id} cannot go from {before} to {status}{hint}")
        if status == OPEN and not note:
            raise InputError("say why the task goes back to open (--note)")
        now = utcnow()
        task.status = status
        if status == REPORTED_FIXED:
            task.reported_fixed_at = now
        elif status == CLOSED:
            task.closed_at, task.closed_by = now, store.actor
        else:  # reopened: the closure no longer stands
            task.closed_at = task.closed_by = task.reinspection_finding_id = None
        s.flush()
        _record(s, store, task, before, note)
    return get_task(store, task_id, today=today)


def confirm_closure(
    store: Store,
    task_id: str,
    finding_id: str,
    *,
    note: str = "",
    expected_version: int | None = None,
    today: date | None = None,
) -> TaskInfo:
    """Close a task on the strength of its closure proposal `finding_id`."""
    note = _check_note(note)
    with store.write() as s:
        task = _locked(s, task_id, expected_version)
        if task.status == CLOSED:
            raise ConflictError(f"task {task_id} is already closed")
        proposal = _proposals(s, [task_id]).get(task_id)
        if proposal != finding_id:
            raise ConflictError(
                f"finding {finding_id} does not show task {task_id} fixed: it must be the "
                "latest later imported answer on the same point and item, and a pass"
                + (f" (that is finding {proposal})" if proposal else " (there is none yet)")
            )
        before = task.status
        task.status = CLOSED
        task.closed_at, task.closed_by = utcnow(), store.actor
        task.reinspection_finding_id = finding_id
        s.flush()
        _record(s, store, task, before, note, finding_id)
    return get_task(store, task_id, today=today)
