"""An unknown field.

Every mapping in a plan is closed, so a typo cannot silently drop data: `titel:`
is reported at the key, with the nearest known key ("did you mean 'title'?") or the
list of keys allowed there. A misspelled required key also gives SIP101.

Fails:

    findings:
      - id: F-1
        titel: Passports held by the employer

Passes:

    findings:
      - id: F-1
        title: Passports held by the employer
"""

from sip.diagnostic import ERROR

CODE = "SIP103"
SEVERITY = ERROR
SUMMARY = "an unknown field"
# Found by the model (pydantic, its errors turned into located codes by sip/check/schema_errors.py),
# not by a rule: a field the model cannot read leaves no plan for the rules to judge, so it stops
# every rule of the file; and the model is the one source of the JSON Schema that editors check
# with. This module is the code's documentation. Never waived or ignored.
check = None
