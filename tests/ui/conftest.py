"""UI tests run real widgets offscreen (pytest-qt)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest


@pytest.fixture(autouse=True)
def _empty_clipboard_after_each_test():  # type: ignore[no-untyped-def]
    """Mime data handed to the clipboard belongs to Qt; leaving it there until the
    interpreter's teardown crashes the process at exit."""
    yield
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        QApplication.clipboard().clear()


@pytest.fixture(autouse=True)
def _english(qapp):  # type: ignore[no-untyped-def]
    """Every window test reads the program's English (its .qm, plural forms and all), as an
    English-speaking user sees it, whatever test ran before (some switch to Chinese)."""
    from inspector_app.ui.app import install_translation

    install_translation("en")
    yield
