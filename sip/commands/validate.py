from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from sip.config import find_config, load_settings, parse_codes, with_options
from sip.discover import plan_files
from sip.exits import UsageError, exit_for
from sip.progress import progress_bar
from sip.reporters import Style, reporter
from sip.validate import validate


def validate_command(paths: list[str], *, format: str, as_of: str | None, strict: bool | None,
                     config: Path | None, color: bool, ignore: list[str] | None = None) -> int:
    settings = settings_for(paths, config, as_of=as_of, strict=strict, ignore=ignore)
    files = plan_files(paths, settings.exclude, settings.root)
    return report(paths, files, settings, format=format, color=color)


def report(paths: list[str], files: list[str], settings, *, format: str, color: bool) -> int:
    """Check the files and write the result in one format; the run's exit status."""
    with progress_bar(len(files), "Checking plans") as progress:
        run = validate(files, settings, progress=progress)
    style = Style(color=color and format == "text", excerpts=color and format == "text")
    reporter(format).write(run, sys.stdout, style)
    sys.stdout.flush()
    return exit_for(run.errors, run.warnings, "warning" if settings.strict else "error")


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
