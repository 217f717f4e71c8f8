"""Batch import of a camera folder: preview which photo joins which inspection, then store.

Planning reads only headers and EXIF and stores nothing; the preview table is shown
before "Import" is possible. Both steps run on the TaskRunner with progress and cancel.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core import camera_import as cam
from inspector_app.core.errors import Cancelled
from inspector_app.core.inspections import InspectionSummary, list_inspections
from inspector_app.core.store import Store
from inspector_app.ui.tasks import Progress, TaskHandle, TaskRunner

ZONES = ("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Tokyo", "UTC", "Europe/London")
SHOWN_TZ = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class PlanPreview:
    plan: cam.CameraImportPlan
    inspections: dict[str, InspectionSummary]


def _local(moment: datetime | None) -> str:
    return moment.astimezone(SHOWN_TZ).strftime("%Y-%m-%d %H:%M:%S") if moment else ""


class CameraImportDialog(QDialog):
    """Choose a folder, the clock offset and the camera's zone; preview; import."""

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.handle: TaskHandle | None = None
        self.preview: PlanPreview | None = None
        self.import_result: cam.CameraImportResult | None = None
        self._importing = False
        self.setWindowTitle(self.tr("Import photos from a camera folder"))
        self.resize(860, 560)

        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("The camera's folder (e.g. DCIM/100CANON)"))
        self.folder.textChanged.connect(self._invalidate)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)

        self.offset_minutes = QSpinBox()
        self.offset_minutes.setRange(-7 * 24 * 60, 7 * 24 * 60)
        self.offset_minutes.setSuffix(self.tr(" min"))
        self.offset_minutes.setToolTip(
            self.tr("Added to the camera's time: a camera 5 minutes behind needs +5.")
        )
        self.offset_minutes.valueChanged.connect(self._invalidate)
        self.offset_seconds = QSpinBox()
        self.offset_seconds.setRange(-59, 59)
        self.offset_seconds.setSuffix(self.tr(" s"))
        self.offset_seconds.valueChanged.connect(self._invalidate)
        offset_row = QHBoxLayout()
        offset_row.addWidget(self.offset_minutes)
        offset_row.addWidget(self.offset_seconds)
        offset_row.addStretch(1)

        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(list(ZONES))
        self.zone.currentTextChanged.connect(self._invalidate)

        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.clicked.connect(self.start_preview)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Taken"), self.tr("Goes to"), self.tr("Note")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.hide()
        self.report = QLabel()
        self.report.setWordWrap(True)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton(self.tr("Close"))
        self.cancel_button.clicked.connect(self.cancel_or_close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)

        form = QFormLayout()
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow(self.tr("Clock offset"), offset_row)
        form.addRow(self.tr("Camera time zone"), self.zone)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.report)
        layout.addLayout(buttons)

    # --- inputs ----------------------------------------------------------------------------

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Camera folder"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)

    def clock_offset(self) -> timedelta:
        return timedelta(minutes=self.offset_minutes.value(), seconds=self.offset_seconds.value())

    def camera_tz(self) -> tzinfo | None:
        try:
            return ZoneInfo(self.zone.currentText().strip())
        except (ZoneInfoNotFoundError, ValueError):
            return None

    def _invalidate(self, *_args: object) -> None:
        if self.running:
            return
        self.preview = None
        self.import_button.setEnabled(False)

    @property
    def running(self) -> bool:
        return self.handle is not None and not self.handle.finished

    def _set_running(self, running: bool) -> None:
        self.preview_button.setEnabled(not running)
        self.import_button.setEnabled(not running and self._can_import())
        self.progress.setVisible(running)
        if running:
            self.progress.setRange(0, 0)
        self.cancel_button.setText(self.tr("Cancel") if running else self.tr("Close"))

    def _can_import(self) -> bool:
        return self.preview is not None and bool(self.preview.plan.placed)

    # --- preview ---------------------------------------------------------------------------

    def start_preview(self) -> None:
        folder = Path(self.folder.text().strip())
        zone = self.camera_tz()
        self.report.clear()
        if not self.folder.text().strip() or not folder.is_dir():
            self.summary.setText(self.tr("Choose a folder that exists."))
            return
        if zone is None:
            self.summary.setText(self.tr("Unknown time zone: use a name such as Asia/Shanghai."))
            return
        offset = self.clock_offset()
        store = self.store

        def task(progress: Progress, cancel: threading.Event) -> PlanPreview:
            plan = cam.plan_camera_import(
                store, folder, clock_offset=offset, camera_tz=zone, progress=progress, cancel=cancel
            )
            summaries = {s.id: s for s in list_inspections(store)}
            return PlanPreview(plan, summaries)

        self.preview = None
        self._importing = False
        self.summary.setText(self.tr("Reading the photos' times…"))
        self._set_running(True)
        self.handle = self.runner.run(
            task, on_done=self._previewed, on_error=self._failed, on_progress=self._progress
        )

    def _reason(self, p: cam.PlannedPhoto, inspections: dict[str, InspectionSummary]) -> str:
        if p.kind == cam.NO_CAPTURE_TIME:
            return self.tr("No capture time in the photo")
        if p.kind == cam.NO_INSPECTION:
            return self.tr("No inspection at that time")
        if p.kind == cam.UNREADABLE:
            return p.reason or self.tr("Not a readable photo")
        if p.kind == cam.FINALISED:
            blocked = inspections.get(p.blocked_by or "")
            name = blocked.point_name if blocked else (p.blocked_by or "")
            return self.tr("Taken during %1, which is finalised").replace("%1", name)
        return p.reason or self.tr("Not placed")

    def _previewed(self, preview: PlanPreview) -> None:
        self.preview = preview
        self._set_running(False)
        plan = preview.plan
        self.table.setRowCount(len(plan.photos))
        for row, p in enumerate(plan.photos):
            taken = _local(p.captured_at) if p.captured_at else self.tr("unknown")
            target = ""
            note = ""
            if p.placed and p.inspection_id is not None:
                s = preview.inspections.get(p.inspection_id)
                target = (
                    f"{s.point_name} · {_local(s.started_at)[:16]}" if s else p.inspection_id[:8]
                )
            else:
                note = self._reason(p, preview.inspections)
            cells = (p.source.name, taken, target, note)
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if not p.placed:
                    cell.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, col, cell)
        self.summary.setText(
            self.tr("%1 photo(s) will be placed, %2 cannot be placed. Nothing is stored yet.")
            .replace("%1", str(len(plan.placed)))
            .replace("%2", str(len(plan.unplaced)))
        )
        self.import_button.setEnabled(self._can_import())

    # --- import ----------------------------------------------------------------------------

    def start_import(self) -> None:
        if self.preview is None or self.running:
            return
        plan = self.preview.plan
        store = self.store

        def task(progress: Progress, cancel: threading.Event) -> cam.CameraImportResult:
            return cam.apply_camera_import(store, plan, progress=progress, cancel=cancel)

        self._importing = True
        self.summary.setText(self.tr("Importing…"))
        self._set_running(True)
        self.handle = self.runner.run(
            task, on_done=self._imported, on_error=self._failed, on_progress=self._progress
        )

    def _progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _imported(self, result: cam.CameraImportResult) -> None:
        self.import_result = result
        self.preview = None
        self._set_running(False)
        self.summary.setText(
            self.tr("%1 imported, %2 already there, %3 not placed, %4 refused.")
            .replace("%1", str(len(result.imported)))
            .replace("%2", str(len(result.already_attached)))
            .replace("%3", str(len(result.unplaced)))
            .replace("%4", str(len(result.failed)))
        )
        lines: list[str] = []
        if result.unplaced:
            lines.append(self.tr("Not placed:"))
            lines += [f"• {name}: {reason}" for name, reason in result.unplaced]
        if result.failed:
            lines.append(self.tr("Refused:"))
            lines += [f"• {name}: {error}" for name, error in result.failed]
        self.report.setText("\n".join(lines))

    def _failed(self, exc: BaseException) -> None:
        self._set_running(False)
        if isinstance(exc, Cancelled) and not self._importing:
            self.summary.setText(self.tr("Preview stopped. Nothing was stored."))
        elif isinstance(exc, Cancelled):
            self.summary.setText(self.tr("Stopped. Photos attached before the stop stay attached."))
        else:
            self.summary.setText(self.tr("The import failed: %1").replace("%1", str(exc)))

    def cancel_or_close(self) -> None:
        if self.running and self.handle is not None:
            self.handle.cancel()
        else:
            self.reject()

    def reject(self) -> None:
        if self.running and self.handle is not None:
            self.handle.cancel()
            return
        super().reject()
