"""Covert rounds in the briefing: the rounds whose window overlaps the period, each with its
board's counts worked out by hand on the small data set of tests/briefing_data.py, and the
same numbers in `briefing --json`."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from inspector_app.core import rounds
from inspector_app.core.briefing import (
    RoundCompletion,
    briefing_to_json,
    compute_briefing,
)
from inspector_app.core.db.models import Bundle, Inspection, Point, Round, RoundAssignment
from inspector_app.core.store import Store
from tests.briefing_data import AS_OF, KEY, SH, W47, Data, build, sh


def add_round(
    store: Store,
    name: str,
    starts_on: date,
    ends_on: date,
    points: dict[str, str | None],
    *,
    origin: str = "centre",
) -> dict[str, str]:
    """A round over `points` (code → inspector code or None); point code → assignment id."""
    out = {}
    with store.write() as s:
        row = Round(name=name, starts_on=starts_on, ends_on=ends_on, origin=origin, seed="t")
        s.add(row)
        s.flush()
        for position, (code, inspector) in enumerate(points.items()):
            point = s.scalars(select(Point).where(Point.code == code)).one()
            a = RoundAssignment(
                round_id=row.id,
                point_id=point.id,
                position=position,
                inspector_code=inspector,
                inspector_key_id=KEY if inspector else None,
                starts_on=starts_on,
                ends_on=ends_on,
            )
            s.add(a)
            s.flush()
            out[code] = a.id
    return out


def receive(data: Data, label: str, assignment_id: str) -> None:
    """The inspection `label` arrived in a bundle, linked to the assignment."""
    with data.store.write() as s:
        bundle = s.get(Bundle, "b-" + label)
        if bundle is None:
            bundle = Bundle(
                id="b-" + label,
                direction="import",
                key_id=KEY,
                export_sequence=len(label) * 100 + int(label[1:]),
                content_sha256="0" * 64,
                size_bytes=1,
                file_name=f"{label}.bundle",
                created_at=sh(11, 21),
            )
            s.add(bundle)
            s.flush()
        insp = s.get(Inspection, data.inspections[label])
        assert insp is not None
        insp.origin_bundle_id = bundle.id
        insp.assignment_id = assignment_id


@pytest.fixture
def data(store: Store) -> Data:
    d = build(store)
    # W47 is Mon 16 – Sun 22 Nov; the briefing is made on Wed 25 Nov
    week47 = add_round(
        store,
        "第47周暗访",
        date(2026, 11, 14),
        date(2026, 11, 20),
        {"P1": "T07", "P2": "T07", "P3": "T07", "P5": "T07", "P6": None},
    )
    receive(d, "i2", week47["P1"])  # 红旗区
    receive(d, "i6", week47["P3"])  # 卫滨区
    receive(d, "i10", week47["P5"])  # 卫滨区
    # overlaps W47 on its last day only; its window has not ended on 25 Nov
    add_round(store, "跨周暗访", date(2026, 11, 22), date(2026, 11, 28), {"P4": "T07"})
    # outside W47 on either side
    add_round(store, "第48周暗访", date(2026, 11, 23), date(2026, 11, 29), {"P1": "T07"})
    add_round(store, "第46周暗访", date(2026, 11, 9), date(2026, 11, 15), {"P2": "T07"})
    # a round that came to a laptop in a package is no progress of this command centre
    add_round(store, "收到的轮次", date(2026, 11, 16), date(2026, 11, 22), {"P6": None},
              origin="package")  # fmt: skip
    return d


def test_the_rounds_overlapping_the_period_with_their_completion(data: Data) -> None:
    b = compute_briefing(data.store, "week", W47, as_of=AS_OF)
    assert [r.total.name for r in b.rounds] == ["第47周暗访", "跨周暗访"]  # by window start
    w47, late = b.rounds
    assert (w47.starts_on, w47.ends_on) == (date(2026, 11, 14), date(2026, 11, 20))
    # 5 sampled, 4 assigned (P6 to no one), 3 received (P1, P3, P5) → 3/5; P2 and P6 were
    # not visited by the window's end (20 Nov < 25 Nov): 2 overdue
    assert w47.total == RoundCompletion("第47周暗访", 5, 4, 3, 0.6, 2)
    assert w47.districts == (
        RoundCompletion("卫滨区", 2, 2, 2, 1.0, 0),  # P3, P5 received
        RoundCompletion("牧野区", 1, 0, 0, 0.0, 1),  # P6, unassigned, overdue
        RoundCompletion("红旗区", 2, 2, 1, 0.5, 1),  # P1 received, P2 overdue
    )
    # its window runs to 28 Nov: nothing overdue yet, nothing received
    assert late.total == RoundCompletion("跨周暗访", 1, 1, 0, 0.0, 0)
    # the same counts as the round's board (the Rounds page), overdue as of the same day
    board = rounds.round_board(data.store, w47.id, today=date(2026, 11, 25))
    assert (board.total.received, len(board.assignments), board.completion) == (3, 5, 0.6)


def test_overdue_is_counted_as_of_the_briefing_moment(data: Data) -> None:
    # on the round's last day nothing is overdue yet
    b = compute_briefing(data.store, "week", W47, as_of=datetime(2026, 11, 20, 23, 0, tzinfo=SH))
    assert b.rounds[0].total.overdue == 0
    assert b.rounds[0].total.completion == 0.6  # received counts as it stands


def test_the_json_carries_the_rounds_and_an_empty_list_without_any(data: Data) -> None:
    j = briefing_to_json(compute_briefing(data.store, "week", W47, as_of=AS_OF))
    first = j["rounds"][0]
    assert {k: first[k] for k in ("name", "from", "to", "points", "assigned", "received")} == {
        "name": "第47周暗访",
        "from": "2026-11-14",
        "to": "2026-11-20",
        "points": 5,
        "assigned": 4,
        "received": 3,
    }
    assert (first["completion"], first["overdue"]) == (0.6, 2)
    assert first["districts"][2] == {
        "name": "红旗区",
        "points": 2,
        "assigned": 2,
        "received": 1,
        "completion": 0.5,
        "overdue": 1,
    }
    # W45 (2–8 Nov): no round
    none = briefing_to_json(compute_briefing(data.store, "week", date(2026, 11, 4), as_of=AS_OF))
    assert none["rounds"] == []


def test_a_round_with_no_point_has_no_completion() -> None:
    from inspector_app.core.briefing import round_progress
    from inspector_app.core.rounds import BoardRow, RoundBoard, RoundInfo

    info = RoundInfo(
        id="r", name="空", starts_on=date(2026, 11, 16), ends_on=date(2026, 11, 22),
        origin="centre", seed="s", inputs={}, created_at=sh(11, 15), created_by="t",
        points=0, assigned=0,
    )  # fmt: skip
    board = RoundBoard(info, (), (), (), BoardRow("", 0, 0, 0, 0, 0))
    assert round_progress(board).total.completion is None
