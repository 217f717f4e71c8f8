"""The report font for Qt painting, and the QGuiApplication that Qt's fonts need.

Qt's font database exists only inside a QGuiApplication. The window has its QApplication
already; the command line and tests have none, so `ensure_gui()` makes one on the
"offscreen" platform (no display, no window system), on the main thread. Painting a PDF
or an image afterwards may happen on any thread (QPdfWriter and QImage are not widgets).

Documents use the shipped WenQuanYi Micro Hei: its cmap maps no Kangxi radical
(U+2F00-U+2FDF) nor radical supplement (U+2E80-U+2EFF) code point, so the PDF's text layer
says 金 where the page shows 金. Noto Sans CJK maps those radicals to the same glyphs as
the ideographs, and Qt then writes ⾦ U+2F8A: copy-paste and pdftotext give wrong names.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from inspector_app.core.errors import InspectorError
from inspector_app.core.watermark import report_font_file

_lock = threading.Lock()
_family: str | None = None
_app: QGuiApplication | None = None  # the one made here, kept alive for the process


def ensure_gui() -> None:
    """Make an offscreen QGuiApplication when the process has no Qt application yet."""
    global _app
    existing = QCoreApplication.instance()
    if isinstance(existing, QGuiApplication):
        return
    if existing is not None:
        raise InspectorError("documents need a QGuiApplication, but a QCoreApplication runs")
    if threading.current_thread() is not threading.main_thread():
        raise InspectorError(
            "documents need a QGuiApplication: create one on the main thread before "
            "rendering on a worker"
        )
    _app = QGuiApplication(["inspector-app", "-platform", "offscreen"])


def report_font_family() -> str:
    """The family name of the shipped font, registered with Qt on first use."""
    global _family
    ensure_gui()
    with _lock:
        if _family is None:
            path = report_font_file()
            font_id = QFontDatabase.addApplicationFont(str(path))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if not families:
                raise InspectorError(f"Qt cannot load the report font {path}: reinstall")
            _family = families[0]
        return _family


def report_font(point_size: float, *, bold: bool = False) -> QFont:
    """The report font at `point_size` (bold is synthesised: the font has one weight)."""
    font = QFont(report_font_family())
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font
