"""A validated plan and its diagnostics -> the PlanReport its templates receive; plans -> SiteIndex.

The audience is decided here and nowhere else: for the public, evidence, the owner's name and
e-mail, reviewers' names and verification evidence become None, and every text goes through
the personal-data mask (the detector behind SIP601).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from sip.diagnostic import ERROR, WAIVED, WARNING, Diagnostic
from sip.format import vocab
from sip.format.countries import COUNTRIES
from sip.format.personal_data import mask
from sip.model import Plan
from sip.model import plan as model
from sip.output.figures import Progress, progress
from sip.output.render import context as c


def label(words: dict[str, str], value: str) -> c.Label:
    return c.Label(value, words[value])


def _labels(words: dict[str, str], values: Iterable[str]) -> list[c.Label]:
    return [label(words, v) for v in values]


def _counts(words: dict[str, str], counts: dict[str, int]) -> list[c.Count]:
    return [c.Count(label(words, value), counts.get(value, 0)) for value in words]


def _same(text: str) -> str:
    return text


_LEVELS = tuple(vocab.LEVEL)


def rating(likelihood: str, impact: str) -> c.Label:
    """likelihood x impact on a 3 x 3 grid: 1-2 low, 3-4 medium, 6-9 high."""
    score = (_LEVELS.index(likelihood) + 1) * (_LEVELS.index(impact) + 1)
    return label(vocab.LEVEL, "low" if score <= 2 else "medium" if score <= 4 else "high")


def money_line(currency: str, committed: float, paid: float) -> c.MoneyLine:
    percent = int(paid * 100 // committed) if committed else 0
    return c.MoneyLine(currency, committed, paid, percent)


def problems(diagnostics: Iterable[Diagnostic], public: bool) -> list[c.Problem]:
    text = mask if public else _same
    return [c.Problem(d.line, d.column, d.code, d.severity, text(d.message), d.path,
                      None if d.reason is None else text(d.reason)) for d in diagnostics]


class _Builder:
    def __init__(self, plan: Plan, as_of: dt.date, public: bool) -> None:
        self.plan = plan
        self.as_of = as_of
        self.public = public
        self.text: Callable[[str], str] = mask if public else _same
        self.known = set(plan.items())

    def optional(self, value: str | None) -> str | None:
        return None if value is None else self.text(value)

    def private(self, value: str | None) -> str | None:
        """What must not leave the company: nothing for the public."""
        return None if self.public or value is None else value

    def refs(self, ids: Iterable[str]) -> list[c.Ref]:
        return [c.Ref(i, i, i in self.known) for i in ids]

    def source(self, s: model.Source) -> c.Source:
        return c.Source(s.id, label(vocab.SOURCE_KIND, s.kind), self.text(s.reference), s.date)

    def action(self, a: model.Action) -> c.Action:
        response = isinstance(a, model.Response)
        overdue = a.is_overdue(self.as_of)
        verification = None
        if a.verification is not None:
            v = a.verification
            evidence = self.optional(self.private(v.evidence))
            verification = c.Verification(self.text(v.method), v.date, evidence)
        amount = None
        if response and a.amount is not None:
            amount = money_line(a.amount.currency, a.amount.committed, a.amount.paid)
        return c.Action(
            id=a.id, anchor=a.id, type="response" if response else "improvement",
            kind=label(vocab.RESPONSE_KIND, a.kind) if response
            else label(vocab.IMPROVEMENT_ELEMENT, a.element),
            remedy=label(vocab.REMEDY, a.remedy) if response and a.remedy else None,
            action=self.text(a.action), owner=self.text(a.owner), due=a.due,
            status=label(vocab.ACTION_STATUS, a.status), completed=a.completed, open=a.is_open,
            overdue=overdue, days_overdue=(self.as_of - a.due).days if overdue else 0,
            addresses=self.refs(a.addresses), providers=self.refs(a.providers if response else ()),
            contingency=self.optional(a.contingency) if response else None,
            verification=verification,
            voluntary=a.voluntary if response else None,
            workers_covered=a.workers_covered if response else None,
            amount=amount,
            basis=label(vocab.REMEDY_BASIS, a.basis) if response and a.basis else None,
            measure=None if response else self.optional(a.measure),
        )

    def root_cause(self, r: model.RootCause) -> c.RootCause:
        return c.RootCause(r.id, r.id, label(vocab.ROOT_CAUSE_CATEGORY, r.category), self.text(r.cause),
                           label(vocab.ROOT_CAUSE_METHOD, r.method) if r.method else None,
                           self.refs(r.findings))

    def risk(self, r: model.Risk) -> c.Risk:
        return c.Risk(r.id, r.id, self.text(r.risk), label(vocab.RISK_SOURCE_KIND, r.source.kind),
                      self.text(r.source.name), label(vocab.LEVEL, r.likelihood),
                      label(vocab.LEVEL, r.impact), rating(r.likelihood, r.impact),
                      self.refs(r.root_causes))

    def report(self, source_file: str, index_link: str | None, validation: c.Validation) -> c.PlanReport:
        plan = self.plan
        sources = {s.id: self.source(s) for s in plan.sources}
        responses = [self.action(a) for a in plan.responses]
        improvements = [self.action(a) for a in plan.improvements]
        causes = [self.root_cause(r) for r in plan.root_causes]
        risks = [self.risk(r) for r in plan.risks]
        findings = [self.finding(f, sources, responses, improvements, causes, risks)
                    for f in plan.findings]
        return c.PlanReport(
            as_of=self.as_of, audience=c.PUBLIC if self.public else c.INTERNAL, public=self.public,
            source_file=source_file, index_link=index_link, plan_id=plan.id,
            title=self.text(plan.title), status=label(vocab.PLAN_STATUS, plan.status),
            company=self.text(plan.company),
            involvement=label(vocab.INVOLVEMENT, plan.involvement) if plan.involvement else None,
            site=self.site(), owner=c.Owner(self.text(plan.owner.role), self.private(plan.owner.name),
                                            self.private(plan.owner.email)),
            opened=plan.opened, next_review=plan.next_review, closed=plan.closed,
            glance=self.glance(progress(plan, self.as_of)),
            sources=list(sources.values()), findings=findings, root_causes=causes,
            protection=[a for a in responses if a.kind.value == "protection"],
            remedies=self.remedies(responses),
            corrective=[a for a in responses if a.kind.value == "corrective"],
            providers=[c.Provider(p.id, p.id, self.text(p.name), label(vocab.PROVIDER_KIND, p.kind),
                                  self.text(p.role), p.consulted,
                                  p.consulted is not None and p.consulted <= self.as_of)
                       for p in plan.service_providers],
            risk_map=risk_map(risks), improvements=improvements,
            timeline=sorted([*responses, *improvements], key=lambda a: a.due),
            reviews=[c.Review(r.date, self.optional(self.private(r.by)), self.text(r.summary))
                     for r in plan.reviews],
            waivers=[c.Waiver(w.rule, self.refs(w.ids or ()), self.text(w.reason), w.until,
                              w.until is not None and w.until < self.as_of) for w in plan.waivers],
            validation=validation,
        )

    def site(self) -> c.Site:
        s = self.plan.site
        return c.Site(self.text(s.name), s.country, COUNTRIES[s.country], s.supplier_id, s.tier,
                      s.workers, s.migrant_workers)

    def glance(self, p: Progress) -> c.Glance:
        findings = self.plan.findings
        return c.Glance(
            findings_by_severity=_counts(vocab.SEVERITY, p.findings_by_severity),
            forced_labour_findings=sum(1 for f in findings if f.is_forced_labour),
            workers_affected=max((f.workers_affected or 0 for f in findings), default=0),
            actions_by_status=_counts(vocab.ACTION_STATUS, p.actions_by_status),
            actions=p.actions, open_actions=p.open_actions,
            overdue=self.refs(p.overdue), due_soon=self.refs(p.due_soon),
            money=[money_line(currency, m.committed, m.paid) for currency, m in p.money.items()],
            review_overdue=p.review_overdue,
        )

    def finding(self, f: model.Finding, sources: dict[str, c.Source], responses: list[c.Action],
                improvements: list[c.Action], causes: list[c.RootCause], risks: list[c.Risk],
                ) -> c.Finding:
        chains = []
        for cause in causes:
            if not any(ref.id == f.id for ref in cause.findings):
                continue
            its_risks = [r for r in risks if any(ref.id == cause.id for ref in r.root_causes)]
            targets = {cause.id, *(r.id for r in its_risks)}
            chains.append(c.CauseChain(cause, its_risks, [
                a for a in improvements if any(ref.id in targets for ref in a.addresses)]))
        return c.Finding(
            id=f.id, anchor=f.id, title=self.text(f.title), description=self.optional(f.description),
            severity=label(vocab.SEVERITY, f.severity), forced_labour=f.is_forced_labour,
            indicators=_labels(vocab.INDICATOR, f.indicators),
            worker_groups=_labels(vocab.WORKER_GROUP, f.worker_groups),
            workers_affected=f.workers_affected, source=sources.get(f.source), identified=f.identified,
            evidence=self.optional(self.private(f.evidence)),
            responses=[a for a in responses if any(ref.id == f.id for ref in a.addresses)],
            causes=chains,
        )

    def remedies(self, responses: list[c.Action]) -> list[c.RemedyGroup]:
        return [c.RemedyGroup(label(vocab.REMEDY, remedy), remedy in vocab.RESTORATIVE_REMEDIES,
                              [a for a in responses if a.remedy is not None and a.remedy.value == remedy])
                for remedy in vocab.REMEDY]


def risk_map(risks: list[c.Risk]) -> c.RiskMap:
    levels = _labels(vocab.LEVEL, vocab.LEVEL)
    rows = [[c.RiskCell(likelihood, impact, rating(likelihood.value, impact.value),
                        [r for r in risks if r.likelihood == likelihood and r.impact == impact])
             for impact in levels] for likelihood in reversed(levels)]
    groups = [c.RiskGroup(kind, [r for r in risks if r.source_kind == kind])
              for kind in _labels(vocab.RISK_SOURCE_KIND, vocab.RISK_SOURCE_KIND)]
    return c.RiskMap(rows, levels, groups, len(risks))


def validation(diagnostics: list[Diagnostic], public: bool, forced: bool) -> c.Validation:
    def count(severity: str) -> int:
        return sum(1 for d in diagnostics if d.severity == severity)

    return c.Validation(problems(diagnostics, public), count(ERROR), count(WARNING), count(WAIVED),
                        forced and count(ERROR) > 0)


def plan_report(plan: Plan, diagnostics: list[Diagnostic], *, as_of: dt.date, public: bool,
                source_file: str, index_link: str | None = None, forced: bool = False) -> c.PlanReport:
    builder = _Builder(plan, as_of, public)
    return builder.report(source_file, index_link, validation(diagnostics, public, forced))


def plan_row(plan: Plan, diagnostics: list[Diagnostic], *, as_of: dt.date, public: bool,
             link: str) -> c.PlanRow:
    text = mask if public else _same
    p = progress(plan, as_of)
    return c.PlanRow(
        plan_id=plan.id, title=text(plan.title), link=link, site_name=text(plan.site.name),
        country_code=plan.site.country, country_name=COUNTRIES[plan.site.country],
        status=label(vocab.PLAN_STATUS, plan.status),
        findings_by_severity=_counts(vocab.SEVERITY, p.findings_by_severity),
        open_actions=p.open_actions, overdue=len(p.overdue), next_review=plan.next_review,
        review_overdue=p.review_overdue,
        errors=sum(1 for d in diagnostics if d.severity == ERROR),
        warnings=sum(1 for d in diagnostics if d.severity == WARNING),
    )


def site_index(rows: list[c.PlanRow], unrendered: list[c.Unrendered], *, as_of: dt.date,
               public: bool) -> c.SiteIndex:
    statuses = {s: sum(1 for r in rows if r.status.value == s) for s in vocab.PLAN_STATUS}
    severities = {s: sum(n.count for r in rows for n in r.findings_by_severity if n.label.value == s)
                  for s in vocab.SEVERITY}
    return c.SiteIndex(
        as_of=as_of, audience=c.PUBLIC if public else c.INTERNAL, public=public, plans=rows,
        unrendered=unrendered, plans_by_status=_counts(vocab.PLAN_STATUS, statuses),
        findings_by_severity=_counts(vocab.SEVERITY, severities),
        open_actions=sum(r.open_actions for r in rows), overdue=sum(r.overdue for r in rows),
    )
