"""Command-line paths to the plan files to check, in a stable order."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable
from pathlib import Path

from sip.exits import UsageError
from sip.files import outside_work_tree, read_start

PLAN_SUFFIXES = (".yaml", ".yml")


def plan_files(
    paths: list[str],
    exclude: tuple[str, ...] = (),
    root: Path | None = None,
    exclude_for: Callable[[Path, Path], list[tuple[tuple[str, ...], Path | None]]] | None = None,
) -> list[str]:
    """Files named explicitly, in the order given, whatever their extension; folders searched
    recursively for *.yaml / *.yml, sorted, hidden files and folders skipped, and what the
    repository's .gitignore files leave out (sip/read/gitignore.py), symlinked folders
    followed (each real folder once, so a loop ends) unless they lead out of the git work tree
    (sip/files.py: listed, and never read). Each file once.
    `exclude_for(folder, file)`: the exclude globs, each with its root, that apply to a file
    found in a folder (the folder's configuration's and the file's own), instead of
    `exclude` and `root`.

    What cannot be read is listed too, for the check to report it as SIP004 with its reason
    rather than pass it over: a special file (FIFO, device) or a symlink loop named or found,
    and a sub-folder that cannot be listed (its name stands for its plans)."""
    found: list[str] = []
    seen: set[str] = set()

    def add(name: str) -> None:
        key = name if name == "-" else os.path.realpath(name)
        if key not in seen:
            seen.add(key)
            found.append(name)

    for given in paths:
        if given == "-":
            add(given)
            continue
        path = Path(given)
        if path.is_dir():
            for file in _walk(path):
                rules = exclude_for(path, file) if exclude_for else [(exclude, root)]
                if not any(excluded(file, globs, base) for globs, base in rules):
                    add(str(file))
        elif os.path.lexists(given):  # a file, a special file, a dangling link or a loop
            add(given)
        else:
            raise UsageError(f"{given}: no such file or folder")
    if not found:
        where = ", ".join(paths)
        raise UsageError(f"no plan file (*.yaml, *.yml) found in {where}")
    return found


def _walk(folder: Path) -> list[Path]:
    from sip.read.gitignore import above

    out: list[Path] = []
    visited = {os.path.realpath(folder)}
    top = os.path.abspath(folder)
    ignores = {top: above(top).enter(top)}  # each folder's .gitignore rules, by its path

    def unreadable(error: OSError) -> None:
        if error.filename:
            out.append(Path(error.filename))

    for current, dirs, files in os.walk(folder, onerror=unreadable, followlinks=True):
        rules = ignores.pop(os.path.abspath(current))
        keep = []
        for name in sorted(d for d in dirs if not d.startswith(".")):
            path = os.path.abspath(os.path.join(current, name))
            real = os.path.realpath(path)
            if real not in visited and not rules.ignores(path, is_dir=True):
                visited.add(real)
                if outside_work_tree(path):  # not walked; the read says why (SIP004)
                    out.append(Path(current, name))
                    continue
                keep.append(name)
                ignores[path] = rules.enter(path)
        dirs[:] = keep
        out.extend(
            Path(current, f)
            for f in sorted(files)
            if f.endswith(PLAN_SUFFIXES)
            and not f.startswith(".")  # .gitlab-ci.yml, .pre-commit-config.yaml: no plans
            and not rules.ignores(os.path.abspath(os.path.join(current, f)))
        )
    return out


def excluded(file: Path, patterns: tuple[str, ...], root: Path | None) -> bool:
    """Whether a configuration's `exclude` globs (relative to `root`) leave the file out."""
    if not patterns:
        return False
    try:
        relative = Path(os.path.realpath(file)).relative_to(root) if root else file
    except ValueError:
        relative = file
    text = relative.as_posix()
    return any(fnmatch.fnmatch(text, p) or fnmatch.fnmatch(text, p.rstrip("/*") + "/*") for p in patterns)


# A plan's marker: a top-level `sip:` holding a version number on its own line (`sip: 1`,
# `sip: "1"`, `sip: 2`). A `sip:` holding a mapping is something else's: a CI job named sip.
_SIP_KEY = re.compile(
    rb"^[\"']?sip[\"']?[ \t]*:[ \t]*([\"']?)[0-9]+(?:\.[0-9]+)*\1[ \t]*(?:#[^\r\n]*)?\r?$", re.MULTILINE
)


def looks_like_a_plan(name: str) -> bool:
    """--plans-only: a file whose top-level `sip:` holds a version number (a plan's first
    line), read as bytes without parsing; standard input and unreadable files are left to
    the check."""
    if name == "-":
        return True
    try:
        return _SIP_KEY.search(read_start(name, 1024 * 1024)) is not None
    except OSError:
        return True
