from __future__ import annotations

import sys
from pathlib import Path

from sip.check.cache import cache_for
from sip.check.config import per_file, settings_for
from sip.commands.tasks.run_check import check_and_report, decide_fail_on, default_format
from sip.read.discover import looks_like_a_plan, plan_files


def validate_command(
    paths: list[str],
    *,
    format: str | None,
    as_of: str | None,
    strict: bool | None,
    config: Path | None,
    color: bool,
    ignore: list[str] | None = None,
    frameworks: list[str] | None = None,
    fail_on: str | None = None,
    outputs: list[str] | None = None,
    changed_since: str | None = None,
    sarif_suppressed: bool = False,
    quiet: bool = False,
    plans_only: bool = False,
    cache: bool = True,
) -> int:
    settings = settings_for(paths, config, as_of=as_of, strict=strict, ignore=ignore, frameworks=frameworks)
    own = per_file(config, as_of=as_of, strict=strict, ignore=ignore, frameworks=frameworks)
    format = format or default_format()
    if fail_on is not None or strict:
        fail_on = decide_fail_on(fail_on, strict, settings.strict)
    # else None: each plan's own configuration says whether its warnings fail the run
    from sip.output.report_files import parse_outputs, refuse_plans

    report_files = parse_outputs(outputs or [])
    files = plan_files(paths, exclude_for=own.excludes)
    known_ids: dict[str, str] = {}
    if plans_only:
        from sip.history.repository import other_plan_ids

        files = [name for name in files if looks_like_a_plan(name)]
        # pre-commit hands a long list of files over in batches, whatever require_serial says:
        # SIP203 compares each batch with every other plan of the repository, as CI would
        known_ids = other_plan_ids(files, own.excludes)
    refuse_plans(report_files, files)
    if changed_since is not None:
        from sip.history.changed import plan_ids, split_changed

        files, unchanged = split_changed(files, changed_since)
        known_ids = {**known_ids, **plan_ids(unchanged)}
        if not quiet:
            print(
                f"sip: {len(files)} of {len(files) + len(unchanged)} plans changed since {changed_since}",
                file=sys.stderr,
            )
    by_file = {name: own(name) for name in files}  # a bad configuration stops the run here
    return check_and_report(
        paths,
        files,
        settings,
        format=format,
        color=color,
        fail_on=fail_on,
        by_file=by_file,
        report_files=report_files,
        known_ids=known_ids,
        sarif_suppressed=sarif_suppressed,
        quiet=quiet,
        cache=cache_for(settings, enabled=cache),
    )
