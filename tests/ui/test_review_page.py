"""The review page over a command centre's data: the keyboard flow (A accepts, R asks a
reason then rejects, each moves to the next finding), rejected findings leaving the pending
queue without a task, paging as the view scrolls, filters, a decision lost to another
supervisor, and the photo markers."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, select, update

from inspector_app.core import rectification, review
from inspector_app.core.centre_demo import build_centre_data
from inspector_app.core.db.models import (
    Finding,
    Inspection,
    PhotoAttachment,
    RectificationTask,
)
from inspector_app.core.store import Store, open_store

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from inspector_app.ui.review_models import PAGE_SIZE
from inspector_app.ui.review_page import ReviewPage
from inspector_app.ui.tasks import TaskRunner

SUPERVISOR = "周主任"


def _template(factory: pytest.TempPathFactory, name: str, findings: int) -> Path:
    root = factory.mktemp(name) / "data"
    s = open_store(root, actor=SUPERVISOR)
    try:
        build_centre_data(s, findings=findings, seed=5, photos=True)
    finally:
        s.close()
    return root


@pytest.fixture(scope="session")
def small_centre(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _template(tmp_path_factory, "centre-small", 2_000)


@pytest.fixture(scope="session")
def large_centre(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _template(tmp_path_factory, "centre-large", 20_000)


def _copy(template: Path, tmp_path: Path) -> Store:
    root = tmp_path / "data"
    shutil.copytree(template, root)
    return open_store(root, actor=SUPERVISOR)


@pytest.fixture
def centre(small_centre: Path, tmp_path: Path) -> Iterator[Store]:
    s = _copy(small_centre, tmp_path)
    yield s
    s.close()


def open_page(qtbot, store: Store) -> ReviewPage:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    page = ReviewPage(store, runner, language="en")
    runner.setParent(page)  # goes with the page: nothing reaches a page already deleted
    qtbot.addWidget(page, before_close_func=lambda _w: runner.wait(5000))
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()  # the page's shortcuts need an active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2000)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.model.total >= 0, timeout=5000)
    qtbot.waitUntil(lambda: page.panel.detail is not None, timeout=5000)
    return page


def type_text(combo: QComboBox, text: str) -> None:
    """Chinese arrives as an input method's commit, not as key presses."""
    line = combo.lineEdit()
    assert line is not None
    line.insert(text)


def settle(qtbot, page: ReviewPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.runner.busy and not page._deciding, timeout=5000)


def test_keyboard_accept_then_reject_moves_on_each_time(qtbot, centre: Store) -> None:
    page = open_page(qtbot, centre)
    first, second, third = (page.model.rows[n] for n in range(3))
    assert page.current_finding_id() == first.finding_id
    assert page.count_label.text().startswith(f"{page.model.total} finding")

    # the queue takes no input method: with a Chinese IME on, A and R still decide
    assert not page.table.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    assert page.current_finding_id() == second.finding_id  # moved on at once
    settle(qtbot, page)
    accepted = review.finding_detail(centre, first.finding_id)
    assert accepted.status == review.ACCEPTED
    assert accepted.decided_by == SUPERVISOR
    assert accepted.task_id is not None  # an accepted problem becomes a task
    assert page.model.row_of(first.finding_id) == -1  # it left the pending queue
    assert "Accepted:" in page.message.text()

    qtbot.keyClick(page.table, Qt.Key.Key_R)
    dialog = page.reject_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # no reason: nothing happens
    assert dialog.isVisible()
    assert review.finding_detail(centre, second.finding_id).status == review.PENDING
    type_text(dialog.reason, "照片不能证明问题")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert page.reject_dialog is None
    assert page.current_finding_id() == third.finding_id
    settle(qtbot, page)
    rejected = review.finding_detail(centre, second.finding_id)
    assert (rejected.status, rejected.reason) == (review.REJECTED, "照片不能证明问题")
    assert page.recent_reasons == ["照片不能证明问题"]
    assert page.model.total == page.model.rowCount() or page.model.total > PAGE_SIZE

    # the decided findings show who decided and when
    page.status_filter.setCurrentIndex(page.status_filter.findData(None))
    qtbot.waitUntil(lambda: page.model.row_of(second.finding_id) >= 0, timeout=5000)
    page.select_row(page.model.row_of(second.finding_id))
    qtbot.waitUntil(
        lambda: page.panel.detail is not None and page.panel.detail.finding_id == second.finding_id,
        timeout=5000,
    )
    text = page.panel.decision.text()
    assert f"Rejected by {SUPERVISOR} on " in text and "照片不能证明问题" in text


def test_rejected_finding_leaves_pending_and_never_becomes_a_task(qtbot, centre: Store) -> None:
    page = open_page(qtbot, centre)
    row = page.model.rows[0]
    before = page.model.total
    qtbot.keyClick(page.table, Qt.Key.Key_R)
    assert page.reject_dialog is not None
    type_text(page.reject_dialog.reason, "重复记录")
    qtbot.keyClick(page.reject_dialog.reason, Qt.Key.Key_Return)
    settle(qtbot, page)
    assert page.model.row_of(row.finding_id) == -1
    assert page.model.total == before - 1

    page.refresh()  # read again from the store: still gone from the pending queue
    qtbot.waitUntil(lambda: page.model.total == before - 1, timeout=5000)
    settle(qtbot, page)
    assert page.model.row_of(row.finding_id) == -1
    with centre.read() as s:
        assert (
            s.scalar(
                select(RectificationTask).where(RectificationTask.finding_id == row.finding_id)
            )
            is None
        )
    assert all(t.finding_id != row.finding_id for t in rectification.list_tasks(centre))

    page.status_filter.setCurrentIndex(page.status_filter.findData(review.REJECTED))
    qtbot.waitUntil(lambda: page.model.total >= 0 and not page.model.loading, timeout=5000)
    while page.model.row_of(row.finding_id) < 0 and page.model.canFetchMore():
        page.model.fetchMore()
        qtbot.waitUntil(lambda: not page.model.loading, timeout=5000)
    n = page.model.row_of(row.finding_id)
    assert n >= 0 and page.model.rows[n].status == review.REJECTED


def test_queue_pages_as_it_scrolls(qtbot, large_centre: Path, tmp_path: Path) -> None:
    store = _copy(large_centre, tmp_path)
    try:
        page = open_page(qtbot, store)
        page.status_filter.setCurrentIndex(page.status_filter.findData(None))
        qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.model.total > 0, timeout=5000)
        total = page.model.total
        assert total == review.review_count(store)
        assert total > 4 * PAGE_SIZE  # a few thousand findings: several pages
        assert page.model.rowCount() == PAGE_SIZE  # only the first page is loaded
        assert page.count_label.text().startswith(f"{total} finding")

        pages = 1
        while page.model.rowCount() < total:
            loaded = page.model.rowCount()
            page.table.scrollToBottom()  # the view asks the model for more
            qtbot.waitUntil(lambda n=loaded: page.model.rowCount() > n, timeout=5000)
            pages += 1
            assert page.model.rowCount() <= pages * PAGE_SIZE
        settle(qtbot, page)
        assert not page.model.canFetchMore()
        rows = page.model.rows
        assert len({r.finding_id for r in rows}) == total  # no row twice, none missing
        keys = [(r.started_at, r.finding_id) for r in rows]
        assert keys == sorted(keys)
    finally:
        store.close()


def test_filters_narrow_the_queue(qtbot, centre: Store) -> None:
    page = open_page(qtbot, centre)
    everything = page.model.total
    district = page.district_filter.itemData(1)
    page.district_filter.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.model.total >= 0 and not page.model.loading, timeout=5000)
    assert 0 < page.model.total < everything
    assert {r.district for r in page.model.rows} == {district}
    assert page.model.total == review.review_count(
        centre, review.ReviewFilter(district=district, status=review.PENDING)
    )

    page.district_filter.setCurrentIndex(0)
    page.category_filter.setCurrentIndex(page.category_filter.findData("sanitation"))
    qtbot.waitUntil(lambda: page.model.total >= 0 and not page.model.loading, timeout=5000)
    assert {r.category for r in page.model.rows} == {"sanitation"}

    page.category_filter.setCurrentIndex(0)
    page.date_filter.setCurrentIndex(page.date_filter.findData("custom"))
    assert page.date_from.isVisible() and page.date_to.isVisible()
    page.date_from.setDate(page.date_to.date().addDays(1))
    assert page.message.isVisible() and "ends before it starts" in page.message.text()


def test_decision_lost_to_another_supervisor_shows_why_and_reloads(qtbot, centre: Store) -> None:
    page = open_page(qtbot, centre)
    row = page.model.rows[0]
    other = open_store(centre.paths.root, actor="李副主任")  # another supervisor's window
    try:
        review.reject(other, row.finding_id, "另一位主管已处理")
    finally:
        other.close()
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    settle(qtbot, page)
    assert page.message.isVisible()
    assert "decided meanwhile by 李副主任" in page.message.text()
    qtbot.waitUntil(lambda: not page.model.loading and page.model.total >= 0, timeout=5000)
    assert page.model.row_of(row.finding_id) == -1  # the queue as it now is
    assert review.finding_detail(centre, row.finding_id).status == review.REJECTED


def test_photo_markers_name_an_outside_time_and_a_shared_photo(qtbot, centre: Store) -> None:
    first, second = review.review_page(centre, review.ReviewFilter(status="pending")).rows[:2]
    with centre.write() as s:
        started = s.scalar(
            select(Inspection.started_at).where(Inspection.id == first.inspection_id)
        )
        assert started is not None
        sha = s.scalar(
            select(PhotoAttachment.photo_sha256).where(
                PhotoAttachment.finding_id == first.finding_id
            )
        )
        s.execute(
            update(PhotoAttachment)
            .where(PhotoAttachment.finding_id == first.finding_id)
            .values(captured_at=started - timedelta(days=1))
        )
        # the same photo stands behind the second finding too
        s.execute(
            insert(PhotoAttachment),
            [
                {
                    "id": "00000000-0000-4000-8000-000000000001",
                    "inspection_id": second.inspection_id,
                    "finding_id": second.finding_id,
                    "photo_sha256": sha,
                    "captured_at": None,
                    "attached_at": started,
                }
            ],
        )
        assert s.get(Finding, second.finding_id) is not None
    page = open_page(qtbot, centre)
    photos = page.panel.photos
    assert page.current_finding_id() == first.finding_id
    assert photos.outside.isVisibleTo(page) and "outside the inspection" in photos.outside.text()
    assert photos.shared.isVisibleTo(page)
    assert second.point_code in photos.shared.text() and second.item_code in photos.shared.text()
    assert "Taken " in photos.info.text()

    qtbot.keyClick(page.table, Qt.Key.Key_J)  # the next finding: its photo is not marked
    qtbot.waitUntil(
        lambda: (
            page.panel.detail is not None
            and page.panel.detail.finding_id == page.model.rows[1].finding_id
        ),
        timeout=5000,
    )
    assert page.panel.photos.current is not None
    assert page.panel.photos.outside.isHidden()


def test_z_opens_the_zoomable_viewer_on_the_photo_shown(qtbot, centre: Store) -> None:
    from inspector_app.ui.photo_viewer import PhotoViewer

    page = open_page(qtbot, centre)
    photo = page.panel.photos.current
    assert photo is not None
    qtbot.keyClick(page.table, Qt.Key.Key_Z)
    viewers = [v for v in page.findChildren(PhotoViewer) if v.isVisible()]
    assert len(viewers) == 1 and viewers[0].photo.sha256 == photo.sha256
    viewers[0].reject()
