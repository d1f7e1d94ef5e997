"""`--format junit`: JUnit XML, for CI test reports (GitLab's `artifacts:reports:junit`,
Jenkins, GitHub's JUnit report actions).

One testsuite per plan file (its name and `file` the path), and one testcase per diagnostic:
- an error is a testcase with one `<failure>` (type = the code, message = position and
  message, text = the whole `path:line:col: CODE message` line);
- a warning is a passing testcase whose `<system-out>` holds the line (warnings do not
  fail a run unless asked);
- a waived diagnostic is a `<skipped>` testcase whose message is the waiver's reason;
- a plan with nothing to report is one passing testcase, `valid`.
A testcase holds at most one failure: GitLab's parser reads a testcase's `failure` as one
value (several become an array it shows as raw data), and common GitHub reporters show only
the first. Names are the code and the diagnostic's path with item ids (`SIP102
findings[F-1].severity`), not its line, so a report compared with the target branch's
(GitLab's "new failures", "fixed") matches the same problem after edits above it.
The shape is valid against the Jenkins xUnit plugin's junit-10.xsd (tests/data/junit/).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from sip.check.result import Run
from sip.diagnostic import ERROR, WAIVED, WARNING, Diagnostic, readable
from sip.output.diagnostics.text import line_of
from sip.output.formats import Style
from sip.read.item_keys import stable_path

# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", readable(text))


def document(run: Run) -> ET.Element:
    by_file: dict[str, list[Diagnostic]] = {name: [] for name in run.files}
    for d in run.diagnostics:
        by_file.setdefault(d.file, []).append(d)
    ids_by_file = {result.file: result.item_ids for result in run.results}
    root = ET.Element("testsuites", {"name": "sip validate"})
    totals = {"tests": 0, "failures": 0}
    for name, found in by_file.items():
        suite = ET.SubElement(root, "testsuite", {"name": _xml_text(name), "file": _xml_text(name)})
        if not found:
            ET.SubElement(suite, "testcase", {"classname": _xml_text(name), "name": "valid"})
        seen: dict[str, int] = {}
        for d in found:
            _testcase(suite, d, _unique(_case_name(d, ids_by_file.get(name, {})), seen))
        counts = {"tests": len(suite), "failures": sum(1 for d in found if d.severity == ERROR)}
        suite.attrib.update({key: str(value) for key, value in counts.items()})
        suite.attrib.update({"errors": "0", "skipped": str(sum(1 for d in found if d.severity == WAIVED))})
        for key in totals:
            totals[key] += counts[key]
    root.attrib.update({key: str(value) for key, value in totals.items()})
    root.set("errors", "0")
    return root


def _case_name(d: Diagnostic, item_ids: dict[str, str]) -> str:
    where = stable_path(d.path, item_ids) or "file"
    return f"{d.code} {where}"


def _unique(name: str, seen: dict[str, int]) -> str:
    seen[name] = seen.get(name, 0) + 1
    return name if seen[name] == 1 else f"{name} ({seen[name]})"


def _testcase(suite: ET.Element, d: Diagnostic, name: str) -> None:
    case = ET.SubElement(suite, "testcase", {"classname": _xml_text(d.file), "name": _xml_text(name)})
    where = f"{d.line}:{d.column} {d.message}"
    if d.severity == ERROR:
        failure = ET.SubElement(case, "failure", {"type": d.code, "message": _xml_text(where)})
        failure.text = _xml_text(line_of(d))
    elif d.severity == WAIVED:
        ET.SubElement(case, "skipped", {"type": d.code, "message": _xml_text(f"waived: {d.reason or ''}")})
        ET.SubElement(case, "system-out").text = _xml_text(line_of(d))
    elif d.severity == WARNING:
        ET.SubElement(case, "system-out").text = _xml_text(line_of(d))


def write(run: Run, stream: TextIO, style: Style) -> None:
    root = document(run)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
