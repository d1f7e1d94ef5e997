"""A validated plan and its diagnostics -> the PlanReport its templates receive; plans -> SiteIndex.

For the public the builder starts from `audience.public_plan`: a copy of the plan holding only
the fields declared public (sip/model/facts.py), its free text masked, its confidential items
left out (counted per section) and the names of firms that pay or recruit workers None; what is
not public reaches the builder as None or an empty list (evidence, the owner's name and e-mail,
reviewers' names, source references, the summaries of needs assessments and of worker
engagement, waivers). A finding's `disputed` is public (format 1.2): the site's response stands
beside the allegation. Here, for the public: references to confidential items read "a
confidential item"; the words of diagnostics are not shown (only their counts); every id (the
plan's, every item's and every reference's) and the file name go through the personal-data mask
for names. A masked id's anchor becomes `redacted-N`, the same for every link to it.

Every lookup (responses by finding, risks by root cause, improvements by target) is built
once, so a report costs time in proportion to the plan's size.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from sip.diagnostic import ERROR, WAIVED, WARNING, Diagnostic
from sip.format import vocab
from sip.format.countries import COUNTRIES
from sip.format.languages import LANGUAGES
from sip.format.personal_data import keep
from sip.model import Plan
from sip.model import actions as acts
from sip.model import plan as model
from sip.output import coverage as cover
from sip.output.figures import Progress, progress
from sip.output.render import context as c
from sip.output.render.actions import Actions
from sip.output.render.audience import (
    CONFIDENTIAL_LISTS,
    LEFT_OUT,
    problems,
    public_plan,
)
from sip.output.render.brief import one_minute
from sip.output.render.links import NO_LINKS, PageLinks
from sip.output.render.shown import DETERMINATIONS, counts, labels, money_line, vocab_label
from sip.output.render.words import BADGES, CONTENTS, MAINTENANCE, SECTIONS, WORDS

_LEVELS = tuple(vocab.LEVEL)


def rating(likelihood: str, impact: str) -> c.Label:
    """likelihood x impact on a 3 x 3 grid: 1-2 low, 3-4 medium, 6-9 high."""
    score = (_LEVELS.index(likelihood) + 1) * (_LEVELS.index(impact) + 1)
    return vocab_label(vocab.LEVEL, "low" if score <= 2 else "medium" if score <= 4 else "high")


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


class _Builder(Actions):
    remedies: dict[str, list[acts.Response]]  # the money remedies of each finding (report())

    def source(self, s: model.Source) -> c.SourceView:
        return c.SourceView(
            self.id(s.id),
            self.anchor(s.id),
            vocab_label(vocab.SOURCE_KIND, s.kind),
            s.reference,
            s.date,
        )

    def other_plan(self, finding_id: str, repeats: str | None) -> c.OtherFinding | None:
        """The finding of another plan this one repeats (`PLAN-ID/F-n`), linked on a site."""
        if repeats is None or "/" not in repeats:
            return None
        linked = self.links.repeats.get(finding_id)
        if linked is not None:
            return linked
        plan_id, other = repeats.split("/", 1)
        return c.OtherFinding(self.id(plan_id), self.id(other), None, "", None)

    def other_words(self, finding_id: str, repeats: str) -> str:
        other = self.other_plan(finding_id, repeats)
        assert other is not None
        return f"{other.finding_id} of plan {other.plan_id}"

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
        p = progress(plan, self.as_of, self.deadlines)
        self.remedies = cover.by_finding(plan)  # the money remedies of each finding, once
        late = {item.id: item for item in p.past_deadline}
        sources = {s.id: self.source(s) for s in plan.sources}
        responses = [self.action(a, late) for a in plan.responses]
        improvements = [self.action(a, late) for a in plan.improvements]
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
        glance = self.glance(p, findings, responses)
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
            summary=one_minute(plan, p, lambda i: self.ref(i).id, self.public, self.other_words),
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
                    g.since is None or g.since <= self.as_of,
                    [
                        c.Label(code, LANGUAGES[code])
                        for code in plan.site.languages or ()
                        if code not in g.languages
                    ],
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
            frameworks=labels(vocab.FRAMEWORK, plan.frameworks),
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
            [c.Label(code, LANGUAGES[code]) for code in s.languages or ()],
            s.housing_provided,
        )

    def glance(
        self, p: Progress, findings: list[c.FindingView], responses: list[c.ActionView]
    ) -> c.AtAGlance:
        plan_coverage = cover.of_plan(self.plan)
        by_determination: dict[str, int] = {}
        for f in findings:
            key = f.determination.value if f.determination else "none"
            by_determination[key] = by_determination.get(key, 0) + 1
        w = p.for_workers
        return c.AtAGlance(
            findings_by_severity=counts(vocab.SEVERITY, p.findings_by_severity),
            findings_by_determination=[
                count for count in counts(DETERMINATIONS, by_determination) if count.count
            ],
            forced_labour_findings=sum(1 for f in findings if f.forced_labour),
            workers_affected=max(
                (f.workers_affected for f in findings if f.workers_affected is not None), default=None
            ),
            actions_by_status=counts(vocab.ACTION_STATUS, p.actions_by_status),
            actions=p.actions,
            open_actions=p.open_actions,
            overdue=self.refs(p.overdue),
            due_soon=self.refs(p.due_soon),
            money=[
                money_line(currency, m, _per_worker(responses, currency)) for currency, m in p.money.items()
            ],
            money_by_payer=[
                money_line(currency, m, None, payer) for (currency, payer), m in p.money_by_payer.items()
            ],
            coverage=self.coverage(plan_coverage) if plan_coverage.types else None,
            for_workers=c.ForWorkers(
                w.protection, w.remedy, w.open, w.done, w.verified_with_workers, w.verified_without_workers
            ),
            overdue_instalments=self.refs(p.instalments_overdue_on),
            past_deadline=[self.late(late) for late in p.past_deadline],
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
        finding_coverage = cover.of_finding(f, self.remedies)
        return c.FindingView(
            id=self.id(f.id),
            anchor=self.anchor(f.id),
            title=f.title,
            description=f.description,
            severity=vocab_label(vocab.SEVERITY, f.severity),
            determination=vocab_label(vocab.DETERMINATION, found) if found else None,
            determination_given=f.determination is not None,
            forced_labour=f.is_forced_labour,
            badge=BADGES.get(found) if found else None,
            disputed=f.disputed,
            not_covered=f.not_covered,
            repeats=None if f.repeats is None or "/" in f.repeats else self.ref(f.repeats),
            repeats_plan=self.other_plan(f.id, f.repeats),
            came_back_after=self.links.came_back_after.get(f.id, []),
            found_again=self.links.found_again.get(f.id, []),
            indicators=labels(vocab.INDICATOR, f.indicators),
            worker_groups=labels(vocab.WORKER_GROUP, f.worker_groups),
            workers_affected=f.workers_affected,
            former_workers=f.former_workers,
            fees=self.fees(f),
            coverage=self.coverage(finding_coverage) if finding_coverage.types else None,
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
    levels = labels(vocab.LEVEL, vocab.LEVEL)
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
        for kind in labels(vocab.RISK_SOURCE_KIND, vocab.RISK_SOURCE_KIND)
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
    deadlines: dict[str, dict[str, int]] | None = None,
    links: PageLinks = NO_LINKS,
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
    builder = _Builder(shown, as_of, public, ids, keep(public_identifiers), deadlines, links)
    report = builder.report(source_file, index_link, validation(diagnostics, public, forced), withheld)
    if not frameworks:
        return report
    return dataclasses.replace(report, crosswalks=builder.crosswalks(diagnostics, frameworks, ran))
