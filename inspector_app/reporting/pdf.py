"""The briefing as an A4 PDF, painted with QPdfWriter and QPainter (QtGui only): title and
period, the city's figures, the district and unit tables with ranks and flags, charts, and
the most serious problems with their watermarked photos.

Qt needs a QGuiApplication for fonts: `reporting.fonts.ensure_gui()` makes an offscreen one
when the process has none (the command line); the window has its own. The text is set in
the shipped report font, embedded as a subset, so the text layer (copy-paste, pdftotext)
holds the same characters as the page. The file is written to a temporary name beside
`path` and renamed when complete: a failed or cancelled render leaves no file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from inspector_app.core.briefing import RED, YELLOW, Briefing
from inspector_app.core.errors import InputError
from inspector_app.core.fsutil import fsync_dir, fsync_file
from inspector_app.core.photos import CancelToken
from inspector_app.core.store import Store
from inspector_app.core.watermark import problem_photos
from inspector_app.reporting import charts, content
from inspector_app.reporting.content import Column
from inspector_app.reporting.fonts import ensure_gui, report_font

DPI = 300
PAGE_W, PAGE_H = 210.0, 297.0  # A4, mm
MARGIN = 16.0
CONTENT_W = PAGE_W - 2 * MARGIN
FOOTER = 10.0
#: the long edge of a photo in the PDF: 85 mm wide at 300 dpi is 1000 px
PHOTO_EDGE = 1000
FLAG_COLOURS = {RED: "#c62828", YELLOW: "#a86b00"}
HEADER_FILL = "#e8ecf2"
STRIPE_FILL = "#f6f7f9"

Progress = Callable[[int, int], None]
Row = TypeVar("Row")


def _mm(value: float) -> float:
    return value * DPI / 25.4


class _Canvas:
    """A page cursor in millimetres over the painter; new pages as the content needs."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, running_title: str) -> None:
        self.writer = writer
        self.p = painter
        self.running_title = running_title
        self.page = 1
        self.y = MARGIN
        self._footer()

    def _footer(self) -> None:
        self.p.setFont(report_font(7.5))
        self.p.setPen(QColor("#666666"))
        rect = QRectF(_mm(MARGIN), _mm(PAGE_H - FOOTER), _mm(CONTENT_W), _mm(5))
        self.p.drawText(rect, int(Qt.AlignmentFlag.AlignLeft), self.running_title)
        self.p.drawText(rect, int(Qt.AlignmentFlag.AlignRight), f"第 {self.page} 页")
        self.p.setPen(QColor("#000000"))

    @property
    def bottom(self) -> float:
        return PAGE_H - FOOTER - 3

    def room(self, height: float) -> None:
        """Start a new page unless `height` mm still fit on this one."""
        if self.y + height > self.bottom:
            self.writer.newPage()
            self.page += 1
            self.y = MARGIN
            self._footer()

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(_mm(x), _mm(y), _mm(w), _mm(h))

    def text(
        self,
        text: str,
        size: float,
        *,
        bold: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        after: float = 1.5,
        colour: str = "#000000",
    ) -> None:
        """A paragraph, wrapped to the content width."""
        font = report_font(size, bold=bold)
        self.p.setFont(font)
        self.p.setPen(QColor(colour))
        fm = QFontMetricsF(font, self.writer)
        flags = int(align | Qt.TextFlag.TextWordWrap)
        bounds = fm.boundingRect(QRectF(0, 0, _mm(CONTENT_W), 1e6), flags, text)
        height = bounds.height() * 25.4 / DPI
        self.room(height)
        self.p.drawText(self.rect(MARGIN, self.y, CONTENT_W, height + 1), flags, text)
        self.y += height + after

    def section(self, heading: str) -> None:
        """A section heading, on a new page unless some of what follows fits below it."""
        self.room(40)
        self.text(heading, 13, bold=True, after=2)

    def cell(
        self, rect: QRectF, text: str, font: QFont, *, left: bool = False, colour: str = "#000"
    ) -> None:
        """One table cell's text on one line, smaller when it would not fit (never cut)."""
        pad = _mm(1.2)
        fm = QFontMetricsF(font, self.writer)
        advance = fm.horizontalAdvance(text)
        room = rect.width() - 2 * pad
        if advance > room > 0:
            font = QFont(font)
            font.setPointSizeF(font.pointSizeF() * room / advance)
        self.p.setFont(font)
        self.p.setPen(QColor(colour))
        align = Qt.AlignmentFlag.AlignLeft if left else Qt.AlignmentFlag.AlignHCenter
        self.p.drawText(
            rect.adjusted(pad, 0, -pad, 0), int(align | Qt.AlignmentFlag.AlignVCenter), text
        )


def _table(
    c: _Canvas,
    columns: Sequence[Column[Row]],
    groups: Sequence[Row],
    note: str = content.TABLE_NOTE,
) -> None:
    scale = CONTENT_W / sum(col.width for col in columns)
    widths = [col.width * scale for col in columns]
    head_h, row_h = 8.0, 6.2
    font = report_font(8)
    head_font = report_font(8, bold=True)

    def header() -> None:
        x = MARGIN
        c.p.fillRect(c.rect(MARGIN, c.y, CONTENT_W, head_h), QColor(HEADER_FILL))
        for col, w in zip(columns, widths, strict=True):
            c.cell(c.rect(x, c.y, w, head_h), col.header, head_font)
            x += w
        c.y += head_h

    c.room(head_h + row_h)
    header()
    for i, g in enumerate(groups):
        if c.y + row_h > c.bottom:
            c.room(head_h + row_h)
            header()
        if i % 2:
            c.p.fillRect(c.rect(MARGIN, c.y, CONTENT_W, row_h), QColor(STRIPE_FILL))
        x = MARGIN
        for col, w in zip(columns, widths, strict=True):
            text = col.text(g)
            flag = col.flag(g) if col.flag is not None else None
            flagged = flag in FLAG_COLOURS
            c.cell(
                c.rect(x, c.y, w, row_h),
                text,
                head_font if flagged else font,
                left=col.align_left,
                colour=FLAG_COLOURS[flag or ""] if flagged else "#000",
            )
            x += w
        c.y += row_h
    rule = c.rect(MARGIN, c.y, CONTENT_W, 0)
    c.p.setPen(QColor("#9aa3ad"))
    c.p.drawLine(rule.topLeft(), rule.topRight())
    c.y += 1.5
    c.text(note, 7.5, colour="#555555", after=4)


def _chart(c: _Canvas, chart: charts.BarChart) -> None:
    if not chart.categories:
        return
    row = 4.2 * len(chart.series) + 1.2
    height = min(charts.natural_height(chart, row), c.bottom - MARGIN)
    c.room(height)
    charts.paint_chart(c.p, c.rect(MARGIN, c.y, CONTENT_W, height), chart)
    c.y += height + 4


PHOTO_GAP = 4.0
PHOTO_W = (CONTENT_W - PHOTO_GAP) / 2
PHOTO_MAX_H = 95.0


def _photo_heights(pair: Sequence[QImage]) -> list[float]:
    return [min(PHOTO_W * im.height() / max(1, im.width()), PHOTO_MAX_H) for im in pair]


def _photos(c: _Canvas, images: list[QImage]) -> None:
    """Two photos side by side per row, each kept at its own aspect ratio."""
    gap, w = PHOTO_GAP, PHOTO_W
    for k in range(0, len(images), 2):
        pair = images[k : k + 2]
        heights = _photo_heights(pair)
        h = max(heights)
        c.room(h + 3)
        for j, (im, ih) in enumerate(zip(pair, heights, strict=True)):
            iw = min(w, ih * im.width() / max(1, im.height()))
            c.p.drawImage(c.rect(MARGIN + j * (w + gap), c.y, iw, ih), im)
        c.y += h + 3


def _paint(
    c: _Canvas,
    store: Store,
    b: Briefing,
    progress: Progress | None,
    cancel: CancelToken | None,
) -> None:
    steps = content.Steps(b, progress, cancel)
    c.text(content.title(b), 20, bold=True, align=Qt.AlignmentFlag.AlignHCenter, after=2)
    c.text(content.subtitle(b), 10.5, align=Qt.AlignmentFlag.AlignHCenter, after=6)
    c.section("一、总体情况")
    for line in content.city_lines(b):
        c.text(line, 10, after=1.5)
    c.y += 3

    c.section("二、各区县情况")
    _table(c, content.DISTRICT_COLUMNS, b.districts)
    _chart(c, charts.score_chart("各区县得分率", b.districts))

    c.section("三、责任单位情况")
    _table(c, content.UNIT_COLUMNS, b.units)
    _chart(c, charts.score_chart("责任单位得分率", b.units))
    _chart(c, charts.problems_chart("责任单位发现问题与整改", b.units))
    steps.step()

    c.section("四、突出问题")
    if not b.serious:
        c.text("本期无问题。", 10)
    for i, problem in enumerate(b.serious, 1):
        images = []
        for data in problem_photos(store, problem, long_edge=PHOTO_EDGE):
            images.append(QImage.fromData(data))
            steps.step()
        # the heading, its lines and the first row of photos stay on one page
        c.room(30 + max(_photo_heights(images[:2]), default=0.0))
        c.text(content.problem_heading(i, problem), 11, bold=True, after=1)
        for line in content.problem_lines(b, problem):
            c.text(line, 9, after=0.8)
        c.y += 1.5
        _photos(c, images)
        c.y += 2

    # a briefing without any round has no such section
    if b.rounds:
        c.section(f"五、{content.ROUNDS_HEADING}")
        _table(c, content.ROUND_COLUMNS, content.round_rows(b), content.ROUNDS_NOTE)


def render_pdf(
    store: Store,
    briefing: Briefing,
    path: Path,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> Path:
    """Write the briefing as an A4 PDF at `path` (replacing it whole, or not at all).
    `progress(done, total)` counts the tables and each photo; `cancel.is_set()` stops the
    render with Cancelled and no file."""
    ensure_gui()
    path = Path(path)
    if not path.parent.is_dir():
        raise InputError(f"{path.parent}: the folder for the PDF does not exist")
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    painter = QPainter()
    try:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(DPI)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        writer.setTitle(f"{content.title(briefing)} {content.period_text(briefing)}")
        writer.setCreator("Inspector")
        if not painter.begin(writer):
            raise InputError(f"{path}: the PDF cannot be written there")
        canvas = _Canvas(writer, painter, f"{content.TITLE} {content.period_text(briefing)}")
        _paint(canvas, store, briefing, progress, cancel)
        painter.end()
        content.Steps(briefing, None, cancel).check()
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a briefing is for circulating
        fsync_file(tmp)
        os.replace(tmp, path)
    except BaseException:
        if painter.isActive():
            painter.end()
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)
    return path
