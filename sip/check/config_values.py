"""The values of a configuration's keys, read and checked one key at a time: each `parse_*` takes
the TOML value and `fail`, which makes the UsageError naming the file, the line and the key
(sip/check/config.py finds the file and sets the defaults)."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any

from sip.format.dates import DateError
from sip.format.dates import parse_date as read_date
from sip.rules.context import DEADLINE_KINDS, SEVERITIES, default_deadlines

MAX_DEADLINE = 36_500  # days: far beyond any deadline, and dates plus it stay in the calendar
MAX_WORKERS = 1_000_000  # far beyond any site's workforce
_CODE_PREFIX = re.compile(r"SIP[0-9]{1,3}\Z")
_SIZE = re.compile(r"\s*([0-9]+)\s*(B|KB|MB|GB)?\s*\Z", re.IGNORECASE)
_UNITS = {None: 1, "B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}


def parse_date(value: Any, fail: Any) -> dt.date:
    try:
        return read_date(value)
    except DateError as error:
        if error.out_of_range:
            raise fail(str(error)) from None
        raise fail(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


def parse_codes(value: Any, fail: Any) -> tuple[str, ...]:
    """Codes or prefixes of rules SIP201 and later. SIP0xx and SIP1xx cannot be ignored: they mean
    the file is not a readable plan, and nothing else was checked in it."""
    from sip.rules import BY_CODE

    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(v, str) for v in items):
        raise fail('must be a list of codes or prefixes, e.g. ["SIP601", "SIP5"]')
    codes = tuple(part.strip().upper() for v in items for part in v.split(",") if part.strip())
    for code in codes:
        if not _CODE_PREFIX.match(code):
            raise fail(f"{code!r} is not a code or prefix such as SIP601 or SIP5")
        matching = [known for known in BY_CODE if known.startswith(code)]
        if not matching:
            raise fail(f"no code is {code} or starts with it; 'sip rules' lists them")
        if any(known < "SIP2" for known in matching):
            raise fail(
                f"{code} cannot be ignored: SIP0xx and SIP1xx mean the file cannot be read "
                "as a plan, so nothing else in it was checked"
            )
    return codes


def parse_frameworks(value: Any, fail: Any) -> tuple[str, ...]:
    """Names of framework profiles (docs/frameworks.md): `frameworks = ["far", "cbp"]`."""
    from sip.format.vocab import FRAMEWORK

    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(f'must be a list of framework names, e.g. ["far", "cbp"]; known: {", ".join(FRAMEWORK)}')
    for name in value:
        if name not in FRAMEWORK:
            close = difflib.get_close_matches(name.lower(), FRAMEWORK, n=1, cutoff=0.5)
            hint = f"did you mean '{close[0]}'?" if close else f"known: {', '.join(FRAMEWORK)}"
            raise fail(f"{name!r} is not a framework sip knows; {hint} ('sip frameworks' lists them)")
    return tuple(dict.fromkeys(value))


def parse_public_identifiers(value: Any, fail: Any) -> tuple[str, ...]:
    """Texts never masked nor warned about. Each is kept wherever it is written whole, so an entry
    that is only part of an identifier (`"a"`, `"12"`) would keep every text holding it: refused."""
    from sip.format.personal_data import not_an_identifier

    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail('must be a list of texts, e.g. ["+60 3-8000 8000"]')
    for entry in value:
        problem = not_an_identifier(entry)
        if problem:
            raise fail(f"{entry!r} {problem}")
    return tuple(value)


def parse_size(value: Any, fail: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    match = _SIZE.match(value) if isinstance(value, str) else None
    if match and int(match[1]) > 0:
        return int(match[1]) * _UNITS[match[2].upper() if match[2] else None]
    raise fail(f'{value!r} is not a size; write bytes (5000000) or text such as "5MB"')


def parse_deadlines(value: Any, fail: Any) -> dict[str, dict[str, int]]:
    """Days from a finding's `identified` date by which its responses are due (SIP506), by kind
    of response and severity. A severity key at the top sets it for every kind (as in format 1,
    so an existing configuration keeps its meaning); a kind's table (`[deadlines.protection]`)
    overrides that for its kind. What is left out keeps its default."""
    if not isinstance(value, dict):
        raise fail(
            "must be a table: [deadlines] with critical, major and minor in days, and "
            "optionally [deadlines.protection], [deadlines.corrective], "
            "[deadlines.remedy]"
        )
    deadlines = default_deadlines()
    tables = {}
    for key, days in value.items():
        if key in DEADLINE_KINDS:
            if not isinstance(days, dict):
                raise fail(
                    f"{key} must be a table: [deadlines.{key}] with critical, major and minor in days", key
                )
            tables[key] = days
            continue
        _check_days(
            key,
            days,
            fail,
            f"a severity ({', '.join(SEVERITIES)}) or a kind of response ({', '.join(DEADLINE_KINDS)})",
        )
        for kind in DEADLINE_KINDS:
            deadlines[kind][key] = days
    for kind, table in tables.items():
        for severity, days in table.items():
            _check_days(severity, days, fail, f"a severity ({', '.join(SEVERITIES)})", f"{kind}.{severity}")
            deadlines[kind][severity] = days
    return deadlines


def parse_verification(value: Any, fail: Any) -> dict[str, Any]:
    """`[verification]`: how many workers a verification must hear (SIP510)."""
    table = _table(value, fail, "[verification] with min-workers (a count) and min-share (0 to 1)")
    out: dict[str, Any] = {}
    for key, setting in table.items():
        if key == "min-workers":
            out["min_workers"] = _whole(setting, fail, key, MAX_WORKERS, "workers")
        elif key == "min-share":
            if isinstance(setting, bool) or not isinstance(setting, int | float) or not 0 <= setting <= 1:
                raise fail("min-share must be a number from 0 to 1 (0.10 is 10 %)", key)
            out["min_share"] = float(setting)
        else:
            raise fail(f"{key!r} is not min-workers or min-share", key)
    return out


def parse_effectiveness(value: Any, fail: Any) -> dict[str, Any]:
    """`[effectiveness]`: how long after completion an improvement can be judged effective (SIP511)."""
    table = _table(value, fail, "[effectiveness] with min-days (a number of days)")
    out: dict[str, Any] = {}
    for key, setting in table.items():
        if key != "min-days":
            raise fail(f"{key!r} is not min-days", key)
        out["min_days"] = _whole(setting, fail, key, MAX_DEADLINE, "days")
    return out


def _table(value: Any, fail: Any, shape: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise fail(f"must be a table: {shape}")
    return value


def _whole(value: Any, fail: Any, key: str, most: int, unit: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= most:
        raise fail(f"{key} must be a whole number of {unit}, 0 or more and at most {most:,}", key)
    return value


def _check_days(key: str, days: Any, fail: Any, expected: str, shown: str | None = None) -> None:
    if key not in SEVERITIES:
        raise fail(f"{key!r} is not {expected}", key)
    if not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= MAX_DEADLINE:
        raise fail(
            f"{shown or key} must be a whole number of days, 0 or more and at most "
            f"{MAX_DEADLINE:,} (100 years)",
            key,
        )


def line_of(text: str, key: str) -> int:
    """The line where a key is set: `key = ...`, `key.sub = ...`, `[key]` or `[tool.sip.key]`."""
    pattern = re.compile(
        rf"^[ \t]*(\[[ \t]*(tool\.sip\.)?)?[\"']?{re.escape(key)}[\"']?[ \t]*[=\].]", re.MULTILINE
    )
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 1
