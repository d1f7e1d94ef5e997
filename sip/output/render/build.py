"""A validated plan and its diagnostics -> the PlanReport its templates receive; plans -> SiteIndex.

For the public the builder starts from `audience.public_plan`: a copy of the plan holding only
the fields declared public (sip/model/facts.py), its free text masked, its confidential items
left out (counted per section) and the names of firms that pay or recruit workers None; what is
not public reaches the builder as None or an empty list (evidence, the owner's name and e-mail,
reviewers' names, source references, disputes, the summaries of needs assessments and of worker
engagement, waivers). Here, for the public: references to confidential items read "a
confidential item"; the words of diagnostics are not shown (only their counts); every id (the
plan's, every item's and every reference's) and the file name go through the personal-data mask
for names. A masked id's anchor becomes `redacted-N`, the same for every link to it.

Every lookup (responses by finding, risks by root cause, improvements by target) is built
once, so a report costs time in proportion to the plan's size.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable

from sip.diagnostic import ERROR, WAIVED, WARNING, Diagnostic
from sip.format import vocab
from sip.format.countries import COUNTRIES
from sip.format.languages import LANGUAGES
from sip.format.personal_data import Keep, keep
from sip.model import Plan
from sip.model import plan as model
from sip.output.figures import Progress, progress
from sip.output.render import context as c
from sip.output.render.audience import (
    CONFIDENTIAL_LISTS,
    LEFT_OUT,
    masking,
    problems,
    public_plan,
    shown_file,
)
from sip.output.render.brief import one_minute
from sip.output.render.words import CONTENTS, MAINTENANCE, SECTIONS, WORDS


def vocab_label(words: dict[str, str], value: str) -> c.Label:
    return c.Label(value, words[value])


def _labels(words: dict[str, str], values: Iterable[str]) -> list[c.Label]:
    return [vocab_label(words, v) for v in values]


def _counts(words: dict[str, str], counts: dict[str, int]) -> list[c.Count]:
    return [c.Count(vocab_label(words, value), counts.get(value, 0)) for value in words]


def _percent(part: float, whole: float) -> int:
    return int(min(part / whole, 1e6) * 100) if whole else 0  # bounded: no overflow at 1e308


_LEVELS = tuple(vocab.LEVEL)


def rating(likelihood: str, impact: str) -> c.Label:
    """likelihood x impact on a 3 x 3 grid: 1-2 low, 3-4 medium, 6-9 high."""
    score = (_LEVELS.index(likelihood) + 1) * (_LEVELS.index(impact) + 1)
    return vocab_label(vocab.LEVEL, "low" if score <= 2 else "medium" if score <= 4 else "high")


def _unclaimed_text(unclaimed: str | model.Unclaimed | None, shown_id: Callable[[str], str]) -> str | None:
    """`unclaimed` in words, written as text (format 1.1) or as a mapping (1.2). A stopgap: the
    templates show one line of text until reports show the mapping's parts (format 1.2, section 5)."""
    if unclaimed is None or isinstance(unclaimed, str):
        return unclaimed
    return f"Held by {shown_id(unclaimed.held_by)} until {unclaimed.claim_until}; then: {unclaimed.then}"


def money_line(currency: str, committed: float, paid: float, per_worker: float | None = None) -> c.MoneyLine:
    return c.MoneyLine(currency, committed, paid, _percent(paid, committed), per_worker)


def _per_worker(responses: list[c.ActionView], currency: str) -> float | None:
    """Money committed per worker covered, over the live money remedies in a currency that
    name both."""
    named = [
        a
        for a in responses
        if a.money_remedy
        and a.amount is not None
        and a.workers_covered
        and a.amount.currency == currency
        and a.status.value != "cancelled"
    ]
    workers = sum(a.workers_covered or 0 for a in named)
    return sum(a.amount.committed for a in named if a.amount) / workers if workers else None


class _Builder:
    def __init__(
        self, plan: Plan, as_of: dt.date, public: bool, withheld: set[str], kept: Keep | None = None
    ) -> None:
        self.plan = plan
        self.as_of = as_of
        self.public = public
        self.withheld = withheld
        # ids as file names are masked; text was masked in the public plan (audience.public_plan)
        self.name: Callable[[str], str] = masking(public, kept or keep(), name=True)
        self.known = set(plan.items())
        self.anchors: dict[str, str] = {}

    def id(self, i: str) -> str:
        """An id as the page shows it: for the public, masked like a file name."""
        return self.name(i)

    def anchor(self, i: str) -> str:
        """The fragment an item is linked by: for the public an id that looks like personal
        data would show in the page's links, so it becomes `redacted-N`, the same N for every
        reference to the item (links still resolve)."""
        if not self.public or self.name(i) == i:
            return i
        return self.anchors.setdefault(i, f"redacted-{len(self.anchors) + 1}")

    def ref(self, item_id: str) -> c.Ref:
        if item_id in self.withheld:
            return c.Ref(WORDS.confidential_item, "", False, withheld=True)
        return c.Ref(self.id(item_id), self.anchor(item_id), item_id in self.known)

    def refs(self, ids: Iterable[str]) -> list[c.Ref]:
        return [self.ref(i) for i in ids]

    def source(self, s: model.Source) -> c.SourceView:
        return c.SourceView(
            self.id(s.id),
            self.anchor(s.id),
            vocab_label(vocab.SOURCE_KIND, s.kind),
            s.reference,
            s.date,
        )

    def verification(self, v: model.Verification) -> c.VerificationView:
        return c.VerificationView(
            v.method,
            v.date,
            v.evidence,
            None if v.by is None else self.ref(v.by),
            v.independent,
            v.workers_interviewed,
            v.announced,
        )

    def instalments(self, schedule: list, currency: str) -> list[c.Instalment]:
        out = []
        for i in schedule:
            overdue = i.paid is None and i.due < self.as_of
            out.append(
                c.Instalment(
                    i.due, i.amount, currency, i.paid, overdue, (self.as_of - i.due).days if overdue else 0
                )
            )
        return out

    def action(self, a: model.Response | model.Improvement) -> c.ActionView:
        # A response's own fields are read through r, an improvement's through m (None on the
        # other kind), so that the type checker follows which is which.
        r = a if isinstance(a, model.Response) else None
        m = a if isinstance(a, model.Improvement) else None
        overdue = a.is_overdue(self.as_of)
        amount = None
        money_remedy = r is not None and r.remedy in vocab.MONEY_REMEDIES
        schedule: list[c.Instalment] = []
        if r is not None and r.amount is not None:
            covered = r.workers_covered if r.remedy in vocab.MONEY_REMEDIES else None
            amount = money_line(
                r.amount.currency,
                r.amount.committed,
                r.amount.paid or 0,
                r.amount.committed / covered if covered else None,
            )
            if a.status != "cancelled":
                schedule = self.instalments(r.schedule or [], r.amount.currency)
        covered = r.workers_covered if r is not None else None
        former = r.former_workers if r is not None else None
        reached = r.workers_reached if r is not None else None
        effectiveness = m.effectiveness if m is not None else None
        escalation = r.escalation if r is not None else None
        return c.ActionView(
            id=self.id(a.id),
            anchor=self.anchor(a.id),
            type="response" if r is not None else "improvement",
            kind=vocab_label(vocab.RESPONSE_KIND, a.kind)
            if isinstance(a, model.Response)
            else vocab_label(vocab.IMPROVEMENT_ELEMENT, a.element),
            remedy=vocab_label(vocab.REMEDY, r.remedy) if r is not None and r.remedy else None,
            action=a.action,
            owner=a.owner,
            due=a.due,
            status=vocab_label(vocab.ACTION_STATUS, a.status),
            completed=a.completed,
            open=a.is_open,
            overdue=overdue,
            days_overdue=(self.as_of - a.due).days if overdue else 0,
            addresses=self.refs(a.addresses),
            providers=self.refs(r.providers if r is not None else ()),
            contingency=r.contingency if r is not None else None,
            verification=None if a.verification is None else self.verification(a.verification),
            voluntary=r.voluntary if r is not None else None,
            workers_covered=covered,
            amount=amount,
            basis=vocab_label(vocab.REMEDY_BASIS, r.basis) if r is not None and r.basis else None,
            measure=m.measure if m is not None else None,
            money_remedy=money_remedy,
            former_workers=former,
            current_workers=covered - former if covered is not None and former is not None else None,
            workers_reached=reached,
            reached_percent=_percent(reached, covered) if reached is not None and covered else None,
            per_worker=r.amount.committed / covered
            if r is not None and r.amount is not None and money_remedy and covered
            else None,
            payer=vocab_label(vocab.PAYER, r.payer) if r is not None and r.payer else None,
            cost_items=_labels(vocab.COST_ITEM, r.cost_items or []) if r is not None else [],
            extent=vocab_label(vocab.EXTENT, r.extent) if r is not None and r.extent else None,
            unclaimed=_unclaimed_text(r.unclaimed, self.id) if r is not None else None,
            schedule=schedule,
            overdue_instalments=sum(1 for i in schedule if i.overdue)
            if a.status in ("planned", "in-progress", "done")
            else 0,
            escalation=vocab_label(vocab.ESCALATION, escalation) if escalation else None,
            parties=self.refs(r.parties) if r is not None else [],
            effectiveness=None
            if effectiveness is None
            else c.Effectiveness(
                effectiveness.date,
                vocab_label(vocab.EFFECTIVENESS, effectiveness.result),
                effectiveness.evidence,
            ),
            indicators=_labels(vocab.INDICATOR, r.indicators) if r is not None else [],
        )

    def risk(self, r: model.Risk) -> c.RiskView:
        return c.RiskView(
            self.id(r.id),
            self.anchor(r.id),
            r.risk,
            vocab_label(vocab.RISK_SOURCE_KIND, r.source.kind),
            r.source.name,
            vocab_label(vocab.LEVEL, r.likelihood),
            vocab_label(vocab.LEVEL, r.impact),
            rating(r.likelihood, r.impact),
            self.refs(r.root_causes),
        )

    def root_causes(self, risks: list[c.RiskView], improvements: list[c.ActionView]) -> list[c.RootCauseView]:
        """Each root cause with its chain: the risks that list it, and the improvements that
        address it or one of those risks (each once, in plan order)."""
        risks_by_cause: dict[str, list[c.RiskView]] = {}
        for risk in risks:
            for ref in risk.root_causes:
                risks_by_cause.setdefault(ref.anchor, []).append(risk)
        position = {a.anchor: n for n, a in enumerate(improvements)}
        by_target: dict[str, list[c.ActionView]] = {}
        for a in improvements:
            for ref in a.addresses:
                by_target.setdefault(ref.anchor, []).append(a)
        out = []
        for cause in self.plan.root_causes:
            anchor = self.anchor(cause.id)
            its_risks = risks_by_cause.get(anchor, [])
            found = {
                a.anchor: a
                for target in (anchor, *(k.anchor for k in its_risks))
                for a in by_target.get(target, [])
            }
            out.append(
                c.RootCauseView(
                    self.id(cause.id),
                    anchor,
                    vocab_label(vocab.ROOT_CAUSE_CATEGORY, cause.category),
                    cause.cause,
                    vocab_label(vocab.ROOT_CAUSE_METHOD, cause.method) if cause.method else None,
                    self.refs(cause.findings),
                    its_risks,
                    sorted(found.values(), key=lambda a: position[a.anchor]),
                )
            )
        return out

    def report(
        self, source_file: str, index_link: str | None, validation: c.Validation, withheld: c.Withheld
    ) -> c.PlanReport:
        plan = self.plan
        sources = {s.id: self.source(s) for s in plan.sources}
        responses = [self.action(a) for a in plan.responses]
        improvements = [self.action(a) for a in plan.improvements]
        risks = [self.risk(r) for r in plan.risks]
        causes = self.root_causes(risks, improvements)
        responses_by_finding: dict[str, list[c.ActionView]] = {}
        for a in responses:
            for ref in a.addresses:
                responses_by_finding.setdefault(ref.anchor, []).append(a)
        causes_by_finding: dict[str, list[c.Ref]] = {}
        for r in plan.root_causes:
            for finding_id in r.findings:
                causes_by_finding.setdefault(finding_id, []).append(self.ref(r.id))
        findings = [
            self.finding(
                f, sources, responses_by_finding.get(self.anchor(f.id), []), causes_by_finding.get(f.id, [])
            )
            for f in plan.findings
        ]
        glance = self.glance(progress(plan, self.as_of), findings, responses)
        timeline = sorted([*responses, *improvements], key=lambda a: a.due)
        remedies = [a for a in responses if a.remedy is not None and a.status.value != "cancelled"]
        present = {a.remedy.value for a in remedies if a.remedy is not None}
        return c.PlanReport(
            as_of=self.as_of,
            audience=c.PUBLIC if self.public else c.INTERNAL,
            public=self.public,
            source_file=None if self.public else source_file,
            index_link=index_link,
            sections=SECTIONS,
            contents=list(CONTENTS),
            maintenance=[] if self.public else list(MAINTENANCE),
            words=WORDS,
            summary=one_minute(self.plan, self.as_of, findings, glance, timeline, self.site()),
            left_out=LEFT_OUT if self.public else None,
            withheld=withheld,
            plan_id=self.id(plan.id),
            title=plan.title,
            status=vocab_label(vocab.PLAN_STATUS, plan.status),
            company=plan.company,
            involvement=vocab_label(vocab.INVOLVEMENT, plan.involvement) if plan.involvement else None,
            site=self.site(),
            owner=c.Owner(plan.owner.role, plan.owner.name, plan.owner.email),
            opened=plan.opened,
            next_review=plan.next_review,
            closed=plan.closed,
            glance=glance,
            sources=list(sources.values()),
            findings=findings,
            root_causes=causes,
            protection=[a for a in responses if a.kind.value == "protection"],
            remedies=[
                c.RemedyGroup(
                    vocab_label(vocab.REMEDY, remedy),
                    remedy in vocab.RESTORATIVE_REMEDIES,
                    [a for a in responses if a.remedy and a.remedy.value == remedy],
                )
                for remedy in vocab.REMEDY
                if any(a.remedy and a.remedy.value == remedy for a in responses)
            ],
            remedies_not_planned=[
                vocab_label(vocab.REMEDY, r)
                for r in vocab.REMEDY
                if r in vocab.RESTORATIVE_REMEDIES and r not in present
            ],
            remedy_gap=not remedies and any(f.forced_labour for f in findings),
            corrective=[a for a in responses if a.kind.value == "corrective"],
            providers=[
                c.Provider(
                    self.id(p.id),
                    self.anchor(p.id),
                    p.name,
                    vocab_label(vocab.PROVIDER_KIND, p.kind),
                    p.role,
                    p.consulted,
                    p.consulted is not None and p.consulted <= self.as_of,
                )
                for p in plan.service_providers
            ],
            parties=[
                c.Party(
                    self.id(p.id),
                    self.anchor(p.id),
                    p.name,
                    vocab_label(vocab.PARTY_KIND, p.kind),
                    p.role,
                )
                for p in plan.parties
            ],
            grievance_channels=[
                c.GrievanceChannelView(
                    self.id(g.id),
                    self.anchor(g.id),
                    g.name,
                    vocab_label(vocab.GRIEVANCE_OPERATOR, g.operated_by),
                    g.anonymous,
                    [c.Label(code, LANGUAGES[code]) for code in g.languages],
                    g.since,
                    g.publishes_hotline,
                    g.procedure_public,
                    g.reviewed,
                )
                for g in plan.grievance_channels
            ],
            engagement=[
                c.Engagement(
                    e.date,
                    vocab_label(vocab.ENGAGED_WITH, e.with_),
                    e.method,
                    e.summary,
                )
                for e in plan.worker_engagement
            ],
            risk_map=risk_map(risks),
            improvements=improvements,
            timeline=timeline,
            reviews=[c.ReviewView(r.date, r.by, r.summary) for r in plan.reviews],
            waivers=[
                c.WaiverView(
                    w.rule,
                    self.refs(w.ids or ()),
                    w.reason,
                    w.until,
                    w.until is not None and w.until < self.as_of,
                )
                for w in plan.waivers
            ],
            validation=validation,
            frameworks=_labels(vocab.FRAMEWORK, plan.frameworks),
            submissions=[
                c.SubmissionView(vocab_label(vocab.SUBMISSION_KIND, s.kind), s.date, s.to, s.reference)
                for s in plan.submissions
            ],
        )

    def crosswalks(self, diagnostics: list[Diagnostic], frameworks: tuple[str, ...], ran) -> list:
        """The plan read against each framework named (`sip render --framework`), items linked to
        their place in the page; for the public, read in the public plan (masked, confidential items
        left out) and without the rules' words."""
        from sip.frameworks import PROFILES
        from sip.frameworks.crosswalk import crosswalk
        from sip.output.render.framework_views import crosswalk_view

        known = self.known

        def anchor_of(ref: str) -> str | None:
            return self.anchor(ref) if ref in known else None

        return [
            crosswalk_view(
                crosswalk(self.plan, diagnostics, PROFILES[name], file="", as_of=self.as_of, ran=ran),
                public=self.public,
                in_report=True,
                shown_id=lambda i: self.id(i) if i in known else i,
                anchor_of=anchor_of,
            )
            for name in frameworks
        ]

    def site(self) -> c.SiteView:
        s = self.plan.site
        return c.SiteView(
            s.name,
            s.country,
            COUNTRIES[s.country],
            s.supplier_id,
            s.tier,
            s.workers,
            s.migrant_workers,
            s.facilities,
            s.housing_provided,
        )

    def glance(
        self, p: Progress, findings: list[c.FindingView], responses: list[c.ActionView]
    ) -> c.AtAGlance:
        money = [
            a for a in responses if a.money_remedy and a.status.value != "cancelled" and a.workers_covered
        ]
        reach = None
        if any(a.workers_reached is not None for a in money):
            covered = sum(a.workers_covered or 0 for a in money)
            reached = sum(a.workers_reached or 0 for a in money)
            reach = c.Reach(
                covered, reached, sum(a.former_workers or 0 for a in money), _percent(reached, covered)
            )
        return c.AtAGlance(
            findings_by_severity=_counts(vocab.SEVERITY, p.findings_by_severity),
            forced_labour_findings=sum(1 for f in findings if f.forced_labour),
            workers_affected=max((f.workers_affected or 0 for f in findings), default=0),
            actions_by_status=_counts(vocab.ACTION_STATUS, p.actions_by_status),
            actions=p.actions,
            open_actions=p.open_actions,
            overdue=self.refs(p.overdue),
            due_soon=self.refs(p.due_soon),
            money=[
                money_line(currency, m.committed, m.paid, _per_worker(responses, currency))
                for currency, m in p.money.items()
            ],
            reach=reach,
            overdue_instalments=[c.Ref(a.id, a.anchor, True) for a in responses if a.overdue_instalments],
            review_overdue=p.review_overdue,
        )

    def finding(
        self,
        f: model.Finding,
        sources: dict[str, c.SourceView],
        responses: list[c.ActionView],
        causes: list[c.Ref],
    ) -> c.FindingView:
        source_ids = f.sources
        found = f.determined
        return c.FindingView(
            id=self.id(f.id),
            anchor=self.anchor(f.id),
            title=f.title,
            description=f.description,
            severity=vocab_label(vocab.SEVERITY, f.severity),
            determination=vocab_label(vocab.DETERMINATION, found) if found else None,
            determination_given=f.determination is not None,
            forced_labour=f.is_forced_labour,
            disputed=f.disputed,
            not_covered=f.not_covered,
            repeats=None if f.repeats is None else self.ref(f.repeats),
            indicators=_labels(vocab.INDICATOR, f.indicators),
            worker_groups=_labels(vocab.WORKER_GROUP, f.worker_groups),
            workers_affected=f.workers_affected,
            sources=[sources[i] for i in source_ids if i in sources],
            sources_withheld=sum(1 for i in source_ids if i in self.withheld),
            identified=f.identified,
            evidence=f.evidence,
            needs_assessment=None
            if f.needs_assessment is None
            else c.NeedsAssessment(
                f.needs_assessment.date,
                None if f.needs_assessment.by is None else self.ref(f.needs_assessment.by),
                f.needs_assessment.summary,
            ),
            responses=responses,
            root_causes=causes,
        )


def risk_map(risks: list[c.RiskView]) -> c.RiskMap:
    levels = _labels(vocab.LEVEL, vocab.LEVEL)
    cells: dict[tuple[str, str], list[c.RiskView]] = {}
    for r in risks:
        cells.setdefault((r.likelihood.value, r.impact.value), []).append(r)
    rows = [
        [
            c.RiskCell(
                likelihood,
                impact,
                rating(likelihood.value, impact.value),
                cells.get((likelihood.value, impact.value), []),
            )
            for impact in levels
        ]
        for likelihood in reversed(levels)
    ]
    groups = [
        c.RiskGroup(kind, [r for r in risks if r.source_kind == kind])
        for kind in _labels(vocab.RISK_SOURCE_KIND, vocab.RISK_SOURCE_KIND)
    ]
    return c.RiskMap(rows, levels, groups, len(risks))


def validation(diagnostics: list[Diagnostic], public: bool, forced: bool) -> c.Validation:
    def count(severity: str) -> int:
        return sum(1 for d in diagnostics if d.severity == severity)

    return c.Validation(
        problems(diagnostics, public),
        count(ERROR),
        count(WARNING),
        count(WAIVED),
        forced and count(ERROR) > 0,
    )


def plan_report(
    plan: Plan,
    diagnostics: list[Diagnostic],
    *,
    as_of: dt.date,
    public: bool,
    source_file: str,
    index_link: str | None = None,
    forced: bool = False,
    public_identifiers: tuple[str, ...] = (),
    frameworks: tuple[str, ...] = (),
    ran: Callable[[str], bool] = lambda code: True,
) -> c.PlanReport:
    """`frameworks`: those to read the plan against in a section of its own each (`sip render
    --framework`); `ran(code)`: whether a rule was checked on the plan (sip/check/file.py's
    rule_runs with the run's settings)."""
    if public:
        shown, ids, withheld = public_plan(plan, keep(public_identifiers))
    else:
        shown, ids, withheld = plan, set(), c.Withheld(*([None] * len(CONFIDENTIAL_LISTS)))
    builder = _Builder(shown, as_of, public, ids, keep(public_identifiers))
    report = builder.report(source_file, index_link, validation(diagnostics, public, forced), withheld)
    if not frameworks:
        return report
    return dataclasses.replace(report, crosswalks=builder.crosswalks(diagnostics, frameworks, ran))


def plan_row(
    plan: Plan,
    diagnostics: list[Diagnostic],
    *,
    as_of: dt.date,
    public: bool,
    link: str,
    public_identifiers: tuple[str, ...] = (),
) -> c.PlanRow:
    if public:
        plan = public_plan(plan, keep(public_identifiers))[0]
    p = progress(plan, as_of)
    return c.PlanRow(
        plan_id=shown_file(plan.id, public, public_identifiers),
        title=plan.title,
        link=link,
        site_name=plan.site.name,
        country_code=plan.site.country,
        country_name=COUNTRIES[plan.site.country],
        status=vocab_label(vocab.PLAN_STATUS, plan.status),
        findings_by_severity=_counts(vocab.SEVERITY, p.findings_by_severity),
        open_actions=p.open_actions,
        overdue=len(p.overdue),
        next_review=plan.next_review,
        review_overdue=p.review_overdue,
        errors=sum(1 for d in diagnostics if d.severity == ERROR),
        warnings=sum(1 for d in diagnostics if d.severity == WARNING),
    )


def site_index(
    rows: list[c.PlanRow], unrendered: list[c.Unrendered], *, as_of: dt.date, public: bool
) -> c.SiteIndex:
    statuses = {s: sum(1 for r in rows if r.status.value == s) for s in vocab.PLAN_STATUS}
    severities = {
        s: sum(n.count for r in rows for n in r.findings_by_severity if n.label.value == s)
        for s in vocab.SEVERITY
    }
    return c.SiteIndex(
        as_of=as_of,
        audience=c.PUBLIC if public else c.INTERNAL,
        public=public,
        left_out=LEFT_OUT if public else None,
        plans=rows,
        unrendered=unrendered,
        plans_by_status=_counts(vocab.PLAN_STATUS, statuses),
        findings_by_severity=_counts(vocab.SEVERITY, severities),
        open_actions=sum(r.open_actions for r in rows),
        overdue=sum(r.overdue for r in rows),
    )
