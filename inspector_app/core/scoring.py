"""Scoring (DESIGN §9): deductions per finding and the score rate of a set of findings.

Pure functions on plain values, so the command centre scores imported inspections with the
very same rules, from the items each bundle carried.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

PASS, PROBLEM, NA = "pass", "problem", "na"
RESULTS = (PASS, PROBLEM, NA)
PASS_FAIL, PER_INSTANCE, PER_MISSING = "pass_fail", "per_instance", "per_missing"


@dataclass(frozen=True)
class ScoredFinding:
    """What scoring needs of one answered item."""

    mode: str
    cap: float
    each: float | None
    result: str
    count: int


def deduction(f: ScoredFinding) -> float:
    """Points lost on one item: the cap for a pass/fail problem, else `each` per instance
    (or per missing ad) up to the cap; nothing for pass or n.a."""
    if f.result != PROBLEM:
        return 0.0
    if f.mode == PASS_FAIL:
        return f.cap
    each = f.each if f.each is not None else f.cap
    return min(f.cap, each * max(f.count, 0))


@dataclass(frozen=True)
class Score:
    deductions: float
    caps: float

    @property
    def rate(self) -> float | None:
        """1 − deductions / caps; None when nothing applicable was answered."""
        if self.caps <= 0:
            return None
        return 1.0 - self.deductions / self.caps


def score(findings: Iterable[ScoredFinding]) -> Score:
    """Sum over answered, applicable items (n.a. counts in neither sum)."""
    deductions = caps = 0.0
    for f in findings:
        if f.result == NA:
            continue
        deductions += deduction(f)
        caps += f.cap
    return Score(round(deductions, 6), round(caps, 6))


def format_rate(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f} %"
