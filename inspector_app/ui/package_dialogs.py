"""The laptop's side of covert rounds: pinning the command centre's key after comparing its
key id by phone or on paper, and importing an assignment package (verified and applied on
a worker, all or nothing; a refusal says why and that nothing changed)."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core import centre_key
from inspector_app.core.errors import InputError, InspectorError
from inspector_app.core.minisign import PublicKey
from inspector_app.core.package.apply import APPLIED, AppliedPackage
from inspector_app.core.package.reader import PackageRejected
from inspector_app.core.store import Store
from inspector_app.ui.tasks import Progress, TaskHandle, TaskRunner

ERROR_STYLE = "color: #a4161a;"
OK_STYLE = "color: #1f6b33;"


class NotPinned(InspectorError):
    """A package was given before any command-centre key was pinned."""


def _file_row(edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(button)
    return row


class PinKeyDialog(QDialog):
    """Choose the centre's `.pub` file, compare its key id with the command centre, pin it."""

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.public: PublicKey | None = None
        self.pinned: PublicKey | None = None  # set once pinned
        self.setWindowTitle(self.tr("Pin the command centre's key"))

        intro = QLabel(
            self.tr(
                "This laptop accepts assignment packages only from the command centre's key "
                "pinned here. Choose the key file the command centre gave you (centre.pub)."
            )
        )
        intro.setWordWrap(True)
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()

        self.key_id = QLabel("—")
        self.key_id.setObjectName("keyIdWords")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(24)
        font.setBold(True)
        self.key_id.setFont(font)
        self.key_id.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_id.setFrameShape(QFrame.Shape.StyledPanel)
        self.key_id.setMinimumHeight(72)
        caption = QLabel(self.tr("Key id of the chosen file"))
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.compare = QLabel(
            self.tr(
                "Call the command centre, or take the sheet it printed, and compare the key id "
                "group by group. Pin the key only if every group is the same: a wrong key would "
                "let someone else send you rounds."
            )
        )
        self.compare.setWordWrap(True)
        self.current = QLabel(self.current_text())
        self.current.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.pin_button = self.buttons.addButton(
            self.tr("The key ids match: pin"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.pin_button.setEnabled(False)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.pin)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(_file_row(self.file, self.choose_button))
        layout.addWidget(self.error)
        layout.addSpacing(8)
        layout.addWidget(caption)
        layout.addWidget(self.key_id)
        layout.addWidget(self.compare)
        layout.addSpacing(4)
        layout.addWidget(self.current)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(560, 400)
        if path is not None:
            self.load_file(path)

    def current_text(self) -> str:
        pinned = centre_key.pinned_centre_key(self.store)
        if pinned is None:
            return self.tr("No command-centre key is pinned on this laptop yet.")
        if pinned == self.public:
            return self.tr("This key is already pinned on this laptop.")
        return self.tr("Pinned now: %1 (pinning another key replaces it)").replace(
            "%1", centre_key.key_id_words(pinned)
        )

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The command centre's public key"),
            "",
            self.tr("Public keys (*.pub);;All files (*)"),
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> bool:
        """Read the key file (a few hundred bytes) and show its key id; False if unreadable."""
        self.file.setText(str(path))
        try:
            self.public = centre_key.read_public_key(Path(path))
        except InspectorError as exc:
            self.public = None
            self.key_id.setText("—")
            self.error.setText(
                self.tr("This file is not a command-centre key: %1").replace("%1", exc.message)
            )
            self.error.show()
        else:
            self.key_id.setText(centre_key.key_id_words(self.public))
            self.error.hide()
        self.current.setText(self.current_text())
        self.pin_button.setEnabled(self.public is not None)
        return self.public is not None

    def pin(self) -> None:
        if self.public is None:
            return
        try:
            # the key shown is the key pinned, even if the file changed meanwhile
            self.pinned = centre_key.pin_centre_key(self.store, self.public.to_file())
        except InspectorError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()


class ImportPackageDialog(QDialog):
    """Choose a package file and give this laptop's passphrase; the package is verified and
    applied on a worker, and the dialog then says what changed or why it was refused."""

    #: a package was applied (its AppliedPackage)
    applied = Signal(object)

    def __init__(
        self,
        store: Store,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.handle: TaskHandle | None = None
        self.applied_package: AppliedPackage | None = None
        self.error_kind: str | None = None  # wrong_passphrase | not_pinned | refused | other
        self.setWindowTitle(self.tr("Import assignment package"))

        intro = QLabel(
            self.tr(
                "The package from the command centre brings your round: the points to visit "
                "and their dates, and the point register. It is checked against the pinned "
                "command-centre key and applied completely or not at all."
            )
        )
        intro.setWordWrap(True)
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("The passphrase of this laptop's key"))
        self.passphrase.returnPressed.connect(self.start)
        form = QFormLayout()
        form.addRow(self.tr("Package"), _file_row(self.file, self.choose_button))
        form.addRow(self.tr("Passphrase"), self.passphrase)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(560, 340)
        if path is not None:
            self.file.setText(str(path))
        self._update()

    @property
    def busy(self) -> bool:
        return self.handle is not None and not self.handle.finished

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Assignment package"),
            "",
            self.tr("Assignment packages (*.package.age);;All files (*)"),
        )
        if name:
            self.file.setText(name)
            self.message.hide()
            self._update()
            self.passphrase.setFocus()

    def _update(self) -> None:
        running = self.busy
        self.import_button.setEnabled(bool(self.file.text()) and not running)
        self.choose_button.setEnabled(not running)
        self.passphrase.setEnabled(not running)
        self.close_button.setEnabled(not running)

    def _say(self, text: str, style: str = "") -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
        self.message.show()

    def start(self) -> None:
        """Verify and apply the package on a worker (age, scrypt and the checks take time)."""
        if self.busy or not self.file.text():
            return
        if not self.passphrase.text():
            self._say(self.tr("Enter the passphrase of this laptop's key."), ERROR_STYLE)
            self.passphrase.setFocus()
            return
        path, secret, store = Path(self.file.text()), self.passphrase.text(), self.store
        self.passphrase.clear()
        self.applied_package, self.error_kind = None, None

        def work(_progress: Progress, _cancel: threading.Event) -> AppliedPackage:
            from inspector_app.core.package.apply import import_package

            if centre_key.pinned_centre_key(store) is None:
                raise NotPinned(centre_key.NO_PIN)
            return import_package(store, path, secret)

        self._say(self.tr("Checking and applying the package…"))
        self.handle = self.runner.run(work, on_done=self._done, on_error=self._failed)
        self._update()

    def _done(self, result: AppliedPackage) -> None:
        self.applied_package = result
        self._update()
        self._say(self.summary(result), OK_STYLE)
        self.import_button.setEnabled(False)
        self.close_button.setFocus()
        if result.status == APPLIED:
            self.applied.emit(result)

    def summary(self, r: AppliedPackage) -> str:
        """What the package changed, in the user's words."""
        if r.status != APPLIED:
            return self.tr("Package %1 was already applied here: nothing changed.").replace(
                "%1", str(r.sequence)
            )
        lines = [self.tr("Package %1 applied.").replace("%1", str(r.sequence))]
        if r.round_name:
            lines.append(
                self.tr("Round “%1”: %n point(s) to visit", "", r.assignments).replace(
                    "%1", r.round_name
                )
            )
        lines.append(
            self.tr("Point register: %1 added, %2 updated")
            .replace("%1", str(r.points_added))
            .replace("%2", str(r.points_updated))
        )
        if r.catalogues_added:
            lines.append(
                self.tr("Check-item catalogues added: %1").replace(
                    "%1", ", ".join(r.catalogues_added)
                )
            )
        if r.recipient_set:
            lines.append(self.tr("Bundles are now encrypted for the command centre."))
        if r.new_centre_key_id:
            lines.append(
                self.tr("The command centre's new key %1 is pinned from now on.").replace(
                    "%1", r.new_centre_key_id
                )
            )
        return "\n".join(lines)

    def _failed(self, exc: BaseException) -> None:
        self._update()
        if isinstance(exc, NotPinned):
            self.error_kind = "not_pinned"
            text = self.tr(
                "No command-centre key is pinned on this laptop yet. Pin the key first "
                "(Inspection ▸ Pin command-centre key…), after comparing its key id with the "
                "command centre. Nothing was changed."
            )
        elif isinstance(exc, PackageRejected):
            self.error_kind = "refused"
            text = (
                self.tr("The package was refused; nothing was changed.")
                + "\n"
                + self.tr("Reason: %1").replace("%1", exc.reason)
            )
        elif isinstance(exc, InputError) and "wrong passphrase" in exc.message:
            self.error_kind = "wrong_passphrase"
            text = self.tr("Wrong passphrase. Try again.")
            self.passphrase.setFocus()
        elif isinstance(exc, InspectorError):
            self.error_kind = "refused"
            text = (
                self.tr("The package was not imported; nothing was changed.")
                + "\n"
                + self.tr("Reason: %1").replace("%1", exc.message)
            )
        else:
            self.error_kind = "other"
            text = self.tr("The package could not be imported: %1").replace("%1", str(exc))
        self._say(text, ERROR_STYLE)


__all__ = ["ImportPackageDialog", "NotPinned", "PinKeyDialog"]
