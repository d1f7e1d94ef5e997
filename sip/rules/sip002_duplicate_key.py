"""A key appears twice in one mapping.

YAML parsers disagree on which value wins when a key repeats, so a plan must not
repeat one. sip reports every repeated key (not the first) and keeps the first value.

Fails:

    - id: A-1
      status: planned
      status: done

Passes:

    - id: A-1
      status: done
"""

from sip.diagnostic import ERROR

CODE = "SIP002"
SEVERITY = ERROR
SUMMARY = "a key appears twice in one mapping"
# Found while reading (sip/read/loader.py), not by a rule: until the bytes are one YAML mapping
# there is no plan for a rule to judge. The loader sits below the rules (docs/design.md), so it
# makes the problem itself; this module is the code's documentation. Never waived or ignored.
check = None
