"""Briefing figures for a day, an ISO week or a month, by district and by responsible unit:
pure data that the window, `briefing --json` and the PDF / DOCX / XLSX documents all show.

What counts (one rule for every figure):
- inspections: imported ones (arrived in a verified bundle, so `origin_key_id` is set) that
  are finalised (never drafts) and whose start falls in the period, in the command
  centre's time zone; a group is the point's district or its responsible unit as the
  register has them now;
- a rejected finding counts nowhere: its problem is not found, deducts nothing, and its
  item counts as passed (its cap stays in the sum); a problem not yet reviewed counts
  (the briefing says how many are pending review);
- score rate = 1 − Σ deductions / Σ caps over the group's inspections (DESIGN §9), each
  finding scored by core/scoring.py from the item its inspection used;
- rectification: the tasks of the period's accepted problems, by their status at `as_of`
  (a task made after `as_of` does not exist yet; closed means closed by `as_of`);
  rectification rate = closed / tasks; overdue = the group's tasks (of any period) of
  accepted problems not closed at `as_of` whose deadline day is before `as_of`'s day;
- ranking by score rate, best first; equal rates share a rank (1, 1, 3); a group with
  fewer inspections than the rule's minimum, or without any answered item, is listed but
  not ranked; rates are compared rounded to 9 decimals, so sums that differ only in
  floating-point noise tie, and so do rates against the thresholds;
- flags (units only): the red flag to the best-ranked unit(s) at or above the red
  threshold, the yellow flag to the worst-ranked unit(s) below the yellow threshold;
- the most serious problems: the period's problems not rejected, high severity first,
  then the larger deduction, then the earlier inspection;
- covert rounds: the command centre's rounds whose window overlaps the period, each with
  its board's counts (core/rounds.py) as it stands, overdue counted at `as_of`'s day: points
  sampled, assigned, received (an inspection linked to the point's assignment arrived here
  in a bundle), completion = received / sampled, and the same per district.
"""

from __future__ import annotations

import heapq
import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, distinct, func, or_, select
from sqlalchemy.orm import Session

from inspector_app.core import rounds as round_boards
from inspector_app.core import scoring
from inspector_app.core.db.models import (
    CheckItem,
    EnrolledKey,
    Finding,
    Inspection,
    PhotoAttachment,
    Point,
    RectificationTask,
    ReviewDecision,
    Round,
)
from inspector_app.core.errors import InputError, StoreError
from inspector_app.core.periods import Period, centre_timezone, period_of
from inspector_app.core.settings import get_setting, set_setting
from inspector_app.core.store import Store

RED = "red"
YELLOW = "yellow"


@dataclass(frozen=True)
class FlagRule:
    min_inspections: int = 3  # fewer: listed, not ranked, no flag
    red_threshold: float = 0.90  # the best unit gets the red flag only at or above this rate
    yellow_threshold: float = 0.80  # the worst unit gets the yellow flag only below this rate


@dataclass(frozen=True)
class GroupFigures:
    """One district, one unit, or the whole city (name "")."""

    name: str
    inspections: int
    points: int  # distinct points inspected
    problems_found: int  # problem findings not rejected
    problems_accepted: int
    pending_review: int  # problem findings not yet reviewed
    deductions: float
    caps: float
    score_rate: float | None  # None without any answered item
    tasks: int  # rectification tasks of the period's accepted problems
    rectified: int  # of those, closed at as_of
    rectification_rate: float | None  # None without tasks
    overdue: int
    ranked: bool
    rank: int | None
    previous_score_rate: float | None
    previous_rank: int | None
    score_change: float | None  # score_rate − previous_score_rate
    flag: str | None  # RED, YELLOW or None (units only)


@dataclass(frozen=True)
class SeriousProblem:
    """One of the period's most serious problems, with what the documents show of it."""

    finding_id: str
    inspection_id: str
    point_code: str
    point_name: str
    district: str
    unit: str
    item_code: str
    item_text_zh: str
    item_text_en: str
    severity: str
    count: int
    deduction: float
    note: str
    review: str  # accepted / pending
    inspector_code: str
    inspector_name: str
    started_at: datetime
    photos: tuple[str, ...]  # sha256 of the finding's photos, by capture time (then attach)


@dataclass(frozen=True)
class RoundCompletion:
    """A covert round's progress, or one district's share of it (`name` is the round's
    name, or the district's)."""

    name: str
    points: int  # sampled
    assigned: int
    received: int
    completion: float | None  # received / points; None for no point
    overdue: int  # assignments whose window ended with the point not visited


@dataclass(frozen=True)
class RoundProgress:
    """A covert round whose window overlaps the briefed period."""

    id: str
    starts_on: date
    ends_on: date
    total: RoundCompletion
    districts: tuple[RoundCompletion, ...]  # by district name


@dataclass(frozen=True)
class Briefing:
    period: Period
    previous: Period
    timezone: str
    as_of: datetime
    rule: FlagRule
    city: GroupFigures
    districts: tuple[GroupFigures, ...]  # ranked first (by rank, then name), then unranked
    units: tuple[GroupFigures, ...]
    red_flags: tuple[str, ...]  # unit names
    yellow_flags: tuple[str, ...]
    serious: tuple[SeriousProblem, ...]  # most serious first
    rounds: tuple[RoundProgress, ...] = ()  # by window start, then name


RULE_SETTING = "briefing.rule"
ACCEPTED, REJECTED = "accepted", "rejected"
CLOSED = "closed"
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
#: rates are compared (ties, thresholds) at this many decimals
RATE_DECIMALS = 9


# --- the flag rule -------------------------------------------------------------------------


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def validate_rule(rule: FlagRule) -> FlagRule:
    """The rule with float thresholds, or InputError naming what is wrong."""
    m, red, yellow = rule.min_inspections, rule.red_threshold, rule.yellow_threshold
    if not isinstance(m, int) or isinstance(m, bool) or m < 1:
        raise InputError(f"min_inspections must be a whole number of at least 1, not {m!r}")
    for name, value in (("red_threshold", red), ("yellow_threshold", yellow)):
        # NaN fails the range test too
        if not _number(value) or not 0 <= float(value) <= 1:
            raise InputError(f"{name} must be a number from 0 to 1, not {value!r}")
    if yellow > red:
        # else one unit could earn both flags at once
        raise InputError(f"yellow_threshold ({yellow:g}) must not be above red_threshold ({red:g})")
    return FlagRule(m, float(red), float(yellow))


def _rule_from_json(text: str) -> FlagRule:
    try:
        raw = json.loads(text)
    except ValueError:
        raise InputError("it is not JSON") from None
    if not isinstance(raw, dict):
        raise InputError("it is not a JSON object")
    unknown = sorted(set(raw) - set(FlagRule.__dataclass_fields__))
    if unknown:
        raise InputError(f"unknown field(s): {', '.join(unknown)}")
    return validate_rule(FlagRule(**raw))


def get_flag_rule(store: Store) -> FlagRule:
    """The centre's flag rule (the defaults until one is set)."""
    text = get_setting(store, RULE_SETTING)
    if text is None:
        return FlagRule()
    try:
        return _rule_from_json(text)
    except InputError as exc:
        raise StoreError(f"the {RULE_SETTING} setting is not valid: {exc.message}") from None


def set_flag_rule(store: Store, rule: FlagRule) -> FlagRule:
    """Validate and keep the flag rule (with an audit event when it changes)."""
    valid = validate_rule(rule)
    set_setting(store, RULE_SETTING, json.dumps(asdict(valid), sort_keys=True))
    return valid


# --- tallies ---------------------------------------------------------------------------------


@dataclass
class _Acc:
    """Running sums of one group."""

    inspections: int = 0
    points: int = 0
    found: int = 0
    accepted: int = 0
    pending: int = 0
    deductions: float = 0.0
    caps: float = 0.0
    tasks: int = 0
    rectified: int = 0
    overdue: int = 0

    @property
    def score(self) -> scoring.Score:
        return scoring.Score(round(self.deductions, 6), round(self.caps, 6))


@dataclass
class _Tally:
    """The same sums for every district, every unit and the whole city."""

    districts: defaultdict[str, _Acc] = field(default_factory=lambda: defaultdict(_Acc))
    units: defaultdict[str, _Acc] = field(default_factory=lambda: defaultdict(_Acc))
    city: _Acc = field(default_factory=_Acc)

    def of(self, district: str, unit: str) -> tuple[_Acc, _Acc, _Acc]:
        return self.districts[district], self.units[unit], self.city


def _counted(period: Period | None) -> list[ColumnElement[bool]]:
    """The inspections a briefing counts, started in the period (None: at any time)."""
    cond = [Inspection.origin_key_id.is_not(None), Inspection.status != "draft"]
    if period is not None:
        cond += [Inspection.started_at >= period.start, Inspection.started_at < period.end]
    return cond


def _tally_inspections(s: Session, period: Period, tally: _Tally) -> None:
    # A point has one district and one unit, so distinct points add up across pairs.
    stmt = (
        select(
            Point.district,
            Point.unit,
            func.count(Inspection.id),
            func.count(distinct(Inspection.point_id)),
        )
        .join(Point, Point.id == Inspection.point_id)
        .where(*_counted(period))
        .group_by(Point.district, Point.unit)
    )
    for district, unit, n, points in s.execute(stmt).tuples():
        for acc in tally.of(district, unit):
            acc.inspections += n
            acc.points += points


def _tally_findings(s: Session, period: Period, tally: _Tally) -> None:
    """Deductions, caps and problem counts, grouped in SQL by everything scoring reads, so
    Python scores each distinct combination once and multiplies."""
    # Group by point and item ids first (narrow keys, no lookups per finding), then name
    # the few groups' districts, units and scoring rules.
    keys = (
        Inspection.point_id,
        Finding.item_id,
        Finding.result,
        Finding.count,
        ReviewDecision.decision,
    )
    grouped = (
        select(*keys, func.count().label("n"))
        .select_from(Finding)
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .outerjoin(ReviewDecision, ReviewDecision.finding_id == Finding.id)
        .where(*_counted(period))
        .group_by(*keys)
        .subquery()
    )
    g = grouped.c
    stmt = (
        select(
            Point.district,
            Point.unit,
            CheckItem.mode,
            CheckItem.cap,
            CheckItem.each,
            g.result,
            g.count,
            g.decision,
            g.n,
        )
        .select_from(grouped)
        .join(Point, Point.id == g.point_id)
        .join(CheckItem, CheckItem.id == g.item_id)
    )
    for district, unit, mode, cap, each, result, count, decision, n in s.execute(stmt).tuples():
        problem = result == scoring.PROBLEM
        rejected = problem and decision == REJECTED
        # a rejected problem: its item counts as passed
        sc = scoring.score(
            [scoring.ScoredFinding(mode, cap, each, scoring.PASS if rejected else result, count)]
        )
        for acc in tally.of(district, unit):
            acc.deductions += sc.deductions * n
            acc.caps += sc.caps * n
            if problem and not rejected:
                acc.found += n
                if decision == ACCEPTED:
                    acc.accepted += n
                elif decision is None:
                    acc.pending += n


def _tasks_stmt(*where: ColumnElement[bool]) -> Select[tuple[str, str]]:
    """Tasks of accepted problems (a decision changed to rejected drops its task), by the
    point's district and unit."""
    return (
        select(Point.district, Point.unit)
        .select_from(RectificationTask)
        .join(Finding, Finding.id == RectificationTask.finding_id)
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .join(Point, Point.id == Inspection.point_id)
        .join(
            ReviewDecision,
            and_(ReviewDecision.finding_id == Finding.id, ReviewDecision.decision == ACCEPTED),
        )
        # tasks are made for problems only; saying so lets the (result, inspection) index
        # skip the passes
        .where(Finding.result == scoring.PROBLEM, *where)
        .group_by(Point.district, Point.unit)
    )


def _closed_by(as_of: datetime) -> ColumnElement[bool]:
    return and_(
        RectificationTask.status == CLOSED,
        or_(RectificationTask.closed_at.is_(None), RectificationTask.closed_at <= as_of),
    )


def _tally_tasks(s: Session, period: Period, as_of: datetime, tally: _Tally) -> None:
    closed = _closed_by(as_of)
    stmt = _tasks_stmt(*_counted(period), RectificationTask.created_at <= as_of).add_columns(
        func.count(), func.sum(case((closed, 1), else_=0))
    )
    for district, unit, n, rectified in s.execute(stmt).tuples():
        for acc in tally.of(district, unit):
            acc.tasks += n
            acc.rectified += int(rectified or 0)


def _tally_overdue(s: Session, as_of: datetime, as_of_day: date, tally: _Tally) -> None:
    stmt = _tasks_stmt(
        *_counted(None),
        RectificationTask.created_at <= as_of,
        RectificationTask.deadline < as_of_day,
        ~_closed_by(as_of),
    ).add_columns(func.count())
    for district, unit, n in s.execute(stmt).tuples():
        for acc in tally.of(district, unit):
            acc.overdue += n


# --- rankings and figures --------------------------------------------------------------------


def _rate_key(rate: float) -> float:
    return round(rate, RATE_DECIMALS)


def _ranks(accs: Mapping[str, _Acc], rule: FlagRule) -> dict[str, int]:
    """Competition ranks (1, 1, 3) of the groups the rule ranks, best rate first."""
    keyed = sorted(
        (-_rate_key(rate), name)
        for name, acc in accs.items()
        if acc.inspections >= rule.min_inspections and (rate := acc.score.rate) is not None
    )
    ranks: dict[str, int] = {}
    for i, (key, name) in enumerate(keyed):
        ranks[name] = ranks[keyed[i - 1][1]] if i and key == keyed[i - 1][0] else i + 1
    return ranks


def _figures(
    name: str,
    acc: _Acc,
    previous: _Acc | None,
    rank: int | None,
    previous_rank: int | None,
    flag: str | None,
) -> GroupFigures:
    sc = acc.score
    rate = sc.rate
    prev_rate = previous.score.rate if previous is not None else None
    return GroupFigures(
        name=name,
        inspections=acc.inspections,
        points=acc.points,
        problems_found=acc.found,
        problems_accepted=acc.accepted,
        pending_review=acc.pending,
        deductions=sc.deductions,
        caps=sc.caps,
        score_rate=rate,
        tasks=acc.tasks,
        rectified=acc.rectified,
        rectification_rate=acc.rectified / acc.tasks if acc.tasks else None,
        overdue=acc.overdue,
        ranked=rank is not None,
        rank=rank,
        previous_score_rate=prev_rate,
        previous_rank=previous_rank,
        score_change=rate - prev_rate if rate is not None and prev_rate is not None else None,
        flag=flag,
    )


def _flags(accs: Mapping[str, _Acc], ranks: Mapping[str, int], rule: FlagRule) -> dict[str, str]:
    if not ranks:
        return {}
    worst = max(ranks.values())
    flags: dict[str, str] = {}
    for name, rank in ranks.items():
        rate = accs[name].score.rate
        assert rate is not None  # ranked groups have a rate
        if rank == 1 and _rate_key(rate) >= _rate_key(rule.red_threshold):
            flags[name] = RED
        elif rank == worst and _rate_key(rate) < _rate_key(rule.yellow_threshold):
            flags[name] = YELLOW
    return flags


def _groups(
    current: Mapping[str, _Acc],
    previous: Mapping[str, _Acc],
    rule: FlagRule,
    *,
    flagged: bool,
) -> tuple[GroupFigures, ...]:
    """Figures of every group, ranked first (by rank, then name), then the unranked."""
    ranks = _ranks(current, rule)
    previous_ranks = _ranks(previous, rule)
    flags = _flags(current, ranks, rule) if flagged else {}
    order = sorted(current, key=lambda n: (n not in ranks, ranks.get(n, 0), n))
    out = tuple(
        _figures(
            name,
            current[name],
            previous.get(name),
            ranks.get(name),
            previous_ranks.get(name),
            flags.get(name),
        )
        for name in order
    )
    return out


# --- the most serious problems ---------------------------------------------------------------


def _serious(s: Session, period: Period, limit: int) -> tuple[SeriousProblem, ...]:
    if limit == 0:
        return ()
    not_rejected = or_(ReviewDecision.decision.is_(None), ReviewDecision.decision != REJECTED)
    candidates = (
        select(
            Finding.id,
            CheckItem.mode,
            CheckItem.cap,
            CheckItem.each,
            Finding.count,
            Inspection.started_at,
        )
        .select_from(Finding)
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .join(CheckItem, CheckItem.id == Finding.item_id)
        .outerjoin(ReviewDecision, ReviewDecision.finding_id == Finding.id)
        .where(*_counted(period), Finding.result == scoring.PROBLEM, not_rejected)
    )
    # Severity comes first, so the higher severities alone fill the list most of the time:
    # read one severity at a time, and stop once the list is full.
    ranked: list[tuple[int, float, datetime, str]] = []
    for order, severity in enumerate(SEVERITY_ORDER):
        tier = s.execute(candidates.where(CheckItem.severity == severity)).tuples()
        ranked += heapq.nsmallest(
            limit - len(ranked),
            (
                (
                    order,
                    -scoring.deduction(
                        scoring.ScoredFinding(mode, cap, each, scoring.PROBLEM, count)
                    ),
                    started,
                    fid,
                )
                for fid, mode, cap, each, count, started in tier
            ),
        )
        if len(ranked) == limit:
            break
    ids = [fid for *_, fid in ranked]
    if not ids:
        return ()
    lost = {fid: -neg for _, neg, _, fid in ranked}
    photos: dict[str, list[str]] = defaultdict(list)
    for fid, sha in s.execute(
        select(PhotoAttachment.finding_id, PhotoAttachment.photo_sha256)
        .where(PhotoAttachment.finding_id.in_(ids))
        .order_by(
            PhotoAttachment.captured_at.is_(None),
            PhotoAttachment.captured_at,
            PhotoAttachment.attached_at,
            PhotoAttachment.photo_sha256,
        )
    ).tuples():
        if fid is not None and sha not in photos[fid]:
            photos[fid].append(sha)
    rows = s.execute(
        select(
            Finding.id,
            Finding.inspection_id,
            Point.code,
            Point.name,
            Point.district,
            Point.unit,
            CheckItem.code,
            CheckItem.text_zh,
            CheckItem.text_en,
            CheckItem.severity,
            Finding.count,
            Finding.note,
            ReviewDecision.decision,
            EnrolledKey.code,
            EnrolledKey.name,
            Inspection.started_at,
        )
        .select_from(Finding)
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .join(Point, Point.id == Inspection.point_id)
        .join(CheckItem, CheckItem.id == Finding.item_id)
        .outerjoin(ReviewDecision, ReviewDecision.finding_id == Finding.id)
        .outerjoin(EnrolledKey, EnrolledKey.key_id == Inspection.origin_key_id)
        .where(Finding.id.in_(ids))
    ).tuples()
    by_id = {
        r[0]: SeriousProblem(
            finding_id=r[0],
            inspection_id=r[1],
            point_code=r[2],
            point_name=r[3],
            district=r[4],
            unit=r[5],
            item_code=r[6],
            item_text_zh=r[7],
            item_text_en=r[8],
            severity=r[9],
            count=r[10],
            deduction=lost[r[0]],
            note=r[11],
            review=ACCEPTED if r[12] == ACCEPTED else "pending",
            inspector_code=r[13] or "",
            inspector_name=r[14] or "",
            started_at=r[15],
            photos=tuple(photos.get(r[0], ())),
        )
        for r in rows
    }
    return tuple(by_id[fid] for fid in ids)


# --- covert rounds ---------------------------------------------------------------------------


def _overlapping_rounds(s: Session, period: Period) -> list[str]:
    """Ids of the centre's rounds whose window (whole days) overlaps the period's days."""
    return list(
        s.scalars(
            select(Round.id)
            .where(
                Round.origin == "centre",
                Round.starts_on <= period.last,
                Round.ends_on >= period.first,
            )
            .order_by(Round.starts_on, Round.name, Round.id)
        )
    )


def _completion(name: str, points: int, row: round_boards.BoardRow) -> RoundCompletion:
    return RoundCompletion(
        name=name,
        points=points,
        assigned=row.assigned,
        received=row.received,
        completion=row.received / points if points else None,
        overdue=row.overdue,
    )


def round_progress(board: round_boards.RoundBoard) -> RoundProgress:
    """A round's board as the briefing shows it (the board's own counts)."""
    sampled: dict[str, int] = defaultdict(int)
    for a in board.assignments:
        sampled[a.district] += 1
    r = board.round
    return RoundProgress(
        id=r.id,
        starts_on=r.starts_on,
        ends_on=r.ends_on,
        total=_completion(r.name, len(board.assignments), board.total),
        districts=tuple(_completion(d.label, sampled[d.label], d) for d in board.by_district),
    )


# --- the briefing ----------------------------------------------------------------------------


def compute_briefing(
    store: Store,
    kind: str,
    day: date,
    *,
    rule: FlagRule | None = None,
    as_of: datetime | None = None,
    serious_limit: int = 10,
) -> Briefing:
    """The briefing of the day / ISO week / month (in the centre's time zone) holding `day`,
    with rectification as it stood at `as_of` (default now)."""
    if as_of is None:
        as_of = datetime.now(UTC)
    elif as_of.tzinfo is None:
        raise InputError("as_of must carry its time zone")
    if isinstance(serious_limit, bool) or not isinstance(serious_limit, int) or serious_limit < 0:
        raise InputError(f"serious_limit must be a whole number ≥ 0, not {serious_limit!r}")
    rule = validate_rule(rule) if rule is not None else get_flag_rule(store)
    tz = centre_timezone(store)
    period = period_of(kind, day, tz)
    previous = period.previous(tz)
    as_of = as_of.astimezone(UTC)
    now, before = _Tally(), _Tally()
    with store.read() as s:
        _tally_inspections(s, period, now)
        _tally_findings(s, period, now)
        _tally_tasks(s, period, as_of, now)
        _tally_overdue(s, as_of, as_of.astimezone(tz).date(), now)
        _tally_inspections(s, previous, before)
        _tally_findings(s, previous, before)
        serious = _serious(s, period, serious_limit)
        round_ids = _overlapping_rounds(s, period)
    # rounds are few: each one's board is read the way the Rounds page reads it
    as_of_day = as_of.astimezone(tz).date()
    progress = tuple(
        round_progress(round_boards.round_board(store, rid, today=as_of_day)) for rid in round_ids
    )
    districts = _groups(now.districts, before.districts, rule, flagged=False)
    units = _groups(now.units, before.units, rule, flagged=True)
    return Briefing(
        period=period,
        previous=previous,
        timezone=tz.key,
        as_of=as_of,
        rule=rule,
        city=_figures("", now.city, before.city, None, None, None),
        districts=districts,
        units=units,
        red_flags=tuple(u.name for u in units if u.flag == RED),
        yellow_flags=tuple(u.name for u in units if u.flag == YELLOW),
        serious=serious,
        rounds=progress,
    )


# --- JSON ------------------------------------------------------------------------------------


def _period_json(p: Period) -> dict[str, Any]:
    return {
        "kind": p.kind,
        "label": p.label,
        "first": p.first.isoformat(),
        "last": p.last.isoformat(),
        "start": p.start.isoformat(),
        "end": p.end.isoformat(),
    }


def _serious_json(p: SeriousProblem) -> dict[str, Any]:
    out = asdict(p)
    out["started_at"] = p.started_at.isoformat()
    out["photos"] = list(p.photos)
    return out


def _round_json(r: RoundProgress) -> dict[str, Any]:
    return {
        "id": r.id,
        "from": r.starts_on.isoformat(),
        "to": r.ends_on.isoformat(),
        **asdict(r.total),
        "districts": [asdict(d) for d in r.districts],
    }


def briefing_to_json(b: Briefing) -> dict[str, Any]:
    """The briefing in plain JSON types. Figures are the Briefing's own numbers: rates
    (score_rate, rectification_rate, score_change) are exact floats, not rounded, so the
    documents and --json agree to the last digit; dates and times are ISO 8601 (times in
    UTC)."""
    return {
        "period": _period_json(b.period),
        "previous": _period_json(b.previous),
        "timezone": b.timezone,
        "as_of": b.as_of.isoformat(),
        "rule": asdict(b.rule),
        "city": asdict(b.city),
        "districts": [asdict(g) for g in b.districts],
        "units": [asdict(g) for g in b.units],
        "red_flags": list(b.red_flags),
        "yellow_flags": list(b.yellow_flags),
        "serious": [_serious_json(p) for p in b.serious],
        "rounds": [_round_json(r) for r in b.rounds],
    }
