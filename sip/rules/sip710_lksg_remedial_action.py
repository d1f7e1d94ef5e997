"""LkSG § 7 Abs. 1: a finding has no response that ends, prevents or minimises the violation.

The German Supply Chain Due Diligence Act says (§ 7 Abs. 1 Satz 1): "Stellt das Unternehmen
fest, dass die Verletzung einer menschenrechtsbezogenen oder einer umweltbezogenen Pflicht in
seinem eigenen Geschäftsbereich oder bei einem unmittelbaren Zulieferer bereits eingetreten ist
oder unmittelbar bevorsteht, hat es unverzüglich angemessene Abhilfemaßnahmen zu ergreifen, um
diese Verletzung zu verhindern, zu beenden oder das Ausmaß der Verletzung zu minimieren." (If
the company finds that a violation of a human-rights-related or environment-related obligation
has occurred, or is imminent, in its own business area or at a direct supplier, it must without
undue delay take appropriate remedial action to prevent or end the violation or to minimise its
extent; sip's own translation.)

In a plan under the `lksg` framework every finding has a response of kind `corrective` (the
measure that ends or prevents the violation at the site) or `protection` (which minimises it for
the workers now), not cancelled. A remedy repairs harm already done: a finding answered only by
remedies leaves the violation itself going on (sip's reading; SIP301 reports a finding with no
response at all). How soon the responses are due is SIP506's to judge.

Runs only on a plan the `lksg` framework applies to. Reported at the finding.

Fails:

    frameworks: [lksg]
    findings:
      - id: F-1
        title: Passports kept in the HR office
        ...
    responses:
      - id: A-1
        kind: remedy
        remedy: compensation
        addresses: [F-1]
        ...

Passes:

    responses:
      - id: A-2
        kind: corrective
        addresses: [F-1]
        action: Return every passport and end the practice; lockers with keys held by the workers
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.format.wording import label
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP710"
SEVERITY = ERROR
SUMMARY = "LkSG § 7 Abs. 1: a finding has no response that ends, prevents or minimises the violation"
FRAMEWORK = "lksg"
ENDING = frozenset(("corrective", "protection"))  # the kinds that end, prevent or minimise it


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    responses_to = context.index.responses_to
    for position, finding in enumerate(plan.findings):
        responses = responses_to.get(finding.id)
        if not responses or any(r.kind in ENDING for r in responses):
            continue  # a finding with no response at all is SIP301's
        yield Violation(
            ("findings", position),
            f"{label(finding, 'findings')} is answered only by remedies, which repair the harm done, "
            "and LkSG § 7 Abs. 1 asks for remedial action without undue delay to prevent or end the "
            "violation or minimise it: add a responses entry of kind corrective (or protection) "
            f"whose addresses list {finding.id}",
        )
