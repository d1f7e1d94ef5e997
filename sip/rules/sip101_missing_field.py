"""A required field is missing.

Reported at the first key of the mapping that lacks the field (or at the key, when
it is written with no value: `key:` alone counts as absent). Cross-field
requirements are reported here too: `closed:` on a closed plan, `remedy:` on a
remedy response.

Fails:

    findings:
      - id: F-1
        title: Recruitment fees paid to agents
        source: S-1
        identified: 2026-07-15

Passes:

    findings:
      - id: F-1
        title: Recruitment fees paid to agents
        severity: critical
        source: S-1
        identified: 2026-07-15
"""

from sip.diagnostic import ERROR

CODE = "SIP101"
SEVERITY = ERROR
SUMMARY = "a required field is missing"
# Found by the model (pydantic, its errors turned into located codes by sip/check/schema_errors.py),
# not by a rule: a field the model cannot read leaves no plan for the rules to judge, so it stops
# every rule of the file; and the model is the one source of the JSON Schema that editors check
# with. This module is the code's documentation. Never waived or ignored.
check = None
