"""The command centre's import desk: drop bundles or a whole folder (a USB stick), each is
verified and imported on a worker, and a table says per bundle what happened and why."""

from __future__ import annotations

import queue
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core import keyring
from inspector_app.core.bundle.importer import (
    ALREADY_IMPORTED,
    IMPORTED,
    REJECTED,
    BundleReport,
    bundle_files,
    import_files,
)
from inspector_app.core.errors import InspectorError
from inspector_app.core.keyring import EnrolledKeyInfo
from inspector_app.core.store import Store
from inspector_app.ui.keyring_panel import KeyringPanel, ask_passphrase
from inspector_app.ui.rows_model import RowsModel
from inspector_app.ui.tasks import TaskHandle, TaskRunner

#: (kind, words found in the core's reason), first match wins; the core words its reasons
#: for people, the desk sorts them into a few kinds it can say in the user's language
REJECTION_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("missing", ("no such file",)),
    ("empty_folder", ("holds no bundle",)),
    ("unknown_signer", ("which is not enrolled",)),
    ("revoked", ("revoked",)),
    ("replay", ("replay:",)),
    ("conflict", ("conflict:",)),
    ("needs_identity", ("needs the command centre's identity",)),
    ("wrong_recipient", ("encrypted for another recipient", "identity cannot")),
    ("newer", ("newer version",)),
    (
        "tampered",
        (
            "does not match",
            "altered",
            "changed after",
            "not as this format writes",
            "does not read back",
        ),
    ),
    ("damaged", ("truncated", "cut short", "damaged", "cannot be read", "cannot be decrypted")),
    (
        "not_bundle",
        ("not a zip", "the zip file is empty", "not an inspector bundle", "unknown Bundle-Format"),
    ),
)


def rejection_kind(reason: str | None) -> str:
    """The kind of a rejection, from the core's reason; "invalid" when none fits."""
    text = reason or ""
    for kind, needles in REJECTION_KINDS:
        if any(needle in text for needle in needles):
            return kind
    return "invalid"


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Every bundle file of what was dropped: files as given, folders opened (a folder
    without bundles stays in the list, so its row says so)."""
    out: list[Path] = []
    for raw in paths:
        found = bundle_files([raw])
        out.extend(found if found else [Path(raw)])
    return out


class BundleTableModel(RowsModel):
    """One row per bundle file handled this session (BundleReport DTOs), newest last."""

    COLUMNS = 7
    VERDICT, SIGNER, KEY, INSPECTIONS, PHOTOS, REASON, FILE = range(COLUMNS)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[BundleReport] = []

    def headers(self) -> list[str]:
        return [
            self.tr("Result"),
            self.tr("Inspector"),
            self.tr("Key id · no."),
            self.tr("Inspections"),
            self.tr("Photos"),
            self.tr("Why refused"),
            self.tr("File"),
        ]

    def verdict_text(self, report: BundleReport) -> str:
        return {
            IMPORTED: self.tr("Imported"),
            ALREADY_IMPORTED: self.tr("Already here"),
            REJECTED: self.tr("Rejected"),
        }.get(report.verdict, report.verdict)

    def kind_text(self, kind: str) -> str:
        """A rejection's kind in plain words."""
        return {
            "missing": self.tr("File not found"),
            "empty_folder": self.tr("The folder holds no bundle"),
            "unknown_signer": self.tr("Signed by a key not in the keyring"),
            "revoked": self.tr("Signed by a revoked key"),
            "replay": self.tr("Its number was already used (a replay)"),
            "conflict": self.tr("Clashes with what is already here"),
            "needs_identity": self.tr("Encrypted: needs the centre's passphrase"),
            "wrong_recipient": self.tr("Encrypted for another command centre"),
            "newer": self.tr("Made by a newer version of Inspector"),
            "tampered": self.tr("Changed after it was signed"),
            "damaged": self.tr("The file is damaged or incomplete"),
            "not_bundle": self.tr("Not an inspector bundle"),
            "invalid": self.tr("The bundle is not well formed"),
        }.get(kind, kind)

    def add(self, reports: Sequence[BundleReport]) -> None:
        if not reports:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(reports) - 1)
        self.rows.extend(reports)
        self.endInsertRows()

    def refusals_first(self, first: int) -> None:
        """Reorder the rows from `first` on: refusals first, then imported, then already
        here (each by inspector and number), so what needs attention tops a run."""
        order = {REJECTED: 0, IMPORTED: 1, ALREADY_IMPORTED: 2}
        self.beginResetModel()
        self.rows[first:] = sorted(
            self.rows[first:],
            key=lambda r: (order.get(r.verdict, 3), r.signer_code or "", r.sequence or 0),
        )
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.rows = []
        self.endResetModel()

    def report_at(self, row: int) -> BundleReport | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def counts(self) -> Counter[str]:
        return Counter(r.verdict for r in self.rows)

    def text(self, r: BundleReport, col: int) -> str:
        rejected = r.verdict == REJECTED
        if col == self.VERDICT:
            return self.verdict_text(r)
        if col == self.FILE:
            return Path(r.file).name
        if col == self.SIGNER:
            return f"{r.signer_name} ({r.signer_code})" if r.key_id else ""
        if col == self.KEY:
            return f"{r.key_id} · {r.sequence}" if r.key_id else ""
        if col == self.INSPECTIONS:
            return str(r.inspections) if r.key_id else ""
        if col == self.PHOTOS:
            return str(r.photos) if r.key_id else ""
        return self.kind_text(rejection_kind(r.reason)) if rejected else ""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        r = self.report_at(index.row())
        if r is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.reason if r.verdict == REJECTED else r.file
        if role == Qt.ItemDataRole.ForegroundRole and col in (self.VERDICT, self.REASON):
            return QColor(
                {IMPORTED: "#1e8449", ALREADY_IMPORTED: "#555555"}.get(r.verdict, "#c0392b")
            )
        if role == Qt.ItemDataRole.FontRole and col == self.VERDICT:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.INSPECTIONS, self.PHOTOS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return r
        return None


class DropZone(QFrame):
    """The dashed area that says what to drop; the desk itself takes the drop."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropZone")
        self.setStyleSheet(
            "#dropZone { border: 2px dashed #9aa5b1; border-radius: 8px; }"
            '#dropZone[hover="true"] { border-color: #2e86de; background: #eaf2fb; }'
        )
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel()
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.files_button = QPushButton()
        self.folder_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.files_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)

    def set_hover(self, on: bool) -> None:
        self.setProperty("hover", "true" if on else "false")
        self.style().unpolish(self)
        self.style().polish(self)


class ImportDesk(QWidget):
    """The Import page of the centre's window. The centre's unlocked identity lives here,
    in memory only, for as long as the window is open (asked once, at the first encrypted
    bundle)."""

    #: an import run ended having added something (other pages refresh their data)
    imported = Signal()
    #: an import run ended (whatever its outcome)
    finished = Signal()

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.setAcceptDrops(True)
        self._identity: Any = None
        self._task: TaskHandle | None = None
        self._outbox: queue.SimpleQueue[BundleReport] = queue.SimpleQueue()
        self._busy = False
        self.last_error = ""

        self.drop_zone = DropZone()
        self.drop_zone.title.setText(self.tr("Drop bundles or a whole folder here"))
        self.drop_zone.hint.setText(
            self.tr(
                "A USB stick's folder works too. Each bundle is checked (signature, contents, "
                "keyring) and imported whole, or not at all."
            )
        )
        self.drop_zone.files_button.setText(self.tr("Choose bundles…"))
        self.drop_zone.files_button.clicked.connect(self.choose_files)
        self.drop_zone.folder_button.setText(self.tr("Choose a folder…"))
        self.drop_zone.folder_button.clicked.connect(self.choose_folder)

        self.progress = QProgressBar()
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Stop"))
        self.cancel_button.setToolTip(self.tr("Stops after the bundle being imported"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.summary = QLabel("")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.clear_button = QPushButton(self.tr("Clear list"))
        self.clear_button.clicked.connect(self.clear)
        self.clear_button.setEnabled(False)
        status = QHBoxLayout()
        status.addWidget(self.summary, 1)
        status.addWidget(self.progress, 1)
        status.addWidget(self.cancel_button)
        status.addWidget(self.clear_button)

        self.model = BundleTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # file names: both ends
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(BundleTableModel.FILE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(48)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.missing_box = QGroupBox(self.tr("Bundles not received"))
        self.missing = QLabel("")
        self.missing.setWordWrap(True)
        self.missing.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.missing.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mv = QVBoxLayout(self.missing_box)
        mv.addWidget(self.missing)
        mv.addStretch(1)

        self.keyring = KeyringPanel(store, runner, self)
        self.keyring.keysChanged.connect(self.refresh_keys)

        top = QWidget()
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addWidget(self.drop_zone)
        tv.addLayout(status)
        results = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.detail)
        results.addLayout(left, 3)
        results.addWidget(self.missing_box, 1)
        tv.addLayout(results, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.keyring)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.update_summary()
        self.refresh_keys()

    # ------------------------------------------------------------- dropping
    @staticmethod
    def _local_paths(event: QDragEnterEvent | QDropEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._local_paths(event) and not self.busy:
            event.acceptProposedAction()
            self.drop_zone.set_hover(True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: Any) -> None:
        self.drop_zone.set_hover(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.drop_zone.set_hover(False)
        paths = self._local_paths(event)
        if paths and not self.busy:
            event.acceptProposedAction()
            self.import_paths(paths)

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Bundles to import"),
            "",
            self.tr("Inspector bundles") + " (*.zip *.zip.age);;" + self.tr("All files") + " (*)",
        )
        if names:
            self.import_paths(names)

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("A folder of bundles"))
        if name:
            self.import_paths([name])

    # --------------------------------------------------------------- import
    @property
    def busy(self) -> bool:
        return self._busy

    def import_paths(self, paths: Sequence[str | Path]) -> bool:
        """Import what was dropped or chosen, on the worker; False if an import is running."""
        if self._busy or not paths:
            return False
        self._set_busy(True)
        self.progress.setRange(0, 0)
        self.summary.setText(self.tr("Looking for bundles…"))
        given = [str(p) for p in paths]
        # a USB stick's folder may be slow to list: on the worker too
        self.runner.run(lambda _p, _c: expand(given), on_done=self._found, on_error=self._failed)
        return True

    def ask_passphrase(self, again: bool) -> str | None:
        """The centre's passphrase, typed by the supervisor (None: they gave up)."""
        label = (
            self.tr("Wrong passphrase. The command centre's passphrase:")
            if again
            else self.tr("Some bundles are encrypted. The command centre's passphrase:")
        )
        return ask_passphrase(self, self.tr("Encrypted bundles"), label)

    def _found(self, files: list[Path]) -> None:
        encrypted = any(f.name.endswith(".age") for f in files)
        if encrypted and self._identity is None:
            self._unlock_then(files, again=False)
        else:
            self._run(files)

    def _unlock_then(self, files: list[Path], *, again: bool) -> None:
        """Unlock the centre's identity (scrypt: on the worker), then import."""
        from inspector_app.core import centre

        secret = self.ask_passphrase(again)
        if secret is None:
            self._set_busy(False)
            self.update_summary(
                self.tr("Nothing imported: the encrypted bundles need the centre's passphrase.")
            )
            return
        self.summary.setText(self.tr("Unlocking the centre's identity…"))
        store = self.store

        def unlocked(identity: Any) -> None:
            self._identity = identity
            self._run(files)

        def refused(exc: BaseException) -> None:
            if isinstance(exc, InspectorError) and exc.message == centre.WRONG_PASSPHRASE:
                self._unlock_then(files, again=True)
            else:
                self._failed(exc)

        self.runner.run(
            lambda _p, _c: centre.load_identity(store, secret), on_done=unlocked, on_error=refused
        )

    def forget_identity(self) -> None:
        """Drop the unlocked identity (the next encrypted bundle asks again)."""
        self._identity = None

    @property
    def unlocked(self) -> bool:
        return self._identity is not None

    def _run(self, files: list[Path]) -> None:
        store, identity, outbox = self.store, self._identity, self._outbox
        self.progress.setRange(0, max(1, len(files)))
        self.progress.setValue(0)
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self._before = len(self.model.rows)

        def work(progress: Any, cancel: Any) -> int:
            """One bundle at a time, so a stop comes between bundles and every finished
            bundle's row is kept; each bundle is all or nothing (the importer's promise)."""
            progress(0, len(files))
            for n, path in enumerate(files):
                if cancel.is_set():
                    return n
                for report in import_files(store, [path], identity=identity):
                    outbox.put(report)
                progress(n + 1, len(files))
            return len(files)

        self._task = self.runner.run(
            work, on_done=self._ran, on_error=self._failed, on_progress=self._progressed
        )

    def _drain(self) -> None:
        reports: list[BundleReport] = []
        while True:
            try:
                reports.append(self._outbox.get_nowait())
            except queue.Empty:
                break
        self.model.add(reports)
        if reports:
            # sized to what the rows say (the file name, last, takes what is left)
            self.table.resizeColumnsToContents()
            self.table.scrollToBottom()

    def _progressed(self, done: int, total: int) -> None:
        self._drain()
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        if self.cancel_button.isEnabled():
            self.summary.setText(
                self.tr("Importing bundle %1 of %2…")
                .replace("%1", str(min(done + 1, total)))
                .replace("%2", str(total))
            )

    def _ran(self, handled: int) -> None:
        self._drain()
        total = self.progress.maximum()
        stopped = self._task is not None and self._task.cancel_event.is_set() and handled < total
        self._end()
        note = (
            self.tr("Stopped: %1 of %2 bundles handled; the rest were not touched.")
            .replace("%1", str(handled))
            .replace("%2", str(total))
            if stopped
            else ""
        )
        self.update_summary(note)
        new = self.model.rows[self._before :]
        if new:
            self.model.refusals_first(self._before)
            self.table.resizeColumnsToContents()
            self.table.selectRow(self._before)
            self.table.scrollTo(self.model.index(self._before, 0))
        if any(r.verdict == IMPORTED for r in new):
            self.imported.emit()
        self.finished.emit()

    def _failed(self, exc: BaseException) -> None:
        self._drain()
        self._end()
        message = exc.message if isinstance(exc, InspectorError) else str(exc)
        self.last_error = message
        self.update_summary(self.tr("The import stopped: %1").replace("%1", message))
        self.finished.emit()

    def _end(self) -> None:
        self._task = None
        self._set_busy(False)
        self.refresh_keys()

    def _set_busy(self, on: bool) -> None:
        self._busy = on
        self.progress.setVisible(on)
        self.cancel_button.setVisible(on)
        self.drop_zone.files_button.setEnabled(not on)
        self.drop_zone.folder_button.setEnabled(not on)
        self.clear_button.setEnabled(not on and bool(self.model.rows))

    def cancel(self) -> None:
        """Stop after the bundle being imported (it finishes whole or not at all)."""
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.summary.setText(self.tr("Stopping after this bundle…"))

    def clear(self) -> None:
        if not self._busy:
            self.model.clear()
            self.detail.clear()
            self.update_summary()

    # -------------------------------------------------------------- summary
    def summary_text(self) -> str:
        counts = self.model.counts()
        if not self.model.rows:
            return self.tr("No bundles imported yet in this session.")
        return (
            self.tr("%1 imported, %2 rejected, %3 already here")
            .replace("%1", str(counts[IMPORTED]))
            .replace("%2", str(counts[REJECTED]))
            .replace("%3", str(counts[ALREADY_IMPORTED]))
        )

    def update_summary(self, note: str = "") -> None:
        text = self.summary_text()
        self.summary.setText(f"{text} · {note}" if note and self.model.rows else note or text)
        self.clear_button.setEnabled(not self._busy and bool(self.model.rows))

    def detail_text(self, r: BundleReport) -> str:
        """What happened to one bundle, in full (the selected row)."""
        signer = (
            self.tr("Signed by %1 (%2), key %3, bundle no. %4.")
            .replace("%1", r.signer_name or "")
            .replace("%2", r.signer_code or "")
            .replace("%3", r.key_id or "")
            .replace("%4", str(r.sequence))
            if r.key_id
            else ""
        )
        if r.verdict == REJECTED:
            kind = self.model.kind_text(rejection_kind(r.reason))
            lines = [
                self.tr("Rejected: %1.").replace("%1", kind),
                self.tr(
                    "Nothing from this bundle was imported: a bundle is imported whole or not "
                    "at all."
                ),
                self.tr("Detail: %1").replace("%1", r.reason or ""),
            ]
        elif r.verdict == ALREADY_IMPORTED:
            lines = [self.tr("Already imported earlier, byte for byte the same: nothing changed.")]
        else:
            lines = [
                self.tr("Imported %1 inspection(s) with %2 new photo(s).")
                .replace("%1", str(r.imported))
                .replace("%2", str(r.photos_added))
            ]
            if r.skipped:
                lines.append(
                    self.tr("%1 inspection(s) were already here with the same content.").replace(
                        "%1", str(r.skipped)
                    )
                )
        if signer:
            lines.append(signer)
        lines.append(self.tr("File: %1").replace("%1", r.file))
        return "\n".join(lines)

    def show_detail(self) -> None:
        r = self.model.report_at(self.table.currentIndex().row())
        self.detail.setText(self.detail_text(r) if r is not None else "")

    # --------------------------------------------------------- missing ones
    def refresh_keys(self) -> None:
        """The keyring and each inspector's missing bundle numbers, read on the worker."""
        store = self.store
        self.runner.run(lambda _p, _c: keyring.list_keys(store), on_done=self.set_keys)

    def set_keys(self, keys: list[EnrolledKeyInfo]) -> None:
        self.keyring.set_keys(keys)
        self.missing.setText(self.missing_text(keys))

    def missing_text(self, keys: Sequence[EnrolledKeyInfo]) -> str:
        lines = [
            self.tr("%1 (%2): no. %3")
            .replace("%1", k.name)
            .replace("%2", k.code)
            .replace("%3", keyring.format_ranges(k.missing))
            for k in keys
            if k.missing
        ]
        if lines:
            return "\n".join(lines)
        if not keys:
            return self.tr("No inspector is enrolled yet: enroll their keys below.")
        return self.tr("None: every inspector's bundles have arrived in order.")
