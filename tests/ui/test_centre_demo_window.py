"""The window over the command centre's demo: it opens as the centre, labelled as demo
data, its review queue holding the pending problems with their real photos."""

from __future__ import annotations

import pytest

from inspector_app.core import review
from inspector_app.core.centre_demo import CENTRE_ROLE, ROLE_SETTING, SETUP_DONE_SETTING
from inspector_app.core.store import Store

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication

from inspector_app.ui import welcome
from inspector_app.ui.app import Program


def test_the_demo_opens_as_the_centre_with_its_review_queue(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.core.centre_demo import build_centre_demo
    from inspector_app.ui.centre_window import CentreWindow

    # the settings the demo writes are the ones the window reads
    assert (ROLE_SETTING, CENTRE_ROLE) == (welcome.ROLE_SETTING, welcome.CENTRE)
    assert SETUP_DONE_SETTING == welcome.SETUP_DONE_SETTING

    made = build_centre_demo(store, inspections=60)
    assert not welcome.needs_welcome(store)  # no welcome in the way
    program = Program(store, demo=True)
    assert program.start_role() == welcome.CENTRE
    window = program.open(program.start_role())
    assert isinstance(window, CentreWindow)
    qtbot.addWidget(window)
    try:
        qtbot.waitExposed(window)
        assert "demo" in window.windowTitle().lower()
        window.show_page(window.review_page)
        page = window.review_page
        pending = review.review_count(store, review.ReviewFilter(status="pending"))
        assert pending == made.data.pending > 0
        qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.model.total > 0, timeout=5000)
        assert page.model.total == pending  # the queue shows pending problems by default
        page.select_row(0)
        picture = page.panel.photos.picture
        qtbot.waitUntil(lambda: not picture.image.isNull(), timeout=5000)
        assert picture.image.width() > 0 and page.panel.photos.current is not None
    finally:
        window.runner.cancel_all()
        window.runner.wait()
        window.close()
        QApplication.processEvents()
