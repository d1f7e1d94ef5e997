"""`sip:` is missing or names a format version this sip does not know.

Every plan starts with `sip: 1`, the integer version of the plan format, so that a
later format can change without breaking plans written today. A missing `sip:` is
reported at the top of the file and the plan is still checked as version 1; `"1"`
or `1.0` are reported and checked as version 1; any other version is reported and
nothing else is checked.

Fails:

    id: SIP-2026-007
    title: Recruitment fees at Example Gloves

Passes:

    sip: 1
    id: SIP-2026-007
    title: Recruitment fees at Example Gloves
"""

from sip.diagnostic import ERROR

CODE = "SIP003"
SEVERITY = ERROR
SUMMARY = "`sip:` is missing or names a format version this sip does not know"
check = None  # reported by the version check (sip/check/file.py)
