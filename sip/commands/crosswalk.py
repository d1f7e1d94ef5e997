"""`sip crosswalk`: each plan read against a framework's profile, requirement by requirement.

The plans are checked as `sip validate --framework NAME` checks them (the framework's rules run
whether or not a plan names it), and each requirement's status comes from those rules'
diagnostics (sip/frameworks/crosswalk.py). Without --framework, each plan is read against the
frameworks it names itself, and the configuration's. A plan sip cannot read as a plan has no
crosswalk: its diagnostics go to standard error (exit 1).
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from sip.check.config import Settings, settings_for
from sip.check.file import rule_runs
from sip.check.run import validate
from sip.exits import Exit, UsageError
from sip.format.vocab import FRAMEWORK
from sip.frameworks import PROFILES
from sip.frameworks.crosswalk import Crosswalk, crosswalk
from sip.model import Plan
from sip.output.crosswalk_formats import CrosswalkReport
from sip.output.formats import Style, writer
from sip.output.progress import progress_bar
from sip.read.discover import plan_files


def crosswalk_command(
    paths: list[str],
    *,
    frameworks: list[str] | None,
    format: str,
    as_of: str | None,
    config: Path | None,
) -> int:
    settings = settings_for(paths, config, as_of=as_of, frameworks=frameworks)
    files = plan_files(paths, settings.exclude, settings.root)
    with progress_bar(len(files), "Checking plans") as progress:
        run = validate(files, settings, keep_plans=True, progress=progress)
    named = tuple(dict.fromkeys(frameworks or ()))
    crosswalks: list[Crosswalk] = []
    unread = []
    for result in run.results:
        plan = result.plan
        if plan is None:
            unread.append(result)
            continue
        diagnostics = [d for d in run.diagnostics if d.file == result.file]
        wanted = named or tuple(dict.fromkeys((*settings.frameworks, *plan.frameworks)))
        for name in wanted:
            crosswalks.append(
                crosswalk(
                    plan,
                    diagnostics,
                    PROFILES[name],
                    file=result.file,
                    as_of=settings.as_of,
                    ran=partial(_ran, plan=plan, settings=settings),
                )
            )
    if unread:
        unread_files = {r.file for r in unread}
        writer("validate", "text")(_only(run, unread_files), sys.stderr, Style())
        print(
            "sip: no crosswalk for a file that cannot be read as a plan: fix the errors above",
            file=sys.stderr,
        )
    if not crosswalks and not unread:
        raise UsageError(
            "no framework to read the plans against: name one with --framework "
            f"({', '.join(FRAMEWORK)}), or in the plans' frameworks or the configuration's"
        )
    if crosswalks:
        writer("crosswalk", format)(CrosswalkReport(settings.as_of, crosswalks), sys.stdout, Style())
    return Exit.FAILED if unread else Exit.OK


def _ran(code: str, plan: Plan, settings: Settings) -> bool:
    return rule_runs(code, plan, settings.ignores, settings.frameworks)


def _only(run, files: set[str]):
    from sip.check.result import Run

    return Run(
        [f for f in run.files if f in files],
        [r for r in run.results if r.file in files],
        [d for d in run.diagnostics if d.file in files],
    )
