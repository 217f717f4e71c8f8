"""The command line contract (DESIGN §7): exit codes, JSON shapes, ids, global options."""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import text

from inspector_app.core.paths import DataPaths
from tests.cli.conftest import open_data, run_program
from tests.factories import make_jpeg, write_points_csv

POINT_KEYS = {
    "code",
    "name",
    "type",
    "district",
    "street",
    "unit",
    "address",
    "latitude",
    "longitude",
}


def test_help_prints_usage() -> None:
    # no arguments at all open the window (tests/ui); --help stays fast and headless
    r = run_program("--help")
    assert r.code == 0 and "usage: inspector-app" in r.out and "inspect" in r.out


def test_version() -> None:
    from inspector_app import __version__

    r = run_program("--version")
    assert r.code == 0 and __version__ in r.out


def test_misuse_exits_2() -> None:
    r = run_program("inspect", "record")
    assert r.code == 2 and "usage" in r.err


def test_data_dir_before_and_after_the_command(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert run_program("--data-dir", str(a), "catalogue", "list").code == 0
    assert run_program("catalogue", "list", "--data-dir", str(b)).code == 0
    assert DataPaths(a).database.exists() and DataPaths(b).database.exists()


def test_data_dir_from_environment(tmp_path: Path) -> None:
    env = {**os.environ, "INSPECTOR_DATA_DIR": str(tmp_path / "env")}
    assert run_program("catalogue", "list", env=env).code == 0
    assert DataPaths(tmp_path / "env").database.exists()


def test_catalogue_commands(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("catalogue", "list", "--json")
    assert r.code == 0
    cats = r.json()
    assert isinstance(cats, list) and cats[0]["id"]
    assert any(c["version"] == "2026.1" for c in cats)
    r = cli("catalogue", "show", "2026.1", "--json")
    assert r.code == 0 and len(r.json()["point_types"]) == 17
    assert "FM-A01" in cli("catalogue", "show", "national:2026.1").out
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    r = cli("catalogue", "import", str(bad))
    assert r.code == 1 and r.err.startswith("error: ") and "bad.json" in r.err


def test_points_import_and_list(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("points", "import", str(write_points_csv(tmp_path)))
    assert r.code == 0, r.err
    pts = cli("points", "list", "--json").json()
    assert len(pts) == 4 and all(set(p) == POINT_KEYS for p in pts)
    assert [
        p["code"]
        for p in cli("points", "list", "--type", "农贸市场(集贸市场)及周边", "--json").json()
    ] == ["FM-T1"]
    assert [p["code"] for p in cli("points", "list", "--district", "卫滨区", "--json").json()] == [
        "CO-T1",
        "MR-T1",
    ]


def test_bad_points_file_lists_rows_and_changes_nothing(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("points", "import", str(write_points_csv(tmp_path)))
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "code,name,type,district,street,unit,address,latitude,longitude\n"
        "N-1,新点,FARMERS_MARKET,红旗区,,某单位,,35,113\n"
        "N-2,新点2,菜场,红旗区,,某单位,,35,113\n"
        "N-3,新点3,MAIN_ROAD,红旗区,,某单位,,95,113\n",
        encoding="utf-8",
    )
    r = cli("points", "import", str(bad))
    assert r.code == 1
    assert "line 3" in r.err and "line 4" in r.err and "line 2" not in r.err
    assert len(cli("points", "list", "--json").json()) == 4


def test_inspection_round_trip(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("points", "import", str(write_points_csv(tmp_path)))
    r = cli("inspect", "start", "--point", "FM-T1", "--covert")
    assert r.code == 0, r.err
    insp = r.last_line
    assert len(insp) == 36
    detail = cli("inspect", "show", insp, "--json").json()
    assert detail["status"] == "draft" and detail["covert"] is True
    items = detail["findings"]
    photo_item = next(i for i in items if i["needs_photo"] and i["mode"] == "per_instance")
    a, b, c = (make_jpeg(tmp_path / f"{n}.jpg", colour=(n * 40, 10, 10)) for n in (1, 2, 3))
    r = cli(
        "inspect",
        "record",
        insp,
        photo_item["code"],
        "--result",
        "problem",
        "--count",
        "2",
        "--note",
        "摊位占道",
        "--photo",
        str(a),
        str(b),
        "--photo",
        str(c),
    )
    assert r.code == 0, r.err
    shown = cli("inspect", "show", insp, "--json").json()
    rec = next(i for i in shown["findings"] if i["code"] == photo_item["code"])
    assert rec["result"] == "problem" and rec["count"] == 2 and len(rec["photos"]) == 3
    assert rec["note"] == "摊位占道"

    r = cli("inspect", "finalise", insp)
    assert r.code == 0, r.err
    assert "not answered" in r.out
    listed = cli("inspect", "list", "--json").json()
    assert listed[0]["id"] == insp and listed[0]["status"] == "final"
    r = cli("inspect", "record", insp, photo_item["code"], "--result", "pass")
    assert r.code == 1 and "cannot be changed" in r.err


def test_finalise_refusal_names_the_item(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("points", "import", str(write_points_csv(tmp_path)))
    insp = cli("inspect", "start", "--point", "MR-T1").last_line
    items = cli("inspect", "show", insp, "--json").json()["findings"]
    needing = next(i for i in items if i["needs_photo"])
    cli("inspect", "record", insp, needing["code"], "--result", "problem")
    r = cli("inspect", "finalise", insp)
    assert r.code == 1 and needing["code"] in r.err
    assert cli("inspect", "show", insp, "--json").json()["status"] == "draft"


def test_unknown_ids_are_refused_in_one_line(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("inspect", "show", "0000dead-0000-0000-0000-000000000000")
    assert r.code == 1 and r.err.count("\n") == 1 and "no inspection" in r.err
    r = cli("inspect", "start", "--point", "NOPE")
    assert r.code == 1 and "no point" in r.err


def test_photos_import_places_by_capture_time(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("points", "import", str(write_points_csv(tmp_path)))
    insp = cli("inspect", "start", "--point", "BS-T1").last_line
    time.sleep(1.1)  # EXIF keeps whole seconds: be clearly after the start
    now = datetime.now(ZoneInfo("Asia/Shanghai")).replace(tzinfo=None, microsecond=0)
    folder = tmp_path / "DCIM"
    # the camera clock runs 10 minutes slow
    make_jpeg(folder / "IMG_0001.jpg", taken=now - timedelta(minutes=10))
    make_jpeg(folder / "IMG_0002.jpg")  # no EXIF time: cannot be placed
    make_jpeg(folder / "IMG_0003.jpg", taken=now - timedelta(days=3, minutes=10))
    (folder / "notes.txt").write_text("not a photo")
    dry = cli("photos", "import", str(folder), "--clock-offset", "+00:10:00", "--dry-run", "--json")
    assert dry.code == 0, dry.err
    placed = {r["file"]: r["inspection"] for r in dry.json()}
    assert placed["IMG_0001.jpg"] == insp
    assert placed["IMG_0002.jpg"] is None and placed["IMG_0003.jpg"] is None
    assert cli("inspect", "show", insp, "--json").json()["unplaced_photos"] == []
    r = cli("photos", "import", str(folder), "--clock-offset", "600", "--json")
    result = r.json()
    assert [x["file"] for x in result["imported"]] == ["IMG_0001.jpg"]
    assert {x["file"] for x in result["unplaced"]} >= {"IMG_0002.jpg", "IMG_0003.jpg"}
    assert len(cli("inspect", "show", insp, "--json").json()["unplaced_photos"]) == 1


def test_bad_clock_offset_is_refused(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("photos", "import", str(tmp_path), "--clock-offset", "soon")
    assert r.code == 1 and "clock offset" in r.err


def test_audit_verify_detects_tampering(cli, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("points", "import", str(write_points_csv(tmp_path)))
    insp = cli("inspect", "start", "--point", "FM-T1").last_line
    r = cli("audit", "verify")
    assert r.code == 0 and "intact" in r.out
    # behind the program's back, straight into the database it runs on (either backend)
    store = open_data(data_dir)
    try:
        with store.engine.begin() as con:
            con.execute(
                text("UPDATE audit_events SET actor = 'someone else' WHERE entity_id = :i"),
                {"i": insp},
            )
    finally:
        store.close()
    r = cli("audit", "verify", "--json")
    assert r.code == 1 and r.json()["ok"] is False


def test_demo_fills_a_working_data_folder(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("INSPECTOR_PASSPHRASE", raising=False)
    r = cli("demo", "--photos", "6")
    assert r.code == 0, r.err
    assert "passphrase 'demo'" in r.out
    points = cli("points", "list", "--json").json()
    by_type: dict[str, int] = {}
    for p in points:
        by_type[p["type"]] = by_type.get(p["type"], 0) + 1
    assert len(by_type) == 17 and min(by_type.values()) >= 5
    assert len({p["district"] for p in points}) >= 3
    listed = cli("inspect", "list", "--json").json()
    finals = [i for i in listed if i["status"] == "final" and i["photos"] > 0]
    assert len(finals) >= 2
    drafts = [i for i in listed if i["status"] == "draft"]
    assert len({d["type"] for d in drafts}) >= 2
    assert any(d["problems"] for d in drafts) and all(d["answered"] for d in drafts)
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    assert any(
        datetime.fromisoformat(i["started_at"]).astimezone(ZoneInfo("Asia/Shanghai")).date()
        == today
        for i in listed
    )
    photo = next(
        p
        for f in cli("inspect", "show", finals[0]["id"], "--json").json()["findings"]
        for p in f["photos"]
    )
    assert photo["captured_at"] and photo["gps"]
    # a second run adds to the folder and keeps its one key
    r = cli("demo", "--photos", "2")
    assert r.code == 0 and "made signing key" not in r.out
    assert len(cli("inspect", "list", "--json").json()) == 2 * len(listed)
