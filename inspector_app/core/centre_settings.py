"""The settings a supervisor changes: the centre's time zone, working days per severity,
holidays, adjusted working days and their own name, checked together and saved together."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from inspector_app.core.errors import InputError
from inspector_app.core.periods import TIMEZONE_SETTING, centre_timezone, parse_timezone
from inspector_app.core.settings import get_setting, set_setting
from inspector_app.core.store import Store
from inspector_app.core.workdays import (
    HOLIDAYS_SETTING,
    SEVERITIES,
    WORKDAYS_SETTING,
    WORKING_DAYS_SETTING,
    check_adjusted_workdays,
    get_adjusted_workdays,
    get_holidays,
    get_working_days,
    parse_dates,
    parse_working_days,
)

SUPERVISOR_SETTING = "centre.supervisor"
#: a name longer than this is a paste gone wrong, not a person's name
MAX_NAME_LENGTH = 60


@dataclass(frozen=True)
class CentreCalendar:
    """The calendar in force: deadlines follow it, briefings use its time zone."""

    timezone: str
    working_days: Mapping[str, int]
    holidays: tuple[date, ...]
    workdays: tuple[date, ...]


def read_calendar(store: Store) -> CentreCalendar:
    return CentreCalendar(
        centre_timezone(store).key,
        get_working_days(store),
        tuple(sorted(get_holidays(store))),
        tuple(sorted(get_adjusted_workdays(store))),
    )


def check_calendar(
    timezone: str,
    working_days: Mapping[str, object],
    holidays: Iterable[date | str],
    workdays: Iterable[date | str],
) -> CentreCalendar:
    """The whole calendar checked at once (InputError naming the first bad value)."""
    zone = parse_timezone(timezone).key
    days = parse_working_days(dict(working_days))
    off = parse_dates(list(holidays), source="holidays")
    on = parse_dates(list(workdays), source="adjusted working days")
    check_adjusted_workdays(on, off)
    return CentreCalendar(zone, days, tuple(sorted(off)), tuple(sorted(on)))


def save_calendar(store: Store, calendar: CentreCalendar) -> CentreCalendar:
    """Check the calendar, then write the settings that changed; nothing is written when
    any value is refused. The lists are written as plain settings once checked together:
    set_holidays / set_adjusted_workdays check each against the other's stored value, which
    refuses a date moved from one list to the other in the same change."""
    checked = check_calendar(
        calendar.timezone, calendar.working_days, calendar.holidays, calendar.workdays
    )
    values = {
        TIMEZONE_SETTING: checked.timezone,
        WORKING_DAYS_SETTING: json.dumps(dict(checked.working_days), sort_keys=True),
        HOLIDAYS_SETTING: json.dumps([d.isoformat() for d in checked.holidays]),
        WORKDAYS_SETTING: json.dumps([d.isoformat() for d in checked.workdays]),
    }
    before = read_calendar(store)
    same = {
        TIMEZONE_SETTING: before.timezone == checked.timezone,
        WORKING_DAYS_SETTING: dict(before.working_days) == dict(checked.working_days),
        HOLIDAYS_SETTING: before.holidays == checked.holidays,
        WORKDAYS_SETTING: before.workdays == checked.workdays,
    }
    for name, value in values.items():
        if not same[name]:  # an unchanged value leaves no audit event
            set_setting(store, name, value)
    return checked


def calendar_to_json(calendar: CentreCalendar) -> dict[str, object]:
    return {
        "timezone": calendar.timezone,
        "working_days": {s: calendar.working_days[s] for s in SEVERITIES},
        "holidays": [d.isoformat() for d in calendar.holidays],
        "workdays": [d.isoformat() for d in calendar.workdays],
    }


def parse_date_lines(text: str) -> tuple[list[date], list[str]]:
    """Dates from a pasted list or a text file, one YYYY-MM-DD a line (blank lines and
    `#` comments skipped): the dates, and each bad line as "line N: text"."""
    days: list[date] = []
    bad: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            if len(line) != 10:  # fromisoformat alone would also take 20261001 or 2026-W40-4
                raise ValueError
            days.append(date.fromisoformat(line))
        except ValueError:
            bad.append(f"line {number}: {raw.strip()}")
    return days, bad


def get_supervisor(store: Store) -> str | None:
    name = get_setting(store, SUPERVISOR_SETTING)
    return name.strip() if name and name.strip() else None


def check_supervisor(name: str) -> str:
    value = name.strip()
    if not value:
        raise InputError("the supervisor's name must not be empty")
    if len(value) > MAX_NAME_LENGTH:
        raise InputError(f"the supervisor's name is longer than {MAX_NAME_LENGTH} characters")
    if any(not c.isprintable() for c in value):
        raise InputError("the supervisor's name must be one line of printable characters")
    return value


def set_supervisor(store: Store, name: str) -> str:
    """Name the supervisor: everything done in the centre's role from now on records it."""
    value = check_supervisor(name)
    set_setting(store, SUPERVISOR_SETTING, value)
    return value
