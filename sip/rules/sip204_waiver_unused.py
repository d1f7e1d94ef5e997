"""Warning: a waiver has lapsed (`until` is before the as-of date), or silences nothing.

A waiver is a rule silenced on purpose, on the record: it names the rule, optionally
the items it covers (`ids`), a reason, and optionally the last day it applies
(`until`). Once that day has passed the waiver stops silencing anything and gets one
SIP204 at its `until`: renew it with a new reason, or fix what it covered. A waiver
that silences nothing (the problem was fixed, or `ids` name the wrong items) gets
SIP204 at the waiver, so that the plan does not keep an exception it no longer needs.

A waiver of a rule that did not run is not judged (a draft plan is checked for
SIP0xx-SIP2xx only; a rule turned off with `ignore`). SIP204 itself cannot be waived.

Fails (as of 2027-01-10):

    waivers:
      - rule: SIP506
        ids: [A-2]
        reason: Three instalments agreed with the workers' representatives
        until: 2026-12-31

Passes (as of 2026-08-10, and A-2 is due more than 30 days after its critical finding):

    waivers:
      - rule: SIP506
        ids: [A-2]
        reason: Three instalments agreed with the workers' representatives
        until: 2026-12-31
"""

from sip.diagnostic import WARNING

CODE = "SIP204"
SEVERITY = WARNING
SUMMARY = "a waiver has lapsed, or silences nothing"
check = None  # reported while applying waivers (sip/check/waivers.py)
