"""Words the review page and the rectification board share: categories, severities, review
decisions, task statuses, days to a deadline, and times in the command centre's zone."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

#: (background, text) for each board status: the colour backs up a word, never replaces it
STATUS_COLOURS = {
    "overdue": (QColor("#fde2e1"), QColor("#a4161a")),
    "open": (QColor("#e7eefb"), QColor("#1f3f7a")),
    "reported_fixed": (QColor("#fdf1d6"), QColor("#7a4b00")),
    "closed": (QColor("#e3f4e6"), QColor("#1f6b33")),
}
#: review decisions: the text colour of their mark and word
DECISION_COLOURS = {
    "pending": QColor("#1f3f7a"),
    "accepted": QColor("#1f6b33"),
    "rejected": QColor("#8a8f98"),
}
DECISION_MARKS = {"pending": "●", "accepted": "✓", "rejected": "✗"}


def centre_time(value: datetime, tz: ZoneInfo, *, seconds: bool = False) -> str:
    """A stored (UTC) time as the command centre reads it."""
    return value.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


class CentreWords(QObject):
    """Translated names of the command centre's values (one place for both pages)."""

    def category(self, category: str) -> str:
        return {
            "ads": self.tr("Public-service ads"),
            "sanitation": self.tr("Sanitation"),
            "order": self.tr("Order"),
        }.get(category, category)

    def severity(self, severity: str) -> str:
        return {
            "high": self.tr("high"),
            "medium": self.tr("medium"),
            "low": self.tr("low"),
        }.get(severity, severity)

    def decision(self, status: str) -> str:
        return {
            "pending": self.tr("pending"),
            "accepted": self.tr("accepted"),
            "rejected": self.tr("rejected"),
        }.get(status, status)

    def task_status(self, status: str) -> str:
        return {
            "open": self.tr("Open"),
            "reported_fixed": self.tr("Reported fixed"),
            "closed": self.tr("Closed"),
            "overdue": self.tr("Overdue"),
        }.get(status, status)

    def days_left(self, deadline: date, today: date, *, closed: bool = False) -> str:
        """ "3 days left", "due today", "2 days overdue" (nothing for a closed task)."""
        if closed:
            return ""
        days = (deadline - today).days
        if days == 0:
            return self.tr("due today")
        if days > 0:
            return self.tr("%n day(s) left", "", days)
        return self.tr("%n day(s) overdue", "", -days)
