"""The checklist of one inspection: items grouped by category, keyboard-first entry.

Keys (on the item view; they work with a Chinese input method switched on, because the
view takes no input-method composition and full-width digits and signs count too):
↑/↓ or j/k move · 1 pass · 2 problem · 3 n.a. · 0 or Backspace clear · +/− count ·
Enter or N note · P photo. Every edit is saved at once through the core (a small SQLite
commit) and pushed on the shared undo stack, so what shows as entered is committed.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeyEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core import inspections, scoring
from inspector_app.core.errors import InspectorError
from inspector_app.core.inspections import InspectionDetail, ItemResult
from inspector_app.core.store import Store
from inspector_app.ui.tasks import TaskRunner

CATEGORIES = ("ads", "sanitation", "order")
COL_ITEM, COL_TEXT, COL_COUNT, COL_SEVERITY, COL_DEDUCTION, COL_PHOTOS, COL_NOTE = range(7)
N_COLUMNS = 7
#: internal id of a category row; item rows carry their category's row + 1
_TOP = 0

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


@dataclass(frozen=True)
class FindingState:
    """What one edit changes on one item: result (None = unanswered), count and note."""

    result: str | None
    count: int
    note: str

    @classmethod
    def of(cls, item: ItemResult) -> FindingState:
        return cls(item.result, item.count, item.note)


def _fmt_points(value: float) -> str:
    return f"{value:g}"


def _normalised_text(event: QKeyEvent) -> str:
    """The typed character with full-width forms (１２３＋－) folded to ASCII."""
    text = unicodedata.normalize("NFKC", event.text() or "")
    return text.replace("\u2212", "-").replace("\u2013", "-")


class ChecklistModel(QAbstractItemModel):
    """Two levels: categories, and under each the items of the inspection (read-only)."""

    def __init__(self, language: str = "zh", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self._groups: list[tuple[str, list[ItemResult]]] = []
        self.read_only = False

    # --- data in -------------------------------------------------------------------------

    def set_detail(self, detail: InspectionDetail | None) -> None:
        groups: list[tuple[str, list[ItemResult]]] = []
        if detail is not None:
            by_cat: dict[str, list[ItemResult]] = {}
            for item in detail.items:
                by_cat.setdefault(item.category, []).append(item)
            order = [c for c in CATEGORIES if c in by_cat] + [
                c for c in by_cat if c not in CATEGORIES
            ]
            groups = [(c, by_cat[c]) for c in order]
            self.read_only = detail.summary.status != inspections.DRAFT
        same_shape = [(c, [i.code for i in items]) for c, items in groups] == [
            (c, [i.code for i in items]) for c, items in self._groups
        ]
        if same_shape and groups:
            self._groups = groups
            for row, (_c, items) in enumerate(groups):
                parent = self.index(row, 0)
                self.dataChanged.emit(
                    self.index(0, 0, parent), self.index(len(items) - 1, N_COLUMNS - 1, parent)
                )
            return
        self.beginResetModel()
        self._groups = groups
        self.endResetModel()

    # --- lookups -------------------------------------------------------------------------

    def item_at(self, index: ModelIndex) -> ItemResult | None:
        if not index.isValid() or index.internalId() == _TOP:
            return None
        group = int(index.internalId()) - 1
        if group >= len(self._groups) or index.row() >= len(self._groups[group][1]):
            return None
        return self._groups[group][1][index.row()]

    def index_of(self, code: str, column: int = 0) -> QModelIndex:
        code = code.strip().upper()
        for g, (_c, items) in enumerate(self._groups):
            for r, item in enumerate(items):
                if item.code == code:
                    return self.createIndex(r, column, g + 1)
        return QModelIndex()

    def codes(self) -> list[str]:
        return [i.code for _c, items in self._groups for i in items]

    def find(self, code: str) -> ItemResult | None:
        return next((i for _c, items in self._groups for i in items if i.code == code), None)

    # --- QAbstractItemModel --------------------------------------------------------------

    def index(
        self,
        row: int,
        column: int,
        parent: ModelIndex = _ROOT,
    ) -> QModelIndex:
        if column < 0 or column >= N_COLUMNS or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != _TOP:
            return QModelIndex()
        g = parent.row()
        if g >= len(self._groups) or row >= len(self._groups[g][1]):
            return QModelIndex()
        return self.createIndex(row, column, g + 1)

    def parent(self, index: ModelIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, _TOP)

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:
        return N_COLUMNS

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _TOP:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            COL_ITEM: self.tr("Item"),
            COL_TEXT: self.tr("Check"),
            COL_COUNT: self.tr("Count"),
            COL_SEVERITY: self.tr("Severity"),
            COL_DEDUCTION: self.tr("Deduction"),
            COL_PHOTOS: self.tr("Photos"),
            COL_NOTE: self.tr("Note"),
        }.get(section)

    def category_name(self, category: str) -> str:
        return {
            "ads": self.tr("Public-service ads"),
            "sanitation": self.tr("Sanitation"),
            "order": self.tr("Order"),
        }.get(category, category)

    def severity_name(self, severity: str) -> str:
        return {
            "high": self.tr("high"),
            "medium": self.tr("medium"),
            "low": self.tr("low"),
        }.get(severity, severity)

    def result_mark(self, result: str | None) -> str:
        return {scoring.PASS: "✓", scoring.PROBLEM: "✗", scoring.NA: "–"}.get(result or "", "○")

    def result_name(self, result: str | None) -> str:
        return {
            scoring.PASS: self.tr("pass"),
            scoring.PROBLEM: self.tr("problem"),
            scoring.NA: self.tr("not applicable"),
        }.get(result or "", self.tr("not answered"))

    def count_text(self, item: ItemResult) -> str:
        if item.result != scoring.PROBLEM or item.mode == scoring.PASS_FAIL:
            return ""
        if item.mode == scoring.PER_MISSING and item.quota is not None:
            return (
                self.tr("missing %1 of %2")
                .replace("%1", str(item.count))
                .replace("%2", str(item.quota))
            )
        return f"×{item.count}"

    def photo_text(self, item: ItemResult) -> str:
        n = len(item.photos)
        if item.result == scoring.PROBLEM and item.needs_photo and n == 0:
            return self.tr("needed")
        return str(n) if n else ""

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = index.column()
        if role == Qt.ItemDataRole.SizeHintRole and col == COL_NOTE:
            # CJK glyphs are taller than Latin ones: give every row the same breathing room
            return QSize(-1, int(QFontMetrics(QFont()).height() * 1.7))
        if index.internalId() == _TOP:
            if role == Qt.ItemDataRole.DisplayRole and col == 0:
                cat, items = self._groups[index.row()]
                done = sum(1 for i in items if i.result is not None)
                return f"{self.category_name(cat)}  ({done}/{len(items)})"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        item = self.item_at(index)
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = item.text_en if self.language == "en" else item.text_zh
            return f"{item.code} · {self.result_name(item.result)}\n{text}" + (
                f"\n{item.note}" if item.note else ""
            )
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_ITEM or (
                col == COL_PHOTOS and self.photo_text(item) == self.tr("needed")
            ):
                colour = {
                    scoring.PASS: QColor(30, 130, 60),
                    scoring.PROBLEM: QColor(200, 40, 40),
                    scoring.NA: QColor(120, 120, 120),
                }.get(item.result or "")
                if col == COL_PHOTOS:
                    colour = QColor(200, 40, 40)
                return QBrush(colour) if colour else None
            if col == COL_DEDUCTION and item.deduction:
                return QBrush(QColor(200, 40, 40))
        if role == Qt.ItemDataRole.AccessibleTextRole and col == COL_ITEM:
            return f"{item.code} {self.result_name(item.result)}"
        if role == Qt.ItemDataRole.UserRole:
            return item.code
        return None

    def _display(self, item: ItemResult, col: int) -> str:
        if col == COL_ITEM:
            return f"{self.result_mark(item.result)} {item.code}"
        if col == COL_TEXT:
            return item.text_en if self.language == "en" else item.text_zh
        if col == COL_COUNT:
            return self.count_text(item)
        if col == COL_SEVERITY:
            return self.severity_name(item.severity)
        if col == COL_DEDUCTION:
            return f"−{_fmt_points(item.deduction)}" if item.deduction else ""
        if col == COL_PHOTOS:
            return self.photo_text(item)
        if col == COL_NOTE:
            return item.note.replace("\n", " ")
        return ""


class _ItemView(QTreeView):
    """The item tree; its keys go to the checklist first (no IME composition here)."""

    def __init__(self, owner: ChecklistWidget) -> None:
        super().__init__(owner)
        self._owner = owner
        # A Chinese IME would otherwise swallow 1/2/3/+/- into its composition window.
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._owner.handle_key(event):
            event.accept()
            return
        super().keyPressEvent(event)


class _NoteEdit(QLineEdit):
    """One-line note editor: Enter saves, Esc cancels; the input method works here."""

    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class FindingCommand(QUndoCommand):
    """One edit of one item: redo saves `after`, undo restores `before` exactly."""

    def __init__(
        self,
        widget: ChecklistWidget,
        inspection_id: str,
        item: ItemResult,
        after: FindingState,
        text: str,
    ) -> None:
        super().__init__(text)
        self.widget = widget
        self.inspection_id = inspection_id
        self.code = item.code
        self.mode = item.mode
        self.before = FindingState.of(item)
        self.after = after
        #: photos on the item before the edit; a clear unplaces them, undo places them back
        self.photos = tuple(p.sha256 for p in item.photos)
        self._done = False  # the first redo happened before the push (errors show there)

    def apply(self, state: FindingState, *, restore_photos: bool = False) -> None:
        store = self.widget.store
        if state.result is None:
            inspections.clear_finding(store, self.inspection_id, self.code)
            return
        count: int | None = None
        if state.result == scoring.PROBLEM and self.mode != scoring.PASS_FAIL:
            count = state.count
        photos: list[Path] = []
        if restore_photos and self.photos:
            from inspector_app.core.paths import photo_path

            photos = [photo_path(store.paths, sha) for sha in self.photos]
        inspections.record_finding(
            store,
            self.inspection_id,
            self.code,
            state.result,
            count=count,
            note=state.note,
            photos=photos,
        )

    def redo(self) -> None:
        if not self._done:
            self._done = True
            return
        self._run(self.after, restore=False)

    def undo(self) -> None:
        self._run(self.before, restore=self.after.result is None)

    def _run(self, state: FindingState, *, restore: bool) -> None:
        try:
            self.apply(state, restore_photos=restore)
        except InspectorError as exc:
            self.widget.show_message(exc.message)
            return
        self.widget.after_save(self.inspection_id, self.code)


class ChecklistWidget(QWidget):
    """The checklist of the inspection being walked (see the module doc for the keys)."""

    itemSelected = Signal(str, str)
    inspectionChanged = Signal(str)
    photoRequested = Signal()
    #: a short message for the status bar (what a key did, or why it did nothing)
    statusMessage = Signal(str)

    def __init__(
        self,
        store: Store,
        runner: TaskRunner,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        language: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.undo_stack = undo_stack
        if language is None:
            language = "en" if QLocale().language() == QLocale.Language.English else "zh"
        self.language = language
        self.detail: InspectionDetail | None = None
        self._note_code: str | None = None

        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.header.setFont(font)
        self.summary_label = QLabel(self)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)

        self.model = ChecklistModel(language, self)
        self.view = _ItemView(self)
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setItemsExpandable(False)
        self.view.setRootIsDecorated(False)
        self.view.setStatusTip(
            self.tr(
                "↑/↓ move · 1 pass · 2 problem · 3 n.a. · 0 clear · +/− count · "
                "Enter note · P photo"
            )
        )
        head = self.view.header()
        # The check text takes the room left; the note keeps a readable width of its own.
        head.setStretchLastSection(False)
        head.setSectionResizeMode(COL_ITEM, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for col in (COL_COUNT, COL_SEVERITY, COL_DEDUCTION, COL_PHOTOS):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        last = self.model.columnCount() - 1
        head.setSectionResizeMode(last, QHeaderView.ResizeMode.Interactive)
        head.resizeSection(last, 160)
        self.view.selectionModel().currentChanged.connect(self._current_changed)

        self.note_label = QLabel(self)
        self.note_edit = _NoteEdit(self)
        self.note_edit.setMaxLength(inspections.MAX_NOTE)
        self.note_edit.setPlaceholderText(self.tr("Note — Enter saves, Esc cancels"))
        self.note_edit.returnPressed.connect(self._save_note)
        self.note_edit.cancelled.connect(self._cancel_note)
        self.note_bar = QWidget(self)
        bar = QHBoxLayout(self.note_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.note_label)
        bar.addWidget(self.note_edit, 1)
        self.note_bar.hide()

        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.summary_label)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note_bar)
        layout.addWidget(self.message)
        self.setFocusProxy(self.view)
        self._show_header()

    # --- public --------------------------------------------------------------------------

    @property
    def inspection_id(self) -> str | None:
        return self.detail.summary.id if self.detail else None

    @property
    def read_only(self) -> bool:
        return self.detail is None or self.detail.summary.status != inspections.DRAFT

    def load(self, inspection_id: str | None) -> None:
        """Show an inspection (None: show nothing); keeps the current item when it can."""
        keep = self.current_item() if inspection_id == self.inspection_id else None
        self._cancel_note()
        if inspection_id != self.inspection_id:
            self.message.clear()  # a message about another inspection would mislead
        if inspection_id is None:
            self.detail = None
            self.model.set_detail(None)
            self._show_header()
            return
        try:
            self.detail = inspections.get_inspection(self.store, inspection_id)
        except InspectorError as exc:
            self.detail = None
            self.model.set_detail(None)
            self._show_header()
            self.show_message(exc.message)
            return
        self.model.set_detail(self.detail)
        self.view.expandAll()
        for row in range(self.model.rowCount()):
            self.view.setFirstColumnSpanned(row, QModelIndex(), True)
        self._show_header()
        codes = self.model.codes()
        target: str | None = keep if keep in codes else None
        if target is None:
            target = next(iter(self.detail.unanswered or codes), None)
        if target:
            self._set_current(target)
        if self.read_only:
            self.show_message(self.tr("This inspection is final and can no longer be changed."))

    def refresh(self) -> None:
        """Read the open inspection again (its photos changed elsewhere): the current item and
        a note being written stay as they are."""
        if self.inspection_id is None:
            return
        try:
            detail = inspections.get_inspection(self.store, self.inspection_id)
        except InspectorError:
            self.load(self.inspection_id)
            return
        self.detail = detail
        self.model.set_detail(detail)
        self._show_header()

    def focus_item(self, code: str) -> None:
        """Select an item, scroll to it and give the list the keyboard focus."""
        self._set_current(code)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_item(self) -> str | None:
        item = self.model.item_at(self.view.currentIndex())
        return item.code if item else None

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.statusMessage.emit(text)

    # --- keys ----------------------------------------------------------------------------

    def handle_key(self, event: QKeyEvent) -> bool:
        """Act on one key press on the item list; False leaves it to the view."""
        mods = event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier
        )
        if mods != Qt.KeyboardModifier.NoModifier:
            return False  # Ctrl+Z, Ctrl+L… belong to the window
        key = event.key()
        text = _normalised_text(event).lower()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_J) or text == "j":
            self._move(1)
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_K) or text == "k":
            self._move(-1)
            return True
        action: str | None = None
        if text in ("1", "2", "3", "0", "+", "-", "n", "p") and text:
            action = text
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            action = "0"
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            action = "n"
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) or text == "=":
            action = "+"
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            action = "-"
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_3:
            action = str(key - Qt.Key.Key_0)
        elif key in (Qt.Key.Key_N, Qt.Key.Key_P):
            action = "n" if key == Qt.Key.Key_N else "p"
        if action is None:
            return False
        item = self._current()
        if item is None:
            self.show_message(self.tr("Choose an item first (↑/↓)."))
            return True
        if self.read_only:
            self.show_message(self.tr("This inspection is final and can no longer be changed."))
            return True
        if action == "p":
            self.photoRequested.emit()
        elif action == "n":
            self._edit_note(item)
        elif action in ("+", "-"):
            self._step_count(item, 1 if action == "+" else -1)
        else:
            result = {"1": scoring.PASS, "2": scoring.PROBLEM, "3": scoring.NA, "0": None}[action]
            self._set_result(item, result)
        return True

    def _move(self, step: int) -> None:
        codes = self.model.codes()
        if not codes:
            return
        current = self.current_item()
        pos = codes.index(current) + step if current in codes else 0
        self._set_current(codes[max(0, min(len(codes) - 1, pos))])

    # --- edits ---------------------------------------------------------------------------

    def _set_result(self, item: ItemResult, result: str | None) -> None:
        if result == item.result:
            return
        if result is None:
            after = FindingState(None, 0, "")
            text = self.tr("Clear %1").replace("%1", item.code)
        else:
            count = (
                max(item.count, 1)
                if result == scoring.PROBLEM and item.mode != scoring.PASS_FAIL
                else 0
            )
            if result == scoring.PROBLEM and item.mode == scoring.PASS_FAIL:
                count = 1
            after = FindingState(result, count, item.note)
            text = (
                self.tr("%1: %2")
                .replace("%1", item.code)
                .replace("%2", self.model.result_name(result))
            )
        self._push(item, after, text)

    def _step_count(self, item: ItemResult, step: int) -> None:
        if item.mode == scoring.PASS_FAIL:
            self.show_message(
                self.tr("%1 is judged pass/fail; it takes no count.").replace("%1", item.code)
            )
            return
        if item.result != scoring.PROBLEM:
            self.show_message(self.tr("Record a problem (2) before counting."))
            return
        count = item.count + step
        if count < 1:
            self.show_message(self.tr("The count is at least 1; press 0 to clear the item."))
            return
        if item.mode == scoring.PER_MISSING and item.quota is not None and count > item.quota:
            self.show_message(
                self.tr("At most %1 ads can be missing.").replace("%1", str(item.quota))
            )
            return
        text = self.tr("%1: count %2").replace("%1", item.code).replace("%2", str(count))
        self._push(item, FindingState(item.result, count, item.note), text)

    def _edit_note(self, item: ItemResult) -> None:
        if item.result is None:
            self.show_message(self.tr("Record a result (1, 2 or 3) before writing a note."))
            return
        self._note_code = item.code
        self.note_label.setText(self.tr("Note on %1:").replace("%1", item.code))
        self.note_edit.setText(item.note)
        self.note_bar.show()
        self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.note_edit.selectAll()

    def _save_note(self) -> None:
        code = self._note_code
        item = self.model.find(code) if code else None
        note = self.note_edit.text().strip()
        self._close_note()
        if item is None or item.result is None:
            return
        if note != item.note:
            text = self.tr("%1: note").replace("%1", item.code)
            self._push(item, FindingState(item.result, item.count, note), text)

    def _cancel_note(self) -> None:
        if self._note_code is not None:
            self._close_note()

    def _close_note(self) -> None:
        self._note_code = None
        self.note_bar.hide()
        self.note_edit.clear()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _push(self, item: ItemResult, after: FindingState, text: str) -> None:
        """Save now (errors show and nothing is pushed), then record it for undo."""
        insp_id = self.inspection_id
        if insp_id is None:
            return
        command = FindingCommand(self, insp_id, item, after, text)
        try:
            command.apply(after)
        except InspectorError as exc:
            self.show_message(exc.message)
            self.load(insp_id)  # the store may have changed under us (finalised elsewhere)
            return
        self.undo_stack.push(command)  # its first redo does nothing: already saved
        self.after_save(insp_id, item.code)
        self.show_message(text)

    def after_save(self, inspection_id: str, code: str) -> None:
        """Show what was saved (switching to its inspection if needed) and tell others."""
        self.load(inspection_id)
        self._set_current(code)
        self.inspectionChanged.emit(inspection_id)

    # --- display -------------------------------------------------------------------------

    def _current(self) -> ItemResult | None:
        return self.model.item_at(self.view.currentIndex())

    def _set_current(self, code: str) -> None:
        index = self.model.index_of(code)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.item_at(current)
        if item is not None and self.detail is not None:
            self.itemSelected.emit(self.detail.summary.id, item.code)

    def _show_header(self) -> None:
        if self.detail is None:
            self.header.setText(self.tr("No inspection open"))
            self.summary_label.setText("")
            return
        s = self.detail.summary
        type_name = s.type_name_en if self.language == "en" else s.type_name_zh
        self.header.setText(f"{s.point_name} · {type_name} · {s.district}")
        rate = s.score_rate
        rate_text = f"{rate * 100:.1f} %" if rate is not None else "—"
        parts = [
            self.tr("score %1").replace("%1", rate_text),
            self.tr("%1 / %2 answered").replace("%1", str(s.answered)).replace("%2", str(s.items)),
            self.tr("%1 problems").replace("%1", str(s.problems)),
        ]
        if s.deductions:
            parts.append(self.tr("−%1 points").replace("%1", _fmt_points(s.deductions)))
        if s.status != inspections.DRAFT:
            parts.append(self.tr("final (read-only)"))
        self.summary_label.setText(" · ".join(parts))
