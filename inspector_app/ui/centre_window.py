"""The command centre's window: a sidebar of pages (Import first; Review, Rectification,
Briefing and Rounds are added with `add_page`) over the store, acting as the supervisor."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from inspector_app import __version__
from inspector_app.core.store import Store
from inspector_app.ui.import_desk import ImportDesk
from inspector_app.ui.tasks import TaskRunner
from inspector_app.ui.welcome import INSPECTOR, as_actor, supervisor

#: the sidebar's width (px): room for the longest page title in either language
SIDEBAR_WIDTH = 150


class CentreWindow(QMainWindow):
    """The supervisor's window. `store` is the data folder as the supervisor acts on it
    (actor = the `centre.supervisor` setting, else the store's own actor).

    Pages: `add_page(widget, title, shortcut)` puts a widget in the sidebar and the Go menu;
    a page with a `refresh()` method has it called each time it is shown and after every
    import that added something (`dataChanged`)."""

    #: the user asked for the inspector's window (the program switches roles)
    roleSwitchRequested = Signal(str)
    #: bundles were imported: pages showing imported data may refresh
    dataChanged = Signal()

    def __init__(
        self,
        store: Store,
        *,
        runner: TaskRunner | None = None,
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        name = supervisor(store)
        # always a copy: a name set later in Centre settings never touches the caller's store
        self.store = as_actor(store, name or store.actor)
        self.demo = demo
        self.runner = runner or TaskRunner(self)
        self.pages: list[QWidget] = []
        self.page_actions: list[QAction] = []

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("centreSidebar")
        self.sidebar.setFixedWidth(SIDEBAR_WIDTH)
        self.sidebar.setStyleSheet(
            "#centreSidebar { border: none; font-size: 11pt; }"
            "#centreSidebar::item { padding: 10px 12px; }"
        )
        self.stack = QStackedWidget()
        self.sidebar.currentRowChanged.connect(self._row_changed)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self.import_desk = ImportDesk(self.store, self.runner, self)
        self.import_desk.imported.connect(self.dataChanged.emit)
        self.dataChanged.connect(self._refresh_pages)
        self.add_page(self.import_desk, self.tr("Import"), "Ctrl+1")
        from inspector_app.ui.board_page import BoardPage
        from inspector_app.ui.review_page import ReviewPage

        self.review_page = ReviewPage(self.store, self.runner, self)
        self.add_page(self.review_page, self.tr("Review"), "Ctrl+2")
        self.board_page = BoardPage(self.store, self.runner, self)
        self.add_page(self.board_page, self.tr("Rectification"), "Ctrl+3")
        from inspector_app.ui.briefing_page import BriefingPage

        self.briefing_page = BriefingPage(self.store, self.runner, self)
        self.add_page(self.briefing_page, self.tr("Briefing"), "Ctrl+4")
        from inspector_app.ui.rounds_page import RoundsPage

        self.rounds_page = RoundsPage(self.store, self.runner, self)
        self.add_page(self.rounds_page, self.tr("Rounds"), "Ctrl+5")

        self.who = QLabel(self.who_text())
        self.statusBar().addPermanentWidget(self.who)
        self.setWindowTitle(
            self.tr("Inspector — command centre (demo data)")
            if demo
            else self.tr("Inspector — command centre")
        )
        self.resize(1280, 800)

    # ------------------------------------------------------------------ pages
    def add_page(self, widget: QWidget, title: str, shortcut: str = "") -> QAction:
        """Add a page at the end of the sidebar and the Go menu; returns its action (which
        shows the page; `shortcut` such as "Ctrl+2")."""
        self.pages.append(widget)
        self.stack.addWidget(widget)
        item = QListWidgetItem(title)
        if shortcut:
            item.setToolTip(QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText))
        self.sidebar.addItem(item)
        action = QAction(title, self)
        action.setCheckable(True)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False, w=widget: self.show_page(w))
        self.page_group.addAction(action)
        self.go_menu.addAction(action)
        self.addAction(action)
        self.page_actions.append(action)
        if len(self.pages) == 1:
            self.show_page(widget)
        return action

    def show_page(self, widget: QWidget) -> None:
        self.sidebar.setCurrentRow(self.pages.index(widget))

    def current_page(self) -> QWidget | None:
        row = self.sidebar.currentRow()
        return self.pages[row] if 0 <= row < len(self.pages) else None

    def page_titles(self) -> list[str]:
        return [self.sidebar.item(n).text() for n in range(self.sidebar.count())]

    def _row_changed(self, row: int) -> None:
        if not 0 <= row < len(self.pages):
            return
        page = self.pages[row]
        self.stack.setCurrentWidget(page)
        self.page_actions[row].setChecked(True)
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()

    def _refresh_pages(self) -> None:
        for page in self.pages:
            refresh = getattr(page, "refresh", None)
            if page is not self.import_desk and callable(refresh):
                refresh()

    # ------------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("&Centre"))
        self.act_import = QAction(self.tr("Import bundles…"), self)
        self.act_import.setShortcut(QKeySequence("Ctrl+I"))
        self.act_import.triggered.connect(lambda: self._import_desk_then("files"))
        self.act_import_folder = QAction(self.tr("Import a folder…"), self)
        self.act_import_folder.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.act_import_folder.triggered.connect(lambda: self._import_desk_then("folder"))
        self.act_centre_settings = QAction(self.tr("Centre settings…"), self)
        self.act_centre_settings.triggered.connect(self.open_centre_settings)
        self.act_database = QAction(self.tr("Database…"), self)
        self.act_database.triggered.connect(self.open_database_settings)
        self.act_switch_role = QAction(self.tr("Switch to inspector"), self)
        self.act_switch_role.triggered.connect(lambda: self.roleSwitchRequested.emit(INSPECTOR))
        self.act_quit = QAction(self.tr("Quit"), self)
        self.act_quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.act_quit.triggered.connect(self.close)
        m.addActions([self.act_import, self.act_import_folder])
        m.addSeparator()
        m.addAction(self.act_centre_settings)
        m.addAction(self.act_database)
        m.addAction(self.act_switch_role)
        m.addSeparator()
        m.addAction(self.act_quit)
        self.addActions([self.act_import, self.act_import_folder, self.act_quit])
        self.go_menu = bar.addMenu(self.tr("&Go"))
        self.page_group = QActionGroup(self)
        self.page_group.setExclusive(True)
        help_menu = bar.addMenu(self.tr("&Help"))
        self.act_about = QAction(self.tr("About Inspector"), self)
        self.act_about.triggered.connect(self.show_about)
        help_menu.addAction(self.act_about)

    def _import_desk_then(self, what: str) -> None:
        self.show_page(self.import_desk)
        if what == "folder":
            self.import_desk.choose_folder()
        else:
            self.import_desk.choose_files()

    def open_centre_settings(self) -> None:
        """The supervisor's name, time zone, deadlines and calendar; a new name is who acts
        from now on (the pages share this store, so they act under it too)."""
        from inspector_app.ui.centre_settings_dialog import CentreSettingsDialog

        dialog = CentreSettingsDialog(self.store, self)
        if dialog.exec() and dialog.supervisor_name:
            self.store.actor = dialog.supervisor_name
            self.who.setText(self.who_text())
            self._refresh_pages()  # the time zone may have changed what "today" is

    def open_database_settings(self) -> None:
        """Where a shared store's database and photos are (used from the next start)."""
        from inspector_app.ui.database_dialog import DatabaseDialog

        DatabaseDialog(self.store.paths.root, self.runner, self.store.masked_url, self).exec()

    def who_text(self) -> str:
        from inspector_app.core.periods import centre_timezone

        return (
            self.tr("Supervisor: %1 · time zone %2")
            .replace("%1", self.store.actor)
            .replace("%2", centre_timezone(self.store).key)
        )

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Inspector"),
            "\n".join(
                [
                    self.tr("Inspector %1").replace("%1", __version__),
                    self.tr("The command centre: import, review, rectification, briefings."),
                    "",
                    self.tr("Data folder: %1").replace("%1", str(self.store.paths.root)),
                    self.who_text(),
                ]
            ),
        )

    # ------------------------------------------------------------------- exit
    def closeEvent(self, event: QCloseEvent) -> None:
        self.import_desk.cancel()
        self.runner.cancel_all()
        self.runner.wait(10_000)
        self.import_desk.forget_identity()
        super().closeEvent(event)


__all__ = ["CentreWindow"]
