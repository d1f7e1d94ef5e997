from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from sip.config import find_config, load_settings, parse_codes, with_options
from sip.discover import plan_files
from sip.exits import UsageError, exit_for
from sip.progress import progress_bar
from sip.reporters import Style, reporter
from sip.validate import validate


def validate_command(paths: list[str], *, format: str | None, as_of: str | None,
                     strict: bool | None, config: Path | None, color: bool,
                     ignore: list[str] | None = None, fail_on: str | None = None,
                     outputs: list[str] | None = None, changed_since: str | None = None) -> int:
    settings = settings_for(paths, config, as_of=as_of, strict=strict, ignore=ignore)
    format = format or default_format()
    fail_on = decide_fail_on(fail_on, strict, settings.strict)
    from sip.report_files import parse_outputs, refuse_plans

    report_files = parse_outputs(outputs or [])
    files = plan_files(paths, settings.exclude, settings.root)
    refuse_plans(report_files, files)
    known_ids: dict[str, str] = {}
    if changed_since is not None:
        from sip.changed import plan_ids, split_changed

        files, unchanged = split_changed(files, changed_since)
        known_ids = plan_ids(unchanged)
        print(f"sip: {len(files)} of {len(files) + len(unchanged)} plans changed since "
              f"{changed_since}", file=sys.stderr)
    return report(paths, files, settings, format=format, color=color, fail_on=fail_on,
                  report_files=report_files, known_ids=known_ids)


def report(paths: list[str], files: list[str], settings, *, format: str, color: bool,
           fail_on: str | None = None, report_files: list[tuple[str, Path]] | None = None,
           known_ids: dict[str, str] | None = None) -> int:
    """Check the files and write the result in one format (and any report files); the run's
    exit status. fail_on None: as the settings say (strict or not)."""
    from sip.report_files import write_outputs

    with progress_bar(len(files), "Checking plans") as progress:
        run = validate(files, settings, progress=progress, known_ids=known_ids)
    style = Style(color=color and format == "text", excerpts=color and format == "text")
    reporter(format).write(run, sys.stdout, style)
    sys.stdout.flush()
    write_outputs(run, report_files or [])
    if "github" in (format, *(name for name, _ in report_files or [])):
        append_step_summary(run)
    return exit_for(run.errors, run.warnings,
                    fail_on or ("warning" if settings.strict else "error"))


def default_format() -> str:
    """Annotations when running in GitHub Actions, text anywhere else."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def decide_fail_on(fail_on: str | None, strict_option: bool | None, strict_setting: bool) -> str:
    """--fail-on wins; --strict (or `strict = true` in the configuration) means warning."""
    if fail_on is not None:
        if strict_option and fail_on != "warning":
            raise UsageError(f"--strict means --fail-on warning; it contradicts --fail-on {fail_on}")
        return fail_on
    return "warning" if strict_setting else "error"


def append_step_summary(run) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    from sip.reporters.github import step_summary

    try:
        with open(target, "a", encoding="utf-8") as stream:
            stream.write(step_summary(run))
    except OSError as error:
        print(f"sip: could not write the step summary to {target}: {error.strerror}",
              file=sys.stderr)


def settings_for(paths: list[str], config: Path | None, **options):
    """The run's settings: the configuration file, then the command-line options."""
    if config is not None and not config.is_file():
        raise UsageError(f"{config}: no such configuration file")
    found = config or find_config([Path(p) for p in paths if p != "-"])
    as_of = options.pop("as_of", None)
    ignore = options.pop("ignore", None)
    settings = load_settings(found)
    if ignore:  # adds to the configuration's list: an option should not re-enable what a team
        # turned off for its repository
        extra = parse_codes(ignore, lambda message: UsageError(f"--ignore: {message}"))
        options["ignore"] = settings.ignore + extra
    return with_options(settings, as_of=dt.date.fromisoformat(as_of) if as_of else None,
                        **options)
