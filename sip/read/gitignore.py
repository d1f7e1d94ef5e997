"""Which files a repository's `.gitignore` files leave out of a folder search, read as git
reads them (pathspec's GitIgnoreSpec): each file's patterns are relative to its own folder,
the deepest file with a matching pattern decides (a negation `!` included), and nothing
inside an ignored folder comes back.

They are honoured wherever they are, inside a git work tree or not, as ruff and black do:
those in the searched folder and below it, and, inside a work tree, those in the folders
above it up to the work tree's top. Only `.gitignore` files: `.git/info/exclude` and git's
global excludes are one person's, not the repository's. A file named on the command line is
always checked (sip/read/discover.py).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sip.files import read_limited

_LIMIT = 1024 * 1024  # bytes of one .gitignore read


@dataclass(frozen=True)
class Ignores:
    """The .gitignore files that apply in one folder, outermost first: (its folder, its spec)."""

    rules: tuple[tuple[str, Any], ...] = ()

    def enter(self, folder: str) -> Ignores:
        """The rules in force inside `folder` (an absolute path): these and its own file's."""
        spec = _read(os.path.join(folder, ".gitignore"))
        return self if spec is None else Ignores((*self.rules, (folder, spec)))

    def ignores(self, path: str, is_dir: bool = False) -> bool:
        """Whether `path` (absolute, below the folders of the rules) is ignored."""
        for base, spec in reversed(self.rules):
            relative = os.path.relpath(path, base).replace(os.sep, "/")
            if relative.startswith("../"):
                continue
            decision = spec.check_file(relative + "/" if is_dir else relative).include
            if decision is not None:
                return decision
        return False


def above(folder: str) -> Ignores:
    """The rules that apply to `folder` (absolute) from the folders above it, up to the top of
    its git work tree; none outside a work tree (a stray .gitignore in a home folder is not
    the repository's)."""
    parents: list[str] = []
    current = os.path.dirname(folder)
    top = None
    if os.path.lexists(os.path.join(folder, ".git")):
        return Ignores()
    while current and current != os.path.dirname(current):
        parents.append(current)
        if os.path.lexists(os.path.join(current, ".git")):
            top = current
            break
        current = os.path.dirname(current)
    if top is None:
        return Ignores()
    ignores = Ignores()
    for parent in reversed(parents):
        ignores = ignores.enter(parent)
    return ignores


def ignored(file: Path, root: Path) -> bool:
    """Whether `sip validate ROOT` would leave the file out (sip lsp asks, for a file below
    `root`)."""
    path, top = os.path.abspath(file), os.path.abspath(root)
    relative = os.path.relpath(os.path.dirname(path), top)
    if relative.startswith(".."):
        return False
    ignores, folder = above(top).enter(top), top
    for part in () if relative == "." else relative.split(os.sep):
        folder = os.path.join(folder, part)
        if ignores.ignores(folder, is_dir=True):
            return True
        ignores = ignores.enter(folder)
    return ignores.ignores(path)


def _read(name: str) -> Any | None:
    try:
        text = read_limited(name, _LIMIT).decode("utf-8", "replace")
    except OSError:  # none there (the usual case), or not a regular file
        return None
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(text.splitlines())
