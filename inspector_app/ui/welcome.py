"""First start: set up as an inspector (the key pair, the command centre's recipient, the
language), set up as the command centre (its passphrase and encryption identity, time zone,
the supervisor's name), or explore the program with demo data in its own labelled folder."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
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
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core import keys
from inspector_app.core.errors import InspectorError
from inspector_app.core.settings import get_setting, parse_recipient, set_recipient, set_setting
from inspector_app.core.store import Store, open_store
from inspector_app.ui.settings_dialog import LANGUAGE_SETTING, LANGUAGES, read_recipient_file
from inspector_app.ui.tasks import Progress, TaskRunner

SETUP_DONE_SETTING = "ui.setup_done"
DEMO_FOLDER = "demo"
#: which window the program opens: "inspector" (the default) or "centre"
ROLE_SETTING = "ui.role"
INSPECTOR, CENTRE = "inspector", "centre"
#: the supervisor's own name: the actor of everything done in the centre's window
SUPERVISOR_SETTING = "centre.supervisor"
#: offered in the time-zone box (any IANA name may be typed)
TIME_ZONES = ("Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Macau", "UTC")


def needs_welcome(store: Store) -> bool:
    """First start: no signing key and the welcome never completed."""
    return keys.get_local_key(store) is None and get_setting(store, SETUP_DONE_SETTING) is None


def demo_dir(store: Store) -> Path:
    """The demo's own data folder, inside the real one and never mixed with it."""
    return store.paths.root / DEMO_FOLDER


def as_actor(store: Store, actor: str) -> Store:
    """The same open store (same engines) recording `actor` as who acts; the original
    keeps its own actor, so an inspector's window and the centre's never mix them up."""
    return dataclasses.replace(store, actor=actor)


def supervisor(store: Store) -> str | None:
    return get_setting(store, SUPERVISOR_SETTING)


def centre_ready(store: Store) -> bool:
    """The centre role is set up: its encryption identity exists and the supervisor is named
    (another supervisor of a shared store still sets up their own name)."""
    from inspector_app.core.centre import has_identity

    return bool(supervisor(store)) and has_identity(store)


def passphrase_strength(text: str) -> int:
    """0 too short, 1 weak, 2 fair, 3 strong: a rough guess from length and the kinds of
    characters used (a hint for the person typing it, not a guarantee)."""
    from inspector_app.core.centre import MIN_CENTRE_PASSPHRASE_LENGTH

    if len(text) < MIN_CENTRE_PASSPHRASE_LENGTH:
        return 0
    pool = 0
    pool += 26 if any(c.islower() for c in text) else 0
    pool += 26 if any(c.isupper() for c in text) else 0
    pool += 10 if any(c.isdigit() for c in text) else 0
    pool += 33 if any(not c.isalnum() and c.isascii() for c in text) else 0
    pool += 3000 if any(not c.isascii() for c in text) else 0  # Chinese characters
    distinct = len(set(text))
    bits = min(len(text), distinct * 2) * (max(pool, 2).bit_length() - 1)
    return 1 if bits < 50 else 2 if bits < 75 else 3


class WelcomeDialog(QDialog):
    """Accepted with `mode` "setup" (the store now has its key), "centre" (the command
    centre's role is set up) or "demo" (`demo_store`). `inspector_only` shows only the
    inspector's set-up (a program set up as the centre adding the inspector's role)."""

    def __init__(
        self,
        store: Store,
        runner: TaskRunner | None = None,
        *,
        set_language: Callable[[str], object] | None = None,
        inspector_only: bool = False,
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

        # or set up as the command centre
        self.centre_box = QGroupBox()
        cv = QVBoxLayout(self.centre_box)
        self.centre_text = QLabel()
        self.centre_text.setWordWrap(True)
        self.centre_button = QPushButton()
        self.centre_button.setAutoDefault(False)
        self.centre_button.clicked.connect(self.set_up_centre)
        cv.addWidget(self.centre_text)
        cv.addWidget(self.centre_button, 0, Qt.AlignmentFlag.AlignLeft)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.setup_box)
        layout.addWidget(self.centre_box)
        layout.addWidget(self.demo_box)
        self.inspector_only = inspector_only
        if inspector_only:
            self.centre_box.hide()
            self.demo_box.hide()
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
        self.centre_box.setTitle(self.tr("Or set up as the command centre"))
        self.centre_text.setText(
            self.tr(
                "For the supervisor who imports the inspectors' bundles, reviews their "
                "findings and writes the briefings. The program can take the inspector's "
                "role as well later."
            )
        )
        self.centre_button.setText(self.tr("Set up as the command centre…"))

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
        """Check the form, then make the key on the worker (its passphrase goes through
        scrypt: ~0.3 s); keep the recipient and language, and accept. False when the form
        is refused at once."""
        if self.passphrase.text() != self.passphrase2.text():
            self.error.setText(self.tr("The two passphrases differ."))
            self.passphrase2.clear()
            self.passphrase2.setFocus()
            return False
        recipient = self.recipient.text().strip()
        try:
            if recipient:
                parse_recipient(recipient)  # refuse before anything is made
            keys.check_passphrase(self.passphrase.text())
        except InspectorError as exc:
            self.error.setText(exc.message)
            return False
        store, name, code = self.store, self.name.text(), self.code.text()
        passphrase = self.passphrase.text()

        def make_key(_progress: Progress, _cancel: threading.Event) -> None:
            keys.create_local_key(store, name=name, code=code, passphrase=passphrase)
            if recipient:
                set_recipient(store, recipient)

        self.setup_button.setEnabled(False)
        self.error.setText(self.tr("Making the key…"))
        self.runner.run(make_key, on_done=self._key_made, on_error=self._key_refused)
        return True

    def _key_made(self, _result: object) -> None:
        self.error.clear()
        set_setting(self.store, LANGUAGE_SETTING, self.chosen_language())
        set_setting(self.store, SETUP_DONE_SETTING, "1")
        self.mode = "setup"
        self.accept()

    def _key_refused(self, exc: BaseException) -> None:
        self.setup_button.setEnabled(True)
        message = exc.message if isinstance(exc, InspectorError) else str(exc)
        self.error.setText(message)

    def set_up_centre(self) -> bool:
        """The command centre's set-up; accepted with mode "centre" once it is done."""
        dialog = CentreSetupDialog(self.store, self.runner, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        set_setting(self.store, LANGUAGE_SETTING, self.chosen_language())
        set_setting(self.store, ROLE_SETTING, CENTRE)
        set_setting(self.store, SETUP_DONE_SETTING, "1")
        self.mode = CENTRE
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


class CentreSetupDialog(QDialog):
    """Set up the command centre's role: the centre's passphrase and its encryption identity
    (or, when the database already holds one, its passphrase to prove it), the time zone of
    the briefings and the supervisor's own name. Then shows the recipient for inspectors."""

    def __init__(
        self, store: Store, runner: TaskRunner | None = None, *, parent: QWidget | None = None
    ) -> None:
        from inspector_app.core.centre import has_identity
        from inspector_app.core.periods import TIMEZONE_SETTING

        super().__init__(parent)
        self.store = store
        self.runner = runner or TaskRunner(self)
        self.existing = has_identity(store)
        self.recipient = ""
        self.setWindowTitle(self.tr("Set up the command centre"))

        self.pages = QStackedWidget()
        # -- page 1: the form
        form_page = QWidget()
        form = QFormLayout(form_page)
        self.intro = QLabel(
            self.tr(
                "The command centre's identity is kept in the database, encrypted with the "
                "centre's passphrase. Every supervisor of this data folder unlocks it with "
                "that passphrase to open encrypted bundles."
            )
            if self.existing
            else self.tr(
                "The command centre gets its own encryption identity: inspectors encrypt their "
                "bundles to it, so a lost USB stick reveals nothing. It is kept in the "
                "database, encrypted with the centre's passphrase."
            )
        )
        self.intro.setWordWrap(True)
        form.addRow(self.intro)
        self.name = QLineEdit(supervisor(store) or "")
        self.name.setPlaceholderText(self.tr("recorded with every decision you make"))
        form.addRow(self.tr("Your name"), self.name)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase2 = QLineEdit()
        self.passphrase2.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = QLabel("")
        if self.existing:
            form.addRow(self.tr("The centre's passphrase"), self.passphrase)
        else:
            self.passphrase.setPlaceholderText(self.tr("at least 8 characters; a sentence is best"))
            self.passphrase.textChanged.connect(self._show_strength)
            form.addRow(self.tr("The centre's passphrase"), self.passphrase)
            form.addRow("", self.strength)
            form.addRow(self.tr("Passphrase again"), self.passphrase2)
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.addItems(list(TIME_ZONES))
        self.timezone.setCurrentText(get_setting(store, TIMEZONE_SETTING) or TIME_ZONES[0])
        self.timezone.setToolTip(
            self.tr("Days, weeks and months of the briefings are those of this time zone.")
        )
        form.addRow(self.tr("Time zone"), self.timezone)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b")
        form.addRow(self.error)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        form.addRow(self.progress)
        self.create_button = QPushButton(
            self.tr("Unlock and continue")
            if self.existing
            else self.tr("Create the centre's identity")
        )
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.submit)
        form.addRow(self.create_button)
        self.pages.addWidget(form_page)

        # -- page 2: the recipient to hand to inspectors
        done_page = QWidget()
        dv = QVBoxLayout(done_page)
        self.done_text = QLabel(
            self.tr(
                "The command centre is ready. Give this recipient to every inspector: they "
                "enter it in their settings, and from then on only this centre can open "
                "their bundles."
            )
        )
        self.done_text.setWordWrap(True)
        self.recipient_edit = QLineEdit()
        self.recipient_edit.setReadOnly(True)
        self.recipient_edit.setMinimumWidth(520)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_recipient)
        self.save_button = QPushButton(self.tr("Save to file…"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.choose_recipient_file)
        row = QHBoxLayout()
        row.addWidget(self.recipient_edit, 1)
        row.addWidget(self.copy_button)
        row.addWidget(self.save_button)
        self.saved = QLabel("")
        self.open_button = QPushButton(self.tr("Open the command centre"))
        self.open_button.clicked.connect(self.accept)
        dv.addWidget(self.done_text)
        dv.addLayout(row)
        dv.addWidget(self.saved)
        dv.addStretch(1)
        dv.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        self.pages.addWidget(done_page)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(640, 0)
        self.name.setFocus()

    def _show_strength(self, text: str) -> None:
        level = passphrase_strength(text)
        words = [
            self.tr("too short"),
            self.tr("weak: add words or other kinds of characters"),
            self.tr("fair"),
            self.tr("strong"),
        ]
        colours = ["#c0392b", "#c0392b", "#b45309", "#1e8449"]
        self.strength.setText(words[level] if text else "")
        self.strength.setStyleSheet(f"color: {colours[level]}")

    def _refuse(self, message: str, field: QLineEdit | None = None) -> bool:
        self.error.setText(message)
        if field is not None:
            field.setFocus()
        return False

    def submit(self) -> bool:
        """Check the form, then make (or unlock) the identity on a worker; False if refused."""
        from inspector_app.core.centre import MIN_CENTRE_PASSPHRASE_LENGTH
        from inspector_app.core.periods import parse_timezone

        name = " ".join(self.name.text().split())
        secret = self.passphrase.text()
        if not name:
            return self._refuse(
                self.tr("Enter your own name: it is recorded with every decision."), self.name
            )
        if not self.existing:
            if len(secret) < MIN_CENTRE_PASSPHRASE_LENGTH:
                return self._refuse(
                    self.tr("The passphrase needs at least %1 characters.").replace(
                        "%1", str(MIN_CENTRE_PASSPHRASE_LENGTH)
                    ),
                    self.passphrase,
                )
            if secret != self.passphrase2.text():
                self.passphrase2.clear()
                return self._refuse(self.tr("The two passphrases differ."), self.passphrase2)
        try:
            zone = parse_timezone(self.timezone.currentText()).key
        except InspectorError:
            return self._refuse(
                self.tr("“%1” is not a time zone name (such as Asia/Shanghai).").replace(
                    "%1", self.timezone.currentText().strip()
                )
            )
        self.error.clear()
        self.create_button.setEnabled(False)
        self.progress.show()
        existing = self.existing
        view = as_actor(self.store, name)

        def work(_progress: Any, _cancel: Any) -> str:
            from inspector_app.core import centre
            from inspector_app.core.periods import set_centre_timezone

            # scrypt takes seconds: on the worker, before anything else is written
            if existing:
                centre.load_identity(view, secret)
                recipient = centre.recipient(view)
            else:
                recipient = centre.init_encryption(view, secret)
            set_setting(view, SUPERVISOR_SETTING, name)
            set_centre_timezone(view, zone)
            return recipient

        self.runner.run(work, on_done=self._done, on_error=self._failed)
        return True

    def _done(self, recipient: str) -> None:
        self.progress.hide()
        self.recipient = recipient
        self.recipient_edit.setText(recipient)
        self.pages.setCurrentIndex(1)
        self.open_button.setDefault(True)
        self.open_button.setFocus()

    def _failed(self, exc: BaseException) -> None:
        from inspector_app.core.centre import WRONG_PASSPHRASE

        self.progress.hide()
        self.create_button.setEnabled(True)
        if isinstance(exc, InspectorError) and exc.message == WRONG_PASSPHRASE:
            self.passphrase.selectAll()
            self._refuse(
                self.tr("Wrong passphrase for the command centre's identity."), self.passphrase
            )
        else:
            self._refuse(exc.message if isinstance(exc, InspectorError) else str(exc))

    def copy_recipient(self) -> None:
        QApplication.clipboard().setText(self.recipient)
        self.saved.setText(self.tr("Copied."))

    def choose_recipient_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the recipient"), "command-centre-recipient.txt"
        )
        if name:
            self.save_recipient(Path(name))

    def save_recipient(self, path: Path) -> bool:
        """Write the recipient as a small text file inspectors load in their set-up."""
        title = self.tr("Command-centre recipient for Inspector")
        text = f"# {title}\n{self.recipient}\n"
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            self.saved.setText(
                self.tr("Cannot write %1: %2").replace("%1", str(path)).replace("%2", str(exc))
            )
            return False
        self.saved.setText(self.tr("Saved to %1.").replace("%1", str(path)))
        return True
