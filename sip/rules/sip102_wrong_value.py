"""A field has the wrong type, or a value outside its vocabulary or range.

sip does not guess: an id is text (`id: 1` must be quoted), a count is a whole
number, a date is `YYYY-MM-DD` and real, a country is an ISO 3166-1 alpha-2 code, a
currency an ISO 4217 code. The message lists what is allowed. Cross-field checks
report here too: `migrant_workers` over `workers`, `paid` over `committed`,
`closed` or `next_review` before `opened`, remedy-only fields on other responses.
A YAML tag outside the core schema (`!!python/...`) is reported here and never run.

Fails:

    severity: severe

Passes:

    severity: critical
"""

from sip.diagnostic import ERROR

CODE = "SIP102"
SEVERITY = ERROR
SUMMARY = "a field has the wrong type or a value outside its vocabulary or range"
# Found by the model (pydantic; its errors become located codes in sip/check/schema_errors.py), and
# by the loader for a key that is not text or a tag outside YAML's core schema; not by a rule: a
# value the model cannot read leaves no plan for the rules to judge, so it stops every rule of the
# file, and the model is the one source of the JSON Schema that editors check with. This module is
# the code's documentation. Never waived or ignored.
check = None
