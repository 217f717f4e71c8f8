"""The briefing as a DOCX document (python-docx) for the office to edit in Word or WPS before
circulating: the same content as the PDF, as real headings, paragraphs and tables, the
charts as pictures and the serious problems' watermarked photos.

Word picks a run's font by script: Latin text takes `w:ascii`, Chinese takes `w:eastAsia`,
and a theme font attribute overrides both. Every style used here therefore names its fonts
explicitly (宋体 for the body, 黑体 for headings, which Word and WPS on Chinese systems have;
LibreOffice substitutes its own CJK font) and carries no theme fonts, and the document's
East Asian language is zh-CN.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle
from PySide6.QtCore import QBuffer, QByteArray, QIODevice

from inspector_app.core.briefing import Briefing
from inspector_app.core.errors import InputError
from inspector_app.core.fsutil import write_file_atomically
from inspector_app.core.photos import CancelToken
from inspector_app.core.store import Store
from inspector_app.core.watermark import problem_photos
from inspector_app.reporting import charts, content
from inspector_app.reporting.content import Column

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
LATIN_FONT = "Times New Roman"
TEXT_WIDTH_CM = 17.0  # A4 less 2 cm margins
PHOTO_WIDTH_CM = 8.0
CHART_DPI = 200
#: the long edge of a photo in the document: 8 cm at 300 dpi is under 1000 px
PHOTO_EDGE = 1200
FLAG_RGB = {"红旗": RGBColor(0xC6, 0x28, 0x28), "黄旗": RGBColor(0xA8, 0x6B, 0x00)}
Row = TypeVar("Row")


def _set_fonts(style: BaseStyle, east_asian: str, size: float | None = None) -> None:
    """Name the style's fonts for every script, without theme fonts that would win."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:hint"), "eastAsia")
    font = style.font  # type: ignore[attr-defined]
    if size is not None:
        font.size = Pt(size)
    font.color.rgb = RGBColor(0, 0, 0)


def _document() -> DocumentObject:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    styles = doc.styles
    _set_fonts(styles["Normal"], BODY_FONT, 10.5)
    _set_fonts(styles["Title"], HEADING_FONT, 20)
    _set_fonts(styles["Heading 1"], HEADING_FONT, 14)
    _set_fonts(styles["Heading 2"], HEADING_FONT, 11.5)
    # the East Asian language of the whole document: Word's line breaking and spelling
    rpr_default = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")
    return doc


def _table(
    doc: DocumentObject,
    columns: Sequence[Column[Row]],
    groups: Sequence[Row],
    note_text: str = content.TABLE_NOTE,
) -> None:
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    scale = TEXT_WIDTH_CM / sum(c.width for c in columns)
    widths = [Cm(c.width * scale) for c in columns]
    # fixed widths: Word takes the cells', LibreOffice the grid's
    table.autofit = False
    # narrow cell margins (0.08 cm): figures such as 11/20 or 64.3% stay on one line
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "45")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.append(margins)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width

    def fill(cells: Sequence[object], texts: Sequence[str], *, bold: bool) -> None:
        for cell, text, width, col in zip(cells, texts, widths, columns, strict=True):
            cell.width = width  # type: ignore[attr-defined]
            para = cell.paragraphs[0]  # type: ignore[attr-defined]
            para.alignment = (
                WD_ALIGN_PARAGRAPH.LEFT
                if col.align_left and not bold
                else WD_ALIGN_PARAGRAPH.CENTER
            )
            run = para.add_run(text)
            run.font.size = Pt(8.5)
            run.bold = bold or text in FLAG_RGB
            if text in FLAG_RGB:
                run.font.color.rgb = FLAG_RGB[text]

    fill(table.rows[0].cells, [c.header for c in columns], bold=True)
    # the header row repeats on every page the table spans
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    for g in groups:
        fill(table.add_row().cells, [c.text(g) for c in columns], bold=False)
    note = doc.add_paragraph()
    run = note.add_run(note_text)
    run.font.size = Pt(8)


def _png(chart: charts.BarChart) -> bytes:
    row_mm = 4.2 * len(chart.series) + 1.2
    height_mm = min(charts.natural_height(chart, row_mm), 230)
    px = CHART_DPI / 25.4
    image = charts.chart_image(
        chart, round(TEXT_WIDTH_CM * 10 * px), round(height_mm * px), dpi=CHART_DPI
    )
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the binding takes str
    buffer.close()
    return bytes(data.data())


def _chart(doc: DocumentObject, chart: charts.BarChart) -> None:
    if chart.categories:
        doc.add_picture(io.BytesIO(_png(chart)), width=Cm(TEXT_WIDTH_CM))


def document(
    store: Store,
    b: Briefing,
    progress: Callable[[int, int], None] | None = None,
    cancel: CancelToken | None = None,
) -> DocumentObject:
    """The briefing's document, in memory."""
    steps = content.Steps(b, progress, cancel)
    doc = _document()
    doc.core_properties.title = f"{content.title(b)} {content.period_text(b)}"
    doc.core_properties.author = "Inspector"
    doc.add_paragraph(content.title(b), style="Title").alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(content.subtitle(b)).alignment = WD_ALIGN_PARAGRAPH.CENTER

    doc.add_heading("一、总体情况", level=1)
    for line in content.city_lines(b):
        doc.add_paragraph(line)
    doc.add_heading("二、各区县情况", level=1)
    _table(doc, content.DISTRICT_COLUMNS, b.districts)
    _chart(doc, charts.score_chart("各区县得分率", b.districts))
    doc.add_heading("三、责任单位情况", level=1)
    _table(doc, content.UNIT_COLUMNS, b.units)
    _chart(doc, charts.score_chart("责任单位得分率", b.units))
    _chart(doc, charts.problems_chart("责任单位发现问题与整改", b.units))
    steps.step()

    doc.add_heading("四、突出问题", level=1)
    if not b.serious:
        doc.add_paragraph("本期无问题。")
    for i, problem in enumerate(b.serious, 1):
        doc.add_heading(content.problem_heading(i, problem), level=2)
        for line in content.problem_lines(b, problem):
            doc.add_paragraph(line)
        photos = problem_photos(store, problem, long_edge=PHOTO_EDGE)
        if photos:
            # a borderless grid, two photos a row: side by side in Word, WPS and LibreOffice
            grid = doc.add_table(rows=(len(photos) + 1) // 2, cols=2)
            grid.alignment = WD_TABLE_ALIGNMENT.CENTER
            for k, data in enumerate(photos):
                cell = grid.cell(k // 2, k % 2)
                cell.width = Cm(TEXT_WIDTH_CM / 2)
                run = cell.paragraphs[0].add_run()
                run.add_picture(io.BytesIO(data), width=Cm(PHOTO_WIDTH_CM))
                steps.step()
    # a briefing without any round has no such section
    if b.rounds:
        doc.add_heading(f"五、{content.ROUNDS_HEADING}", level=1)
        _table(doc, content.ROUND_COLUMNS, content.round_rows(b), content.ROUNDS_NOTE)
    return doc


def render_docx(
    store: Store,
    briefing: Briefing,
    path: Path,
    progress: Callable[[int, int], None] | None = None,
    cancel: CancelToken | None = None,
) -> Path:
    """Write the document at `path` (replacing it whole, or not at all); progress and
    cancel as for the PDF."""
    path = Path(path)
    if not path.parent.is_dir():
        raise InputError(f"{path.parent}: the folder for the document does not exist")
    out = io.BytesIO()
    document(store, briefing, progress, cancel).save(out)
    content.Steps(briefing, None, cancel).check()
    write_file_atomically(path, out.getvalue())
    return path
