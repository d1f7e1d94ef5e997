"""The result cache: what checking a plan found, kept per file, as ruff and mypy keep theirs.

An entry is keyed on sip's version (and the stamp of its code), the whole of the settings the
file was checked with, and the file's bytes; so a changed plan, a changed setting (the as-of
date among them: a run on another day checks again) or another sip never reads an entry made
for something else. Waivers are in the plan, so its bytes cover them. An entry holds the
file's result as the worker returns it: its diagnostics, the ids of the items they name, its
plan id, its waivers of run-level rules and the small facts rules over the run read, so SIP203
and SIP205 still see every plan, cached or not.

Entries are JSON (sip/check/cache_entry.py), never pickles: the folder is on disk for anyone who
can write there, and reading an entry must never run code. One that cannot be read, is not JSON
or does not hold a result of the right shape is ignored (the file is checked, and the entry written again). An
entry is written to a temporary file and renamed over its name, so two runs at once each read
a whole entry or none; a failed write (a full disk, a read-only folder) is ignored.

`check_cached(raw, name, settings, cache)` is the one way in: "check these bytes with these
settings, cached", for `sip validate` (through `check_file`), `sip diff` and any reader of a
plan's history. The portfolio's history keeps what it takes of a plan's past version (its
figures as of each month it stood) under keys of its own (`value_key`, `get_value`,
`put_value`), in the same folder, with the same guarantees.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sip import __version__
from sip.check.cache_entry import entry_of, result_of
from sip.check.config import Settings
from sip.check.result import FileResult
from sip.files import read_limited, work_tree, write_quietly

if TYPE_CHECKING:
    from sip.read.loader import Loaded

FOLDER = ".sip_cache"
ENVIRONMENT = "SIP_CACHE_DIR"  # a folder for the cache, wherever sip runs
LAYOUT = 1  # of an entry; a change makes a new folder, so an older sip's entries are never read
MAX_ENTRY = 16 * 1024 * 1024  # far above any entry (200 diagnostics a file at most)
GITIGNORE = "# Written by sip: the result cache (docs/configuration.md). Never commit it.\n*\n"
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by sip.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


@dataclasses.dataclass(frozen=True)
class Cache:
    """A cache folder, with the version of the code whose entries it reads: picklable, sent to
    the worker processes with the settings."""

    folder: Path
    version: str

    @property
    def entries(self) -> Path:
        return self.folder / self.version

    def key(self, raw: bytes, settings: Settings) -> str:
        digest = hashlib.blake2b(digest_size=20)
        digest.update(self.version.encode("utf-8") + b"\0")
        digest.update(settings_key(settings).encode("utf-8") + b"\0")
        digest.update(raw)
        return digest.hexdigest()

    def get(self, key: str, name: str) -> FileResult | None:
        """The entry's result as checking `name` gives it, or None: missing, unreadable or not
        an entry of this shape (a corrupt file is a miss, never an error)."""
        try:
            raw = read_limited(self.entries / key[:2] / key, MAX_ENTRY)
            entry = json.loads(raw)
            if not isinstance(entry, dict) or entry.get("key") != key:
                return None
            return result_of(entry, name)
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
            return None

    def value_key(self, kind: str, *parts: str) -> str:
        """The key of a value that is no file's result: its kind and what it was made from."""
        digest = hashlib.blake2b(digest_size=20)
        for part in (self.version, kind, *parts):
            digest.update(part.encode("utf-8") + b"\0")
        return digest.hexdigest()

    def get_value(self, key: str) -> Any | None:
        """The JSON value stored under key, or None (missing, unreadable or corrupt: a miss)."""
        try:
            entry = json.loads(read_limited(self.entries / key[:2] / key, MAX_ENTRY))
        except (OSError, ValueError, RecursionError):
            return None
        return entry.get("value") if isinstance(entry, dict) and entry.get("key") == key else None

    def put_value(self, key: str, value: Any) -> None:
        if self._prepared():
            entry = json.dumps({"key": key, "value": value}, separators=(",", ":"))
            write_quietly(self.entries / key[:2] / key, entry.encode("utf-8"))

    def put(self, key: str, result: FileResult) -> None:
        if not self._prepared():
            return
        entry = json.dumps(entry_of(key, result), separators=(",", ":"))
        write_quietly(self.entries / key[:2] / key, entry.encode("utf-8"))

    def _prepared(self) -> bool:
        """The folder exists, and keeps itself out of git (`.gitignore`) and out of backups
        (`CACHEDIR.TAG`), as ruff's does; False when it cannot be made."""
        if (self.folder / ".gitignore").is_file():
            return True
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False
        write_quietly(self.folder / "CACHEDIR.TAG", CACHEDIR_TAG.encode("utf-8"))
        return write_quietly(self.folder / ".gitignore", GITIGNORE.encode("utf-8"))


def cache_for(settings: Settings, enabled: bool = True) -> Cache | None:
    """The run's cache: SIP_CACHE_DIR, else `.sip_cache` beside the run's configuration, else in
    the current folder; None with --no-cache."""
    if not enabled:
        return None
    named = os.environ.get(ENVIRONMENT)
    if named:
        folder = Path(named)
    elif settings.root is not None:
        folder = settings.root / FOLDER
    else:
        folder = Path.cwd() / FOLDER
    if tracked_by_git(folder):
        import sys

        print(
            f"sip: {folder} is tracked by git, so sip does not use it: a result cache that came "
            "with a commit could say a plan is clean that was never checked; remove it from git "
            "(git rm -r --cached) and let sip make its own",
            file=sys.stderr,
        )
        return None
    return Cache(folder, code_version())


def tracked_by_git(folder: Path) -> bool:
    """Whether git's index holds a file under folder (a cache committed by someone, perhaps in a
    pull request, to pass its plans off as checked). Read from the index itself, not by running
    git: a pre-commit hook pays for every process it starts. An index that cannot be read holds
    nothing sip can tell, and a folder outside any work tree is not tracked."""
    try:
        where = folder.resolve()
    except OSError:
        return False
    found = work_tree(str(where))
    if found is None:
        return False
    top = Path(found)
    marker = top / ".git"
    try:
        if marker.is_file():  # a linked work tree or a submodule: "gitdir: PATH"
            pointer = read_limited(marker, 4096).decode("utf-8").strip()
            index = (top / pointer.removeprefix("gitdir:").strip()) / "index"
        else:
            index = marker / "index"
        if not index.exists():
            return False
        content = read_limited(index, 1024 * 1024 * 1024)
    except (OSError, UnicodeDecodeError):
        return False
    inside = where.relative_to(top).as_posix()
    return inside != "." and (inside + "/").encode("utf-8") in content


def check_cached(
    raw: bytes, name: str, settings: Settings, cache: Cache | None, loaded: Loaded | None = None
) -> FileResult:
    """Check these bytes with these settings, through the cache: a result as check_bytes gives
    it, without its plan. `loaded`: the bytes already loaded by the caller (sip diff)."""
    from sip.check.file import check_bytes

    if cache is None:
        return check_bytes(raw, name, settings, loaded=loaded)
    key = cache.key(raw, settings)
    found = cache.get(key, name)
    if found is not None:
        return found
    result = check_bytes(raw, name, settings, loaded=loaded)
    cache.put(key, result)
    return result


def lookup(name: str, settings: Settings, cache: Cache) -> FileResult | None:
    """A plan file's result from the cache, or None: not there, or not a regular file sip may
    read whole (standard input is read once, by its check; a file over max-file-size is
    reported by its check)."""
    if name == "-":
        return None
    try:
        raw = read_limited(name, settings.max_file_size)
    except OSError:
        return None
    return cache.get(cache.key(raw, settings), name)


_keys: dict[int, tuple[Settings, str]] = {}  # the settings of a run are a few objects, made once


def settings_key(settings: Settings) -> str:
    """Every field of the settings, as text that is the same for the same values in any process
    (sets sorted, tables by key): derived from the dataclass, so a new setting is in the key
    without anyone listing it (tests/test_cache.py changes each field and sees a new key)."""
    known = _keys.get(id(settings))
    if known is not None and known[0] is settings:
        return known[1]
    key = json.dumps(_canonical(settings), sort_keys=True, separators=(",", ":"))
    if len(_keys) > 64:  # a long-lived process (sip lsp) makes settings again and again
        _keys.clear()
    _keys[id(settings)] = (settings, key)
    return key


def _canonical(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)
        return {"": type(value).__name__, **{f.name: _canonical(getattr(value, f.name)) for f in fields}}
    if isinstance(value, dict):
        return {"{}": sorted([_canonical(k), _canonical(v)] for k, v in value.items())}
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    if isinstance(value, set | frozenset):
        return {"set": sorted(json.dumps(_canonical(v), sort_keys=True) for v in value)}
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return {"float": value.hex()}
    if isinstance(value, dt.date | Path):
        return {type(value).__name__: str(value)}
    return {type(value).__name__: repr(value)}


_version: str | None = None


def code_version() -> str:
    """sip's version and a stamp of its own files (size and time of each module): a checkout
    changed without a new version number does not read entries the old code made."""
    global _version
    if _version is None:
        digest = hashlib.blake2b(digest_size=8)
        package = Path(__file__).resolve().parent.parent
        for folder, folders, files in os.walk(package):
            folders.sort()
            for file in sorted(files):
                if file.endswith(".py"):
                    info = os.stat(os.path.join(folder, file))
                    digest.update(f"{folder}/{file}:{info.st_size}:{info.st_mtime_ns};".encode())
        _version = f"v{LAYOUT}-{__version__}-{digest.hexdigest()}"
    return _version
