"""Check files and report the run: one format on standard output, report files, GitHub's step
summary, and the exit status. Shared by `sip validate` and `sip fix`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sip.check.cache import Cache
from sip.check.config import Settings
from sip.check.result import Run
from sip.check.run import validate
from sip.diagnostic import WARNING
from sip.exits import UsageError, exit_for
from sip.output.formats import Style, writer
from sip.output.progress import progress_bar


def check_and_report(
    paths: list[str],
    files: list[str],
    settings: Settings,
    *,
    format: str,
    color: bool,
    fail_on: str | None = None,
    report_files: list[tuple[str, Path]] | None = None,
    known_ids: dict[str, str] | None = None,
    sarif_suppressed: bool = False,
    quiet: bool = False,
    by_file: dict[str, Settings] | None = None,
    cache: Cache | None = None,
) -> int:
    """Check the files and write the result in one format (and any report files); the run's
    exit status. fail_on None: as the settings say (strict or not), each file's own when
    `by_file` gives them."""
    from sip.output.report_files import write_outputs

    with progress_bar(0 if quiet else len(files), "Checking plans") as progress:
        run = validate(
            files,
            settings,
            progress=progress,
            known_ids=known_ids,
            by_file=by_file,
            compact=True,
            cache=cache,
        )
    style = Style(
        color=color and format == "text", excerpts=format == "text", suppressed=sarif_suppressed, quiet=quiet
    )
    if fail_on is not None:
        status = exit_for(run.errors, run.warnings, fail_on)
    else:
        strict_warnings = sum(
            1
            for d in run.diagnostics
            if d.severity == WARNING and (by_file or {}).get(d.file, settings).strict
        )
        status = exit_for(run.errors, strict_warnings, "warning")
    try:
        writer("validate", format)(run, sys.stdout, style)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`sip validate plans/ | head -n 1`): the rest is not printed, but
        # the run was checked, so it ends with the status the checks decided (never 0 for a
        # run with errors; docs/ci.md), after writing its report files.
        from sip.files import silence_stdout

        silence_stdout()
    write_outputs(run, report_files or [], Style(suppressed=sarif_suppressed))
    if "github" in (format, *(name for name, _ in report_files or [])):
        append_step_summary(run)
    return status


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


def append_step_summary(run: Run) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    from sip.output.diagnostics.github import step_summary

    try:
        with open(target, "a", encoding="utf-8") as stream:
            stream.write(step_summary(run))
    except OSError as error:
        print(f"sip: could not write the step summary to {target}: {error.strerror}", file=sys.stderr)
