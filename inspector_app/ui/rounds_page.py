"""The command centre's Rounds page: every covert round, and for the chosen one its board
(assigned, inspected, exported and received per inspector and per district, completion,
the overdue points first); a new round, its assignment and its packages from small dialogs
over the same core services as `inspector-app round …`."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core import rounds
from inspector_app.core.periods import centre_today
from inspector_app.core.rounds import AssignmentInfo, BoardRow, RoundBoard, RoundInfo
from inspector_app.core.settings import get_setting
from inspector_app.core.store import Store
from inspector_app.ui.centre_words import STATUS_COLOURS
from inspector_app.ui.my_round import STATUS_MARKS, RoundWords, point_type_names
from inspector_app.ui.review_models import ModelIndex
from inspector_app.ui.rows_model import RowsModel
from inspector_app.ui.tasks import Progress, TaskRunner

BANNER_ERROR = "background: #fde2e1; color: #a4161a; padding: 6px 8px; border-radius: 3px;"
BANNER_OK = "background: #e3f4e6; color: #1f6b33; padding: 6px 8px; border-radius: 3px;"
COL_STATUS, COL_CODE, COL_NAME, COL_TYPE, COL_DISTRICT, COL_INSPECTOR, COL_DAYS = range(7)
ROUND_ROLE = Qt.ItemDataRole.UserRole


def overdue_first(items: Sequence[AssignmentInfo]) -> list[AssignmentInfo]:
    """The board's points: overdue ones first, then the sample's order."""
    order = {a.id: n for n, a in enumerate(items)}
    return sorted(items, key=lambda a: (not a.overdue, order[a.id]))


class PointsModel(RowsModel):
    """A round's sampled points with inspector and status (overdue first)."""

    COLUMNS = 7

    def __init__(self, words: RoundWords, chinese: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words = words
        self.chinese = chinese
        self.rows: list[AssignmentInfo] = []
        self.names: dict[str, str] = {}
        self.type_names: dict[str, tuple[str, str]] = {}

    def headers(self) -> list[str]:
        return [
            self.tr("Status"),
            self.tr("Code"),
            self.tr("Point"),
            self.tr("Type"),
            self.tr("District"),
            self.tr("Inspector"),
            self.tr("Days left"),
        ]

    def set_rows(
        self,
        rows: Sequence[AssignmentInfo],
        names: dict[str, str],
        type_names: dict[str, tuple[str, str]],
    ) -> None:
        self.beginResetModel()
        self.rows = overdue_first(rows)
        self.names = names
        self.type_names = type_names
        self.endResetModel()

    def inspector_text(self, code: str | None) -> str:
        if not code:
            return self.tr("not assigned")
        name = self.names.get(code)
        return f"{name} ({code})" if name else code

    def status_text(self, a: AssignmentInfo) -> str:
        text = f"{STATUS_MARKS.get(a.status, '')} {self.words.status(a.status)}"
        return text + " · " + self.tr("overdue") if a.overdue else text

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        a = self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None
        if a is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_STATUS:
                return self.status_text(a)
            if col == COL_CODE:
                return a.point_code
            if col == COL_NAME:
                return a.point_name
            if col == COL_TYPE:
                return self.words.point_type(a, self.type_names, self.chinese)
            if col == COL_DISTRICT:
                return a.district
            if col == COL_INSPECTOR:
                return self.inspector_text(a.inspector_code)
            if col == COL_DAYS:
                return self.words.days_left(a)
            return ""
        if a.overdue and col in (COL_STATUS, COL_DAYS):
            back, fore = STATUS_COLOURS["overdue"]
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(back)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(fore)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.UserRole:
            return a.id
        return None


@dataclass(frozen=True)
class Loaded:
    rounds: list[RoundInfo]
    board: RoundBoard | None
    names: dict[str, str]  # inspector code -> name
    type_names: dict[str, tuple[str, str]]
    districts: list[str]  # the register's, for home districts


def inspector_names(store: Store) -> dict[str, str]:
    """Inspector code -> name, of enrolled keys (revoked ones too: old rounds name them)."""
    from inspector_app.core.keyring import list_keys

    out: dict[str, str] = {}
    for key in sorted(list_keys(store), key=lambda k: k.revoked):
        out.setdefault(key.code, key.name)
    return out


def load_rounds(store: Store, round_id: str | None) -> Loaded:
    """The rounds and the board of `round_id` (else of the newest round), on a worker."""
    found = rounds.list_rounds(store)
    ids = [r.id for r in found]
    chosen = round_id if round_id in ids else (ids[0] if ids else None)
    board = rounds.round_board(store, chosen) if chosen else None
    from inspector_app.core.points import list_points

    districts = sorted({p.district for p in list_points(store) if p.district})
    return Loaded(found, board, inspector_names(store), point_type_names(store), districts)


class RoundsPage(QWidget):
    """Rounds and their boards (`refresh()` when shown)."""

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
        self.words = RoundWords(self)
        self.loading = False
        self.busy = False  # a dialog's work is running
        self.board: RoundBoard | None = None
        self.rounds: list[RoundInfo] = []
        self.districts: list[str] = []
        self._loaded_once = False
        self._generation = 0
        self._want: str | None = None

        self.round_list = QListWidget()
        self.round_list.setMinimumWidth(220)
        self.round_list.setWordWrap(True)
        self.round_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.round_list.currentItemChanged.connect(lambda _c, _p: self._round_changed())
        self.new_button = QPushButton(self.tr("New round…"))
        self.new_button.clicked.connect(self.new_round)
        self.assign_button = QPushButton(self.tr("Assign…"))
        self.assign_button.clicked.connect(self.assign)
        self.package_button = QPushButton(self.tr("Write packages…"))
        self.package_button.clicked.connect(self.write_packages)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(QLabel(self.tr("Rounds")))
        lv.addWidget(self.round_list, 1)
        lv.addWidget(self.new_button)
        lv.addWidget(self.assign_button)
        lv.addWidget(self.package_button)

        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.hide()
        self.by_inspector = self._counts_table(self.tr("Inspector"))
        self.by_district = self._counts_table(self.tr("District"))
        counts = QHBoxLayout()
        counts.addWidget(self.by_inspector, 1)
        counts.addWidget(self.by_district, 1)
        self.model = PointsModel(self.words, language.startswith("zh"), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(
            self.tr(
                "No round yet. “New round…” samples points from the register; then assign "
                "them to inspectors and write each inspector's package."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.heading)
        rv.addWidget(self.summary)
        rv.addWidget(self.notes)
        rv.addLayout(counts)
        rv.addWidget(QLabel(self.tr("Points (overdue first)")))
        rv.addWidget(self.table, 1)
        rv.addWidget(self.empty, 1)
        self.right = right

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([270, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        shortcut = QShortcut(QKeySequence("F5"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.refresh)
        self._show_board()

    def _counts_table(self, first: str) -> QTableWidget:
        table = QTableWidget(0, 6)
        table.setHorizontalHeaderLabels(
            [
                first,
                self.tr("Assigned"),
                self.tr("Inspected"),
                self.tr("Exported"),
                self.tr("Received"),
                self.tr("Overdue"),
            ]
        )
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setShowGrid(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setMaximumHeight(190)
        return table

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        """Read the rounds and the chosen round's board again on a worker."""
        self._loaded_once = True
        self._generation += 1
        self.loading = True
        want = self._want or self.current_round_id()
        generation, store = self._generation, self.store

        def load(_p: Progress, _c: threading.Event) -> Loaded:
            return load_rounds(store, want)

        self.runner.run(
            load,
            on_done=lambda loaded: self._loaded(generation, loaded),
            on_error=lambda exc: self._failed(generation, exc),
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_once:  # shown outside the window (tests, screenshots)
            QTimer.singleShot(0, self.refresh)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.loading = False
            self.show_message(getattr(exc, "message", None) or str(exc), error=True)

    def _loaded(self, generation: int, loaded: Loaded) -> None:
        if generation != self._generation:
            return
        self._want = None
        self.rounds = loaded.rounds
        self.board = loaded.board
        self.districts = loaded.districts
        self.round_list.blockSignals(True)
        self.round_list.clear()
        chosen = loaded.board.round.id if loaded.board else None
        for r in loaded.rounds:
            item = QListWidgetItem(
                f"{r.name}\n{self.words.window(r.starts_on, r.ends_on)} · "
                + self.tr("%1 of %2 assigned")
                .replace("%1", str(r.assigned))
                .replace("%2", str(r.points))
            )
            item.setData(ROUND_ROLE, r.id)
            self.round_list.addItem(item)
            if r.id == chosen:
                self.round_list.setCurrentItem(item)
        self.round_list.blockSignals(False)
        self.model.set_rows(
            loaded.board.assignments if loaded.board else [], loaded.names, loaded.type_names
        )
        self._show_board()
        self.loading = False

    def current_round_id(self) -> str | None:
        item = self.round_list.currentItem()
        return str(item.data(ROUND_ROLE)) if item is not None else None

    def select_round(self, round_id: str) -> None:
        """Show `round_id`'s board (read again on a worker)."""
        self._want = round_id
        self.refresh()

    def _round_changed(self) -> None:
        rid = self.current_round_id()
        if rid and (self.board is None or self.board.round.id != rid):
            self.select_round(rid)

    def _show_board(self) -> None:
        b = self.board
        has = b is not None
        for w in (self.summary, self.by_inspector, self.by_district, self.table):
            w.setVisible(has)
        self.empty.setVisible(not has)
        self.assign_button.setEnabled(has and b is not None and b.round.origin == "centre")
        self.package_button.setEnabled(has and b is not None and b.total.assigned > 0)
        if b is None:
            self.heading.setText(self.tr("Rounds"))
            self.notes.hide()
            return
        r = b.round
        self.heading.setText(f"{r.name} · {self.words.window(r.starts_on, r.ends_on)}")
        t = b.total
        done = f"{b.completion:.0%}" if b.completion is not None else "–"
        self.summary.setText(
            " · ".join(
                [
                    self.tr("%n point(s)", "", len(b.assignments)),
                    self.tr("assigned %1").replace("%1", str(t.assigned)),
                    self.tr("inspected %1").replace("%1", str(t.inspected)),
                    self.tr("exported %1").replace("%1", str(t.exported)),
                    self.tr("received %1 (%2 complete)")
                    .replace("%1", str(t.received))
                    .replace("%2", done),
                    self.tr("%n overdue", "", t.overdue),
                    self.tr("seed %1").replace("%1", r.seed),
                ]
            )
        )
        if r.notes:
            self.notes.setText(self.tr("Sampling notes: %1").replace("%1", "; ".join(r.notes)))
            self.notes.show()
        else:
            self.notes.hide()
        self._fill_counts(
            self.by_inspector,
            b.by_inspector,
            lambda code: self.model.inspector_text(code),
        )
        self._fill_counts(self.by_district, b.by_district, lambda name: name)

    def _fill_counts(self, table: QTableWidget, rows: Sequence[BoardRow], label: Any) -> None:
        table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            values = [
                label(row.label),
                row.assigned,
                row.inspected,
                row.exported,
                row.received,
                row.overdue,
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if col:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if col == 5 and row.overdue:
                    back, fore = STATUS_COLOURS["overdue"]
                    item.setBackground(QBrush(back))
                    item.setForeground(QBrush(fore))
                table.setItem(n, col, item)

    def counts_of(self, table: QTableWidget) -> dict[str, tuple[int, ...]]:
        """label shown -> (assigned, inspected, exported, received, overdue), as shown."""
        out = {}
        for n in range(table.rowCount()):
            cells = [item.text() if (item := table.item(n, c)) else "" for c in range(6)]
            out[cells[0]] = tuple(int(v) for v in cells[1:])
        return out

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(BANNER_ERROR if error else BANNER_OK)
        self.message.setText(text)
        self.message.show()

    # ------------------------------------------------------------------ actions
    def _run(self, dialog: FormDialog, work: Any, done: Any) -> None:
        """Run a dialog's core call on a worker; the dialog closes when it succeeds and
        shows the refusal (staying open with what was typed) when it does not."""
        self.busy = True
        for b in (self.new_button, self.assign_button, self.package_button):
            b.setEnabled(False)

        def over() -> None:
            self.busy = False
            self.new_button.setEnabled(True)
            self._show_board()

        def finished(result: object) -> None:
            over()
            dialog.finish()
            done(result)

        def failed(exc: BaseException) -> None:
            over()
            dialog.fail(getattr(exc, "message", None) or str(exc))

        self.runner.run(lambda _p, _c: work(), on_done=finished, on_error=failed)

    def new_round(self) -> NewRoundDialog | None:
        """Open the New round dialog (None while other work runs)."""
        if self.busy:
            return None
        dialog = NewRoundDialog(centre_today(self.store), self)
        store = self.store

        def done(info: RoundInfo) -> None:
            text = self.tr("Round “%1” made: %n point(s) sampled.", "", info.points).replace(
                "%1", info.name
            )
            if info.notes:
                text += " " + self.tr("Sampling notes: %1").replace("%1", "; ".join(info.notes))
            self.show_message(text)
            self.select_round(info.id)

        def submitted() -> None:
            values = dialog.values()
            self._run(dialog, lambda: rounds.create_round(store, **values), done)

        dialog.submitted.connect(submitted)
        dialog.open()
        return dialog

    def assign(self) -> AssignDialog | None:
        """Open the Assign dialog for the round shown (None when there is nothing to do)."""
        if self.busy or self.board is None:
            return None
        from inspector_app.core.keyring import list_keys

        keys = [k for k in list_keys(self.store) if not k.revoked]
        if not keys:
            self.show_message(
                self.tr("No inspector's key is enrolled: enrol the laptops' keys first."),
                error=True,
            )
            return None
        dialog = AssignDialog([(k.code, k.name) for k in keys], self.districts, self)
        store, rid = self.store, self.board.round.id

        def done(board: RoundBoard) -> None:
            self.show_message(
                self.tr("%n point(s) assigned.", "", board.total.assigned)
                + " "
                + self.tr("Next: write each inspector's package.")
            )
            self.select_round(board.round.id)

        def submitted() -> None:
            codes, homes = dialog.chosen(), dialog.homes()
            self._run(dialog, lambda: rounds.assign_round(store, rid, codes, homes=homes), done)

        dialog.submitted.connect(submitted)
        dialog.open()
        return dialog

    def write_packages(self) -> WritePackagesDialog | None:
        """Open the Write packages dialog: one package per assigned inspector into a folder
        (the centre's passphrase unlocks its signing key; scrypt and age run on a worker)."""
        from inspector_app.core.package.writer import WrittenPackage, write_package

        if self.busy or self.board is None:
            return None
        codes = sorted({a.inspector_code for a in self.board.assignments if a.inspector_code})
        if not codes:
            return None
        labels = [self.model.inspector_text(c) for c in codes]
        dialog = WritePackagesDialog(self.board.round.name, labels, self)
        store, rid = self.store, self.board.round.id

        def done(written: list[WrittenPackage]) -> None:
            lines = [
                self.tr("%1: package %2 with %n point(s) → %3", "", w.assignments)
                .replace("%1", w.inspector_code)
                .replace("%2", str(w.sequence))
                .replace("%3", w.path.name)
                for w in written
            ]
            self.show_message(
                self.tr("Packages written to %1:").replace("%1", str(written[0].path.parent))
                + "\n"
                + "\n".join(lines)
            )
            self.refresh()

        def submitted() -> None:
            folder, secret = dialog.folder_path(), dialog.passphrase.text()

            def work() -> list[WrittenPackage]:
                return [write_package(store, rid, c, folder, passphrase=secret) for c in codes]

            self._run(dialog, work, done)

        dialog.submitted.connect(submitted)
        dialog.open()
        return dialog


class FormDialog(QDialog):
    """A dialog whose OK checks the fields, then asks the page to do the work on a worker
    (`submitted`); the page calls finish() when it is done or fail(reason) when it was
    refused, and the dialog stays open with what was typed."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.working = False
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(BANNER_ERROR)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None  # the box was made with an OK button
        self.ok = ok

    def problem(self) -> str | None:
        """What is wrong with the fields, in words (None: nothing)."""
        return None

    def accept(self) -> None:
        if self.working:
            return
        problem = self.problem()
        if problem:
            self.fail(problem)
            return
        self.error.hide()
        self.working = True
        self.ok.setEnabled(False)
        self.submitted.emit()

    def reject(self) -> None:
        if not self.working:  # the work cannot be called back once it runs
            super().reject()

    def finish(self) -> None:
        self.working = False
        super().accept()

    def fail(self, text: str) -> None:
        self.working = False
        self.ok.setEnabled(True)
        self.error.setText(text)
        self.error.show()


class NewRoundDialog(FormDialog):
    """A new round's name, window, sample size and filters (as `round create` takes)."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New round"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Week 48 covert round"))
        self.starts = QDateEdit(QDate(today.year, today.month, today.day))
        self.starts.setCalendarPopup(True)
        self.starts.setDisplayFormat("yyyy-MM-dd")
        end = today + timedelta(days=6)
        self.ends = QDateEdit(QDate(end.year, end.month, end.day))
        self.ends.setCalendarPopup(True)
        self.ends.setDisplayFormat("yyyy-MM-dd")
        self.per_type = QSpinBox()
        self.per_type.setRange(1, rounds.MAX_PER_TYPE)
        self.per_type.setValue(2)
        self.per_district = QCheckBox(self.tr("that many in every district"))
        self.types = QLineEdit()
        self.types.setPlaceholderText(self.tr("all types (or codes or names, comma-separated)"))
        self.districts = QLineEdit()
        self.districts.setPlaceholderText(self.tr("all districts (or names, comma-separated)"))
        self.recent = QSpinBox()
        self.recent.setRange(0, 366)
        self.recent.setValue(rounds.DEFAULT_EXCLUDE_RECENT_DAYS)
        self.recent.setSuffix(self.tr(" days"))
        self.seed = QLineEdit()
        self.seed.setMaxLength(64)
        self.seed.setPlaceholderText(self.tr("made and recorded if left empty"))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("From"), self.starts)
        form.addRow(self.tr("To"), self.ends)
        form.addRow(self.tr("Points per type"), self.per_type)
        form.addRow("", self.per_district)
        form.addRow(self.tr("Types"), self.types)
        form.addRow(self.tr("Districts"), self.districts)
        form.addRow(self.tr("Leave out points inspected in the last"), self.recent)
        form.addRow(self.tr("Seed"), self.seed)
        self.name.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        self.ok.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, 380)

    @staticmethod
    def _split(text: str) -> list[str]:
        return [p.strip() for p in text.replace("，", ",").split(",") if p.strip()]

    def problem(self) -> str | None:
        if not self.name.text().strip():
            return self.tr("Give the round a name.")
        if self.ends.date() < self.starts.date():
            return self.tr("The round ends before it starts: choose a later “To” date.")
        if self.starts.date().daysTo(self.ends.date()) > 366:
            return self.tr("A round's window can be at most a year.")
        return None

    def values(self) -> dict[str, Any]:
        """The keyword arguments of rounds.create_round."""
        return {
            "name": self.name.text(),
            "starts_on": self.starts.date().toPython(),
            "ends_on": self.ends.date().toPython(),
            "per_type": self.per_type.value(),
            "per_district": self.per_district.isChecked(),
            "types": self._split(self.types.text()),
            "districts": self._split(self.districts.text()),
            "exclude_recent_days": self.recent.value(),
            "seed": self.seed.text().strip() or None,
        }


class AssignDialog(FormDialog):
    """Choose the inspectors to share the round's points among, and each one's home
    district (never sent there), from the register's districts."""

    def __init__(
        self,
        inspectors: Sequence[tuple[str, str]],
        districts: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign the round"))
        intro = QLabel(
            self.tr(
                "Tick the inspectors who share this round's points (evenly, each within few "
                "districts). A home district given keeps its inspector away from it."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(inspectors), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Inspector"), self.tr("Home district")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.home_boxes: list[QComboBox] = []
        for n, (code, name) in enumerate(inspectors):
            who = QTableWidgetItem(f"{name} ({code})")
            who.setData(Qt.ItemDataRole.UserRole, code)
            who.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            who.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(n, 0, who)
            box = QComboBox()
            box.addItem("—", "")  # no home district given
            for d in districts:
                box.addItem(d, d)
            box.setAccessibleName(self.tr("Home district of %1").replace("%1", code))
            self.table.setCellWidget(n, 1, box)
            self.home_boxes.append(box)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(480, 360)

    def cell(self, row: int, col: int) -> QTableWidgetItem:
        item = self.table.item(row, col)
        assert item is not None  # every cell is filled in __init__
        return item

    def row_of(self, code: str) -> int:
        for n in range(self.table.rowCount()):
            if self.cell(n, 0).data(Qt.ItemDataRole.UserRole) == code:
                return n
        raise KeyError(code)

    def tick(self, code: str, on: bool) -> None:
        self.cell(self.row_of(code), 0).setCheckState(
            Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        )

    def set_home(self, code: str, district: str) -> None:
        box = self.home_boxes[self.row_of(code)]
        box.setCurrentIndex(max(0, box.findData(district)))

    def chosen(self) -> list[str]:
        return [
            str(self.cell(n, 0).data(Qt.ItemDataRole.UserRole))
            for n in range(self.table.rowCount())
            if self.cell(n, 0).checkState() == Qt.CheckState.Checked
        ]

    def homes(self) -> dict[str, str]:
        chosen = set(self.chosen())
        out = {}
        for n in range(self.table.rowCount()):
            code = str(self.cell(n, 0).data(Qt.ItemDataRole.UserRole))
            home = str(self.home_boxes[n].currentData() or "")
            if home and code in chosen:
                out[code] = home
        return out

    def problem(self) -> str | None:
        if not self.chosen():
            return self.tr("Tick at least one inspector.")
        return None


class WritePackagesDialog(FormDialog):
    """The folder for the round's packages (a USB stick) and the command centre's
    passphrase; one package per assigned inspector."""

    def __init__(
        self, round_name: str, inspectors: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Write packages"))
        intro = QLabel(
            self.tr(
                "Round “%1”: a package for each of %n inspector(s):", "", len(inspectors)
            ).replace("%1", round_name)
            + "\n"
            + "\n".join(inspectors)
        )
        intro.setWordWrap(True)
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("Folder for the packages (a USB stick)"))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose_button)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Folder"), row)
        form.addRow(self.tr("The command centre's passphrase:"), self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, 220)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the packages (a USB stick)"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)

    def folder_path(self) -> Path:
        return Path(self.folder.text().strip()).expanduser()

    def problem(self) -> str | None:
        if not self.folder.text().strip():
            return self.tr("Choose the folder to write the packages to.")
        if not self.folder_path().is_dir():
            return self.tr("The folder %1 does not exist.").replace("%1", str(self.folder_path()))
        if not self.passphrase.text():
            return self.tr("Type the command centre's passphrase.")
        return None


__all__ = [
    "AssignDialog",
    "FormDialog",
    "NewRoundDialog",
    "PointsModel",
    "RoundsPage",
    "WritePackagesDialog",
    "overdue_first",
]
