"""`--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

- One reportingDescriptor per code sip knows (sip.rules.REGISTRY), its help the rule
  module's docstring, its default level the rule's severity.
- A waived diagnostic is a result with a suppression whose justification is the
  waiver's reason: code scanning shows it as dismissed, not as an open alert.
- Artifact URIs are relative to the current folder (run sip from the repository root),
  with uriBaseId %SRCROOT%.
- `partialFingerprints["sipItem/v1"]` hashes the code, the file and the diagnostic's path
  with item ids in place of indexes (sip.read.item_keys), never the line: editing a plan above
  a problem does not make code scanning see a new alert.
"""

from __future__ import annotations

import inspect
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, TextIO
from urllib.parse import quote

from sip import __version__
from sip.check.result import Run
from sip.diagnostic import WAIVED, Diagnostic, readable
from sip.output.formats import Style
from sip.read.item_keys import fingerprint, stable_path

if TYPE_CHECKING:
    from sip.rules.context import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "sipItem/v1"
ROOT = "%SRCROOT%"


def document(run: Run) -> dict[str, object]:
    from sip.rules import REGISTRY

    index = {rule.CODE: i for i, rule in enumerate(REGISTRY)}
    ids_by_file = {result.file: result.item_ids for result in run.results}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "sip",
                "version": __version__,
                "rules": [_descriptor(rule) for rule in REGISTRY],
            }},
            "columnKind": "unicodeCodePoints",
            "results": [_result(d, index, ids_by_file.get(d.file, {})) for d in run.diagnostics],
        }],
    }


def write(run: Run, stream: TextIO, style: Style) -> None:
    json.dump(document(run), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _descriptor(rule: Rule) -> dict[str, object]:
    help_text = inspect.getdoc(rule) or rule.SUMMARY
    return {
        "id": rule.CODE,
        "shortDescription": {"text": rule.SUMMARY},
        "fullDescription": {"text": help_text.split("\n\n", 1)[0]},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": rule.SEVERITY},
    }


def _result(d: Diagnostic, index: dict[str, int], item_ids: dict[str, str]) -> dict[str, object]:
    uri = artifact_uri(d.file)
    out: dict[str, object] = {
        "ruleId": d.code,
        "level": _level(d),
        "message": {"text": d.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": uri, "uriBaseId": ROOT},
                "region": {"startLine": d.line, "startColumn": d.column},
            },
            **({"logicalLocations": [{"fullyQualifiedName": d.path, "kind": "member"}]}
               if d.path else {}),
        }],
        "partialFingerprints": {
            FINGERPRINT_KEY: fingerprint(d.code, uri, stable_path(d.path, item_ids)),
        },
    }
    if d.code in index:
        out["ruleIndex"] = index[d.code]
    if d.severity == WAIVED:
        out["suppressions"] = [{"kind": "inSource", "status": "accepted",
                                "justification": d.reason or ""}]
    return out


def _level(d: Diagnostic) -> str:
    if d.severity != WAIVED:
        return d.severity
    from sip.rules import SEVERITIES

    return SEVERITIES.get(d.code, "error")


def artifact_uri(file: str) -> str:
    """The file as a URI relative to the current folder when it lies below it."""
    path = report_path(file)
    return Path(path).as_uri() if Path(path).is_absolute() else quote(path)


def report_path(file: str) -> str:
    """The file's path relative to the current folder (forward slashes), or absolute when it
    lies outside it: what CI servers resolve against the checked-out repository."""
    file = readable(file)
    if file == "-":
        return "stdin"
    path = Path(file)
    absolute = path if path.is_absolute() else Path.cwd() / path
    relative = Path(os.path.relpath(absolute, Path.cwd()))
    if relative.parts and relative.parts[0] == "..":
        return absolute.resolve().as_posix()
    return relative.as_posix()
