"""Output formats of `sip validate`, by name. Each module has `write(run, stream, style)`."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

FORMATS: dict[str, str] = {
    "text": "sip.reporters.text",
    "json": "sip.reporters.json_format",
    "github": "sip.reporters.github",
    "sarif": "sip.reporters.sarif",
    "junit": "sip.reporters.junit",
    "gitlab": "sip.reporters.gitlab",
}


@dataclass(frozen=True)
class Style:
    color: bool = False  # ANSI colour (a terminal without NO_COLOR)
    excerpts: bool = False  # the source line and a caret under each diagnostic


def reporter(name: str) -> ModuleType:
    return importlib.import_module(FORMATS[name])
