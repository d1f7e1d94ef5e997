"""Every command's output formats, by name, behind one protocol: `write(result, stream, style)`.

`sip/cli.py` offers exactly these names and tests/test_output_formats.py holds every one of
them to a golden file, so a format cannot be added without its test. Writers are named as
`module:function` and imported only when used: start-up stays light.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from typing import Any, Protocol, TextIO


@dataclass(frozen=True)
class Style:
    color: bool = False  # ANSI colour (sip.cli decides: --color, NO_COLOR, FORCE_COLOR, a terminal)
    excerpts: bool = False  # the source line and a caret under each diagnostic
    suppressed: bool = False  # SARIF: waived diagnostics as suppressed results (else left out)
    quiet: bool = False  # text and github: the diagnostics only, no summary line


def color_wanted(option: bool | None, stream: TextIO) -> bool:
    """--color/--no-color; else NO_COLOR (no-color.org) turns colour off and FORCE_COLOR
    (force-color.org) on, each only when set to something (empty means unset); else colour
    on a terminal that is not dumb."""
    if option is not None:
        return option
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and os.environ.get("TERM") != "dumb"


class Writer(Protocol):
    def __call__(self, result: Any, stream: TextIO, style: Style, /) -> None: ...


FORMATS: dict[str, dict[str, str]] = {
    # result: sip.check.result.Run
    "validate": {
        "text": "sip.output.diagnostics.text:write",
        "json": "sip.output.diagnostics.json_format:write",
        "github": "sip.output.diagnostics.github:write",
        "sarif": "sip.output.diagnostics.sarif:write",
        "junit": "sip.output.diagnostics.junit:write",
        "gitlab": "sip.output.diagnostics.gitlab:write",
    },
    # result: sip.output.status.StatusReport
    "status": {
        "text": "sip.output.status_table:write_table",
        "json": "sip.output.status_formats:write_json",
        "csv": "sip.output.status_formats:write_csv",
    },
    # result: sip.output.diff_text.DiffReport
    "diff": {
        "text": "sip.output.diff_text:write_text",
        "json": "sip.output.diff_text:write_json",
        "md": "sip.output.diff_text:write_markdown",
    },
    # result: sip.output.crosswalk_formats.CrosswalkReport
    "crosswalk": {
        "text": "sip.output.crosswalk_formats:write_text",
        "json": "sip.output.crosswalk_formats:write_json",
        "md": "sip.output.crosswalk_formats:write_markdown",
        "html": "sip.output.crosswalk_formats:write_html",
    },
    # result: tuple of sip.frameworks.profile.Profile
    "frameworks": {
        "text": "sip.output.frameworks_docs:write_text",
        "md": "sip.output.frameworks_docs:write_markdown",
    },
}


def names(command: str) -> tuple[str, ...]:
    return tuple(FORMATS[command])


def writer(command: str, name: str) -> Writer:
    module, _, function = FORMATS[command][name].partition(":")
    found: Writer = getattr(importlib.import_module(module), function)
    return found
