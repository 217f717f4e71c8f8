"""Horizontal bar charts painted with QPainter into any QPaintDevice (a PDF page, a QImage for
the DOCX, a widget in the window's briefing view): score rate by group, and problems found
against problems rectified. Names sit on the left in full, never elided."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from inspector_app.core.briefing import GroupFigures
from inspector_app.reporting.content import pct
from inspector_app.reporting.fonts import report_font

SCORE_COLOUR = "#3b6fb6"
FOUND_COLOUR = "#d9822b"
RECTIFIED_COLOUR = "#2e8b57"
GRID_COLOUR = "#d0d4da"
TEXT_COLOUR = "#222222"


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]  # one per category; None draws no bar
    colour: str


@dataclass(frozen=True)
class BarChart:
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    percent: bool = False  # values are rates from 0 to 1, the axis runs to 100 %


def score_chart(title: str, groups: Sequence[GroupFigures]) -> BarChart:
    """Score rate by group, in the briefing's order (ranked first); groups without a rate
    are left out."""
    rated = [g for g in groups if g.score_rate is not None]
    return BarChart(
        title,
        tuple(g.name for g in rated),
        (Series("得分率", tuple(g.score_rate for g in rated), SCORE_COLOUR),),
        percent=True,
    )


def problems_chart(title: str, groups: Sequence[GroupFigures]) -> BarChart:
    """Problems found against problems rectified, by group."""
    return BarChart(
        title,
        tuple(g.name for g in groups),
        (
            Series("发现问题", tuple(float(g.problems_found) for g in groups), FOUND_COLOUR),
            Series("已整改", tuple(float(g.rectified) for g in groups), RECTIFIED_COLOUR),
        ),
    )


def natural_height(chart: BarChart, row: float) -> float:
    """The height that gives each category `row` units (the title and legend take three)."""
    return row * (len(chart.categories) + 3.2)


def _axis(top: float, percent: bool) -> tuple[float, int]:
    """The axis end and its number of steps: 0-100 % in quarters for rates; for counts a
    step of 1, 2, 2.5 or 5 times a power of ten, about five of them."""
    if percent:
        return 1.0, 4
    if top <= 0:
        return 1.0, 1
    rough = top / 5
    power = 10 ** math.floor(math.log10(rough))
    # counts are whole numbers: a step of 2.5 only from 25 up, and never below 1
    step = max(
        1.0,
        next(m * power for m in (1, 2, 2.5, 5, 10) if rough <= m * power and m * power % 1 == 0),
    )
    steps = math.ceil(top / step)
    return step * steps, steps


def _label(chart: BarChart, value: float) -> str:
    return pct(value) if chart.percent else f"{value:g}"


def paint_chart(
    painter: QPainter, rect: QRectF, chart: BarChart, *, point_size: float = 8.0
) -> None:
    """Paint the chart inside `rect` (device units) with the report font."""
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = report_font(point_size)
        bold = QFont(font)
        bold.setBold(True)
        fm = QFontMetricsF(font, painter.device())
        line = fm.height()
        n = max(1, len(chart.categories))
        # title, legend, axis labels: about three lines; the rest shared by the rows
        top = rect.top() + line * 2.4
        rows_h = rect.bottom() - line * 1.2 - top
        row_h = rows_h / n

        painter.setPen(QColor(TEXT_COLOUR))
        painter.setFont(bold)
        painter.drawText(
            QRectF(rect.left(), rect.top(), rect.width(), line * 1.2),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            chart.title,
        )
        painter.setFont(font)
        # legend
        x = rect.left()
        y = rect.top() + line * 1.3
        for s in chart.series:
            painter.fillRect(QRectF(x, y + line * 0.25, line * 0.8, line * 0.5), QColor(s.colour))
            x += line
            painter.drawText(QPointF(x, y + fm.ascent()), s.name)
            x += fm.horizontalAdvance(s.name) + line

        if not chart.categories:
            painter.drawText(QPointF(rect.left(), top + fm.ascent()), "（无数据）")
            return
        label_w = min(rect.width() * 0.4, max(fm.horizontalAdvance(c) for c in chart.categories))
        value_w = fm.horizontalAdvance("100.0%" if chart.percent else "00000")
        left = rect.left() + label_w + line * 0.5
        width = max(1.0, rect.right() - value_w - line * 0.3 - left)
        values = [v for s in chart.series for v in s.values if v is not None]
        top_value, ticks = _axis(max(values, default=0.0), chart.percent)

        # grid and axis labels
        grid = QPen(QColor(GRID_COLOUR))
        grid.setWidthF(max(1.0, line / 20))
        for t in range(ticks + 1):
            gx = left + width * t / ticks
            painter.setPen(grid)
            painter.drawLine(QPointF(gx, top), QPointF(gx, top + rows_h))
            painter.setPen(QColor(TEXT_COLOUR))
            text = _label(chart, top_value * t / ticks)
            painter.drawText(
                QPointF(gx - fm.horizontalAdvance(text) / 2, top + rows_h + fm.ascent() + 2), text
            )

        k = len(chart.series)
        bar_h = row_h * 0.72 / k
        for i, name in enumerate(chart.categories):
            y0 = top + row_h * i
            painter.setPen(QColor(TEXT_COLOUR))
            # the full name, shrunk when it is longer than the label column
            label_font = QFont(font)
            advance = fm.horizontalAdvance(name)
            if advance > label_w:
                label_font.setPointSizeF(point_size * label_w / advance)
            painter.setFont(label_font)
            painter.drawText(
                QRectF(rect.left(), y0, label_w, row_h),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                name,
            )
            painter.setFont(font)
            for j, s in enumerate(chart.series):
                value = s.values[i] if i < len(s.values) else None
                if value is None:
                    continue
                by = y0 + row_h * 0.14 + bar_h * j
                bw = width * max(0.0, min(value, top_value)) / top_value
                painter.fillRect(QRectF(left, by, bw, bar_h), QColor(s.colour))
                text = _label(chart, value)
                painter.drawText(
                    QRectF(left + bw + line * 0.2, by, value_w + line, bar_h),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    text,
                )
    finally:
        painter.restore()


def chart_image(chart: BarChart, width: int, height: int, *, dpi: int = 200) -> QImage:
    """The chart on a white image of `width` x `height` pixels at `dpi` (for the DOCX)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        margin = dpi * 0.05
        paint_chart(painter, QRectF(margin, margin, width - 2 * margin, height - 2 * margin), chart)
    finally:
        painter.end()
    return image
