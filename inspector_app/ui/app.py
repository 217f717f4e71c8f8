"""Start the window: QApplication, fonts that render Chinese, the translation, the welcome
screen on first start, then the inspector's or the command centre's window (`ui.role`)."""

from __future__ import annotations

import gc
import os
import sys

# The data layer comes before Qt on purpose (hence the unsorted imports): importing PySide6
# installs an import hook that reads the source of every module imported after it, looking
# for `from __feature__`; SQLAlchemy and the models loaded first are spared (~50 ms of start).
from inspector_app import __version__
from inspector_app.core import inspections as _inspections  # noqa: F401  (the window's data)
from inspector_app.core.settings import DEMO_SETTING
from inspector_app.core.errors import InspectorError
from inspector_app.core.paths import resolve_data_dir, resources_dir
from inspector_app.core.settings import get_setting, set_setting
from inspector_app.core.store import Store, open_store

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox

APP_NAME = "Inspector"
DEFAULT_LANGUAGE = "zh_CN"
#: after the platform's own UI font: families that carry Simplified Chinese on a Windows,
#: Linux or macOS laptop, best first
CJK_FONTS = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "PingFang SC",
    "SimHei",
)

_translators: list[QTranslator] = []

#: for the smoke test of a packaged build: with N set, the program closes its window and exits
#: 0 once the window has painted with its data, or exits 1 if that has not happened in N ms
QUIT_AFTER_ENV = "INSPECTOR_QUIT_AFTER_MS"


def apply_fonts(app: QApplication) -> None:
    """Keep the platform's UI font for Latin text and fall back to a CJK sans-serif font."""
    font = QFont(app.font())
    families = [f for f in font.families() if f not in CJK_FONTS]
    font.setFamilies([*families, *CJK_FONTS])
    app.setFont(font)


def install_translation(language: str) -> bool:
    """Replace the installed translations with `language`'s (zh_CN, en); True if found."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    QLocale.setDefault(QLocale(language))
    found = False
    ours = QTranslator(app)
    if ours.load(f"inspector_{language}", str(resources_dir() / "translations")):
        app.installTranslator(ours)
        _translators.append(ours)
        found = True
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _translators.append(qt)
    return found


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    apply_fonts(app)
    # Everything imported so far lives as long as the program: keep the collector from
    # walking it again and again (and restart it if the entry point paused it).
    gc.freeze()
    gc.enable()
    return app


class Program:
    """The program's one open window, of the inspector's or the centre's role, and the
    switch between them (each window asks for it with its `roleSwitchRequested` signal)."""

    def __init__(self, store: Store, *, demo: bool = False) -> None:
        self.store = store
        self.demo = demo
        self.windows: list[QMainWindow] = []

    @property
    def window(self) -> QMainWindow | None:
        return self.windows[-1] if self.windows else None

    def start_role(self) -> str:
        """The role to open with: the centre's when chosen and set up, else the inspector's."""
        from inspector_app.ui.welcome import CENTRE, INSPECTOR, ROLE_SETTING, centre_ready

        if get_setting(self.store, ROLE_SETTING) == CENTRE and centre_ready(self.store):
            return CENTRE
        return INSPECTOR

    def open(self, role: str) -> QMainWindow:
        from inspector_app.ui.welcome import CENTRE

        window: QMainWindow
        if role == CENTRE:
            from inspector_app.ui.centre_window import CentreWindow

            window = CentreWindow(self.store, demo=self.demo)
        else:
            from inspector_app.ui.main_window import MainWindow

            window = MainWindow(self.store, demo=self.demo)
            window.languageChanged.connect(lambda language: self.relaunch(window, language))
        window.roleSwitchRequested.connect(lambda new_role: self.switch(window, new_role))
        self.windows.append(window)
        window.show()
        return window

    def _replace(self, old: QMainWindow, role: str) -> QMainWindow:
        geometry = old.saveGeometry()
        old.close()
        if old in self.windows:
            self.windows.remove(old)
        old.deleteLater()
        window = self.open(role)
        window.restoreGeometry(geometry)
        return window

    def relaunch(self, old: QMainWindow, language: str) -> None:
        """Another language: rebuild the window in it (every string goes through tr)."""
        from inspector_app.ui.welcome import INSPECTOR

        install_translation(language)
        self._replace(old, INSPECTOR)

    def switch(self, old: QMainWindow, role: str) -> bool:
        """Open the other role's window in place of `old`, setting that role up first if
        this program has never had it (the centre's set-up, or the inspector's key)."""
        from inspector_app.core import keys
        from inspector_app.ui.welcome import (
            CENTRE,
            INSPECTOR,
            ROLE_SETTING,
            CentreSetupDialog,
            WelcomeDialog,
            centre_ready,
        )

        if role == CENTRE and not centre_ready(self.store):
            setup = CentreSetupDialog(self.store, parent=old)
            if setup.exec() != QDialog.DialogCode.Accepted:
                return False
        elif role == INSPECTOR and keys.get_local_key(self.store) is None:
            welcome = WelcomeDialog(self.store, inspector_only=True, parent=old)
            if welcome.exec() != QDialog.DialogCode.Accepted:
                return False
        elif role not in (CENTRE, INSPECTOR):
            return False
        set_setting(self.store, ROLE_SETTING, role)
        self._replace(old, role)
        return True


class QuitWhenShown(QObject):
    """Ends the program once `window` has painted and filled its lists (`QUIT_AFTER_ENV`)."""

    def __init__(self, window: QMainWindow, timeout_ms: int) -> None:
        super().__init__(window)
        self.window = window
        self.painted = False
        window.installEventFilter(self)
        self.poll = QTimer(self)
        self.poll.timeout.connect(self._check)
        self.poll.start(20)
        # a timer of its own, stopped once the window has shown its data: a single shot
        # left pending would end whatever runs the event loop next (a later window)
        self.deadline = QTimer(self)
        self.deadline.setSingleShot(True)
        self.deadline.timeout.connect(self._give_up)
        self.deadline.start(timeout_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False

    def _check(self) -> None:
        # the inspector's window fills its lists right after its first paint
        if self.painted and getattr(self.window, "filled", True):
            self.poll.stop()
            self.deadline.stop()
            # closed as a user closes it (the last window closing ends the program); the exit
            # waits for the events the closing posts, which would otherwise stay pending
            self.window.close()
            QTimer.singleShot(0, lambda: QCoreApplication.exit(0))

    def _give_up(self) -> None:
        print(f"error: the window did not show its data within {QUIT_AFTER_ENV}", file=sys.stderr)
        QCoreApplication.exit(1)


def run_app(
    data_dir: str | None, *, database: str | None = None, photos_dir: str | None = None
) -> int:
    """Open the window over the data folder (`--data-dir`, INSPECTOR_DATA_DIR or default)
    and its database (`--database`, INSPECTOR_DATABASE_URL, the folder's connection.json
    as the database settings saved it, else SQLite in the folder)."""
    from inspector_app.core.location import DatabaseUrlError, resolve_location
    from inspector_app.ui.welcome import WelcomeDialog, needs_welcome

    quit_after = os.environ.get(QUIT_AFTER_ENV, "")
    if quit_after and not quit_after.isdigit():
        print(f"error: {QUIT_AFTER_ENV} is in milliseconds, not {quit_after!r}", file=sys.stderr)
        return 2
    root = resolve_data_dir(data_dir)
    try:
        location = resolve_location(root, database=database, photos_dir=photos_dir)
    except DatabaseUrlError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    except InspectorError as exc:  # an unreadable connection.json
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    app = make_application()
    try:
        store = open_store(root, url=location.database_url, photos_dir=location.photos_dir)
    except InspectorError as exc:
        QMessageBox.critical(None, APP_NAME, exc.message)
        return 1
    install_translation(get_setting(store, "ui.language") or DEFAULT_LANGUAGE)

    # a folder the demo commands filled says so in the window, however it was opened
    demo = get_setting(store, DEMO_SETTING) is not None
    if needs_welcome(store):
        welcome = WelcomeDialog(store, set_language=install_translation)
        if welcome.exec() != QDialog.DialogCode.Accepted:
            return 0
        if welcome.mode == "demo" and welcome.demo_store is not None:
            store, demo = welcome.demo_store, True
        welcome.runner.wait()

    program = Program(store, demo=demo)
    window = program.open(program.start_role())
    if quit_after:
        QuitWhenShown(window, int(quit_after))
    return app.exec()
