"""`--format github`: GitHub Actions workflow commands, so each diagnostic is annotated on its line.

    ::error file=plans/x.yaml,line=12,col=15,title=SIP102::'severe' is not a severity...

GitHub shows at most 10 error and 10 warning annotations per step (and 50 per job) and
drops the rest silently. sip writes no more than that: errors first, one per file in
turn before a file's second, so every failing plan gets one. The others are written as
plain `path:line:col: CODE message` lines in the log, and the last line says how many
were not annotated. Waived diagnostics are not annotated. `step_summary(run)` is the
Markdown that the validate command appends to $GITHUB_STEP_SUMMARY: every diagnostic.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from itertools import chain, zip_longest
from typing import TextIO

from sip.check.result import Run
from sip.diagnostic import ERROR, WAIVED, WARNING, Diagnostic
from sip.output.diagnostics.text import line_of, summary
from sip.output.formats import Style
from sip.output.plain_text import printable

# GitHub's limits on annotations from workflow commands, per step; the job's limit is 50.
LIMITS = {ERROR: 10, WARNING: 10}
# A step summary is capped at 1 MiB; rows stop below it, with a count of the rest.
SUMMARY_BYTES = 1000 * 1000

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
    properties = (
        f"file={escape_property(_one_line(d.file))},line={d.line},col={d.column},"
        f"title={escape_property(d.code)}"
    )
    return f"::{_COMMANDS[d.severity]} {properties}::{escape_data(_one_line(d.message))}"


def _one_line(text: str) -> str:
    """Line breaks as GitHub encodes them (%0A, shown as breaks); other controls escaped."""
    return printable(text, keep_breaks=True)


def write(run: Run, stream: TextIO, style: Style) -> None:
    annotated = chosen(run.diagnostics)
    for i in annotated:
        stream.write(annotation(run.diagnostics[i]) + "\n")
    picked = set(annotated)
    rest = 0
    for i, d in enumerate(run.diagnostics):
        if d.severity != WAIVED and i not in picked:
            stream.write(line_of(d) + "\n")
            rest += 1
    if style.quiet:
        return
    stream.write(summary(run) + "\n")
    if rest:
        stream.write(not_annotated(rest) + "\n")


def chosen(diagnostics: Sequence[Diagnostic]) -> list[int]:
    """Which diagnostics to annotate (their indexes, in the order to write them), within
    GitHub's limits: errors before warnings, each file's first before any file's second,
    the run's order otherwise."""
    by_severity: dict[str, dict[str, list[int]]] = {severity: {} for severity in LIMITS}
    for i, d in enumerate(diagnostics):
        by_file = by_severity.get(d.severity)
        if by_file is not None:
            indexes = by_file.setdefault(d.file, [])
            if len(indexes) < LIMITS[d.severity]:  # a file's later ones are never reached in turn
                indexes.append(i)
    out: list[int] = []
    for severity, limit in LIMITS.items():
        in_turn = chain.from_iterable(zip_longest(*by_severity[severity].values()))
        out += [i for i in in_turn if i is not None][:limit]
    return out


def not_annotated(count: int) -> str:
    return (
        f"{count} not annotated: GitHub shows at most {LIMITS[ERROR]} error and "
        f"{LIMITS[WARNING]} warning annotations per step; the lines above and the step "
        "summary have them all"
    )


def step_summary(run: Run) -> str:
    """A Markdown table of everything found, for the workflow run's summary page."""
    total = run.errors + run.warnings  # every diagnostic not waived
    lines = ["## sip validate", "", summary(run), ""]
    annotated = chosen(run.diagnostics)
    if len(annotated) < total:
        lines += [
            f"{len(annotated)} of {total} are annotated on the changed files; "
            f"{total - len(annotated)} are not (GitHub shows at most {LIMITS[ERROR]} "
            f"error and {LIMITS[WARNING]} warning annotations per step). All are listed here.",
            "",
        ]
    if total:
        lines += ["| Where | Code | Severity | Message |", "|---|---|---|---|"]
        size = sum(len(line) + 1 for line in lines)
        shown = (d for d in run.diagnostics if d.severity != WAIVED)
        for count, d in enumerate(shown):
            row = f"| `{_code(d.file)}:{d.line}:{d.column}` | {d.code} | {d.severity} | {_cell(d.message)} |"
            size += len(row.encode("utf-8")) + 1
            if size > SUMMARY_BYTES:
                lines += [
                    "",
                    f"... and {total - count} more (a step summary holds at most "
                    "1 MiB); the log has them all.",
                ]
                break
            lines.append(row)
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
