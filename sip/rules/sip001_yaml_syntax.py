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
check = None  # reported while loading (sip/read/loader.py)
