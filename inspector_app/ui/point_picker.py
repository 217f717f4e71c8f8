"""Choose the point of a new inspection: type code, name, district, type or pinyin
initials (`dgcsc` → 东关菜市场); recent points first; ↑/↓ and Enter choose, Esc cancels."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.point_search import PointHit, PointSearchIndex
from inspector_app.core.store import Store

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class PointHitModel(QAbstractListModel):
    """The points found for the current query, one line each."""

    def __init__(self, language: str = "zh", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.hits: list[PointHit] = []

    def set_hits(self, hits: list[PointHit]) -> None:
        self.beginResetModel()
        self.hits = hits
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            type_name = hit.type_name_en if self.language == "en" else hit.type_name_zh
            line = f"{hit.name}   {hit.code} · {type_name or hit.type} · {hit.district}"
            if hit.last_visit is not None:
                when = hit.last_visit.astimezone().strftime("%Y-%m-%d")
                line += " · " + self.tr("last visit %1").replace("%1", when)
            return line
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.code} {hit.name}\n{hit.unit}"
        if role == Qt.ItemDataRole.UserRole:
            return hit.code
        return None


class PointPickerDialog(QDialog):
    """Pick a point; `selected_code` and `covert` hold the choice after `accept()`."""

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, language: str | None = None
    ) -> None:
        super().__init__(parent)
        if language is None:
            language = "en" if QLocale().language() == QLocale.Language.English else "zh"
        self.setWindowTitle(self.tr("New inspection"))
        self.selected_code: str | None = None
        self.index = PointSearchIndex.load(store)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("Code, name, district, type or pinyin initials (e.g. dgcsc)")
        )
        self.search.setClearButtonEnabled(True)
        self.model = PointHitModel(language, self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.covert_box = QCheckBox(self.tr("Covert visit"), self)
        self.covert_box.setChecked(True)
        self.count_label = QLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Start"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.covert_box)
        layout.addWidget(buttons)

        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.list.activated.connect(lambda _index: self.accept())
        self.resize(560, 420)
        self._filter("")
        self.search.setFocus()

    @property
    def covert(self) -> bool:
        return self.covert_box.isChecked()

    def _filter(self, text: str) -> None:
        hits = self.index.search(text)
        self.model.set_hits(hits)
        self.count_label.setText(self.tr("%1 points").replace("%1", str(len(hits))))
        if hits:
            self.list.setCurrentIndex(self.model.index(0, 0))
        self.ok_button.setEnabled(bool(hits))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                rows = self.model.rowCount()
                if rows:
                    step = 1 if event.key() == Qt.Key.Key_Down else -1
                    row = max(0, min(rows - 1, self.list.currentIndex().row() + step))
                    self.list.setCurrentIndex(self.model.index(row, 0))
                return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid():
            return
        self.selected_code = self.model.hits[index.row()].code
        super().accept()
