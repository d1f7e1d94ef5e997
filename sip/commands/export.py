"""`sip export PLAN -o FILE`: the plan's actions, instalments and findings as a workbook.

An existing file is never replaced without --force, not even a workbook sip exported: it may
be one a supplier filled in and returned, not imported yet. Items marked confidential are left
out unless --include-confidential: the workbook goes to the site the plan is about.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sip.exits import Exit, UsageError


def export_command(
    plan: Path,
    out: Path,
    *,
    as_of: str | None,
    force: bool,
    config: Path | None,
    language: str = "en",
    include_confidential: bool = False,
) -> int:
    from sip.check.config import settings_for
    from sip.check.file import check_bytes
    from sip.check.result import Run
    from sip.files import write_atomic
    from sip.format.workbook_rows import left_out
    from sip.output.formats import Style, writer
    from sip.output.workbook import Export, workbook_bytes

    if out.suffix.lower() != ".xlsx":
        raise UsageError(f"{out}: a workbook sip writes is an .xlsx file; name it so")
    if not force and (out.exists() or out.is_symlink()):
        raise UsageError(
            f"{out}: exists; sip export never replaces a workbook (it may be one a supplier "
            "returned): import it first, or name another file, or use --force to replace it"
        )
    settings = settings_for([str(plan)], config, as_of=as_of)
    try:
        raw = plan.read_bytes()
    except OSError as error:
        raise UsageError(f"{plan}: cannot be read: {error.strerror or error}") from None
    result = check_bytes(raw, str(plan), settings, keep_plan=True)
    if result.plan is None:
        writer("validate", "text")(Run([str(plan)], [result], result.diagnostics), sys.stderr, Style())
        print(
            f"sip: nothing exported: sip cannot read {plan} as a plan until its format errors are fixed",
            file=sys.stderr,
        )
        return Exit.FAILED
    content = workbook_bytes(
        Export(result.plan, str(plan), raw, settings.as_of, language, confidential=include_confidential)
    )
    write_atomic(out, content, made_by_sip=lambda _: False, force=force)
    print(
        f"wrote {out}: {plan}'s actions for the supplier to update; `sip import {out} "
        f"{plan}` applies what they changed",
        file=sys.stderr,
    )
    withheld = 0 if include_confidential else left_out(result.plan)
    if withheld:
        print(
            f"left out {withheld} confidential finding{'s' if withheld > 1 else ''} or action"
            f"{'s' if withheld > 1 else ''} (--include-confidential puts them in)",
            file=sys.stderr,
        )
    return Exit.OK
