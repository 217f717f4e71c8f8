"""The inspector's "My round" beside the inspections list: the round a package brought, its
window and days left, each assigned point with its status (to do first), and starting an
inspection from an assignment (linked to it). Without a package it says how to get one."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.errors import InspectorError
from inspector_app.core.minisign import PublicKey
from inspector_app.core.rounds import (
    DONE,
    EXPORTED,
    IN_PROGRESS,
    RECEIVED,
    STATUSES,
    TODO,
    AssignmentInfo,
)
from inspector_app.core.store import Store
from inspector_app.ui.centre_words import CentreWords
from inspector_app.ui.rows_model import ModelIndex, RowsModel
from inspector_app.ui.tasks import Progress, TaskRunner

COL_STATUS, COL_CODE, COL_NAME, COL_DISTRICT, COL_TYPE, COL_DAYS, COL_ROUND = range(7)
#: statuses still to be visited (their window matters)
OPEN = (TODO, IN_PROGRESS)
STATUS_MARKS = {TODO: "○", IN_PROGRESS: "◐", DONE: "●", EXPORTED: "⇪", RECEIVED: "✓"}


class RoundWords(QObject):
    """Translated words of covert rounds (the laptop's My round and the centre's board)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.deadlines = CentreWords(self)

    def days_left(self, a: AssignmentInfo) -> str:
        """Days left in the assignment's window, or overdue (nothing once visited)."""
        today = a.ends_on - timedelta(days=a.days_left)
        return self.deadlines.days_left(a.ends_on, today, closed=a.status not in OPEN)

    @staticmethod
    def point_type(a: AssignmentInfo, type_names: dict[str, tuple[str, str]], chinese: bool) -> str:
        zh, en = type_names.get(a.point_type, (a.point_type, a.point_type))
        return zh if chinese else en

    def status(self, status: str) -> str:
        return {
            TODO: self.tr("to do"),
            IN_PROGRESS: self.tr("in progress"),
            DONE: self.tr("done"),
            EXPORTED: self.tr("exported"),
            RECEIVED: self.tr("received"),
        }.get(status, status)

    def window(self, starts_on: date, ends_on: date) -> str:
        return (
            self.tr("%1 to %2")
            .replace("%1", starts_on.isoformat())
            .replace("%2", ends_on.isoformat())
        )


def my_round_order(items: Sequence[AssignmentInfo]) -> list[AssignmentInfo]:
    """To do first, then in progress, done, exported; within a status the window that ends
    first, then the package's order."""
    rank = {s: n for n, s in enumerate(STATUSES)}
    order = {a.id: n for n, a in enumerate(items)}
    return sorted(items, key=lambda a: (rank.get(a.status, 99), a.ends_on, order[a.id]))


@dataclass(frozen=True)
class RoundSummary:
    """One round of this laptop's assignments, for the panel's heading."""

    round_id: str
    name: str
    starts_on: date
    ends_on: date
    points: int
    visited: int
    days_left: int


def summarise(items: Sequence[AssignmentInfo]) -> list[RoundSummary]:
    """The rounds of `items` in their order (newest first, as my_assignments lists them)."""
    out: dict[str, list[AssignmentInfo]] = {}
    for a in items:
        out.setdefault(a.round_id, []).append(a)
    found = []
    for round_id, rows in out.items():
        today = rows[0].ends_on - timedelta(days=rows[0].days_left)
        ends = max(a.ends_on for a in rows)
        found.append(
            RoundSummary(
                round_id=round_id,
                name=rows[0].round_name,
                starts_on=min(a.starts_on for a in rows),
                ends_on=ends,
                points=len(rows),
                visited=sum(1 for a in rows if a.status not in OPEN),
                days_left=(ends - today).days,
            )
        )
    return found


class MyRoundModel(RowsModel):
    """This laptop's assignments, one row each (to do first)."""

    COLUMNS = 7

    def __init__(self, words: RoundWords, chinese: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words = words
        self.chinese = chinese
        self.rows: list[AssignmentInfo] = []
        self.type_names: dict[str, tuple[str, str]] = {}

    def headers(self) -> list[str]:
        return [
            self.tr("Status"),
            self.tr("Code"),
            self.tr("Point"),
            self.tr("District"),
            self.tr("Type"),
            self.tr("Days left"),
            self.tr("Round"),
        ]

    def set_rows(
        self, rows: Sequence[AssignmentInfo], type_names: dict[str, tuple[str, str]]
    ) -> None:
        self.beginResetModel()
        self.rows = my_round_order(rows)
        self.type_names = type_names
        self.endResetModel()

    def assignment_at(self, row: int) -> AssignmentInfo | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, assignment_id: str) -> int:
        for n, a in enumerate(self.rows):
            if a.id == assignment_id:
                return n
        return -1

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        a = self.assignment_at(index.row()) if index.isValid() else None
        if a is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(a, col)
        if role == Qt.ItemDataRole.FontRole and a.overdue and col in (COL_STATUS, COL_DAYS):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                f"{a.point_code} {a.point_name} · {a.district}\n"
                f"{self._text(a, COL_TYPE)}\n"
                f"{a.round_name} · {self.words.window(a.starts_on, a.ends_on)}"
            )
        if role == Qt.ItemDataRole.UserRole:
            return a.id
        return None

    def _text(self, a: AssignmentInfo, col: int) -> str:
        if col == COL_STATUS:
            return f"{STATUS_MARKS.get(a.status, '')} {self.words.status(a.status)}"
        if col == COL_CODE:
            return a.point_code
        if col == COL_NAME:
            return a.point_name
        if col == COL_DISTRICT:
            return a.district
        if col == COL_TYPE:
            return self.words.point_type(a, self.type_names, self.chinese)
        if col == COL_DAYS:
            return self.words.days_left(a)
        if col == COL_ROUND:
            return a.round_name
        return ""


@dataclass(frozen=True)
class Loaded:
    items: list[AssignmentInfo]
    type_names: dict[str, tuple[str, str]]
    pinned: PublicKey | None


def point_type_names(store: Store) -> dict[str, tuple[str, str]]:
    """Point-type code -> (Chinese, English name), from the newest catalogue having it (the
    core has no service for this alone; the index's read is one query)."""
    from inspector_app.core.catalogue import PointTypeIndex

    with store.read() as s:
        return dict(PointTypeIndex.load(s).names)


def load_my_round(store: Store) -> Loaded:
    """What the panel shows, read in one go (on a worker)."""
    from inspector_app.core import centre_key
    from inspector_app.core.my_round import my_assignments

    items = my_assignments(store)
    return Loaded(items, point_type_names(store), centre_key.pinned_centre_key(store))


class MyRoundPanel(QWidget):
    """My round: `refresh()` reads it again on a worker; Enter, a double click or the
    button starts the selected assignment's inspection (or opens the one it has)."""

    #: an inspection to show in the checklist (started from an assignment, or its own)
    inspectionChosen = Signal(str)
    #: a message for the window's user (text, is it an error)
    message = Signal(str, bool)
    #: the user asked to import a package / pin the centre's key
    importRequested = Signal()
    pinRequested = Signal()

    def __init__(
        self,
        store: Store,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        language: str = "zh_CN",
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.words = RoundWords(self)
        self.loading = False
        self.loaded_once = False
        self.pinned: PublicKey | None = None
        self._generation = 0

        self.heading = QLabel()
        self.heading.setObjectName("myRoundHeading")
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)

        self.model = MyRoundModel(self.words, language.startswith("zh"), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        # type names run long ("Primary/secondary school and 200 m surroundings"): the
        # point's name gets the room, the type's full name is in the tooltip
        header.setSectionResizeMode(COL_TYPE, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(COL_TYPE, 120)
        self.table.doubleClicked.connect(lambda _i: self.start_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update_buttons())
        for key in ("Return", "Enter"):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.start_selected)

        self.start_button = QPushButton(self.tr("Start inspection"))
        self.start_button.clicked.connect(self.start_selected)
        self.import_button = QPushButton(self.tr("Import package…"))
        self.import_button.clicked.connect(self.importRequested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)

        # without a package: how to get one
        self.empty = QWidget()
        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        self.empty_text.setTextFormat(Qt.TextFormat.PlainText)
        self.pin_button = QPushButton(self.tr("Pin command-centre key…"))
        self.pin_button.clicked.connect(self.pinRequested.emit)
        self.empty_import = QPushButton(self.tr("Import package…"))
        self.empty_import.clicked.connect(self.importRequested.emit)
        ev = QVBoxLayout(self.empty)
        ev.setContentsMargins(0, 12, 0, 0)
        ev.addWidget(self.empty_text)
        eb = QHBoxLayout()
        eb.addWidget(self.pin_button)
        eb.addWidget(self.empty_import)
        eb.addStretch(1)
        ev.addLayout(eb)
        ev.addStretch(1)

        self.key_label = QLabel()
        self.key_label.setObjectName("pinnedKey")
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.detail)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.key_label)
        self._show_state([])

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        """Read My round again on a worker, keeping the selected assignment."""
        self.loaded_once = True
        self._generation += 1
        self.loading = True
        generation, store = self._generation, self.store

        def load(_p: Progress, _c: threading.Event) -> Loaded:
            return load_my_round(store)

        self.runner.run(
            load,
            on_done=lambda loaded: self._loaded(generation, loaded),
            on_error=lambda exc: self._failed(generation, exc),
        )

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.loading = False
            self.message.emit(getattr(exc, "message", None) or str(exc), True)

    def _loaded(self, generation: int, loaded: Loaded) -> None:
        if generation != self._generation:
            return
        keep = self.current_id()
        self.pinned = loaded.pinned
        self.model.set_rows(loaded.items, loaded.type_names)
        self.key_label.setText(self.key_text())
        self._show_state(loaded.items)
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and self.model.rows:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()
        self.loading = False

    def key_text(self) -> str:
        from inspector_app.core.centre_key import key_id_words

        if self.pinned is None:
            return self.tr("Command-centre key: none pinned yet")
        return self.tr("Command-centre key: %1").replace("%1", key_id_words(self.pinned))

    def _show_state(self, items: Sequence[AssignmentInfo]) -> None:
        has = bool(items)
        for w in (self.table, self.start_button, self.import_button, self.detail):
            w.setVisible(has)
        self.empty.setVisible(not has)
        if has:
            rounds = summarise(items)
            # one round (the usual case): its name is in the heading, not on every row
            self.table.setColumnHidden(COL_ROUND, len(rounds) < 2)
            self.heading.setText(" · ".join(r.name for r in rounds))
            self.detail.setText("\n".join(self.round_line(r) for r in rounds))
            return
        self.heading.setText(self.tr("No round yet"))
        steps = [
            self.tr(
                "The command centre sends your round in a package written for this laptop. "
                "To receive it:"
            ),
            self.tr(
                "1. Pin the command centre's key: choose its key file (centre.pub) and compare "
                "the key id with the command centre by phone or on paper."
            ),
            self.tr("2. Import the package file the command centre gave you."),
        ]
        if self.pinned is not None:
            steps[1] = self.tr("1. The command centre's key is pinned. ✓")
        self.empty_text.setText("\n\n".join(steps))

    def round_line(self, r: RoundSummary) -> str:
        if r.days_left > 0:
            left = self.tr("%n day(s) left", "", r.days_left)
        elif r.days_left == 0:
            left = self.tr("last day today")
        else:
            left = self.tr("ended %n day(s) ago", "", -r.days_left)
        return " · ".join(
            [
                self.words.window(r.starts_on, r.ends_on),
                left,
                self.tr("%1 of %2 visited")
                .replace("%1", str(r.visited))
                .replace("%2", str(r.points)),
            ]
        )

    # ------------------------------------------------------------------ starting
    def current(self) -> AssignmentInfo | None:
        return self.model.assignment_at(self.table.currentIndex().row())

    def current_id(self) -> str | None:
        a = self.current()
        return a.id if a else None

    def select(self, assignment_id: str) -> bool:
        row = self.model.row_of(assignment_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _update_buttons(self) -> None:
        a = self.current()
        self.start_button.setEnabled(a is not None)
        self.start_button.setText(
            self.tr("Open inspection")
            if a is not None and a.inspection_id
            else self.tr("Start inspection")
        )

    def start_selected(self) -> None:
        """Start a covert inspection linked to the selected assignment, or open the
        inspection it already has."""
        a = self.current()
        if a is None:
            return
        if a.inspection_id:
            self.inspectionChosen.emit(a.inspection_id)
            return
        from inspector_app.core.my_round import start_assignment

        try:
            summary = start_assignment(self.store, a.id, covert=True)
        except InspectorError as exc:
            self.message.emit(exc.message, True)
            self.refresh()
            return
        self.inspectionChosen.emit(summary.id)
        self.refresh()


__all__ = [
    "MyRoundModel",
    "MyRoundPanel",
    "RoundWords",
    "load_my_round",
    "my_round_order",
    "summarise",
]
