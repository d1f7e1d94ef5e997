"""The one-minute summary at the top of a plan report, written from the plan's facts only.

A board member reads the internal page; a lawyer signs the public one. So every sentence says
what the plan records and no more: an absent figure is "not reported", never 0; a suspicion is
not a finding; shares are rounded honestly (16.7 %, not 16 %). For the public the plan is the
public copy (sip/output/render/audience.py): confidential items are not counted, text is masked,
and `name` shows ids as the page does. Each sentence and the fields it reads:

- closed: a closed plan (`status`, `closed`) with protection or remedy responses still open
  (`responses[].kind`, `status`, `due`, `action`).
- relationship: a corrective response with `escalation: termination` (not cancelled): its
  `status`, `completed` or `due`.
- found: the findings (`severity`, `determination` or what sip derives from `severity` and
  `indicators`, sip/format/determination.py), `site.name`, the most `workers_affected` any
  finding records, `repeats`, `disputed`.
- worst (internal only): the worst open problem, sip/output/render/worst.py.
- workers: protection and remedy responses by `status`, verified with the workers when
  `verification.workers_interviewed` is over 0.
- coverage: each forced-labour finding's `workers_affected` and `former_workers` against its
  money remedies' `workers_covered`, `former_workers` and `workers_reached`
  (sip/output/coverage.py).
- money: `amount.committed` and `amount.paid` (or the schedule's paid instalments) by
  `amount.currency` and `payer`.
- late: open actions past `due`, unpaid instalments past due (`schedule`), open responses planned
  past their deadline (`identified`, `severity`, the deadlines of the configuration: the first
  instalment's `due`), `next_review`; then finished responses `completed` after their deadline.
- next: the open actions due next (`due`, `action`), `next_review`, or `closed`.
"""

from __future__ import annotations

from collections.abc import Callable

from sip.model import Plan
from sip.model.plan import Finding
from sip.output.coverage import Coverage, of_forced_labour
from sip.output.figures import NO_PAYER, Late, MoneyTotal, Progress, percent
from sip.output.render.brief_words import DETERMINED, MOST, Facts, count, joined, n, some, they
from sip.output.render.worst import worst

_PAYERS = {
    "site": "the site",
    "company": "the company",
    "labour-agent": "the labour agent",
    "shared": "several payers together",
    "other": "another payer",
    NO_PAYER: "a payer the plan does not name",
}


class Summary(Facts):
    def closed(self) -> str | None:
        plan = self.plan
        if plan.closed is None:
            return None
        still = [r for r in plan.responses if r.kind in ("protection", "remedy") and r.is_open]
        if not still:
            return None
        remedies = sum(1 for r in still if r.kind == "remedy")
        protection = len(still) - remedies
        kinds = joined(
            [count(remedies, "remedy", "remedies")] * bool(remedies)
            + [count(protection, "protection response")] * bool(protection)
        )
        which = some([f"{self.titled(r.id)} (due {r.due})" for r in still])
        return f"Closed on {plan.closed} with {kinds} for the workers still open: {which}."

    def relationship(self) -> str | None:
        ended = [r for r in self.plan.responses if r.escalation == "termination" and r.status != "cancelled"]
        if not ended:
            return None
        parts = []
        for r in ended:
            if r.is_open:
                parts.append(f"plans to end its relationship with the site: {self.titled(r.id)}, due {r.due}")
            else:
                when = f" on {r.completed}" if r.completed else ""
                parts.append(f"ended its relationship with the site{when}: {self.titled(r.id)}")
        return "The company " + "; it also ".join(parts) + "."

    def _former_workers(self, affected: int) -> str:
        """The former workers beside the most workers affected: "of them" only when the finding
        that records those workers records the former ones too; else whose they are, since 40
        former workers of a finding of 300 are not known to be among another finding's 520."""
        findings = self.plan.findings
        most = [f for f in findings if f.workers_affected == affected and f.former_workers]
        if most:
            return f", {n(max(f.former_workers or 0 for f in most))} of them former workers"
        other = max(
            (f for f in findings if f.former_workers and f.workers_affected is not None),
            key=lambda f: f.former_workers or 0,
            default=None,
        )
        if other is None:
            return ""
        return (
            f"; {n(other.former_workers or 0)} former workers among the {n(other.workers_affected or 0)}"
            f" of {self.name(other.id)}"
        )

    def found(self) -> str:
        findings = self.plan.findings
        severities = ", ".join(
            f"{number} {severity}" if len(findings) > 1 else severity
            for severity, number in self.p.findings_by_severity.items()
            if number
        )
        text = f"Found at {self.plan.site.name}: {count(len(findings), 'finding')} ({severities}): "
        text += _determinations(findings)
        affected = max((f.workers_affected for f in findings if f.workers_affected is not None), default=None)
        if affected is None:
            text += "; workers affected not recorded"
        else:
            text += f"; at least {count(affected, 'worker')} affected"
            text += self._former_workers(affected)
        repeats = [
            f"{self.name(f.id)} repeats {self._repeated(f.id, f.repeats)}" for f in findings if f.repeats
        ]
        if repeats:
            text += "; " + some(repeats)
        disputed = [self.name(f.id) for f in findings if f.disputed]
        if disputed:
            text += f"; the site disputes {some(disputed)} (its response is shown with the finding)"
        return text + "."

    def _repeated(self, finding: str, repeats: str) -> str:
        return self.other(finding, repeats) if "/" in repeats else self.name(repeats)

    def workers(self) -> str:
        w = self.p.for_workers
        if not w.total:
            return "For the workers: no protection or remedy is recorded."
        head = joined(
            [count(w.protection, "protection response")] * bool(w.protection)
            + [count(w.remedy, "remedy", "remedies")] * bool(w.remedy)
        )
        parts = [
            f"{n(w.verified_with_workers)} verified with the workers"
            if w.verified_with_workers
            else "none is verified with the workers"
        ]
        if w.verified_without_workers:
            parts.append(f"{n(w.verified_without_workers)} verified with no worker interviewed on record")
        if w.done:
            parts.append(f"{n(w.done)} {'is' if w.done == 1 else 'are'} done but not verified")
        if w.open:
            parts.append(f"{n(w.open)} {'is' if w.open == 1 else 'are'} open")
        return f"For the workers: {head}; " + "; ".join(parts) + "."

    def coverage(self) -> str | None:
        parts = [self._coverage(f, c) for f, c in of_forced_labour(self.plan)]
        if not parts:
            return None
        more = f"; and {len(parts) - MOST} more" if len(parts) > MOST else ""
        return "Coverage: " + "; ".join(parts[:MOST]) + more + "."

    def _coverage(self, finding: Finding, c: Coverage) -> str:
        who = self.name(finding.id)
        reason = " (the plan says why some workers get none)" if finding.not_covered else ""
        if not c.types:
            return f"{who} has no money remedy{reason}"
        who = f"for {who}"
        best = c.best
        if best is None:
            missing = sorted({i for t in c.types for i in t.covered_unrecorded})
            return f"{who}, coverage not recorded ({self._unrecorded(missing)})"
        covered = best.covered or 0
        text = f"{who}, money remedies cover {'' if c.complete else 'at least '}"
        if c.affected is None:
            text += f"{count(covered, 'worker')}; workers affected not recorded"
        else:
            text += f"{n(covered)} of {n(c.affected)} affected workers ({percent(covered, c.affected)})"
        if not c.complete:
            text += f" ({self._unrecorded(best.covered_unrecorded)})"
        if c.former_affected:
            text += _former(c.former_covered, c.former_affected)
        whole = c.affected if c.affected is not None else covered
        if c.reached is not None and whole:
            of = "affected" if c.affected is not None else "covered"
            text += f"; {n(c.reached)} reached so far ({percent(c.reached, whole)} of the {of})"
        missing = sorted({i for t in c.types for i in t.reached_unrecorded})
        if missing:
            text += f"; workers reached not reported for {self.ids(missing)}"
        if c.affected is not None and covered < c.affected:
            text += reason
        return text

    def _unrecorded(self, ids: list[str] | tuple[str, ...]) -> str:
        do, it, covers = they(ids, "does", "do"), they(ids, "it", "they"), they(ids, "covers", "cover")
        return f"{self.ids(ids)} {do} not record how many workers {it} {covers}"

    def money(self) -> str:
        lines = self.p.money_by_payer
        if not lines:
            return "Money: no remedy records an amount."
        return "Money: " + "; ".join(_money(c, payer, m) for (c, payer), m in lines.items()) + "."

    def late(self) -> str:
        p, parts = self.p, []
        if p.overdue:
            late = {a.id: self.days_late(a) for a in self.all if a.is_overdue(self.as_of)}
            named = [f"{self.titled(i)} ({count(late[i], 'day')})" for i in p.overdue]
            parts.append(f"{count(len(p.overdue), 'action')} past due: {some(named)}")
        if p.overdue_instalments:
            on = some([self.titled(i) for i in p.instalments_overdue_on])
            parts.append(f"{count(p.overdue_instalments, 'unpaid instalment')} past due, on {on}")
        planned = sorted(p.planned_late, key=lambda late: -late.days)
        if planned:
            its = "its" if len(planned) == 1 else "their"
            named = [self._late(late, "due ") for late in planned]
            parts.append(f"{count(len(planned), 'open response')} planned past {its} deadline: {some(named)}")
        if p.review_overdue and self.plan.next_review is not None:
            parts.append(f"the review due on {self.plan.next_review} has not been logged")
        finished = sorted((late for late in p.past_deadline if late.finished), key=lambda late: -late.days)
        if finished:
            its = "its" if len(finished) == 1 else "their"
            named = [self._late(late, "") for late in finished]
            parts.append(f"{count(len(finished), 'response')} finished after {its} deadline: {some(named)}")
        if len(parts) == bool(finished):  # nothing late now
            return f"Late: nothing, as of {self.as_of}" + "".join(f"; {part}" for part in parts) + "."
        return "Late: " + "; ".join(parts) + "."

    def _late(self, late: Late, due: str) -> str:
        return f"{self.titled(late.id)}, {due}{count(late.days, 'day')} after its {late.kind} deadline"

    def next(self) -> str:
        plan = self.plan
        if plan.closed is not None:
            still = [a for a in self.all if a.is_open]
            if still:
                return (
                    f"Next: nothing is scheduled: the plan closed on {plan.closed} with "
                    f"{count(len(still), 'action')} still open."
                )
            return f"Next: nothing; the plan closed on {plan.closed}."
        upcoming = sorted(
            (a for a in self.all if a.is_open and not a.is_overdue(self.as_of)), key=lambda a: a.due
        )
        parts = [f"{self.titled(a.id)} due {a.due}" for a in upcoming[:MOST]]
        text = "Next: " + ("; ".join(parts) if parts else "no open action is scheduled")
        if len(upcoming) > MOST:
            text += f"; and {len(upcoming) - MOST} more"
        if plan.next_review is not None:
            text += f"; the plan's next review on {plan.next_review}"
        return text + "."


def _determinations(findings: list[Finding]) -> str:
    if len(findings) == 1:
        return DETERMINED[findings[0].determined]
    by: dict[str | None, int] = {}
    for f in findings:
        by[f.determined] = by.get(f.determined, 0) + 1
    parts = []
    forced = [f"established in {by['substantiated']}"] if by.get("substantiated") else []
    forced += [f"suspected in {by['suspected']}"] if by.get("suspected") else []
    if forced:
        parts.append("forced labour " + " and ".join(forced))
    if by.get("indicators-only"):
        number = by["indicators-only"]
        parts.append(f"{number} {'shows' if number == 1 else 'show'} indicators of forced labour")
    if by.get("not-substantiated"):
        parts.append(f"{by['not-substantiated']} investigated and not found to be forced labour")
    if by.get(None):
        parts.append(f"{by[None]} not about forced labour")
    return "; ".join(parts)


def _former(covered: int | None, affected: int) -> str:
    if covered is None:
        return f"; former workers covered not recorded (of {n(affected)})"
    if covered == 0:
        return f", none of its {n(affected)} former workers"
    return f", {n(covered)} of its {n(affected)} former workers"


def _money(currency: str, payer: str, m: MoneyTotal) -> str:
    text = f"{currency} {n(m.committed)} committed by {_PAYERS.get(payer, payer)}"
    if not m.reported:
        return text + ", payment not reported"
    text += f", {n(m.paid)} paid"
    if m.unreported:
        return text + f" (no payment is reported for {n(m.unreported)} of it)"
    return text + (f" ({percent(m.paid, m.committed)})" if m.committed else "")


def one_minute(
    plan: Plan,
    progress: Progress,
    name: Callable[[str], str],
    public: bool,
    other: Callable[[str, str], str],
) -> list[str]:
    """The summary's sentences, in the order a reader needs them: what ends the story first (a
    closed plan with workers still waiting, a relationship ended), then what was found, the worst
    open problem (internal), what was done for the workers, whom it covers, the money, what is
    late and what is next."""
    s = Summary(plan, progress, name, public, other)
    sentences = [s.closed(), s.relationship(), s.found()]
    if not public:
        sentences.append(worst(s))
    sentences += [s.workers(), s.coverage(), s.money(), s.late(), s.next()]
    return [sentence for sentence in sentences if sentence]
