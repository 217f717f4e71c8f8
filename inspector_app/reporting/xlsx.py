"""The briefing as an XLSX workbook (openpyxl): one sheet per table (summary, districts,
units, serious problems, and the covert rounds when the period has any), a header row,
numbers as numbers (rates as fractions shown with a percent format, so a sheet computes with
the exact figures of `briefing --json`)."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from inspector_app.core.briefing import Briefing
from inspector_app.core.errors import InputError
from inspector_app.core.fsutil import write_file_atomically
from inspector_app.reporting import content

SHEETS = ("汇总", "各区县", "责任单位", "突出问题")
ROUNDS_SHEET = "轮次完成情况"
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="E8ECF2")


def _display_width(value: object) -> int:
    """Characters as a spreadsheet column counts them: a CJK character is two wide."""
    text = str(value) if value is not None else ""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _sheet(
    ws: Worksheet,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    formats: Sequence[str | None],
) -> None:
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for row in rows:
        ws.append(list(row))
    for col, fmt in enumerate(formats, 1):
        if fmt is None:
            continue
        for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            if isinstance(cell.value, int | float):
                cell.number_format = fmt
    for col, header in enumerate(headers, 1):
        widest = max([_display_width(header)] + [_display_width(r[col - 1]) for r in rows])
        ws.column_dimensions[get_column_letter(col)].width = min(60, max(8, widest + 2))
    ws.freeze_panes = "A2"


def workbook(b: Briefing) -> Workbook:
    """The briefing's workbook, in memory."""
    wb = Workbook()
    summary = wb.active
    assert summary is not None  # a new workbook has one sheet
    summary.title = SHEETS[0]
    rows = content.summary_rows(b)
    _sheet(
        summary,
        ("项目", "数值"),
        [(label, value) for label, value, _ in rows],
        (None, None),
    )
    for i, (_, value, fmt) in enumerate(rows, 2):
        if fmt is not None and isinstance(value, int | float):
            summary.cell(row=i, column=2).number_format = fmt
    for title, groups, flags in ((SHEETS[1], b.districts, False), (SHEETS[2], b.units, True)):
        cols = content.xlsx_columns(flags)
        _sheet(
            wb.create_sheet(title),
            [c.header for c in cols],
            [[c.value(g) for c in cols] for g in groups],
            [c.number_format for c in cols],
        )
    _sheet(
        wb.create_sheet(SHEETS[3]),
        [h for h, _, _ in content.SERIOUS_HEADERS],
        [content.serious_row(b, i, p) for i, p in enumerate(b.serious, 1)],
        [f for _, _, f in content.SERIOUS_HEADERS],
    )
    if b.rounds:
        round_cols = content.ROUND_XLSX_COLUMNS
        _sheet(
            wb.create_sheet(ROUNDS_SHEET),
            [c.header for c in round_cols],
            [[c.value(r) for c in round_cols] for r in content.round_rows(b)],
            [c.number_format for c in round_cols],
        )
    return wb


def render_xlsx(briefing: Briefing, path: Path) -> Path:
    """Write the workbook at `path` (replacing it whole, or not at all)."""
    path = Path(path)
    if not path.parent.is_dir():
        raise InputError(f"{path.parent}: the folder for the workbook does not exist")
    out = io.BytesIO()
    workbook(briefing).save(out)
    write_file_atomically(path, out.getvalue())
    return path
