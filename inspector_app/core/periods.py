"""The command centre's calendar: its time zone (a setting, default Asia/Shanghai) and the
days, ISO weeks (Monday first) and months that briefings cover, as UTC ranges (DESIGN §9)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from inspector_app.core.errors import InputError
from inspector_app.core.settings import get_setting, set_setting
from inspector_app.core.store import Store

TIMEZONE_SETTING = "centre.timezone"
DEFAULT_TIMEZONE = "Asia/Shanghai"
PERIOD_KINDS = ("day", "week", "month")


def parse_timezone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(f"{name!r} is not a time zone name (such as Asia/Shanghai)") from None


def centre_timezone(store: Store) -> ZoneInfo:
    return parse_timezone(get_setting(store, TIMEZONE_SETTING) or DEFAULT_TIMEZONE)


def set_centre_timezone(store: Store, name: str) -> None:
    set_setting(store, TIMEZONE_SETTING, parse_timezone(name).key)


def centre_today(store: Store, now: datetime | None = None) -> date:
    """Today's date in the command centre's time zone."""
    return (now or datetime.now(UTC)).astimezone(centre_timezone(store)).date()


@dataclass(frozen=True)
class Period:
    """A day, an ISO week or a month of the centre's calendar: [first, last] as dates and
    [start, end) as UTC instants."""

    kind: str
    first: date
    last: date
    start: datetime
    end: datetime
    label: str  # 2026-11-26 · 2026-W48 · 2026-11

    def previous(self, tz: ZoneInfo) -> Period:
        return period_of(self.kind, self.first - timedelta(days=1), tz)

    def contains(self, when: datetime) -> bool:
        return self.start <= when < self.end


def _utc_midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)


def period_of(kind: str, day: date, tz: ZoneInfo) -> Period:
    """The period of `kind` (day / week / month) that holds `day`."""
    if kind == "day":
        first = last = day
        label = day.isoformat()
    elif kind == "week":
        first = day - timedelta(days=day.weekday())
        last = first + timedelta(days=6)
        year, week, _ = day.isocalendar()
        label = f"{year}-W{week:02d}"
    elif kind == "month":
        first = day.replace(day=1)
        after = (first + timedelta(days=32)).replace(day=1)
        last = after - timedelta(days=1)
        label = f"{day.year}-{day.month:02d}"
    else:
        raise InputError(f"{kind!r} is not a period: use day, week or month")
    return Period(
        kind, first, last, _utc_midnight(first, tz), _utc_midnight(last + timedelta(1), tz), label
    )
