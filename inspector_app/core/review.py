"""The review of imported problems: a filterable queue read a page at a time (keyset paging,
so a window scrolls 100,000 findings without loading them), one finding's detail with its
photos and their markers, and the supervisor's accept / reject.

Rules:
- only problem findings of imported inspections (they carry the signer's key id) are
  reviewed; a local, a passing or an n.a. finding is refused with its own message;
- accepting opens the rectification task for the point's responsible unit, due a number of
  working days after the acceptance day (centre's time zone) set by the item's severity;
- rejecting needs a reason; a rejected finding counts nowhere and never becomes a task;
- re-deciding is allowed while the rectification has not moved: accepted → rejected removes
  the task only while it is open and untouched since it was made; otherwise it is refused.
  Repeating the same decision changes nothing (a new rejection reason replaces the old).
  The audit log keeps every decision, so nothing is lost by re-deciding;
- a caller that shows a finding passes the decision version it showed (0: undecided); a
  decision made meanwhile by someone else is refused with DecisionConflict, which names who
  decided what and when; never silently overwritten. Without a version (None) the decision
  replaces whatever is stored: the command line asks for --force before doing that;
- several supervisors may decide at once (a shared PostgreSQL store): writers take turns,
  and the decision row is locked and version-checked besides, so a race ends in
  DecisionConflict, never in a lost decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql import Select
from sqlalchemy.sql.selectable import Join

from inspector_app.core import audit, scoring
from inspector_app.core.db.models import (
    CheckItem,
    EnrolledKey,
    Finding,
    Inspection,
    PhotoAttachment,
    Point,
    PointType,
    RectificationEvent,
    RectificationTask,
    ReviewDecision,
)
from inspector_app.core.db.types import utcnow
from inspector_app.core.errors import ConflictError, InputError, NotFoundError
from inspector_app.core.evidence import PhotoInfo, photos_of_findings
from inspector_app.core.periods import centre_timezone, period_of
from inspector_app.core.rectification import OPEN, create_task_in
from inspector_app.core.store import Store
from inspector_app.core.workdays import work_calendar

PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
DECISION_STATUSES = (PENDING, ACCEPTED, REJECTED)
CATEGORIES = ("ads", "sanitation", "order")
MAX_REASON = 2000
DEFAULT_PAGE = 200


@dataclass(frozen=True)
class ReviewFilter:
    """What the queue shows; None means any. Dates are inclusive days in the centre's zone;
    `inspector` is a key id or an inspector code."""

    district: str | None = None
    unit: str | None = None
    point_type: str | None = None  # a point-type code
    category: str | None = None
    inspector: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    status: str | None = None  # pending / accepted / rejected


@dataclass(frozen=True)
class QueueCursor:
    """Where a page ended: the next page starts after this row."""

    started_at: datetime
    finding_id: str


@dataclass(frozen=True)
class QueueRow:
    finding_id: str
    inspection_id: str
    started_at: datetime  # the inspection's start, UTC
    point_code: str
    point_name: str
    district: str
    unit: str
    point_type: str
    item_code: str
    item_text_zh: str
    item_text_en: str
    category: str
    severity: str
    count: int
    deduction: float
    note: str
    inspector_key_id: str
    inspector_code: str  # "" when the key is not (or no longer) in the keyring
    inspector_name: str
    status: str  # pending / accepted / rejected
    decision_version: int  # 0 while pending; pass it back to accept / reject
    photos: int

    @property
    def cursor(self) -> QueueCursor:
        return QueueCursor(self.started_at, self.finding_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.finding_id,
            "inspection_id": self.inspection_id,
            "started_at": self.started_at.isoformat(),
            "point_code": self.point_code,
            "point_name": self.point_name,
            "district": self.district,
            "unit": self.unit,
            "point_type": self.point_type,
            "item_code": self.item_code,
            "item_text_zh": self.item_text_zh,
            "item_text_en": self.item_text_en,
            "category": self.category,
            "severity": self.severity,
            "count": self.count,
            "deduction": self.deduction,
            "note": self.note,
            "inspector_key_id": self.inspector_key_id,
            "inspector_code": self.inspector_code,
            "inspector_name": self.inspector_name,
            "status": self.status,
            "decision_version": self.decision_version,
            "photos": self.photos,
        }


@dataclass(frozen=True)
class QueuePage:
    rows: tuple[QueueRow, ...]
    next_cursor: QueueCursor | None  # None: this was the last page


@dataclass(frozen=True)
class FindingDetail:
    finding_id: str
    inspection_id: str
    result: str
    point_code: str
    point_name: str
    district: str
    unit: str
    address: str
    point_type: str
    point_type_name_zh: str
    point_type_name_en: str
    item_code: str
    item_text_zh: str
    item_text_en: str
    category: str
    severity: str
    mode: str
    count: int
    deduction: float
    note: str
    recorded_at: datetime
    inspector_key_id: str | None
    inspector_code: str
    inspector_name: str
    started_at: datetime
    finalised_at: datetime | None
    status: str  # pending / accepted / rejected
    decision_version: int
    decided_by: str | None
    decided_at: datetime | None
    reason: str
    task_id: str | None
    task_status: str | None
    photos: tuple[PhotoInfo, ...]


@dataclass(frozen=True)
class Decision:
    finding_id: str
    decision: str  # accepted / rejected
    reason: str
    decided_by: str
    decided_at: datetime
    version: int
    task_id: str | None  # the rectification task, for an accepted problem
    deadline: date | None
    changed: bool  # False when the same decision was already recorded

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.finding_id,
            "decision": self.decision,
            "reason": self.reason,
            "decided_by": self.decided_by,
            "decided_at": self.decided_at.isoformat(),
            "version": self.version,
            "task_id": self.task_id,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "changed": self.changed,
        }


class DecisionConflict(ConflictError):
    """A finding's decision is not what the caller saw: someone decided it meanwhile (or,
    on the command line, decided it otherwise before). Carries what is stored now."""

    def __init__(
        self,
        message: str,
        *,
        finding_id: str,
        status: str,
        decided_by: str | None,
        decided_at: datetime | None,
        reason: str,
        version: int,
    ) -> None:
        super().__init__(message)
        self.finding_id = finding_id
        self.status = status  # pending / accepted / rejected, as stored now
        self.decided_by = decided_by
        self.decided_at = decided_at
        self.reason = reason
        self.version = version


def describe_decision(store: Store, d: Decision) -> str:
    """'rejected by 李四 at 2026-11-26 10:02 +08:00 ("不是问题")', in the centre's time."""
    at = d.decided_at.astimezone(centre_timezone(store))
    minutes = int((at.utcoffset() or timedelta()).total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    zone = f"{sign}{abs(minutes) // 60:02}:{abs(minutes) % 60:02}"
    text = f"{d.decision} by {d.decided_by} at {at:%Y-%m-%d %H:%M} {zone}"
    if d.reason:
        reason = d.reason if len(d.reason) <= 80 else d.reason[:79] + "…"
        text += f' ("{reason}")'
    return text


def decision_conflict(
    store: Store, finding_id: str, current: Decision | None, template: str
) -> DecisionConflict:
    """A DecisionConflict saying what is stored now: `template`'s "{state}" becomes e.g.
    'rejected by 李四 at …', or 'still pending'."""
    state = describe_decision(store, current) if current else "still pending"
    return DecisionConflict(
        template.format(finding=finding_id, state=state),
        finding_id=finding_id,
        status=current.decision if current else PENDING,
        decided_by=current.decided_by if current else None,
        decided_at=current.decided_at if current else None,
        reason=current.reason if current else "",
        version=current.version if current else 0,
    )


@dataclass(frozen=True)
class FilterOptions:
    """The values the queue's filters can take, for the window's choosers."""

    districts: tuple[str, ...]
    units: tuple[str, ...]
    point_types: tuple[tuple[str, str, str], ...]  # (code, name zh, name en)
    inspectors: tuple[tuple[str, str, str], ...]  # (key id, code, name)


# --- the queue -------------------------------------------------------------------------------


def _status_expr() -> Any:
    return func.coalesce(ReviewDecision.decision, PENDING)


class _CrossJoin(Join):
    """An inner join SQLite must nest in the written order (its CROSS JOIN)."""

    inherit_cache = True


@compiles(_CrossJoin, "sqlite")
def _cross_join(element: _CrossJoin, compiler: Any, **kw: Any) -> str:
    kw["asfrom"] = True
    left = compiler.process(element.left, **kw)
    right = compiler.process(element.right, **kw)
    kw.pop("asfrom")
    return f"{left} CROSS JOIN {right} ON {compiler.process(element.onclause, **kw)}"


def _walk_by_time() -> Join:
    """Inspections in time order, each with its problems. Without table statistics SQLite
    would start from the findings' result index and sort every problem (60 ms over 100,000
    findings); walking the started_at index stops after one page (a few ms)."""
    return _CrossJoin(
        Inspection.__table__, Finding.__table__, Inspection.id == Finding.inspection_id
    )


def _filtered(stmt: Select[Any], flt: ReviewFilter, store: Store) -> Select[Any]:
    """The queue's conditions on top of `stmt` (which selects from findings), joining only
    the tables the filter needs: counting 15,000 problems costs a lookup per row per join."""
    stmt = stmt.where(Finding.result == scoring.PROBLEM, Inspection.origin_key_id.is_not(None))
    if flt.district is not None or flt.unit is not None or flt.point_type is not None:
        stmt = stmt.join(Point, Point.id == Inspection.point_id)
    if flt.district is not None:
        stmt = stmt.where(Point.district == flt.district)
    if flt.unit is not None:
        stmt = stmt.where(Point.unit == flt.unit)
    if flt.point_type is not None:
        stmt = stmt.where(Point.type_code == flt.point_type)
    if flt.category is not None:
        if flt.category not in CATEGORIES:
            raise InputError(f"{flt.category!r} is not a category: use {', '.join(CATEGORIES)}")
        stmt = stmt.join(CheckItem, CheckItem.id == Finding.item_id).where(
            CheckItem.category == flt.category
        )
    if flt.inspector is not None:
        who = flt.inspector.strip()
        stmt = stmt.where(
            or_(
                Inspection.origin_key_id == who.upper(),
                Inspection.origin_key_id.in_(
                    select(EnrolledKey.key_id).where(EnrolledKey.code == who)
                ),
            )
        )
    if flt.date_from is not None or flt.date_to is not None:
        if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
            raise InputError("the date range ends before it starts")
        tz = centre_timezone(store)
        if flt.date_from is not None:
            stmt = stmt.where(Inspection.started_at >= period_of("day", flt.date_from, tz).start)
        if flt.date_to is not None:
            stmt = stmt.where(Inspection.started_at < period_of("day", flt.date_to, tz).end)
    if flt.status is not None:
        if flt.status not in DECISION_STATUSES:
            raise InputError(
                f"{flt.status!r} is not a review status: use {', '.join(DECISION_STATUSES)}"
            )
        decided = select(ReviewDecision.id).where(ReviewDecision.finding_id == Finding.id)
        if flt.status == PENDING:
            stmt = stmt.where(~decided.exists())
        else:
            stmt = stmt.where(decided.where(ReviewDecision.decision == flt.status).exists())
    return stmt


def review_page(
    store: Store,
    flt: ReviewFilter | None = None,
    *,
    after: QueueCursor | None = None,
    limit: int = DEFAULT_PAGE,
) -> QueuePage:
    """Up to `limit` problems after `after`, oldest inspection first (then by finding id)."""
    if not 1 <= limit <= 10_000:
        raise InputError("a page holds 1 to 10000 rows")
    # Two steps: the ordered ids first (narrow rows, cheap to sort), then the page's rows.
    ids = _filtered(select(Finding.id).select_from(_walk_by_time()), flt or ReviewFilter(), store)
    if after is not None:
        # `>=` on the time alone bounds the scan; the OR settles ties by finding id.
        ids = ids.where(
            Inspection.started_at >= after.started_at,
            or_(
                Inspection.started_at > after.started_at,
                and_(Inspection.started_at == after.started_at, Finding.id > after.finding_id),
            ),
        )
    ids = ids.order_by(Inspection.started_at, Finding.id).limit(limit + 1)
    photos = (
        select(func.count())
        .where(PhotoAttachment.finding_id == Finding.id)
        .correlate(Finding)
        .scalar_subquery()
    )
    with store.read() as s:
        order = list(s.scalars(ids))
        wanted = order[:limit]
        rows = s.execute(
            select(
                Finding,
                Inspection.started_at,
                Inspection.origin_key_id,
                Point,
                CheckItem,
                _status_expr(),
                func.coalesce(ReviewDecision.version, 0),
                photos,
                EnrolledKey.code,
                EnrolledKey.name,
            )
            .join(Inspection, Inspection.id == Finding.inspection_id)
            .join(Point, Point.id == Inspection.point_id)
            .join(CheckItem, CheckItem.id == Finding.item_id)
            .outerjoin(ReviewDecision, ReviewDecision.finding_id == Finding.id)
            .outerjoin(EnrolledKey, EnrolledKey.key_id == Inspection.origin_key_id)
            .where(Finding.id.in_(wanted))
        ).all()
    by_id = {r[0].id: r for r in rows}
    out = tuple(_row(*by_id[fid]) for fid in wanted if fid in by_id)
    more = len(order) > limit
    return QueuePage(out, out[-1].cursor if more and out else None)


def _row(
    f: Finding,
    started: datetime,
    key_id: str,
    point: Point,
    item: CheckItem,
    status: str,
    version: int,
    n_photos: int,
    code: str | None,
    name: str | None,
) -> QueueRow:
    return QueueRow(
        finding_id=f.id,
        inspection_id=f.inspection_id,
        started_at=started,
        point_code=point.code,
        point_name=point.name,
        district=point.district,
        unit=point.unit,
        point_type=point.type_code,
        item_code=item.code,
        item_text_zh=item.text_zh,
        item_text_en=item.text_en,
        category=item.category,
        severity=item.severity,
        count=f.count,
        deduction=_deduction(item, f),
        note=f.note,
        inspector_key_id=key_id,
        inspector_code=code or "",
        inspector_name=name or "",
        status=status,
        decision_version=version,
        photos=n_photos,
    )


def review_count(store: Store, flt: ReviewFilter | None = None) -> int:
    """How many problems the filter matches (for the scroll bar and the status line)."""
    joined = Finding.__table__.join(Inspection.__table__, Inspection.id == Finding.inspection_id)
    stmt = _filtered(select(func.count()).select_from(joined), flt or ReviewFilter(), store)
    with store.read() as s:
        return int(s.execute(stmt).scalar_one())


def filter_options(store: Store) -> FilterOptions:
    with store.read() as s:
        districts = tuple(s.scalars(select(Point.district).distinct().order_by(Point.district)))
        units = tuple(s.scalars(select(Point.unit).distinct().order_by(Point.unit)))
        types: dict[str, tuple[str, str, str]] = {}
        for code, zh, en in s.execute(
            select(PointType.code, PointType.name_zh, PointType.name_en).order_by(
                PointType.position
            )
        ):
            types.setdefault(code, (code, zh, en))
        inspectors = tuple(
            (k.key_id, k.code, k.name)
            for k in s.scalars(select(EnrolledKey).order_by(EnrolledKey.code))
        )
    return FilterOptions(districts, units, tuple(types.values()), inspectors)


def _deduction(item: CheckItem, f: Finding) -> float:
    return scoring.deduction(
        scoring.ScoredFinding(item.mode, item.cap, item.each, f.result, f.count)
    )


# --- one finding -----------------------------------------------------------------------------


def finding_detail(store: Store, finding_id: str) -> FindingDetail:
    with store.read() as s:
        row = s.execute(
            select(Finding, Inspection, Point, CheckItem, PointType)
            .join(Inspection, Inspection.id == Finding.inspection_id)
            .join(Point, Point.id == Inspection.point_id)
            .join(CheckItem, CheckItem.id == Finding.item_id)
            .join(PointType, PointType.id == Inspection.point_type_id)
            .where(Finding.id == finding_id)
        ).one_or_none()
        if row is None:
            raise NotFoundError(f"no finding {finding_id}")
        f, insp, point, item, ptype = row
        key = (
            s.scalars(
                select(EnrolledKey).where(EnrolledKey.key_id == insp.origin_key_id)
            ).one_or_none()
            if insp.origin_key_id
            else None
        )
        decision = s.scalars(
            select(ReviewDecision).where(ReviewDecision.finding_id == finding_id)
        ).one_or_none()
        task = s.scalars(
            select(RectificationTask).where(RectificationTask.finding_id == finding_id)
        ).one_or_none()
        photos = photos_of_findings(s, store.paths, [finding_id])[finding_id]
    return FindingDetail(
        finding_id=f.id,
        inspection_id=insp.id,
        result=f.result,
        point_code=point.code,
        point_name=point.name,
        district=point.district,
        unit=point.unit,
        address=point.address,
        point_type=ptype.code,
        point_type_name_zh=ptype.name_zh,
        point_type_name_en=ptype.name_en,
        item_code=item.code,
        item_text_zh=item.text_zh,
        item_text_en=item.text_en,
        category=item.category,
        severity=item.severity,
        mode=item.mode,
        count=f.count,
        deduction=_deduction(item, f),
        note=f.note,
        recorded_at=f.recorded_at,
        inspector_key_id=insp.origin_key_id,
        inspector_code=key.code if key else "",
        inspector_name=key.name if key else "",
        started_at=insp.started_at,
        finalised_at=insp.finalised_at,
        status=decision.decision if decision else PENDING,
        decision_version=decision.version if decision else 0,
        decided_by=decision.decided_by if decision else None,
        decided_at=decision.decided_at if decision else None,
        reason=decision.reason if decision else "",
        task_id=task.id if task else None,
        task_status=task.status if task else None,
        photos=photos,
    )


# --- decisions -------------------------------------------------------------------------------


def _decision_in(session: Session, finding_id: str, *, lock: bool = False) -> Decision | None:
    stmt = select(ReviewDecision).where(ReviewDecision.finding_id == finding_id)
    row = session.scalars(stmt.with_for_update() if lock else stmt).one_or_none()
    if row is None:
        return None
    task = session.scalars(
        select(RectificationTask).where(RectificationTask.finding_id == finding_id)
    ).one_or_none()
    return _result(row, task, changed=False)


def current_decision(store: Store, finding_id: str) -> Decision | None:
    """The stored decision on a reviewable finding (None: pending); `changed` is False."""
    with store.read() as s:
        _reviewable(s, finding_id)
        return _decision_in(s, finding_id)


_MEANWHILE = "finding {finding} was {state} meanwhile; your decision was not saved"


def _reviewable(session: Session, finding_id: str) -> tuple[Finding, Inspection, Point, CheckItem]:
    row = session.execute(
        select(Finding, Inspection, Point, CheckItem)
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .join(Point, Point.id == Inspection.point_id)
        .join(CheckItem, CheckItem.id == Finding.item_id)
        .where(Finding.id == finding_id)
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"no finding {finding_id}")
    f, insp, point, item = row
    if insp.origin_key_id is None:
        raise InputError(
            f"finding {finding_id} was recorded on this computer, not imported; only imported "
            "inspections are reviewed"
        )
    if f.result != scoring.PROBLEM:
        word = "passed" if f.result == scoring.PASS else "not applicable"
        raise InputError(
            f"finding {finding_id} is {word}, not a problem; there is nothing to review"
        )
    return f, insp, point, item


def _decide(
    store: Store,
    finding_id: str,
    decision: str,
    reason: str,
    expected_version: int | None,
    now: datetime | None,
) -> Decision:
    at = now or utcnow()
    try:
        with store.write() as s:
            _f, _insp, point, item = _reviewable(s, finding_id)
            # Locked as well as version-checked: on a shared server the row stays as read
            # until this transaction ends, whatever the writers' lock does.
            row = s.scalars(
                select(ReviewDecision)
                .where(ReviewDecision.finding_id == finding_id)
                .with_for_update()
            ).one_or_none()
            current = row.version if row else 0
            if expected_version is not None and expected_version != current:
                raise _Stale()
            task = s.scalars(
                select(RectificationTask).where(RectificationTask.finding_id == finding_id)
            ).one_or_none()
            previous = row.decision if row else None
            if row is not None and row.decision == decision and row.reason == reason:
                return _result(row, task, changed=False)
            removed_task = None
            if previous == ACCEPTED and decision == REJECTED and task is not None:
                moved = s.scalar(
                    select(func.count())
                    .select_from(RectificationEvent)
                    .where(
                        RectificationEvent.task_id == task.id,
                        RectificationEvent.from_status.is_not(None),
                    )
                )
                if task.status != OPEN or moved:
                    raise ConflictError(
                        f"finding {finding_id} cannot be rejected now: its rectification task "
                        f"{task.id} has already moved (now {task.status})"
                    )
                removed_task = task.id
                s.execute(delete(RectificationTask).where(RectificationTask.id == task.id))
                task = None
            if row is None:
                row = ReviewDecision(
                    finding_id=finding_id,
                    decision=decision,
                    reason=reason,
                    decided_by=store.actor,
                    decided_at=at,
                )
                s.add(row)
            else:
                row.decision, row.reason = decision, reason
                row.decided_by, row.decided_at = store.actor, at
            s.flush()
            if decision == ACCEPTED and task is None:
                tz = centre_timezone(store)
                deadline = work_calendar(store).deadline(item.severity, at.astimezone(tz).date())
                task = create_task_in(s, store, finding_id, point.unit, deadline)
            audit.append_event(
                s,
                actor=store.actor,
                action=f"review.{decision}",
                entity="finding",
                entity_id=finding_id,
                detail={
                    "previous": previous,
                    "reason": reason,
                    "version": row.version,
                    "task": task.id if task else None,
                    "removed_task": removed_task,
                },
            )
            return _result(row, task, changed=True)
    except (_Stale, IntegrityError, StaleDataError):
        # IntegrityError: another first decision was inserted at the same moment;
        # StaleDataError: the row's version moved under the UPDATE. Either way the caller
        # is told what is stored now, read afresh.
        with store.read() as s:
            stored = _decision_in(s, finding_id)
        raise decision_conflict(store, finding_id, stored, _MEANWHILE) from None


class _Stale(Exception):
    """The version the caller saw is not the stored one (turned into DecisionConflict)."""


def _result(row: ReviewDecision, task: RectificationTask | None, *, changed: bool) -> Decision:
    return Decision(
        finding_id=row.finding_id,
        decision=row.decision,
        reason=row.reason,
        decided_by=row.decided_by,
        decided_at=row.decided_at,
        version=row.version,
        task_id=task.id if task else None,
        deadline=task.deadline if task else None,
        changed=changed,
    )


def accept(
    store: Store,
    finding_id: str,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Decision:
    """Accept an imported problem and open its rectification task (see the module rules)."""
    return _decide(store, finding_id, ACCEPTED, "", expected_version, now)


def reject(
    store: Store,
    finding_id: str,
    reason: str,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Decision:
    """Reject an imported problem with a reason; it then counts nowhere."""
    reason = reason.strip()
    if not reason:
        raise InputError("a rejection needs a reason")
    if len(reason) > MAX_REASON:
        raise InputError(f"a reason may have at most {MAX_REASON} characters")
    return _decide(store, finding_id, REJECTED, reason, expected_version, now)
