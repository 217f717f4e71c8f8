"""Settings: language, discreet default, idle lock, command-centre recipient, key export,
and where the data folder is (with how to move it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core import keys
from inspector_app.core.errors import InspectorError
from inspector_app.core.settings import (
    get_recipient,
    get_setting,
    parse_recipient,
    set_recipient,
    set_setting,
)
from inspector_app.core.store import Store
from inspector_app.ui.lock import DISCREET_SETTING, IDLE_SETTING, idle_minutes

LANGUAGE_SETTING = "ui.language"
#: (code, name shown) — each name in its own language
LANGUAGES = (("zh_CN", "中文"), ("en", "English"))


def read_recipient_file(path: Path) -> str:
    """The first age recipient line of a file (comments and blank lines skipped)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InspectorError(f"cannot read {path}: {exc}") from None
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            return parse_recipient(line)
    return parse_recipient("")


class SettingsDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Settings"))
        form = QFormLayout()

        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        current = get_setting(store, LANGUAGE_SETTING) or "zh_CN"
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        form.addRow(self.tr("Language"), self.language)

        self.discreet = QCheckBox(self.tr("Start in discreet mode"))
        self.discreet.setChecked(get_setting(store, DISCREET_SETTING) == "1")
        form.addRow(self.tr("Discreet mode"), self.discreet)

        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.idle.setValue(idle_minutes(store))
        form.addRow(self.tr("Lock when idle after"), self.idle)

        self.recipient = QLineEdit(get_recipient(store) or "")
        self.recipient.setPlaceholderText(self.tr("age1… (exports stay unencrypted without it)"))
        load = QPushButton(self.tr("From file…"))
        load.clicked.connect(self.load_recipient)
        row = QHBoxLayout()
        row.addWidget(self.recipient, 1)
        row.addWidget(load)
        form.addRow(self.tr("Command-centre recipient"), row)

        key = keys.get_local_key(store)
        key_text = f"{key.key_id} · {key.name} ({key.code})" if key else self.tr("no key yet")
        self.export_key = QPushButton(self.tr("Export public key…"))
        self.export_key.setEnabled(key is not None)
        self.export_key.clicked.connect(self.export_public_key)
        key_row = QHBoxLayout()
        key_row.addWidget(QLabel(key_text), 1)
        key_row.addWidget(self.export_key)
        form.addRow(self.tr("Signing key"), key_row)

        self.data_dir = QLineEdit(str(store.paths.root))
        self.data_dir.setReadOnly(True)
        how = QLabel(
            self.tr(
                "To use another data folder, start the program with --data-dir FOLDER "
                "or set the INSPECTOR_DATA_DIR environment variable."
            )
        )
        how.setWordWrap(True)
        folder = QVBoxLayout()
        folder.addWidget(self.data_dir)
        folder.addWidget(how)
        form.addRow(self.tr("Data folder"), folder)

        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, 0)

    def load_recipient(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Command-centre recipient file"))
        if not name:
            return
        try:
            self.recipient.setText(read_recipient_file(Path(name)))
            self.error.clear()
        except InspectorError as exc:
            self.error.setText(exc.message)

    def export_public_key(self) -> None:
        key = keys.get_local_key(self.store)
        if key is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export public key"), f"{key.key_id}.pub", self.tr("Public key (*.pub)")
        )
        if name:
            self.write_public_key(Path(name))

    def write_public_key(self, path: Path) -> bool:
        try:
            keys.write_public_key(self.store, path)
        except InspectorError as exc:
            self.error.setText(exc.message)
            return False
        self.error.setText(self.tr("Public key written to %1").replace("%1", str(path)))
        return True

    def accept(self) -> None:
        """Save what changed; a bad recipient keeps the dialog open with the reason."""
        text = self.recipient.text().strip()
        try:
            if text and text != (get_recipient(self.store) or ""):
                set_recipient(self.store, text)
        except InspectorError as exc:
            self.error.setText(exc.message)
            self.recipient.setFocus()
            return
        store = self.store
        values = {
            LANGUAGE_SETTING: str(self.language.currentData()),
            DISCREET_SETTING: "1" if self.discreet.isChecked() else "0",
            IDLE_SETTING: str(self.idle.value()),
        }
        for name, value in values.items():
            if get_setting(store, name) != value:
                set_setting(store, name, value)
        super().accept()
