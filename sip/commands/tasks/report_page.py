"""One plan's report page, HTML or Markdown: the same page whether `sip render` writes one plan
or a site (where worker processes make the pages)."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from sip.check.config import Settings
from sip.check.file import STDIN, gc_paused, rule_runs
from sip.check.result import FileResult
from sip.diagnostic import Diagnostic, readable
from sip.model import Plan
from sip.output.plain_text import printable
from sip.output.render import pages
from sip.output.render.build import plan_report
from sip.output.render.context import PlanReport
from sip.output.render.environment import Templates
from sip.output.render.links import NO_LINKS, PageLinks


@dataclass(frozen=True)
class Page:
    """What every page of one run shares; picklable, so that worker processes make pages."""

    templates: Path | None  # the user's --templates folder
    format: str  # "html" or "md"
    settings: Settings
    public: bool
    force: bool
    # a site's history: file -> the month ends at which its content on disk stood in git, whose
    # figures the worker that checks it takes (sip/commands/tasks/portfolio_history.py)
    past: dict[str, tuple[dt.date, ...]] = field(default_factory=dict)
    frameworks: tuple[str, ...] = ()  # --framework: a crosswalk section for each, in every report
    dossier: str | None = None  # --dossier: the evidence dossier for this framework, not the report

    def report(
        self,
        plan: Plan,
        diagnostics: list[Diagnostic],
        file: str,
        index_link: str | None = None,
        links: PageLinks = NO_LINKS,
    ) -> PlanReport:
        return plan_report(
            plan,
            diagnostics,
            as_of=self.settings.as_of,
            public=self.public,
            source_file=named(file),
            index_link=index_link,
            forced=self.force,
            public_identifiers=self.settings.public_identifiers,
            deadlines=self.settings.deadlines,
            links=links,
            frameworks=self.frameworks,
            ran=partial(_ran, plan=plan, settings=self.settings),
        )

    def render(self, report: PlanReport) -> str:
        return pages.marked(renderer(self.templates).render(f"report.{self.format}.j2", report=report))

    def text(self, plan: Plan, diagnostics: list[Diagnostic], file: str) -> str:
        """One plan's page, on its own."""
        with gc_paused():
            return self.page(plan, diagnostics, file)

    def page(
        self,
        plan: Plan,
        diagnostics: list[Diagnostic],
        file: str,
        index_link: str | None = None,
        report: PlanReport | None = None,
    ) -> str:
        """The page's text: the evidence dossier when asked (--dossier), else the report (the
        one given, when the caller built it already)."""
        if self.dossier is None:
            return self.render(report or self.report(plan, diagnostics, file, index_link))
        from sip.output.render.dossier import dossier

        page = dossier(
            plan,
            diagnostics,
            self.dossier,
            as_of=self.settings.as_of,
            index_link=index_link,
            public_identifiers=self.settings.public_identifiers,
            ran=partial(_ran, plan=plan, settings=self.settings),
        )
        return pages.marked(renderer(self.templates).render(f"dossier.{self.format}.j2", dossier=page))


def _ran(code: str, plan: Plan, settings: Settings) -> bool:
    return rule_runs(code, plan, settings.ignores, settings.frameworks)


_renderers: dict[Path | None, Templates] = {}


def renderer(templates: Path | None) -> Templates:
    """Each process compiles the templates once."""
    if templates not in _renderers:
        _renderers[templates] = Templates(templates)
    return _renderers[templates]


def named(file: str) -> str:
    return "standard input" if file == STDIN else readable(file)


def say_not_rendered(result: FileResult) -> None:
    print(
        f"sip: {printable(result.file)} was not rendered: sip cannot read it as a plan until its format "
        "errors are fixed",
        file=sys.stderr,
    )
