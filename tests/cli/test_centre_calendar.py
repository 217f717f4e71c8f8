"""`centre calendar` and `centre supervisor`: changes applied all or nothing, both ways of
giving several values, exit codes and one-line errors, the supervisor as the actor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from inspector_app.core.centre_settings import parse_date_lines
from inspector_app.core.db.models import AuditEvent
from inspector_app.core.settings import all_settings
from inspector_app.core.workdays import work_calendar
from tests.cli.conftest import Result, open_data, run_program

Run = Callable[..., Result]

DEFAULT = {
    "timezone": "Asia/Shanghai",
    "working_days": {"high": 2, "medium": 5, "low": 10},
    "holidays": [],
    "workdays": [],
}


def settings_of(data_dir: Path) -> dict[str, str]:
    store = open_data(data_dir)
    try:
        return all_settings(store)
    finally:
        store.close()


def test_shows_the_defaults(cli: Run) -> None:
    r = cli("centre", "calendar", "--json")
    assert r.code == 0 and r.err == ""
    assert r.json() == DEFAULT
    text = cli("centre", "calendar")
    assert text.out.splitlines() == [
        "time zone: Asia/Shanghai",
        "working days to rectify: high 2 · medium 5 · low 10",
        "holidays: none",
        "adjusted working days: none",
    ]


def test_changes_apply_and_deadlines_follow(cli: Run, data_dir: Path) -> None:
    r = cli(
        "centre",
        "calendar",
        "--timezone",
        "Asia/Urumqi",
        "--deadline",
        "high=3",
        "low=12",
        "--holiday",
        "2026-10-01",
        "2026-10-02",
        "--holiday",
        "2026-10-05",
        "--workday",
        "2026-10-10",
        "--json",
    )
    assert r.code == 0, r.err
    assert r.json() == {
        "timezone": "Asia/Urumqi",
        "working_days": {"high": 3, "medium": 5, "low": 12},
        "holidays": ["2026-10-01", "2026-10-02", "2026-10-05"],
        "workdays": ["2026-10-10"],
    }
    store = open_data(data_dir)
    try:
        cal = work_calendar(store)
    finally:
        store.close()
    # accepted Wednesday 30 September: 1, 2, 5 October off, Saturday 10 October worked
    assert cal.deadline("high", date(2026, 9, 30)) == date(2026, 10, 8)
    assert cal.deadline("medium", date(2026, 9, 30)) == date(2026, 10, 10)
    text = cli("centre", "calendar")
    assert "  2026-10-10 Sat" in text.out.splitlines()
    assert "holidays: 3" in text.out.splitlines()


def test_a_date_moves_between_the_lists_in_one_change(cli: Run) -> None:
    assert cli("centre", "calendar", "--holiday", "2026-10-03", "--workday", "2026-10-10").code == 0
    r = cli(
        "centre",
        "calendar",
        "--no-holiday",
        "2026-10-03",
        "--workday",
        "2026-10-03",
        "--no-workday",
        "2026-10-10",
        "--holiday",
        "2026-10-10",
        "--json",
    )
    assert r.code == 0, r.err
    assert (r.json()["holidays"], r.json()["workdays"]) == (["2026-10-10"], ["2026-10-03"])


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--deadline", "high"], 2, "--deadline takes SEVERITY=DAYS such as high=2, not 'high'"),
        (["--deadline", "high=two"], 2, "--deadline takes SEVERITY=DAYS such as high=2"),
        (["--deadline", "high=2", "high=3"], 2, "--deadline gives high twice"),
        (["--holiday", "2026-13-01"], 2, "--holiday takes dates as YYYY-MM-DD, not '2026-13-01'"),
        (["--workday", "20261010"], 2, "--workday takes dates as YYYY-MM-DD"),
        (["--holiday", "2026-10-01", "--no-holiday", "2026-10-01"], 2, "given to both"),
        (["--timezone", " "], 2, "--timezone needs a time zone name"),
        (["--timezone", "Mars/Base"], 1, "'Mars/Base' is not a time zone name"),
        (["--deadline", "urgent=1"], 1, "'urgent' is not a severity"),
        (["--deadline", "low=0"], 1, "low must be between 1 and 250 days"),
        (["--workday", "2026-10-12"], 1, "2026-10-12 is a Monday"),
        (["--holiday", "2026-10-10", "--workday", "2026-10-10"], 1, "both a holiday and"),
        (["--no-holiday", "2026-05-01"], 1, "2026-05-01 is not a holiday: nothing was changed"),
    ],
)
def test_bad_values_change_nothing(
    cli: Run, data_dir: Path, args: list[str], code: int, message: str
) -> None:
    before = settings_of(data_dir)
    # every bad value comes with good ones that must not be written either
    r = cli("centre", "calendar", "--timezone", "UTC", "--holiday", "2026-10-02", *args, "--json")
    assert r.code == code
    assert r.out == ""
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], r.err
    assert settings_of(data_dir) == before
    assert cli("centre", "calendar", "--json").json() == DEFAULT


def test_supervisor_shown_set_and_recorded_as_actor(cli: Run, data_dir: Path) -> None:
    r = cli("centre", "supervisor")
    assert r.code == 0 and r.out == "" and "no supervisor is named yet" in r.err
    r = cli("centre", "supervisor", "  赵主任 ")
    assert r.code == 0 and r.last_line == "赵主任"
    assert cli("centre", "supervisor").out == "赵主任\n"
    for bad, why in (
        (" ", "must not be empty"),
        ("赵\n主任", "one line of printable characters"),
        ("长" * 61, "longer than 60 characters"),
    ):
        r = cli("centre", "supervisor", bad)
        assert r.code == 1 and r.err.strip().endswith(why), r.err
    assert cli("centre", "supervisor").out == "赵主任\n"
    assert cli("centre", "calendar", "--deadline", "medium=4").code == 0
    store = open_data(data_dir)
    try:
        with store.read() as s:
            event = s.scalars(
                select(AuditEvent)
                .where(AuditEvent.entity_id == "rectification.working_days")
                .order_by(AuditEvent.seq.desc())
            ).first()
    finally:
        store.close()
    assert event is not None and event.actor == "赵主任"


def test_unchanged_values_leave_no_audit_event(cli: Run, data_dir: Path) -> None:
    assert (
        cli("centre", "calendar", "--deadline", "high=2", "--timezone", "Asia/Shanghai").code == 0
    )
    assert "rectification.working_days" not in settings_of(data_dir)
    assert "centre.timezone" not in settings_of(data_dir)


def test_date_lines_name_the_bad_ones() -> None:
    days, bad = parse_date_lines("2026-10-01\n\n# 国庆\n2026-10-02  # 周五\n2026-02-30\n20261003\n")
    assert days == [date(2026, 10, 1), date(2026, 10, 2)]
    assert bad == ["line 5: 2026-02-30", "line 6: 20261003"]


def test_real_program_exit_code_and_help(tmp_path: Path) -> None:
    r = run_program("--data-dir", str(tmp_path), "centre", "calendar", "--holiday", "tomorrow")
    assert r.code == 2 and r.err.strip().splitlines() == [
        "error: --holiday takes dates as YYYY-MM-DD, not 'tomorrow'"
    ]
    r = run_program("centre", "calendar", "--help")
    assert r.code == 0 and "--no-workday" in r.out and "SEVERITY=DAYS" in r.out
