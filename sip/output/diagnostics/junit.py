"""`--format junit`: JUnit XML, for CI test reports (GitLab's `artifacts:reports:junit`, Jenkins).

One testcase per plan file; each error in the file is one `<failure>` of that testcase
(type = the code). The counts follow JUnit's meaning: `tests` is the number of plan
files and `failures` the number of files with at least one error, so a report reads
"3 of 40 plans fail". Warnings and waived diagnostics do not fail a testcase; they are
listed in its `<system-out>`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from sip.check.result import Run
from sip.diagnostic import ERROR, WAIVED, Diagnostic, readable
from sip.output.diagnostics.text import line_of
from sip.output.formats import Style

# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", readable(text))


def document(run: Run) -> ET.Element:
    by_file: dict[str, list[Diagnostic]] = {name: [] for name in run.files}
    for d in run.diagnostics:
        by_file.setdefault(d.file, []).append(d)
    failing = sum(1 for found in by_file.values() if any(d.severity == ERROR for d in found))
    counts = {"tests": str(len(by_file)), "failures": str(failing), "errors": "0"}
    root = ET.Element("testsuites", {"name": "sip", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "sip validate", **counts, "skipped": "0"})
    for name, found in by_file.items():
        case = ET.SubElement(suite, "testcase", {"classname": "sip.validate",
                                                 "name": _xml_text(name), "file": _xml_text(name)})
        for d in found:
            if d.severity == ERROR:
                failure = ET.SubElement(case, "failure", {
                    "type": d.code, "message": _xml_text(f"{d.line}:{d.column} {d.message}")})
                failure.text = _xml_text(line_of(d))
        others = [_other(d) for d in found if d.severity != ERROR]
        if others:
            ET.SubElement(case, "system-out").text = _xml_text("\n".join(others) + "\n")
    return root


def _other(d: Diagnostic) -> str:
    if d.severity == WAIVED:
        return f"{d.file}:{d.line}:{d.column}: {d.code} waived ({d.reason}) {d.message}"
    return line_of(d)


def write(run: Run, stream: TextIO, style: Style) -> None:
    root = document(run)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
