"""Briefing documents painted with Qt: the charts and the PDF's writing (atomic, progress,
cancel). The PDF's text layer is checked with poppler in tests/interop."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from inspector_app.core.errors import Cancelled, InputError
from inspector_app.core.store import Store
from inspector_app.reporting import charts
from inspector_app.reporting.pdf import render_pdf
from tests.briefing_samples import group, sample_briefing


def _blue_run(image: QImage, y: int) -> int:
    """How many pixels of row `y` are the score bars' blue."""
    blue = QColor(charts.SCORE_COLOUR)
    return sum(1 for x in range(image.width()) if image.pixelColor(x, y) == blue)


def _rows_with_blue(image: QImage) -> list[int]:
    return [y for y in range(image.height()) if _blue_run(image, y) > 20]


def test_score_bars_are_as_long_as_the_rates(qapp: object) -> None:
    groups = [
        group("金水区", inspections=5, deductions=0, caps=10, found=0, accepted=0, tasks=0,
              rectified=0, overdue=0, rank=1),
        group("长安区", inspections=5, deductions=5, caps=10, found=2, accepted=2, tasks=2,
              rectified=1, overdue=0, rank=2),
        group("龙亭区", inspections=1, deductions=0, caps=0, found=0, accepted=0, tasks=0,
              rectified=0, overdue=0),
    ]  # fmt: skip
    chart = charts.score_chart("得分率", groups)
    assert chart.categories == ("金水区", "长安区")  # no rate, no bar
    image = charts.chart_image(chart, 900, 300)
    rows = _rows_with_blue(image)
    first = _blue_run(image, rows[0] + 2)
    second = _blue_run(image, rows[-1] - 2)
    assert second == pytest.approx(first / 2, abs=3)


def test_count_axis_has_whole_steps() -> None:
    assert charts._axis(43, False) == (50, 5)
    assert charts._axis(3, False) == (3, 3)
    assert charts._axis(0, False) == (1.0, 1)
    assert charts._axis(0.7, True) == (1.0, 4)
    assert charts._axis(1234, False) == (1250, 5)
    assert charts._axis(12, False) == (15, 3)


def test_empty_chart_paints_without_bars(qapp: object) -> None:
    image = charts.chart_image(charts.problems_chart("无", []), 400, 200)
    assert _rows_with_blue(image) == []


def test_pdf_is_written_whole_with_progress(qapp: object, store: Store, tmp_path: Path) -> None:
    b = sample_briefing(store, tmp_path, serious=2, photos_per_problem=2)
    out = tmp_path / "out"
    out.mkdir()
    seen: list[tuple[int, int]] = []
    path = render_pdf(store, b, out / "通报.pdf", progress=lambda d, t: seen.append((d, t)))
    assert path.read_bytes()[:5] == b"%PDF-"
    assert [p.name for p in out.iterdir()] == ["通报.pdf"]
    assert seen[-1] == (5, 5) and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cancelled_pdf_leaves_the_old_file_and_no_temp(
    qapp: object, store: Store, tmp_path: Path
) -> None:
    b = sample_briefing(store, tmp_path, serious=2)
    out = tmp_path / "out"
    out.mkdir()
    old = out / "b.pdf"
    old.write_bytes(b"old")
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done == 2:
            cancel.set()

    with pytest.raises(Cancelled):
        render_pdf(store, b, old, progress=progress, cancel=cancel)
    assert old.read_bytes() == b"old"
    assert [p.name for p in out.iterdir()] == ["b.pdf"]


def test_missing_folder_is_refused(qapp: object, store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        render_pdf(store, sample_briefing(), tmp_path / "nowhere" / "b.pdf")


def test_missing_photo_fails_without_a_file(qapp: object, store: Store, tmp_path: Path) -> None:
    from inspector_app.core.paths import photo_path

    b = sample_briefing(store, tmp_path, serious=1)
    photo_path(store.paths, b.serious[0].photos[1]).unlink()
    with pytest.raises(InputError, match="missing"):
        render_pdf(store, b, tmp_path / "b.pdf")
    assert not (tmp_path / "b.pdf").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".b.pdf")]


def test_xlsx_holds_numbers_as_numbers(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from inspector_app.reporting.xlsx import SHEETS, render_xlsx

    b = sample_briefing(districts=4, units=6, serious=2)
    wb = load_workbook(render_xlsx(b, tmp_path / "b.xlsx"))
    assert wb.sheetnames == list(SHEETS)
    units = wb["责任单位"]
    header = [c.value for c in units[1]]
    rate_col = header.index("得分率")
    rows = list(units.iter_rows(min_row=2, values_only=True))
    assert [r[header.index("责任单位")] for r in rows] == [u.name for u in b.units]
    assert [r[rate_col] for r in rows] == [u.score_rate for u in b.units]
    assert units.cell(row=2, column=rate_col + 1).number_format == "0.0%"
    assert [r[header.index("流动旗")] for r in rows].count("红旗") == len(b.red_flags)
    unranked = rows[-1]
    assert unranked[header.index("排名")] is None and isinstance(unranked[rate_col], float)
    assert units.column_dimensions["B"].width > 20  # the names have room
    summary = {r[0]: r[1] for r in wb["汇总"].iter_rows(min_row=2, values_only=True)}
    assert summary["得分率"] == b.city.score_rate and summary["检查次数"] == b.city.inspections
    serious = list(wb["突出问题"].iter_rows(min_row=2, values_only=True))
    assert [r[3] for r in serious] == [p.point_name for p in b.serious]


def test_docx_has_tables_east_asian_fonts_and_photos(
    qapp: object, store: Store, tmp_path: Path
) -> None:
    import docx
    from docx.oxml.ns import qn

    from inspector_app.reporting.docx import render_docx

    b = sample_briefing(store, tmp_path, serious=2, photos_per_problem=2)
    seen: list[tuple[int, int]] = []
    path = render_docx(store, b, tmp_path / "b.docx", progress=lambda d, t: seen.append((d, t)))
    doc = docx.Document(str(path))
    assert doc.paragraphs[0].text == "创文暗访通报（周报）"
    district_table, unit_table = doc.tables[0], doc.tables[1]
    assert [r.cells[1].text for r in district_table.rows[1:]] == [d.name for d in b.districts]
    assert [r.cells[1].text for r in unit_table.rows[1:]] == [u.name for u in b.units]
    fonts = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "宋体" and fonts.get(qn("w:eastAsiaTheme")) is None
    # three charts and the four photos
    assert len(doc.inline_shapes) == 3 + 4
    assert seen[-1] == (5, 5)


def test_cancelled_docx_leaves_no_file(qapp: object, store: Store, tmp_path: Path) -> None:
    from inspector_app.reporting.docx import render_docx

    b = sample_briefing(store, tmp_path, serious=1)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        render_docx(store, b, tmp_path / "b.docx", cancel=cancel)
    assert not (tmp_path / "b.docx").exists()
