"""`sip diff [BASE [HEAD]] [PATH...]`: what changed in each plan between two revisions.

Arguments are read left to right: while an argument names a commit git knows and no
file or folder of that name exists here, it is a revision (two at most); the first
argument that is not starts the paths. So `sip diff main plans/` compares main with the
working tree under plans/. A path that is also a revision name is taken as the path
(write the revision as `NAME^0` to mean it). BASE defaults to HEAD, HEAD to the
working tree (untracked plans included).
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from sip.commands.tasks.diff_file import Pair, crashed, diff_pair
from sip.exits import UsageError, exit_for_diff
from sip.history.git import WORKTREE, Repository
from sip.read.discover import PLAN_SUFFIXES


def diff_command(
    arguments: list[str],
    *,
    format: str,
    check: bool,
    as_of: str | None,
    config: Path | None,
    cache: bool = True,
) -> int:
    from sip.check.cache import cache_for
    from sip.check.config import settings_for
    from sip.check.parallel import map_files
    from sip.output.diff_text import DiffReport
    from sip.output.formats import Style, writer

    repository = Repository()
    base, head, paths = split_arguments(repository, arguments)
    settings = settings_for(paths or ["."], config, as_of=as_of)
    pairs = read_pairs(repository, base, head, paths, settings.max_file_size)
    work = partial(diff_pair, settings=settings, cache=cache_for(settings, enabled=cache))
    diffs = [d for d in map_files(work, pairs, on_crash=crashed) if d is not None]
    writer("diff", format)(DiffReport(diffs, base, head), sys.stdout, Style())
    return exit_for_diff(sum(len(d.refused) for d in diffs), check)


def split_arguments(
    repository: Repository,
    arguments: list[str],
) -> tuple[str, str | None, list[str]]:
    revisions: list[str] = []
    rest = list(arguments)
    while (
        rest and len(revisions) < 2 and not Path(rest[0]).exists() and repository.commit(rest[0]) is not None
    ):
        revisions.append(rest.pop(0))
    base = revisions[0] if revisions else "HEAD"
    if repository.commit(base) is None:
        raise UsageError("HEAD names no commit yet: commit the plans once, or name a revision")
    head = revisions[1] if len(revisions) == 2 else WORKTREE
    for path in rest:
        at = [base] + ([head] if head is not WORKTREE else [])
        if not Path(path).exists() and not any(repository.exists_at(r, path) for r in at):
            raise UsageError(
                f"{path}: not a revision git knows, nor a file or folder here or in {' or '.join(at)}"
            )
    return base, head, rest


def read_pairs(
    repository: Repository, base: str, head: str | None, paths: list[str], limit: int | None = None
) -> list[Pair]:
    changes = [
        c
        for c in repository.changes(base, head, paths)
        if any((p or "").endswith(PLAN_SUFFIXES) for p in (c.old, c.new))
    ]
    old = repository.read(base, [c.old for c in changes if c.old is not None], limit)
    new = repository.read(head, [c.new for c in changes if c.new is not None], limit)
    pairs = []
    for change in changes:
        pairs.append(
            Pair(
                None if change.old is None else repository.for_display(change.old),
                None if change.new is None else repository.for_display(change.new),
                None if change.old is None else old[change.old],
                None if change.new is None else new[change.new],
            )
        )
    pairs.sort(key=lambda p: p.new_path or p.old_path or "")
    return pairs
