"""`--format github`: GitHub Actions workflow commands, so each diagnostic is annotated on its line.

    ::error file=plans/x.yaml,line=12,col=15,title=SIP102::'severe' is not a severity...

Waived diagnostics are not annotated. `step_summary(run)` is the Markdown that the
validate command appends to $GITHUB_STEP_SUMMARY.
"""

from __future__ import annotations

import html
import re
from typing import TextIO

from sip.check.result import Run
from sip.diagnostic import ERROR, WAIVED, WARNING, Diagnostic
from sip.output.diagnostics.text import summary
from sip.output.formats import Style
from sip.output.plain_text import printable

SUMMARY_ROWS = 200  # a step summary is capped at 1 MiB; past this many rows, a count is enough

_COMMANDS = {ERROR: "error", WARNING: "warning"}


def escape_data(text: str) -> str:
    """The message after '::' (GitHub's toolkit, escapeData)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A value of file=, title= (GitHub's toolkit, escapeProperty)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(d: Diagnostic) -> str:
    """One workflow command on one line: plan text in it can neither end the line nor hold
    a terminal escape (sip/output/plain_text.py)."""
    properties = (f"file={escape_property(_one_line(d.file))},line={d.line},col={d.column},"
                  f"title={escape_property(d.code)}")
    return f"::{_COMMANDS[d.severity]} {properties}::{escape_data(_one_line(d.message))}"


def _one_line(text: str) -> str:
    """Line breaks as GitHub encodes them (%0A, shown as breaks); other controls escaped."""
    return printable(text, keep_breaks=True)


def write(run: Run, stream: TextIO, style: Style) -> None:
    for d in run.diagnostics:
        if d.severity != WAIVED:
            stream.write(annotation(d) + "\n")
    stream.write(summary(run) + "\n")


def step_summary(run: Run) -> str:
    """A Markdown table of what was found, for the workflow run's summary page."""
    shown = [d for d in run.diagnostics if d.severity != WAIVED]
    lines = ["## sip validate", "", summary(run), ""]
    if shown:
        lines += ["| Where | Code | Severity | Message |", "|---|---|---|---|"]
        for d in shown[:SUMMARY_ROWS]:
            lines.append(f"| `{_code(d.file)}:{d.line}:{d.column}` | {d.code} | {d.severity} "
                         f"| {_cell(d.message)} |")
        if len(shown) > SUMMARY_ROWS:
            lines += ["", f"... and {len(shown) - SUMMARY_ROWS} more; the log has them all."]
        lines.append("")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Text that cannot break a Markdown table row nor hold markup: HTML is escaped (the
    summary page renders it), Markdown's punctuation gets a backslash, controls are escaped."""
    text = html.escape(printable(text.replace("\r", " ").replace("\n", " ")), quote=False)
    return _MARKDOWN.sub(r"\\\g<0>", text)


def _code(text: str) -> str:
    """Text in a code span of a table cell (nothing is markup there but ` and |)."""
    return printable(text).replace("`", "'").replace("|", "\\|")


_MARKDOWN = re.compile(r"[\\`*_{}\[\]()#+!|~]")
