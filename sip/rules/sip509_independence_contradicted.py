"""Error: a verification is marked independent, but the plan's own parties say it is not.

"Verified by HR (independent)" is the plan contradicting itself: the site's HR department
is the employer that charged the fees or kept the passports. A `verification` with
`independent: true` names in `by` a party or service provider that can be independent of
the remedy: not a party of kind `employer` (the site's own management or staff),
`own-staff` (the plan owner's own people), `labour-agent`, `recruitment-agency` or `other`
(nothing shows who that is), nor a service provider of kind `other`. Any other service
provider, and a party of any other kind (a verifier, an auditor, an investigator...),
counts as independent here.

This is an error, not a warning: the plan states a fact that its own parties list
contradicts, and every report would repeat it.

Responses and improvements are read, cancelled ones not. A `by` naming no party or
provider is SIP202's.

New in format 1.2.

Reported at the `independent` value.

Fails:

    parties:
      - id: P-1
        name: Site HR department
        kind: employer
        role: Runs the payroll
    responses:
      - id: A-2
        status: verified
        verification:
          method: HR checked the bank transfers
          by: P-1
          independent: true
          ...

Passes:

    parties:
      - id: P-2
        name: Example Verification Ltd
        kind: verifier
        role: Independent verification of repayments
    responses:
      - id: A-2
        status: verified
        verification:
          method: Interviews with 60 workers, in their languages, away from the site
          by: P-2
          independent: true
          ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.format.wording import label
from sip.rules.context import Context, Violation
from sip.rules.interested import interested

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP509"
SEVERITY = ERROR
SUMMARY = "a verification is marked independent, but the party that made it is not"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    for name, position, action in context.index.actions():
        check = action.verification
        if check is None or check.independent is not True or check.by is None:
            continue
        kind = interested(plan, check.by)
        if kind is None:
            continue
        yield Violation(
            (name, position, "verification", "independent"),
            f"{label(action, name)} is marked independently verified, but it was verified by "
            f"{kind}, which is not independent of the remedy: have it verified by an "
            "independent party (a verifier, an auditor, a victim service provider) named in "
            "verification.by, or set independent: false",
        )
