"""Briefing figures for a day, an ISO week or a month, by district and by responsible unit:
pure data that the window, `briefing --json` and the PDF / DOCX / XLSX documents all show.

What counts (one rule for every figure):
- inspections: finalised or exported (never drafts) whose start falls in the period, in
  the command centre's time zone;
- a rejected finding counts nowhere: its problem is not found, deducts nothing, and its
  item counts as passed (its cap stays in the sum); a problem not yet reviewed counts
  (the briefing says how many are pending review);
- score rate = 1 − Σ deductions / Σ caps over the group's inspections (DESIGN §9);
- rectification: the tasks of the period's accepted problems, by their status at `as_of`;
  rectification rate = closed / tasks; overdue = the group's tasks (of any period) not
  closed whose deadline has passed at `as_of`;
- ranking by score rate, best first; equal rates share a rank (1, 1, 3); a group with
  fewer inspections than the rule's minimum is listed but not ranked;
- flags (units only): the red flag to the best-ranked unit(s) at or above the red
  threshold, the yellow flag to the worst-ranked unit(s) below the yellow threshold.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from inspector_app.core.periods import Period

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
    photos: tuple[str, ...]  # sha256 of the finding's photos, in attach order


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
