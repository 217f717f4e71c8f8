"""`review` and `tasks` commands: JSON shapes, status words, the supervisor as actor,
ids on the last line, exit codes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from inspector_app.core.centre_demo import CentreData, build_centre_data
from inspector_app.core.db.models import Finding, RectificationEvent, ReviewDecision
from inspector_app.core.settings import set_setting
from tests.cli.conftest import Result, open_data

Run = Callable[..., Result]


@pytest.fixture
def built(cli: Run, data_dir: Path) -> CentreData:
    store = open_data(data_dir, actor="setup")  # on the database `cli` runs on
    try:
        set_setting(store, "centre.supervisor", "赵主任")
        return build_centre_data(store, findings=700, seed=4, points=30)
    finally:
        store.close()


def test_review_list_json_and_text(cli: Run, built: CentreData) -> None:
    r = cli("review", "list", "--json")
    assert r.code == 0 and r.err == ""
    rows = r.json()
    assert isinstance(rows, list) and len(rows) == built.problems
    assert all(row["id"] and row["status"] in {"pending", "accepted", "rejected"} for row in rows)
    pending = cli("review", "list", "--status", "pending", "--json").json()
    assert pending and {row["status"] for row in pending} == {"pending"}
    text = cli("review", "list", "--status", "rejected")
    assert text.code == 0 and text.last_line == f"{built.rejected} problem(s)"
    assert cli("review", "list", "--status", "maybe").code == 2


def test_accept_and_reject_act_as_the_supervisor(
    cli: Run, built: CentreData, data_dir: Path
) -> None:
    a, b = cli("review", "list", "--status", "pending", "--json").json()[:2]
    r = cli("review", "accept", a["id"])
    assert r.code == 0, r.err
    task_id = r.last_line
    assert cli("review", "reject", b["id"]).code == 2  # --reason is required
    blank = cli("review", "reject", b["id"], "--reason", "  ")
    assert blank.code == 1 and blank.err.strip() == "error: a rejection needs a reason"
    r = cli("review", "reject", b["id"], "--reason", "重复记录")
    assert r.code == 0 and r.last_line == b["id"]
    store = open_data(data_dir)
    try:
        with store.read() as s:
            decided = {
                d.finding_id: d
                for d in s.scalars(select(ReviewDecision))
                if d.finding_id in (a["id"], b["id"])
            }
            passed = s.scalars(select(Finding.id).where(Finding.result == "pass")).first()
            created = s.scalars(
                select(RectificationEvent).where(RectificationEvent.task_id == task_id)
            ).one()
    finally:
        store.close()
    assert decided[a["id"]].decided_by == decided[b["id"]].decided_by == "赵主任"
    assert decided[b["id"]].reason == "重复记录" and created.actor == "赵主任"
    refused = cli("review", "accept", passed or "")
    assert refused.code == 1 and "not a problem" in refused.err and refused.out == ""
    assert cli("review", "accept", "no-such-id").code == 1


def test_tasks_list_and_update(cli: Run, built: CentreData) -> None:
    tasks = cli("tasks", "list", "--json").json()
    assert len(tasks) == built.tasks and all(t["id"] for t in tasks)
    words = {"open", "reported_fixed", "closed", "overdue"}
    assert {t["board_status"] for t in tasks} <= words
    assert {t["status"] for t in tasks} <= words - {"overdue"}
    overdue = cli("tasks", "list", "--status", "overdue", "--json").json()
    assert overdue and all(t["overdue"] and t["status"] != "closed" for t in overdue)
    unit = tasks[0]["unit"]
    mine = cli("tasks", "list", "--unit", unit, "--json").json()
    assert mine and {t["unit"] for t in mine} == {unit}
    text = cli("tasks", "list", "--status", "closed")
    closed = sum(t["status"] == "closed" for t in tasks)
    assert text.code == 0 and text.last_line == f"{closed} task(s)"
    task = next(t for t in tasks if t["status"] == "open")
    r = cli("tasks", "update", task["id"], "--status", "reported_fixed", "--note", "已整改")
    assert r.code == 0 and r.last_line == task["id"] and "open → reported_fixed" in r.out
    back = cli("tasks", "update", task["id"], "--status", "open")
    assert back.code == 1 and "say why" in back.err
    assert cli("tasks", "update", task["id"], "--status", "overdue").code == 2
    assert cli("tasks", "update", "no-such-task", "--status", "closed").code == 1
    after = {t["id"]: t for t in cli("tasks", "list", "--json").json()}
    assert after[task["id"]]["status"] == "reported_fixed"
    assert datetime.fromisoformat(after[task["id"]]["created_at"]) < datetime.now(UTC)
