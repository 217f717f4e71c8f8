"""Export finalised inspections as signed (and, with a recipient, encrypted) bundles.

The export runs on the TaskRunner with progress and cancel; a cancelled export leaves no
file (the core writes to a temporary name and verifies what it wrote).
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QStorageInfo, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.bundle.writer import ExportedBundle, export_bundles
from inspector_app.core.errors import Cancelled, InputError
from inspector_app.core.inspections import (
    EXPORTED,
    FINAL,
    InspectionSummary,
    list_inspections,
)
from inspector_app.core.settings import get_recipient
from inspector_app.core.store import Store
from inspector_app.ui.tasks import Progress, TaskHandle, TaskRunner

ID_ROLE = Qt.ItemDataRole.UserRole


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def removable_volumes() -> list[tuple[str, str]]:
    """(label, root path) of mounted volumes that look like USB sticks or card readers."""
    found: list[tuple[str, str]] = []
    for vol in QStorageInfo.mountedVolumes():
        root = vol.rootPath()
        if not vol.isValid() or not vol.isReady() or vol.isReadOnly():
            continue
        looks_removable = root.startswith(("/media/", "/run/media/", "/Volumes/")) or (
            len(root) <= 3 and root[:1].upper() not in ("", "C") and root[1:2] == ":"
        )
        if looks_removable:
            name = vol.displayName() or root
            found.append((f"{name} ({root})", root))
    return found


class ExportDialog(QDialog):
    """Choose inspections, a destination and the passphrase; export; report the bundles."""

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.handle: TaskHandle | None = None
        self.result_bundles: list[ExportedBundle] = []
        self.setWindowTitle(self.tr("Export inspections"))
        self.resize(620, 560)

        self.inspections = QListWidget()
        self.destination = QLineEdit()
        self.destination.setPlaceholderText(self.tr("Folder or USB stick to write to"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.choose_folder)
        self.drives = QComboBox()
        self.drives.addItem(self.tr("Removable drives…"), "")
        for label, root in removable_volumes():
            self.drives.addItem(label, root)
        self.drives.setVisible(self.drives.count() > 1)
        self.drives.activated.connect(self._drive_chosen)
        dest_row = QHBoxLayout()
        dest_row.addWidget(self.destination, 1)
        dest_row.addWidget(self.drives)
        dest_row.addWidget(browse)

        self.recipient = get_recipient(store)
        self.encrypt = QCheckBox(self.tr("Encrypt for the command centre"))
        self.encrypt_note = QLabel()
        self.encrypt_note.setWordWrap(True)
        if self.recipient:
            self.encrypt.setChecked(True)
            self.encrypt_note.setText(self.tr("Only the command centre can open the bundle."))
        else:
            self.encrypt.setChecked(False)
            self.encrypt.setEnabled(False)
            self.encrypt_note.setText(
                self.tr(
                    "No command-centre recipient is set, so the bundle is signed but not "
                    "encrypted. Set the recipient in Settings to encrypt."
                )
            )

        self.passphrase_error = QLabel()
        self.passphrase_error.setStyleSheet("color: #c0392b;")
        self.passphrase_error.hide()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Your signing passphrase"))
        self.passphrase.textChanged.connect(lambda _t: self.passphrase_error.hide())

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_or_close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)

        form = QFormLayout()
        form.addRow(self.tr("Destination"), dest_row)
        form.addRow("", self.encrypt)
        form.addRow("", self.encrypt_note)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow("", self.passphrase_error)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Inspections to export")))
        layout.addWidget(self.inspections, 1)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.load_inspections()

    # --- the list --------------------------------------------------------------------------

    def load_inspections(self) -> None:
        self.inspections.clear()
        rows = list_inspections(self.store, status=FINAL) + list_inspections(
            self.store, status=EXPORTED
        )
        for summary in rows:
            item = QListWidgetItem(self._label(summary))
            item.setData(ID_ROLE, summary.id)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsSelectable
            )
            ticked = summary.status == FINAL
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.inspections.addItem(item)
        if not rows:
            self.message.setText(self.tr("No finalised inspection to export."))

    def _label(self, s: InspectionSummary) -> str:
        when = s.started_at.astimezone().strftime("%Y-%m-%d %H:%M")  # as the list shows it
        status = self.tr("exported") if s.status == EXPORTED else self.tr("final")
        return (
            self.tr("%1 · %2 (%3) · %4, %5 · %6")
            .replace("%1", when)
            .replace("%2", s.point_name)
            .replace("%3", s.point_code)
            .replace("%4", self.tr("%n problem(s)", "", s.problems))
            .replace("%5", self.tr("%n photo(s)", "", s.photos))
            .replace("%6", status)
        )

    def checked_ids(self) -> list[str]:
        out = []
        for row in range(self.inspections.count()):
            item = self.inspections.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(ID_ROLE)))
        return out

    def set_checked(self, ids: list[str]) -> None:
        for row in range(self.inspections.count()):
            item = self.inspections.item(row)
            checked = item.data(ID_ROLE) in ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    # --- destination -----------------------------------------------------------------------

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export to folder"), self.destination.text()
        )
        if folder:
            self.destination.setText(folder)

    def _drive_chosen(self, index: int) -> None:
        root = self.drives.itemData(index)
        if root:
            self.destination.setText(str(root))

    # --- export ----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.handle is not None and not self.handle.finished

    def start_export(self) -> None:
        ids = self.checked_ids()
        folder = self.destination.text().strip()
        self.passphrase_error.hide()
        if not ids:
            self.message.setText(self.tr("Tick at least one inspection."))
            return
        if not folder:
            self.message.setText(self.tr("Choose where to write the bundle."))
            return
        if not self.passphrase.text():
            self._passphrase_problem(self.tr("Enter your passphrase to sign the bundle."))
            return
        out_dir = Path(folder)
        passphrase = self.passphrase.text()
        recipient = self.recipient if self.encrypt.isChecked() else None
        store = self.store

        def task(progress: Progress, cancel: threading.Event) -> list[ExportedBundle]:
            return export_bundles(
                store,
                inspection_ids=ids,
                out_dir=out_dir,
                passphrase=passphrase,
                recipient=recipient,
                progress=progress,
                cancel=cancel,
            )

        self.result_bundles = []
        self._set_running(True)
        self.message.setText(self.tr("Exporting…"))
        self.handle = self.runner.run(
            task, on_done=self._done, on_error=self._failed, on_progress=self._progress
        )

    def _set_running(self, running: bool) -> None:
        self.export_button.setEnabled(not running)
        self.inspections.setEnabled(not running)
        self.destination.setEnabled(not running)
        self.passphrase.setEnabled(not running)
        self.progress.setVisible(running or self.progress.value() > 0)
        if running:
            self.progress.setValue(0)
        self.cancel_button.setText(self.tr("Cancel") if running else self.tr("Close"))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(done * 100 / total) if total else 0)

    def _done(self, bundles: list[ExportedBundle]) -> None:
        self.result_bundles = list(bundles)
        self.progress.setValue(100)
        self._set_running(False)
        lines = [self.tr("Exported %n bundle(s):", "", len(bundles))]
        for b in bundles:
            state = self.tr("encrypted") if b.encrypted else self.tr("signed")
            lines.append(
                self.tr("• %1 — %2 — %3, verified")
                .replace("%1", b.path.name)
                .replace("%2", human_size(b.size_bytes))
                .replace("%3", state)
            )
        self.message.setText("\n".join(lines))
        self.load_inspections()

    def _failed(self, exc: BaseException) -> None:
        self._set_running(False)
        self.progress.hide()
        if isinstance(exc, Cancelled):
            self.message.setText(self.tr("Export cancelled: no file was written."))
        elif isinstance(exc, InputError) and "passphrase" in str(exc).lower():
            self._passphrase_problem(self.tr("Wrong passphrase. Try again."))
            self.message.clear()
        else:
            self.message.setText(self.tr("Export failed: %1").replace("%1", str(exc)))

    def _passphrase_problem(self, text: str) -> None:
        self.passphrase_error.setText(text)
        self.passphrase_error.show()
        self.passphrase.setFocus()
        self.passphrase.selectAll()

    def cancel_or_close(self) -> None:
        if self.running and self.handle is not None:
            self.handle.cancel()
            self.message.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def reject(self) -> None:
        if self.running and self.handle is not None:
            self.handle.cancel()
            self.message.setText(self.tr("Cancelling…"))
            return  # close once the worker has stopped
        super().reject()
