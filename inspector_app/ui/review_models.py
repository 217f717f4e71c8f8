"""The review queue as a Qt table: pages of the core's keyset-paged queue fetched on a worker
as the view scrolls (canFetchMore / fetchMore), the match count beside it, and decisions
applied to the rows in place."""

from __future__ import annotations

import dataclasses
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont

from inspector_app.core import review
from inspector_app.core.review import Decision, QueueCursor, QueuePage, QueueRow, ReviewFilter
from inspector_app.core.store import Store
from inspector_app.ui.centre_words import DECISION_COLOURS, DECISION_MARKS, CentreWords
from inspector_app.ui.rows_model import ModelIndex, RowsModel
from inspector_app.ui.tasks import TaskRunner

#: rows per fetch: a screenful several times over, one query of a few tens of ms
PAGE_SIZE = 200


_ROOT = QModelIndex()

COL_STATUS, COL_TIME, COL_DISTRICT, COL_POINT, COL_ITEM, COL_DEDUCTION, COL_INSPECTOR = range(7)


class ReviewQueueModel(RowsModel):
    """Problems matching a filter, oldest inspection first, loaded a page at a time.

    Every query runs on the TaskRunner; answers for an older filter are dropped (each load
    carries the generation it was asked for)."""

    COLUMNS = 7

    #: the number of problems the filter matches (-1 while it is being counted)
    countChanged = Signal(int)
    #: a page arrived (the number of rows now loaded)
    pageLoaded = Signal(int)
    #: a query failed: the message
    loadFailed = Signal(str)

    def __init__(
        self,
        store: Store,
        runner: TaskRunner,
        tz: ZoneInfo,
        *,
        english: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.tz = tz
        self.english = english
        self.words = CentreWords(self)
        self.filter = ReviewFilter(status=review.PENDING)
        self.rows: list[QueueRow] = []
        self.total = -1
        #: findings whose decision is being saved
        self.saving: set[str] = set()
        self._cursor: QueueCursor | None = None
        self._more = False
        self._loading = False
        self._generation = 0

    # --- loading ---------------------------------------------------------------------------
    def set_filter(self, flt: ReviewFilter) -> None:
        """Show the problems `flt` matches: clear, then fetch the first page and count."""
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self.rows = []
        self.saving.clear()
        self._cursor = None
        self._more = True
        self._loading = False
        self.endResetModel()
        self.total = -1
        self.countChanged.emit(-1)
        generation, store, flt = self._generation, self.store, self.filter
        self.runner.run(
            lambda _p, _c: review.review_count(store, flt),
            on_done=lambda n: self._counted(generation, n),
            on_error=lambda exc: self._failed(generation, exc),
        )
        self.fetchMore(_ROOT)

    @property
    def loading(self) -> bool:
        return self._loading

    def canFetchMore(self, parent: ModelIndex = _ROOT) -> bool:
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: ModelIndex = _ROOT) -> None:
        if not self.canFetchMore(parent):
            return
        self._loading = True
        generation, store, flt, after = self._generation, self.store, self.filter, self._cursor
        self.runner.run(
            lambda _p, _c: review.review_page(store, flt, after=after, limit=PAGE_SIZE),
            on_done=lambda page: self._arrived(generation, page),
            on_error=lambda exc: self._failed(generation, exc),
        )

    def _arrived(self, generation: int, page: QueuePage) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._cursor = page.next_cursor
        self._more = page.next_cursor is not None
        if page.rows:
            first = len(self.rows)
            self.beginInsertRows(_ROOT, first, first + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self.endInsertRows()
        self.pageLoaded.emit(len(self.rows))

    def _counted(self, generation: int, total: int) -> None:
        if generation == self._generation:
            self.total = total
            self.countChanged.emit(total)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._more = False
        self.loadFailed.emit(getattr(exc, "message", None) or str(exc))

    # --- rows --------------------------------------------------------------------------------
    def row_at(self, row: int) -> QueueRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, finding_id: str) -> int:
        for n, row in enumerate(self.rows):
            if row.finding_id == finding_id:
                return n
        return -1

    def set_saving(self, finding_id: str, on: bool) -> None:
        (self.saving.add if on else self.saving.discard)(finding_id)
        self._changed(self.row_of(finding_id))

    def apply(self, decision: Decision) -> None:
        """A decision was saved: the row leaves a queue filtered to another status, else it
        shows the new status."""
        self.saving.discard(decision.finding_id)
        n = self.row_of(decision.finding_id)
        if n < 0:
            return
        if self.filter.status is not None and self.filter.status != decision.decision:
            self.beginRemoveRows(_ROOT, n, n)
            del self.rows[n]
            self.endRemoveRows()
            if self.total > 0:
                self.total -= 1
                self.countChanged.emit(self.total)
            return
        self.rows[n] = dataclasses.replace(
            self.rows[n], status=decision.decision, decision_version=decision.version
        )
        self._changed(n)

    def _changed(self, n: int) -> None:
        if n >= 0:
            self.dataChanged.emit(self.index(n, 0), self.index(n, self.columnCount() - 1))

    # --- Qt model --------------------------------------------------------------------------
    def headers(self) -> list[str]:
        return [
            self.tr("Decision"),
            self.tr("Inspected"),
            self.tr("District"),
            self.tr("Point"),
            self.tr("Problem"),
            self.tr("Deduction"),
            self.tr("Inspector"),
        ]

    def status_text(self, row: QueueRow) -> str:
        if row.finding_id in self.saving:
            return "… " + self.tr("saving")
        return f"{DECISION_MARKS.get(row.status, '')} {self.words.decision(row.status)}"

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = row.item_text_en if self.english else row.item_text_zh
            who = f"{row.inspector_name} {row.inspector_code}".strip() or row.inspector_key_id
            lines = [f"{row.point_code} {row.point_name} · {row.unit}", f"{row.item_code} {text}"]
            if row.note:
                lines.append(row.note)
            lines.append(self.tr("Inspector: %1").replace("%1", who))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS:
            return QBrush(DECISION_COLOURS.get(row.status, DECISION_COLOURS["pending"]))
        if role == Qt.ItemDataRole.FontRole and row.finding_id in self.saving:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_DEDUCTION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.finding_id
        return None

    def _text(self, row: QueueRow, col: int) -> str:
        if col == COL_STATUS:
            return self.status_text(row)
        if col == COL_TIME:
            return row.started_at.astimezone(self.tz).strftime("%m-%d %H:%M")
        if col == COL_DISTRICT:
            return row.district
        if col == COL_POINT:
            return row.point_name
        if col == COL_ITEM:
            text = row.item_text_en if self.english else row.item_text_zh
            return f"{row.item_code} {text}"
        if col == COL_DEDUCTION:
            return f"−{row.deduction:g}" if row.deduction else ""
        if col == COL_INSPECTOR:
            return row.inspector_code or row.inspector_key_id
        return ""
