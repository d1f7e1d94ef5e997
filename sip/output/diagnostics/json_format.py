"""`--format json`: one object, as the plan format's spec shows it."""

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
    json.dump(document(run), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
