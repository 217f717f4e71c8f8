"""Working-day deadlines: weekends and the centre's holidays skipped, China's adjusted
working days (a Saturday or Sunday worked in exchange for a holiday bridge) counted.

Settings (JSON, kept with the data): `rectification.working_days` — working days per
severity, `centre.holidays` — ISO dates off, `centre.workdays` — weekend ISO dates worked.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from inspector_app.core.errors import InputError
from inspector_app.core.settings import get_setting, set_setting
from inspector_app.core.store import Store

WORKING_DAYS_SETTING = "rectification.working_days"
HOLIDAYS_SETTING = "centre.holidays"
WORKDAYS_SETTING = "centre.workdays"
SEVERITIES = ("high", "medium", "low")
DEFAULT_WORKING_DAYS: dict[str, int] = {"high": 2, "medium": 5, "low": 10}
#: a deadline further than this many working days away is a typing slip, not a policy
MAX_WORKING_DAYS = 250


def is_working_day(day: date, holidays: Iterable[date] = (), workdays: Iterable[date] = ()) -> bool:
    """Monday–Friday unless a holiday; Saturday/Sunday only when an adjusted working day.
    An adjusted working day wins over a holiday on the same date (it cannot be both once
    the settings' checks passed; this order keeps the function total anyway)."""
    if day in set(workdays):
        return True
    return day.weekday() < 5 and day not in set(holidays)


def add_working_days(
    start: date, n: int, holidays: Iterable[date] = (), workdays: Iterable[date] = ()
) -> date:
    """The day `n` working days after `start` (`start` itself is not counted, so a task
    accepted on Friday with n=1 is due the next working day); n=0 gives `start`."""
    if n < 0:
        raise InputError(f"working days must not be negative (got {n})")
    off, on = frozenset(holidays), frozenset(workdays)
    day = start
    left = n
    while left > 0:
        day += timedelta(days=1)
        if day in on or (day.weekday() < 5 and day not in off):
            left -= 1
    return day


@dataclass(frozen=True)
class WorkCalendar:
    """The centre's calendar and deadline policy, read once from the settings."""

    working_days: Mapping[str, int]
    holidays: frozenset[date]
    workdays: frozenset[date]

    def deadline(self, severity: str, start: date) -> date:
        if severity not in self.working_days:
            raise InputError(f"{severity!r} is not a severity: use high, medium or low")
        return add_working_days(start, self.working_days[severity], self.holidays, self.workdays)


# --- settings -----------------------------------------------------------------------------


def _loads(name: str, raw: str) -> object:
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"setting {name} is not JSON: {exc.msg}") from None


def parse_working_days(value: object, *, source: str = WORKING_DAYS_SETTING) -> dict[str, int]:
    """{"high": n, "medium": n, "low": n}; missing severities take their defaults."""
    if not isinstance(value, Mapping):
        raise InputError(f"{source} must be an object like {json.dumps(DEFAULT_WORKING_DAYS)}")
    result = dict(DEFAULT_WORKING_DAYS)
    for key, n in value.items():
        if key not in SEVERITIES:
            raise InputError(f"{source}: {key!r} is not a severity (use high, medium, low)")
        if isinstance(n, bool) or not isinstance(n, int):
            raise InputError(f"{source}: {key} must be a whole number of working days")
        if not 1 <= n <= MAX_WORKING_DAYS:
            raise InputError(f"{source}: {key} must be between 1 and {MAX_WORKING_DAYS} days")
        result[key] = n
    return result


def parse_dates(value: object, *, source: str) -> frozenset[date]:
    """A JSON list of ISO dates (YYYY-MM-DD)."""
    if not isinstance(value, list):
        raise InputError(f"{source} must be a list of dates (YYYY-MM-DD)")
    days: set[date] = set()
    for item in value:
        if isinstance(item, date):
            days.add(item)
            continue
        if not isinstance(item, str):
            raise InputError(f"{source}: {item!r} is not a date (YYYY-MM-DD)")
        try:
            days.add(date.fromisoformat(item.strip()))
        except ValueError:
            raise InputError(f"{source}: {item!r} is not a date (YYYY-MM-DD)") from None
    return frozenset(days)


def check_adjusted_workdays(workdays: frozenset[date], holidays: frozenset[date]) -> None:
    weekdays = sorted(d for d in workdays if d.weekday() < 5)
    if weekdays:
        raise InputError(
            f"{WORKDAYS_SETTING}: {weekdays[0].isoformat()} is a {weekdays[0]:%A}; only "
            "Saturdays and Sundays can be adjusted working days"
        )
    both = sorted(workdays & holidays)
    if both:
        raise InputError(f"{both[0].isoformat()} cannot be both a holiday and a working day")


def get_working_days(store: Store) -> dict[str, int]:
    raw = get_setting(store, WORKING_DAYS_SETTING)
    if raw is None:
        return dict(DEFAULT_WORKING_DAYS)
    return parse_working_days(_loads(WORKING_DAYS_SETTING, raw))


def set_working_days(store: Store, value: Mapping[str, int]) -> dict[str, int]:
    days = parse_working_days(dict(value))
    set_setting(store, WORKING_DAYS_SETTING, json.dumps(days, sort_keys=True))
    return days


def _get_dates(store: Store, name: str) -> frozenset[date]:
    raw = get_setting(store, name)
    return frozenset() if raw is None else parse_dates(_loads(name, raw), source=name)


def _dump(days: frozenset[date]) -> str:
    return json.dumps(sorted(d.isoformat() for d in days))


def get_holidays(store: Store) -> frozenset[date]:
    return _get_dates(store, HOLIDAYS_SETTING)


def set_holidays(store: Store, days: Iterable[date | str]) -> frozenset[date]:
    parsed = parse_dates(list(days), source=HOLIDAYS_SETTING)
    check_adjusted_workdays(_get_dates(store, WORKDAYS_SETTING), parsed)
    set_setting(store, HOLIDAYS_SETTING, _dump(parsed))
    return parsed


def get_adjusted_workdays(store: Store) -> frozenset[date]:
    return _get_dates(store, WORKDAYS_SETTING)


def set_adjusted_workdays(store: Store, days: Iterable[date | str]) -> frozenset[date]:
    parsed = parse_dates(list(days), source=WORKDAYS_SETTING)
    check_adjusted_workdays(parsed, _get_dates(store, HOLIDAYS_SETTING))
    set_setting(store, WORKDAYS_SETTING, _dump(parsed))
    return parsed


def work_calendar(store: Store) -> WorkCalendar:
    return WorkCalendar(get_working_days(store), get_holidays(store), get_adjusted_workdays(store))
