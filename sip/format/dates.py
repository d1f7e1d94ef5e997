"""Dates as the format writes them (YYYY-MM-DD): the one reader every step uses."""

from __future__ import annotations

import datetime as dt
import re

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


class DateError(ValueError):
    """Not a date. `impossible` is True for a date written right that does not exist
    (2026-02-30): the message can say so rather than ask for the form."""

    def __init__(self, value: object, impossible: bool) -> None:
        super().__init__(f"{value!r} is not a date")
        self.impossible = impossible


def parse_date(value: object) -> dt.date:
    """A date written YYYY-MM-DD, or a date already (a datetime is not one)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise DateError(value, impossible=True) from None
    raise DateError(value, impossible=False)


def date_or_none(value: object) -> dt.date | None:
    """The date, or None when the value is not one (for reading what may be malformed)."""
    try:
        return parse_date(value)
    except DateError:
        return None
