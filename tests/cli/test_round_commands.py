"""The covert-round commands end to end: centre key, round create / assign / package /
status at the centre; centre-key pin, package import, round mine / start on a laptop."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from inspector_app.cli.main import run
from inspector_app.core.demo import demo_points_csv
from tests.cli.conftest import Result

PASS = "centre-secret"


@pytest.fixture
def sh(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("INSPECTOR_PASSPHRASE", PASS)

    def invoke(folder: Path, *args: str) -> Result:
        capsys.readouterr()
        try:
            code = run(["--data-dir", str(folder), *args])
        except SystemExit as exc:
            code = int(exc.code or 0)
        out = capsys.readouterr()
        return Result(code, out.out, out.err)

    return invoke


def test_a_round_goes_from_the_centre_to_a_laptop_and_shows_as_mine(sh, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    centre, laptop = tmp_path / "centre", tmp_path / "laptop"
    assert sh(laptop, "key", "init", "--name", "张三", "--code", "T01").code == 0
    assert sh(laptop, "key", "export-public", "-o", str(tmp_path / "t01.pub")).code == 0
    assert sh(centre, "keyring", "enroll", str(tmp_path / "t01.pub"), "--name", "张三",
              "--code", "T01").code == 0  # fmt: skip
    city = tmp_path / "city.csv"
    city.write_text(demo_points_csv(), encoding="utf-8")
    assert sh(centre, "points", "import", str(city)).code == 0

    made = sh(centre, "centre", "key", "init")
    assert made.code == 0, made.err
    key_id = made.last_line
    assert sh(centre, "centre", "key", "init").code == 1  # one key only
    assert sh(centre, "centre", "key", "export-public", "-o", str(tmp_path / "c.pub")).code == 0

    bad = sh(centre, "round", "create", "--name", "W48", "--from", "2026-13-01", "--to",
             "2026-12-02", "--per-type", "1")  # fmt: skip
    assert bad.code == 2
    start, end = (date.today() + timedelta(days=d) for d in (-2, 5))
    created = sh(centre, "round", "create", "--name", "W48", "--from", str(start), "--to",
                 str(end), "--per-type", "2", "--type", "FARMERS_MARKET", "BUS_STOP",
                 "--seed", "abc", "--exclude-recent", "14")  # fmt: skip
    assert created.code == 0, created.err
    round_id = created.last_line
    assigned = sh(centre, "round", "assign", round_id, "--inspector", "T01", "--json")
    assert assigned.code == 0, assigned.err
    assert sh(centre, "round", "assign", round_id, "--inspector", "T99").code == 1
    out = tmp_path / "stick"
    out.mkdir()
    packed = sh(centre, "round", "package", round_id, "--inspector", "T01", "-o", str(out))
    assert packed.code == 0, packed.err
    [package] = list(out.glob("*.package.age"))
    assert package.name == f"{packed.last_line}.package.age"

    unpinned = sh(laptop, "package", "import", str(package))
    assert unpinned.code == 1
    assert "centre-key pin FILE.pub" in unpinned.err
    assert sh(laptop, "round", "mine", "--json").json() == []
    pinned = sh(laptop, "centre-key", "pin", str(tmp_path / "c.pub"))
    assert pinned.code == 0 and pinned.last_line == key_id
    applied = sh(laptop, "package", "import", str(package), "--json")
    assert applied.code == 0, applied.err
    assert applied.json()["status"] == "applied"

    mine = sh(laptop, "round", "mine", "--json").json()
    assert isinstance(mine, list) and len(mine) == 4
    assert {m["status"] for m in mine} == {"todo"}
    status = sh(centre, "round", "status", round_id, "--json").json()
    assert sorted(p["code"] for p in status["points"]) == sorted(m["code"] for m in mine)
    assert {p["inspector"] for p in status["points"]} == {"T01"}
    assert {p["status"] for p in status["points"]} == {"todo"}

    started = sh(laptop, "round", "start", mine[0]["id"])
    assert started.code == 0, started.err
    shown = json.loads(sh(laptop, "inspect", "show", started.last_line, "--json").out)
    assert shown["assignment_id"] == mine[0]["id"] and shown["round_id"] == round_id
    again = {m["id"]: m["status"] for m in sh(laptop, "round", "mine", "--json").json()}
    assert again[mine[0]["id"]] == "in_progress"
