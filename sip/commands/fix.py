"""`sip fix`: rewrite plans with the fixes whose meaning is certain (sip/edit/fix.py).

A symlinked plan is followed and its target rewritten; a read-only plan is refused unless
--force; hard links, owner, permissions and line endings are kept (sip/files.py). A plan
whose fixes were refused fails the run (exit 1), so a script sees it was not fixed.
"""

from __future__ import annotations

import difflib
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sip.exits import Exit, UsageError

if TYPE_CHECKING:
    from sip.check.config import Settings


def fix_command(
    paths: list[str], *, dry_run: bool, config: Path | None, color: bool, force: bool = False
) -> int:
    from sip.check.config import per_file, settings_for
    from sip.commands.tasks.run_check import check_and_report
    from sip.edit.fix import fix_text
    from sip.files import read_limited, write_atomic
    from sip.format.wording import plural
    from sip.output.plain_text import printable
    from sip.read.discover import plan_files
    from sip.read.loader import Limits

    if "-" in paths:
        raise UsageError("sip fix rewrites files; it cannot fix standard input")
    settings = settings_for(paths, config)
    own = per_file(config)  # each plan by the configuration nearest to it, as validate does
    files = plan_files(paths, exclude_for=own.excludes)
    by_file = {name: own(name) for name in files}
    fixed = refused = 0
    would_be: dict[str, str] = {}  # --dry-run: each fixed plan's text, checked in place of the file
    for name in files:
        limits = Limits(max_bytes=by_file[name].max_file_size)
        try:
            text = read_limited(name, by_file[name].max_file_size).decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # `sip validate` below says what is wrong with it
        outcome = fix_text(text, limits)
        if outcome.refused:
            print(f"{printable(name)}: not fixed: {outcome.refused}", file=sys.stderr)
            refused += 1
            continue
        if not outcome.fixes:
            _print_left(name, outcome.left)
            continue
        if dry_run:
            fixed += len(outcome.fixes)
            would_be[name] = outcome.text
            sys.stdout.writelines(
                difflib.unified_diff(text.splitlines(True), outcome.text.splitlines(True), name, name)
            )
            _print_left(name, outcome.left)
            continue
        if not force and _read_only(name):
            print(
                f"{printable(name)}: not fixed: the file is read-only; use --force to rewrite it anyway",
                file=sys.stderr,
            )
            refused += 1
            continue
        fixed += len(outcome.fixes)
        write_atomic(Path(name), outcome.text, force=True)
        for fix in outcome.fixes:
            print(f"{printable(name)}:{fix.line}: fixed {printable(fix.describe())}", file=sys.stderr)
        _print_left(name, outcome.left)
    verb = "would fix" if dry_run else "fixed"
    print(f"sip fix: {verb} {plural(fixed, 'problem')}", file=sys.stderr)
    if dry_run:
        status = _report_remaining(files, would_be, settings, by_file, color)
        return max(status, Exit.FAILED) if refused else status
    status = check_and_report(paths, files, settings, format="text", color=color, by_file=by_file)
    return max(status, Exit.FAILED) if refused else status


def _report_remaining(
    files: list[str], would_be: dict[str, str], settings: Settings, by_file: dict[str, Settings], color: bool
) -> int:
    """--dry-run: what `sip validate` would still report once the fixes are written, on
    standard error (standard output holds the diff), and the status `sip fix` would end with."""
    from sip.check.file import check_bytes, check_file
    from sip.check.result import Run
    from sip.check.run import run_level_diagnostics
    from sip.diagnostic import WARNING, Diagnostic
    from sip.exits import exit_for
    from sip.output.formats import Style, writer

    results = [
        check_bytes(would_be[name].encode("utf-8"), name, by_file[name])
        if name in would_be
        else check_file(name, by_file[name])
        for name in files
    ]
    cross = run_level_diagnostics(results, settings, by_file)
    diagnostics = [
        d for r in results for d in (*r.diagnostics, *sorted(cross.get(r.file, []), key=Diagnostic.sort_key))
    ]
    run = Run(files, results, diagnostics)
    if diagnostics:
        print("sip fix: left for a person to fix:", file=sys.stderr)
    writer("validate", "text")(run, sys.stderr, Style(color=color))
    strict = sum(1 for d in diagnostics if d.severity == WARNING and by_file[d.file].strict)
    return exit_for(run.errors, strict, "warning")


def _read_only(name: str) -> bool:
    """No write permission for anyone, or none for this user (root may write anything, so the
    file's own bits are asked too)."""
    try:
        mode = os.stat(name).st_mode
    except OSError:
        return False
    return not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) or not os.access(name, os.W_OK)


def _print_left(name: str, left: list[tuple[int, str, str]]) -> None:
    from sip.output.plain_text import printable

    for line, path, why in left:
        print(f"{printable(name)}:{line}: left {path} as it is: {printable(why)}", file=sys.stderr)
