"""`inspector-app briefing` with a covert round in the period: --json carries it with the
core's numbers, the text summary gives a line per round."""

from __future__ import annotations

from datetime import date, datetime

from inspector_app.core.briefing import briefing_to_json, compute_briefing
from inspector_app.core.store import Store
from tests.briefing_data import W47, build
from tests.core.test_briefing_rounds import add_round, receive


def test_the_round_in_json_and_in_the_summary(cli, store: Store) -> None:  # type: ignore[no-untyped-def]
    data = build(store)
    ids = add_round(
        store, "第47周暗访", date(2026, 11, 16), date(2026, 11, 22), {"P1": "T07", "P3": None}
    )
    receive(data, "i2", ids["P1"])
    r = cli("briefing", "--period", "week", "--date", W47.isoformat(), "--json")
    assert r.code == 0 and r.err == ""
    obj = r.json()
    as_of = datetime.fromisoformat(obj["as_of"])
    assert obj == briefing_to_json(compute_briefing(store, "week", W47, as_of=as_of))
    (rnd,) = obj["rounds"]
    assert (rnd["name"], rnd["points"], rnd["assigned"], rnd["received"]) == ("第47周暗访", 2, 1, 1)
    assert rnd["completion"] == 0.5
    out = cli("briefing", "--period", "week", "--date", W47.isoformat()).out
    assert (
        "Covert round 第47周暗访 (2026-11-16 – 2026-11-22): 1 of 2 points received (50.0 %), "
        "1 assigned, 1 overdue"
    ) in out
