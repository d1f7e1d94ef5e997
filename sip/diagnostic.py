"""The one diagnostic record every step produces and every reporter reads."""

from __future__ import annotations

from typing import NamedTuple

ERROR = "error"
WARNING = "warning"
WAIVED = "waived"


def readable(name: str) -> str:
    """A file name as text any output can hold: bytes that are not UTF-8 (kept by Python as
    surrogates) become U+FFFD, so JSON, SARIF and pages stay valid UTF-8."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


class Diagnostic(NamedTuple):
    file: str
    line: int  # 1-based
    column: int  # 1-based
    code: str
    severity: str  # ERROR, WARNING or WAIVED
    message: str
    path: str  # the node it is about, e.g. "findings[0].severity"; "" for the whole file
    reason: str | None = None  # the waiver's reason, when severity is WAIVED

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "file": readable(self.file),
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity,
            "path": self.path,
            "message": self.message,
        }
        if self.reason is not None:
            out["reason"] = self.reason
        return out

    def sort_key(self) -> tuple[int, int, str]:
        return (self.line, self.column, self.code)


class Problem(NamedTuple):
    """A diagnostic before the engine knows its file and severity: what the loader,
    the schema check and the rules produce."""

    code: str
    message: str
    path: str
    line: int
    column: int
    kind: str = ""  # the schema error's type slug ("string_type", "sip_country"...), for `sip fix`
