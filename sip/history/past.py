"""Plans as they were: the portfolio's past, read from git, month by month.

`plan_at` is the one way sip reads a plan as it was at a revision: its bytes, from git, parsed
and checked by `check_bytes`, the path `sip validate` takes for a file on disk. (What the
portfolio takes of a version, its figures, is kept in the result cache by its reader,
sip/commands/tasks/portfolio_history.py.) A version whose bytes are those on disk is not read
from git at all: the run that checks the files on disk has it already (`on_disk`).

A month of the past is the plans as they stood at its last commit: the last commit of HEAD's
first-parent line dated (by its committer) on or before the month's last day. The plans are the
YAML files under the paths the run was given, as discovery finds them (no hidden file or folder,
not left out by the configuration's `exclude`): a plan renamed is the same file only from its new
name on, and a plan deleted leaves the months after it.
"""

from __future__ import annotations

import datetime as dt
import os
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from sip.check.config import Settings
from sip.check.file import check_bytes
from sip.check.result import FileResult
from sip.diagnostic import ERROR, Diagnostic
from sip.exits import UsageError
from sip.history.blobs import read_blob
from sip.history.git import Repository
from sip.read.discover import excluded

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Version:
    """A plan file as it was: its path from the repository's top, its content's blob id and size."""

    path: str
    blob: str
    size: int


@dataclass(frozen=True)
class Month:
    end: dt.date  # its last day: the month's figures are as of it
    commit: str  # the commit the month ends on
    versions: tuple[Version, ...]


def month_end(day: dt.date) -> dt.date:
    following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def month_ends(first: dt.date, last: dt.date) -> list[dt.date]:
    """The last day of each month from first's to last's, both included."""
    out, day = [], month_end(first)
    while day <= month_end(last):
        out.append(day)
        day = month_end(day + dt.timedelta(days=1))
    return out


def _a_plan_file(path: str, top: Path, settings: Settings) -> bool:
    parts = path.split("/")
    return (
        path.endswith(SUFFIXES)
        and not any(part.startswith(".") for part in parts)
        and not excluded(top / path, settings.exclude, settings.root)
    )


def months(
    repository: Repository, paths: list[str], settings: Settings, since: dt.date | None, before: dt.date
) -> list[Month]:
    """Each month, from the first with a commit (or since's, when later) to the one before
    `before`'s month, with the plan files under `paths` (top-relative) as they were at its end."""
    line = sorted((dt.date.fromisoformat(day), commit) for commit, day in repository.first_parents())
    if not line:
        return []
    start = max(line[0][0], since or line[0][0])
    ends = [end for end in month_ends(start, before) if end < month_end(before)]
    days = [day for day, _ in line]
    out = []
    for end in ends:
        at = bisect_right(days, end)
        if at == 0:
            continue
        commit = line[at - 1][1]
        versions = tuple(
            Version(path, blob, size)
            for path, (blob, size) in sorted(repository.blobs(commit, paths).items())
            if _a_plan_file(path, repository.top, settings)
        )
        out.append(Month(end, commit, versions))
    return out


def on_disk(
    repository: Repository, files: list[str], past: list[Month]
) -> dict[str, tuple[str, tuple[dt.date, ...]]]:
    """file -> its path from the top, and the ends of the months at which its version in git is
    its content on disk now (its figures then come from the run's own check of the file)."""
    absolute = {os.path.abspath(f): f for f in files if f != "-"}  # git runs in the repository
    blob_of: dict[tuple[str, str], str] = {}
    for file, blob in repository.hashes(list(absolute)).items():
        try:
            blob_of[(repository.relative_to_top(file), blob)] = absolute[file]
        except UsageError:  # outside the repository
            continue
    out: dict[str, tuple[str, list[dt.date]]] = {}
    for month in past:
        for version in month.versions:
            found = blob_of.get((version.path, version.blob))
            if found is not None:
                out.setdefault(found, (version.path, []))[1].append(month.end)
    return {file: (path, tuple(ends)) for file, (path, ends) in out.items()}


def plan_at(top: Path, version: Version, settings: Settings) -> FileResult:
    """The plan as it was: its blob read from git (never past `max-file-size`) and checked as
    `sip validate` checks a file, with the plan kept (None when it had format errors)."""
    limit = settings.max_file_size
    raw = read_blob(top, version.blob) if version.size <= limit else None
    if raw is None:
        why = (
            f"the file is {version.size:,} bytes at {version.blob[:12]}, over the limit of {limit:,} "
            "(max-file-size); it was not read"
            if version.size > limit
            else f"git has no blob {version.blob}"
        )
        return FileResult(version.path, [Diagnostic(version.path, 1, 1, "SIP004", ERROR, why, "")])
    return check_bytes(raw, version.path, settings, keep_plan=True)
