"""The briefing page: the same numbers as the core, period navigation, computing off the UI
thread, the flag rule's validation, exports (and a cancelled one leaving no file), photos."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from inspector_app.core.briefing import (
    Briefing,
    FlagRule,
    compute_briefing,
    get_flag_rule,
    set_flag_rule,
)
from inspector_app.core.store import Store
from inspector_app.reporting.content import pct
from inspector_app.ui import briefing_page
from inspector_app.ui.briefing_page import BriefingPage, GroupTableModel, default_file_name
from inspector_app.ui.tasks import TaskRunner
from tests.briefing_data import AS_OF, W47, Data, build
from tests.ui.ticks import tick_gaps


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.cancel_all()
    r.wait()


@pytest.fixture
def data(store: Store) -> Data:
    return build(store)


def make_page(qtbot, store: Store, runner: TaskRunner) -> BriefingPage:  # type: ignore[no-untyped-def]
    page = BriefingPage(store, runner)
    qtbot.addWidget(page)
    page.as_of = AS_OF
    page.resize(1280, 760)
    page.show()
    return page


def show(qtbot, page: BriefingPage, kind: str, day: date) -> Briefing:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.briefingShown, timeout=30_000) as blocker:
        page.set_period(kind, day)
    b: Briefing = blocker.args[0]
    return b


@pytest.fixture
def page(qtbot, data: Data, runner: TaskRunner) -> BriefingPage:  # type: ignore[no-untyped-def]
    p = make_page(qtbot, data.store, runner)
    show(qtbot, p, "week", W47)
    return p


def rows(model: GroupTableModel) -> list[list[str]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_page_shows_the_numbers_of_the_core(page: BriefingPage, data: Data) -> None:
    # worked out by hand in tests/core/test_briefing.py: 14 inspections at 6 points, 23
    # deducted of 140, 11 problems found (7 accepted, 4 pending), 2 of 7 tasks closed
    assert page.figure_text("points") == "6"
    assert page.figures["points"].note.text().startswith("14 ")  # inspections
    assert page.figure_text("found") == "11"
    assert page.figure_text("accepted") == "7"
    assert page.figure_text("pending") == "4"
    assert page.figure_text("deductions") == "23"
    assert page.figure_text("score") == "83.6%"  # 1 − 23/140 = 0.83571
    assert page.figure_text("rectified") == "2"
    assert page.figure_text("rectification") == "28.6%"  # 2/7

    b = compute_briefing(data.store, "week", W47, as_of=AS_OF)
    assert page.briefing == b
    c = b.city
    assert page.figure_text("overdue") == str(c.overdue)
    assert page.period_label.text().startswith("2026-W47")

    # the tables: one row per group, in the core's order, rates formatted as shown
    units = rows(page.units_model)
    assert [r[1] for r in units] == [g.name for g in b.units]
    for row, g in zip(units, b.units, strict=True):
        rank, _name, flag, inspections, score, change, found, accepted, rectified, rate, over = row
        assert rank == (str(g.rank) if g.rank is not None else "—")
        assert inspections == str(g.inspections)
        assert score == pct(g.score_rate)
        assert change.endswith(briefing_page.change(g.score_change))
        assert (found, accepted) == (str(g.problems_found), str(g.problems_accepted))
        assert rectified == f"{g.rectified}/{g.tasks}"
        assert rate == pct(g.rectification_rate)
        assert over == str(g.overdue)
        assert bool(flag) == (g.flag is not None)  # a flag is a word, not only a colour
    甲 = next(r for r in units if r[1] == "甲单位")
    assert 甲[4] == "96.7%"  # 29/30
    districts = rows(page.districts_model)
    assert [r[1] for r in districts] == [g.name for g in b.districts]
    assert next(r for r in districts if r[1] == "卫滨区")[3] == "78.3%"  # 47/60
    # numbers are right-aligned
    idx = page.units_model.index(0, 4)
    assert idx.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert page.serious_model.rowCount() == len(b.serious)
    assert not page.computing and page.progress.isHidden()


def test_flags_have_words(qtbot, data: Data, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    set_flag_rule(data.store, FlagRule(1, 0.9, 0.8))
    page = make_page(qtbot, data.store, runner)
    b = show(qtbot, page, "week", W47)
    assert b.red_flags and b.yellow_flags
    flags = {r[1]: r[2] for r in rows(page.units_model)}
    texts = {page.units_model.flag_text("red"), page.units_model.flag_text("yellow")}
    assert {flags[n] for n in b.red_flags + b.yellow_flags} == texts
    assert all(n in page.flags_label.text() for n in b.red_flags + b.yellow_flags)


def test_period_navigation_by_keys_and_buttons(qtbot, page: BriefingPage) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.briefingShown, timeout=30_000) as blocker:
        QTest.keyClick(page.units_table, Qt.Key.Key_PageUp)
    assert blocker.args[0].period.label == "2026-W46"
    assert page.day == date(2026, 11, 9)
    with qtbot.waitSignal(page.briefingShown, timeout=30_000) as blocker:
        QTest.keyClick(page.date, Qt.Key.Key_PageDown)
        QTest.keyClick(page.date, Qt.Key.Key_PageDown)
    # two quick presses: one computation, of the period they lead to
    assert blocker.args[0].period.label == "2026-W48"
    assert page.period_label.text().startswith("2026-W48")
    with qtbot.waitSignal(page.briefingShown, timeout=30_000) as blocker:
        page.kind.setCurrentIndex(2)
    assert blocker.args[0].period.label == "2026-11"
    with qtbot.waitSignal(page.briefingShown, timeout=30_000) as blocker:
        page.prev_button.click()
    assert blocker.args[0].period.label == "2026-10"
    with qtbot.waitSignal(page.briefingShown, timeout=30_000) as blocker:
        page.kind.setCurrentIndex(0)
    assert blocker.args[0].period.label == "2026-10-01"
    with qtbot.waitSignal(page.briefingShown, timeout=30_000) as blocker:
        page.next_button.click()
    assert blocker.args[0].period.label == "2026-10-02"


def test_last_result_stays_on_screen_while_the_next_computes(page: BriefingPage) -> None:
    shown = page.figure_text("score")
    page.next_period()
    page.recompute()  # what the pause after a key press leads to
    # the worker's result comes back only through the event loop: not yet
    assert page.computing and page.progress.isVisible()
    assert page.briefing is not None and page.briefing.period.label == "2026-W47"
    assert page.figure_text("score") == shown
    assert page.period_label.text().startswith("2026-W48")


def test_briefing_computes_off_the_ui_thread(qtbot, store: Store, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.core.centre_demo import build_centre_data

    built = build_centre_data(store, findings=20_000, seed=5)
    threads: list[threading.Thread] = []
    real = briefing_page.compute_briefing

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    page = make_page(qtbot, store, runner)
    page.as_of = None
    briefing_page.compute_briefing = spy
    try:
        with tick_gaps(qtbot) as gaps:
            started = time.perf_counter()
            with qtbot.waitSignal(page.briefingShown, timeout=60_000) as blocker:
                page.set_period("month", built.today)
                page.recompute()
            took = time.perf_counter() - started
    finally:
        briefing_page.compute_briefing = real
    b = blocker.args[0]
    assert threads and threading.main_thread() not in threads
    assert b.city.inspections > 0
    assert len(gaps) > 5, f"only {len(gaps)} ticks in {took:.2f} s"
    assert max(gaps) < 0.050, f"the event loop was blocked for {max(gaps) * 1000:.0f} ms"


def test_flag_rule_bad_values_are_refused(qtbot, page: BriefingPage, data: Data) -> None:  # type: ignore[no-untyped-def]
    before = get_flag_rule(data.store)
    dialog = page.edit_rule()
    dialog.red.setValue(85.0)
    dialog.yellow.setValue(90.0)  # above the red line: one unit could get both flags
    dialog.save()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "85.0" in dialog.error.text() and "90.0" in dialog.error.text()
    dialog.yellow.setValue(80.0)
    dialog.min_inspections.setValue(0)
    dialog.save()
    assert dialog.isVisible() and dialog.error.text()
    assert get_flag_rule(data.store) == before  # nothing was kept

    dialog.min_inspections.setValue(2)
    dialog.red.setValue(95.0)
    with qtbot.waitSignal(page.briefingShown, timeout=30_000) as blocker:
        dialog.save()
    assert not dialog.isVisible()
    assert get_flag_rule(data.store) == FlagRule(2, 0.95, 0.8)
    assert blocker.args[0].rule == FlagRule(2, 0.95, 0.8)
    assert "95.0%" in page.rule_label.text()


def test_export_xlsx_from_the_page(qtbot, page: BriefingPage, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    tmp_path = tmp_path / "out"
    tmp_path.mkdir()

    b = page.briefing
    assert b is not None
    assert default_file_name(b, "xlsx") == "创文暗访通报_2026-W47.xlsx"
    target = tmp_path / default_file_name(b, "xlsx")
    monkeypatch.setattr(page, "ask_export_path", lambda kind: target)
    assert page.xlsx_button.isEnabled()
    with qtbot.waitSignal(page.exportFinished, timeout=60_000) as blocker:
        page.xlsx_button.click()
        assert page.exporting and page.cancel_button.isVisible()
    assert blocker.args[0] == target
    assert str(target) in page.status.text()
    assert page.open_folder_button.isVisible() and not page.cancel_button.isVisible()
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temporary left
    book = openpyxl.load_workbook(target)
    values = [c for row in book.worksheets[0].iter_rows(values_only=True) for c in row]
    assert b.city.problems_found in values and b.city.points in values


def test_cancelled_export_leaves_no_file(
    qtbot: Any, page: BriefingPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inspector_app.reporting import pdf

    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    real = pdf.render_pdf
    started = threading.Event()

    def slow(store, briefing, path, progress=None, cancel=None):  # type: ignore[no-untyped-def]
        started.set()
        assert cancel is not None
        cancel.wait(10)  # a long render that the user stops
        return real(store, briefing, path, progress, cancel)

    monkeypatch.setattr(pdf, "render_pdf", slow)
    new = tmp_path / "new.pdf"
    handle = page.export("pdf", new)
    assert handle is not None
    assert started.wait(10)
    with qtbot.waitSignal(page.exportFinished, timeout=30_000) as blocker:
        page.cancel_button.click()
    assert blocker.args[0] is None
    assert list(tmp_path.iterdir()) == []
    assert not page.exporting and page.pdf_button.isEnabled()
    assert page.status.text() in (
        "Export cancelled; no file was written.",
        page.tr("Export cancelled; no file was written."),
    )

    # an older file of that name stays as it was
    old = tmp_path / "old.pdf"
    old.write_bytes(b"older briefing")
    page.export("pdf", old)
    assert started.wait(10)
    with qtbot.waitSignal(page.exportFinished, timeout=30_000):
        page.cancel_export()
    assert old.read_bytes() == b"older briefing"
    assert [p.name for p in tmp_path.iterdir()] == ["old.pdf"]


def test_pdf_export_writes_a_pdf(qtbot, page: BriefingPage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "通报.pdf"
    with qtbot.waitSignal(page.exportFinished, timeout=60_000) as blocker:
        page.export("pdf", target)
    assert blocker.args[0] == target
    assert target.read_bytes().startswith(b"%PDF")


def test_double_click_on_a_serious_problem_shows_its_photos(
    qtbot: Any, store: Store, runner: TaskRunner
) -> None:
    from inspector_app.core.centre_demo import build_centre_data

    built = build_centre_data(store, findings=400, seed=3, photo_files=True)
    page = make_page(qtbot, store, runner)
    page.as_of = None
    b = show(qtbot, page, "month", built.today)
    row = next(i for i, p in enumerate(b.serious) if p.photos)
    page.tabs.setCurrentIndex(2)
    index = page.serious_model.index(row, 1)
    viewport = page.serious_table.viewport()
    centre = page.serious_table.visualRect(index).center()
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    dialog = page.photos_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: len(dialog.photos.photos) == len(b.serious[row].photos), timeout=10_000)
    assert dialog.photos.current is not None
    assert dialog.photos.current.sha256 in b.serious[row].photos
    dialog.accept()
    # a problem without photos says so instead
    bare = [i for i, p in enumerate(b.serious) if not p.photos]
    if bare:
        assert page.open_problem(page.serious_model.index(bare[0], 1)) is None
        assert page.status.text()
