"""A plan with a forced-labour finding lists no service provider that was consulted.

The source: "Public and non-governmental victim service providers with expertise in
supporting migrant workers should be consulted as valuable resources to better
understand the issue and address its root cause." A plan with a forced-labour finding
(an ILO indicator, or critical) lists in `service_providers` at least one provider
whose `consulted` date is on or before the as-of date. A provider without
`consulted` is planned, not consulted; a `consulted` date after the as-of date has
not happened yet.

Reported once per plan, at `service_providers` when the list is there, else at the
top of the plan.

Fails:

    service_providers:
      - id: SP-1
        name: Example Migrant Rights Centre
        kind: ngo
        role: Worker interviews and case management
        # no consulted date: planned only

Passes:

    service_providers:
      - id: SP-1
        name: Example Migrant Rights Centre
        kind: ngo
        role: Worker interviews and case management
        consulted: 2026-07-25
"""

from __future__ import annotations

from collections.abc import Iterator

from sip.diagnostic import ERROR
from sip.format.wording import ids, label
from sip.rules.context import Context, Violation

CODE = "SIP404"
SEVERITY = ERROR
SUMMARY = "a plan with a forced-labour finding lists no service provider that was consulted"


def check(plan, context: Context) -> Iterator[Violation]:
    forced = [f for f in plan.findings if f.is_forced_labour]
    if not forced:
        return
    providers = plan.service_providers
    if any(p.consulted is not None and p.consulted <= context.as_of for p in providers):
        return
    first = label(forced[0], "findings")
    more = f" and {len(forced) - 1} more" if len(forced) > 1 else ""
    if not providers:
        state = "lists no service provider"
    else:
        planned = [p.id for p in providers if p.consulted is None]
        later = [p.id for p in providers if p.consulted is not None]
        parts = [f"{ids(planned)} {'has' if len(planned) == 1 else 'have'} no consulted date"
                 ] if planned else []
        parts += [f"{ids(later)} {'is' if len(later) == 1 else 'are'} dated after "
                  f"{context.as_of}"] if later else []
        state = f"has no service provider consulted by {context.as_of} ({'; '.join(parts)})"
    present = "service_providers" in plan.model_fields_set
    yield Violation(("service_providers",),
                    f"the plan has forced-labour finding {first}{more} but {state}: consult a "
                    "public or non-governmental victim service provider and record the date in "
                    "consulted",
                    at=None if present else ())
