from __future__ import annotations

import sys
from pathlib import Path

from sip.check.config import settings_for
from sip.output.run_report import decide_fail_on, default_format, report
from sip.read.discover import plan_files


def validate_command(paths: list[str], *, format: str | None, as_of: str | None,
                     strict: bool | None, config: Path | None, color: bool,
                     ignore: list[str] | None = None, fail_on: str | None = None,
                     outputs: list[str] | None = None, changed_since: str | None = None) -> int:
    settings = settings_for(paths, config, as_of=as_of, strict=strict, ignore=ignore)
    format = format or default_format()
    fail_on = decide_fail_on(fail_on, strict, settings.strict)
    from sip.output.report_files import parse_outputs, refuse_plans

    report_files = parse_outputs(outputs or [])
    files = plan_files(paths, settings.exclude, settings.root)
    refuse_plans(report_files, files)
    known_ids: dict[str, str] = {}
    if changed_since is not None:
        from sip.history.changed import plan_ids, split_changed

        files, unchanged = split_changed(files, changed_since)
        known_ids = plan_ids(unchanged)
        print(f"sip: {len(files)} of {len(files) + len(unchanged)} plans changed since "
              f"{changed_since}", file=sys.stderr)
    return report(paths, files, settings, format=format, color=color, fail_on=fail_on,
                  report_files=report_files, known_ids=known_ids)
