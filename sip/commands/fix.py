from __future__ import annotations

import difflib
import sys
from pathlib import Path

from sip.exits import UsageError


def fix_command(paths: list[str], *, dry_run: bool, config: Path | None, color: bool) -> int:
    from sip.check.config import settings_for
    from sip.edit.fix import fix_text
    from sip.files import write_atomic
    from sip.format.wording import plural
    from sip.output.run_report import report
    from sip.read.discover import plan_files
    from sip.read.loader import Limits

    if "-" in paths:
        raise UsageError("sip fix rewrites files; it cannot fix standard input")
    settings = settings_for(paths, config)
    files = plan_files(paths, settings.exclude, settings.root)
    limits = Limits(max_bytes=settings.max_file_size)
    fixed = 0
    for name in files:
        try:
            text = Path(name).read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # `sip validate` below says what is wrong with it
        outcome = fix_text(text, limits)
        if outcome.refused:
            print(f"{name}: not fixed: {outcome.refused}", file=sys.stderr)
            continue
        if not outcome.fixes:
            continue
        fixed += len(outcome.fixes)
        if dry_run:
            sys.stdout.writelines(difflib.unified_diff(
                text.splitlines(True), outcome.text.splitlines(True), name, name))
        else:
            write_atomic(Path(name), outcome.text, made_by_sip=lambda _: True, force=True)
            for fix in outcome.fixes:
                print(f"{name}:{fix.line}: fixed {fix.describe()}", file=sys.stderr)
    verb = "would fix" if dry_run else "fixed"
    print(f"sip fix: {verb} {plural(fixed, 'problem')}", file=sys.stderr)
    if dry_run:
        return 0
    return report(paths, files, settings, format="text", color=color)
