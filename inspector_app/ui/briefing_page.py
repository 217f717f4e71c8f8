"""The command centre's briefing page: a day, an ISO week or a month by district and by unit,
computed on a worker, with the flags, charts, the most serious problems, the flag rule and
exports to PDF, Word and Excel."""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QFontMetricsF,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.briefing import (
    RED,
    YELLOW,
    Briefing,
    FlagRule,
    GroupFigures,
    SeriousProblem,
    compute_briefing,
    get_flag_rule,
    set_flag_rule,
)
from inspector_app.core.errors import Cancelled, InspectorError
from inspector_app.core.fsutil import fsync_dir
from inspector_app.core.periods import Period, centre_timezone, centre_today, period_of
from inspector_app.core.store import Store
from inspector_app.reporting import charts
from inspector_app.reporting.content import TITLE, RoundRow, change, pct, round_rows
from inspector_app.ui.centre_words import CentreWords, centre_time
from inspector_app.ui.rows_model import RowsModel
from inspector_app.ui.tasks import Progress, TaskHandle, TaskRunner

KINDS = ("day", "week", "month")
# (file suffix, the reporting module and its function) of each export
EXPORTS = {
    "pdf": (".pdf", "inspector_app.reporting.pdf", "render_pdf"),
    "docx": (".docx", "inspector_app.reporting.docx", "render_docx"),
    "xlsx": (".xlsx", "inspector_app.reporting.xlsx", "render_xlsx"),
}
# changing the period or the date waits this long (ms) for the next key before computing
DEBOUNCE_MS = 150
# (background, text) of each flag: the colour backs up the word, never replaces it
FLAG_COLOURS = {
    RED: (QColor("#fbd5d5"), QColor("#a4161a")),
    YELLOW: (QColor("#fdf0c2"), QColor("#7a5a00")),
}
UP_COLOUR, DOWN_COLOUR = QColor("#1f6b33"), QColor("#a4161a")
ERROR_STYLE = "color: #a4161a;"
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTRE = int(Qt.AlignmentFlag.AlignCenter)


def number(value: float) -> str:
    """A sum of deductions: at most two decimals, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def default_file_name(b: Briefing, kind: str) -> str:
    """创文暗访通报_2026-W48.pdf: the title the office knows, then the period."""
    return f"{TITLE}_{b.period.label}{EXPORTS[kind][0]}"


def export_briefing(
    store: Store,
    briefing: Briefing,
    kind: str,
    path: Path,
    progress: Progress,
    cancel: threading.Event,
) -> Path:
    """Render the briefing as `kind` (pdf / docx / xlsx) at `path` on a worker. The document
    goes to a hidden file beside `path` and replaces it only when whole and not cancelled, so
    a cancelled or failed export leaves no file (and an older file of that name as it was)."""
    import importlib

    suffix, module, func = EXPORTS[kind]
    render = getattr(importlib.import_module(module), func)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=suffix)
    os.close(fd)
    tmp = Path(name)
    try:
        if kind == "xlsx":
            render(briefing, tmp)
        else:
            render(store, briefing, tmp, progress, cancel)
        if cancel.is_set():
            raise Cancelled()
        os.replace(tmp, path)
        fsync_dir(path.parent)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return path


# --- tables ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Col:
    key: str
    numeric: bool = True


class GroupTableModel(QAbstractTableModel):
    """Districts or units of a briefing, in its order (ranked first): rank, flag, score rate
    and its change, problems, rectification, overdue."""

    COLUMNS: ClassVar[tuple[_Col, ...]] = (
        _Col("rank"),
        _Col("name", numeric=False),
        _Col("flag", numeric=False),
        _Col("inspections"),
        _Col("score"),
        _Col("change"),
        _Col("found"),
        _Col("accepted"),
        _Col("rectified"),
        _Col("rectification"),
        _Col("overdue"),
    )

    def __init__(self, *, units: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.units = units
        self.columns = [c for c in self.COLUMNS if units or c.key != "flag"]
        self.groups: tuple[GroupFigures, ...] = ()
        self.min_inspections = 1

    def set_groups(self, groups: Sequence[GroupFigures], min_inspections: int) -> None:
        self.beginResetModel()
        self.groups = tuple(groups)
        self.min_inspections = min_inspections
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.groups)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def header_text(self, key: str) -> str:
        return {
            "rank": self.tr("Rank"),
            "name": self.tr("Unit") if self.units else self.tr("District"),
            "flag": self.tr("Flag"),
            "inspections": self.tr("Inspections"),
            "score": self.tr("Score rate"),
            "change": self.tr("Change"),
            "found": self.tr("Problems"),
            "accepted": self.tr("Accepted"),
            "rectified": self.tr("Rectified"),
            "rectification": self.tr("Rectification rate"),
            "overdue": self.tr("Overdue"),
        }[key]

    def header_tip(self, key: str) -> str:
        return {
            "rank": self.tr("Ranked by score rate; equal rates share a rank"),
            "change": self.tr("Score rate against the previous period, in percentage points"),
            "found": self.tr("Problems found (rejected findings do not count)"),
            "accepted": self.tr("Problems accepted in review"),
            "rectified": self.tr("Rectified / rectification tasks of the period's problems"),
            "overdue": self.tr("Tasks past their deadline and not closed (of any period)"),
        }.get(key, "")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(col.key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tip(col.key) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if col.numeric else int(Qt.AlignmentFlag.AlignLeft)
        return None

    def flag_text(self, flag: str | None) -> str:
        return {RED: self.tr("Red flag"), YELLOW: self.tr("Yellow flag")}.get(flag or "", "")

    def text(self, g: GroupFigures, key: str) -> str:
        if key == "rank":
            return str(g.rank) if g.rank is not None else "—"
        if key == "name":
            return g.name
        if key == "flag":
            return self.flag_text(g.flag)
        if key == "inspections":
            return str(g.inspections)
        if key == "score":
            return pct(g.score_rate)
        if key == "change":
            return arrow(g.score_change)
        if key == "found":
            return str(g.problems_found)
        if key == "accepted":
            return str(g.problems_accepted)
        if key == "rectified":
            return f"{g.rectified}/{g.tasks}"
        if key == "rectification":
            return pct(g.rectification_rate)
        return str(g.overdue)

    def tip(self, g: GroupFigures, key: str) -> str | None:
        if key == "rank" and g.rank is None:
            if g.inspections < self.min_inspections:
                return self.tr("Not ranked: fewer than %n inspection(s)", "", self.min_inspections)
            return self.tr("Not ranked: no item was answered")
        if key == "change" and g.previous_score_rate is not None:
            return self.tr("Previous period: %1").replace("%1", pct(g.previous_score_rate))
        if key == "found" and g.pending_review:
            return self.tr("%n pending review", "", g.pending_review)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        g = self.groups[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(g, col.key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.key == "flag":
                return CENTRE
            return RIGHT if col.numeric else int(Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tip(g, col.key)
        if role == Qt.ItemDataRole.BackgroundRole and col.key == "flag" and g.flag:
            return FLAG_COLOURS[g.flag][0]
        if role == Qt.ItemDataRole.ForegroundRole:
            if col.key == "flag" and g.flag:
                return FLAG_COLOURS[g.flag][1]
            if col.key == "change" and g.score_change is not None:
                points = round(g.score_change * 100, 1)
                return UP_COLOUR if points > 0 else DOWN_COLOUR if points < 0 else None
            if col.key == "overdue" and g.overdue:
                return DOWN_COLOUR
            if col.key == "rank" and g.rank is None:
                return QColor("#8a8f98")
        if role == Qt.ItemDataRole.FontRole and col.key in ("flag", "score"):
            font = QFont()
            font.setBold(col.key == "flag" or g.flag is not None)
            return font
        return None


def arrow(value: float | None) -> str:
    """A change of rate with its direction: ▲ +1.2 / ▼ -0.4 / = 0.0 / — (no previous)."""
    text = change(value)
    if value is None:
        return text
    points = round(value * 100, 1)
    return f"▲ {text}" if points > 0 else f"▼ {text}" if points < 0 else f"= {text}"


class SeriousTableModel(QAbstractTableModel):
    """The period's most serious problems, most serious first."""

    KEYS = ("severity", "point", "unit", "item", "deduction", "inspector", "time", "photos")
    NUMERIC = frozenset({"deduction", "photos"})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems: tuple[SeriousProblem, ...] = ()
        self.english = False
        self.tz = centre_timezone_default()
        self.words = CentreWords(self)

    def set_problems(self, b: Briefing, english: bool) -> None:
        from zoneinfo import ZoneInfo

        self.beginResetModel()
        self.problems = b.serious
        self.english = english
        self.tz = ZoneInfo(b.timezone)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.KEYS):
            return None
        key = self.KEYS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "severity": self.tr("Severity"),
                "point": self.tr("Point"),
                "unit": self.tr("Unit"),
                "item": self.tr("Problem"),
                "deduction": self.tr("Deduction"),
                "inspector": self.tr("Inspector"),
                "time": self.tr("Inspected at"),
                "photos": self.tr("Photos"),
            }[key]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if key in self.NUMERIC else int(Qt.AlignmentFlag.AlignLeft)
        return None

    def text(self, p: SeriousProblem, key: str) -> str:
        if key == "severity":
            return self.words.severity(p.severity)
        if key == "point":
            return f"{p.point_name} ({p.point_code})"
        if key == "unit":
            return p.unit
        if key == "item":
            text = p.item_text_en if self.english else p.item_text_zh
            return f"{text} ×{p.count}" if p.count > 1 else text
        if key == "deduction":
            return number(p.deduction)
        if key == "inspector":
            return p.inspector_code or "—"
        if key == "time":
            return centre_time(p.started_at, self.tz)
        return str(len(p.photos))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        p = self.problems[index.row()]
        key = self.KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(p, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if key in self.NUMERIC else int(Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = p.item_text_en if self.english else p.item_text_zh
            lines = [f"{p.point_name} ({p.point_code})", f"{p.item_code} {text}"]
            lines.append(f"{p.district} · {p.unit}")
            if p.note:
                lines.append(p.note)
            lines.append(
                self.tr("Double-click to see the photos")
                if p.photos
                else self.tr("This problem has no photo")
            )
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and key == "severity" and p.severity == "high":
            return DOWN_COLOUR
        return None


class RoundsTableModel(RowsModel):
    """The covert rounds whose window overlaps the period: each round's line, then its
    districts' lines indented under it."""

    KEYS = ("name", "window", "points", "assigned", "received", "completion", "overdue")
    COLUMNS = len(KEYS)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RoundRow] = []

    def set_briefing(self, b: Briefing | None) -> None:
        self.beginResetModel()
        self.rows = round_rows(b) if b is not None else []
        self.endResetModel()

    def headers(self) -> list[str]:
        return [
            self.tr("Round / district"),
            self.tr("Window"),
            self.tr("Sampled"),
            self.tr("Assigned"),
            self.tr("Received"),
            self.tr("Completion"),
            self.tr("Overdue"),
        ]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.KEYS)
        ):
            return {
                "points": self.tr("Points sampled for the round"),
                "received": self.tr("Points whose inspection arrived here in a bundle"),
                "completion": self.tr("Received of the points sampled"),
                "overdue": self.tr("Points not visited by the end of the round's window"),
            }.get(self.KEYS[section])
        return super().headerData(section, orientation, role)

    def text(self, r: RoundRow, key: str) -> str:
        f = r.figures
        if key == "name":
            return f"    {r.district}" if r.district else r.round
        if key == "window":
            return "" if r.district else f"{r.starts_on} – {r.ends_on}"
        if key == "completion":
            return pct(f.completion)
        return str(getattr(f, key))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        key = self.KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(r, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if index.column() >= 2 else int(Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and not r.district:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and key == "overdue" and r.figures.overdue:
            return DOWN_COLOUR
        return None


def centre_timezone_default() -> Any:
    from zoneinfo import ZoneInfo

    from inspector_app.core.periods import DEFAULT_TIMEZONE

    return ZoneInfo(DEFAULT_TIMEZONE)


def make_table(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setHighlightSections(False)
    return view


# --- charts ------------------------------------------------------------------------------------


class ChartsView(QWidget):
    """The briefing's bar charts (reporting/charts.py), one under the other."""

    POINT_SIZE = 9.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.charts: list[charts.BarChart] = []
        self.setMinimumWidth(300)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("white"))
        self.setPalette(palette)

    def set_briefing(self, b: Briefing | None) -> None:
        if b is None:
            self.charts = []
        else:
            score = self.tr("Score rate")
            self.charts = [
                self._score(self.tr("Score rate by district"), score, b.districts),
                self._score(self.tr("Score rate by unit"), score, b.units),
                charts.BarChart(
                    self.tr("Problems found and rectified by unit"),
                    tuple(g.name for g in b.units),
                    (
                        charts.Series(
                            self.tr("Problems found"),
                            tuple(float(g.problems_found) for g in b.units),
                            charts.FOUND_COLOUR,
                        ),
                        charts.Series(
                            self.tr("Rectified"),
                            tuple(float(g.rectified) for g in b.units),
                            charts.RECTIFIED_COLOUR,
                        ),
                    ),
                ),
            ]
        self.setMinimumHeight(int(self._natural()))
        self.updateGeometry()
        self.update()

    @staticmethod
    def _score(title: str, series: str, groups: Sequence[GroupFigures]) -> charts.BarChart:
        rated = [g for g in groups if g.score_rate is not None]
        return charts.BarChart(
            title,
            tuple(g.name for g in rated),
            (charts.Series(series, tuple(g.score_rate for g in rated), charts.SCORE_COLOUR),),
            percent=True,
        )

    def _row(self) -> float:
        from inspector_app.reporting.fonts import report_font

        return QFontMetricsF(report_font(self.POINT_SIZE), self).height() * 1.6

    def _natural(self) -> float:
        row = self._row()
        return sum(charts.natural_height(c, row) for c in self.charts) + 16

    def sizeHint(self) -> QSize:
        return QSize(420, int(self._natural()) if self.charts else 200)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            if not self.charts:
                painter.setPen(QColor("#8a8f98"))
                painter.drawText(self.rect(), CENTRE, self.tr("No briefing yet"))
                return
            row = self._row()
            # the space left over is shared by the charts in proportion to their rows
            spare = max(0.0, self.height() - self._natural()) / len(self.charts)
            y = 8.0
            for chart in self.charts:
                h = charts.natural_height(chart, row) + spare
                charts.paint_chart(
                    painter,
                    QRectF(8, y, self.width() - 16, h - 8),
                    chart,
                    point_size=self.POINT_SIZE,
                )
                y += h
        finally:
            painter.end()


# --- the flag rule -----------------------------------------------------------------------------


class FlagRuleDialog(QDialog):
    """Edit the red / yellow flag rule; a rule the core refuses is explained and not kept."""

    def __init__(self, store: Store, rule: FlagRule, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.rule: FlagRule | None = None  # the rule kept, once accepted
        self.setWindowTitle(self.tr("Flag rule"))
        self.min_inspections = QSpinBox()
        self.min_inspections.setRange(0, 10_000)
        self.min_inspections.setValue(rule.min_inspections)
        self.red = QDoubleSpinBox()
        self.yellow = QDoubleSpinBox()
        for spin, value in ((self.red, rule.red_threshold), (self.yellow, rule.yellow_threshold)):
            spin.setRange(0.0, 100.0)
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setSuffix(" %")
            spin.setValue(round(value * 100, 1))
        explain = QLabel(
            self.tr(
                "Units and districts with fewer inspections in the period are listed but not "
                "ranked. The best-ranked unit gets the red flag only at or above its line; the "
                "worst-ranked unit gets the yellow flag only below its line."
            )
        )
        explain.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Minimum inspections to be ranked:"), self.min_inspections)
        form.addRow(self.tr("Red flag at or above:"), self.red)
        form.addRow(self.tr("Yellow flag below:"), self.yellow)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def problem(self) -> str | None:
        """What is wrong with the values, in the user's words (None: nothing)."""
        if self.min_inspections.value() < 1:
            return self.tr("At least one inspection is needed to be ranked.")
        if self.yellow.value() > self.red.value():
            return (
                self.tr(
                    "The yellow-flag line (%1) must not be above the red-flag line (%2): one unit "
                    "could get both flags."
                )
                .replace("%1", self.yellow.text())
                .replace("%2", self.red.text())
            )
        return None

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def save(self) -> None:
        problem = self.problem()
        if problem is not None:
            self.show_error(problem)
            return
        rule = FlagRule(
            self.min_inspections.value(),
            round(self.red.value() / 100, 4),
            round(self.yellow.value() / 100, 4),
        )
        try:
            self.rule = set_flag_rule(self.store, rule)
        except InspectorError as exc:
            self.show_error(self.tr("The rule was not kept: %1").replace("%1", exc.message))
            return
        self.accept()


# --- the photos of a problem -------------------------------------------------------------------


class ProblemPhotosDialog(QDialog):
    """The photos behind one of the serious problems (← → to step, Z or a double-click to
    zoom). The page keeps one and reuses it: its photo widget may still be decoding on a
    worker when it is closed."""

    def __init__(
        self, store: Store, runner: TaskRunner, tz: Any, parent: QWidget | None = None
    ) -> None:
        from inspector_app.ui.evidence_photos import EvidencePhotos

        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.problem: SeriousProblem | None = None
        self.photos = EvidencePhotos(store, runner, tz, self)
        self.status = QLabel()
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.photos, 1)
        layout.addLayout(bottom)
        for key, slot in (
            ("Left", self.photos.previous_photo),
            ("Right", self.photos.next_photo),
            ("Z", self.photos.zoom),
        ):
            QShortcut(QKeySequence(key), self, slot)
        self.resize(900, 720)

    def show_problem(self, problem: SeriousProblem) -> None:
        """Load the problem's photos on a worker and show them."""
        self.problem = problem
        self.setWindowTitle(
            self.tr("Photos: %1 · %2")
            .replace("%1", problem.point_name)
            .replace("%2", problem.item_code)
        )
        self.photos.show_photos(())
        self.status.setText(self.tr("Loading the photos…"))
        store, finding_id = self.store, problem.finding_id

        def load(_progress: Progress, _cancel: threading.Event) -> Any:
            from inspector_app.core.review import finding_detail

            return finding_detail(store, finding_id)

        self.runner.run(
            load,
            on_done=functools.partial(self._loaded, problem),
            on_error=functools.partial(self._failed, problem),
        )

    def _loaded(self, problem: SeriousProblem, detail: Any) -> None:
        if problem is not self.problem:
            return  # another problem was asked for meanwhile
        self.photos.show_photos(detail.photos, (detail.started_at, detail.finalised_at))
        self.status.setText(self.tr("%n photo(s)", "", len(detail.photos)))

    def _failed(self, problem: SeriousProblem, exc: BaseException) -> None:
        if problem is self.problem:
            self.status.setText(
                self.tr("The photos cannot be shown: %1").replace("%1", error_text(exc))
            )


# --- the page ----------------------------------------------------------------------------------


class _Figure(QFrame):
    """One of the city's figures: a big number, its name and a line under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figure")
        self.value = QLabel("—")
        self.value.setObjectName("figureValue")
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.caption = QLabel()
        self.caption.setObjectName("figureCaption")
        self.note = QLabel()
        self.note.setObjectName("figureNote")
        self.note.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(1)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.note)

    def set(self, value: str, note: str = "", colour: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)
        self.value.setStyleSheet(f"color: {colour};" if colour else "")


class BriefingPage(QWidget):
    """The Briefing page of the command centre's window (`refresh()` recomputes)."""

    # a briefing was computed and is now on screen
    briefingShown = Signal(object)
    # an export finished: the path written, or None when cancelled or failed
    exportFinished = Signal(object)

    FIGURES = (
        "points",
        "found",
        "accepted",
        "pending",
        "deductions",
        "score",
        "rectified",
        "rectification",
        "overdue",
    )

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.tz = centre_timezone(store)
        self.briefing: Briefing | None = None
        # the moment rectification is counted at (None: when computed; tests fix it)
        self.as_of: datetime | None = None
        self.english = False
        self._wanted: tuple[str, date] | None = None
        self._computing: tuple[str, date] | None = None
        self._export: TaskHandle | None = None
        self.export_folder = default_export_folder()
        self.words = CentreWords(self)
        self.photos_dialog: ProblemPhotosDialog | None = None

        # --- the period bar
        self.kind = QComboBox()
        for kind, text in zip(
            KINDS, (self.tr("Day"), self.tr("ISO week"), self.tr("Month")), strict=True
        ):
            self.kind.addItem(text, kind)
        self.kind.setCurrentIndex(1)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        today = centre_today(store)
        self.date.setDate(QDate(today.year, today.month, today.day))
        self.prev_button = QPushButton("◀")
        self.prev_button.setToolTip(self.tr("Previous period (PageUp)"))
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(self.tr("Next period (PageDown)"))
        for button in (self.prev_button, self.next_button):
            button.setFixedWidth(36)
        self.current_button = QPushButton(self.tr("Current"))
        self.current_button.setToolTip(self.tr("The period holding today (Ctrl+Home)"))
        self.period_label = QLabel()
        self.period_label.setObjectName("periodLabel")
        self.pdf_button = QPushButton(self.tr("PDF…"))
        self.docx_button = QPushButton(self.tr("Word…"))
        self.xlsx_button = QPushButton(self.tr("Excel…"))
        self.pdf_button.setToolTip(self.tr("Save the briefing shown as a PDF document"))
        self.docx_button.setToolTip(
            self.tr("Save the briefing shown as a Word document to edit in Word or WPS")
        )
        self.xlsx_button.setToolTip(self.tr("Save the briefing shown as an Excel workbook"))
        self.export_buttons = {
            "pdf": self.pdf_button,
            "docx": self.docx_button,
            "xlsx": self.xlsx_button,
        }
        for kind_, button in self.export_buttons.items():
            button.clicked.connect(lambda _c=False, k=kind_: self.choose_export(k))
            button.setEnabled(False)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:")))
        bar.addWidget(self.kind)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.date)
        bar.addWidget(self.next_button)
        bar.addWidget(self.current_button)
        bar.addSpacing(12)
        bar.addWidget(self.period_label, 1)
        bar.addWidget(QLabel(self.tr("Export:")))
        for button in self.export_buttons.values():
            bar.addWidget(button)

        # --- the city's figures
        self.figures = {key: _Figure() for key in self.FIGURES}
        captions = {
            "points": self.tr("Points inspected"),
            "found": self.tr("Problems found"),
            "accepted": self.tr("Accepted"),
            "pending": self.tr("Pending review"),
            "deductions": self.tr("Deductions"),
            "score": self.tr("Score rate"),
            "rectified": self.tr("Rectified"),
            "rectification": self.tr("Rectification rate"),
            "overdue": self.tr("Overdue"),
        }
        grid = QGridLayout()
        grid.setSpacing(6)
        for i, key in enumerate(self.FIGURES):
            self.figures[key].caption.setText(captions[key])
            grid.addWidget(self.figures[key], 0, i)

        # --- flags and the rule
        self.flags_label = QLabel()
        self.flags_label.setObjectName("flagsLabel")
        self.flags_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rule_label = QLabel()
        self.rule_label.setObjectName("ruleLabel")
        self.rule_label.setWordWrap(True)
        self.rule_button = QPushButton(self.tr("Flag rule…"))
        self.rule_button.clicked.connect(self.edit_rule)
        flags_row = QHBoxLayout()
        flags_row.addWidget(self.flags_label)
        flags_row.addSpacing(16)
        flags_row.addWidget(self.rule_label, 1)
        flags_row.addWidget(self.rule_button)

        # --- tables and charts
        self.units_model = GroupTableModel(units=True, parent=self)
        self.districts_model = GroupTableModel(units=False, parent=self)
        self.serious_model = SeriousTableModel(self)
        self.units_table = make_table(self.units_model)
        self.districts_table = make_table(self.districts_model)
        self.serious_table = make_table(self.serious_model)
        self.serious_table.doubleClicked.connect(self.open_problem)
        self.serious_table.activated.connect(self.open_problem)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.units_table, self.tr("By unit"))
        self.tabs.addTab(self.districts_table, self.tr("By district"))
        # the problem's text takes the room left; the rest fit their contents, a long
        # point name elided (the tooltip and the photos dialog name it in full)
        header = self.serious_table.horizontalHeader()
        header.setSectionResizeMode(
            SeriousTableModel.KEYS.index("item"), QHeaderView.ResizeMode.Stretch
        )
        header.setMaximumSectionSize(260)
        serious = QWidget()
        serious_layout = QVBoxLayout(serious)
        serious_layout.setContentsMargins(0, 4, 0, 0)
        hint = QLabel(self.tr("Double-click a problem (or press Enter) to see its photos."))
        hint.setObjectName("ruleLabel")
        serious_layout.addWidget(hint)
        serious_layout.addWidget(self.serious_table, 1)
        self.tabs.addTab(serious, self.tr("Most serious problems"))
        # shown only for a period that covert rounds overlap
        self.rounds_model = RoundsTableModel(self)
        self.rounds_table = make_table(self.rounds_model)
        self.rounds_tab = self.tabs.addTab(self.rounds_table, self.tr("Covert rounds"))
        self.tabs.setTabVisible(self.rounds_tab, False)
        self.charts = ChartsView()
        scroll = QScrollArea()
        scroll.setWidget(self.charts)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # the tables first: every column in view; the charts take what is left
        self.splitter.setSizes([640, 360])

        # --- progress and messages
        self.progress = QProgressBar()
        self.progress.setFixedWidth(180)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("briefingStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_folder_button.clicked.connect(self.open_export_folder)
        self.open_folder_button.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_export)
        self.cancel_button.hide()
        status_row = QHBoxLayout()
        status_row.addWidget(self.progress)
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.open_folder_button)
        status_row.addWidget(self.cancel_button)
        self.last_export: Path | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addLayout(bar)
        layout.addLayout(grid)
        layout.addLayout(flags_row)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(status_row)
        self.setStyleSheet(
            "#figure { background: #f4f6f9; border: 1px solid #dde2e8; border-radius: 4px; }"
            "#figureValue { font-size: 17pt; font-weight: 600; }"
            "#figureCaption { color: #4a5260; }"
            "#figureNote { color: #6b7280; font-size: 8.5pt; }"
            "#periodLabel { font-size: 11pt; font-weight: 600; }"
            "#ruleLabel { color: #4a5260; }"
            "#flagsLabel { font-weight: 600; }"
        )

        # --- behaviour
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.recompute)
        self.kind.currentIndexChanged.connect(self._period_changed)
        self.date.dateChanged.connect(self._period_changed)
        self.prev_button.clicked.connect(self.previous_period)
        self.next_button.clicked.connect(self.next_period)
        self.current_button.clicked.connect(self.current_period)
        for keys, slot in (
            (("PgUp", "Alt+Left"), self.previous_period),
            (("PgDown", "Alt+Right"), self.next_period),
            (("Ctrl+Home",), self.current_period),
            (("F5",), self.refresh),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)
        self._show_period()
        self.show_briefing(None)

    # ------------------------------------------------------------------ the period
    @property
    def period_kind(self) -> str:
        return str(self.kind.currentData())

    @property
    def day(self) -> date:
        d = self.date.date()
        return date(d.year(), d.month(), d.day())

    def period(self) -> Period:
        return period_of(self.period_kind, self.day, self.tz)

    def set_period(self, kind: str, day: date) -> None:
        """Show the briefing of the `kind` period holding `day` (computed shortly)."""
        self.kind.blockSignals(True)
        self.date.blockSignals(True)
        self.kind.setCurrentIndex(KINDS.index(kind))
        self.date.setDate(QDate(day.year, day.month, day.day))
        self.kind.blockSignals(False)
        self.date.blockSignals(False)
        self._period_changed()

    def previous_period(self) -> None:
        p = self.period()
        self.set_period(p.kind, period_of(p.kind, p.first - timedelta(days=1), self.tz).first)

    def next_period(self) -> None:
        p = self.period()
        self.set_period(p.kind, p.last + timedelta(days=1))

    def current_period(self) -> None:
        self.set_period(self.period_kind, centre_today(self.store))

    def period_text(self, p: Period) -> str:
        if p.kind == "day":
            return p.label
        return (
            self.tr("%1 (%2 to %3)")
            .replace("%1", p.label)
            .replace("%2", p.first.isoformat())
            .replace("%3", p.last.isoformat())
        )

    def _show_period(self) -> None:
        self.period_label.setText(self.period_text(self.period()))

    def _period_changed(self, *_args: object) -> None:
        self._show_period()
        self._debounce.start()

    # ------------------------------------------------------------------ computing
    def refresh(self) -> None:
        """Recompute the briefing shown (the page was shown, or new data came in)."""
        self.tz = centre_timezone(self.store)
        # item texts follow the window's language (install_translation sets the locale)
        self.english = QLocale().language() != QLocale.Language.Chinese
        self._show_period()
        self.recompute()

    @property
    def computing(self) -> bool:
        return self._computing is not None or self._debounce.isActive()

    def recompute(self) -> None:
        self._debounce.stop()
        self._wanted = (self.period_kind, self.day)
        if self._computing is None:
            self._start()

    def _start(self) -> None:
        assert self._wanted is not None
        kind, day = self._computing = self._wanted
        store, as_of = self.store, self.as_of

        def work(_progress: Progress, _cancel: threading.Event) -> Briefing:
            return compute_briefing(store, kind, day, as_of=as_of)

        self.progress.setRange(0, 0)  # the core reports no steps: a busy bar
        self.progress.show()
        self.status.setText(
            self.tr("Computing the briefing of %1…").replace(
                "%1", self.period_text(period_of(kind, day, self.tz))
            )
        )
        self.open_folder_button.hide()
        key = (kind, day)
        self.runner.run(
            work,
            on_done=functools.partial(self._computed, key),
            on_error=functools.partial(self._compute_failed, key),
        )

    def _computed(self, key: tuple[str, date], b: Briefing) -> None:
        self._computing = None
        if key != self._wanted:
            self._start()  # the user moved on meanwhile: the last result stays until then
            return
        self._idle()
        self.show_briefing(b)
        self.status.setText(
            self.tr("Figures as of %1 (%2).")
            .replace("%1", centre_time(b.as_of, self.tz))
            .replace("%2", b.timezone)
        )
        self.briefingShown.emit(b)

    def _compute_failed(self, key: tuple[str, date], exc: BaseException) -> None:
        self._computing = None
        if key != self._wanted:
            self._start()
            return
        self._idle()
        self.status.setText(
            self.tr("The briefing cannot be computed: %1").replace("%1", error_text(exc))
        )

    def _idle(self) -> None:
        if self._export is None:
            self.progress.hide()

    # ------------------------------------------------------------------ showing
    def show_briefing(self, b: Briefing | None) -> None:
        self.briefing = b
        for button in self.export_buttons.values():
            button.setEnabled(b is not None and self._export is None)
        self.charts.set_briefing(b)
        self.rounds_model.set_briefing(b)
        self.tabs.setTabVisible(self.rounds_tab, bool(b is not None and b.rounds))
        if b is None:
            for fig in self.figures.values():
                fig.set("—")
            self.units_model.set_groups((), 1)
            self.districts_model.set_groups((), 1)
            self.flags_label.setText("")
            self.rule_label.setText("")
            return
        c = b.city
        self.units_model.set_groups(b.units, b.rule.min_inspections)
        self.districts_model.set_groups(b.districts, b.rule.min_inspections)
        self.serious_model.set_problems(b, self.english)
        change_colour = ""
        if c.score_change is not None and round(c.score_change * 100, 1):
            change_colour = "#1f6b33" if c.score_change > 0 else "#a4161a"
        figures = self.figures
        figures["points"].set(str(c.points), self.tr("%n inspection(s)", "", c.inspections))
        figures["found"].set(str(c.problems_found))
        figures["accepted"].set(str(c.problems_accepted))
        figures["pending"].set(str(c.pending_review), "", "#7a4b00" if c.pending_review else "")
        figures["deductions"].set(number(c.deductions))
        figures["score"].set(
            pct(c.score_rate),
            self.tr("%1 against the previous period").replace("%1", arrow(c.score_change)),
        )
        figures["score"].note.setStyleSheet(f"color: {change_colour};" if change_colour else "")
        figures["rectified"].set(str(c.rectified), self.tr("of %n task(s)", "", c.tasks))
        figures["rectification"].set(pct(c.rectification_rate))
        figures["overdue"].set(
            str(c.overdue), self.tr("tasks of any period"), "#a4161a" if c.overdue else ""
        )
        none = self.tr("none this period")
        self.flags_label.setText(
            self.tr("Red flag: %1    Yellow flag: %2")
            .replace("%1", "、".join(b.red_flags) or none)
            .replace("%2", "、".join(b.yellow_flags) or none)
        )
        self.rule_label.setText(self.rule_text(b.rule))

    def rule_text(self, rule: FlagRule) -> str:
        return (
            self.tr(
                "Ranked: at least %n inspection(s) · red flag ≥ %1 · yellow flag < %2",
                "",
                rule.min_inspections,
            )
            .replace("%1", pct(rule.red_threshold))
            .replace("%2", pct(rule.yellow_threshold))
        )

    def figure_text(self, key: str) -> str:
        """The number shown for one of the city's figures (for tests and screen readers)."""
        return self.figures[key].value.text()

    # ------------------------------------------------------------------ the flag rule
    def edit_rule(self) -> FlagRuleDialog:
        dialog = FlagRuleDialog(self.store, get_flag_rule(self.store), self)
        dialog.accepted.connect(self.recompute)
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ problems' photos
    def open_problem(self, index: QModelIndex) -> ProblemPhotosDialog | None:
        if not index.isValid() or self.briefing is None:
            return None
        problem = self.serious_model.problems[index.row()]
        if not problem.photos:
            self.status.setText(self.tr("This problem has no photo."))
            return None
        if self.photos_dialog is None:
            self.photos_dialog = ProblemPhotosDialog(self.store, self.runner, self.tz, self)
        self.photos_dialog.show_problem(problem)
        self.photos_dialog.open()
        return self.photos_dialog

    # ------------------------------------------------------------------ exports
    def ask_export_path(self, kind: str) -> Path | None:
        """Ask where to save (the default name is the title and the period)."""
        assert self.briefing is not None
        filters = {
            "pdf": self.tr("PDF document (*.pdf)"),
            "docx": self.tr("Word document (*.docx)"),
            "xlsx": self.tr("Excel workbook (*.xlsx)"),
        }
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the briefing"),
            str(self.export_folder / default_file_name(self.briefing, kind)),
            filters[kind],
        )
        if not name:
            return None
        path = Path(name)
        suffix = EXPORTS[kind][0]
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def choose_export(self, kind: str) -> None:
        if self.briefing is None or self._export is not None:
            return
        path = self.ask_export_path(kind)
        if path is not None:
            self.export(kind, path)

    def export(self, kind: str, path: Path) -> TaskHandle | None:
        """Render the briefing shown as `kind` at `path` on a worker (progress, cancel)."""
        b = self.briefing
        if b is None or self._export is not None:
            return None
        if not path.parent.is_dir():
            self.status.setText(
                self.tr("The folder %1 does not exist.").replace("%1", str(path.parent))
            )
            return None
        self.export_folder = path.parent
        store = self.store

        def work(progress: Progress, cancel: threading.Event) -> Path:
            return export_briefing(store, b, kind, path, progress, cancel)

        for button in self.export_buttons.values():
            button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.open_folder_button.hide()
        self.status.setText(self.tr("Saving %1…").replace("%1", path.name))
        self._export = self.runner.run(
            work,
            on_done=self._exported,
            on_error=self._export_failed,
            on_progress=self._export_progress,
        )
        return self._export

    def _export_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def cancel_export(self) -> None:
        if self._export is not None:
            self._export.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _export_over(self) -> None:
        self._export = None
        self.cancel_button.hide()
        for button in self.export_buttons.values():
            button.setEnabled(self.briefing is not None)
        if self._computing is None:
            self.progress.hide()

    def _exported(self, path: Path) -> None:
        self._export_over()
        self.last_export = path
        self.status.setText(self.tr("Saved: %1").replace("%1", str(path)))
        self.open_folder_button.show()
        self.exportFinished.emit(path)

    def _export_failed(self, exc: BaseException) -> None:
        self._export_over()
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("Export cancelled; no file was written."))
        else:
            self.status.setText(
                self.tr("The briefing was not saved: %1").replace("%1", error_text(exc))
            )
        self.exportFinished.emit(None)

    def open_export_folder(self) -> None:
        if self.last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export.parent)))

    @property
    def exporting(self) -> bool:
        return self._export is not None


def error_text(exc: BaseException) -> str:
    if isinstance(exc, InspectorError):
        return exc.message
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return repr(exc)


def default_export_folder() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


__all__ = ["BriefingPage", "FlagRuleDialog", "default_file_name", "export_briefing"]
