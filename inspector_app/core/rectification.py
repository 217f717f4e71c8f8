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
  a task passes the version it showed, and a change made meanwhile is refused with
  TaskConflict, naming who changed it to what and when;
- with several supervisors at once (a shared PostgreSQL store) no change is lost: writers
  take turns, the task row is locked while it changes and its version is checked on the
  UPDATE, so two changes either both go into the history, one after the other (each
  allowed from the status the other left), or the later one is refused with TaskConflict.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, case, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError
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
from inspector_app.core.periods import centre_timezone, centre_today
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


def _proposal() -> Any:
    """Per task row, the closure proposal: the latest later imported answer (not n.a.) on the
    same point and item code, if it is a pass; None for a closed task or when there is none.

    A correlated subquery inside the tasks' own statement, so a whole board is one query
    (the CASE skips it for closed tasks): it walks the point's later inspections newest
    first on ix_inspections_point_id_started_at and stops at the first that answered."""
    i2, f2, c2 = aliased(Inspection), aliased(Finding), aliased(CheckItem)
    latest = (
        # the row is picked by time first; only then does its result decide
        select(case((f2.result == "pass", f2.id), else_=None))
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
    return case((RectificationTask.status != CLOSED, latest), else_=None)


def _task_select() -> Select[Any]:
    """A task's row: plain columns (building ORM objects for a whole board costs more than
    the query) and its closure proposal."""
    t = RectificationTask
    return (
        select(
            t.id,
            t.finding_id,
            t.status,
            t.unit,
            t.deadline,
            t.created_at,
            t.created_by,
            t.reported_fixed_at,
            t.closed_at,
            t.closed_by,
            t.reinspection_finding_id,
            t.version,
            Point.code.label("point_code"),
            Point.name.label("point_name"),
            Point.district,
            CheckItem.code.label("item_code"),
            CheckItem.text_zh,
            CheckItem.text_en,
            CheckItem.severity,
            Finding.count.label("finding_count"),  # `count` would hide Row.count()
            Inspection.id.label("inspection_id"),
            Inspection.started_at,
            _proposal().label("proposal"),
        )
        .select_from(t)
        .join(Finding, Finding.id == t.finding_id)
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .join(Point, Point.id == Inspection.point_id)
        .join(CheckItem, CheckItem.id == Finding.item_id)
    )


def _proposal_of(session: Session, task_id: str) -> str | None:
    """One task's closure proposal (None when it is closed or has none)."""
    stmt = (
        select(_proposal())
        .select_from(RectificationTask)
        .join(Finding, Finding.id == RectificationTask.finding_id)
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .join(CheckItem, CheckItem.id == Finding.item_id)
        .where(RectificationTask.id == task_id)
    )
    proposal: str | None = session.scalar(stmt)
    return proposal


def _info(row: Any, today: date) -> TaskInfo:
    # unpacked by position, in _task_select's order: looking a Row's columns up by name
    # costs about a tenth of a second over a board of 8,000 tasks
    (
        task_id,
        finding_id,
        status,
        unit,
        deadline,
        created_at,
        created_by,
        reported_fixed_at,
        closed_at,
        closed_by,
        reinspection_finding_id,
        version,
        point_code,
        point_name,
        district,
        item_code,
        item_text_zh,
        item_text_en,
        severity,
        count,
        inspection_id,
        inspected_at,
        proposal,
    ) = row
    return TaskInfo(
        id=task_id,
        finding_id=finding_id,
        status=status,
        overdue=status != CLOSED and deadline < today,
        unit=unit,
        deadline=deadline,
        created_at=created_at,
        created_by=created_by,
        reported_fixed_at=reported_fixed_at,
        closed_at=closed_at,
        closed_by=closed_by,
        reinspection_finding_id=reinspection_finding_id,
        version=version,
        point_code=point_code,
        point_name=point_name,
        district=district,
        item_code=item_code,
        item_text_zh=item_text_zh,
        item_text_en=item_text_en,
        severity=severity,
        count=count,
        inspection_id=inspection_id,
        inspected_at=inspected_at,
        proposal_finding_id=proposal,
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
    return [_info(r, day) for r in rows]


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
    return _info(row, day)


def task_detail(store: Store, task_id: str, *, today: date | None = None) -> TaskDetail:
    """A task with its history, the problem's photos and, if any, its closure proposal."""
    day = _today(store, today)
    with store.read() as s:
        row = _load(s, task_id)
        proposal_id: str | None = row.proposal
        history = tuple(
            TaskEvent(e.at, e.actor, e.from_status, e.to_status, e.note, e.reinspection_finding_id)
            for e in s.scalars(
                select(RectificationEvent)
                .where(RectificationEvent.task_id == task_id)
                .order_by(RectificationEvent.at, RectificationEvent.id)
            )
        )
        ids = [row.finding_id] + ([proposal_id] if proposal_id else [])
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
                before=photos[row.finding_id],
                after=photos[proposal_id],
            )
    return TaskDetail(_info(row, day), history, photos[row.finding_id], proposal)


# --- changes ---------------------------------------------------------------------------------


def _check_note(note: str) -> str:
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise InputError(f"a note may have at most {MAX_NOTE} characters")
    return note


class TaskConflict(ConflictError):
    """A task is not at the version the caller saw: changed meanwhile by someone."""

    def __init__(
        self,
        message: str,
        *,
        task_id: str,
        status: str,
        version: int,
        changed_by: str | None = None,
        changed_at: datetime | None = None,
    ) -> None:
        super().__init__(message)
        self.task_id = task_id
        self.status = status  # as stored now ("" when the task was removed)
        self.version = version
        #: the last change's author and time (None when the task was removed)
        self.changed_by = changed_by
        self.changed_at = changed_at


def _changed_meanwhile(store: Store, task_id: str) -> TaskConflict:
    """What the task is now and its last change (who, when), read afresh."""
    with store.read() as s:
        task = s.get(RectificationTask, task_id)
        if task is None:
            return TaskConflict(
                f"task {task_id} was removed meanwhile (its problem was rejected); "
                "your change was not saved",
                task_id=task_id,
                status="",
                version=0,
            )
        last = s.scalars(
            select(RectificationEvent)
            .where(RectificationEvent.task_id == task_id)
            .order_by(RectificationEvent.at.desc(), RectificationEvent.id.desc())
            .limit(1)
        ).first()
        status, version = task.status, task.version
    by, actor, when = "", None, None
    if last is not None:
        actor, when = last.actor, last.at
        at = when.astimezone(centre_timezone(store))
        by = f", by {actor} at {at:%Y-%m-%d %H:%M}"
    return TaskConflict(
        f"task {task_id} was changed meanwhile: now {status}{by}; your change was not saved",
        task_id=task_id,
        status=status,
        version=version,
        changed_by=actor,
        changed_at=when,
    )


def _locked(session: Session, task_id: str, expected_version: int | None) -> RectificationTask:
    # FOR UPDATE: on a shared server the row stays as read until this transaction ends
    task = session.get(RectificationTask, task_id, with_for_update=True)
    if task is None:
        if expected_version is not None:  # it was shown, so it existed: removed meanwhile
            raise _Stale()
        raise NotFoundError(f"no rectification task {task_id}")
    if expected_version is not None and task.version != expected_version:
        raise _Stale()
    return task


class _Stale(Exception):
    """The version the caller saw is not the stored one (turned into TaskConflict)."""


@contextmanager
def _changing(store: Store, task_id: str) -> Iterator[Session]:
    """A write transaction changing one task: a stale version, or a version that moved
    under the UPDATE, ends in TaskConflict saying what the task is now."""
    try:
        with store.write() as s:
            yield s
    except (_Stale, StaleDataError):
        raise _changed_meanwhile(store, task_id) from None


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
    with _changing(store, task_id) as s:
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
    with _changing(store, task_id) as s:
        task = _locked(s, task_id, expected_version)
        if task.status == CLOSED:
            raise ConflictError(f"task {task_id} is already closed")
        proposal = _proposal_of(s, task_id)
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
