"""`sip validate --changed-since REF`: check only the plans a branch changed.

"Changed" means different in the working tree (untracked plans included) from the
merge base of REF and HEAD, as `git diff REF...` sees it: a branch is not charged with
what landed on REF after it forked. The plans left out still take part in SIP203 (one
plan id per repository): their ids are read from the top of each file, without
checking the rest, and a changed plan that takes one of them gets SIP203.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import yaml

from sip.exits import UsageError
from sip.files import read_limited
from sip.history.git import WORKTREE, Repository


def split_changed(files: list[str], ref: str) -> tuple[list[str], list[str]]:
    """(changed, unchanged) among files, in their order. Files outside the repository and
    standard input count as changed: there is nothing to compare them with."""
    repository = Repository()
    commit = repository.commit(ref)
    if commit is None:
        raise UsageError(f"--changed-since {ref}: git knows no such revision")
    base = repository.merge_base(commit, "HEAD")
    touched = {
        os.path.realpath(repository.top / c.new)
        for c in repository.changes(base, WORKTREE, [])
        if c.new is not None
    }
    changed: list[str] = []
    unchanged: list[str] = []
    for name in files:
        inside = name != "-" and _inside(Path(name), repository.top)
        (unchanged if inside and os.path.realpath(name) not in touched else changed).append(name)
    return changed, unchanged


def _inside(path: Path, top: Path) -> bool:
    try:
        path.resolve().relative_to(top)
    except ValueError:
        return False
    return True


DEFAULT_LIMIT = 5 * 1024 * 1024


def plan_ids(files: list[str]) -> dict[str, str]:
    """plan id -> the first of files that has it, read from each file's top-level `id`."""
    out: dict[str, str] = {}
    for name in files:
        plan_id = top_level_id(name)
        if plan_id is not None:
            out.setdefault(plan_id, name)
    return out


def top_level_id(name: str, limit: int | None = DEFAULT_LIMIT) -> str | None:
    """The plan's `id:`, reading the YAML only as far as it. None when unreadable (a special
    file is not opened for reading, and no more than `limit` bytes are read)."""
    try:
        return _id_from(yaml.parse(read_limited(name, limit), Loader=_LOADER))
    except (OSError, yaml.YAMLError):
        return None


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _id_from(events: Iterator[yaml.Event]) -> str | None:
    depth = 0
    expecting_key = False
    for event in events:
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            expecting_key = depth == 1 and isinstance(event, yaml.MappingStartEvent)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            expecting_key = depth == 1
        elif depth == 1 and isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
            if expecting_key and isinstance(event, yaml.ScalarEvent) and event.value == "id":
                value = next(events, None)
                return value.value if isinstance(value, yaml.ScalarEvent) else None
            expecting_key = not expecting_key
    return None
