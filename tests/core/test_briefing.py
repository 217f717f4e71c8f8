"""Briefing figures against the small fixed data set of tests/briefing_data.py, each one
worked out by hand in a comment beside it: score and rectification rates, overdue, shared
ranks, the flag rule, rejected findings, periods in the centre's time zone and the change
against the previous period."""

from __future__ import annotations

import json
import math
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from inspector_app.core.briefing import (
    RED,
    RULE_SETTING,
    YELLOW,
    Briefing,
    FlagRule,
    GroupFigures,
    briefing_to_json,
    compute_briefing,
    get_flag_rule,
    set_flag_rule,
)
from inspector_app.core.db.models import ReviewDecision
from inspector_app.core.errors import InputError, StoreError
from inspector_app.core.periods import set_centre_timezone
from inspector_app.core.settings import get_setting, set_setting
from inspector_app.core.store import Store
from tests.briefing_data import AS_OF, ITEMS, SH, W47, Data, P, Visit, build, sh
from tests.bundles import Laptop, export, make_final


@pytest.fixture
def data(store: Store) -> Data:
    return build(store)


def week(store: Store, **kw: object) -> Briefing:
    return compute_briefing(store, "week", W47, as_of=AS_OF, **kw)  # type: ignore[arg-type]


def by_name(groups: tuple[GroupFigures, ...]) -> dict[str, GroupFigures]:
    return {g.name: g for g in groups}


# --- score rates --------------------------------------------------------------------------


def test_score_rates_of_units_districts_and_city(data: Data) -> None:
    b = week(data.store)
    u = by_name(b.units)
    assert (u["甲单位"].deductions, u["甲单位"].caps) == (1, 30)  # 0 + 0 + 1; 3 × 10 (D n.a.)
    assert u["甲单位"].score_rate == pytest.approx(29 / 30)  # 1 − 1/30 = 0.9667
    assert (u["乙单位"].deductions, u["乙单位"].caps) == (3, 30)  # 2 + 0 + 1
    assert u["乙单位"].score_rate == pytest.approx(0.9)  # 1 − 3/30
    assert (u["丙单位"].deductions, u["丙单位"].caps) == (3, 30)  # 2 + 1 + 0 (C rejected)
    assert u["丙单位"].score_rate == pytest.approx(0.9)
    assert (u["丁单位"].deductions, u["丁单位"].caps) == (9, 20)  # (2 + 3) + 4
    assert u["丁单位"].score_rate == pytest.approx(0.55)  # 1 − 9/20
    assert (u["戊单位"].deductions, u["戊单位"].caps) == (7, 30)  # (2 + min(4, 5)) + 1 + 0
    assert u["戊单位"].score_rate == pytest.approx(23 / 30)  # 0.7667

    d = by_name(b.districts)
    # 红旗区 = P1 (甲: 1 of 30) + P2 (乙: 2 of 20) = 3 of 50
    assert (d["红旗区"].inspections, d["红旗区"].points) == (5, 2)
    assert d["红旗区"].score_rate == pytest.approx(0.94)  # 1 − 3/50
    # 卫滨区 = P3 (乙: 1 of 10) + P4 (丙: 3 of 30) + P5 (丁: 9 of 20) = 13 of 60
    assert (d["卫滨区"].inspections, d["卫滨区"].points) == (6, 3)
    assert d["卫滨区"].score_rate == pytest.approx(47 / 60)  # 0.7833
    assert d["牧野区"].score_rate == pytest.approx(23 / 30)

    # city: 3 + 13 + 7 = 23 of 50 + 60 + 30 = 140; 14 imported inspections at 6 points
    c = b.city
    assert (c.name, c.inspections, c.points, c.deductions, c.caps) == ("", 14, 6, 23, 140)
    assert c.score_rate == pytest.approx(117 / 140)  # 1 − 23/140 = 0.8357
    assert not c.ranked and c.rank is None and c.flag is None


def test_problem_counts_and_review(data: Data) -> None:
    b = week(data.store)
    u = by_name(b.units)
    # (found, accepted, pending): rejected problems are not found
    assert (
        u["甲单位"].problems_found,
        u["甲单位"].problems_accepted,
        u["甲单位"].pending_review,
    ) == (1, 1, 0)
    assert (
        u["乙单位"].problems_found,
        u["乙单位"].problems_accepted,
        u["乙单位"].pending_review,
    ) == (2, 1, 1)
    assert (
        u["丙单位"].problems_found,
        u["丙单位"].problems_accepted,
        u["丙单位"].pending_review,
    ) == (2, 1, 1)
    assert (
        u["丁单位"].problems_found,
        u["丁单位"].problems_accepted,
        u["丁单位"].pending_review,
    ) == (3, 2, 1)
    assert (
        u["戊单位"].problems_found,
        u["戊单位"].problems_accepted,
        u["戊单位"].pending_review,
    ) == (3, 2, 1)
    # city: 1 + 2 + 2 + 3 + 3 = 11 found, 1 + 1 + 1 + 2 + 2 = 7 accepted, 4 pending
    c = b.city
    assert (c.problems_found, c.problems_accepted, c.pending_review) == (11, 7, 4)


# --- rectification ------------------------------------------------------------------------


def test_rectification_rate_and_overdue_at_as_of(data: Data) -> None:
    b = week(data.store)
    u = by_name(b.units)

    def rect(g: GroupFigures) -> tuple[int, int, float | None, int]:
        return g.tasks, g.rectified, g.rectification_rate, g.overdue

    # 甲: i3's task closed on 24 Nov → 1/1; overdue: W46's task (deadline 13 Nov, open)
    assert rect(u["甲单位"]) == (1, 1, 1.0, 1)
    # 乙: i4's task open past 20 Nov → 0/1, overdue 1
    assert rect(u["乙单位"]) == (1, 0, 0.0, 1)
    # 丙: reported fixed, deadline is as_of's own day (not passed); the rejected one's
    # task counts nowhere
    assert rect(u["丙单位"]) == (1, 0, 0.0, 0)
    # 丁: closed on 26 Nov, after as_of → not rectified; B's task overdue since 24 Nov
    assert rect(u["丁单位"]) == (2, 0, 0.0, 1)
    # 戊: A closed, B open past 24 Nov → 1/2 = 0.5
    assert rect(u["戊单位"]) == (2, 1, 0.5, 1)
    d = by_name(b.districts)
    assert rect(d["红旗区"]) == (2, 1, 0.5, 2)  # 甲 + 乙's P2
    assert rect(d["卫滨区"]) == (3, 0, 0.0, 1)  # 丙 + 丁 (乙's P3 has no task)
    assert rect(d["牧野区"]) == (2, 1, 0.5, 1)
    # city: 1 + 1 + 1 + 2 + 2 = 7 tasks, 2 closed → 2/7; overdue 1 + 1 + 0 + 1 + 1 = 4
    assert rect(b.city)[:2] == (7, 2)
    assert b.city.rectification_rate == pytest.approx(2 / 7)
    assert b.city.overdue == 4


def test_later_as_of_sees_the_later_closure(data: Data) -> None:
    b = compute_briefing(data.store, "week", W47, as_of=sh(11, 27, 12))
    u = by_name(b.units)
    # 丁's A closed on 26 Nov now counts; its B is still overdue
    assert (u["丁单位"].rectified, u["丁单位"].rectification_rate, u["丁单位"].overdue) == (
        1,
        0.5,
        1,
    )
    # 丙's deadline (25 Nov) has now passed: overdue; 甲's i3 task (27 Nov) closed in time
    assert u["丙单位"].overdue == 1
    assert b.city.overdue == 5  # 4 + 丙


def test_a_task_made_after_as_of_does_not_exist_yet(data: Data) -> None:
    b = compute_briefing(data.store, "week", W47, as_of=sh(11, 17, 12))
    # on 17 Nov noon only i4's task (made 17 Nov 00:30) and W46's exist
    assert b.city.tasks == 1 and b.city.rectified == 0
    assert b.city.overdue == 1  # W46's task, deadline 13 Nov; i4's deadline is 20 Nov


# --- rankings and flags ---------------------------------------------------------------------


def test_ranking_shares_ranks_and_skips_the_next(data: Data) -> None:
    b = week(data.store)
    ranked = [(g.name, g.rank) for g in b.units if g.ranked]
    # 29/30 > 0.9 = 0.9 > 23/30: 1, 2, 2, 4; equal ranks by name (code-point order)
    assert ranked == [("甲单位", 1), ("丙单位", 2), ("乙单位", 2), ("戊单位", 4)]
    assert [(g.name, g.rank) for g in b.districts] == [("红旗区", 1), ("卫滨区", 2), ("牧野区", 3)]


def test_too_few_inspections_listed_unranked_without_flag(data: Data) -> None:
    b = week(data.store)
    last = b.units[-1]
    # 丁 has 2 inspections < 3: listed after the ranked, although its 0.55 is the worst
    assert last.name == "丁单位" and last.inspections == 2
    assert (last.ranked, last.rank, last.flag) == (False, None, None)
    # so the yellow flag goes to the worst ranked unit, 戊: 23/30 = 0.767 < 0.8
    assert (b.red_flags, b.yellow_flags) == (("甲单位",), ("戊单位",))
    assert by_name(b.units)["甲单位"].flag == RED  # 29/30 = 0.967 ≥ 0.9
    assert by_name(b.units)["戊单位"].flag == YELLOW
    assert all(g.flag is None for g in b.districts)  # flags are for units only


def test_a_lower_minimum_ranks_the_small_unit(data: Data) -> None:
    b = week(data.store, rule=FlagRule(min_inspections=2))
    u = by_name(b.units)
    assert (u["丁单位"].rank, u["丁单位"].flag) == (5, YELLOW)  # 0.55 is now the worst
    assert u["戊单位"].flag is None and b.yellow_flags == ("丁单位",)


def test_thresholds(data: Data) -> None:
    # best 29/30 = 0.9667 below 0.97: no red; worst 23/30 = 0.7667 not below 0.7: no yellow
    b = week(data.store, rule=FlagRule(3, red_threshold=0.97, yellow_threshold=0.7))
    assert (b.red_flags, b.yellow_flags) == ((), ())
    # a yellow threshold of exactly 23/30 is not "below" it
    b = week(data.store, rule=FlagRule(3, red_threshold=0.9, yellow_threshold=23 / 30))
    assert b.yellow_flags == ()
    # a rate at the red threshold earns it (the day of 22 Nov: 甲 alone, 1 − 1/10 = 0.9)
    day = compute_briefing(data.store, "day", date(2026, 11, 22), as_of=AS_OF, rule=FlagRule(1))
    assert [(g.name, g.rank, g.flag) for g in day.units if g.ranked] == [("甲单位", 1, RED)]
    # units with overdue tasks are listed although not inspected that day
    assert (by_name(day.units)["丁单位"].inspections, by_name(day.units)["丁单位"].overdue) == (
        0,
        1,
    )


def test_ties_are_exact_despite_floating_point_noise(store: Store) -> None:
    # 0.1 + 0.2 ≠ 0.3 in floating point; rates 1 − 0.3/20 must still tie
    tenths = {**ITEMS, "B": ("per_instance", "medium", 4.0, 0.1)}
    visits = [
        Visit("a1", "P1", sh(11, 17), {"B": P(1)}),
        Visit("a2", "P1", sh(11, 17, 11), {"B": P(2)}),  # 甲: 0.1 + 0.2 of 20
        Visit("b1", "P4", sh(11, 17), {"B": P(3)}),
        Visit("b2", "P4", sh(11, 17, 11)),  # 丙: 0.3 of 20
    ]
    build(store, visits, tenths)
    b = week(store, rule=FlagRule(1, 0.99, 0.8))
    assert [(g.name, g.rank, g.flag) for g in b.units] == [
        ("丙单位", 1, None),
        ("甲单位", 1, None),
    ]
    # 1 − 0.3/20 = 0.985 < 0.99: no red for either


# --- rejected findings ------------------------------------------------------------------------


def test_rejected_findings_count_nowhere(data: Data) -> None:
    b = week(data.store, serious_limit=100)
    rejected = data.findings[("i8", "C")]
    assert rejected not in {p.finding_id for p in b.serious}
    u = by_name(b.units)["丙单位"]
    # its item counts as passed: cap 4 stays in the 30, nothing deducted, no task, no overdue
    assert (u.caps, u.deductions, u.problems_found, u.tasks, u.overdue) == (30, 3, 2, 1, 0)
    # un-rejecting it (pending) brings it back everywhere: 3 + 4 = 7 of 30, 3 found
    with data.store.write() as s:
        s.delete(s.scalars(select(ReviewDecision).filter_by(finding_id=rejected)).one())
    u2 = by_name(week(data.store).units)["丙单位"]
    assert (u2.deductions, u2.problems_found, u2.pending_review) == (7, 3, 2)
    assert u2.score_rate == pytest.approx(23 / 30)  # 1 − 7/30


# --- the most serious problems --------------------------------------------------------------


def test_most_serious_problems_order(data: Data) -> None:
    b = week(data.store, serious_limit=20)
    order = [(d.inspection_id, d.item_code, d.deduction) for d in b.serious]
    ids = data.inspections
    assert order == [
        # high first, all deduct 2: by time (16, 17, 18, 19 Nov)
        (ids["i4"], "A", 2), (ids["i12"], "A", 2), (ids["i7"], "A", 2), (ids["i10"], "A", 2),
        # medium: the larger deduction first (4 = min(4, 5), 3), then 1s by time
        (ids["i12"], "B", 4), (ids["i10"], "B", 3),
        (ids["i13"], "B", 1), (ids["i7"], "B", 1), (ids["i6"], "B", 1), (ids["i3"], "B", 1),
        # low last, although it deducts 4; the rejected C of i8 is absent
        (ids["i11"], "C", 4),
    ]  # fmt: skip
    first = b.serious[0]
    assert (first.point_code, first.point_name) == ("P2", "点位P2")
    assert (first.district, first.unit) == ("红旗区", "乙单位")
    assert (first.item_text_zh, first.severity, first.review) == ("检查项A", "high", "accepted")
    assert (first.inspector_code, first.inspector_name) == ("T07", "李四")
    assert first.started_at == sh(11, 16, 0, 30).astimezone(UTC)
    assert b.serious[6].review == "pending"
    assert len(week(data.store).serious) == 10  # the default limit
    assert [p.finding_id for p in week(data.store, serious_limit=3).serious] == [
        p.finding_id for p in b.serious[:3]
    ]
    assert week(data.store, serious_limit=0).serious == ()


# --- periods --------------------------------------------------------------------------------


def test_week_holds_the_shanghai_days_not_the_utc_days(data: Data) -> None:
    b = week(data.store)
    assert b.period.label == "2026-W47"
    assert (b.period.first, b.period.last) == (date(2026, 11, 16), date(2026, 11, 22))
    assert b.period.start == datetime(2026, 11, 15, 16, tzinfo=UTC)
    assert b.timezone == "Asia/Shanghai"
    # i3 (Sun 23:30 Shanghai) and i4 (Mon 00:30 Shanghai = Sun UTC) are in; w1 is not
    assert b.city.inspections == 14
    # the next week holds only w1 (Mon 23 Nov 00:30 Shanghai): 2 of 10
    nxt = compute_briefing(data.store, "week", date(2026, 11, 23), as_of=AS_OF)
    assert (nxt.period.label, nxt.city.inspections, nxt.city.deductions) == ("2026-W48", 1, 2)


def test_another_time_zone_moves_the_boundary(data: Data) -> None:
    # in UTC, i4 (Sun 15 Nov 16:30 UTC) falls in W46, and w1 (Sun 22 Nov 16:30 UTC) in W47
    set_centre_timezone(data.store, "UTC")
    b = week(data.store)
    assert b.timezone == "UTC" and b.city.inspections == 14 - 1 + 1
    assert by_name(b.units)["乙单位"].inspections == 2  # i5, i6 (i4 moved to W46)
    assert by_name(b.units)["甲单位"].inspections == 4  # i1, i2, i3, w1


def test_day_and_month(data: Data) -> None:
    day = compute_briefing(data.store, "day", date(2026, 11, 22), as_of=AS_OF)
    # only i3 (23:30): 1 of 10 → 0.9; the day before holds i11 alone: 4 of 10 → 0.6
    assert (day.period.label, day.city.inspections) == ("2026-11-22", 1)
    assert day.city.score_rate == pytest.approx(0.9)
    assert day.previous.label == "2026-11-21"
    assert day.city.previous_score_rate == pytest.approx(0.6)
    assert day.city.score_change == pytest.approx(0.3)  # 0.9 − 0.6

    month = compute_briefing(data.store, "month", date(2026, 11, 5), as_of=AS_OF)
    # W46 (7 inspections, 4 of 70) + W47 (14, 23 of 140) + W48 (1, 2 of 10)
    assert (month.period.label, month.previous.label) == ("2026-11", "2026-10")
    assert (month.city.inspections, month.city.deductions, month.city.caps) == (22, 29, 220)
    assert month.city.score_rate == pytest.approx(191 / 220)  # 1 − 29/220 = 0.8682
    assert month.city.previous_score_rate is None and month.city.score_change is None
    # tasks of the month's accepted problems: W47's 7 + W46's 1
    assert (month.city.tasks, month.city.rectified) == (8, 2)


def test_change_against_the_previous_week(data: Data) -> None:
    b = week(data.store)
    u = by_name(b.units)
    assert b.previous.label == "2026-W46"
    # 甲: W46 2 of 30 → 14/15 = 0.9333, ranked 2nd behind 乙's 1.0; now 29/30: +1/30
    assert u["甲单位"].previous_score_rate == pytest.approx(14 / 15)
    assert u["甲单位"].previous_rank == 2
    assert u["甲单位"].score_change == pytest.approx(1 / 30)
    # 乙: 1.0 (rank 1) → 0.9: −0.1
    assert (u["乙单位"].previous_score_rate, u["乙单位"].previous_rank) == (1.0, 1)
    assert u["乙单位"].score_change == pytest.approx(-0.1)
    # 戊: one W46 inspection, 2 of 10 = 0.8, too few to be ranked then; 23/30 − 0.8 = −1/30
    assert u["戊单位"].previous_score_rate == pytest.approx(0.8)
    assert u["戊单位"].previous_rank is None
    assert u["戊单位"].score_change == pytest.approx(-1 / 30)
    # 丙: nothing in W46
    assert (u["丙单位"].previous_score_rate, u["丙单位"].score_change) == (None, None)
    # city: W46 4 of 70 → 33/35; change 117/140 − 132/140 = −15/140
    assert b.city.previous_score_rate == pytest.approx(33 / 35)
    assert b.city.score_change == pytest.approx(-15 / 140)
    d = by_name(b.districts)
    # 红旗区 in W46: 甲 2 of 30 + 乙 0 of 30 → 1 − 2/60 = 29/30, rank 1 (牧野区 1 inspection)
    assert (d["红旗区"].previous_score_rate, d["红旗区"].previous_rank) == (
        pytest.approx(29 / 30),
        1,
    )
    assert d["牧野区"].previous_rank is None


def test_an_empty_period(store: Store) -> None:
    b = compute_briefing(store, "month", date(2026, 2, 14), as_of=AS_OF)
    assert (b.city.inspections, b.city.score_rate, b.city.rectification_rate) == (0, None, None)
    assert (b.districts, b.units, b.serious, b.red_flags) == ((), (), (), ())


# --- imported through the real importer -------------------------------------------------------


def test_imported_bundle_is_briefed_and_scored_as_its_inspection(
    laptop: Laptop, centre: Store, tmp_path: Path
) -> None:
    from inspector_app.core.bundle.importer import import_files
    from inspector_app.core.inspections import list_inspections

    ident = make_final(laptop)
    [report] = import_files(centre, export(laptop, [ident], tmp_path / "stick"))
    assert report.verdict == "IMPORTED"
    [summary] = list_inspections(centre)
    day = summary.started_at.astimezone(SH).date()
    b = compute_briefing(centre, "day", day)
    assert (b.city.inspections, b.city.problems_found, b.city.pending_review) == (1, 1, 1)
    assert (b.city.deductions, b.city.caps) == (summary.deductions, summary.caps)
    assert [u.name for u in b.units] == ["红旗区市场监督管理局"]
    assert b.serious[0].inspector_code == "T01" and len(b.serious[0].photos) == 1
    # the laptop's own inspection, not imported, is not what a centre briefs
    assert compute_briefing(laptop.store, "day", day).city.inspections == 0


# --- the flag rule ----------------------------------------------------------------------------


def test_flag_rule_defaults_set_and_used(data: Data) -> None:
    assert get_flag_rule(data.store) == FlagRule(3, 0.9, 0.8)
    assert set_flag_rule(data.store, FlagRule(2, 1, 0)) == FlagRule(2, 1.0, 0.0)
    assert json.loads(get_setting(data.store, RULE_SETTING) or "") == {
        "min_inspections": 2,
        "red_threshold": 1.0,
        "yellow_threshold": 0.0,
    }
    b = week(data.store)  # the stored rule
    assert b.rule == FlagRule(2, 1.0, 0.0)
    assert by_name(b.units)["丁单位"].ranked and b.red_flags == b.yellow_flags == ()


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        (FlagRule(0), "min_inspections"),
        (FlagRule(True), "min_inspections"),  # type: ignore[arg-type]
        (FlagRule(2.5), "min_inspections"),  # type: ignore[arg-type]
        (FlagRule(3, 1.1), "red_threshold"),
        (FlagRule(3, 0.9, -0.1), "yellow_threshold"),
        (FlagRule(3, math.nan), "red_threshold"),
        (FlagRule(3, "0.9"), "red_threshold"),  # type: ignore[arg-type]
        (FlagRule(3, 0.7, 0.8), "must not be above"),
    ],
)
def test_bad_rules_are_refused_and_change_nothing(store: Store, rule: FlagRule, words: str) -> None:
    with pytest.raises(InputError, match=words):
        set_flag_rule(store, rule)
    assert get_setting(store, RULE_SETTING) is None
    with pytest.raises(InputError, match=words):
        compute_briefing(store, "week", W47, rule=rule)


def test_a_damaged_rule_setting_is_reported(store: Store) -> None:
    set_setting(store, RULE_SETTING, '{"min_inspections": 0}')
    with pytest.raises(StoreError, match=r"briefing\.rule"):
        get_flag_rule(store)
    set_setting(store, RULE_SETTING, '{"colour": 1}')
    with pytest.raises(StoreError, match="colour"):
        get_flag_rule(store)


def test_bad_arguments(store: Store) -> None:
    with pytest.raises(InputError, match="period"):
        compute_briefing(store, "year", W47)
    with pytest.raises(InputError, match="time zone"):
        compute_briefing(store, "week", W47, as_of=datetime(2026, 11, 25))
    with pytest.raises(InputError, match="serious_limit"):
        compute_briefing(store, "week", W47, serious_limit=-1)


# --- JSON -------------------------------------------------------------------------------------


def test_json_is_plain_and_carries_the_same_numbers(data: Data) -> None:
    b = week(data.store)
    obj = briefing_to_json(b)
    text = json.dumps(obj, allow_nan=False)  # plain types only
    assert json.loads(text) == obj
    assert obj["period"] == {
        "kind": "week",
        "label": "2026-W47",
        "first": "2026-11-16",
        "last": "2026-11-22",
        "start": "2026-11-15T16:00:00+00:00",
        "end": "2026-11-22T16:00:00+00:00",
    }
    assert obj["as_of"] == "2026-11-25T04:00:00+00:00"
    assert obj["rule"] == {"min_inspections": 3, "red_threshold": 0.9, "yellow_threshold": 0.8}
    assert obj["city"]["score_rate"] == b.city.score_rate  # exact, not rounded
    assert [u["name"] for u in obj["units"]] == [u.name for u in b.units]
    assert obj["units"][0]["flag"] == "red" and obj["red_flags"] == ["甲单位"]
    first = obj["serious"][0]
    assert first["started_at"] == "2026-11-15T16:30:00+00:00" and first["photos"] == []
    assert set(obj) == {
        "period", "previous", "timezone", "as_of", "rule", "city", "districts", "units",
        "red_flags", "yellow_flags", "serious", "rounds",
    }  # fmt: skip
    assert obj["rounds"] == []  # no covert round in this data set
