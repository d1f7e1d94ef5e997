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
check = None  # reported while loading (sip/read/loader.py)
