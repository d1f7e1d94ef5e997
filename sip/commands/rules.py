from __future__ import annotations

import inspect
import sys

from sip.exits import UsageError


def rules_command(code: str | None) -> int:
    from sip.rules import BY_CODE, REGISTRY

    if code is None:
        for rule in REGISTRY:
            label = "warning" if rule.SEVERITY == "warning" else "error"
            sys.stdout.write(f"{rule.CODE}  {label:<7}  {rule.SUMMARY}\n")
        return 0
    rule = BY_CODE.get(code.upper())
    if rule is None:
        raise UsageError(f"{code}: no such rule; 'sip rules' lists them")
    sys.stdout.write(f"{rule.CODE} ({rule.SEVERITY})\n\n{inspect.getdoc(rule)}\n")
    return 0
