"""Scoring follows DESIGN §9 exactly, including its worked example."""

from __future__ import annotations

import pytest

from inspector_app.core.scoring import ScoredFinding, deduction, score


def test_design_worked_example() -> None:
    # items capped 2 (pass), 3 (problem, pass/fail), 4 (per instance, each 1, count 2), 2 (n.a.)
    findings = [
        ScoredFinding("pass_fail", 2, None, "pass", 0),
        ScoredFinding("pass_fail", 3, None, "problem", 1),
        ScoredFinding("per_instance", 4, 1, "problem", 2),
        ScoredFinding("pass_fail", 2, None, "na", 0),
    ]
    s = score(findings)
    assert s.deductions == 5
    assert s.caps == 9
    assert s.rate == pytest.approx(1 - 5 / 9)
    assert f"{s.rate * 100:.1f}" == "44.4"


def test_per_instance_is_capped() -> None:
    assert deduction(ScoredFinding("per_instance", 3, 1, "problem", 7)) == 3


def test_per_missing_each_up_to_cap() -> None:
    assert deduction(ScoredFinding("per_missing", 10, 2, "problem", 3)) == 6
    assert deduction(ScoredFinding("per_missing", 10, 2, "problem", 5)) == 10


def test_nothing_applicable_has_no_rate() -> None:
    assert score([ScoredFinding("pass_fail", 2, None, "na", 0)]).rate is None
    assert score([]).rate is None


def test_pass_deducts_nothing_but_counts_its_cap() -> None:
    s = score([ScoredFinding("per_instance", 4, 1, "pass", 0)])
    assert (s.deductions, s.caps, s.rate) == (0, 4, 1.0)
