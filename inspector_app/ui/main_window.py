"""The inspector's main screen (DESIGN §8): inspections on the left, the checklist in the
centre, the item's photos on the right, a status line below; discreet mode and the lock."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QPaintEvent,
    QPalette,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStyle,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector_app import __version__
from inspector_app.core import inspections
from inspector_app.core.errors import InspectorError
from inspector_app.core.inspections import InspectionSummary
from inspector_app.core.settings import get_setting, set_setting
from inspector_app.core.store import Store
from inspector_app.ui.lock import (
    DISCREET_SETTING,
    IdleWatcher,
    LockPage,
    discreet_palette,
    idle_minutes,
    neutral_icon,
    neutral_title,
)
from inspector_app.ui.rows_model import RowsModel
from inspector_app.ui.tasks import TaskRunner

LANGUAGE_SETTING = "ui.language"
DEFAULT_LANGUAGE = "zh_CN"
#: the status filter's values, in the combo box's order
STATUS_FILTERS: tuple[str | None, ...] = (None, "draft", "final", "exported")


def local_time(value: datetime) -> datetime:
    """A stored (UTC) time in the laptop's own time zone."""
    return value.astimezone()


def today_first(rows: Sequence[InspectionSummary]) -> list[InspectionSummary]:
    """Today's inspections first in the order they were made, then older ones newest first."""
    today = datetime.now().astimezone().date()
    todays = [r for r in rows if local_time(r.started_at).date() == today]
    older = [r for r in rows if local_time(r.started_at).date() != today]
    todays.sort(key=lambda r: r.started_at)
    older.sort(key=lambda r: r.started_at, reverse=True)
    return todays + older


def format_rate(rate: float | None) -> str:
    return "–" if rate is None else f"{rate * 100:.1f} %"


#: fill the lists this long after construction even if the window never paints (ms)
FILL_FALLBACK_MS = 150
#: the left pane's width while My round shows (px)
MY_ROUND_WIDTH = 620


class InspectionsModel(RowsModel):
    """The inspections list: one row per InspectionSummary DTO."""

    COLUMNS = 6

    def __init__(self, language: str = DEFAULT_LANGUAGE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[InspectionSummary] = []
        self.chinese = language.startswith("zh")

    def headers(self) -> list[str]:
        return [
            self.tr("Time"),
            self.tr("Point"),
            self.tr("Type"),
            self.tr("District"),
            self.tr("Problems"),
            self.tr("Score"),
        ]

    def set_rows(self, rows: Sequence[InspectionSummary]) -> None:
        self.beginResetModel()
        self.rows = today_first(rows)
        self.endResetModel()

    def row_of(self, inspection_id: str) -> int:
        for n, row in enumerate(self.rows):
            if row.id == inspection_id:
                return n
        return -1

    def update(self, summary: InspectionSummary) -> None:
        n = self.row_of(summary.id)
        if n >= 0:
            self.rows[n] = summary
            self.dataChanged.emit(self.index(n, 0), self.index(n, self.COLUMNS - 1))

    def summary_at(self, row: int) -> InspectionSummary | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        row = self.summary_at(index.row())
        if row is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            status = {
                "draft": self.tr("draft"),
                "final": self.tr("final"),
                "exported": self.tr("exported"),
            }.get(row.status, row.status)
            return f"{row.point_code} {row.point_name} · {status}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def _text(self, row: InspectionSummary, col: int) -> str:
        when = local_time(row.started_at)
        today = datetime.now().astimezone().date()
        if col == 0:
            return f"{when:%H:%M}" if when.date() == today else f"{when:%m-%d %H:%M}"
        if col == 1:
            marks = {"final": " ✓", "exported": " ⇪"}.get(row.status, "")
            return row.point_name + marks
        if col == 2:
            return row.type_name_zh if self.chinese else row.type_name_en
        if col == 3:
            return row.district
        if col == 4:
            return str(row.problems)
        return format_rate(row.score_rate)


def _action(
    parent: QWidget,
    text: str,
    shortcuts: Sequence[str | QKeySequence.StandardKey],
    slot: Callable[[], Any] | None = None,
    *,
    icon: QStyle.StandardPixmap | None = None,
) -> QAction:
    action = QAction(text, parent)
    seqs: list[QKeySequence] = []
    for s in shortcuts:
        seqs.extend(
            QKeySequence.keyBindings(s)
            if isinstance(s, QKeySequence.StandardKey)
            else [QKeySequence(s)]
        )
    action.setShortcuts(seqs)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    if icon is not None:
        action.setIcon(parent.style().standardIcon(icon))
    if slot is not None:
        action.triggered.connect(lambda _checked=False: slot())
    parent.addAction(action)
    return action


class MainWindow(QMainWindow):
    """The inspector's window over one open store."""

    #: the user chose another language in the settings (the program rebuilds the window)
    languageChanged = Signal(str)
    #: the user asked for the other role's window ("centre"); the program switches
    roleSwitchRequested = Signal(str)

    def __init__(
        self,
        store: Store,
        *,
        runner: TaskRunner | None = None,
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.demo = demo
        self.runner = runner or TaskRunner(self)
        self.undo_stack = QUndoStack(self)
        self.language = get_setting(store, LANGUAGE_SETTING) or DEFAULT_LANGUAGE
        self.current_id: str | None = None
        self.locked = False
        self.discreet = False
        self._work: QWidget | None = None
        self.lock_page: LockPage | None = None
        app = QApplication.instance()
        self._normal_palette = QPalette(app.palette()) if isinstance(app, QApplication) else None
        self._normal_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DialogYesButton)

        self._build_actions()
        self._build_menus()
        self._build_central()
        self.status_label = QLabel("")
        self.statusBar().addPermanentWidget(self.status_label)
        # demo data must never pass for real evidence: a mark that stays in view
        self.demo_mark = QLabel(self.tr("DEMO DATA"))
        self.demo_mark.setObjectName("demoMark")
        self.demo_mark.setStyleSheet(
            "#demoMark { background: #b45309; color: white; padding: 1px 8px;"
            " border-radius: 3px; font-weight: bold; }"
        )
        self.demo_mark.setToolTip(self.tr("These are made-up inspections for trying the program."))
        self.demo_mark.setVisible(demo)
        self.statusBar().addPermanentWidget(self.demo_mark)

        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.lock)
        self.idle.set_interval(idle_minutes(store) * 60_000)

        self.resize(1280, 800)
        self.set_discreet(get_setting(store, DISCREET_SETTING) == "1", save=False)
        # Fill the lists once the window has painted (it shows sooner); a window that is
        # not shown gets them anyway, a moment later.
        self.filled = False
        QTimer.singleShot(FILL_FALLBACK_MS, self._fill)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.filled:
            QTimer.singleShot(0, self._fill)

    def _fill(self) -> None:
        if not self.filled:
            self.filled = True
            self.reload()

    # ----------------------------------------------------------------- building
    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.act_new = _action(
            self, self.tr("New inspection"), ["Ctrl+N"], self.new_inspection, icon=sp.SP_FileIcon
        )
        self.act_finalise = _action(
            self,
            self.tr("Finalise"),
            ["Ctrl+Return", "Ctrl+Enter"],
            self.finalise,
            icon=sp.SP_DialogApplyButton,
        )
        self.act_export = _action(
            self, self.tr("Export…"), ["Ctrl+E"], self.export, icon=sp.SP_DriveFDIcon
        )
        self.act_import = _action(
            self,
            self.tr("Import photos from camera…"),
            ["Ctrl+I"],
            self.import_photos,
            icon=sp.SP_DirOpenIcon,
        )
        self.act_attach = _action(
            self, self.tr("Attach photos to item…"), ["Ctrl+O"], self.attach_photos
        )
        self.act_paste = _action(
            self, self.tr("Paste photo to item"), ["Ctrl+Shift+V"], self.paste_photo
        )
        self.act_discreet = _action(self, self.tr("Discreet mode"), ["Ctrl+D"])
        self.act_discreet.setCheckable(True)
        self.act_discreet.toggled.connect(lambda on: self.set_discreet(on))
        self.act_lock = _action(self, self.tr("Lock"), ["Ctrl+L"], self.lock)
        self.act_undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.act_undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.act_redo = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.addActions([self.act_undo, self.act_redo])
        self.act_settings = _action(self, self.tr("Settings…"), ["Ctrl+,"], self.open_settings)
        self.act_refresh = _action(self, self.tr("Refresh list"), ["F5"], self.reload)
        self.act_quit = _action(self, self.tr("Quit"), ["Ctrl+Q"], self.close)
        self.act_shortcuts = _action(
            self, self.tr("Keyboard shortcuts"), ["F1"], self.show_shortcuts
        )
        self.act_about = _action(self, self.tr("About Inspector"), [], self.show_about)
        self.act_show_list = _action(
            self, self.tr("Inspections list"), ["Ctrl+1"], lambda: self.show_left(0)
        )
        self.act_my_round = _action(self, self.tr("My round"), ["Ctrl+2"], self.show_my_round)
        self.act_import_package = _action(
            self, self.tr("Import package…"), ["Ctrl+Shift+I"], self.import_package
        )
        self.act_pin_key = _action(
            self, self.tr("Pin command-centre key…"), [], self.pin_centre_key
        )
        #: actions that touch the data: off while locked
        self.data_actions = [
            self.act_new,
            self.act_finalise,
            self.act_export,
            self.act_import,
            self.act_attach,
            self.act_paste,
            self.act_undo,
            self.act_redo,
            self.act_settings,
            self.act_refresh,
            self.act_about,
            self.act_discreet,
            self.act_show_list,
            self.act_my_round,
            self.act_import_package,
            self.act_pin_key,
        ]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("&Inspection"))
        m.addActions([self.act_new, self.act_finalise])
        m.addSeparator()
        m.addActions([self.act_export, self.act_import])
        m.addSeparator()
        m.addActions([self.act_import_package, self.act_pin_key])
        m.addSeparator()
        self.act_switch_role = _action(
            self,
            self.tr("Switch to command centre"),
            [],
            lambda: self.roleSwitchRequested.emit("centre"),
        )
        m.addAction(self.act_switch_role)
        m.addSeparator()
        m.addAction(self.act_quit)
        m = bar.addMenu(self.tr("&Edit"))
        m.addActions([self.act_undo, self.act_redo])
        m.addSeparator()
        m.addActions([self.act_attach, self.act_paste])
        m.addSeparator()
        m.addAction(self.act_settings)
        m = bar.addMenu(self.tr("&View"))
        m.addActions([self.act_show_list, self.act_my_round])
        m.addSeparator()
        m.addActions([self.act_discreet, self.act_lock, self.act_refresh])
        m = bar.addMenu(self.tr("&Help"))
        m.addActions([self.act_shortcuts, self.act_about])

        tb = self.toolbar = self.addToolBar(self.tr("Main"))
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tb.addActions([self.act_new, self.act_finalise, self.act_import, self.act_export])
        tb.addSeparator()
        tb.addActions([self.act_discreet, self.act_lock])

    def _build_central(self) -> None:
        from inspector_app.ui.checklist import ChecklistWidget
        from inspector_app.ui.my_round import MyRoundPanel
        from inspector_app.ui.photo_panel import PhotoPanel

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.list_title = QLabel(self.tr("Inspections"))
        self.filter = QComboBox()
        for text in (self.tr("All"), self.tr("Draft"), self.tr("Final"), self.tr("Exported")):
            self.filter.addItem(text)
        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        head.addWidget(self.list_title)
        head.addStretch(1)
        head.addWidget(self.filter)
        lv.addLayout(head)
        self.model = InspectionsModel(self.language, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # long type names
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        lv.addWidget(self.table)

        self.checklist = ChecklistWidget(self.store, self.runner, self.undo_stack, self)
        self.photos = PhotoPanel(self.store, self.runner, self.undo_stack, self)
        self.checklist.itemSelected.connect(self._item_selected)
        self.checklist.inspectionChanged.connect(self.refresh_inspection)
        self.checklist.photoRequested.connect(self.attach_photos)
        self.photos.photosChanged.connect(self._photos_changed)
        message = getattr(self.checklist, "statusMessage", None)  # optional: short notes
        if message is not None:
            message.connect(lambda text: self.statusBar().showMessage(text, 8_000))

        # My round beside the inspections list: inside the central widget, so the lock
        # takes it away with the rest
        self.round_panel = MyRoundPanel(self.store, self.runner, self, language=self.language)
        self.round_panel.inspectionChosen.connect(self.open_from_round)
        self.round_panel.message.connect(lambda text, error: self.notify(text, error=error))
        self.round_panel.importRequested.connect(self.import_package)
        self.round_panel.pinRequested.connect(self.pin_centre_key)
        self.left_tabs = QTabWidget()
        self.left_tabs.setDocumentMode(True)
        self.left_tabs.addTab(left, self.tr("Inspections"))
        self.left_tabs.addTab(self.round_panel, self.tr("My round"))

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left_tabs)
        self.splitter.addWidget(self.checklist)
        self.splitter.addWidget(self.photos)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([440, 620, 260])
        self.setCentralWidget(self.splitter)
        self._list_width = 440
        self.left_tabs.currentChanged.connect(self._left_tab_changed)

    # ------------------------------------------------------------------ the list
    def status_filter(self) -> str | None:
        return STATUS_FILTERS[max(0, self.filter.currentIndex())]

    def reload(self) -> None:
        """Read the inspections again, keeping the current one selected if it is listed."""
        if self.locked:
            return
        keep = self.current_id
        self.model.set_rows(inspections.list_inspections(self.store, status=self.status_filter()))
        row = self.model.row_of(keep) if keep else -1
        if row < 0 and self.model.rows:
            row = 0
        self.select(self.model.rows[row].id if row >= 0 else None)
        self.update_status()
        self.round_panel.refresh()

    def select(self, inspection_id: str | None) -> None:
        """Make this inspection the current one (selected in the list, open in the checklist)."""
        row = self.model.row_of(inspection_id) if inspection_id else -1
        if row >= 0 and self.table.currentIndex().row() != row:
            self.table.selectRow(row)  # comes back through _row_changed
        else:
            self._show(inspection_id if row >= 0 else None)

    def _show(self, inspection_id: str | None) -> None:
        if inspection_id != self.current_id:
            self.current_id = inspection_id
            # the checklist selects an item and the photos follow it (_item_selected)
            self.checklist.load(inspection_id)
            if self.checklist.current_item() is None:
                self.photos.show_item(inspection_id, None, self.checklist.detail)
        self.update_status()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        summary = self.model.summary_at(current.row())
        self._show(summary.id if summary else None)

    def _item_selected(self, inspection_id: str, item_code: str) -> None:
        self.photos.show_item(inspection_id, item_code, self.checklist.detail)

    def _photos_changed(self, inspection_id: str) -> None:
        if inspection_id == self.checklist.inspection_id:
            self.checklist.refresh()  # its photo counts and what still needs a photo
        self.refresh_inspection(inspection_id)

    def refresh_inspection(self, inspection_id: str) -> None:
        """An inspection changed (a finding, a photo): its row and the status line follow."""
        if self.locked:
            return
        try:
            summary = inspections.get_inspection(self.store, inspection_id).summary
        except InspectorError:
            self.reload()
            return
        self.model.update(summary)
        self.update_status()

    def current_summary(self) -> InspectionSummary | None:
        if self.current_id is None:
            return None
        n = self.model.row_of(self.current_id)
        return self.model.summary_at(n)

    def status_text(self) -> str:
        s = self.current_summary()
        if s is None:
            return self.tr("%n inspection(s)", "", len(self.model.rows))
        saved = local_time(s.updated_at)
        return " · ".join(
            [
                self.tr("%1 / %2 answered")
                .replace("%1", str(s.answered))
                .replace("%2", str(s.items)),
                self.tr("%n problem(s)", "", s.problems),
                self.tr("score %1").replace("%1", format_rate(s.score_rate)),
                self.tr("saved %1").replace("%1", f"{saved:%H:%M:%S}"),
            ]
        )

    def update_status(self) -> None:
        self.status_label.setText("" if self.locked else self.status_text())

    # ------------------------------------------------------------------- actions
    def notify(self, message: str, *, error: bool = False) -> None:
        """Tell the user something: the status bar in discreet mode, else a message box."""
        if self.discreet or self.locked:
            self.statusBar().showMessage(message, 10_000)
        elif error:
            QMessageBox.warning(self, self.tr("Inspector"), message)
        else:
            QMessageBox.information(self, self.tr("Inspector"), message)

    def _guard(self, fn: Callable[[], Any]) -> None:
        try:
            fn()
        except InspectorError as exc:
            self.notify(exc.message, error=True)

    def new_inspection(self) -> None:
        from inspector_app.ui.point_picker import PointPickerDialog

        if self.locked:
            return
        dialog = PointPickerDialog(self.store, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selected_code:
            return
        code = dialog.selected_code

        def start() -> None:
            summary = inspections.start_inspection(self.store, code, covert=dialog.covert)
            self.filter.setCurrentIndex(0)
            self.reload()
            self.select(summary.id)
            self.checklist.setFocus()

        self._guard(start)

    def finalise(self) -> None:
        from inspector_app.ui.finalise import finalise_with_checks

        if self.locked or self.current_id is None:
            return
        inspection_id = self.current_id
        quiet = (lambda text: self.statusBar().showMessage(text, 15_000)) if self.discreet else None
        if finalise_with_checks(
            self.store, inspection_id, self, self.checklist.focus_item, quiet=quiet
        ):
            self.refresh_inspection(inspection_id)
            self.checklist.load(inspection_id)
            self.round_panel.refresh()  # its assignment is done now

    def export(self) -> None:
        from inspector_app.ui.export_dialog import ExportDialog

        if self.locked:
            return
        ExportDialog(self.store, self.runner, self).exec()
        self.reload()

    def import_photos(self) -> None:
        from inspector_app.ui.camera_import_dialog import CameraImportDialog

        if self.locked:
            return
        CameraImportDialog(self.store, self.runner, self).exec()
        self.reload()
        if self.current_id:
            self.checklist.load(self.current_id)

    # ---------------------------------------------------------------- my round
    def show_left(self, index: int) -> None:
        if not self.locked:
            self.left_tabs.setCurrentIndex(index)
            (self.table if index == 0 else self.round_panel.table).setFocus()

    def show_my_round(self) -> None:
        self.show_left(1)

    def _left_tab_changed(self, index: int) -> None:
        """My round's columns (point, type, days left) need more room than the list: the
        left pane widens while it shows, and goes back to the list's width after."""
        sizes = self.splitter.sizes()
        if index == 1 and sizes[0] < MY_ROUND_WIDTH:
            self._list_width = sizes[0]
            grow = MY_ROUND_WIDTH - sizes[0]
            self.splitter.setSizes([MY_ROUND_WIDTH, max(300, sizes[1] - grow), sizes[2]])
        elif index == 0 and sizes[0] > self._list_width:
            shrink = sizes[0] - self._list_width
            self.splitter.setSizes([self._list_width, sizes[1] + shrink, sizes[2]])

    def open_from_round(self, inspection_id: str) -> None:
        """Show an inspection started from (or linked to) an assignment in the checklist."""
        if self.locked:
            return
        self.filter.setCurrentIndex(0)  # reloads the list
        self.reload()
        self.select(inspection_id)
        self.checklist.setFocus()

    def import_package(self) -> None:
        from inspector_app.ui.package_dialogs import ImportPackageDialog

        if self.locked:
            return
        dialog = ImportPackageDialog(self.store, self.runner, self)
        dialog.applied.connect(lambda _result: self._package_applied())
        dialog.exec()

    def _package_applied(self) -> None:
        if not self.locked:
            self.reload()  # the register and My round changed
            self.left_tabs.setCurrentIndex(1)

    def pin_centre_key(self) -> None:
        from inspector_app.ui.package_dialogs import PinKeyDialog

        if self.locked:
            return
        if PinKeyDialog(self.store, self).exec() == QDialog.DialogCode.Accepted:
            self.round_panel.refresh()

    def attach_photos(self) -> None:
        if not self.locked and self.current_id:
            self.photos.choose_files()

    def paste_photo(self) -> None:
        if not self.locked and self.current_id:
            self.photos.paste_from_clipboard()

    # ------------------------------------------------------------ discreet mode
    def title(self) -> str:
        if self.locked or self.discreet:
            return neutral_title()
        if self.demo:
            return self.tr("Inspector — demo data")
        return self.tr("Inspector")

    def set_discreet(self, on: bool, *, save: bool = True) -> None:
        """Dim dark theme, neutral title and icon, messages in the status bar only."""
        self.discreet = on
        if self.act_discreet.isChecked() != on:
            self.act_discreet.setChecked(on)  # calls back here once, harmlessly
        app = QApplication.instance()
        if isinstance(app, QApplication):
            if on:
                app.setPalette(discreet_palette())
            elif self._normal_palette is not None:
                app.setPalette(self._normal_palette)
        self.setWindowIcon(neutral_icon() if on or self.locked else self._normal_icon)
        self.setWindowTitle(self.title())
        if save and get_setting(self.store, DISCREET_SETTING) != ("1" if on else "0"):
            set_setting(self.store, DISCREET_SETTING, "1" if on else "0")

    # --------------------------------------------------------------------- lock
    def lock(self) -> None:
        """Hide everything behind the passphrase, at once."""
        if self.locked:
            return
        self.locked = True
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        self._work = self.takeCentralWidget()
        hint = self.tr("Demo data: the passphrase is “demo”.") if self.demo else ""
        self.lock_page = LockPage(self.store, self.runner, hint=hint)
        self.lock_page.unlocked.connect(self.unlock)
        self.setCentralWidget(self.lock_page)
        for action in self.data_actions:
            action.setEnabled(False)
        # menus and toolbar go too: the lock page alone fills the window
        self.menuBar().hide()
        self.toolbar.hide()
        self.demo_mark.hide()
        self.setWindowTitle(neutral_title())
        self.setWindowIcon(neutral_icon())
        self.statusBar().clearMessage()
        self.update_status()
        self.idle.timer.stop()
        self.lock_page.passphrase.setFocus()

    def unlock(self) -> None:
        """Called once the lock page accepted the passphrase."""
        if not self.locked:
            return
        page = self.takeCentralWidget()
        if page is not None:
            page.deleteLater()
        self.lock_page = None
        if self._work is not None:
            self.setCentralWidget(self._work)
            self._work.show()  # taking it out of the window hid it
            self._work = None
        self.locked = False
        self.menuBar().show()
        self.toolbar.show()
        self.demo_mark.setVisible(self.demo)
        for action in self.data_actions:
            action.setEnabled(True)
        self.undo_stack.setIndex(self.undo_stack.index())  # re-evaluate undo/redo enabled
        self.act_undo.setEnabled(self.undo_stack.canUndo())
        self.act_redo.setEnabled(self.undo_stack.canRedo())
        self.set_discreet(self.discreet, save=False)
        self.reload()
        self.idle.reset()
        self.table.setFocus()

    # ------------------------------------------------------------ settings, help
    def open_settings(self) -> None:
        from inspector_app.ui.settings_dialog import SettingsDialog

        if self.locked:
            return
        dialog = SettingsDialog(self.store, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.idle.set_interval(idle_minutes(self.store) * 60_000)
        language = get_setting(self.store, LANGUAGE_SETTING) or DEFAULT_LANGUAGE
        if language != self.language:
            self.language = language
            self.languageChanged.emit(language)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(what, keys) for every shortcut: the window's actions and the checklist's keys."""
        rows: list[tuple[str, str]] = []
        for action in self.actions():
            seqs = action.shortcuts()
            if seqs:
                text = action.text().replace("&", "")
                keys_text = ", ".join(
                    s.toString(QKeySequence.SequenceFormat.NativeText) for s in seqs
                )
                rows.append((text, keys_text))
        rows += [
            (self.tr("Previous / next item"), "↑ / ↓"),
            (self.tr("Result: pass"), "1"),
            (self.tr("Result: problem"), "2"),
            (self.tr("Result: not applicable"), "3"),
            (self.tr("Count up / down"), "+ / −"),
            (self.tr("Edit the note"), "Enter"),
            (self.tr("Attach a photo to the item"), "P"),
            (self.tr("Remove the selected photo from the item"), "Delete"),
            (self.tr("Put the selected unplaced photo on the item"), "Enter"),
            (self.tr("View the selected photo"), "Space"),
        ]
        return rows

    def show_shortcuts(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = self.shortcut_rows()
        table = QTableWidget(len(rows), 2, dialog)
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        for n, (what, seq) in enumerate(rows):
            table.setItem(n, 0, QTableWidgetItem(what))
            table.setItem(n, 1, QTableWidgetItem(seq))
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        dialog.resize(480, 520)
        dialog.exec()

    def about_text(self) -> str:
        # cryptography: loaded when asked for
        from inspector_app.core import centre_key, keys

        key = keys.get_local_key(self.store)
        key_text = f"{key.key_id} ({key.name}, {key.code})" if key else self.tr("none")
        pinned = centre_key.pinned_centre_key(self.store)
        pinned_text = centre_key.key_id_words(pinned) if pinned else self.tr("none")
        return "\n".join(
            [
                self.tr("Inspector %1").replace("%1", __version__),
                self.tr("Offline field inspections for the civilized-city programme."),
                "",
                self.tr("Data folder: %1").replace("%1", str(self.store.paths.root)),
                self.tr("Signing key: %1").replace("%1", key_text),
                self.tr("Command-centre key: %1").replace("%1", pinned_text),
            ]
        )

    def show_about(self) -> None:
        if self.discreet:
            self.statusBar().showMessage(self.about_text().replace("\n", "  "), 15_000)
            return
        QMessageBox.about(self, self.tr("About Inspector"), self.about_text())

    # ---------------------------------------------------------------------- exit
    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle.stop()
        self.runner.cancel_all()
        self.runner.wait(5_000)
        if self.discreet and self._normal_palette is not None:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.setPalette(self._normal_palette)
        super().closeEvent(event)


__all__ = ["InspectionsModel", "MainWindow", "today_first"]
