"""The command centre's rectification board: tasks by responsible unit and status, overdue
first (a word and a colour), deadlines and days left or over; a task's history, status
changes with a note, and a closure proposal's before/after photos with "Confirm closure"."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core import rectification as rect
from inspector_app.core.errors import ConflictError
from inspector_app.core.periods import centre_timezone, centre_today
from inspector_app.core.rectification import BoardUnit, TaskDetail, TaskInfo
from inspector_app.core.settings import get_setting
from inspector_app.core.store import Store
from inspector_app.ui.centre_words import STATUS_COLOURS, CentreWords, centre_time
from inspector_app.ui.evidence_photos import EvidencePhotos
from inspector_app.ui.review_models import ModelIndex
from inspector_app.ui.rows_model import RowsModel
from inspector_app.ui.tasks import Progress, TaskRunner

#: the status filter's values, in the combo box's order
STATUS_FILTERS: tuple[str | None, ...] = (
    None,
    rect.OVERDUE,
    rect.OPEN,
    rect.REPORTED_FIXED,
    rect.CLOSED,
)
COL_STATUS, COL_DEADLINE, COL_DAYS, COL_UNIT, COL_POINT, COL_ITEM, COL_PROPOSAL = range(7)
BANNER_ERROR = "background: #fde2e1; color: #a4161a; padding: 6px 8px; border-radius: 3px;"
BANNER_OK = "background: #e3f4e6; color: #1f6b33; padding: 6px 8px; border-radius: 3px;"


class TasksModel(RowsModel):
    """Tasks as the board lists them (the core's order: overdue first, then by deadline)."""

    COLUMNS = 7

    def __init__(self, words: CentreWords, english: bool, parent: QObject | None = None):
        super().__init__(parent)
        self.words = words
        self.english = english
        self.today = date.today()
        self.rows: list[TaskInfo] = []

    def set_rows(self, rows: Sequence[TaskInfo], today: date) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.today = today
        self.endResetModel()

    def task_at(self, row: int) -> TaskInfo | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, task_id: str) -> int:
        for n, task in enumerate(self.rows):
            if task.id == task_id:
                return n
        return -1

    def headers(self) -> list[str]:
        return [
            self.tr("Status"),
            self.tr("Deadline"),
            self.tr("Days"),
            self.tr("Unit"),
            self.tr("Point"),
            self.tr("Problem"),
            self.tr("Re-inspection"),
        ]

    def status_text(self, task: TaskInfo) -> str:
        if task.overdue and task.status == rect.REPORTED_FIXED:
            # late, but the unit says it is fixed: both facts matter
            return self.tr("Overdue · reported fixed")
        return self.words.task_status(task.board_status)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        task = self.task_at(index.row()) if index.isValid() else None
        if task is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(task, col)
        if col in (COL_STATUS, COL_DAYS) and role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            back, fore = STATUS_COLOURS[task.board_status]
            if col == COL_DAYS and not task.overdue:
                return None
            return QBrush(back if role == Qt.ItemDataRole.BackgroundRole else fore)
        if role == Qt.ItemDataRole.FontRole and task.overdue and col in (COL_STATUS, COL_DAYS):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            text = task.item_text_en if self.english else task.item_text_zh
            return f"{task.point_code} {task.point_name}\n{task.item_code} {text}"
        if role == Qt.ItemDataRole.UserRole:
            return task.id
        return None

    def _text(self, task: TaskInfo, col: int) -> str:
        if col == COL_STATUS:
            return self.status_text(task)
        if col == COL_DEADLINE:
            return task.deadline.isoformat()
        if col == COL_DAYS:
            return self.words.days_left(
                task.deadline, self.today, closed=task.status == rect.CLOSED
            )
        if col == COL_UNIT:
            return task.unit
        if col == COL_POINT:
            return task.point_name
        if col == COL_ITEM:
            text = task.item_text_en if self.english else task.item_text_zh
            return f"{task.item_code} {text}"
        if col == COL_PROPOSAL:
            return "⇄ " + self.tr("passed: confirm?") if task.proposal_finding_id else ""
        return ""


class NoteDialog(QDialog):
    """A status change's note: required to reopen (say why), optional otherwise."""

    def __init__(
        self, title: str, prompt: str, *, required: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.required = required
        self.setWindowTitle(title)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(
            self.tr("Required: say why") if required else self.tr("Optional")
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.note.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.resize(420, 220)
        self._update()
        self.note.setFocus()

    def note_text(self) -> str:
        return self.note.toPlainText().strip()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.note_text()) or not self.required)

    def accept(self) -> None:
        if self.note_text() or not self.required:
            super().accept()


class TaskPanel(QWidget):
    """One task: what and where, its deadline, history, actions and photos (before/after
    side by side when a re-inspection proposes closing it)."""

    def __init__(
        self, store: Store, runner: TaskRunner, words: CentreWords, english: bool, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.tz = centre_timezone(store)
        self.words = words
        self.english = english
        self.detail: TaskDetail | None = None
        #: today in the command centre, as of the board's last load
        self.today = centre_today(store)
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.state = QLabel()
        self.state.setWordWrap(True)
        for label in (self.title, self.problem, self.facts):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.fixed_button = QPushButton(self.tr("Reported fixed… (F)"))
        self.reopen_button = QPushButton(self.tr("Reopen… (O)"))
        self.close_button = QPushButton(self.tr("Close… (C)"))
        self.confirm_button = QPushButton("✓ " + self.tr("Confirm closure"))
        # the key in the tooltip, in the platform's own spelling
        self.confirm_button.setToolTip(
            QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)
        )
        self.confirm_button.setStyleSheet("font-weight: bold;")
        actions = QHBoxLayout()
        for button in (
            self.confirm_button,
            self.fixed_button,
            self.close_button,
            self.reopen_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)

        self.history_title = QLabel(self.tr("History"))
        self.history = QTableWidget(0, 3)
        self.history.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.setWordWrap(True)
        self.history.setShowGrid(False)
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        hh = self.history.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.before_title = QLabel()
        self.after_title = QLabel()
        for label in (self.before_title, self.after_title):
            label.setStyleSheet("font-weight: bold;")
        self.before = EvidencePhotos(store, runner, self.tz, self)
        self.after = EvidencePhotos(store, runner, self.tz, self)
        before_box = QVBoxLayout()
        before_box.addWidget(self.before_title)
        before_box.addWidget(self.before, 1)
        after_box = QVBoxLayout()
        after_box.addWidget(self.after_title)
        after_box.addWidget(self.after, 1)
        self.after_widget = QWidget()
        after_box.setContentsMargins(0, 0, 0, 0)
        self.after_widget.setLayout(after_box)
        photos = QHBoxLayout()
        photos.addLayout(before_box, 1)
        photos.addWidget(self.after_widget, 1)

        left = QVBoxLayout()
        for label in (self.title, self.problem, self.facts, self.state):
            left.addWidget(label)
        left.addLayout(actions)
        left.addWidget(self.history_title)
        left.addWidget(self.history, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(left, 4)
        layout.addLayout(photos, 5)
        self.show_detail(None)

    def show_detail(self, detail: TaskDetail | None) -> None:
        self.detail = detail
        if detail is None:
            for label in (self.title, self.problem, self.facts, self.state):
                label.setText("")
            for button in self._buttons():
                button.setVisible(False)
            self.history.setRowCount(0)
            self.history_title.hide()
            self.history.hide()
            self.before_title.setText("")
            self.before.show_photos(())
            self.after_widget.hide()
            return
        t = detail.task
        self.title.setText(f"{t.point_name} · {t.point_code} · {t.district}")
        text = t.item_text_en if self.english else t.item_text_zh
        self.problem.setText(f"{t.item_code}  {text}")
        self.facts.setText(
            " · ".join(
                [
                    t.unit,
                    self.tr("severity %1").replace("%1", self.words.severity(t.severity)),
                    self.tr("inspected %1").replace("%1", centre_time(t.inspected_at, self.tz)),
                ]
            )
        )
        state = self.words.task_status(t.status)
        if t.status == rect.CLOSED:
            if t.closed_at is not None:
                state += " · " + self.tr("closed by %1 on %2").replace(
                    "%1", t.closed_by or "–"
                ).replace("%2", centre_time(t.closed_at, self.tz))
        else:
            state += " · " + self.tr("deadline %1 (%2)").replace(
                "%1", t.deadline.isoformat()
            ).replace("%2", self.words.days_left(t.deadline, self.today))
        back, fore = STATUS_COLOURS[t.board_status]
        if t.overdue:
            state = self.words.task_status(rect.OVERDUE) + " · " + state
        self.state.setText(state)
        self.state.setStyleSheet(
            f"background: {back.name()}; color: {fore.name()}; padding: 4px 6px;"
            " border-radius: 3px; font-weight: bold;"
        )
        moves = {to for frm, to in rect.TRANSITIONS if frm == t.status}
        self.fixed_button.setVisible(rect.REPORTED_FIXED in moves)
        self.close_button.setVisible(rect.CLOSED in moves)
        self.reopen_button.setVisible(rect.OPEN in moves)
        self.confirm_button.setVisible(detail.proposal is not None)
        self._fill_history(detail)
        proposal = detail.proposal
        self.before.show_photos(detail.photos)
        if proposal is None:
            self.before_title.setText(self.tr("Photos of the problem"))
            self.after_widget.hide()
        else:
            self.before_title.setText(
                self.tr("Before: problem, %1").replace("%1", centre_time(t.inspected_at, self.tz))
            )
            self.after_title.setText(
                self.tr("After: passed at re-inspection, %1").replace(
                    "%1", centre_time(proposal.inspected_at, self.tz)
                )
            )
            self.after.show_photos(proposal.after)
            self.after_widget.show()

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.fixed_button, self.reopen_button, self.close_button, self.confirm_button)

    def _fill_history(self, detail: TaskDetail) -> None:
        self.history_title.show()
        self.history.show()
        self.history.setRowCount(len(detail.history))
        for n, event in enumerate(detail.history):
            if event.from_status is None:
                what = self.tr("created: %1").replace("%1", self.words.task_status(event.to_status))
            else:
                what = f"{self.words.task_status(event.from_status)} → " + (
                    self.words.task_status(event.to_status)
                )
            if event.reinspection_finding_id:
                what += " · " + self.tr("confirmed by a re-inspection")
            if event.note:
                what += f" — {event.note}"
            for col, value in enumerate((centre_time(event.at, self.tz), event.actor, what)):
                self.history.setItem(n, col, QTableWidgetItem(value))
        self.history.resizeRowsToContents()


class BoardPage(QWidget):
    """The rectification board of the command centre's window (`refresh()` when shown)."""

    #: a task changed (task id, its new status)
    taskChanged = Signal(str, str)

    def __init__(
        self,
        store: Store,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        language: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        language = language or get_setting(store, "ui.language") or "zh_CN"
        self.english = language == "en"
        self.words = CentreWords(self)
        self.today = centre_today(store)
        self.board: list[BoardUnit] = []
        self.loading = False
        self.note_dialog: NoteDialog | None = None
        self._loaded_once = False
        self._board_generation = 0
        self._detail_generation = 0
        self._want: str | None = None
        self.busy = False  # a change is being saved

        self.status_filter = QComboBox()
        for status in STATUS_FILTERS:
            self.status_filter.addItem(
                self.tr("All statuses") if status is None else self.words.task_status(status),
                status,
            )
        self.status_filter.currentIndexChanged.connect(lambda _i: self._show_tasks())
        self.summary = QLabel()
        sfont = QFont(self.summary.font())
        sfont.setBold(True)
        self.summary.setFont(sfont)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.status_filter)
        top.addStretch(1)
        top.addWidget(self.summary)

        self.units = QListWidget()
        # one-letter keys (F, C, O) must reach the page, not a Chinese IME
        self.units.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.units.setMinimumWidth(200)
        self.units.currentRowChanged.connect(lambda _r: self._show_tasks())
        self.model = TasksModel(self.words, self.english, self)
        self.table = QTableView()
        # one-letter keys (F, C, O) must reach the page, not a Chinese IME
        self.table.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_ITEM, QHeaderView.ResizeMode.Stretch)
        for col, width in (
            (COL_STATUS, 190),
            (COL_DEADLINE, 92),
            (COL_DAYS, 130),
            (COL_UNIT, 150),
            (COL_POINT, 150),
            (COL_PROPOSAL, 130),
        ):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.panel = TaskPanel(store, runner, self.words, self.english, self)
        self.panel.fixed_button.clicked.connect(lambda: self.change_status(rect.REPORTED_FIXED))
        self.panel.close_button.clicked.connect(lambda: self.change_status(rect.CLOSED))
        self.panel.reopen_button.clicked.connect(lambda: self.change_status(rect.OPEN))
        self.panel.confirm_button.clicked.connect(self.confirm_closure)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()

        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(self.units)
        upper.addWidget(self.table)
        upper.setStretchFactor(0, 1)
        upper.setStretchFactor(1, 4)
        upper.setSizes([230, 1000])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([380, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in (
            ("F", lambda: self.change_status(rect.REPORTED_FIXED)),
            ("O", lambda: self.change_status(rect.OPEN)),
            ("C", lambda: self.change_status(rect.CLOSED)),
            ("Ctrl+Return", self.confirm_closure),
            ("Ctrl+Enter", self.confirm_closure),
            ("Z", self.panel.before.zoom),
            ("F5", self.refresh),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        """Read the board again on a worker, keeping the selected task."""
        self._loaded_once = True
        self._board_generation += 1
        self.loading = True
        self._want = self.current_task_id() or self._want
        self.summary.setText(self.tr("loading…"))
        generation, store = self._board_generation, self.store

        def load(_p: Progress, _c: threading.Event) -> tuple[date, list[BoardUnit]]:
            today = centre_today(store)
            return today, rect.task_board(store, today=today)

        self.runner.run(
            load,
            on_done=lambda result: self._loaded(generation, *result),
            on_error=lambda exc: self._failed(generation, exc),
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_once:  # shown outside the window (tests, screenshots)
            QTimer.singleShot(0, self.refresh)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._board_generation:
            self.loading = False
            self.show_message(getattr(exc, "message", None) or str(exc), error=True)

    def _loaded(self, generation: int, today: date, board: list[BoardUnit]) -> None:
        if generation != self._board_generation:
            return
        self.loading = False
        self.today = self.panel.today = today
        self.board = board
        unit = self.current_unit()
        self.units.blockSignals(True)
        self.units.clear()
        overdue = sum(u.overdue for u in board)
        self.units.addItem(self.unit_text(self.tr("All units"), overdue))
        for u in board:
            self.units.addItem(self.unit_text(u.unit, u.overdue))
            if u.overdue:
                item = self.units.item(self.units.count() - 1)
                item.setForeground(QBrush(STATUS_COLOURS[rect.OVERDUE][1]))
        names = [u.unit for u in board]
        self.units.setCurrentRow(names.index(unit) + 1 if unit in names else 0)
        self.units.blockSignals(False)
        total = sum(len(u.tasks) for u in board)
        self.summary.setText(
            " · ".join(
                [
                    self.tr("%n task(s)", "", total),
                    self.tr("%n overdue", "", overdue),
                    self.tr("%n open", "", sum(u.open for u in board)),
                    self.tr("%n reported fixed", "", sum(u.reported_fixed for u in board)),
                    self.tr("%n closed", "", sum(u.closed for u in board)),
                ]
            )
        )
        self._show_tasks()

    def unit_text(self, name: str, overdue: int) -> str:
        if not overdue:
            return name
        return f"{name}  ·  " + self.tr("%n overdue", "", overdue)

    def current_unit(self) -> str | None:
        row = self.units.currentRow()
        return self.board[row - 1].unit if 1 <= row <= len(self.board) else None

    def tasks_shown(self) -> list[TaskInfo]:
        unit = self.current_unit()
        status = self.status_filter.currentData()
        if unit is None:
            # every unit: the core's order (overdue first, then by deadline)
            tasks = [t for u in self.board for t in u.tasks]
            tasks.sort(key=lambda t: (not t.overdue, t.deadline, t.unit, t.id))
        else:
            tasks = list(next(u.tasks for u in self.board if u.unit == unit))
        if status == rect.OVERDUE:
            return [t for t in tasks if t.overdue]
        if status in (rect.OPEN, rect.REPORTED_FIXED):
            return [t for t in tasks if t.status == status and not t.overdue]
        if status == rect.CLOSED:
            return [t for t in tasks if t.status == rect.CLOSED]
        return tasks

    def _show_tasks(self) -> None:
        keep = self.current_task_id() or self._want
        self.model.set_rows(self.tasks_shown(), self.today)
        n = self.model.row_of(keep) if keep else -1
        self._want = None
        if n < 0 and self.model.rowCount():
            n = 0
        if n >= 0:
            self.table.selectRow(n)
            self.table.scrollTo(self.model.index(n, 0))
        else:
            self.panel.show_detail(None)

    def current_task(self) -> TaskInfo | None:
        return self.model.task_at(self.table.currentIndex().row())

    def current_task_id(self) -> str | None:
        task = self.current_task()
        return task.id if task else None

    def select_task(self, task_id: str) -> bool:
        n = self.model.row_of(task_id)
        if n >= 0:
            self.table.selectRow(n)
        return n >= 0

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        task = self.model.task_at(current.row())
        self.load_detail(task.id if task else None)

    def load_detail(self, task_id: str | None) -> None:
        self._detail_generation += 1
        if task_id is None:
            self.panel.show_detail(None)
            return
        generation, store, today = self._detail_generation, self.store, self.today

        def read(_p: Progress, _c: threading.Event) -> TaskDetail:
            return rect.task_detail(store, task_id, today=today)

        def done(detail: TaskDetail) -> None:
            if generation == self._detail_generation:
                self.panel.show_detail(detail)

        self.runner.run(
            read,
            on_done=done,
            on_error=lambda exc: self.show_message(getattr(exc, "message", str(exc)), error=True),
        )

    # ------------------------------------------------------------------ changes
    def change_status(self, status: str) -> None:
        """Ask for a note (required to reopen), then move the shown task on a worker."""
        detail = self.panel.detail
        if detail is None or self.note_dialog is not None or self.busy:
            return
        task = detail.task
        if (task.status, status) not in rect.TRANSITIONS:
            return
        titles = {
            rect.REPORTED_FIXED: (
                self.tr("Reported fixed"),
                self.tr("The unit reports the problem fixed. Note (optional):"),
            ),
            rect.CLOSED: (
                self.tr("Close the task"),
                self.tr("Verified and closed. Note (optional), e.g. how it was checked:"),
            ),
            rect.OPEN: (
                self.tr("Reopen the task"),
                self.tr("Why does the task go back to open?"),
            ),
        }
        title, prompt = titles[status]
        dialog = self.note_dialog = NoteDialog(
            title, prompt, required=status == rect.OPEN, parent=self
        )

        def finished(result: int) -> None:
            self.note_dialog = None
            dialog.deleteLater()
            self.table.setFocus()
            if result != QDialog.DialogCode.Accepted:
                return
            store, note, version = self.store, dialog.note_text(), task.version
            self._save(
                task,
                lambda: rect.update_status(
                    store, task.id, status, note=note, expected_version=version
                ),
            )

        dialog.finished.connect(finished)
        dialog.open()

    def confirm_closure(self) -> None:
        """Close the shown task on the strength of its re-inspection (the before/after)."""
        detail = self.panel.detail
        if detail is None or detail.proposal is None or self.busy:
            return
        store, task = self.store, detail.task
        finding, version = detail.proposal.finding_id, task.version
        self._save(
            task,
            lambda: rect.confirm_closure(store, task.id, finding, expected_version=version),
        )

    def _save(self, task: TaskInfo, fn: Callable[[], TaskInfo]) -> None:
        self.busy = True
        for button in self.panel._buttons():
            button.setEnabled(False)

        def work(_p: Progress, _c: threading.Event) -> TaskInfo:
            return fn()

        def done(info: TaskInfo) -> None:
            self._saved()
            self.show_message(
                self.tr("%1: now %2")
                .replace("%1", f"{info.point_name} · {info.item_code}")
                .replace("%2", self.words.task_status(info.status))
            )
            self._want = info.id
            self.taskChanged.emit(info.id, info.status)
            self.refresh()

        def failed(exc: BaseException) -> None:
            self._saved()
            message = getattr(exc, "message", None) or str(exc)
            what = f"{task.point_name} · {task.item_code}"
            if isinstance(exc, rect.TaskConflict) and exc.changed_by and exc.changed_at:
                # another supervisor changed it first: who, to what, when
                message = (
                    self.tr("%1 was changed meanwhile by %2 (now %3, %4)")
                    .replace("%1", what)
                    .replace("%2", exc.changed_by)
                    .replace("%3", self.words.task_status(exc.status))
                    .replace("%4", centre_time(exc.changed_at, self.panel.tz))
                )
            self.show_message(self.tr("Not saved: %1").replace("%1", message), error=True)
            if isinstance(exc, ConflictError):
                self._want = task.id
                self.refresh()  # changed meanwhile: show it as it now is

        self.runner.run(work, on_done=done, on_error=failed)

    def _saved(self) -> None:
        self.busy = False
        for button in self.panel._buttons():
            button.setEnabled(True)

    # ------------------------------------------------------------------ messages
    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(BANNER_ERROR if error else BANNER_OK)
        self.message.show()


__all__ = ["BoardPage", "NoteDialog", "TaskPanel", "TasksModel"]
