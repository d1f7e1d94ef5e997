"""Output formats of `sip validate`, by name. Each module has `write(run, stream, style)`."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

FORMATS: dict[str, str] = {
    "text": "sip.output.diagnostics.text",
    "json": "sip.output.diagnostics.json_format",
    "github": "sip.output.diagnostics.github",
    "sarif": "sip.output.diagnostics.sarif",
    "junit": "sip.output.diagnostics.junit",
    "gitlab": "sip.output.diagnostics.gitlab",
}


@dataclass(frozen=True)
class Style:
    color: bool = False  # ANSI colour (sip.cli decides: --color, NO_COLOR, FORCE_COLOR, a terminal)
    excerpts: bool = False  # the source line and a caret under each diagnostic
    suppressed: bool = False  # SARIF: waived diagnostics as suppressed results (else left out)
    quiet: bool = False  # text and github: the diagnostics only, no summary line


def reporter(name: str) -> ModuleType:
    return importlib.import_module(FORMATS[name])
