"""Centre ▸ Database…: the shared store's database URL and photos folder, saved in the data
folder's connection.json (not the database), tested on a worker, used from the next start."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.errors import InspectorError
from inspector_app.core.location import (
    ConnectionSettings,
    check_database_url,
    mask_url,
    probe_database,
    read_connection,
    write_connection,
)
from inspector_app.ui.tasks import TaskRunner

ERROR_STYLE = "color: #c0392b"


class DatabaseDialog(QDialog):
    """The URL is shown with its password masked; a masked URL left as it is keeps the
    saved one (with its password). Empty fields mean SQLite and photos in the data folder."""

    def __init__(
        self, data_dir: Path, runner: TaskRunner, current: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Database"))
        self.data_dir = data_dir
        self.runner = runner
        self.saved = read_connection(data_dir)
        self._shown_url = mask_url(self.saved.database_url) if self.saved.database_url else ""

        self.url = QLineEdit(self._shown_url)
        self.url.setPlaceholderText(self.tr("empty: SQLite in the data folder"))
        self.url.setMinimumWidth(420)
        self.photos = QLineEdit(self.saved.photos_dir or "")
        self.photos.setPlaceholderText(self.tr("empty: photos/ in the data folder"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_photos)
        photos_row = QHBoxLayout()
        photos_row.addWidget(self.photos, 1)
        photos_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Database URL:"), self.url)
        form.addRow(self.tr("Photos folder:"), photos_row)

        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        note = QLabel(
            self.tr(
                "In use now: %1. Changes take effect when the program is started again; "
                "--database and INSPECTOR_DATABASE_URL, when given, still win."
            ).replace("%1", current)
        )
        note.setWordWrap(True)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.status_label, 1)
        layout.addLayout(test_row)
        layout.addWidget(note)
        layout.addWidget(buttons)
        # set when a test of the connection has finished (for the dialog's own tests)
        self.tested = threading.Event()

    def _choose_photos(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Photos folder"))
        if folder:
            self.photos.setText(folder)

    def entered_url(self) -> str | None:
        """The URL the user means: the saved one when the masked text was left alone."""
        text = self.url.text().strip()
        if not text:
            return None
        if text == self._shown_url and self.saved.database_url:
            return self.saved.database_url
        return text

    def _show(self, message: str, error: bool) -> None:
        self.status_label.setStyleSheet(ERROR_STYLE if error else "")
        self.status_label.setText(message)

    def test_connection(self) -> None:
        url = self.entered_url()
        if url is None:
            self._show(self.tr("No URL: the data folder's SQLite database is used."), False)
            return
        try:
            check_database_url(url)
        except InspectorError as exc:
            self._show(exc.message, True)
            return
        self.test_button.setEnabled(False)
        self._show(self.tr("Connecting…"), False)
        probe: Callable[..., str] = lambda _report, _cancel: probe_database(url)  # noqa: E731
        self.runner.run(probe, on_done=self._tested, on_error=self._failed)

    def _tested(self, state: object) -> None:
        texts = {
            "current": self.tr("Connected: the schema is up to date."),
            "empty": self.tr("Connected: an empty database, made ready at the next start."),
            "older": self.tr(
                "Connected, but the schema is older: an administrator runs "
                "`inspector-app db upgrade`."
            ),
            "newer": self.tr("Connected, but it was made by a newer version of Inspector."),
            "foreign": self.tr("Connected, but it holds tables not made by Inspector."),
        }
        self._show(texts.get(str(state), str(state)), state not in ("current", "empty"))
        self.test_button.setEnabled(True)
        self.tested.set()

    def _failed(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, InspectorError) else str(exc).splitlines()[0]
        self._show(message, True)
        self.test_button.setEnabled(True)
        self.tested.set()

    def save(self) -> None:
        photos = self.photos.text().strip() or None
        try:
            write_connection(self.data_dir, ConnectionSettings(self.entered_url(), photos))
        except InspectorError as exc:
            self._show(exc.message, True)
            return
        except OSError as exc:
            self._show(self.tr("Cannot save: %1").replace("%1", str(exc)), True)
            return
        self.accept()
