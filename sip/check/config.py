"""Settings for a run: defaults, then `sip.toml` or `[tool.sip]` in `pyproject.toml`, then options.

The configuration is found from the checked paths upward (the nearest file wins), or
named with `--config FILE`. A bad file is a UsageError naming its file and line.
Every key is documented in docs/configuration.md.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from sip.check.config_values import (
    line_of,
    parse_codes,
    parse_date,
    parse_deadlines,
    parse_effectiveness,
    parse_frameworks,
    parse_public_identifiers,
    parse_size,
    parse_verification,
)
from sip.exits import UsageError
from sip.files import read_limited
from sip.files import reason as os_reason
from sip.format.dates import parse_date as read_date
from sip.rules.context import (
    MIN_EFFECTIVE_DAYS,
    MIN_WORKERS_HEARD,
    SHARE_OF_WORKERS_HEARD,
    default_deadlines,
)

DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024
MAX_CONFIG = 1024 * 1024  # a configuration is a few lines; a larger file is not read


@dataclass(frozen=True)
class Settings:
    as_of: dt.date = field(default_factory=dt.date.today)
    strict: bool = False
    ignore: tuple[str, ...] = ()  # codes or prefixes: "SIP601", "SIP5"
    deadlines: dict[str, dict[str, int]] = field(default_factory=default_deadlines)  # kind, severity
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    exclude: tuple[str, ...] = ()  # globs, relative to `root`
    root: Path | None = None  # the folder of the configuration file
    source: Path | None = None  # the configuration file, if any
    # Public identifiers that look like personal data but must stay in reports and are not
    # warned about (a hotline's number, a tariff code): docs/personal-data.md
    public_identifiers: tuple[str, ...] = ()
    # SIP510: a verification hears at least the smaller of min_workers and min_share of the
    # workers concerned (format 1.2); SIP511: effectiveness is judged min_days after completion.
    min_workers: int = MIN_WORKERS_HEARD
    min_share: float = SHARE_OF_WORKERS_HEARD
    min_days: int = MIN_EFFECTIVE_DAYS
    # The frameworks every plan of the run is checked against, besides those a plan names in its
    # own `frameworks:` (format 1.3): `frameworks` in the configuration, plus `--framework`.
    # sip/check/file.py's rule_runs reads it with the plan's to decide which SIP7xx rules run.
    frameworks: tuple[str, ...] = ()

    def ignores(self, code: str) -> bool:
        return any(code.startswith(prefix) for prefix in self.ignore)


_KEYS = (
    "as-of",
    "strict",
    "ignore",
    "deadlines",
    "max-file-size",
    "exclude",
    "public-identifiers",
    "verification",
    "effectiveness",
    "frameworks",
)
_TOML_POSITION = re.compile(r"\(at line ([0-9]+), column ([0-9]+)\)")


def find_config(paths: list[Path]) -> Path | None:
    """The nearest sip.toml, or pyproject.toml with [tool.sip], above the paths' common folder."""
    folders = [(p if p.is_dir() else p.parent).resolve() for p in paths] or [Path.cwd()]
    return _nearest(Path(_common(folders)))


def _nearest(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "sip.toml"
        if candidate.is_file():
            return _trusted(candidate, start)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_sip(pyproject):
            return _trusted(pyproject, start)
    return None


def _trusted(config: Path, start: Path) -> Path:
    """A configuration found by the search applies only if it is owned by root, by the user
    running sip, or by the owner of the checked folder: a sip.toml that another user left in a
    shared parent folder (/tmp, a shared drive) could ignore every rule, and is refused (exit
    2) rather than applied silently. `--config FILE` names a file to trust it."""
    import os

    if not hasattr(os, "getuid"):
        return config
    try:
        owner, checked = config.stat().st_uid, start.stat().st_uid
    except OSError:
        return config
    if owner in (0, os.getuid(), checked):
        return config
    raise UsageError(
        f"{config}: this configuration belongs to another user (uid {owner}), not to "
        f"you or the owner of {start}: sip does not apply it, as it could turn off "
        "any rule. Name it with --config to use it anyway, or remove it"
    )


class PerFile:
    """Each plan file's settings: the configuration nearest to the file (as ruff finds
    its configuration), the command-line options on top; or the one `--config` file for
    every plan. So a plan's result never depends on what else the run checks. Standard
    input gets the configuration nearest to the current folder. Each folder is looked up,
    and each configuration read, once."""

    def __init__(self, config: Path | None, **options: Any) -> None:
        self._explicit = config
        self._options = options
        self._by_folder: dict[Path, Path | None] = {}
        self._loaded: dict[Path | None, Settings] = {}

    def __call__(self, file: str | Path) -> Settings:
        # abspath, not resolve(): a symlink loop is a file to report (SIP004), not a crash
        folder = Path.cwd() if str(file) == "-" else Path(os.path.abspath(file)).parent
        return self.for_folder(folder)

    def for_folder(self, folder: Path) -> Settings:
        """The settings of the files directly in a folder."""
        source = self._explicit if self._explicit is not None else self._config_in(folder.resolve())
        if source not in self._loaded:
            self._loaded[source] = _with_command_line(load_settings(source), dict(self._options))
        return self._loaded[source]

    def excludes(self, folder: Path, file: Path) -> list[tuple[tuple[str, ...], Path | None]]:
        """A file found in a folder search is left out by the searched folder's configuration
        or by its own (sip.read.discover.plan_files's exclude_for)."""
        return [(s.exclude, s.root) for s in (self.for_folder(folder), self(file))]

    def _config_in(self, folder: Path) -> Path | None:
        if folder not in self._by_folder:
            self._by_folder[folder] = _nearest(folder)
        return self._by_folder[folder]


def _common(folders: list[Path]) -> str:
    import os.path

    return os.path.commonpath([str(f) for f in folders])


def _has_tool_sip(pyproject: Path) -> bool:
    try:
        tool = tomllib.loads(read_limited(pyproject, MAX_CONFIG).decode("utf-8")).get("tool", {})
        return isinstance(tool, dict) and "sip" in tool
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # someone else's pyproject: not ours to complain about


def load_settings(path: Path | None) -> Settings:
    if path is None:
        return Settings()
    try:
        text = read_limited(path, MAX_CONFIG).decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        why = os_reason(error) if isinstance(error, OSError) else "not UTF-8"
        raise UsageError(f"{path}: cannot read the configuration: {why}") from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = _TOML_POSITION.search(str(error))
        reason = _TOML_POSITION.sub("", str(error)).replace("(at end of document)", "").strip()
        at = f"{where[1]}:{where[2]}:" if where else f"{text.rstrip().count(chr(10)) + 1}:"
        raise UsageError(f"{path}:{at} not valid TOML: {reason}") from None
    if path.name != "pyproject.toml":
        return _settings_from(document, path, text)
    tool = document.get("tool", {})
    table = tool.get("sip") if isinstance(tool, dict) else None
    if table is None:
        raise UsageError(f"{path}: has no [tool.sip] table; put sip's settings there, or use a sip.toml")
    if not isinstance(table, dict):
        raise UsageError(f"{path}:{line_of(text, 'tool.sip')}: tool.sip must be a table ([tool.sip])")
    return _settings_from(table, path, text)


def _settings_from(table: dict[str, Any], path: Path, text: str) -> Settings:
    def fail(key: str, message: str, sub: str | None = None) -> UsageError:
        line = line_of(text, key)
        if sub is not None:  # a key inside a table: look for it below the table's line
            below = text.split("\n", line - 1)[-1] if line > 1 else text
            line += line_of(below, sub) - 1 if sub in below else 0
        return UsageError(f"{path}:{line}: {key}: {message}")

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
        elif key == "public-identifiers":
            values["public_identifiers"] = parse_public_identifiers(value, partial(fail, key))
        elif key == "max-file-size":
            values["max_file_size"] = parse_size(value, partial(fail, key))
        elif key == "deadlines":
            values["deadlines"] = parse_deadlines(value, partial(fail, key))
        elif key == "verification":
            values.update(parse_verification(value, partial(fail, key)))
        elif key == "effectiveness":
            values.update(parse_effectiveness(value, partial(fail, key)))
        elif key == "frameworks":
            values["frameworks"] = parse_frameworks(value, partial(fail, key))
    return Settings(**values)


def with_options(settings: Settings, **options: Any) -> Settings:
    """Command-line options override the file; None means not given."""
    given = {k: v for k, v in options.items() if v is not None}
    return replace(settings, **given)


def settings_for(paths: list[str], config: Path | None, **options: Any) -> Settings:
    """The run's settings: the configuration file, then the command-line options."""
    if config is not None and not config.is_file():
        raise UsageError(f"{config}: no such configuration file")
    found = config or find_config([Path(p) for p in paths if p != "-"])
    return _with_command_line(load_settings(found), options)


def per_file(config: Path | None, **options: Any) -> PerFile:
    """Settings for each plan file (PerFile), with the same options as settings_for."""
    if config is not None and not config.is_file():
        raise UsageError(f"{config}: no such configuration file")
    return PerFile(config, **options)


def _with_command_line(settings: Settings, options: dict[str, Any]) -> Settings:
    as_of = options.pop("as_of", None)
    ignore = options.pop("ignore", None)
    frameworks = options.pop("frameworks", None)
    if frameworks:  # adds to the configuration's list, as --ignore does
        extra = parse_frameworks(list(frameworks), lambda message: UsageError(f"--framework: {message}"))
        options["frameworks"] = tuple(dict.fromkeys(settings.frameworks + extra))
    if ignore:  # adds to the configuration's list: an option should not re-enable what a team
        # turned off for its repository
        extra = parse_codes(ignore, lambda message: UsageError(f"--ignore: {message}"))
        options["ignore"] = settings.ignore + extra
    return with_options(settings, as_of=read_date(as_of) if as_of else None, **options)
