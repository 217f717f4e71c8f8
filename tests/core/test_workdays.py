"""Working-day deadlines: weekends, holidays and adjusted working days; the settings'
checks refuse bad values and change nothing."""

from __future__ import annotations

from datetime import date

import pytest

from inspector_app.core import workdays as wd
from inspector_app.core.errors import InputError
from inspector_app.core.settings import get_setting, set_setting
from inspector_app.core.store import Store

FRI = date(2026, 11, 27)


def test_weekends_are_skipped_and_start_is_not_counted() -> None:
    assert wd.add_working_days(FRI, 0) == FRI
    assert wd.add_working_days(FRI, 1) == date(2026, 11, 30)  # Monday
    assert wd.add_working_days(FRI, 5) == date(2026, 12, 4)
    assert wd.add_working_days(date(2026, 11, 28), 1) == date(2026, 11, 30)  # from a Saturday


def test_holidays_skipped_and_adjusted_weekend_days_counted() -> None:
    national_day = [date(2026, 10, d) for d in range(1, 8)]  # Thursday 1st .. Wednesday 7th
    adjusted = [date(2026, 9, 27), date(2026, 10, 10)]  # a Sunday and a Saturday worked
    wed = date(2026, 9, 30)
    assert wd.add_working_days(wed, 1, national_day, adjusted) == date(2026, 10, 8)
    assert wd.add_working_days(wed, 3, national_day, adjusted) == date(2026, 10, 10)
    assert wd.add_working_days(date(2026, 9, 25), 1, national_day, adjusted) == date(2026, 9, 27)
    assert wd.is_working_day(date(2026, 10, 10), national_day, adjusted)
    assert not wd.is_working_day(date(2026, 10, 2), national_day, adjusted)
    with pytest.raises(InputError, match="negative"):
        wd.add_working_days(wed, -1)


def test_deadline_settings_default_validate_and_apply(store: Store) -> None:
    assert wd.get_working_days(store) == {"high": 2, "medium": 5, "low": 10}
    assert wd.set_working_days(store, {"high": 3}) == {"high": 3, "medium": 5, "low": 10}
    for bad, message in (
        ({"urgent": 1}, "not a severity"),
        ({"high": 0}, "between 1 and"),
        ({"low": 251}, "between 1 and"),
        ({"high": "2"}, "whole number"),
        ({"high": True}, "whole number"),
    ):
        with pytest.raises(InputError, match=message):
            wd.set_working_days(store, bad)  # type: ignore[arg-type]
    assert wd.get_working_days(store)["high"] == 3
    wd.set_holidays(store, ["2026-12-01", date(2026, 12, 2)])
    assert wd.get_holidays(store) == {date(2026, 12, 1), date(2026, 12, 2)}
    cal = wd.work_calendar(store)
    assert cal.deadline("high", FRI) == date(2026, 12, 4)  # Mon 30, (1st, 2nd off), Thu 3, Fri 4
    with pytest.raises(InputError, match="not a severity"):
        cal.deadline("urgent", FRI)


def test_bad_dates_are_refused_and_nothing_changes(store: Store) -> None:
    wd.set_holidays(store, ["2026-10-01"])
    before = get_setting(store, wd.HOLIDAYS_SETTING)
    with pytest.raises(InputError, match="not a date"):
        wd.set_holidays(store, ["2026-13-01"])
    with pytest.raises(InputError, match="not a date"):
        wd.set_holidays(store, [20261001])  # type: ignore[list-item]
    with pytest.raises(InputError, match="only Saturdays and Sundays"):
        wd.set_adjusted_workdays(store, ["2026-10-12"])  # a Monday
    wd.set_adjusted_workdays(store, ["2026-10-10"])
    with pytest.raises(InputError, match="both a holiday and a working day"):
        wd.set_holidays(store, ["2026-10-10"])
    assert get_setting(store, wd.HOLIDAYS_SETTING) == before
    assert wd.get_adjusted_workdays(store) == {date(2026, 10, 10)}


def test_a_damaged_setting_is_named(store: Store) -> None:
    set_setting(store, wd.WORKING_DAYS_SETTING, "{not json")
    with pytest.raises(InputError, match=r"rectification\.working_days is not JSON"):
        wd.get_working_days(store)
    set_setting(store, wd.HOLIDAYS_SETTING, '{"a": 1}')
    with pytest.raises(InputError, match=r"centre\.holidays must be a list"):
        wd.get_holidays(store)
