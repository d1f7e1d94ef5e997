"""The other plans of the repository a run is part of, for SIP203 when only some plans are
checked: the pre-commit hook's files, which pre-commit hands over in batches once the list
of names is long (about 128 KiB of them), `require_serial` or not.

The repository is the git work tree around the current folder, and its plans are what
`sip validate TOP` would check there (hidden files and folders, .gitignore and the
configuration's `exclude` leave theirs out) whose top-level `sip:` holds a version. Only
their ids are read, from the top of each file, without checking the rest
(bench/precommit_batches.py measures it).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from sip.exits import UsageError
from sip.history.changed import plan_ids
from sip.read.discover import looks_like_a_plan, plan_files


def other_plan_ids(
    files: list[str], exclude_for: Callable[[Path, Path], list[tuple[tuple[str, ...], Path | None]]]
) -> dict[str, str]:
    """plan id -> the first other plan of the repository with it, for plans not in `files`;
    none outside a git work tree."""
    top = work_tree_top(Path.cwd())
    if top is None:
        return {}
    given = {os.path.realpath(name) for name in files if name != "-"}
    try:
        found = plan_files([str(top)], exclude_for=exclude_for)
    except UsageError:  # no YAML in the repository, or a bad configuration CI will report
        return {}
    others = [
        _shown(name) for name in found if os.path.realpath(name) not in given and looks_like_a_plan(name)
    ]
    return plan_ids(others)


def work_tree_top(folder: Path) -> Path | None:
    """The top of the git work tree holding `folder`: the nearest folder with a `.git`."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _shown(name: str) -> str:
    """A path as the hook's own files are named: relative to the current folder."""
    relative = os.path.relpath(name)
    return name if relative.startswith("..") else relative
