"""The command centre's keyring and encryption identity: enroll an inspector's `.pub` file,
list the enrolled keys, revoke one; show, copy and back up the centre's recipient."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core import centre, keyring
from inspector_app.core.errors import InspectorError
from inspector_app.core.keyring import EnrolledKeyInfo
from inspector_app.core.store import Store
from inspector_app.ui.rows_model import RowsModel
from inspector_app.ui.tasks import TaskRunner

#: the untrusted comment our own `.pub` files carry: "… public key <ID> of <name> (<code>)"
_COMMENT = re.compile(r"of (?P<name>.+) \((?P<code>[^()]+)\)\s*$")


def ask_passphrase(parent: QWidget, title: str, label: str) -> str | None:
    """A passphrase typed into a small modal box, or None when the user cancels."""
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok else None


def names_from_pub(path: Path) -> tuple[str, str]:
    """(name, code) from the comment line of a `.pub` file this program wrote, else blanks:
    a suggestion only; the supervisor confirms them."""
    try:
        with path.open("rb") as f:
            first = f.read(keyring.MAX_PUBLIC_KEY_FILE).decode("utf-8").splitlines()[0]
    except (OSError, UnicodeDecodeError, IndexError):
        return "", ""
    match = _COMMENT.search(first)
    return (match["name"].strip(), match["code"].strip()) if match else ("", "")


def local_date(value: Any) -> str:
    return "" if value is None else f"{value.astimezone():%Y-%m-%d}"


class KeyringModel(RowsModel):
    """One row per enrolled key (EnrolledKeyInfo DTOs), revoked ones greyed."""

    COLUMNS = 7

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[EnrolledKeyInfo] = []

    def headers(self) -> list[str]:
        return [
            self.tr("Inspector"),
            self.tr("Code"),
            self.tr("Key id"),
            self.tr("Enrolled"),
            self.tr("Revoked"),
            self.tr("Last bundle"),
            self.tr("Not received"),
        ]

    def set_rows(self, rows: Sequence[EnrolledKeyInfo]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def key_at(self, row: int) -> EnrolledKeyInfo | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        key = self.key_at(index.row())
        if key is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                key.name,
                key.code,
                key.key_id,
                local_date(key.enrolled_at),
                local_date(key.revoked_at),
                str(key.last_export_sequence) if key.last_export_sequence else "–",
                keyring.format_ranges(key.missing) if key.missing else "",
            ][col]
        if role == Qt.ItemDataRole.ForegroundRole:
            if key.revoked:
                return QColor("#888888")
            if col == 6 and key.missing:
                return QColor("#b45309")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Enrolled by %1").replace("%1", key.enrolled_by)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return key.key_id
        return None


class EnrollDialog(QDialog):
    """The inspector's name and code for a public key being enrolled."""

    def __init__(self, key_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enroll an inspector's key"))
        name, code = names_from_pub(key_file)
        self.file_label = QLabel(str(key_file))
        self.file_label.setWordWrap(True)
        self.name = QLineEdit(name)
        self.code = QLineEdit(code)
        self.code.setPlaceholderText(self.tr("e.g. T01"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enroll"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Public key file"), self.file_label)
        form.addRow(self.tr("Inspector's name"), self.name)
        form.addRow(self.tr("Inspector code"), self.code)
        form.addRow(buttons)
        self.resize(460, 0)


class KeyringPanel(QWidget):
    """The keyring table with enroll and revoke, and the centre's encryption identity."""

    #: the keyring changed (a key enrolled or revoked)
    keysChanged = Signal()

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner

        self.keys_box = QGroupBox(self.tr("Inspectors' keys"))
        self.model = KeyringModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.enroll_button = QPushButton(self.tr("Enroll a key…"))
        self.enroll_button.clicked.connect(self.choose_key_file)
        self.revoke_button = QPushButton(self.tr("Revoke…"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.enroll_button)
        buttons.addWidget(self.revoke_button)
        buttons.addWidget(self.message, 1)
        kv = QVBoxLayout(self.keys_box)
        kv.addWidget(self.table)
        kv.addLayout(buttons)

        self.identity_box = QGroupBox(self.tr("The centre's encryption identity"))
        self.identity_text = QLabel(
            self.tr("Inspectors enter this recipient in their settings to encrypt bundles to you.")
        )
        self.identity_text.setWordWrap(True)
        self.recipient = QLineEdit()
        self.recipient.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy_recipient)
        self.save_button = QPushButton(self.tr("Save to file…"))
        self.save_button.clicked.connect(self.choose_recipient_file)
        self.backup_button = QPushButton(self.tr("Export backup…"))
        self.backup_button.setToolTip(
            self.tr(
                "Writes the identity encrypted with the centre's passphrase (age's own format),"
                " to keep somewhere safe."
            )
        )
        self.backup_button.clicked.connect(self.choose_backup_file)
        self.identity_message = QLabel("")
        self.identity_message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.save_button)
        row.addWidget(self.backup_button)
        row.addStretch(1)
        iv = QVBoxLayout(self.identity_box)
        iv.addWidget(self.identity_text)
        iv.addWidget(self.recipient)
        iv.addLayout(row)
        iv.addWidget(self.identity_message)
        iv.addStretch(1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.keys_box, 3)
        layout.addWidget(self.identity_box, 2)
        self.show_recipient()
        self._update_buttons()

    # ------------------------------------------------------------------ keys
    def set_keys(self, keys: Sequence[EnrolledKeyInfo]) -> None:
        selected = self.selected_key()
        self.model.set_rows(keys)
        if selected is not None:
            for n, key in enumerate(self.model.rows):
                if key.key_id == selected.key_id:
                    self.table.selectRow(n)
        self._update_buttons()

    def refresh(self) -> None:
        self.set_keys(keyring.list_keys(self.store))

    def selected_key(self) -> EnrolledKeyInfo | None:
        return self.model.key_at(self.table.currentIndex().row())

    def _update_buttons(self) -> None:
        key = self.selected_key()
        self.revoke_button.setEnabled(key is not None and not key.revoked)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c0392b" if error else "")
        self.message.setText(text)

    def choose_key_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("An inspector's public key"),
            "",
            self.tr("Public keys (*.pub);;All files (*)"),
        )
        if not name:
            return
        dialog = EnrollDialog(Path(name), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.enroll_file(Path(name), dialog.name.text(), dialog.code.text())

    def enroll_file(self, path: Path, name: str, code: str) -> bool:
        """Enroll a `.pub` file under this name and code; the refusal shows in words."""
        try:
            info = keyring.enroll(self.store, path, name=name, code=code)
        except InspectorError as exc:
            self._say(self.tr("Not enrolled: %1").replace("%1", exc.message), error=True)
            return False
        self._say(
            self.tr("Enrolled %1 (%2), key %3.")
            .replace("%1", info.name)
            .replace("%2", info.code)
            .replace("%3", info.key_id)
        )
        self.refresh()
        self.keysChanged.emit()
        return True

    def confirm_revoke(self, key: EnrolledKeyInfo) -> bool:
        """Ask before revoking: it cannot be undone."""
        answer = QMessageBox.question(
            self,
            self.tr("Revoke a key"),
            self.tr(
                "Revoke the key of %1 (%2), %3?\n\nBundles signed with it will be refused from "
                "now on; what was already imported stays. A revoked key cannot be enrolled "
                "again: the inspector must make a new one."
            )
            .replace("%1", key.name)
            .replace("%2", key.code)
            .replace("%3", key.key_id),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def revoke_selected(self) -> bool:
        key = self.selected_key()
        if key is None or key.revoked or not self.confirm_revoke(key):
            return False
        try:
            keyring.revoke(self.store, key.key_id)
        except InspectorError as exc:
            self._say(exc.message, error=True)
            return False
        self._say(
            self.tr("Revoked the key of %1 (%2).").replace("%1", key.name).replace("%2", key.code)
        )
        self.refresh()
        self.keysChanged.emit()
        return True

    # -------------------------------------------------------------- identity
    def show_recipient(self) -> None:
        try:
            self.recipient.setText(centre.recipient(self.store))
        except InspectorError:
            self.recipient.setText("")
            self.recipient.setPlaceholderText(self.tr("no encryption identity yet"))
        for button in (self.copy_button, self.save_button, self.backup_button):
            button.setEnabled(bool(self.recipient.text()))

    def copy_recipient(self) -> None:
        QApplication.clipboard().setText(self.recipient.text())
        self.identity_message.setText(self.tr("Recipient copied."))

    def choose_recipient_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the recipient"), "command-centre-recipient.txt"
        )
        if name:
            self.save_recipient(Path(name))

    def save_recipient(self, path: Path) -> bool:
        title = self.tr("Command-centre recipient for Inspector")
        try:
            path.write_text(f"# {title}\n{self.recipient.text()}\n", encoding="utf-8")
        except OSError as exc:
            self.identity_message.setText(
                self.tr("Cannot write %1: %2").replace("%1", str(path)).replace("%2", str(exc))
            )
            return False
        self.identity_message.setText(self.tr("Recipient saved to %1.").replace("%1", str(path)))
        return True

    def choose_backup_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up the centre's identity"), "command-centre-identity.age"
        )
        if not name:
            return
        secret = ask_passphrase(
            self, self.tr("The centre's passphrase"), self.tr("The command centre's passphrase:")
        )
        if secret is not None:
            self.export_backup(Path(name), secret)

    def export_backup(self, path: Path, secret: str) -> None:
        """Write the passphrase-protected backup on a worker (scrypt takes seconds)."""
        self.backup_button.setEnabled(False)
        self.identity_message.setText(self.tr("Writing the backup…"))
        store = self.store

        def done(_recipient: object) -> None:
            self.backup_button.setEnabled(True)
            self.identity_message.setText(
                self.tr("Backup written to %1. It opens with the centre's passphrase.").replace(
                    "%1", str(path)
                )
            )

        def failed(exc: BaseException) -> None:
            self.backup_button.setEnabled(True)
            if isinstance(exc, InspectorError) and exc.message == centre.WRONG_PASSPHRASE:
                text = self.tr("Wrong passphrase for the command centre's identity.")
            else:
                text = exc.message if isinstance(exc, InspectorError) else str(exc)
            self.identity_message.setText(self.tr("No backup written: %1").replace("%1", text))

        self.runner.run(
            lambda _p, _c: centre.export_identity(store, secret, path),
            on_done=done,
            on_error=failed,
        )
