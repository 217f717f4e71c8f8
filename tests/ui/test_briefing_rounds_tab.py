"""The briefing page's covert rounds tab: the rounds overlapping the period with the core's
counts, shown only when the period has any."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from inspector_app.core.store import Store
from inspector_app.ui.tasks import TaskRunner
from tests.briefing_data import W47, build
from tests.core.test_briefing_rounds import add_round, receive

pytest.importorskip("pytestqt")

from tests.ui.test_briefing_page import make_page, show


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.cancel_all()
    r.wait()


def test_the_rounds_tab_shows_the_rounds_of_the_period_only(
    qtbot, store: Store, runner: TaskRunner
) -> None:  # type: ignore[no-untyped-def]
    data = build(store)
    ids = add_round(
        store, "第47周暗访", date(2026, 11, 14), date(2026, 11, 20), {"P1": "T07", "P2": "T07"}
    )
    receive(data, "i2", ids["P1"])
    page = make_page(qtbot, store, runner)
    b = show(qtbot, page, "week", W47)
    assert len(b.rounds) == 1
    assert page.tabs.isTabVisible(page.rounds_tab)
    m = page.rounds_model
    shown = [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]
    # the round (2 sampled, 1 received, P2 overdue on 25 Nov), then its one district
    assert shown == [
        ["第47周暗访", "2026-11-14 – 2026-11-20", "2", "2", "1", "50.0%", "1"],
        ["    红旗区", "", "2", "2", "1", "50.0%", "1"],
    ]
    # W45 has no round: the tab goes
    show(qtbot, page, "week", date(2026, 11, 4))
    assert not page.tabs.isTabVisible(page.rounds_tab) and m.rowCount() == 0
