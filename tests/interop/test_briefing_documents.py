"""The briefing's documents read by programs no one here wrote: poppler (pdfinfo, pdftoppm,
pdftotext) for the PDF, python-docx and LibreOffice for the DOCX, LibreOffice (to CSV) for
the XLSX. Place names must come out of the PDF exactly: no look-alike radicals (DESIGN §12).
"""

from __future__ import annotations

import csv
import math
import os
import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from inspector_app.core.briefing import Briefing, briefing_to_json, compute_briefing
from inspector_app.core.store import Store
from tests.briefing_samples import sample_briefing
from tests.conftest import require_tool

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

LO_TIMEOUT = 180
#: Kangxi radicals and the CJK radicals supplement: never in a place name
RADICALS = range(0x2E80, 0x2FE0)


def _run(*args: str, timeout: float = 60) -> str:
    done = subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, f"{args[0]} failed: {done.stderr.strip()}"
    return done.stdout


def _soffice(tmp: Path, target: str, source: Path, outdir: Path) -> None:
    """LibreOffice headless with a throwaway profile (never the user's), bounded in time."""
    soffice = require_tool("soffice")
    profile = (tmp / "lo-profile").as_uri()
    _run(
        soffice,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--norestore",
        "--convert-to",
        target,
        "--outdir",
        str(outdir),
        str(source),
        timeout=LO_TIMEOUT,
    )


def _pdf_text(path: Path) -> str:
    return _run(require_tool("pdftotext"), "-enc", "UTF-8", str(path), "-")


def _names(b: Briefing) -> list[str]:
    return [g.name for g in b.districts] + [g.name for g in b.units]


def _assert_names_exact(text: str, b: Briefing) -> None:
    missing = [name for name in _names(b) if name not in text]
    assert missing == []
    radicals = sorted({ch for ch in text if ord(ch) in RADICALS})
    assert radicals == [], f"look-alike radicals in the text layer: {radicals}"


@pytest.fixture
def hand_made(qapp: object, store: Store, tmp_path: Path) -> tuple[Store, Briefing]:
    return store, sample_briefing(store, tmp_path, districts=8, units=12, serious=3, rounds=2)


def _round_with_received(store: Store, today: date, codes: list[str], received: int) -> str:
    """A round over the days around `today`, assigned to `codes`, with `received` of its
    points linked to an imported inspection of that point (as a bundle brings them)."""
    from sqlalchemy import select

    from inspector_app.core import rounds
    from inspector_app.core.db.models import Inspection, Point

    info = rounds.create_round(
        store, name="本月暗访抽查", starts_on=today - timedelta(days=2),
        ends_on=today + timedelta(days=4), per_type=2, exclude_recent_days=0, seed="docs",
    )  # fmt: skip
    board = rounds.assign_round(store, info.id, codes)
    linked = 0
    with store.write() as s:
        for a in board.assignments:
            insp = s.scalars(
                select(Inspection)
                .join(Point, Point.id == Inspection.point_id)
                .where(Point.code == a.point_code, Inspection.origin_bundle_id.is_not(None))
                .limit(1)
            ).first()
            if insp is not None and linked < received:
                insp.round_id, insp.assignment_id = info.id, a.id
                linked += 1
    assert linked == received
    return info.id


@pytest.fixture
def computed(qapp: object, store: Store) -> tuple[Store, Briefing]:
    """A briefing computed from imported data, with real photo files and a covert round."""
    from inspector_app.core.centre_demo import build_centre_data

    data = build_centre_data(store, findings=1500, photo_files=True, seed=5)
    _round_with_received(store, data.today, [code for _k, _n, code in data.inspectors], 3)
    return store, compute_briefing(store, "month", data.today, serious_limit=4)


def test_pdf_opens_renders_and_gives_names_exactly(
    hand_made: tuple[Store, Briefing], tmp_path: Path
) -> None:
    from inspector_app.reporting.pdf import render_pdf

    store, b = hand_made
    pdf = render_pdf(store, b, tmp_path / "briefing.pdf")
    info = _run(require_tool("pdfinfo"), str(pdf))
    assert "Page size:       595 x 842 pts (A4)" in info or "595.276 x 841.89" in info
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages >= 2
    _run(require_tool("pdftoppm"), "-png", "-r", "40", str(pdf), str(tmp_path / "page"))
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == pages and all(p.stat().st_size > 2000 for p in pngs)
    text = _pdf_text(pdf)
    _assert_names_exact(text, b)
    assert "创文暗访通报" in text and "2026年第47周" in text
    assert "红旗" in text and "黄旗" in text
    for p in b.serious:
        assert p.point_name in text
    # the covert rounds' section: each round by name, its completion as the JSON has it
    assert "五、暗访轮次完成情况" in text
    for r in briefing_to_json(b)["rounds"]:
        assert r["name"] in text and f"{r['completion'] * 100:.1f}%" in text


def test_computed_briefing_documents(computed: tuple[Store, Briefing], tmp_path: Path) -> None:
    """End to end: figures computed from imported data, then all three documents."""
    from inspector_app.reporting.docx import render_docx
    from inspector_app.reporting.pdf import render_pdf
    from inspector_app.reporting.xlsx import render_xlsx

    store, b = computed
    assert b.units and any(p.photos for p in b.serious)
    assert [r.total.name for r in b.rounds] == ["本月暗访抽查"] and b.rounds[0].total.received == 3
    text = _pdf_text(render_pdf(store, b, tmp_path / "b.pdf"))
    _assert_names_exact(text, b)
    assert "本月暗访抽查" in text
    out = tmp_path / "lo"
    _soffice(tmp_path, "pdf", render_docx(store, b, tmp_path / "b.docx"), out)
    text = _pdf_text(out / "b.pdf")
    _assert_names_exact(text, b)
    assert "本月暗访抽查" in text
    _check_csv(_xlsx_as_csv(tmp_path, render_xlsx(b, tmp_path / "b.xlsx")), b)


def test_docx_opens_in_python_docx_and_libreoffice(
    hand_made: tuple[Store, Briefing], tmp_path: Path
) -> None:
    import docx

    from inspector_app.reporting.docx import render_docx

    store, b = hand_made
    path = render_docx(store, b, tmp_path / "briefing.docx")
    doc = docx.Document(str(path))
    assert len(doc.tables) >= 2 and len(doc.inline_shapes) == 3 + 2 * len(b.serious)
    out = tmp_path / "lo"
    _soffice(tmp_path, "pdf", path, out)
    converted = out / "briefing.pdf"
    assert converted.read_bytes()[:5] == b"%PDF-"
    text = _pdf_text(converted)
    assert "创文暗访通报" in text
    missing = [name for name in _names(b) if name not in text]
    assert missing == []


# --- the workbook through LibreOffice's CSV ---------------------------------------------------


def _xlsx_as_csv(tmp: Path, xlsx: Path) -> dict[str, list[list[str]]]:
    """Every sheet as CSV rows, the cells' values rather than their display (percent
    cells keep their % sign and full precision)."""
    out = tmp / "csv"
    # separator, quote, UTF-8, from line 1, -, -, -, -, values not as shown, -, -, all sheets
    _soffice(tmp, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
             xlsx, out)  # fmt: skip
    sheets = {}
    for path in out.glob(f"{xlsx.stem}-*.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            sheets[path.stem.removeprefix(f"{xlsx.stem}-")] = list(csv.reader(f))
    return sheets


def _number(cell: str) -> float | None:
    if cell == "":
        return None
    return float(cell[:-1]) / 100 if cell.endswith("%") else float(cell)


def _same(cell: str, expected: Any) -> bool:
    value = _number(cell)
    if expected is None or value is None:
        return value is None and expected is None
    return math.isclose(value, float(expected), rel_tol=1e-12, abs_tol=1e-12)


GROUP_FIELDS = {
    "排名": "rank",
    "检查点位": "points",
    "检查次数": "inspections",
    "扣分": "deductions",
    "应得分": "caps",
    "得分率": "score_rate",
    "上期得分率": "previous_score_rate",
    "较上期": "score_change",
    "发现问题": "problems_found",
    "确认问题": "problems_accepted",
    "待审核": "pending_review",
    "整改任务": "tasks",
    "已整改": "rectified",
    "整改率": "rectification_rate",
    "逾期": "overdue",
}
SUMMARY_FIELDS = {
    k: v for k, v in GROUP_FIELDS.items() if k not in ("排名", "上期得分率", "较上期")
}
SUMMARY_FIELDS |= {"上期得分率": "previous_score_rate", "得分率变化": "score_change"}


def _check_csv(sheets: dict[str, list[list[str]]], b: Briefing) -> None:
    data = briefing_to_json(b)  # the numbers of `briefing --json`
    expected = ["汇总", "各区县", "责任单位", "突出问题"] + (
        ["轮次完成情况"] if data["rounds"] else []
    )
    assert sorted(sheets) == sorted(expected)
    for sheet, key, name_col in (
        ("各区县", "districts", "区县"),
        ("责任单位", "units", "责任单位"),
    ):
        header, *rows = sheets[sheet]
        assert len(rows) == len(data[key])
        for row, group in zip(rows, data[key], strict=True):
            cells = dict(zip(header, row, strict=True))
            assert cells[name_col] == group["name"]
            wrong = {
                h: (cells[h], group[f])
                for h, f in GROUP_FIELDS.items()
                if not _same(cells[h], group[f])
            }
            assert wrong == {}, f"{sheet} {group['name']}: {wrong}"
    summary = {row[0]: row[1] for row in sheets["汇总"][1:]}
    wrong = {h: (summary[h], data["city"][f]) for h, f in SUMMARY_FIELDS.items()
             if not _same(summary[h], data["city"][f])}  # fmt: skip
    assert wrong == {}
    header, *rows = sheets["突出问题"]
    assert [r[header.index("点位")] for r in rows] == [p["point_name"] for p in data["serious"]]
    assert all(
        _same(r[header.index("扣分")], p["deduction"])
        for r, p in zip(rows, data["serious"], strict=True)
    )
    if data["rounds"]:
        _check_rounds(sheets["轮次完成情况"], data["rounds"])


ROUND_FIELDS = {
    "抽取点位": "points",
    "已分配": "assigned",
    "已收到": "received",
    "完成率": "completion",
    "逾期": "overdue",
}


def _check_rounds(sheet: list[list[str]], rounds: list[dict[str, Any]]) -> None:
    """A line per round (区县 合计) followed by its districts' lines, the JSON's numbers."""
    header, *rows = sheet
    expected = []
    for r in rounds:
        expected.append((r["name"], "合计", r))
        expected += [(r["name"], d["name"], d) for d in r["districts"]]
    assert len(rows) == len(expected)
    for row, (name, district, figures) in zip(rows, expected, strict=True):
        cells = dict(zip(header, row, strict=True))
        assert (cells["轮次"], cells["区县"]) == (name, district)
        assert (cells["开始日期"], cells["结束日期"]) == (
            next(r["from"] for r in rounds if r["name"] == name),
            next(r["to"] for r in rounds if r["name"] == name),
        )
        wrong = {h: (cells[h], figures[f]) for h, f in ROUND_FIELDS.items()
                 if not _same(cells[h], figures[f])}  # fmt: skip
        assert wrong == {}, f"{name} {district}: {wrong}"


def test_xlsx_in_libreoffice_has_the_briefing_numbers(tmp_path: Path) -> None:
    from inspector_app.reporting.xlsx import render_xlsx

    b = sample_briefing(districts=8, units=12, serious=3, rounds=2)
    _check_csv(_xlsx_as_csv(tmp_path, render_xlsx(b, tmp_path / "briefing.xlsx")), b)


def test_a_briefing_without_rounds_has_no_rounds_section_or_sheet(
    qapp: object, store: Store, tmp_path: Path
) -> None:
    import docx
    import openpyxl

    from inspector_app.reporting.docx import render_docx
    from inspector_app.reporting.pdf import render_pdf
    from inspector_app.reporting.xlsx import render_xlsx

    b = sample_briefing(districts=3, units=3, serious=1)
    assert b.rounds == ()
    assert "暗访轮次" not in _pdf_text(render_pdf(store, b, tmp_path / "b.pdf"))
    paragraphs = docx.Document(str(render_docx(store, b, tmp_path / "b.docx"))).paragraphs
    assert not any("暗访轮次" in p.text for p in paragraphs)
    assert openpyxl.load_workbook(render_xlsx(b, tmp_path / "b.xlsx")).sheetnames == [
        "汇总", "各区县", "责任单位", "突出问题",
    ]  # fmt: skip
