"""The working calendar: library facts for 2025/2026, station overrides, flagged guesses."""

from __future__ import annotations

import ast
import datetime as dt
import sys
from pathlib import Path

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mediation_desk.domain as domain_package
import mediation_desk.domain.calendar as calendar_module
from mediation_desk.domain.calendar import WorkingCalendar

D = dt.date
# Far enough ahead that no release of the library will know it while this code lives.
UNKNOWN_YEAR = 2199

CALENDAR = WorkingCalendar()


def days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def imports_of(path: Path) -> set[str]:
    imported: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    return imported


# ------------------------------------------------------------------- purity
def test_calendar_imports_only_the_standard_library_and_chinese_calendar() -> None:
    for name in imports_of(Path(calendar_module.__file__)):
        assert (
            name.split(".")[0] in sys.stdlib_module_names
            or name == "__future__"
            or name.startswith("mediation_desk.domain")
            or name == "chinese_calendar"
        ), name


def test_no_other_domain_module_imports_the_library() -> None:
    # The rest of the domain asks WorkingCalendar, so a library swap touches one file.
    for path in Path(domain_package.__file__).parent.glob("*.py"):
        if path.name == "calendar.py":
            continue
        assert not any(name.split(".")[0] == "chinese_calendar" for name in imports_of(path)), (
            path.name
        )


# ----------------------------------------------------------- library facts
@pytest.mark.parametrize("day", days(D(2025, 10, 1), D(2025, 10, 8)))
def test_national_day_2025_is_off(day: dt.date) -> None:
    assert not CALENDAR.is_working_day(day)
    assert CALENDAR.knows(day)
    assert chinese_calendar.is_holiday(day)  # the library agrees with us about itself


def test_national_day_2025_names() -> None:
    assert CALENDAR.holiday_name(D(2025, 10, 1)) == "国庆节"
    # In 2025 the Mid-autumn festival fell inside the National Day week.
    assert CALENDAR.holiday_name(D(2025, 10, 6)) == "中秋"
    assert CALENDAR.holiday_name(D(2025, 10, 9)) is None  # back at work
    assert CALENDAR.holiday_name(D(2025, 10, 12)) is None  # an ordinary Sunday


@pytest.mark.parametrize(
    ("day", "holiday"),
    [
        (D(2025, 9, 28), "国庆节"),  # Sunday
        (D(2025, 10, 11), "国庆节"),  # Saturday
        (D(2026, 1, 4), "元旦"),  # Sunday
        (D(2026, 2, 14), "春节"),  # Saturday
        (D(2026, 2, 28), "春节"),  # Saturday
    ],
)
def test_make_up_weekend_days_are_working_days(day: dt.date, holiday: str) -> None:
    assert day.weekday() >= 5
    assert chinese_calendar.is_workday(day)
    assert CALENDAR.is_working_day(day)
    assert CALENDAR.makeup_for(day) == holiday
    assert CALENDAR.holiday_name(day) is None


def test_ordinary_days() -> None:
    assert CALENDAR.is_working_day(D(2025, 9, 26))  # a Friday
    assert not CALENDAR.is_working_day(D(2025, 9, 27))  # a Saturday not worked
    assert CALENDAR.makeup_for(D(2025, 9, 26)) is None
    assert CALENDAR.makeup_for(D(2025, 9, 27)) is None
    assert CALENDAR.makeup_for(D(2025, 10, 1)) is None


def test_new_year_and_spring_festival_2026() -> None:
    assert [CALENDAR.is_working_day(d) for d in days(D(2025, 12, 31), D(2026, 1, 5))] == [
        True,  # Wed 31 Dec
        False,  # Thu 1 Jan 元旦
        False,  # Fri 2 Jan
        False,  # Sat 3 Jan
        True,  # Sun 4 Jan, 调休
        True,  # Mon 5 Jan
    ]
    spring = days(D(2026, 2, 15), D(2026, 2, 23))
    assert not any(CALENDAR.is_working_day(d) for d in spring)
    assert {CALENDAR.holiday_name(d) for d in spring} == {"春节"}


def test_the_library_knows_2025_and_2026_and_not_the_far_future() -> None:
    assert CALENDAR.knows(D(2025, 1, 1))
    assert CALENDAR.knows(D(2026, 12, 31))
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(D(UNKNOWN_YEAR, 1, 1))
    assert not CALENDAR.knows(D(UNKNOWN_YEAR, 1, 1))


# ----------------------------------------------------------------- guesses
def test_an_unknown_year_is_guessed_from_the_weekday() -> None:
    monday = D(UNKNOWN_YEAR, 10, 7)
    assert monday.weekday() == 0
    week = days(monday, monday + dt.timedelta(days=6))
    assert [CALENDAR.is_working_day(d) for d in week] == [True] * 5 + [False] * 2
    assert not any(CALENDAR.knows(d) for d in week)
    # A guess names no holiday, even on 1 October.
    assert CALENDAR.holiday_name(D(UNKNOWN_YEAR, 10, 1)) is None


def test_covers_and_unknown_dates() -> None:
    assert CALENDAR.covers(D(2025, 1, 1), D(2026, 12, 31))
    assert CALENDAR.unknown_dates_in(D(2025, 12, 1), D(2026, 1, 31)) == []
    start, end = D(UNKNOWN_YEAR - 1, 12, 30), D(UNKNOWN_YEAR, 1, 2)
    assert not CALENDAR.covers(start, end)
    assert not CALENDAR.covers(end, start)  # either order
    assert CALENDAR.unknown_dates_in(end, start) == days(start, end)
    assert CALENDAR.unknown_dates_in(D(UNKNOWN_YEAR, 3, 3), D(UNKNOWN_YEAR, 3, 3)) == [
        D(UNKNOWN_YEAR, 3, 3)
    ]


def test_overrides_fill_an_unknown_year() -> None:
    first_week = days(D(UNKNOWN_YEAR, 1, 1), D(UNKNOWN_YEAR, 1, 7))
    station = WorkingCalendar({d: d.day > 3 for d in first_week})
    assert station.covers(first_week[0], first_week[-1])
    assert station.unknown_dates_in(first_week[0], D(UNKNOWN_YEAR, 1, 8)) == [D(UNKNOWN_YEAR, 1, 8)]
    assert [station.is_working_day(d) for d in first_week[:4]] == [False, False, False, True]
    assert all(station.knows(d) for d in first_week)


# --------------------------------------------------------------- overrides
def test_overrides_win_over_the_library() -> None:
    national_day = D(2025, 10, 1)
    ordinary_monday = D(2025, 10, 13)
    makeup_sunday = D(2025, 9, 28)
    station = WorkingCalendar({national_day: True, ordinary_monday: False, makeup_sunday: False})
    assert station.is_working_day(national_day)
    assert station.holiday_name(national_day) is None  # worked, so no holiday today
    assert not station.is_working_day(ordinary_monday)
    assert station.holiday_name(ordinary_monday) is None  # a station day off has no name
    assert not station.is_working_day(makeup_sunday)
    assert station.makeup_for(makeup_sunday) is None
    assert station.knows(ordinary_monday)
    # The calendar without overrides is unchanged.
    assert not CALENDAR.is_working_day(national_day)


def test_overrides_are_copied() -> None:
    settings_dict = {D(2025, 10, 13): False}
    station = WorkingCalendar(settings_dict)
    settings_dict[D(2025, 10, 13)] = True
    settings_dict[D(2025, 10, 14)] = False
    assert not station.is_working_day(D(2025, 10, 13))
    assert station.is_working_day(D(2025, 10, 14))
    with pytest.raises(TypeError):
        station.overrides[D(2025, 10, 15)] = False  # type: ignore[index]


# -------------------------------------------------------------- arithmetic
def test_add_working_days_examples() -> None:
    # Acceptance just before New Year: 31 Dec, Sun 4 Jan (调休), Mon 5 Jan.
    assert CALENDAR.add_working_days(D(2025, 12, 30), 3) == D(2026, 1, 5)
    # Before National Day: 30 Sep, then the week off, then 9 and 10 Oct.
    assert CALENDAR.add_working_days(D(2025, 9, 29), 3) == D(2025, 10, 10)
    # From a Saturday off, counting starts on Monday.
    assert CALENDAR.add_working_days(D(2025, 9, 27), 1) == D(2025, 9, 28)  # make-up Sunday
    assert CALENDAR.add_working_days(D(2025, 10, 18), 3) == D(2025, 10, 22)


def test_add_zero_working_days_is_the_start_even_on_a_holiday() -> None:
    assert CALENDAR.add_working_days(D(2025, 10, 1), 0) == D(2025, 10, 1)


def test_add_negative_working_days_is_refused() -> None:
    with pytest.raises(ValueError):
        CALENDAR.add_working_days(D(2025, 10, 1), -1)


def test_next_working_day() -> None:
    assert CALENDAR.next_working_day(D(2026, 2, 13)) == D(2026, 2, 14)  # make-up Saturday
    assert CALENDAR.next_working_day(D(2026, 2, 14)) == D(2026, 2, 24)  # after 春节
    assert CALENDAR.next_working_day(D(2025, 9, 26)) == D(2025, 9, 28)


def test_working_days_between_examples() -> None:
    assert CALENDAR.working_days_between(D(2025, 9, 30), D(2025, 10, 8)) == 0
    assert CALENDAR.working_days_between(D(2025, 9, 26), D(2025, 10, 12)) == 6
    assert CALENDAR.working_days_between(D(2025, 10, 12), D(2025, 9, 26)) == -6
    assert CALENDAR.working_days_between(D(2025, 10, 9), D(2025, 10, 9)) == 0
    # (a, b]: a working start day is not counted, a working end day is.
    assert CALENDAR.working_days_between(D(2025, 10, 9), D(2025, 10, 10)) == 1


# --------------------------------------------------------------- properties
# From before the library's last year to well into the guessed years after it.
dates = st.dates(min_value=D(2024, 1, 1), max_value=D(2028, 12, 31))
steps = st.integers(min_value=0, max_value=40)
override_maps = st.dictionaries(
    st.dates(min_value=D(2025, 1, 1), max_value=D(2028, 12, 31)), st.booleans(), max_size=30
)
property_settings = settings(max_examples=150, deadline=None)


@property_settings
@given(start=dates, n=st.integers(min_value=1, max_value=40), overrides=override_maps)
def test_the_result_of_adding_working_days_is_a_working_day(
    start: dt.date, n: int, overrides: dict[dt.date, bool]
) -> None:
    calendar = WorkingCalendar(overrides)
    assert calendar.is_working_day(calendar.add_working_days(start, n))


@property_settings
@given(start=dates, n=steps, overrides=override_maps)
def test_working_days_between_inverts_adding(
    start: dt.date, n: int, overrides: dict[dt.date, bool]
) -> None:
    calendar = WorkingCalendar(overrides)
    end = calendar.add_working_days(start, n)
    assert calendar.working_days_between(start, end) == n
    assert calendar.working_days_between(end, start) == -n


@property_settings
@given(start=dates, n=steps, overrides=override_maps)
def test_adding_working_days_is_strictly_monotonic(
    start: dt.date, n: int, overrides: dict[dt.date, bool]
) -> None:
    calendar = WorkingCalendar(overrides)
    assert calendar.add_working_days(start, n) < calendar.add_working_days(start, n + 1)
    assert calendar.add_working_days(start, n + 1) == calendar.next_working_day(
        calendar.add_working_days(start, n)
    )


@property_settings
@given(a=dates, b=dates)
def test_covers_agrees_with_unknown_dates(a: dt.date, b: dt.date) -> None:
    assert CALENDAR.covers(a, b) == (CALENDAR.unknown_dates_in(a, b) == [])
