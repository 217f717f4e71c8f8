"""Centre settings: the supervisor's name, the time zone, working days to rectify per
severity, holidays and adjusted working days; saved together or not at all."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inspector_app.core.centre_settings import (
    CentreCalendar,
    check_supervisor,
    get_supervisor,
    parse_date_lines,
    read_calendar,
    save_calendar,
    set_supervisor,
)
from inspector_app.core.errors import InspectorError
from inspector_app.core.store import Store
from inspector_app.core.workdays import SEVERITIES
from inspector_app.ui.centre_words import CentreWords
from inspector_app.ui.welcome import TIME_ZONES

# the spin boxes' range: a deadline beyond 60 working days is not a rectification
MAX_DAYS_IN_WINDOW = 60
# a date list file larger than this is not a list of holidays
MAX_LIST_FILE = 1_000_000
ERROR_STYLE = "color: #c0392b"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DateListDialog(QDialog):
    """A list of dates pasted or read from a text file, one YYYY-MM-DD a line. Accepted
    only when every line is a date (`days`); otherwise the bad lines are named."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.days: list[date] = []
        hint = QLabel(self.tr("One date a line as YYYY-MM-DD; lines starting with # are skipped."))
        hint.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("2026-10-01\n2026-10-02")
        self.from_file = QPushButton(self.tr("From file…"))
        self.from_file.clicked.connect(self.choose_file)
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.addButton(self.from_file, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(420, 360)

    def choose_file(self) -> None:
        # the patterns stay out of the translated words: a translator cannot break them
        text_files, all_files = self.tr("Text files"), self.tr("All files")
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("A list of dates"), "", f"{text_files} (*.txt *.csv);;{all_files} (*)"
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> bool:
        """Put the file's text in the box (to be checked and added with OK)."""
        try:
            if path.stat().st_size > MAX_LIST_FILE:
                raise ValueError
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError, ValueError):
            self.error.setText(
                self.tr("%1 cannot be read as a text file of dates.").replace("%1", str(path))
            )
            return False
        self.text.setPlainText(text)
        self.error.clear()
        return True

    def accept(self) -> None:
        days, bad = parse_date_lines(self.text.toPlainText())
        if bad:
            shown = "\n".join(bad[:10]) + ("\n…" if len(bad) > 10 else "")
            self.error.setText(self.tr("Not dates (YYYY-MM-DD), nothing was added:") + "\n" + shown)
            return
        if not days:
            self.error.setText(self.tr("There is no date to add."))
            return
        self.days = days
        super().accept()


class DateListEditor(QWidget):
    """A sorted list of dates with add (a date edit), remove, and add a whole list."""

    def __init__(self, days: tuple[date, ...], list_title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.list_title = list_title
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setMinimumHeight(140)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add_current)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.list_button = QPushButton(self.tr("Add a list…"))
        self.list_button.setToolTip(self.tr("Paste dates or read them from a text file"))
        self.list_button.clicked.connect(self.add_list)
        row = QHBoxLayout()
        row.addWidget(self.date)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addWidget(self.list_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.add_days(days)

    def days(self) -> list[date]:
        return [
            date.fromisoformat(self.list.item(n).data(Qt.ItemDataRole.UserRole))
            for n in range(self.list.count())
        ]

    def add_days(self, days: list[date] | tuple[date, ...]) -> None:
        """Add dates (those already listed are kept once), the list kept in order."""
        wanted = sorted(set(self.days()) | set(days))
        self.list.clear()
        locale = QLocale()
        for day in wanted:
            # the weekday beside each date: an adjusted working day must be a weekend day
            item = QListWidgetItem(f"{day.isoformat()}  {locale.toString(_qdate(day), 'ddd')}")
            item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
            self.list.addItem(item)

    def add_current(self) -> None:
        d = self.date.date()
        self.add_days([date(d.year(), d.month(), d.day())])

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))

    def add_list(self) -> None:
        dialog = DateListDialog(self.list_title, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_days(dialog.days)


class CentreSettingsDialog(QDialog):
    """Accepted once everything was checked by the core and saved; `supervisor_name` is the
    name in force afterwards."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Centre settings"))
        calendar = read_calendar(store)
        self.supervisor_name = get_supervisor(store)

        form = QFormLayout()
        self.name = QLineEdit(self.supervisor_name or "")
        self.name.setPlaceholderText(self.tr("recorded with every decision and task change"))
        form.addRow(self.tr("Supervisor's name"), self.name)
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.addItems(list(TIME_ZONES))
        self.timezone.setCurrentText(calendar.timezone)
        self.timezone.setToolTip(self.tr("Any IANA time zone name, such as Asia/Shanghai"))
        form.addRow(self.tr("Time zone"), self.timezone)

        deadlines = QGroupBox(self.tr("Working days to rectify"))
        grid = QGridLayout(deadlines)
        words = CentreWords(self)
        self.deadline: dict[str, QSpinBox] = {}
        for column, severity in enumerate(SEVERITIES):
            spin = QSpinBox()
            spin.setRange(1, MAX_DAYS_IN_WINDOW)
            # a longer deadline set on the command line is shown as it is, not clipped
            spin.setMaximum(max(MAX_DAYS_IN_WINDOW, calendar.working_days[severity]))
            spin.setValue(calendar.working_days[severity])
            self.deadline[severity] = spin
            grid.addWidget(QLabel(words.severity(severity)), 0, column)
            grid.addWidget(spin, 1, column)

        self.holidays = DateListEditor(calendar.holidays, self.tr("Add holidays"))
        holidays = QGroupBox(self.tr("Holidays"))
        QVBoxLayout(holidays).addWidget(self.holidays)
        self.workdays = DateListEditor(calendar.workdays, self.tr("Add adjusted working days"))
        workdays = QGroupBox(self.tr("Adjusted working days (a Saturday or Sunday worked)"))
        QVBoxLayout(workdays).addWidget(self.workdays)
        lists = QHBoxLayout()
        lists.addWidget(holidays)
        lists.addWidget(workdays)

        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(deadlines)
        layout.addLayout(lists, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def calendar(self) -> CentreCalendar:
        return CentreCalendar(
            self.timezone.currentText().strip(),
            {severity: spin.value() for severity, spin in self.deadline.items()},
            tuple(self.holidays.days()),
            tuple(self.workdays.days()),
        )

    def accept(self) -> None:
        """Check everything through the core first; a refusal keeps the dialog open with
        the core's reason and writes nothing."""
        try:
            name = check_supervisor(self.name.text())
        except InspectorError as exc:
            return self._refuse(exc.message, self.name)
        try:
            # save_calendar checks the whole calendar before it writes any of it
            save_calendar(self.store, self.calendar())
            if name != self.supervisor_name:
                set_supervisor(self.store, name)
        except InspectorError as exc:
            return self._refuse(exc.message, None)
        self.supervisor_name = name
        super().accept()

    def _refuse(self, message: str, widget: QWidget | None) -> None:
        self.error.setText(message)
        if widget is not None:
            widget.setFocus()


__all__ = ["CentreSettingsDialog", "DateListDialog", "DateListEditor"]
