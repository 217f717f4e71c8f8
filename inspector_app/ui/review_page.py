"""The command centre's review page: the queue of imported problems (paged as it scrolls)
under filters, the selected finding with its photos large beside it, and accept (A) or
reject with a reason (R) by keyboard, one finding after another."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core import review
from inspector_app.core.periods import centre_timezone, centre_today
from inspector_app.core.review import Decision, FindingDetail, QueueRow, ReviewFilter
from inspector_app.core.settings import get_setting
from inspector_app.core.store import Store
from inspector_app.ui.centre_words import (
    DECISION_COLOURS,
    DECISION_MARKS,
    CentreWords,
    centre_time,
)
from inspector_app.ui.evidence_photos import EvidencePhotos
from inspector_app.ui.review_models import (
    COL_DEDUCTION,
    COL_DISTRICT,
    COL_INSPECTOR,
    COL_ITEM,
    COL_POINT,
    COL_STATUS,
    COL_TIME,
    ReviewQueueModel,
)
from inspector_app.ui.tasks import Progress, TaskRunner

#: the review status filter's values, in the combo box's order (pending first: the work)
STATUS_FILTERS: tuple[str | None, ...] = (review.PENDING, review.ACCEPTED, review.REJECTED, None)
#: the date filter's choices: (key, days back from today or None)
DATE_CHOICES = ("any", "today", "yesterday", "7", "30", "custom")
#: reasons offered again in the rejection dialog, most recent first
RECENT_REASONS = 8
BANNER_ERROR = "background: #fde2e1; color: #a4161a; padding: 6px 8px; border-radius: 3px;"
BANNER_OK = "background: #e3f4e6; color: #1f6b33; padding: 6px 8px; border-radius: 3px;"


class RejectDialog(QDialog):
    """Asks why a finding is rejected: the reason is required (typed, or a recent one)."""

    def __init__(self, finding_text: str, recent: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reject finding"))
        what = QLabel(finding_text)
        what.setWordWrap(True)
        prompt = QLabel(self.tr("Why is it rejected? The reason is kept with the decision."))
        prompt.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.addItems(recent)
        self.reason.setCurrentIndex(-1)
        self.reason.setEditText("")
        self.reason.setMinimumWidth(380)
        line = self.reason.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("e.g. the photo does not show the problem"))
        line.textChanged.connect(self._update)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Reject"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(prompt)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self._update()
        self.reason.setFocus()

    def reason_text(self) -> str:
        return self.reason.currentText().strip()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason_text()))

    def accept(self) -> None:
        if self.reason_text():  # Enter on an empty reason does nothing
            super().accept()


class FindingPanel(QWidget):
    """The selected finding: point, problem, inspection, decision, and its photos large."""

    def __init__(
        self, store: Store, runner: TaskRunner, words: CentreWords, english: bool, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.tz = centre_timezone(store)
        self.words = words
        self.english = english
        self.detail: FindingDetail | None = None
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.place = QLabel()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        pfont = QFont(self.problem.font())
        pfont.setPointSizeF(pfont.pointSizeF() * 1.1)
        self.problem.setFont(pfont)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.inspection = QLabel()
        self.inspection.setWordWrap(True)
        self.decision = QLabel()
        self.decision.setWordWrap(True)
        for label in (self.title, self.place, self.problem, self.facts, self.note):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.photos = EvidencePhotos(store, runner, self.tz, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        for label in (
            self.title,
            self.place,
            self.problem,
            self.facts,
            self.note,
            self.inspection,
            self.decision,
        ):
            layout.addWidget(label)
        layout.addWidget(self.photos, 1)
        self.show_detail(None)

    def show_detail(self, detail: FindingDetail | None, *, keep_photos: bool = False) -> None:
        self.detail = detail
        labels = (self.title, self.place, self.problem, self.facts, self.note, self.inspection)
        if detail is None:
            for label in labels:
                label.setText("")
            self.note.hide()
            self.decision.setText("")
            self.photos.show_photos(())
            return
        d = detail
        self.title.setText(f"{d.point_name} · {d.point_code}")
        type_name = d.point_type_name_en if self.english else d.point_type_name_zh
        self.place.setText(" · ".join(x for x in (d.district, type_name, d.unit) if x))
        text = d.item_text_en if self.english else d.item_text_zh
        self.problem.setText(f"{d.item_code}  {text}")
        facts = [
            self.words.category(d.category),
            self.tr("severity %1").replace("%1", self.words.severity(d.severity)),
        ]
        if d.mode != "pass_fail":
            facts.append(self.tr("count %1").replace("%1", str(d.count)))
        facts.append(self.tr("−%1 points").replace("%1", f"{d.deduction:g}"))
        self.facts.setText(" · ".join(facts))
        self.note.setText(self.tr("Note: %1").replace("%1", d.note) if d.note else "")
        self.note.setVisible(bool(d.note))
        span = centre_time(d.started_at, self.tz)
        if d.finalised_at is not None:
            span += "–" + d.finalised_at.astimezone(self.tz).strftime("%H:%M")
        who = f"{d.inspector_name} {d.inspector_code}".strip() or self.tr("unknown inspector")
        self.inspection.setText(
            self.tr("Inspected %1 by %2 (key %3)")
            .replace("%1", span)
            .replace("%2", who)
            .replace("%3", d.inspector_key_id or "–")
        )
        self.decision.setText(self.decision_text(d))
        colour = DECISION_COLOURS.get(d.status, DECISION_COLOURS["pending"]).name()
        self.decision.setStyleSheet(f"color: {colour}; font-weight: bold;")
        if not keep_photos:
            self.photos.show_photos(d.photos, (d.started_at, d.finalised_at))

    def decision_text(self, d: FindingDetail) -> str:
        mark = DECISION_MARKS.get(d.status, "")
        if d.status == review.PENDING or d.decided_at is None:
            return f"{mark} " + self.tr("Pending review")
        when = centre_time(d.decided_at, self.tz)
        who = d.decided_by or "–"
        if d.status == review.ACCEPTED:
            text = self.tr("Accepted by %1 on %2").replace("%1", who).replace("%2", when)
            if d.task_status:
                text += " · " + self.tr("task: %1").replace(
                    "%1", self.words.task_status(d.task_status)
                )
            return f"{mark} {text}"
        text = (
            self.tr("Rejected by %1 on %2: %3")
            .replace("%1", who)
            .replace("%2", when)
            .replace("%3", d.reason)
        )
        return f"{mark} {text}"


class ReviewPage(QWidget):
    """The review page of the command centre's window (`refresh()` when shown)."""

    #: a decision was saved (finding id, decision)
    decided = Signal(str, str)

    def __init__(
        self,
        store: Store,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        language: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        language = language or get_setting(store, "ui.language") or "zh_CN"
        self.english = language == "en"
        self.tz = centre_timezone(store)
        self.words = CentreWords(self)
        self.recent_reasons: list[str] = []
        self.reject_dialog: RejectDialog | None = None
        self._decisions: deque[tuple[Callable[[], Decision], str]] = deque()
        self._deciding = False
        #: a decision lost to another supervisor, said until the next decision is made (the
        #: queued decisions saved after it add their own news beside it)
        self.conflict_text: str | None = None
        self._detail_generation = 0
        self._want: str | None = None  # the finding to select once the queue has loaded
        self._advance_on_load = False
        self._options_loaded = False

        self._build_filters()
        self.model = ReviewQueueModel(store, runner, self.tz, english=self.english, parent=self)
        self.model.countChanged.connect(self._show_count)
        self.model.pageLoaded.connect(self._page_loaded)
        self.model.loadFailed.connect(lambda text: self.show_message(text, error=True))
        self.table = QTableView()
        # one-letter keys (A, R, Z, J, K) must reach the page, not a Chinese IME
        self.table.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_ITEM, QHeaderView.ResizeMode.Stretch)
        for col, width in (
            (COL_STATUS, 96),
            (COL_TIME, 96),
            (COL_DISTRICT, 64),
            (COL_POINT, 150),
            (COL_DEDUCTION, 52),
            (COL_INSPECTOR, 64),
        ):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.panel = FindingPanel(store, runner, self.words, self.english, self)
        self.accept_button = QPushButton("✓ " + self.tr("Accept (A)"))
        self.accept_button.clicked.connect(self.accept_current)
        self.reject_button = QPushButton("✗ " + self.tr("Reject… (R)"))
        self.reject_button.clicked.connect(self.reject_current)
        self.keys_hint = QLabel(self.tr("↑/↓ finding · ←/→ photo · Z zoom"))
        self.keys_hint.setStyleSheet("color: palette(mid);")
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        buttons.addWidget(self.keys_hint)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.panel, 1)
        rv.addLayout(buttons)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([660, 560])

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        self._build_shortcuts()
        self._update_buttons()

    # ------------------------------------------------------------------ building
    def _combo(self, any_text: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(any_text, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(self._filters_changed)
        return combo

    def _build_filters(self) -> None:
        self.status_filter = QComboBox()
        for status in STATUS_FILTERS:
            text = self.tr("All decisions") if status is None else self.words.decision(status)
            self.status_filter.addItem(text.capitalize() if status else text, status)
        self.status_filter.currentIndexChanged.connect(self._filters_changed)
        self.district_filter = self._combo(self.tr("All districts"))
        self.unit_filter = self._combo(self.tr("All units"))
        self.unit_filter.setMaximumWidth(200)
        self.type_filter = self._combo(self.tr("All point types"))
        self.type_filter.setMaximumWidth(180)
        self.category_filter = self._combo(self.tr("All categories"))
        for category in review.CATEGORIES:
            self.category_filter.addItem(self.words.category(category), category)
        self.inspector_filter = self._combo(self.tr("All inspectors"))
        self.date_filter = QComboBox()
        for key, text in zip(
            DATE_CHOICES,
            (
                self.tr("Any date"),
                self.tr("Today"),
                self.tr("Yesterday"),
                self.tr("Last 7 days"),
                self.tr("Last 30 days"),
                self.tr("From … to …"),
            ),
            strict=True,
        ):
            self.date_filter.addItem(text, key)
        self.date_filter.currentIndexChanged.connect(self._filters_changed)
        today = centre_today(self.store)
        self.date_from = QDateEdit(QDate(today.year, today.month, today.day).addDays(-7))
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._filters_changed)
            edit.hide()
        self.count_label = QLabel()
        font = QFont(self.count_label.font())
        font.setBold(True)
        self.count_label.setFont(font)

        bar = self.filter_bar = QHBoxLayout()
        for widget in (
            self.status_filter,
            self.district_filter,
            self.unit_filter,
            self.type_filter,
            self.category_filter,
            self.inspector_filter,
            self.date_filter,
            self.date_from,
            self.date_to,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.count_label)

    def _build_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in (
            ("A", self.accept_current),
            ("R", self.reject_current),
            ("Z", self.panel.photos.zoom),
            ("Right", self.panel.photos.next_photo),
            ("Left", self.panel.photos.previous_photo),
            ("J", lambda: self.step_finding(1)),
            ("K", lambda: self.step_finding(-1)),
            ("F5", self.refresh),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # ------------------------------------------------------------------ filters
    def _load_options(self) -> None:
        """Fill the filters' choices (a few small queries), keeping what is chosen."""
        options = review.filter_options(self.store)
        combos = (
            (self.district_filter, [(d, d) for d in options.districts]),
            (self.unit_filter, [(u, u) for u in options.units]),
            (
                self.type_filter,
                [(en if self.english else zh, code) for code, zh, en in options.point_types],
            ),
            (
                self.inspector_filter,
                [(f"{code} {name}", key_id) for key_id, code, name in options.inspectors],
            ),
        )
        for combo, items in combos:
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for text, value in items:
                combo.addItem(text, value)
            n = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(0, n))
            combo.blockSignals(False)
        self._options_loaded = True

    def current_filter(self) -> ReviewFilter:
        today = centre_today(self.store)
        key = self.date_filter.currentData()
        custom = key == "custom"
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)
        date_from: date | None = None
        date_to: date | None = None
        if key == "today":
            date_from = date_to = today
        elif key == "yesterday":
            date_from = date_to = today - timedelta(days=1)
        elif key in ("7", "30"):
            date_from, date_to = today - timedelta(days=int(key) - 1), today
        elif custom:
            date_from = self.date_from.date().toPython()  # type: ignore[assignment]
            date_to = self.date_to.date().toPython()  # type: ignore[assignment]
        return ReviewFilter(
            district=self.district_filter.currentData(),
            unit=self.unit_filter.currentData(),
            point_type=self.type_filter.currentData(),
            category=self.category_filter.currentData(),
            inspector=self.inspector_filter.currentData(),
            date_from=date_from,
            date_to=date_to,
            status=self.status_filter.currentData(),
        )

    def _filters_changed(self, *_args: Any) -> None:
        flt = self.current_filter()
        if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
            self.show_message(self.tr("The date range ends before it starts."), error=True)
            return
        self.hide_message()
        self._want = self.current_finding_id()
        self.model.set_filter(flt)

    # ------------------------------------------------------------------ the queue
    def refresh(self) -> None:
        """Read the filters' choices and the queue again, keeping the selected finding."""
        self._load_options()
        self._want = self.current_finding_id() or self._want
        self.model.set_filter(self.current_filter())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._options_loaded:  # shown outside the window (tests, screenshots)
            QTimer.singleShot(0, self.refresh)
        self.table.setFocus()

    def _show_count(self, total: int) -> None:
        if total < 0:
            self.count_label.setText(self.tr("counting…"))
        else:
            self.count_label.setText(self.tr("%n finding(s)", "", total))

    def _page_loaded(self, loaded: int) -> None:
        current = self.table.currentIndex().row()
        if self._advance_on_load:
            self._advance_on_load = False
            self.step_finding(1)
        elif current < 0 and loaded:
            want = self.model.row_of(self._want) if self._want else -1
            self._want = None
            self.select_row(max(0, want))
        if loaded == 0:
            self.panel.show_detail(None)
            self._update_buttons()

    def current_row(self) -> QueueRow | None:
        return self.model.row_at(self.table.currentIndex().row())

    def current_finding_id(self) -> str | None:
        row = self.current_row()
        return row.finding_id if row else None

    def select_row(self, n: int) -> None:
        if 0 <= n < self.model.rowCount():
            self.table.selectRow(n)
            self.table.scrollTo(self.model.index(n, 0))

    def step_finding(self, step: int) -> None:
        """The next (or previous) finding; past the last one loaded, the next page."""
        n = self.table.currentIndex().row() + step
        if n >= self.model.rowCount() and step > 0:
            if self.model.canFetchMore(QModelIndex()):
                self._advance_on_load = True
                self.model.fetchMore(QModelIndex())
            elif self.model.loading:
                self._advance_on_load = True
            return
        self.select_row(max(0, n))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row())
        self._update_buttons()
        self.load_detail(row.finding_id if row else None)

    def load_detail(self, finding_id: str | None, *, keep_photos: bool = False) -> None:
        """Read the finding's detail on a worker; an answer for another finding is dropped."""
        self._detail_generation += 1
        if finding_id is None:
            self.panel.show_detail(None)
            return
        generation, store = self._detail_generation, self.store

        def read(_p: Progress, _c: threading.Event) -> FindingDetail:
            return review.finding_detail(store, finding_id)

        def done(detail: FindingDetail) -> None:
            if generation == self._detail_generation:
                self.panel.show_detail(detail, keep_photos=keep_photos)

        def failed(exc: BaseException) -> None:
            if generation == self._detail_generation:
                self.show_message(getattr(exc, "message", str(exc)), error=True)

        self.runner.run(read, on_done=done, on_error=failed)

    def _update_buttons(self) -> None:
        row = self.current_row()
        ok = row is not None and row.finding_id not in self.model.saving
        self.accept_button.setEnabled(ok)
        self.reject_button.setEnabled(ok)

    # ------------------------------------------------------------------ decisions
    def _version_of(self, row: QueueRow) -> int:
        """The decision version the supervisor is looking at (the detail's when shown)."""
        d = self.panel.detail
        return d.decision_version if d and d.finding_id == row.finding_id else row.decision_version

    def _row_text(self, row: QueueRow) -> str:
        text = row.item_text_en if self.english else row.item_text_zh
        return f"{row.point_name} · {row.item_code} {text}"

    def accept_current(self) -> None:
        row = self.current_row()
        if row is None or row.finding_id in self.model.saving:
            return
        store, fid, version = self.store, row.finding_id, self._version_of(row)
        self._start(row, lambda: review.accept(store, fid, expected_version=version))

    def reject_current(self) -> None:
        """Ask the reason (required); the decision is saved once it is given."""
        row = self.current_row()
        if row is None or row.finding_id in self.model.saving or self.reject_dialog is not None:
            return
        version = self._version_of(row)
        dialog = self.reject_dialog = RejectDialog(self._row_text(row), self.recent_reasons, self)

        def finished(result: int) -> None:
            self.reject_dialog = None
            dialog.deleteLater()
            if result != QDialog.DialogCode.Accepted:
                self.table.setFocus()
                return
            reason = dialog.reason_text()
            if reason in self.recent_reasons:
                self.recent_reasons.remove(reason)
            self.recent_reasons.insert(0, reason)
            del self.recent_reasons[RECENT_REASONS:]
            store, fid = self.store, row.finding_id
            self._start(row, lambda: review.reject(store, fid, reason, expected_version=version))
            self.table.setFocus()

        dialog.finished.connect(finished)
        dialog.open()

    def _start(self, row: QueueRow, fn: Callable[[], Decision]) -> None:
        """Mark the row as being saved, move on to the next finding, save on a worker."""
        if not self._deciding and not self._decisions:
            self.conflict_text = None  # a new round of decisions: the old news is read
        self.model.set_saving(row.finding_id, True)
        self._decisions.append((fn, row.finding_id))
        if self.current_finding_id() == row.finding_id:
            self.step_finding(1)
        self._update_buttons()
        self._next_decision()

    def _next_decision(self) -> None:
        """Decisions are saved one after another, in the order they were made."""
        if self._deciding or not self._decisions:
            return
        fn, finding_id = self._decisions.popleft()
        self._deciding = True

        def work(_p: Progress, _c: threading.Event) -> Decision:
            return fn()

        self.runner.run(
            work,
            on_done=self._decided,
            on_error=lambda exc: self._decision_failed(finding_id, exc),
        )

    def _decided(self, decision: Decision) -> None:
        self._deciding = False
        row = self.model.row_at(self.model.row_of(decision.finding_id))
        self.model.apply(decision)
        what = self._row_text(row) if row else decision.finding_id
        if decision.decision == review.ACCEPTED:
            text = self.tr("Accepted: %1").replace("%1", what)
            if decision.deadline is not None:
                text += " · " + self.tr("task due %1").replace("%1", decision.deadline.isoformat())
        else:
            text = self.tr("Rejected: %1").replace("%1", what)
        if self.conflict_text is not None:
            self.show_message(self.conflict_text + "  ·  " + text, error=True)
        else:
            self.show_message(text)
        if self.current_finding_id() == decision.finding_id:
            self.load_detail(decision.finding_id, keep_photos=True)
        self._update_buttons()
        self.decided.emit(decision.finding_id, decision.decision)
        self._next_decision()

    def _decision_failed(self, finding_id: str, exc: BaseException) -> None:
        self._deciding = False
        if isinstance(exc, review.DecisionConflict):
            self._decided_meanwhile(exc)
        else:
            message = getattr(exc, "message", None) or str(exc)
            self.show_message(self.tr("Not saved: %1").replace("%1", message), error=True)
            self.model.set_saving(finding_id, False)
        self._update_buttons()
        # the decisions still waiting are saved: each checks the version it was made on
        self._next_decision()

    def _decided_meanwhile(self, exc: review.DecisionConflict) -> None:
        """Another supervisor decided this finding first: say who, what and when, and show
        the row (and the finding, if it is shown) as it now is."""
        n = self.model.row_of(exc.finding_id)
        row = self.model.row_at(n)
        what = self._row_text(row) if row else exc.finding_id
        if exc.decided_by is None or exc.decided_at is None:  # no decision stored any more
            text = self.tr("Not saved: %1 changed meanwhile; it is shown as it now is")
            self.show_message(text.replace("%1", what), error=True)
            self.model.set_saving(exc.finding_id, False)
            self.load_detail(self.current_finding_id(), keep_photos=True)
            return
        self.conflict_text = (
            self.tr("Not saved: %1 was decided meanwhile by %2 (%3, %4)")
            .replace("%1", what)
            .replace("%2", exc.decided_by)
            .replace("%3", self.words.decision(exc.status))
            .replace("%4", centre_time(exc.decided_at, self.tz))
        )
        self.show_message(self.conflict_text, error=True)
        stored = Decision(
            finding_id=exc.finding_id,
            decision=exc.status,
            reason=exc.reason,
            decided_by=exc.decided_by,
            decided_at=exc.decided_at,
            version=exc.version,
            task_id=None,
            deadline=None,
            changed=False,
        )
        self.model.apply(stored)  # leaves a queue filtered to another status, else updated
        if self.current_finding_id() == exc.finding_id:
            self.load_detail(exc.finding_id, keep_photos=True)
        self.decided.emit(exc.finding_id, exc.status)

    # ------------------------------------------------------------------ messages
    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(BANNER_ERROR if error else BANNER_OK)
        self.message.show()

    def hide_message(self) -> None:
        self.message.hide()


__all__ = ["FindingPanel", "RejectDialog", "ReviewPage"]
