"""`sip import WORKBOOK PLAN`: apply what the supplier changed in an exported workbook.

A workbook with any problem is refused whole (exit 2), each problem at its cell, and nothing
is written; so is a workbook exported from another plan, and a read-only plan without --force.
A plan the import would leave with new errors is not written either (exit 1, the
errors shown). Changes that conflict with the plan's own since the export are reported and
left as the plan has them; the others are written (exit 1 when there were conflicts).
"""

from __future__ import annotations

import difflib
import os
import stat
import sys
from pathlib import Path

from sip.exits import Exit, UsageError, exit_for_import


def import_command(
    workbook: Path,
    plan: Path,
    *,
    dry_run: bool,
    as_of: str | None,
    config: Path | None,
    color: bool,
    force: bool = False,
    language: str = "en",
) -> int:
    from sip.check.config import settings_for
    from sip.check.file import check_bytes
    from sip.check.result import Run
    from sip.diagnostic import ERROR
    from sip.edit.fix import RoundTripError
    from sip.edit.workbook_changes import check_plan, check_rows, supplier_changes
    from sip.edit.workbook_import import merge
    from sip.edit.workbook_read import Refused, read_workbook
    from sip.files import write_atomic
    from sip.format.workbook_words import Words
    from sip.output.formats import Style, writer

    settings = settings_for([str(plan)], config, as_of=as_of)
    try:
        raw = plan.read_bytes()
        text = raw.decode("utf-8")
    except OSError as error:
        raise UsageError(f"{plan}: cannot be read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{plan}: not UTF-8 text; `sip validate {plan}` says where") from None
    name = str(plan)
    before = check_bytes(raw, name, settings, keep_plan=True)
    style = Style(color=color)
    if before.plan is None:
        # The rows are compared with the plan's items, which only a plan sip can read has.
        problems = [d for d in before.diagnostics if d.severity == ERROR]
        writer("validate", "text")(Run([name], [before], problems), sys.stderr, style)
        print(
            f"sip: nothing imported: sip cannot read {plan} as a plan until the errors above are fixed",
            file=sys.stderr,
        )
        return Exit.FAILED
    try:
        words = Words(language)
        returned = read_workbook(workbook, len(raw), words)
        check_plan(returned, before.plan, str(workbook), name)
        found = supplier_changes(returned, before.plan, words)
        check_rows(returned, found, before.plan, name, words)
    except Refused as refused:
        for problem in refused.problems:
            print(problem, file=sys.stderr)
        count = len(refused.problems)
        print(
            f"sip: {workbook} refused ({count} problem{'s' if count != 1 else ''}); nothing was written",
            file=sys.stderr,
        )
        return Exit.USAGE
    try:
        merged = merge(text, found)
    except RoundTripError as error:
        print(
            f"sip: nothing imported: ruamel.yaml, which writes the changes, cannot read {plan} "
            f"({error}); fix it by hand first",
            file=sys.stderr,
        )
        return Exit.FAILED
    if merged.text != text and not dry_run and not force and _read_only(plan):
        print(
            f"sip: {plan}: not imported: the file is read-only; use --force to rewrite it anyway",
            file=sys.stderr,
        )
        return Exit.USAGE
    new_errors = []
    if merged.text != text:
        after = check_bytes(merged.text.encode("utf-8"), name, settings)
        known = {(d.code, d.path, d.message) for d in before.diagnostics}
        new_errors = [
            d for d in after.diagnostics if d.severity == ERROR and (d.code, d.path, d.message) not in known
        ]
        sys.stdout.writelines(
            difflib.unified_diff(text.splitlines(True), merged.text.splitlines(True), name, name)
        )
        sys.stdout.flush()
    for conflict in merged.conflicts:
        print(f"conflict: {conflict}", file=sys.stderr)
    if new_errors:
        writer("validate", "text")(Run([name], [after], new_errors), sys.stderr, style)
        print(
            f"sip: nothing written: the import would leave {plan} with "
            f"{len(new_errors)} new error{'s' if len(new_errors) != 1 else ''} (above); "
            "settle them with the supplier, or fix the plan first",
            file=sys.stderr,
        )
        return exit_for_import(len(new_errors), len(merged.conflicts))
    for line in merged.derived:
        print(f"also: {line}", file=sys.stderr)
    if merged.text != text and not dry_run:
        write_atomic(plan, merged.text, made_by_sip=lambda _: True, force=True)
    verb = "would apply" if dry_run else "applied"
    print(
        f"sip import: {verb} {len(merged.applied)} change{'s' if len(merged.applied) != 1 else ''}"
        f" from {workbook}; {merged.already} already in the plan; "
        f"{len(merged.conflicts)} conflict{'s' if len(merged.conflicts) != 1 else ''}",
        file=sys.stderr,
    )
    return exit_for_import(0, len(merged.conflicts))


def _read_only(plan: Path) -> bool:
    """No write permission for anyone, or none for this user (root may write anything, so the
    file's own bits are asked too), as `sip fix` decides."""
    try:
        mode = plan.stat().st_mode
    except OSError:
        return False
    return not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) or not os.access(plan, os.W_OK)
