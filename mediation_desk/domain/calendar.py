"""Working days in mainland China, for the 治安调解 clocks (DOMAIN §9).

A working day skips weekends and the official public holidays and counts the make-up
working days (调休, a Saturday or Sunday worked in exchange for a longer holiday).  The
State Council publishes each year's schedule only in the November before, so no rule can
compute it: the dates come from the maintained `chinese-calendar` library, and the station
can override any single date in its settings (a year the installed library does not know
yet, or a local change).

This is the only domain module allowed to import `chinese_calendar`; the rest of the
domain asks a `WorkingCalendar`.  For a year the library does not know, a weekday is
guessed to be a working day and a weekend day a day off, and `knows` / `covers` /
`unknown_dates_in` say so, so the UI can warn that a date lies outside what the calendar
knows instead of presenting a guess as fact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Final

try:
    import chinese_calendar as _library
except ImportError:  # pragma: no cover - the dependency is declared in pyproject.toml
    # Without the library every date becomes a flagged guess rather than a crash at
    # start-up: the app still runs, and every working-day deadline shows as uncertain.
    _library = None

_ONE_DAY: Final = dt.timedelta(days=1)


def _chinese_holiday_name(english: str) -> str:
    """The library names holidays in English; its `Holiday` enum carries the Chinese."""
    try:
        return _library.Holiday(english).chinese  # type: ignore[union-attr]
    except (AttributeError, ValueError):
        # A holiday added to the library after this code was written: its English name
        # is better than nothing on screen.
        return english


def _days(a: dt.date, b: dt.date) -> Iterator[dt.date]:
    """Every date in the closed interval [min(a, b), max(a, b)]."""
    day, last = min(a, b), max(a, b)
    while day <= last:
        yield day
        day += _ONE_DAY


class WorkingCalendar:
    """Which dates are working days: station overrides, then the library, then a guess.

    `overrides` maps a date to True (a working day) or False (a day off); it wins over the
    library.  The calendar keeps no state beyond a per-year note of what the library
    knows, so one instance can be shared by the UI and the background worker.
    """

    def __init__(self, overrides: Mapping[dt.date, bool] | None = None) -> None:
        # Copied so that later edits to the settings dict cannot change answers already
        # given (a deadline computed a minute ago must not move under the user's eyes).
        self._overrides: Mapping[dt.date, bool] = MappingProxyType(dict(overrides or {}))
        self._library_years: dict[int, bool] = {}

    @property
    def overrides(self) -> Mapping[dt.date, bool]:
        """The station's overrides, read-only."""
        return self._overrides

    # ------------------------------------------------------------- the library
    def _library_knows_year(self, year: int) -> bool:
        known = self._library_years.get(year)
        if known is None:
            if _library is None:
                known = False
            else:
                # The library signals a year it has no schedule for with
                # NotImplementedError; asking once per year keeps that out of loops.
                try:
                    _library.is_workday(dt.date(year, 1, 1))
                    known = True
                except NotImplementedError:
                    known = False
            self._library_years[year] = known
        return known

    def _library_detail(self, d: dt.date) -> tuple[bool, str | None] | None:
        """(day off, English holiday name) from the library, or None if it cannot say."""
        if not self._library_knows_year(d.year):
            return None
        return _library.get_holiday_detail(d)  # type: ignore[union-attr]

    # ------------------------------------------------------------------ queries
    def is_working_day(self, d: dt.date) -> bool:
        """True if people work on `d` (a weekday that is no holiday, or a 调休 day)."""
        override = self._overrides.get(d)
        if override is not None:
            return override
        detail = self._library_detail(d)
        if detail is not None:
            day_off, _name = detail
            return not day_off
        # A guess; `knows(d)` reports it as one.
        return d.weekday() < 5

    def knows(self, d: dt.date) -> bool:
        """True if `d` is settled by an override or by the library, False if guessed."""
        return d in self._overrides or self._library_knows_year(d.year)

    def covers(self, a: dt.date, b: dt.date) -> bool:
        """True if every date between `a` and `b` (inclusive, either order) is known."""
        first, last = min(a, b), max(a, b)
        for year in range(first.year, last.year + 1):
            if self._library_knows_year(year):
                continue
            # Only a year the library lacks needs a date-by-date look at the overrides.
            start = max(first, dt.date(year, 1, 1))
            end = min(last, dt.date(year, 12, 31))
            if any(day not in self._overrides for day in _days(start, end)):
                return False
        return True

    def unknown_dates_in(self, a: dt.date, b: dt.date) -> list[dt.date]:
        """The guessed dates between `a` and `b` (inclusive, either order), in order."""
        return [day for day in _days(a, b) if not self.knows(day)]

    def holiday_name(self, d: dt.date) -> str | None:
        """The holiday `d` is a day off for, in Chinese (e.g. 国庆节), else None.

        None on an ordinary weekend, on a working day (including a 调休 day, see
        `makeup_for`) and on a day off that only a station override makes one.
        """
        if self._overrides.get(d) is True:
            return None
        detail = self._library_detail(d)
        if detail is None:
            return None
        day_off, name = detail
        return _chinese_holiday_name(name) if day_off and name else None

    def makeup_for(self, d: dt.date) -> str | None:
        """The holiday a 调休 make-up working day pays for (e.g. 国庆节), else None."""
        if self._overrides.get(d) is False:
            return None
        detail = self._library_detail(d)
        if detail is None:
            return None
        day_off, name = detail
        # The library names a working day only when it is on its list of make-up days.
        return _chinese_holiday_name(name) if not day_off and name else None

    # -------------------------------------------------------------- arithmetic
    def next_working_day(self, d: dt.date) -> dt.date:
        """The first working day strictly after `d`."""
        day = d + _ONE_DAY
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after `start` (n >= 0); `start` itself when n is 0.

        `start` does not count, as a legal period does not count the day it begins on
        (Civil Procedure Law art. 85): acceptance on a Friday plus 3 working days is the
        following Wednesday, whether or not Friday was itself a working day.
        """
        if n < 0:
            raise ValueError(f"n must be 0 or more, got {n}")
        day = start
        for _ in range(n):
            day = self.next_working_day(day)
        return day

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days in (a, b]; negative (the count in (b, a]) when b is before a."""
        if b < a:
            return -self.working_days_between(b, a)
        if a == b:
            return 0
        return sum(1 for day in _days(a + _ONE_DAY, b) if self.is_working_day(day))
