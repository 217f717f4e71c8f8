"""Covert rounds at the command centre: reproducible sampling, recent points left out,
districts spread, balanced assignment away from home."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from inspector_app.core import inspections, rounds
from inspector_app.core.errors import InputError
from inspector_app.core.rounds import Candidate, allocate, draw_sample, plan_assignment
from inspector_app.core.store import Store
from tests.packages import register_city, week_round


@pytest.fixture
def city_store(store: Store, tmp_path: Path) -> Store:
    register_city(store, tmp_path / "csv")
    return store


def _codes(store: Store, round_id: str) -> list[str]:
    return [a.point_code for a in rounds.round_board(store, round_id).assignments]


def test_the_same_seed_and_inputs_give_the_same_sample_another_seed_another(
    city_store: Store,
) -> None:
    kinds = ("FARMERS_MARKET", "BUS_STOP", "MAIN_ROAD", "SCHOOL_AREA")
    first = week_round(city_store, seed="2026-W48", per_type=3, types=kinds)
    again = week_round(city_store, seed="2026-W48", per_type=3, types=kinds)
    other = week_round(city_store, seed="2026-W49", per_type=3, types=kinds)
    assert _codes(city_store, first.id) == _codes(city_store, again.id)
    assert len(_codes(city_store, first.id)) == 12
    assert _codes(city_store, first.id) != _codes(city_store, other.id)
    # the seed and the inputs are on the round's record
    assert first.seed == "2026-W48"
    assert first.inputs["types"] == sorted(kinds)
    assert first.inputs["algorithm"] == "inspector-round/1"
    assert first.inputs["per_type"] == 3


def test_database_order_does_not_change_the_sample() -> None:
    pool = [Candidate(f"P{i:02}", "T", "ABC"[i % 3], False) for i in range(30)]
    forward = draw_sample(pool, per_type=7, per_district=False, seed="x")
    backward = draw_sample(list(reversed(pool)), per_type=7, per_district=False, seed="x")
    assert forward == backward


def test_points_inspected_recently_are_left_out_first(city_store: Store) -> None:
    markets = [p for p in _all_of(city_store, "FARMERS_MARKET")]
    recent = markets[:3]
    for code in recent:
        inspections.start_inspection(city_store, code)
    n_fresh = len(markets) - len(recent)
    rnd = week_round(city_store, per_type=n_fresh, types=("FARMERS_MARKET",))
    picked = _codes(city_store, rnd.id)
    assert sorted(picked) == sorted(set(markets) - set(recent))
    assert rnd.inputs["recent_left_out"] == sorted(recent)
    assert rnd.notes == ()
    # asking for more than the fresh ones takes recent ones, and the record says so
    more = week_round(city_store, per_type=n_fresh + 2, types=("FARMERS_MARKET",))
    picked = _codes(city_store, more.id)
    assert len(picked) == n_fresh + 2
    assert len(set(picked) & set(recent)) == 2
    assert any("recently inspected point(s) taken" in n for n in more.notes)
    board = rounds.round_board(city_store, more.id)
    assert sum(a.recent for a in board.assignments) == 2
    # a window of 0 days leaves nothing out
    none_left_out = rounds.create_round(
        city_store,
        name="all",
        starts_on=date.today(),
        ends_on=date.today(),
        per_type=len(markets),
        types=["农贸市场(集贸市场)及周边"],  # a type by its Chinese name
        exclude_recent_days=0,
    )
    assert none_left_out.inputs["recent_left_out"] == []


def _all_of(store: Store, type_code: str) -> list[str]:
    from inspector_app.core.points import list_points

    return [p.code for p in list_points(store, type=type_code)]


def test_the_sample_is_spread_over_districts_in_proportion() -> None:
    pool = [Candidate(f"A{i:02}", "T", "A区", False) for i in range(9)]
    pool += [Candidate(f"B{i:02}", "T", "B区", False) for i in range(3)]
    got = draw_sample(pool, per_type=4, per_district=False, seed="s")
    assert Counter(c.district for c in got.picked) == {"A区": 3, "B区": 1}
    # per district: N in every district
    got = draw_sample(pool, per_type=2, per_district=True, seed="s")
    assert Counter(c.district for c in got.picked) == {"A区": 2, "B区": 2}


def test_the_demo_register_sample_covers_every_district(city_store: Store) -> None:
    rnd = week_round(city_store, per_type=3, types=("FARMERS_MARKET",))
    board = rounds.round_board(city_store, rnd.id)
    assert len({a.district for a in board.assignments}) == 3


def test_allocation_is_largest_remainder_and_never_above_a_district() -> None:
    assert allocate(5, {"a": 1, "b": 1, "c": 8}) == {"a": 1, "b": 0, "c": 4}  # tie: first name
    assert allocate(3, {"a": 1, "b": 1, "c": 1}) == {"a": 1, "b": 1, "c": 1}
    assert allocate(9, {"a": 1, "b": 2}) == {"a": 1, "b": 2}


def test_a_round_with_bad_inputs_is_refused_and_not_recorded(city_store: Store) -> None:
    today = date.today()
    with pytest.raises(InputError, match="before it starts"):
        rounds.create_round(
            city_store, name="x", starts_on=today, ends_on=today - timedelta(days=1), per_type=1
        )
    with pytest.raises(InputError, match="no point of the chosen types in district"):
        rounds.create_round(
            city_store, name="x", starts_on=today, ends_on=today, per_type=1, districts=["无此区"]
        )
    assert rounds.list_rounds(city_store) == []


def test_assignment_is_balanced_within_few_districts_and_away_from_home() -> None:
    items = [(f"a{i}", "红旗区") for i in range(6)] + [(f"b{i}", "卫滨区") for i in range(4)]
    items += [(f"c{i}", "牧野区") for i in range(2)]
    plan = plan_assignment(items, ["T01", "T02", "T03"], {"T01": "红旗区"})
    load = Counter(plan.values())
    assert sorted(load.values()) == [4, 4, 4]
    assert all(plan[f"a{i}"] != "T01" for i in range(6))
    districts = {c: {d for i, d in items if plan[i] == c} for c in load}
    assert all(len(d) <= 2 for d in districts.values())
    with pytest.raises(InputError, match="lives in district 红旗区"):
        plan_assignment([("a", "红旗区")], ["T01"], {"T01": "红旗区"})
