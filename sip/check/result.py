"""What checking produces: one file's result, and a whole run's."""

from __future__ import annotations

from dataclasses import dataclass, field

from sip.check.waivers import ActiveWaiver
from sip.diagnostic import ERROR, WAIVED, WARNING, Diagnostic
from sip.model import Plan
from sip.rules.context import PlanFacts


@dataclass
class FileResult:
    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    rules_ran: bool = False  # False when the file has SIP0xx/SIP1xx errors
    plan_id: str | None = None
    plan_id_position: tuple[int, int] = (1, 1)
    plan: Plan | None = None  # only when asked for (render, status): models are costly to pickle
    # The plan's waivers of run-level rules (SIP203) in force: the run applies them.
    waivers: list[ActiveWaiver] = field(default_factory=list)
    item_ids: dict[str, str] = field(default_factory=dict)  # 'findings[3]' -> 'F-4', for diagnostics' paths
    summary: object = None  # what validate(summarise=...) made of the plan in the worker
    facts: PlanFacts | None = None  # what rules over the whole run read (SIP205), once validated


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
