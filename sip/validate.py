"""`sip validate`: check every plan file of a run and gather one sorted result."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from sip.check import FileResult, check_file
from sip.config import Settings
from sip.diagnostic import ERROR, WAIVED, WARNING, Diagnostic
from sip.parallel import map_files
from sip.rules import RUN_RULES
from sip.waivers import apply_to_run


@dataclass
class Run:
    files: list[str]
    results: list[FileResult]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def count(self, severity: str) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)

    @property
    def errors(self) -> int:
        return self.count(ERROR)

    @property
    def warnings(self) -> int:
        return self.count(WARNING)

    @property
    def waived(self) -> int:
        return self.count(WAIVED)

    @property
    def not_rule_checked(self) -> int:
        return sum(1 for r in self.results if not r.rules_ran)


def validate(files: list[str], settings: Settings, keep_plans: bool = False,
             progress: Callable[[int], None] | None = None) -> Run:
    work = partial(check_file, settings=settings, keep_plan=keep_plans)
    results = map_files(work, files, on_crash=partial(_crashed, settings=settings),
                        progress=progress)
    cross = run_level_diagnostics(results, settings)
    diagnostics = []
    for result in results:
        diagnostics.extend(result.diagnostics)
        diagnostics.extend(sorted(cross.get(result.file, []), key=Diagnostic.sort_key))
    order = {name: i for i, name in enumerate(files)}
    diagnostics.sort(key=lambda d: (order.get(d.file, len(order)), d.line, d.column, d.code))
    return Run(files, results, diagnostics)


def _crashed(name: str, settings: Settings) -> FileResult:
    message = "sip's YAML parser crashed on this file; it was skipped (please report this)"
    return FileResult(name, [Diagnostic(name, 1, 1, "SIP004", ERROR, message, "")])


def run_level_diagnostics(results: list[FileResult], settings: Settings,
                          ) -> dict[str, list[Diagnostic]]:
    """The diagnostics of rules that compare files (SIP203), by file, with each file's waivers
    of those rules applied."""
    found: dict[str, list[Diagnostic]] = {}
    for rule in RUN_RULES:
        if not settings.ignores(rule.CODE):
            for diagnostic in rule.check_run(results):
                found.setdefault(diagnostic.file, []).append(diagnostic)
    out: dict[str, list[Diagnostic]] = {}
    for result in results:
        diagnostics = found.get(result.file, [])
        waivers = [w for w in result.waivers if not settings.ignores(w.rule)]
        if waivers:
            diagnostics = [d for d in apply_to_run(diagnostics, waivers, result.file)
                           if not settings.ignores(d.code)]
        if diagnostics:
            out[result.file] = diagnostics
    return out
