"""Warning: a money remedy leaves out some of the workers the finding affects.

The source asks for "the full protection of victim(s)": a repayment to the 300 workers
still at the site, when the finding records 420 affected, leaves 120 out, most often those
who have left and are hardest to trace. For a forced-labour finding (determination
`substantiated` or `suspected`, written or derived) that at least one money remedy
(`reimbursement`, `back-pay` or `compensation`, not cancelled, addressing it directly)
addresses:

- (a) when the finding records `workers_affected` and every such remedy records
  `workers_covered`: for every type of money remedy present, the remedies of that type
  together cover fewer workers than are affected. Two remedies of one type may cover
  different workers (current and former), so their counts add up; remedies of different
  types cover the same workers twice (a repayment and back pay), so they do not. A remedy
  that addresses several findings counts in full for each.
- (b) when the finding records `former_workers` over 0 and every such remedy records
  `former_workers`: none of them covers a former worker.

A remedy that does not record its count makes that half unknown: not reported. Either
half is answered by `not_covered` on the finding, saying why some affected workers get no
money remedy (they paid no fee, they were repaid by someone else...).

New in format 1.2.

Reported at the finding's `workers_affected` (a) or `former_workers` (b); two warnings
when both hold.

Fails:

    findings:
      - id: F-1
        workers_affected: 420
        former_workers: 120
        ...
    responses:
      - id: A-2
        kind: remedy
        remedy: reimbursement
        addresses: [F-1]
        workers_covered: 300      # the current workers only
        former_workers: 0
        ...

Passes:

    findings:
      - id: F-1
        workers_affected: 420
        former_workers: 120
        not_covered: The 35 workers hired directly in 2024 paid no fee (payroll and interviews, P-2)
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import WARNING
from sip.format.wording import ids, label
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP409"
SEVERITY = WARNING
SUMMARY = "a money remedy leaves out some of the workers the finding affects"
_OR = "or say in not_covered why they get no money remedy"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    from sip.format.vocab import MONEY_REMEDIES

    assert context.index is not None
    responses_to = context.index.responses_to
    for position, finding in enumerate(plan.findings):
        if finding.not_covered is not None or not finding.is_forced_labour:
            continue
        money = [
            r for r in responses_to.get(finding.id, ()) if r.kind == "remedy" and r.remedy in MONEY_REMEDIES
        ]
        if not money:
            continue
        affected = finding.workers_affected
        if affected is not None and all(r.workers_covered is not None for r in money):
            by_type: dict[str, list] = {}
            for remedy in money:
                by_type.setdefault(str(remedy.remedy), []).append(remedy)
            covered = {kind: sum(r.workers_covered or 0 for r in rs) for kind, rs in by_type.items()}
            if all(count < affected for count in covered.values()):
                parts = [
                    f"the {kind}{'s' if len(rs) > 1 else ''} {ids([r.id for r in rs])} "
                    f"{'cover' if len(rs) > 1 else 'covers'} {covered[kind]:,} of {affected:,} "
                    "affected workers"
                    for kind, rs in by_type.items()
                ]
                rest = affected - max(covered.values())
                yield Violation(
                    ("findings", position, "workers_affected"),
                    f"{label(finding, 'findings')}: {'; '.join(parts)}: cover the other "
                    f"{rest:,} (former workers included), {_OR}",
                )
        former = finding.former_workers
        if (
            former
            and all(r.former_workers is not None for r in money)
            and not any(r.former_workers for r in money)
        ):
            yield Violation(
                ("findings", position, "former_workers"),
                f"{label(finding, 'findings')} has {former:,} former workers among the "
                f"affected, but its money {'remedy' if len(money) == 1 else 'remedies'} "
                f"{ids([r.id for r in money])} {'covers' if len(money) == 1 else 'cover'} "
                "none of them (former_workers: 0): "
                "reach the workers who have left the site (through the agents' records, "
                f"organisations in their home countries), {_OR}",
            )
