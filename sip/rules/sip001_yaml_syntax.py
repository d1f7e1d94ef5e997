"""The file is not valid YAML.

sip reads plans as YAML 1.2. When the parser cannot read the file, sip reports the
first syntax error only, at the line and column where the parser found it, with the
parser's reason in plain words. Invalid UTF-8 is reported here too, at the first bad byte.

Fails:

    findings:
      - id: F-1
        title: "Passports held by the employer
        severity: critical

Passes:

    findings:
      - id: F-1
        title: "Passports held by the employer"
        severity: critical
"""

from sip.diagnostic import ERROR

CODE = "SIP001"
SEVERITY = ERROR
SUMMARY = "the file is not valid YAML"
# Found while reading (sip/read/loader.py), not by a rule: until the bytes are one YAML mapping
# there is no plan for a rule to judge. The loader sits below the rules (docs/design.md), so it
# makes the problem itself; this module is the code's documentation. Never waived or ignored.
check = None
