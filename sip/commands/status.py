from __future__ import annotations

import datetime as dt
import sys
from functools import partial
from pathlib import Path

from sip.check.config import settings_for
from sip.check.result import FileResult
from sip.check.run import validate
from sip.output.formats import Style, writer
from sip.output.progress import progress_bar
from sip.output.status import PlanSummary, StatusReport, glance, rows_for, totals_of
from sip.read.discover import plan_files


def status_command(
    paths: list[str], *, format: str, as_of: str | None, config: Path | None, color: bool
) -> int:
    settings = settings_for(paths, config, as_of=as_of)
    files = plan_files(paths, settings.exclude, settings.root)
    with progress_bar(len(files), "Reading plans") as progress:
        # The figures are made in the worker processes: sending them back costs a fraction
        # of sending whole plans (measured in bench/status_diff.py).
        run = validate(
            files,
            settings,
            progress=progress,
            summarise=partial(_glance, as_of=settings.as_of, deadlines=settings.deadlines),
        )
    glances: dict[str, PlanSummary] = {
        r.file: r.summary for r in run.results if isinstance(r.summary, PlanSummary)
    }
    rows = rows_for(run, glances)
    report = StatusReport(rows, totals_of(rows), settings.as_of)
    writer("status", format)(report, sys.stdout, Style(color=color))
    return 0


def _glance(result: FileResult, as_of: dt.date, deadlines: dict[str, dict[str, int]]) -> PlanSummary | None:
    """In the worker: the figures of one plan that the rules could read."""
    return glance(result.plan, as_of, deadlines) if result.plan is not None else None
