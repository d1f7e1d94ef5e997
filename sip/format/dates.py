"""Dates as the format writes them (YYYY-MM-DD): the one reader every step uses."""

from __future__ import annotations

import datetime as dt
import re

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


# Dates a plan may hold, and sip may judge plans on: far enough from the ends of Python's
# calendar (year 9999) that adding a deadline or a notice period never overflows it.
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2999, 12, 31)


class DateError(ValueError):
    """Not a date. `impossible` is True for a date written right that does not exist
    (2026-02-30): the message can say so rather than ask for the form. `out_of_range` is
    True for a real date before EARLIEST or after LATEST."""

    def __init__(self, value: object, impossible: bool, out_of_range: bool = False) -> None:
        super().__init__(
            f"{value!r} is not a date between {EARLIEST} and {LATEST}"
            if out_of_range
            else f"{value!r} is not a date"
        )
        self.impossible = impossible
        self.out_of_range = out_of_range


def parse_date(value: object) -> dt.date:
    """A date written YYYY-MM-DD, or a date already (a datetime is not one)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return _in_range(value, value)
    if isinstance(value, str) and _DATE.match(value):
        try:
            date = dt.date.fromisoformat(value)
        except ValueError:
            raise DateError(value, impossible=True) from None
        return _in_range(date, value)
    raise DateError(value, impossible=False)


def _in_range(date: dt.date, value: object) -> dt.date:
    if not EARLIEST <= date <= LATEST:
        raise DateError(value, impossible=False, out_of_range=True)
    return date


def date_or_none(value: object) -> dt.date | None:
    """The date, or None when the value is not one (for reading what may be malformed)."""
    try:
        return parse_date(value)
    except DateError:
        return None
