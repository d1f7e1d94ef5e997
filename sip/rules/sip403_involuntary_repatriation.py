"""A repatriation remedy is not marked `voluntary: true`.

The source supports repatriation "(if desired)": sending workers home who did not
ask to go is not a remedy but a second harm (and often how a company rids itself of
witnesses). A remedy of type `repatriation` must say `voluntary: true`: the worker
asked to go home.

Reported at `voluntary`, or at the response when it is absent.

Fails:

    responses:
      - id: A-3
        kind: remedy
        remedy: repatriation
        addresses: [F-1]
        action: Flights home for the workers concerned
        ...

Passes:

    responses:
      - id: A-3
        kind: remedy
        remedy: repatriation
        voluntary: true
        addresses: [F-1]
        action: Paid travel home for workers who ask to go home
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

CODE = "SIP403"
SEVERITY = ERROR
SUMMARY = "a repatriation remedy is not marked voluntary: true"


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    for position, response in context.index.responses:
        if response.remedy != "repatriation" or response.voluntary is True:
            continue
        loc = ("responses", position, "voluntary")
        what = label(response, "responses")
        if response.voluntary is None:
            yield Violation(
                loc,
                f"{what} is a repatriation not marked voluntary: repatriate only "
                "workers who ask to go home, and add voluntary: true",
                at=("responses", position),
            )
        else:
            yield Violation(
                loc,
                f"{what} is a repatriation marked voluntary: false: repatriate "
                "only workers who ask to go home (voluntary: true), or offer "
                "reintegration instead",
            )
