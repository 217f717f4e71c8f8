"""`inspector-app centre calendar | supervisor`: the time zone, rectification deadlines,
holidays and adjusted working days, and the supervisor's name."""

from __future__ import annotations

import re
import sys
from argparse import Namespace
from datetime import date

from inspector_app.cli.common import centre_store_from, print_json
from inspector_app.cli.main import EXIT_MISUSE

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DEADLINE = re.compile(r"\s*([A-Za-z]+)\s*=\s*(\d{1,4})\s*")


class _Misuse(Exception):
    """An option's value is not in the form the option takes (exit 2)."""


def _dates(option: str, values: list[str]) -> set[date]:
    days: set[date] = set()
    for value in values:
        try:
            # fromisoformat alone would also take 20261001 or 2026-W40-4
            if not _DATE.fullmatch(value.strip()):
                raise ValueError
            days.add(date.fromisoformat(value.strip()))
        except ValueError:
            raise _Misuse(f"{option} takes dates as YYYY-MM-DD, not {value!r}") from None
    return days


def _deadlines(values: list[str]) -> dict[str, int]:
    days: dict[str, int] = {}
    for value in values:
        m = _DEADLINE.fullmatch(value)
        if m is None:
            raise _Misuse(f"--deadline takes SEVERITY=DAYS such as high=2, not {value!r}")
        severity = m.group(1).lower()
        if severity in days:
            raise _Misuse(f"--deadline gives {severity} twice")
        days[severity] = int(m.group(2))
    return days


def _both(first: str, second: str, a: set[date], b: set[date]) -> None:
    clash = sorted(a & b)
    if clash:
        raise _Misuse(f"{clash[0].isoformat()} is given to both {first} and {second}")


def calendar(args: Namespace) -> int:
    from inspector_app.core.centre_settings import (
        CentreCalendar,
        calendar_to_json,
        read_calendar,
        save_calendar,
    )
    from inspector_app.core.errors import InputError

    try:
        deadlines = _deadlines(args.deadline)
        add_off = _dates("--holiday", args.holiday)
        drop_off = _dates("--no-holiday", args.no_holiday)
        add_on = _dates("--workday", args.workday)
        drop_on = _dates("--no-workday", args.no_workday)
        _both("--holiday", "--no-holiday", add_off, drop_off)
        _both("--workday", "--no-workday", add_on, drop_on)
        if args.timezone is not None and not args.timezone.strip():
            raise _Misuse("--timezone needs a time zone name such as Asia/Shanghai")
    except _Misuse as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_MISUSE

    store = centre_store_from(args)
    before = read_calendar(store)
    # removing a date that is not listed is most likely a mistyped date: say so
    for word, dropped, listed in (
        ("a holiday", drop_off, before.holidays),
        ("an adjusted working day", drop_on, before.workdays),
    ):
        missing = sorted(dropped - set(listed))
        if missing:
            raise InputError(f"{missing[0].isoformat()} is not {word}: nothing was changed")
    wanted = CentreCalendar(
        args.timezone if args.timezone is not None else before.timezone,
        {**before.working_days, **deadlines},
        tuple((set(before.holidays) | add_off) - drop_off),
        tuple((set(before.workdays) | add_on) - drop_on),
    )
    now = save_calendar(store, wanted)  # checks everything before writing anything
    if args.json:
        print_json(calendar_to_json(now))
        return 0
    print(f"time zone: {now.timezone}")
    days = now.working_days
    print(
        f"working days to rectify: high {days['high']} · medium {days['medium']} · "
        f"low {days['low']}"
    )
    for title, listed in (("holidays", now.holidays), ("adjusted working days", now.workdays)):
        print(f"{title}: {len(listed) or 'none'}")
        for day in listed:
            print(f"  {day.isoformat()} {day:%a}")
    return 0


def supervisor(args: Namespace) -> int:
    from inspector_app.core.centre_settings import get_supervisor, set_supervisor

    store = centre_store_from(args)
    if args.name is None:
        name = get_supervisor(store)
        if name is None:
            print(
                "no supervisor is named yet; name one with: inspector-app centre supervisor NAME",
                file=sys.stderr,
            )
            return 0
        print(name)
        return 0
    print(set_supervisor(store, args.name))
    return 0
