"""Command-line paths to the plan files to check, in a stable order."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

from sip.exits import UsageError

PLAN_SUFFIXES = (".yaml", ".yml")


def plan_files(paths: list[str], exclude: tuple[str, ...] = (), root: Path | None = None,
               ) -> list[str]:
    """Files named explicitly, in the order given, whatever their extension; folders searched
    recursively for *.yaml / *.yml, sorted, hidden folders skipped. Each file once."""
    found: list[str] = []
    seen: set[str] = set()

    def add(name: str) -> None:
        if name != "-" and not os.access(name, os.R_OK):
            raise UsageError(f"{name}: cannot be read (permission denied)")
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
                if not excluded(file, exclude, root):
                    add(str(file))
        elif path.is_file():
            add(given)
        elif path.exists():
            raise UsageError(f"{given}: not a file or folder")
        else:
            raise UsageError(f"{given}: no such file or folder")
    if not found:
        where = ", ".join(paths)
        raise UsageError(f"no plan file (*.yaml, *.yml) found in {where}")
    return found


def _walk(folder: Path) -> list[Path]:
    out: list[Path] = []
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out.extend(Path(current, f) for f in sorted(files) if f.endswith(PLAN_SUFFIXES))
    return out


def excluded(file: Path, patterns: tuple[str, ...], root: Path | None) -> bool:
    """Whether a configuration's `exclude` globs (relative to `root`) leave the file out."""
    if not patterns:
        return False
    try:
        relative = file.resolve().relative_to(root) if root else file
    except ValueError:
        relative = file
    text = relative.as_posix()
    return any(fnmatch.fnmatch(text, p) or fnmatch.fnmatch(text, p.rstrip("/*") + "/*")
               for p in patterns)
