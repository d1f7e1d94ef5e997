"""Settings for a run: defaults, then `sip.toml` or `[tool.sip]` in `pyproject.toml`, then options.

The configuration is found from the checked paths upward (the nearest file wins), or
named with `--config FILE`. A bad file is a UsageError naming its line.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from sip.exits import UsageError
from sip.rules.context import DEFAULT_DEADLINES

DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    as_of: dt.date = field(default_factory=dt.date.today)
    strict: bool = False
    ignore: tuple[str, ...] = ()  # codes or prefixes: "SIP601", "SIP5"
    deadlines: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_DEADLINES))
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    exclude: tuple[str, ...] = ()  # globs, relative to `root`
    root: Path | None = None  # the folder of the configuration file
    source: Path | None = None  # the configuration file, if any

    def ignores(self, code: str) -> bool:
        return any(code.startswith(prefix) for prefix in self.ignore)


_KEYS = ("as-of", "strict", "ignore", "deadlines", "max-file-size", "exclude")
_CODE_PREFIX = re.compile(r"SIP[0-9]{0,3}\Z")
_SIZE = re.compile(r"\s*([0-9]+)\s*(B|KB|MB|GB)?\s*\Z", re.IGNORECASE)
_UNITS = {None: 1, "B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}


def find_config(paths: list[Path]) -> Path | None:
    """The nearest sip.toml, or pyproject.toml with [tool.sip], above the paths' common folder."""
    folders = [(p if p.is_dir() else p.parent).resolve() for p in paths] or [Path.cwd()]
    start = Path(_common(folders))
    for folder in (start, *start.parents):
        candidate = folder / "sip.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_sip(pyproject):
            return pyproject
    return None


def _common(folders: list[Path]) -> str:
    import os.path

    return os.path.commonpath([str(f) for f in folders])


def _has_tool_sip(pyproject: Path) -> bool:
    try:
        return "sip" in tomllib.loads(pyproject.read_text("utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # someone else's pyproject: not ours to complain about


def load_settings(path: Path | None) -> Settings:
    if path is None:
        return Settings()
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot read the configuration: {error}") from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{path}: not valid TOML: {error}") from None
    table = document.get("tool", {}).get("sip", {}) if path.name == "pyproject.toml" else document
    return _settings_from(table, path, text)


def _settings_from(table: dict[str, Any], path: Path, text: str) -> Settings:
    def fail(key: str, message: str) -> UsageError:
        return UsageError(f"{path}:{_line_of(text, key)}: {key}: {message}")

    values: dict[str, Any] = {"root": path.parent.resolve(), "source": path}
    for key, value in table.items():
        if key not in _KEYS:
            close = difflib.get_close_matches(key, _KEYS, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(_KEYS)}"
            raise fail(key, f"unknown setting; {hint}")
        if key == "as-of":
            values["as_of"] = parse_date(value, partial(fail, key))
        elif key == "strict":
            if not isinstance(value, bool):
                raise fail(key, "must be true or false")
            values["strict"] = value
        elif key == "ignore":
            values["ignore"] = parse_codes(value, partial(fail, key))
        elif key == "exclude":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise fail(key, 'must be a list of globs, e.g. ["drafts/**"]')
            values["exclude"] = tuple(value)
        elif key == "max-file-size":
            values["max_file_size"] = parse_size(value, partial(fail, key))
        elif key == "deadlines":
            values["deadlines"] = parse_deadlines(value, partial(fail, key))
    return Settings(**values)


def parse_date(value: Any, fail: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise fail(f"{value!r} is not a date; write it as YYYY-MM-DD")


def parse_codes(value: Any, fail: Any) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(v, str) for v in items):
        raise fail('must be a list of codes or prefixes, e.g. ["SIP601", "SIP5"]')
    codes = tuple(v.strip().upper() for v in items if v.strip())
    for code in codes:
        if not _CODE_PREFIX.match(code):
            raise fail(f"{code!r} is not a code or prefix such as SIP601 or SIP5")
    return codes


def parse_size(value: Any, fail: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    match = _SIZE.match(value) if isinstance(value, str) else None
    if match and int(match[1]) > 0:
        return int(match[1]) * _UNITS[match[2].upper() if match[2] else None]
    raise fail(f"{value!r} is not a size; write bytes (5000000) or text such as \"5MB\"")


def parse_deadlines(value: Any, fail: Any) -> dict[str, int]:
    if not isinstance(value, dict):
        raise fail("must be a table: [deadlines] with critical, major and minor in days")
    deadlines = dict(DEFAULT_DEADLINES)
    for severity, days in value.items():
        if severity not in DEFAULT_DEADLINES:
            raise fail(f"{severity!r} is not a severity (critical, major, minor)")
        if not isinstance(days, int) or isinstance(days, bool) or days < 0:
            raise fail(f"{severity} must be a whole number of days, 0 or more")
        deadlines[severity] = days
    return deadlines


def _line_of(text: str, key: str) -> int:
    pattern = re.compile(rf"^\s*(\[\s*)?{re.escape(key)}\s*[=\]]", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def with_options(settings: Settings, **options: Any) -> Settings:
    """Command-line options override the file; None means not given."""
    given = {k: v for k, v in options.items() if v is not None}
    return replace(settings, **given)
