"""`inspector-app briefing`: --json carries compute_briefing's numbers, the text summary
ranks the units with their flags, and a bad period or date is misuse (exit 2, one line)."""

from __future__ import annotations

import sys
import types
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from inspector_app.core.briefing import briefing_to_json, compute_briefing
from inspector_app.core.store import Store
from tests.briefing_data import W47, build
from tests.cli.conftest import run_program


@pytest.fixture
def centre_data(store: Store) -> Store:
    build(store)
    return store


def test_json_has_the_numbers_of_compute_briefing(cli, centre_data: Store) -> None:  # type: ignore[no-untyped-def]
    r = cli("briefing", "--period", "week", "--date", W47.isoformat(), "--json")
    assert r.code == 0 and r.err == ""
    obj = r.json()
    # the same briefing at the same moment (as_of is now: read it back from the output)
    as_of = datetime.fromisoformat(obj["as_of"])
    assert obj == briefing_to_json(compute_briefing(centre_data, "week", W47, as_of=as_of))
    assert obj["period"]["label"] == "2026-W47"
    assert obj["city"]["inspections"] == 14 and obj["city"]["deductions"] == 23
    assert obj["red_flags"] == ["甲单位"] and obj["yellow_flags"] == ["戊单位"]


def test_text_summary_lists_city_and_ranked_units_with_flags(cli, centre_data: Store) -> None:  # type: ignore[no-untyped-def]
    r = cli("briefing", "--period", "week", "--date", "2026-11-22")
    assert r.code == 0
    out = r.out
    assert "Briefing 2026-W47 (2026-11-16 – 2026-11-22, Asia/Shanghai)" in out
    # city: 1 − 23/140 = 83.6 %; W46 was 33/35 = 94.3 %: −15/140 = −10.7 points
    assert "14 inspections at 6 points" in out and "83.6 % (2026-W46: 94.3 %, -10.7 pts)" in out
    units = [line for line in out.splitlines() if "单位" in line and "flag:" not in line]
    assert [line.split()[:2] for line in units] == [
        ["1", "甲单位"],
        ["2", "丙单位"],
        ["2", "乙单位"],
        ["4", "戊单位"],
        ["-", "丁单位"],  # two inspections: listed, not ranked
    ]
    assert units[0].endswith("RED FLAG") and units[3].endswith("YELLOW FLAG")
    assert "FLAG" not in units[4]
    assert "Red flag: 甲单位" in out and "Yellow flag: 戊单位" in out


def test_a_day_and_a_month(cli, centre_data: Store) -> None:  # type: ignore[no-untyped-def]
    day = cli("briefing", "--period", "day", "--date", "2026-11-22", "--json").json()
    assert (day["period"]["label"], day["city"]["inspections"]) == ("2026-11-22", 1)
    month = cli("briefing", "--period", "month", "--date", "2026-11-30", "--json").json()
    assert (month["period"]["label"], month["city"]["inspections"]) == ("2026-11", 22)


def test_documents_are_written_by_the_reporting_modules(  # type: ignore[no-untyped-def]
    cli, centre_data: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: dict[str, tuple[Any, ...]] = {}
    for kind in ("pdf", "docx", "xlsx"):
        module = types.ModuleType(f"inspector_app.reporting.{kind}")

        def render(*args: Any, _kind: str = kind) -> None:
            calls[_kind] = args

        setattr(module, f"render_{kind}", render)
        monkeypatch.setitem(sys.modules, module.__name__, module)
    files = {kind: tmp_path / f"briefing.{kind}" for kind in ("pdf", "docx", "xlsx")}
    r = cli(
        "briefing", "--period", "week", "--date", "2026-11-18",
        "--pdf", str(files["pdf"]), "--docx", str(files["docx"]), "--xlsx", str(files["xlsx"]),
    )  # fmt: skip
    assert r.code == 0
    assert r.out.splitlines()[-3:] == [f"written: {files[k]}" for k in ("pdf", "docx", "xlsx")]
    store, briefing, path = calls["pdf"]
    assert isinstance(store, Store) and path == files["pdf"]
    assert calls["docx"][1:] == (briefing, files["docx"])
    assert calls["xlsx"] == (briefing, files["xlsx"])  # the workbook needs no store
    assert briefing.period.label == "2026-W47" and briefing.red_flags == ("甲单位",)
    # without an option, no document is rendered
    calls.clear()
    cli("briefing", "--period", "week", "--date", "2026-11-18", "--json")
    assert calls == {}


def test_real_workbook_and_document(cli, centre_data: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import docx
    import openpyxl

    xlsx, doc = tmp_path / "b.xlsx", tmp_path / "b.docx"
    week = ("briefing", "--period", "week", "--date", "2026-11-18")
    assert cli(*week, "--xlsx", str(xlsx), "--docx", str(doc)).code == 0
    book = openpyxl.load_workbook(xlsx)
    cells = {c.value for ws in book.worksheets for row in ws.iter_rows() for c in row}
    assert {"甲单位", "戊单位", "红旗区"} <= cells
    document = docx.Document(str(doc))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert {"甲单位", "戊单位", "红旗区"} <= set(texts)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--period", "year", "--date", "2026-11-18"], "--period must be day, week or month"),
        (["--period", "week", "--date", "2026-13-01"], "--date must be a calendar date"),
        (["--period", "week", "--date", "2026-02-30"], "--date must be a calendar date"),
        (["--period", "week", "--date", "20261118"], "--date must be a calendar date"),
        (["--period", "week", "--date", "next monday"], "--date must be a calendar date"),
    ],
)
def test_bad_period_or_date_is_misuse_in_one_line(cli, args: list[str], words: str) -> None:  # type: ignore[no-untyped-def]
    r = cli("briefing", *args, "--json")
    assert r.code == 2 and r.out == ""
    [line] = r.err.strip().splitlines()
    assert line.startswith("error: ") and words in line


def test_as_a_real_program(tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = run_program(
        "--data-dir", str(tmp_path / "d"), "briefing", "--period", "week", "--date", "2026-11-18"
    )
    assert r.code == 0 and "0 inspections at 0 points" in r.out
    assert "Red flag: none" in r.out
    r = run_program("briefing", "--period", "fortnight", "--date", "2026-11-18")
    assert r.code == 2 and r.err.count("\n") == 1 and "fortnight" in r.err
