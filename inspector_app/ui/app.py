"""Start the window: QApplication, fonts that render Chinese, the translation, the welcome
screen on first start, then the main window."""

from __future__ import annotations

import gc
import sys

# The data layer comes before Qt on purpose (hence the unsorted imports): importing PySide6
# installs an import hook that reads the source of every module imported after it, looking
# for `from __feature__`; SQLAlchemy and the models loaded first are spared (~50 ms of start).
from inspector_app import __version__
from inspector_app.core import inspections as _inspections  # noqa: F401  (the window's data)
from inspector_app.core.errors import InspectorError
from inspector_app.core.paths import resolve_data_dir, resources_dir
from inspector_app.core.settings import get_setting
from inspector_app.core.store import Store, open_store

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

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


def run_app(data_dir: str | None) -> int:
    """Open the window over the data folder (`--data-dir`, INSPECTOR_DATA_DIR or default)."""
    from inspector_app.ui.main_window import MainWindow
    from inspector_app.ui.welcome import WelcomeDialog, needs_welcome

    app = make_application()
    root = resolve_data_dir(data_dir)
    try:
        store = open_store(root)
    except InspectorError as exc:
        QMessageBox.critical(None, APP_NAME, exc.message)
        return 1
    install_translation(get_setting(store, "ui.language") or DEFAULT_LANGUAGE)

    demo = False
    if needs_welcome(store):
        welcome = WelcomeDialog(store, set_language=install_translation)
        if welcome.exec() != QDialog.DialogCode.Accepted:
            return 0
        if welcome.mode == "demo" and welcome.demo_store is not None:
            store, demo = welcome.demo_store, True
        welcome.runner.wait()

    windows: list[MainWindow] = []

    def open_window(current: Store) -> None:
        window = MainWindow(current, demo=demo)
        window.languageChanged.connect(lambda language: relaunch(window, language))
        windows.append(window)
        window.show()

    def relaunch(old: MainWindow, language: str) -> None:
        """Another language: rebuild the window in it (every string goes through tr)."""
        install_translation(language)
        geometry = old.saveGeometry()
        old.close()
        windows.remove(old)
        old.deleteLater()
        open_window(old.store)
        windows[-1].restoreGeometry(geometry)

    open_window(store)
    return app.exec()
