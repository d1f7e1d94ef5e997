"""FAR 52.222-50(h)(3)(iv): housing is provided or arranged, or may be, and there is no housing plan.

The clause asks the compliance plan for "A housing plan, if the Contractor or subcontractor
intends to provide or arrange housing, that ensures that the housing meets host-country housing
and safety standards."

A plan under the `far` framework says whether the site or the company provides or arranges the
workers' housing (`site.housing_provided`). When it does, the plan has an improvement of
element `housing`, not cancelled. When the plan does not say, sip cannot tell whether a housing
plan is needed, and asks (an absent field is unknown, never read as false).

Runs only on a plan the `far` framework applies to. Reported at `site.housing_provided` when it
is true, else at `site`.

Fails:

    frameworks: [far]
    site:
      name: Example Garments, Unit 3
      country: MY
      housing_provided: true       # dormitories; no improvement of element housing

Passes:

    frameworks: [far]
    site:
      housing_provided: true
    improvements:
      - id: MS-4
        element: housing
        action: Inspect every dormitory against the Workers' Minimum Standards of Housing Act each quarter
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import ERROR
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    from sip.model import Plan

CODE = "SIP703"
SEVERITY = ERROR
SUMMARY = "FAR 52.222-50(h)(3)(iv): housing is provided or arranged, or may be, and there is no housing plan"
FRAMEWORK = "far"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    provided = plan.site.housing_provided
    if provided is False:
        return
    if provided is None:
        yield Violation(
            ("site", "housing_provided"),
            "FAR 52.222-50(h)(3)(iv) asks for a housing plan if the contractor or a subcontractor "
            "provides or arranges housing, and the plan does not say whether it does: set "
            "site.housing_provided to true or false",
            at=("site",),
            anchor="key",
        )
        return
    if any(i.element == "housing" for _, i in context.index.improvements):
        return
    yield Violation(
        ("site", "housing_provided"),
        "the site provides or arranges housing, and FAR 52.222-50(h)(3)(iv) asks for a housing plan "
        "that ensures it meets the country's housing and safety standards: add an improvements entry "
        "of element housing",
    )
