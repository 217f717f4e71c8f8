"""First start: set up as an inspector (the key pair, the command centre's recipient, the
language) or explore the program with demo data in a separate, clearly labelled folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core import keys
from inspector_app.core.errors import InspectorError
from inspector_app.core.settings import get_setting, parse_recipient, set_recipient, set_setting
from inspector_app.core.store import Store, open_store
from inspector_app.ui.settings_dialog import LANGUAGE_SETTING, LANGUAGES, read_recipient_file
from inspector_app.ui.tasks import TaskRunner

SETUP_DONE_SETTING = "ui.setup_done"
DEMO_FOLDER = "demo"


def needs_welcome(store: Store) -> bool:
    """First start: no signing key and the welcome never completed."""
    return keys.get_local_key(store) is None and get_setting(store, SETUP_DONE_SETTING) is None


def demo_dir(store: Store) -> Path:
    """The demo's own data folder, inside the real one and never mixed with it."""
    return store.paths.root / DEMO_FOLDER


class WelcomeDialog(QDialog):
    """Accepted with `mode` "setup" (the store now has its key) or "demo" (`demo_store`)."""

    def __init__(
        self,
        store: Store,
        runner: TaskRunner | None = None,
        *,
        set_language: Callable[[str], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner or TaskRunner(self)
        self.set_language = set_language
        self.mode: str | None = None
        self.demo_store: Store | None = None

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.heading.setFont(font)

        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        current = get_setting(store, LANGUAGE_SETTING) or "zh_CN"
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.language_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.language_label)
        top.addWidget(self.language)

        # set up as an inspector
        self.setup_box = QGroupBox()
        form = QFormLayout(self.setup_box)
        self.name = QLineEdit()
        self.code = QLineEdit()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase2 = QLineEdit()
        self.passphrase2.setEchoMode(QLineEdit.EchoMode.Password)
        self.recipient = QLineEdit()
        self.recipient_file = QPushButton()
        self.recipient_file.clicked.connect(self.load_recipient)
        rec = QHBoxLayout()
        rec.addWidget(self.recipient, 1)
        rec.addWidget(self.recipient_file)
        self.labels = [QLabel() for _ in range(5)]
        form.addRow(self.labels[0], self.name)
        form.addRow(self.labels[1], self.code)
        form.addRow(self.labels[2], self.passphrase)
        form.addRow(self.labels[3], self.passphrase2)
        form.addRow(self.labels[4], rec)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b")
        form.addRow(self.error)
        self.setup_button = QPushButton()
        self.setup_button.setDefault(True)
        self.setup_button.clicked.connect(self.set_up)
        form.addRow(self.setup_button)

        # or explore the demo
        self.demo_box = QGroupBox()
        dv = QVBoxLayout(self.demo_box)
        self.demo_text = QLabel()
        self.demo_text.setWordWrap(True)
        self.demo_button = QPushButton()
        self.demo_button.setAutoDefault(False)
        self.demo_button.clicked.connect(self.explore_demo)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        dv.addWidget(self.demo_text)
        dv.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignLeft)
        dv.addWidget(self.progress)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.setup_box)
        layout.addWidget(self.demo_box)
        self.retranslate()
        self.resize(620, 0)
        self.name.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to Inspector"))
        self.heading.setText(self.tr("Welcome to Inspector"))
        self.language_label.setText(self.tr("Language"))
        self.setup_box.setTitle(self.tr("Set up as an inspector"))
        for label, text in zip(
            self.labels,
            [
                self.tr("Your name"),
                self.tr("Inspector code"),
                self.tr("Passphrase"),
                self.tr("Passphrase again"),
                self.tr("Command-centre recipient (optional)"),
            ],
            strict=True,
        ):
            label.setText(text)
        self.passphrase.setPlaceholderText(
            self.tr("protects your signing key; at least 4 characters")
        )
        self.recipient.setPlaceholderText(self.tr("age1… — paste it, or load the file"))
        self.recipient_file.setText(self.tr("From file…"))
        self.setup_button.setText(self.tr("Create my key and start"))
        self.demo_box.setTitle(self.tr("Or explore first"))
        self.demo_text.setText(
            self.tr(
                "Opens a separate demo data folder with a small city, inspections and photos. "
                "Nothing in it mixes with your own work. The demo passphrase is “demo”."
            )
        )
        self.demo_button.setText(self.tr("Explore with demo data"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_changed(self, _index: int) -> None:
        code = str(self.language.currentData())
        if self.set_language is not None:
            self.set_language(code)  # installs the translator: LanguageChange follows

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def load_recipient(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Command-centre recipient file"))
        if name:
            try:
                self.recipient.setText(read_recipient_file(Path(name)))
                self.error.clear()
            except InspectorError as exc:
                self.error.setText(exc.message)

    def set_up(self) -> bool:
        """Check the form, make the key, keep the recipient and language; accept."""
        if self.passphrase.text() != self.passphrase2.text():
            self.error.setText(self.tr("The two passphrases differ."))
            self.passphrase2.clear()
            self.passphrase2.setFocus()
            return False
        recipient = self.recipient.text().strip()
        try:
            if recipient:
                parse_recipient(recipient)  # refuse before anything is made
            keys.create_local_key(
                self.store,
                name=self.name.text(),
                code=self.code.text(),
                passphrase=self.passphrase.text(),
            )
            if recipient:
                set_recipient(self.store, recipient)
        except InspectorError as exc:
            self.error.setText(exc.message)
            return False
        set_setting(self.store, LANGUAGE_SETTING, self.chosen_language())
        set_setting(self.store, SETUP_DONE_SETTING, "1")
        self.mode = "setup"
        self.accept()
        return True

    def explore_demo(self) -> None:
        """Open (building it on a worker the first time) the demo folder, then accept."""
        self.setup_box.setEnabled(False)
        self.demo_button.setEnabled(False)
        self.progress.show()
        language = self.chosen_language()
        folder = demo_dir(self.store)

        def build(_progress: Any, _cancel: Any) -> Store:
            demo_store = open_store(folder)
            if get_setting(demo_store, "demo") is None:
                from inspector_app.core.demo import build_demo

                build_demo(demo_store, photos=12)
            if get_setting(demo_store, LANGUAGE_SETTING) is None:
                set_setting(demo_store, LANGUAGE_SETTING, language)
            return demo_store

        def done(demo_store: Store) -> None:
            self.demo_store = demo_store
            self.mode = "demo"
            self.progress.hide()
            self.accept()

        def failed(exc: BaseException) -> None:
            self.progress.hide()
            self.setup_box.setEnabled(True)
            self.demo_button.setEnabled(True)
            message = exc.message if isinstance(exc, InspectorError) else str(exc)
            self.error.setText(self.tr("The demo could not be made: %1").replace("%1", message))

        self.runner.run(build, on_done=done, on_error=failed)
