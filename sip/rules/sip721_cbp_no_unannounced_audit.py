"""Warning: CBP: no unannounced, independent verification shows an indicator of forced labour remedied.

Among the "Examples of helpful documentation" CBP's Forced Labor Division lists for a request to
modify or revoke a Withhold Release Order: "Copies of recent unannounced third party audits"
(Helpful Hints, August 2020). Its later fact sheet, read only in others' summaries, asks for
verification "by an unannounced and independent third-party auditor".

In a plan under the `cbp` framework, for every ILO indicator of a forced-labour finding that a
response names (SIP720 reports those no response names), at least one of those responses is
`verified`, and its verification names its verifier (`by`), was independent (`independent: true`)
and unannounced (`announced: false`). An absent `announced` is unknown, never read as unannounced;
an absent `by` shows no independence, whatever `independent` says (a third party nobody names
cannot be checked; SIP412 reads an absent `by` the same way). The message says what each response
lacks.

A warning: CBP names the audit as helpful evidence, not as a condition. Runs only on a plan the
`cbp` framework applies to. Reported at the first such response's `verification.announced`, its
`verification` when that or its `by` is absent, or its `status` when it is not verified.

Fails:

    frameworks: [cbp]
    responses:
      - id: A-1
        addresses: [F-1]
        indicators: [debt-bondage]
        status: verified
        verification:
          by: P-1
          independent: true
          announced: true        # the site knew the auditors were coming
          ...

Passes:

    responses:
      - id: A-1
        ...
        verification:
          by: P-1
          independent: true
          announced: false
          workers_interviewed: 60
          ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import WARNING
from sip.format.vocab import INDICATOR
from sip.format.wording import label
from sip.rules.context import Context, Violation
from sip.rules.sip720_cbp_indicator_not_addressed import remedies

if TYPE_CHECKING:
    from sip.model import Plan
    from sip.model.actions import Response
    from sip.read.positions import Loc

CODE = "SIP721"
SEVERITY = WARNING
SUMMARY = "CBP: no unannounced, independent verification shows an indicator of forced labour remedied"
FRAMEWORK = "cbp"


def lacks(response: Response) -> list[str]:
    """What keeps a response from being the unannounced, independent verification CBP asks for,
    in words; [] when nothing does (SIP721 and the dossier)."""
    v = response.verification
    if response.status != "verified" or v is None:
        return [f"is {response.status}, not verified"]
    missing = []
    if v.by is None:
        missing.append("names no verifier")
    if v.independent is not True:
        missing.append("was not independent" if v.independent is False else "is not recorded as independent")
    if v.announced is not False:
        missing.append("was announced" if v.announced else "is not recorded as unannounced")
    return missing


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    positions = {id(r): n for n, r in enumerate(plan.responses)}
    for finding_position, _, indicator, responses in remedies(plan, context.index):
        if not responses:
            continue  # SIP720's
        gaps = [(r, lacks(r)) for r in responses]
        if any(not lacked for _, lacked in gaps):
            continue
        first = gaps[0][0]
        finding = plan.findings[finding_position]
        said = "; ".join(f"{r.id} {' and '.join(lacked)}" for r, lacked in gaps)
        yield Violation(
            _where(positions[id(first)], first),
            f"no unannounced, independent verification shows {INDICATOR[indicator].lower()} of "
            f"{label(finding, 'findings')} remedied ({said}); CBP names recent unannounced "
            "third-party audits as helpful evidence: have a verifier independent of the company and "
            "the site check it without warning, name it in verification.by, and record "
            "independent: true and announced: false",
        )


def _where(position: int, response: Response) -> Loc:
    if response.status != "verified" or response.verification is None:
        return ("responses", position, "status")
    if response.verification.announced is not None and response.verification.by is not None:
        return ("responses", position, "verification", "announced")
    return ("responses", position, "verification")
