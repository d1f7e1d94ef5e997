"""`--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

- One reportingDescriptor per code sip knows (sip.rules.REGISTRY), its help the rule
  module's docstring, its helpUri the rule's section of docs/rules.md, its default level
  the rule's severity. Every code, reported or not: GitHub's code scanning reads
  `tool.driver.rules` as the rules the analysis ran, which change only with the tool. (The
  golden tests cut the list to the rules their results use, so that a new rule does not
  rewrite them; tests/test_ci_formats.py holds the full list to the registry.)
- Waived diagnostics are left out: GitHub code scanning ignores SARIF `suppressions` and
  would open an alert for each. `--sarif-suppressed` (Style.suppressed) writes them as
  results with a suppression whose justification is the waiver's reason, for viewers
  that honour it.
- Artifact URIs are always relative, to the current folder (%SRCROOT%: run sip from the
  repository's top folder), even for absolute paths on the command line.
- `partialFingerprints.primaryLocationLineHash`, the one fingerprint GitHub reads, hashes
  the rule, the plan's id (its file when it has none) and the diagnostic's path with item
  ids in place of indexes (sip.read.item_keys), never the line or its text: editing a plan
  above a problem, or rewording the item, does not make code scanning see a new alert.
"""

from __future__ import annotations

import inspect
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, TextIO
from urllib.parse import quote

from sip import __version__
from sip.check.result import FileResult, Run
from sip.diagnostic import WAIVED, Diagnostic, readable
from sip.format.project import PROJECT_URL, rule_url
from sip.output.diagnostics.text import source_line
from sip.output.formats import Style
from sip.read.item_keys import fingerprint, stable_path

if TYPE_CHECKING:
    from sip.rules.context import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "primaryLocationLineHash"  # the one partial fingerprint GitHub uses
ROOT = "%SRCROOT%"


def document(run: Run, suppressed: bool = False) -> dict[str, object]:
    from sip.rules import REGISTRY

    index = {rule.CODE: i for i, rule in enumerate(REGISTRY)}
    by_file = {result.file: result for result in run.results}
    shown = [d for d in run.diagnostics if suppressed or d.severity != WAIVED]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "sip",
                        "version": __version__,
                        "informationUri": PROJECT_URL,
                        "rules": [_descriptor(rule) for rule in REGISTRY],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, index, by_file.get(d.file)) for d in shown],
            }
        ],
    }


def write(run: Run, stream: TextIO, style: Style) -> None:
    json.dump(document(run, suppressed=style.suppressed), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _descriptor(rule: Rule) -> dict[str, object]:
    help_text = inspect.getdoc(rule) or rule.SUMMARY
    return {
        "id": rule.CODE,
        "shortDescription": {"text": rule.SUMMARY},
        "fullDescription": {"text": help_text.split("\n\n", 1)[0]},
        "help": {"text": help_text, "markdown": help_text},
        "helpUri": rule_url(rule.CODE),
        "defaultConfiguration": {"level": rule.SEVERITY},
    }


def _result(d: Diagnostic, index: dict[str, int], result: FileResult | None) -> dict[str, object]:
    uri = artifact_uri(d.file)
    item_ids = result.item_ids if result else {}
    plan = result.plan_id if result and result.plan_id else uri
    out: dict[str, object] = {
        "ruleId": d.code,
        "level": _level(d),
        "message": {"text": d.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri, "uriBaseId": ROOT},
                    "region": region(d),
                },
                **(
                    {"logicalLocations": [{"fullyQualifiedName": d.path, "kind": "member"}]} if d.path else {}
                ),
            }
        ],
        "partialFingerprints": {
            FINGERPRINT_KEY: fingerprint(d.code, plan, stable_path(d.path, item_ids)),
        },
    }
    if d.code in index:
        out["ruleIndex"] = index[d.code]
    if d.severity == WAIVED:
        out["suppressions"] = [{"kind": "inSource", "status": "accepted", "justification": d.reason or ""}]
    return out


def _level(d: Diagnostic) -> str:
    if d.severity != WAIVED:
        return d.severity
    from sip.rules import SEVERITIES

    return SEVERITIES.get(d.code, "error")


def region(d: Diagnostic) -> dict[str, int]:
    """Where the diagnostic is; with its end when the source shows one token there (a key up
    to its colon, a quoted string, a plain value up to a comment, a list item's '-').
    endColumn is exclusive."""
    out = {"startLine": d.line, "startColumn": d.column}
    line = source_line(d.file, d.line) if d.file != "-" else None
    length = _token_length(line[d.column - 1 :]) if line and d.column <= len(line) else 0
    if length:
        out |= {"endLine": d.line, "endColumn": d.column + length}
    return out


def _token_length(text: str) -> int:
    if text == "-" or text.startswith(("- ", "? ")):  # a block list's (or complex key's) indicator
        return 1
    if text[:1] in ("'", '"'):
        quote_mark, i = text[0], 1
        while i < len(text):
            if text[i] == "\\" and quote_mark == '"':
                i += 2
                continue
            if text[i] == quote_mark:
                if quote_mark == "'" and text[i + 1 : i + 2] == "'":
                    i += 2
                    continue
                return i + 1
            i += 1
        return 0  # the string goes on below: its end is not on this line
    key = _KEY.match(text)
    if key:
        return len(key[1])
    return len(_COMMENT.split(text, 1)[0].rstrip())


_KEY = re.compile(r"([^\s:#'\"\[\]{},][^:#]*?):(?:\s|$)")
_COMMENT = re.compile(r"\s#")


def artifact_uri(file: str) -> str:
    """The file as a URI reference relative to %SRCROOT% (the current folder)."""
    return quote(report_path(file))


def report_path(file: str) -> str:
    """The file's path relative to the current folder, forward slashes, also when given as an
    absolute path: what CI servers resolve against the checked-out repository. A file outside
    the current folder is reached with '../' steps; one on another drive stays absolute."""
    file = readable(file)
    if file == "-":
        return "stdin"
    path = Path(file)
    absolute = path if path.is_absolute() else Path.cwd() / path
    try:
        return Path(os.path.relpath(absolute, Path.cwd())).as_posix()
    except ValueError:  # another drive (Windows): no relative path exists
        return absolute.as_posix()
