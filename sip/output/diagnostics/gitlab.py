"""`--format gitlab`: GitLab's code quality report (a Code Climate JSON list), for
`artifacts:reports:codequality`, so a merge request shows what it adds and what it fixes.

Errors are `major`, warnings `minor`; waived diagnostics are left out. The fingerprint
is the one SARIF uses (sip.read.item_keys): stable across edits elsewhere in the plan.
"""

from __future__ import annotations

import json
from typing import TextIO

from sip.check.result import Run
from sip.diagnostic import ERROR, WAIVED, Diagnostic
from sip.output.diagnostics.sarif import report_path
from sip.output.formats import Style
from sip.read.item_keys import fingerprint, stable_path

_SEVERITY = {ERROR: "major"}


def document(run: Run) -> list[dict[str, object]]:
    ids_by_file = {result.file: result.item_ids for result in run.results}
    return [_issue(d, ids_by_file.get(d.file, {})) for d in run.diagnostics if d.severity != WAIVED]


def _issue(d: Diagnostic, item_ids: dict[str, str]) -> dict[str, object]:
    path = report_path(d.file)
    return {
        "description": f"{d.code} {d.message}",
        "check_name": d.code,
        "fingerprint": fingerprint(d.code, path, stable_path(d.path, item_ids)),
        "severity": _SEVERITY.get(d.severity, "minor"),
        "location": {"path": path, "lines": {"begin": d.line}},
    }


def write(run: Run, stream: TextIO, style: Style) -> None:
    json.dump(document(run), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
