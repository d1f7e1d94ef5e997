"""FAR 52.222-50(h)(3)(iii): the compliance plan has no recruitment and wage plan.

The clause asks the compliance plan for "A recruitment and wage plan that only permits the use
of recruitment companies with trained employees, prohibits charging recruitment fees to the
employees or potential employees and ensures that wages meet applicable host-country legal
requirements or explains any variance."

A plan under the `far` framework has an improvement of element `recruitment` (which agents may
recruit, and that they charge workers nothing) and one of element `wages` (that pay meets the
law of the country where the work is done, or why not), neither cancelled. The message says
which is missing.

Runs only on a plan the `far` framework applies to. Reported at `improvements` when the list is
there, else at the top of the plan.

Fails:

    frameworks: [far]
    improvements:
      - id: MS-1
        element: recruitment
        action: Recruit only through licensed agents whose staff are trained, paid by the site
        ...

Passes:

    frameworks: [far]
    improvements:
      - id: MS-1
        element: recruitment
        ...
      - id: MS-2
        element: wages
        action: Check each month that every worker's pay meets the legal minimum, overtime included
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.rules.context import Context, Violation
from sip.rules.wanted_elements import missing_elements

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP702"
SEVERITY = ERROR
SUMMARY = "FAR 52.222-50(h)(3)(iii): the compliance plan has no recruitment and wage plan"
FRAMEWORK = "far"
_ASKS = "FAR 52.222-50(h)(3)(iii) asks the compliance plan for a recruitment and wage plan"
_WANTED = {
    "recruitment": "recruitment (only recruitment companies with trained staff; no fees charged to workers)",
    "wages": "wages (pay meets the country's legal requirements, or the plan explains why not)",
}


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    return missing_elements(plan, context, _WANTED, _ASKS)
