"""`--format json`: one object, as the plan format's spec shows it.

Written a diagnostic at a time, the same bytes as `json.dump(document(run), indent=2)`, so a run
of any size never holds every diagnostic as a dict at once (tests/test_memory.py)."""

from __future__ import annotations

import json
from typing import TextIO

from sip.check.result import Run
from sip.output.formats import Style


def document(run: Run) -> dict[str, object]:
    return {
        "files": len(run.files),
        "errors": run.errors,
        "warnings": run.warnings,
        "diagnostics": [d.to_dict() for d in run.diagnostics],
    }


def write(run: Run, stream: TextIO, style: Style) -> None:
    head = {"files": len(run.files), "errors": run.errors, "warnings": run.warnings}
    stream.write(json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "diagnostics": [')
    first = True
    for d in run.diagnostics:
        item = json.dumps(d.to_dict(), ensure_ascii=False, indent=2).replace("\n", "\n    ")
        stream.write(("\n    " if first else ",\n    ") + item)
        first = False
    stream.write("]\n}\n" if first else "\n  ]\n}\n")
