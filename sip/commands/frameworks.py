"""`sip frameworks`: the framework profiles a plan can be checked against; `--format md` is
docs/frameworks.md."""

from __future__ import annotations

import difflib
import sys

from sip.exits import UsageError
from sip.output.formats import Style, writer


def frameworks_command(name: str | None, format: str) -> int:
    from sip.frameworks import PROFILES

    if name is None:
        chosen = tuple(PROFILES.values())
    elif name.lower() in PROFILES:
        chosen = (PROFILES[name.lower()],)
    else:
        close = difflib.get_close_matches(name.lower(), PROFILES, n=1, cutoff=0.5)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise UsageError(f"{name}: no such framework; {hint}'sip frameworks' lists them")
    writer("frameworks", format)(chosen, sys.stdout, Style())
    return 0
