"""Finalise an inspection with the core's checks, and show what is missing so that each
entry jumps to its item."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core import inspections
from inspector_app.core.errors import InputError, InspectorError
from inspector_app.core.store import Store

CodeRole = 0x0100  # Qt.ItemDataRole.UserRole


def _item_code(detail_line: str) -> str | None:
    """The item code a core detail line starts with (`FM-S01: problem … without a photo`)."""
    code, sep, _rest = detail_line.partition(":")
    return code.strip() if sep and code.strip() else None


class MissingDialog(QDialog):
    """What stops finalising, one entry per item; Enter or a double click jumps to it."""

    def __init__(
        self,
        message: str,
        entries: list[tuple[str, str]],
        jump: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cannot finalise yet"))
        self._jump = jump
        label = QLabel(message, self)
        label.setWordWrap(True)
        hint = QLabel(self.tr("Choose an entry to go to its item."), self)
        self.list = QListWidget(self)
        for code, text in entries:
            entry = QListWidgetItem(text, self.list)
            entry.setData(CodeRole, code)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.list.setFocus()

    def _activated(self, entry: QListWidgetItem) -> None:
        code = entry.data(CodeRole)
        self.reject()
        if code:
            self._jump(str(code))


def finalise_with_checks(
    store: Store,
    inspection_id: str,
    parent: QWidget | None,
    jump: Callable[[str], None],
    *,
    quiet: Callable[[str], None] | None = None,
) -> bool:
    """Finalise through the core; on refusal list what is missing (each entry jumps to its
    item); on success mention unanswered items. True when the inspection is now final.

    With `quiet` (discreet mode) nothing pops up: the words go to `quiet` (the status bar)
    and a refusal for missing photos jumps straight to the first such item."""

    def tell(title: str, text: str, *, warning: bool = True) -> None:
        if quiet is not None:
            quiet(text)
        elif warning:
            QMessageBox.warning(parent, title, text)
        else:
            QMessageBox.information(parent, title, text)

    try:
        result = inspections.finalise_inspection(store, inspection_id)
    except InputError as exc:
        entries: list[tuple[str, str]] = []
        for line in exc.details:
            code = _item_code(line)
            if code:
                text = QCoreApplication.translate(
                    "finalise", "%1: a problem recorded without a photo"
                ).replace("%1", code)
                entries.append((code, text))
        if entries:
            message = QCoreApplication.translate(
                "finalise", "%1 problem(s) need a photo before the inspection can be finalised."
            ).replace("%1", str(len(entries)))
            if quiet is not None:
                quiet(f"{message} {', '.join(code for code, _text in entries)}")
                jump(entries[0][0])
            else:
                MissingDialog(message, entries, jump, parent).exec()
        else:
            tell(QCoreApplication.translate("finalise", "Cannot finalise yet"), exc.message)
        return False
    except InspectorError as exc:
        tell(QCoreApplication.translate("finalise", "Cannot finalise"), exc.message)
        return False
    if result.unanswered:
        tell(
            QCoreApplication.translate("finalise", "Inspection finalised"),
            QCoreApplication.translate(
                "finalise", "Finalised. Not answered (they count neither way): %1"
            ).replace("%1", ", ".join(result.unanswered)),
            warning=False,
        )
    return True
