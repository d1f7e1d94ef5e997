"""`--format github`: GitHub Actions workflow commands, so each diagnostic is annotated on its line.

    ::error file=plans/x.yaml,line=12,col=15,title=SIP102::'severe' is not a severity...

Waived diagnostics are not annotated. `step_summary(run)` is the Markdown that the
validate command appends to $GITHUB_STEP_SUMMARY.
"""

from __future__ import annotations

from typing import TextIO

from sip.check.result import Run
from sip.diagnostic import ERROR, WAIVED, WARNING, Diagnostic
from sip.output.diagnostics.text import summary
from sip.output.formats import Style

SUMMARY_ROWS = 200  # a step summary is capped at 1 MiB; past this many rows, a count is enough

_COMMANDS = {ERROR: "error", WARNING: "warning"}


def escape_data(text: str) -> str:
    """The message after '::' (GitHub's toolkit, escapeData)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A value of file=, title= (GitHub's toolkit, escapeProperty)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(d: Diagnostic) -> str:
    properties = (f"file={escape_property(d.file)},line={d.line},col={d.column},"
                  f"title={escape_property(d.code)}")
    return f"::{_COMMANDS[d.severity]} {properties}::{escape_data(d.message)}"


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
            lines.append(f"| `{_cell(d.file)}:{d.line}:{d.column}` | {d.code} | {d.severity} "
                         f"| {_cell(d.message)} |")
        if len(shown) > SUMMARY_ROWS:
            lines += ["", f"... and {len(shown) - SUMMARY_ROWS} more; the log has them all."]
        lines.append("")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Text that cannot break a Markdown table row."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
