"""Covert rounds at the command centre: a reproducible random sample of points, assigned to
inspectors, and the board of their progress.

Sampling (algorithm `inspector-round/1`, stable across versions): the candidates are the
registered points of the chosen types and districts, sorted by code so that database order
never changes a sample. Points inspected in the last N days are left out first. Per point
type (types in code order), the type's N points are spread over the districts in
proportion to each district's candidates (largest remainder; ties to the district that
sorts first), then drawn within each district (districts in name order) with
`random.Random("inspector-round/1:" + seed).sample` over the code-sorted list; with
`per_district`, N are drawn in every district instead. When too few points are left, the
recently inspected ones are drawn from in the same way, and the round's record says so.
The seed and every input are recorded on the round, so the same inputs give the same sample.

Assignment gives each inspector an equal share (±1), keeps each within as few districts as
it can (a district's points go to an inspector already working there first), and never
sends an inspector to the home district given for them (covert work is done away from home).

An assignment's status comes from the inspections linked to it: to do, in progress (a
draft), done (finalised), exported, received (imported at the command centre).
"""

from __future__ import annotations

import json
import random
import secrets
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app.core import audit
from inspector_app.core.catalogue import PointTypeIndex
from inspector_app.core.db.models import EnrolledKey, Inspection, Point, Round, RoundAssignment
from inspector_app.core.db.types import utcnow
from inspector_app.core.errors import ConflictError, InputError, NotFoundError
from inspector_app.core.periods import centre_today
from inspector_app.core.store import Store

ALGORITHM = "inspector-round/1"
DEFAULT_EXCLUDE_RECENT_DAYS = 30
MAX_NAME = 100
MAX_PER_TYPE = 10_000
MIN_ID_PREFIX = 6

TODO, IN_PROGRESS, DONE, EXPORTED, RECEIVED = (
    "todo",
    "in_progress",
    "done",
    "exported",
    "received",
)
STATUSES = (TODO, IN_PROGRESS, DONE, EXPORTED, RECEIVED)
#: statuses that mean the point was visited
VISITED = (IN_PROGRESS, DONE, EXPORTED, RECEIVED)


# --- sampling (pure) ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    code: str
    type: str
    district: str
    recent: bool  # inspected within the recent-days window


@dataclass(frozen=True)
class Sample:
    picked: tuple[Candidate, ...]  # in draw order
    notes: tuple[str, ...]  # fallbacks to recent points, shortfalls


def allocate(n: int, counts: Mapping[str, int]) -> dict[str, int]:
    """Split `n` over districts in proportion to `counts` (largest remainder, ties to the
    district first by name). Never gives a district more than its count when n ≤ total."""
    total = sum(counts.values())
    if total == 0 or n <= 0:
        return dict.fromkeys(counts, 0)
    n = min(n, total)
    quotas = {d: Fraction(n * c, total) for d, c in counts.items()}
    out = {d: int(q) for d, q in quotas.items()}
    left = n - sum(out.values())
    order = sorted(counts, key=lambda d: (-(quotas[d] - out[d]), d))
    for d in order[:left]:
        out[d] += 1
    return out


def _draw(rng: random.Random, pool: list[Candidate], n: int) -> list[Candidate]:
    """n of `pool`, spread over its districts, drawn within each (pool sorted by code)."""
    by_district: dict[str, list[Candidate]] = defaultdict(list)
    for c in pool:
        by_district[c.district].append(c)
    alloc = allocate(n, {d: len(v) for d, v in by_district.items()})
    out: list[Candidate] = []
    for d in sorted(by_district):
        if alloc[d]:
            out.extend(rng.sample(by_district[d], alloc[d]))
    return out


def _take(
    rng: random.Random, pool: list[Candidate], n: int, where: str
) -> tuple[list[Candidate], list[str]]:
    fresh = [c for c in pool if not c.recent]
    recent = [c for c in pool if c.recent]
    if len(fresh) >= n:
        return _draw(rng, fresh, n), []
    notes = []
    picked = _draw(rng, fresh, len(fresh))
    extra = _draw(rng, recent, n - len(fresh))
    if extra:
        notes.append(
            f"{where}: only {len(fresh)} of the {n} wanted were not inspected recently; "
            f"{len(extra)} recently inspected point(s) taken"
        )
    if len(picked) + len(extra) < n:
        notes.append(f"{where}: only {len(picked) + len(extra)} point(s) of the {n} wanted exist")
    return picked + extra, notes


def draw_sample(
    candidates: Sequence[Candidate], *, per_type: int, per_district: bool, seed: str
) -> Sample:
    """The round's sample (see the module's docstring); the same arguments, the same sample."""
    rng = random.Random(f"{ALGORITHM}:{seed}")
    by_type: dict[str, list[Candidate]] = defaultdict(list)
    for c in sorted(candidates, key=lambda c: c.code):
        by_type[c.type].append(c)
    picked: list[Candidate] = []
    notes: list[str] = []
    for ptype in sorted(by_type):
        pool = by_type[ptype]
        if per_district:
            districts = sorted({c.district for c in pool})
            for d in districts:
                got, why = _take(
                    rng, [c for c in pool if c.district == d], per_type, f"{ptype} in {d}"
                )
                picked += got
                notes += why
        else:
            got, why = _take(rng, pool, per_type, ptype)
            picked += got
            notes += why
    return Sample(tuple(picked), tuple(notes))


# --- assignment (pure) --------------------------------------------------------------------------


def plan_assignment(
    items: Sequence[tuple[str, str]], inspectors: Sequence[str], homes: Mapping[str, str]
) -> dict[str, str]:
    """item id → inspector code, for (item id, district) pairs in sample order (see the
    module's docstring). InputError when every inspector lives in a district to visit."""
    if not inspectors:
        raise InputError("give at least one inspector")
    k, total = len(inspectors), len(items)
    order = {c: i for i, c in enumerate(inspectors)}
    cap = {c: total // k + (1 if i < total % k else 0) for i, c in enumerate(inspectors)}
    load = dict.fromkeys(inspectors, 0)
    districts_of: dict[str, set[str]] = {c: set() for c in inspectors}
    by_district: dict[str, list[str]] = defaultdict(list)
    for item, district in items:
        by_district[district].append(item)
    out: dict[str, str] = {}
    for d in sorted(by_district, key=lambda d: (-len(by_district[d]), d)):
        left = list(by_district[d])
        while left:
            eligible = [c for c in inspectors if homes.get(c) != d]
            if not eligible:
                raise InputError(
                    f"every inspector given lives in district {d}, which has points to visit; "
                    "add an inspector from elsewhere"
                )
            room = [c for c in eligible if load[c] < cap[c]]
            if room:
                who = min(
                    room,
                    key=lambda c: (
                        d not in districts_of[c],
                        len(districts_of[c]),
                        -(cap[c] - load[c]),
                        order[c],
                    ),
                )
                n = min(cap[who] - load[who], len(left))
            else:  # the home rule leaves no one with room: the least loaded takes one more
                who = min(eligible, key=lambda c: (load[c], order[c]))
                n = 1
            for item in left[:n]:
                out[item] = who
            left = left[n:]
            load[who] += n
            districts_of[who].add(d)
    return out


# --- DTOs ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoundInfo:
    id: str
    name: str
    starts_on: date
    ends_on: date
    origin: str  # centre | package
    seed: str
    inputs: dict[str, Any]
    created_at: datetime
    created_by: str
    points: int
    assigned: int

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(self.inputs.get("notes", ()))

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "from": self.starts_on.isoformat(),
            "to": self.ends_on.isoformat(),
            "origin": self.origin,
            "seed": self.seed,
            "inputs": self.inputs,
            "created_at": self.created_at.isoformat(),
            "created_by": self.created_by,
            "points": self.points,
            "assigned": self.assigned,
        }


@dataclass(frozen=True)
class AssignmentInfo:
    """One sampled point of a round with its inspector and status."""

    id: str
    round_id: str
    round_name: str
    point_code: str
    point_name: str
    point_type: str
    district: str
    inspector_code: str | None
    inspector_key_id: str | None
    starts_on: date
    ends_on: date
    status: str
    #: the window has ended and the point was not visited
    overdue: bool
    #: days from today to the window's last day (negative once it has passed)
    days_left: int
    recent: bool
    packaged: bool
    inspection_id: str | None

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "round_id": self.round_id,
            "round": self.round_name,
            "code": self.point_code,
            "point": self.point_code,
            "point_name": self.point_name,
            "type": self.point_type,
            "district": self.district,
            "inspector": self.inspector_code,
            "inspector_key_id": self.inspector_key_id,
            "from": self.starts_on.isoformat(),
            "to": self.ends_on.isoformat(),
            "status": self.status,
            "overdue": self.overdue,
            "days_left": self.days_left,
            "recent": self.recent,
            "packaged": self.packaged,
            "inspection_id": self.inspection_id,
        }


@dataclass(frozen=True)
class BoardRow:
    """Counts of one inspector's or one district's assignments."""

    label: str
    assigned: int
    inspected: int
    exported: int
    received: int
    overdue: int

    def to_json(self) -> dict[str, object]:
        return {
            "assigned": self.assigned,
            "inspected": self.inspected,
            "exported": self.exported,
            "received": self.received,
            "overdue": self.overdue,
        }


@dataclass(frozen=True)
class RoundBoard:
    """A round's progress: every sampled point, and the counts per inspector and district.
    A point counts as inspected once visited, exported once its inspection left a laptop
    (or arrived here), received once a bundle brought it to this command centre."""

    round: RoundInfo
    assignments: tuple[AssignmentInfo, ...]
    by_inspector: tuple[BoardRow, ...]
    by_district: tuple[BoardRow, ...]
    total: BoardRow

    @property
    def overdue(self) -> tuple[AssignmentInfo, ...]:
        return tuple(a for a in self.assignments if a.overdue)

    @property
    def completion(self) -> float | None:
        """Received of the sampled points (None for an empty round)."""
        n = len(self.assignments)
        return self.total.received / n if n else None

    def to_json(self) -> dict[str, object]:
        return {
            **self.round.to_json(),
            "completion": self.completion,
            "total": self.total.to_json(),
            "by_inspector": [{"inspector": r.label, **r.to_json()} for r in self.by_inspector],
            "by_district": [{"district": r.label, **r.to_json()} for r in self.by_district],
            "overdue": [a.point_code for a in self.overdue],
            "points": [a.to_json() for a in self.assignments],
        }


# --- reading ---------------------------------------------------------------------------------


def find_round(session: Session, ident: str) -> Round:
    """A round by id, or by a unique prefix of at least six characters."""
    ident = ident.strip().lower()
    row = session.get(Round, ident)
    if row is not None:
        return row
    if len(ident) >= MIN_ID_PREFIX:
        rows = session.scalars(
            select(Round).where(Round.id.startswith(ident, autoescape=True)).limit(2)
        ).all()
        if len(rows) == 1:
            return rows[0]
        if len(rows) > 1:
            raise InputError(f"'{ident}' matches several rounds; give more of the id")
    raise NotFoundError(f"no round with id {ident}")


def _round_info(session: Session, row: Round) -> RoundInfo:
    rows = session.execute(
        select(RoundAssignment.inspector_key_id).where(RoundAssignment.round_id == row.id)
    ).all()
    return RoundInfo(
        id=row.id,
        name=row.name,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        origin=row.origin,
        seed=row.seed,
        inputs=json.loads(row.inputs or "{}"),
        created_at=row.created_at,
        created_by=row.created_by,
        points=len(rows),
        assigned=sum(1 for (k,) in rows if k),
    )


def statuses(session: Session, assignment_ids: Sequence[str]) -> dict[str, tuple[str, str | None]]:
    """assignment id → (status, the inspection that gives it) from linked inspections."""
    rank = {s: i for i, s in enumerate(STATUSES)}
    out: dict[str, tuple[str, str | None]] = {}
    ids = list(assignment_ids)
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(
                Inspection.assignment_id,
                Inspection.id,
                Inspection.status,
                Inspection.origin_bundle_id,
            ).where(Inspection.assignment_id.in_(ids[start : start + 500]))
        )
        for aid, insp_id, status, origin in rows:
            if origin is not None:
                st = RECEIVED
            else:
                st = {"draft": IN_PROGRESS, "final": DONE, "exported": EXPORTED}[status]
            old = out.get(aid)
            if old is None or rank[st] > rank[old[0]]:
                out[aid] = (st, insp_id)
    return out


def assignment_infos(
    session: Session, rows: Sequence[tuple[RoundAssignment, Point, Round]], today: date
) -> list[AssignmentInfo]:
    found = statuses(session, [a.id for a, _p, _r in rows])
    out = []
    for a, p, r in rows:
        status, insp = found.get(a.id, (TODO, None))
        out.append(
            AssignmentInfo(
                id=a.id,
                round_id=r.id,
                round_name=r.name,
                point_code=p.code,
                point_name=p.name,
                point_type=p.type_code,
                district=p.district,
                inspector_code=a.inspector_code,
                inspector_key_id=a.inspector_key_id,
                starts_on=a.starts_on,
                ends_on=a.ends_on,
                status=status,
                overdue=a.ends_on < today and status in (TODO, IN_PROGRESS),
                days_left=(a.ends_on - today).days,
                recent=a.recent,
                packaged=a.package_id is not None,
                inspection_id=insp,
            )
        )
    return out


def _board_row(label: str, items: Sequence[AssignmentInfo]) -> BoardRow:
    return BoardRow(
        label=label,
        assigned=sum(1 for a in items if a.inspector_code),
        inspected=sum(1 for a in items if a.status in VISITED),
        exported=sum(1 for a in items if a.status in (EXPORTED, RECEIVED)),
        received=sum(1 for a in items if a.status == RECEIVED),
        overdue=sum(1 for a in items if a.overdue),
    )


def round_board(store: Store, round_id: str, *, today: date | None = None) -> RoundBoard:
    """The round's sampled points with inspector and status, and the counts."""
    day = today or centre_today(store)
    with store.read() as s:
        row = find_round(s, round_id)
        rows = s.execute(
            select(RoundAssignment, Point, Round)
            .join(Point, Point.id == RoundAssignment.point_id)
            .join(Round, Round.id == RoundAssignment.round_id)
            .where(RoundAssignment.round_id == row.id)
            .order_by(RoundAssignment.position)
        ).tuples()
        items = assignment_infos(s, list(rows), day)
        info = _round_info(s, row)
    by_insp: dict[str, list[AssignmentInfo]] = defaultdict(list)
    by_dist: dict[str, list[AssignmentInfo]] = defaultdict(list)
    for a in items:
        by_insp[a.inspector_code or ""].append(a)
        by_dist[a.district].append(a)
    return RoundBoard(
        round=info,
        assignments=tuple(items),
        by_inspector=tuple(_board_row(k, v) for k, v in sorted(by_insp.items()) if k),
        by_district=tuple(_board_row(k, v) for k, v in sorted(by_dist.items())),
        total=_board_row("", items),
    )


def list_rounds(store: Store) -> list[RoundInfo]:
    """Every round, newest window first."""
    with store.read() as s:
        rows = s.scalars(select(Round).order_by(Round.starts_on.desc(), Round.created_at.desc()))
        return [_round_info(s, r) for r in rows]


# --- creating and assigning ------------------------------------------------------------------


def _check_window(starts_on: date, ends_on: date) -> None:
    if ends_on < starts_on:
        raise InputError(f"the round ends ({ends_on}) before it starts ({starts_on})")
    if (ends_on - starts_on).days > 366:
        raise InputError("a round's window can be at most a year")


def create_round(
    store: Store,
    *,
    name: str,
    starts_on: date,
    ends_on: date,
    per_type: int,
    districts: Sequence[str] = (),
    types: Sequence[str] = (),
    per_district: bool = False,
    seed: str | None = None,
    exclude_recent_days: int = DEFAULT_EXCLUDE_RECENT_DAYS,
    now: datetime | None = None,
) -> RoundInfo:
    """Sample a new round from the register (see the module's docstring) and record it
    with its seed and inputs. Types may be codes or names; unknown districts are refused."""
    name = " ".join(name.split())
    if not name:
        raise InputError("a round needs a name")
    if len(name) > MAX_NAME:
        raise InputError(f"a round's name has at most {MAX_NAME} characters")
    _check_window(starts_on, ends_on)
    if not 1 <= per_type <= MAX_PER_TYPE:
        raise InputError(f"the sample size per type must be between 1 and {MAX_PER_TYPE}")
    if exclude_recent_days < 0:
        raise InputError("the recent-days window cannot be negative")
    seed = (seed if seed is not None else secrets.token_hex(8)).strip()
    if not seed or len(seed) > 64:
        raise InputError("a seed is 1 to 64 characters")
    as_of = (now or utcnow()).astimezone(UTC)
    with store.write() as s:
        index = PointTypeIndex.load(s)
        type_codes = sorted({index.resolve(t) for t in types})
        wanted_districts = sorted({" ".join(d.split()) for d in districts if d.strip()})
        stmt = select(Point.id, Point.code, Point.type_code, Point.district)
        if type_codes:
            stmt = stmt.where(Point.type_code.in_(type_codes))
        points = list(s.execute(stmt).tuples())
        known = {d for _i, _c, _t, d in points}
        unknown = [d for d in wanted_districts if d not in known]
        if unknown:
            raise InputError(f"no point of the chosen types in district(s) {', '.join(unknown)}")
        if wanted_districts:
            points = [p for p in points if p[3] in wanted_districts]
        if not points:
            raise InputError("the register has no point of the chosen types and districts")
        since = as_of - timedelta(days=exclude_recent_days)
        recent_ids: set[str] = set()
        if exclude_recent_days:
            recent_ids = set(
                s.scalars(
                    select(Inspection.point_id).where(Inspection.started_at >= since).distinct()
                )
            )
        ids = {code: pid for pid, code, _t, _d in points}
        candidates = [
            Candidate(code, ptype, district, pid in recent_ids)
            for pid, code, ptype, district in points
        ]
        sample = draw_sample(candidates, per_type=per_type, per_district=per_district, seed=seed)
        inputs = {
            "algorithm": ALGORITHM,
            "types": type_codes,
            "districts": wanted_districts,
            "per_type": per_type,
            "per_district": per_district,
            "exclude_recent_days": exclude_recent_days,
            "as_of": as_of.isoformat(),
            "candidates": len(candidates),
            "recent_left_out": sorted(c.code for c in candidates if c.recent),
            "notes": list(sample.notes),
        }
        row = Round(
            name=name,
            starts_on=starts_on,
            ends_on=ends_on,
            origin="centre",
            inputs=json.dumps(inputs, ensure_ascii=False, sort_keys=True),
            seed=seed,
            created_by=store.actor,
        )
        s.add(row)
        s.flush()
        for position, c in enumerate(sample.picked):
            s.add(
                RoundAssignment(
                    round_id=row.id,
                    point_id=ids[c.code],
                    position=position,
                    recent=c.recent,
                    starts_on=starts_on,
                    ends_on=ends_on,
                )
            )
        s.flush()
        audit.append_event(
            s,
            actor=store.actor,
            action="round.created",
            entity="round",
            entity_id=row.id,
            detail={"name": name, "seed": seed, "points": [c.code for c in sample.picked]},
        )
        return _round_info(s, row)


def inspector_keys(session: Session, codes: Sequence[str]) -> dict[str, EnrolledKey]:
    """Inspector code → their enrolled, unrevoked key; refuses unknown or ambiguous codes."""
    out: dict[str, EnrolledKey] = {}
    for raw in codes:
        code = raw.strip()
        rows = session.scalars(
            select(EnrolledKey).where(EnrolledKey.code == code, EnrolledKey.revoked_at.is_(None))
        ).all()
        if not rows:
            raise NotFoundError(f"no enrolled, unrevoked key for inspector {code}")
        if len(rows) > 1:
            keys = ", ".join(r.key_id for r in rows)
            raise InputError(
                f"inspector {code} has several unrevoked keys ({keys}); revoke the old"
            )
        out[code] = rows[0]
    return out


def assign_round(
    store: Store,
    round_id: str,
    inspectors: Sequence[str],
    *,
    homes: Mapping[str, str] | None = None,
) -> RoundBoard:
    """Share the round's points not yet sent in a package among `inspectors` (codes),
    balanced, each within few districts, none in the home district given for them."""
    codes = list(dict.fromkeys(c.strip() for c in inspectors if c.strip()))
    if not codes:
        raise InputError("give at least one inspector (--inspector CODE)")
    homes = {k.strip(): " ".join(v.split()) for k, v in (homes or {}).items()}
    stray = sorted(set(homes) - set(codes))
    if stray:
        raise InputError(f"a home district is given for {', '.join(stray)}, who is not assigned")
    with store.write() as s:
        row = find_round(s, round_id)
        if row.origin != "centre":
            raise ConflictError("this round came in a package; only the command centre assigns")
        keys = inspector_keys(s, codes)
        open_rows = s.execute(
            select(RoundAssignment, Point.district)
            .join(Point, Point.id == RoundAssignment.point_id)
            .where(RoundAssignment.round_id == row.id, RoundAssignment.package_id.is_(None))
            .order_by(RoundAssignment.position)
        ).tuples()
        pairs = list(open_rows)
        if not pairs:
            raise ConflictError("every point of this round is already in a package")
        plan = plan_assignment([(a.id, d) for a, d in pairs], codes, homes)
        for a, _d in pairs:
            code = plan[a.id]
            a.inspector_code, a.inspector_key_id = code, keys[code].key_id
        audit.append_event(
            s,
            actor=store.actor,
            action="round.assigned",
            entity="round",
            entity_id=row.id,
            detail={"inspectors": codes, "homes": homes, "points": len(pairs)},
        )
        rid = row.id
    return round_board(store, rid)
