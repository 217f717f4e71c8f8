"""Commands of several supervisors on one store: `review accept | reject` refuse to replace
a decision someone recorded (saying who, what and when) unless --force; `tasks update`
refuses a change made in between; `audit list` shows each event's actor and database
role."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from inspector_app.core import rectification as rect
from inspector_app.core import review
from inspector_app.core.centre_demo import build_centre_data
from inspector_app.core.settings import set_setting
from inspector_app.core.store import Store
from tests.cli.conftest import Result

Run = Callable[..., Result]
NOW = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)


@pytest.fixture
def two(store: Store) -> tuple[str, str]:
    """Two pending problems; the CLI acts as 赵主任, the `store` fixture as tester."""
    set_setting(store, "centre.supervisor", "赵主任")
    build_centre_data(store, findings=200, seed=9, points=20, now=NOW)
    page = review.review_page(store, review.ReviewFilter(status="pending"), limit=2)
    a, b = (r.finding_id for r in page.rows)
    return a, b


def test_a_decision_recorded_by_another_supervisor_needs_force(
    cli: Run, store: Store, two: tuple[str, str]
) -> None:
    a, b = two
    review.reject(store, a, "不是问题")  # another supervisor, in the window
    r = cli("review", "accept", a)
    assert r.code == 1 and r.out == ""
    assert "was already rejected by tester at" in r.err and "不是问题" in r.err
    assert "add --force to accept it instead" in r.err
    assert review.finding_detail(store, a).status == "rejected"
    r = cli("review", "accept", a, "--force")
    assert r.code == 0, r.err
    d = review.finding_detail(store, a)
    assert (d.status, d.decided_by, d.task_id) == ("accepted", "赵主任", r.last_line)

    # the same decision again changes nothing and says whose it is
    r = cli("review", "accept", a)
    assert r.code == 0 and "was already accepted by 赵主任 at" in r.out
    # a rejection with another reason than the one recorded also needs --force
    review.reject(store, b, "照片模糊")
    r = cli("review", "reject", b, "--reason", "照片模糊")
    assert r.code == 0 and "was already rejected by tester" in r.out
    r = cli("review", "reject", b, "--reason", "重复记录")
    assert r.code == 1 and "add --force to record this rejection instead" in r.err
    assert cli("review", "reject", b, "--reason", "重复记录", "--force").code == 0
    assert review.finding_detail(store, b).reason == "重复记录"


def test_a_decision_made_between_reading_and_writing_is_refused(
    cli: Run, store: Store, two: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command checks the version it read as it writes: a rejection landing in between
    (another supervisor) is refused, not overwritten."""
    a, _b = two
    real = review.current_decision

    def meanwhile(s: Store, finding_id: str) -> review.Decision | None:
        seen = real(s, finding_id)
        review.reject(store, finding_id, "其他主管驳回")
        return seen

    monkeypatch.setattr(review, "current_decision", meanwhile)
    r = cli("review", "accept", a)
    assert r.code == 1 and "meanwhile; your decision was not saved" in r.err
    assert "rejected by tester" in r.err
    assert review.finding_detail(store, a).status == "rejected"


def test_tasks_update_refuses_a_change_made_in_between(
    cli: Run, store: Store, two: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    task = next(t for t in rect.list_tasks(store, status="open"))
    real = rect.get_task

    def meanwhile(s: Store, task_id: str, **kw: object) -> rect.TaskInfo:
        seen = real(s, task_id)
        monkeypatch.setattr(rect, "get_task", real)  # the change below reads it too
        rect.update_status(store, task_id, "reported_fixed", note="单位已报")
        return seen

    monkeypatch.setattr(rect, "get_task", meanwhile)
    r = cli("tasks", "update", task.id, "--status", "reported_fixed")
    assert r.code == 1
    assert "changed meanwhile: now reported_fixed, by tester at" in r.err
    history = rect.task_detail(store, task.id).history
    assert [e.actor for e in history][1:] == ["tester"]  # the refused change left nothing


def test_audit_list_shows_actor_and_database_role(
    cli: Run, store: Store, two: tuple[str, str], backend: str
) -> None:
    from tests.pg import SUPERUSER

    a, _b = two
    assert cli("review", "accept", a).code == 0
    r = cli("audit", "list", "--entity", a, "--json")
    assert r.code == 0
    (event,) = r.json()
    assert event["action"] == "review.accepted" and event["actor"] == "赵主任"
    assert event["db_role"] == (SUPERUSER if backend == "postgresql" else None)
    text = cli("audit", "list", "--last", "3")
    assert text.code == 0 and text.last_line == "3 event(s)"
    who = f"赵主任 [{SUPERUSER}]" if backend == "postgresql" else "赵主任"
    assert any(who in line and "review.accepted" in line for line in text.out.splitlines())
    assert cli("audit", "list", "--last", "0").code == 1
