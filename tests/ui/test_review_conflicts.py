"""The review page when another supervisor decides first: the lost decision is named with who
decided what and when, that row shows the decision that stands, and the decisions the
supervisor made after it are still saved."""

from __future__ import annotations

import pytest

from inspector_app.core import review
from inspector_app.core.store import Store, open_store
from tests.ui.test_review_page import (  # noqa: F401 (fixtures)
    SUPERVISOR,
    centre,
    open_page,
    settle,
    small_centre,
)

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt


def test_a_lost_decision_names_the_other_supervisor_and_the_queue_goes_on(
    qtbot,
    centre: Store,  # noqa: F811 (the fixture imported above)
) -> None:
    page = open_page(qtbot, centre)  # the pending queue
    first, second = page.model.rows[0], page.model.rows[1]
    assert first.status == second.status == review.PENDING
    other = open_store(centre.paths.root, actor="李副主任")  # another supervisor's window
    try:
        review.reject(other, first.finding_id, "已由区里处理")
    finally:
        other.close()
    # A on the first (lost to the other supervisor), A on the second: both queued
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    qtbot.waitUntil(
        lambda: review.finding_detail(centre, second.finding_id).status == review.ACCEPTED,
        timeout=5000,
    )
    settle(qtbot, page)
    lost = review.finding_detail(centre, first.finding_id)
    assert (lost.status, lost.decided_by, lost.task_id) == (review.REJECTED, "李副主任", None)
    assert review.finding_detail(centre, second.finding_id).decided_by == SUPERVISOR
    # the row shows the decision that stands: rejected, it left the pending queue
    assert page.model.row_of(first.finding_id) == -1
    assert page.model.row_of(second.finding_id) == -1
    assert not page.model.saving
    # the banner still names the lost decision beside the second one's news
    text = page.message.text()
    assert page.message.isVisible() and "Accepted:" in text
    assert "Not saved:" in text and "decided meanwhile by 李副主任 (rejected, " in text
