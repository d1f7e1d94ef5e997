"""A response to a critical finding has no contingency.

The source asks that "contingencies are in place to respond to issues where they
happen". For a critical finding (forced labour, trafficking, child labour or
imminent danger) a slipped action leaves workers exposed, so every response to one
says what happens if it slips: who steps in, with what. Done and verified responses
keep theirs (the plan records what was in place); cancelled ones need none.

Reported at the response, path `responses[i].contingency`.

Fails:

    responses:
      - id: A-1
        kind: protection
        addresses: [F-1]          # F-1 is critical
        action: Return every passport to its holder
        ...

Passes:

    responses:
      - id: A-1
        kind: protection
        addresses: [F-1]
        action: Return every passport to its holder
        contingency: Brand staff hand passports over in person if the supplier delays
        ...
"""

from __future__ import annotations

from collections.abc import Iterator

from sip.diagnostic import ERROR
from sip.format.wording import ids, label
from sip.rules.context import Context, Violation

CODE = "SIP306"
SEVERITY = ERROR
SUMMARY = "a response to a critical finding has no contingency"


def check(plan, context: Context) -> Iterator[Violation]:
    assert context.index is not None
    findings = context.index.findings
    for position, response in context.index.responses:
        if response.contingency is not None:
            continue
        critical = [f for f in dict.fromkeys(response.addresses)
                    if f in findings and findings[f].severity == "critical"]
        if critical:
            noun = "finding" if len(critical) == 1 else "findings"
            yield Violation(("responses", position, "contingency"),
                            f"{label(response, 'responses')} responds to critical {noun} "
                            f"{ids(critical)} but has no contingency: add contingency: what "
                            "happens, and who acts, if this response slips",
                            at=("responses", position))
