"""`sip validate --output FORMAT=PATH`: several reports from one run, each written to a file.

A report file is sip's own output, named on purpose on the command line and rewritten
by every CI run, so an existing file there is replaced (atomically: a reader never sees
half a report). The one refusal: a report may not land on a plan the run checks.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from sip.check.result import Run
from sip.exits import UsageError
from sip.files import check_target
from sip.output.formats import Style, names, writer


def parse_outputs(values: list[str]) -> list[tuple[str, Path]]:
    outputs: list[tuple[str, Path]] = []
    seen: set[str] = set()
    for value in values:
        name, equals, path = value.partition("=")
        if not equals or not path:
            raise UsageError(f"--output {value}: write it as FORMAT=PATH, e.g. sarif=sip.sarif")
        if name not in names("validate"):
            raise UsageError(
                f"--output {value}: {name!r} is not a format; one of: {', '.join(names('validate'))}"
            )
        target = Path(path)
        try:
            check_target(target)  # before the run: a device, FIFO or folder is refused, never read
        except UsageError as error:
            raise UsageError(f"--output {value}: {error}") from None
        key = os.path.realpath(target)
        if key in seen:
            raise UsageError(f"--output {value}: {path} is named twice")
        seen.add(key)
        outputs.append((name, target))
    return outputs


def refuse_plans(outputs: list[tuple[str, Path]], plan_files: list[str]) -> None:
    plans = {os.path.realpath(name) for name in plan_files if name != "-"}
    for _name, target in outputs:
        if os.path.realpath(target) in plans:
            raise UsageError(f"--output: {target} is a plan this run checks; write the report elsewhere")


def render(run: Run, name: str, style: Style | None = None) -> str:
    stream = io.StringIO()
    writer("validate", name)(run, stream, style or Style())
    return stream.getvalue()


def write_outputs(run: Run, outputs: list[tuple[str, Path]], style: Style | None = None) -> None:
    from sip.files import write_atomic

    for name, target in outputs:
        write_atomic(target, render(run, name, style))
