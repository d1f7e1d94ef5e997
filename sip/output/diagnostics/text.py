"""`--format text`: `path:line:col: CODE message`, with colour and excerpts on a terminal."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from sip.check.result import Run
from sip.diagnostic import ERROR, WAIVED, WARNING, Diagnostic
from sip.files import read_limited
from sip.format.wording import plural
from sip.output.formats import Style
from sip.output.plain_text import printable, window

_COLORS = {ERROR: "bold red", WARNING: "bold yellow"}


def write(run: Run, stream: TextIO, style: Style) -> None:
    shown = (d for d in run.diagnostics if d.severity != WAIVED)  # one file's at a time in memory
    if style.color:
        _write_rich(run, shown, stream, style)
        return
    for d in shown:
        stream.write(line_of(d) + "\n")
        if style.excerpts:
            stream.write(_excerpt(d))
    if not style.quiet:
        stream.write(summary(run) + "\n")


def line_of(d: Diagnostic) -> str:
    label = " warning" if d.severity == WARNING else ""
    return f"{printable(d.file)}:{d.line}:{d.column}: {d.code}{label} {printable(d.message)}"


def summary(run: Run) -> str:
    files = plural(len(run.files), "file")
    if not run.errors and not run.warnings:
        text = f"{files} checked: no problems"
    else:
        text = f"{files} checked: {plural(run.errors, 'error')}, {plural(run.warnings, 'warning')}"
    if run.waived:
        text += f" ({run.waived} waived)"
    skipped = run.not_rule_checked
    if skipped:
        text += (
            f"; {plural(skipped, 'file')} not rule-checked until "
            f"{'its' if skipped == 1 else 'their'} format errors are fixed"
        )
    return text


def _excerpt(d: Diagnostic) -> str:
    source = source_line(d.file, d.line)
    if source is None:
        return ""
    source, column = window(source, d.column)
    gutter = " " * len(str(d.line))
    caret = " " * (column - 1) + "^"
    return f" {d.line} | {source}\n {gutter} | {caret}\n"


_MAX_SOURCE = 64 * 1024 * 1024  # a file larger than any plan sip reads is not shown


class _LastFile:
    """The lines of the one file whose diagnostics are being written: a run's diagnostics come
    file by file, so keeping every file's lines (as sip once did) grew with the run, to gigabytes
    over 20,000 plans, for nothing."""

    name: str | None = None
    lines: list[str] | None = None


def source_line(file: str, line: int) -> str | None:
    """The line as written (tabs as one space, so columns count as sip counts them), or None."""
    if _LastFile.name != file:
        _LastFile.name, _LastFile.lines = file, None
        try:  # a regular file only, and never more than a bound (sip/files.py)
            raw = read_limited(file, _MAX_SOURCE)
            _LastFile.lines = raw.decode("utf-8-sig", errors="replace").splitlines()
        except OSError:
            pass
    lines = _LastFile.lines
    if lines is None or not 1 <= line <= len(lines):
        return None
    return lines[line - 1].expandtabs(1)


def _write_rich(run: Run, shown: Iterable[Diagnostic], stream: TextIO, style: Style) -> None:
    from rich.console import Console
    from rich.markup import escape

    # Colour was decided (sip.cli): rich must not second-guess it from NO_COLOR or the stream.
    console = Console(file=stream, highlight=False, soft_wrap=True, force_terminal=True, no_color=False)
    for d in shown:
        color = _COLORS.get(d.severity, "bold")
        label = " warning" if d.severity == WARNING else ""
        console.print(
            f"[bold]{escape(printable(d.file))}:{d.line}:{d.column}:[/] "
            f"[{color}]{d.code}{label}[/] {escape(printable(d.message))}"
        )
        if style.excerpts:
            excerpt = _excerpt(d)
            if excerpt:
                source, caret = excerpt.rstrip("\n").split("\n")
                gutter, mark = caret.rsplit("|", 1)
                console.print(f"[dim]{escape(source)}\n{gutter}|[/][{color}]{mark}[/]")
    if style.quiet:
        return
    color = "bold red" if run.errors else "bold yellow" if run.warnings else "bold green"
    console.print(f"[{color}]{escape(summary(run))}[/]")
