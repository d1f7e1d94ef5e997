"""The actions of a report: a response or an improvement, with what a money remedy covers, pays
and still owes (format 1.2: coverage, documented fees, `unclaimed` in both forms), its
verification, its instalments, and whether it is past its deadline."""

from __future__ import annotations

from sip.format import vocab
from sip.model import actions as acts
from sip.model import plan as model
from sip.output import coverage as cover
from sip.output.figures import Late, money_of, percent
from sip.output.render import context as c
from sip.output.render.shown import Shown, labels, money_line, vocab_label


class Actions(Shown):
    def verification(self, v: acts.Verification) -> c.VerificationView:
        return c.VerificationView(
            v.method,
            v.date,
            v.evidence,
            None if v.by is None else self.ref(v.by),
            v.independent,
            v.workers_interviewed,
            v.announced,
        )

    def coverage(self, coverage: cover.Coverage) -> c.CoverageView:
        whole = coverage.affected if coverage.affected is not None else coverage.covered
        return c.CoverageView(
            coverage.affected,
            coverage.former_affected,
            coverage.covered,
            coverage.complete,
            percent(coverage.covered, coverage.affected)
            if coverage.covered is not None and coverage.affected is not None
            else "",
            coverage.former_covered,
            coverage.reached,
            percent(coverage.reached, whole) if coverage.reached is not None and whole else "",
            self.refs(coverage.best.covered_unrecorded if coverage.best else ()),
            self.refs(sorted({i for t in coverage.types for i in t.reached_unrecorded})),
            [
                c.TypeCoverageView(
                    vocab_label(vocab.REMEDY, t.remedy),
                    self.refs(t.responses),
                    t.covered,
                    t.former,
                    t.reached,
                    self.refs(t.covered_unrecorded),
                    self.refs(t.reached_unrecorded),
                )
                for t in coverage.types
            ],
        )

    def late(self, late: Late) -> c.LateView:
        return c.LateView(self.ref(late.id), late.due, late.deadline, late.days, late.kind, late.finished)

    def fees(self, finding: model.Finding) -> c.FeesView | None:
        fees = finding.fees_documented
        if fees is None:
            return None
        return c.FeesView(self.ref(finding.id), fees.low, fees.high, fees.currency)

    def unclaimed(self, unclaimed: str | acts.Unclaimed | None) -> c.UnclaimedView | None:
        """`unclaimed` written as text (format 1.1) or as a mapping (1.2), each shown as written."""
        if unclaimed is None:
            return None
        if isinstance(unclaimed, str):
            return c.UnclaimedView(unclaimed, None, None, None)
        return c.UnclaimedView(None, self.ref(unclaimed.held_by), unclaimed.claim_until, unclaimed.then)

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

    def action(self, a: acts.Response | acts.Improvement, late: dict[str, Late]) -> c.ActionView:
        # A response's own fields are read through r, an improvement's through m (None on the
        # other kind), so that the type checker follows which is which.
        r = a if isinstance(a, acts.Response) else None
        m = a if isinstance(a, acts.Improvement) else None
        overdue = a.is_overdue(self.as_of)
        amount = None
        money_remedy = r is not None and r.remedy in vocab.MONEY_REMEDIES
        schedule: list[c.Instalment] = []
        if r is not None and r.amount is not None:
            covered = r.workers_covered if r.remedy in vocab.MONEY_REMEDIES else None
            amount = money_line(
                r.amount.currency,
                money_of(r),
                r.amount.committed / covered if covered else None,
            )
            if a.status != "cancelled":
                schedule = self.instalments(r.schedule or [], r.amount.currency)
        covered = r.workers_covered if r is not None else None
        former = r.former_workers if r is not None else None
        reached = r.workers_reached if r is not None else None
        effectiveness = m.effectiveness if m is not None else None
        escalation = r.escalation if r is not None else None
        addressed = [self.findings[f] for f in a.addresses if f in self.findings] if r is not None else []
        affected = max(
            (f.workers_affected for f in addressed if f.workers_affected is not None), default=None
        )
        former_affected = max(
            (f.former_workers for f in addressed if f.former_workers is not None), default=None
        )
        fees = (
            [view for view in (self.fees(f) for f in addressed) if view is not None]
            if r is not None and r.remedy == "reimbursement"
            else []
        )
        return c.ActionView(
            id=self.id(a.id),
            anchor=self.anchor(a.id),
            type="response" if r is not None else "improvement",
            kind=vocab_label(vocab.RESPONSE_KIND, a.kind)
            if isinstance(a, acts.Response)
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
            reached_share=percent(reached, covered) if reached is not None and covered else "",
            affected=affected if money_remedy else None,
            former_affected=former_affected if money_remedy else None,
            covered_share=percent(covered, affected)
            if money_remedy and covered is not None and affected
            else "",
            per_worker=r.amount.committed / covered
            if r is not None and r.amount is not None and money_remedy and covered
            else None,
            fees=fees,
            payer=vocab_label(vocab.PAYER, r.payer) if r is not None and r.payer else None,
            cost_items=labels(vocab.COST_ITEM, r.cost_items or []) if r is not None else [],
            extent=vocab_label(vocab.EXTENT, r.extent) if r is not None and r.extent else None,
            unclaimed=self.unclaimed(r.unclaimed) if r is not None else None,
            past_deadline=self.late(late[a.id]) if a.id in late else None,
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
            indicators=labels(vocab.INDICATOR, r.indicators) if r is not None else [],
        )
