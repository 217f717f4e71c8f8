"""`inspector-app demo --centre`: the folder afterwards, read through the centre's own
commands (keyring, review, tasks, briefing); refused a second time; --photos is misuse."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from inspector_app.core.centre_demo import DEMO_CENTRE_PASSPHRASE
from tests.cli.conftest import open_data


def test_demo_centre_fills_every_command_of_the_centre(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    made = cli("demo", "--centre")
    assert made.code == 0, made.err
    assert f"passphrase '{DEMO_CENTRE_PASSPHRASE}'" in made.out
    assert "supervisor: 演示督查员" in made.out
    last = re.fullmatch(
        r"centre demo ready in (.+): (\d) inspectors, (\d+) inspections from "
        r"(\d{4}-\d\d-\d\d) to (\d{4}-\d\d-\d\d) in 3 districts, (\d+) photos",
        made.last_line,
    )
    assert last is not None, made.last_line
    assert Path(last[1]) == data_dir and 4 <= int(last[2]) <= 6
    assert 240 <= int(last[3]) <= 400 and int(last[6]) > 0
    first, today = date.fromisoformat(last[4]), date.fromisoformat(last[5])
    assert today - first == timedelta(days=27)
    tasks_line = next(line for line in made.out.splitlines() if line.startswith("tasks: "))
    for word in ("open", "reported fixed", "overdue", "closed"):
        assert re.search(rf"\b[1-9]\d* {word}\b", tasks_line), tasks_line

    keys = cli("keyring", "list", "--json").json()
    assert len(keys) == int(last[2])
    assert all(re.fullmatch(r"[0-9A-F]{16}", k["id"]) and not k["missing"] for k in keys)

    for status in ("pending", "accepted", "rejected"):
        listed = cli("review", "list", "--status", status, "--json")
        assert listed.code == 0 and listed.json(), status
    for status in ("open", "reported_fixed", "closed", "overdue"):
        listed = cli("tasks", "list", "--status", status, "--json")
        assert listed.code == 0 and listed.json(), status

    last_week = (today - timedelta(days=7)).isoformat()
    briefing = cli("briefing", "--period", "week", "--date", last_week, "--json").json()
    assert len(briefing["districts"]) == 3
    assert any(u["ranked"] for u in briefing["units"])
    assert briefing["red_flags"] and briefing["yellow_flags"]

    store = open_data(data_dir)
    try:
        from inspector_app.core.settings import get_setting

        assert get_setting(store, "ui.role") == "centre" and get_setting(store, "demo")
    finally:
        store.close()

    again = cli("demo", "--centre")
    assert again.code == 1 and again.out == ""
    assert again.err.strip().splitlines() == [
        f"error: {data_dir} already holds imported inspections: the command centre's demo "
        "goes into a folder without any (give another --data-dir)"
    ]
    assert cli("keyring", "list", "--json").json() == keys


def test_passphrase_from_the_environment(
    cli,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("INSPECTOR_PASSPHRASE", "short")
    refused = cli("demo", "--centre")
    assert refused.code == 1
    assert "at least 8 characters" in refused.err and refused.out == ""
    monkeypatch.setenv("INSPECTOR_PASSPHRASE", "a long centre passphrase")
    made = cli("demo", "--centre")
    assert made.code == 0, made.err
    assert "protected by" not in made.out and DEMO_CENTRE_PASSPHRASE not in made.out
    assert made.out.startswith("made the command centre's encryption identity age1")


def test_photos_is_the_inspector_demos_option(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("demo", "--centre", "--photos", "3")
    assert result.code == 2 and "--photos" in result.err and result.out == ""
