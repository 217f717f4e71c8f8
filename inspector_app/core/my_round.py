"""The inspector's "My round": the assignments a package brought to this laptop, with their
status and the days left of their window, and starting an inspection from one (linked)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from inspector_app.core import keys
from inspector_app.core.db.models import Inspection, Point, Round, RoundAssignment
from inspector_app.core.errors import ConflictError, NotFoundError
from inspector_app.core.inspections import InspectionSummary, start_inspection
from inspector_app.core.periods import centre_today
from inspector_app.core.rounds import (
    EXPORTED,
    RECEIVED,
    AssignmentInfo,
    assignment_infos,
)
from inspector_app.core.store import Store


def my_assignments(
    store: Store, *, today: date | None = None, everything: bool = False
) -> list[AssignmentInfo]:
    """This laptop's assignments: those of rounds still open, and any older one not yet
    exported; `everything` lists past ones too. Newest round first, then in sample order."""
    key = keys.get_local_key(store)
    if key is None:
        return []
    day = today or centre_today(store)
    with store.read() as s:
        rows = s.execute(
            select(RoundAssignment, Point, Round)
            .join(Point, Point.id == RoundAssignment.point_id)
            .join(Round, Round.id == RoundAssignment.round_id)
            .where(RoundAssignment.inspector_key_id == key.key_id)
            .order_by(Round.starts_on.desc(), Round.id, RoundAssignment.position)
        ).tuples()
        items = assignment_infos(s, list(rows), day)
    if everything:
        return items
    return [a for a in items if a.ends_on >= day or a.status not in (EXPORTED, RECEIVED)]


def start_assignment(store: Store, assignment_id: str, *, covert: bool = True) -> InspectionSummary:
    """Start an inspection at an assignment's point, linked to it and to its round."""
    key = keys.get_local_key(store)
    with store.read() as s:
        row = s.get(RoundAssignment, assignment_id.strip().lower())
        if row is None or key is None or row.inspector_key_id != key.key_id:
            raise NotFoundError(f"no assignment {assignment_id} on this laptop")
        draft = s.scalars(
            select(Inspection.id).where(
                Inspection.assignment_id == row.id, Inspection.status == "draft"
            )
        ).first()
        if draft is not None:
            raise ConflictError(f"this assignment already has an inspection in progress: {draft}")
        point = s.get(Point, row.point_id)
        assert point is not None  # a foreign key
        code, round_id, aid = point.code, row.round_id, row.id
    return start_inspection(store, code, covert=covert, round_id=round_id, assignment_id=aid)
