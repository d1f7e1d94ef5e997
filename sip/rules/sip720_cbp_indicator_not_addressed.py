"""CBP: an ILO indicator of a forced-labour finding is addressed by no response.

US Customs and Border Protection's Forced Labor Division tells a producer that asks for a
Withhold Release Order or a Finding to be modified or revoked: "Review the 11 ILO indicators of
forced labor and provide documentation that speaks to how your company has addressed the
indicators." (Helpful Hints, August 2020; docs/frameworks.md says where it was read.)

In a plan under the `cbp` framework, every ILO indicator of every forced-labour finding
(determination `substantiated` or `suspected`, written or derived) is named, in `indicators`,
by a response that addresses that finding and is not cancelled: the evidence, indicator by
indicator, that CBP reads. A response's indicators that its findings do not show count for
nothing (sip's decision: the finding's indicators are the case CBP made).

One diagnostic per finding and indicator. Runs only on a plan the `cbp` framework applies to.
Reported at the indicator in the finding's `indicators`.

Fails:

    frameworks: [cbp]
    findings:
      - id: F-1
        indicators: [debt-bondage, retention-of-identity-documents]
        ...
    responses:
      - id: A-1
        addresses: [F-1]
        indicators: [debt-bondage]       # nothing names retention-of-identity-documents
        ...

Passes:

    responses:
      - id: A-1
        addresses: [F-1]
        indicators: [debt-bondage]
        ...
      - id: A-2
        kind: protection
        addresses: [F-1]
        indicators: [retention-of-identity-documents]
        action: Return every passport; lockers with keys held by the workers
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.format.vocab import INDICATOR
from sip.format.wording import label
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan
    from sip.model.actions import Response
    from sip.rules.index import PlanIndex

CODE = "SIP720"
SEVERITY = ERROR
SUMMARY = "CBP: an ILO indicator of a forced-labour finding is addressed by no response"
FRAMEWORK = "cbp"


def remedies(plan: Plan, index: PlanIndex) -> Iterator[tuple[int, int, str, list[Response]]]:
    """(finding position, indicator position, indicator, the live responses to the finding that
    name it) for each indicator of each forced-labour finding, each indicator once: what CBP reads
    indicator by indicator (SIP720, SIP721 and the dossier)."""
    for position, finding in enumerate(plan.findings):
        if not finding.is_forced_labour:
            continue
        responses = index.responses_to.get(finding.id, [])
        seen: set[str] = set()
        for k, indicator in enumerate(finding.indicators):
            if indicator in seen:
                continue
            seen.add(indicator)
            yield position, k, indicator, [r for r in responses if indicator in r.indicators]


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    for position, k, indicator, responses in remedies(plan, context.index):
        if responses:
            continue
        finding = plan.findings[position]
        yield Violation(
            ("findings", position, "indicators", k),
            f"{label(finding, 'findings')} shows {INDICATOR[indicator].lower()}, and no response to "
            f"it says it remedies that indicator; CBP asks for documentation of how each ILO "
            f"indicator was addressed: name {indicator} in the indicators of the responses to "
            f"{finding.id} that remedy it, or add one",
        )
