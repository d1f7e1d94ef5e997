"""Warning: a root cause of forced labour is addressed only by telling, watching or writing down.

Training workers, monitoring the site, documenting a procedure and standing ready to
respond are worth doing, but none of them changes a recruitment practice, a fee policy
or a price: "problems tend to persist when remedial or corrective actions are either
poorly maintained or are not implemented at all". A root cause that lists a
forced-labour finding (determination `substantiated` or `suspected`, written or derived)
is addressed by at least one improvement whose element can change it: `policy`,
`procedure`, `recruitment`, `grievance-mechanism`, `supplier-contracts`,
`purchasing-practices`, `worker-engagement`, `wages` or `housing`, not only `training`,
`awareness`, `monitoring`, `documentation` or `incident-response` (format 1.3's `awareness`
tells, as training does).

"Addressed" is read as SIP303 reads it: improvements, not cancelled, whose `addresses`
list the root cause. A root cause no improvement addresses is SIP303's.

A root cause of category `capacity` (what the workers or the site's staff knew) is not
judged (sip's decision): training is what changes it. A plan whose only causes are the
workers' knowledge is SIP309's to report.

New in format 1.2.

Reported at the root cause.

Fails:

    root_causes:
      - id: RC-1
        findings: [F-1]
        category: practice
        cause: The site hired through agents who charged workers fees
    improvements:
      - id: I-1
        element: training        # the workers are told; the agents still charge
        addresses: [RC-1]
        ...

Passes:

    improvements:
      - id: I-1
        element: recruitment
        action: Hire only through agents under contract to charge workers nothing, paid by the site
        addresses: [RC-1]
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

CODE = "SIP310"
SEVERITY = WARNING
SUMMARY = "a root cause of forced labour is addressed only by training, monitoring or documentation"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    from sip.format.vocab import NON_CHANGING_ELEMENTS

    assert context.index is not None
    findings, improvements_of = context.index.findings, context.index.improvements_of
    for position, cause in enumerate(plan.root_causes):
        if cause.category == "capacity":
            continue  # knowledge is changed by training (sip's decision; SIP309 asks for more)
        improvements = improvements_of.get(cause.id)
        if not improvements or any(i.element not in NON_CHANGING_ELEMENTS for i in improvements):
            continue
        if not any(f in findings and findings[f].is_forced_labour for f in cause.findings):
            continue
        named = ids([f"{i.id} ({i.element})" for i in improvements])
        yield Violation(
            ("root_causes", position),
            f"{label(cause, 'root_causes')} explains forced labour but is addressed only by "
            f"{named} (new in format 1.2): training, monitoring, documentation and incident "
            "response do not change the cause; add an improvement that changes it (a policy, "
            "procedure, recruitment, grievance mechanism, supplier contract or purchasing "
            f"practice) whose addresses list {cause.id}",
        )
