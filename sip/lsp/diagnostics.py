"""sip's diagnostics as the protocol's: a range over the offending node, the code, a link to
the rule's documentation."""

from __future__ import annotations

from lsprotocol import types

from sip.diagnostic import ERROR, WAIVED, WARNING, Diagnostic
from sip.format.project import rule_url
from sip.lsp.document import Analysis
from sip.lsp.text import Text
from sip.read.positions import parse_path, span

SOURCE = "sip"
_SEVERITY = {
    ERROR: types.DiagnosticSeverity.Error,
    WARNING: types.DiagnosticSeverity.Warning,
    WAIVED: types.DiagnosticSeverity.Hint,  # kept on the record, as `--format json` keeps it
}


def to_lsp(analysis: Analysis, text: Text) -> list[types.Diagnostic]:
    out = [_one(d, analysis, text) for d in analysis.diagnostics]
    if analysis.config_error:
        out.insert(
            0,
            types.Diagnostic(
                range=types.Range(
                    start=types.Position(line=0, character=0), end=text.position((1, len(text.line(0)) + 1))
                ),
                message=f"{analysis.config_error} (the defaults apply until it is fixed)",
                severity=types.DiagnosticSeverity.Error,
                source=SOURCE,
            ),
        )
    return out


def extent(diagnostic: Diagnostic, analysis: Analysis, text: Text) -> types.Range:
    """The node the diagnostic is about, start to end. A top-level list is underlined on its
    first line only (a whole list of findings is no help); what is not one node (a syntax
    error, a missing top-level field) is underlined to the end of the word."""
    at = (diagnostic.line, diagnostic.column)
    marks = analysis.snapshot.loaded.marks
    loc = parse_path(diagnostic.path)
    found = span(marks, loc, at) if marks and loc else None
    if found is None:
        return text.range(at, text.token_end(at))
    if len(loc) == 1 and found[1][0] > at[0]:
        return text.range(at, (at[0], len(text.line(at[0] - 1)) + 1))
    return text.range(*found)


def _one(diagnostic: Diagnostic, analysis: Analysis, text: Text) -> types.Diagnostic:
    message = diagnostic.message
    if diagnostic.severity == WAIVED:
        message = f"waived: {message} (reason: {diagnostic.reason})"
    return types.Diagnostic(
        range=extent(diagnostic, analysis, text),
        message=message,
        severity=_SEVERITY.get(diagnostic.severity, types.DiagnosticSeverity.Error),
        code=diagnostic.code,
        code_description=types.CodeDescription(href=rule_url(diagnostic.code)),
        source=SOURCE,
        data={"path": diagnostic.path},
    )
