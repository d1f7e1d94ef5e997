"""Where the `sip` command starts: the common `sip validate FILE...` by a short way, everything
else through typer (sip/cli.py).

A pre-commit hook runs `sip validate` on every commit, so its start-up is most of what it costs:
typer took about 70 ms to import and 80 ms more to parse the arguments (it builds a pydantic
adapter for each option), before sip read a byte. Here the arguments of a plain `validate` are
read by hand, with the same options, values and defaults as sip/cli.py's `validate` command,
and the same function is called. Anything this does not recognise, or any value it would have
to refuse (an unknown option, a format that does not exist, a date that is not one, `--help`,
`--opt=value`, `--`), is handed to typer untouched, so every message about the command line is
typer's own. tests/test_entry.py runs a table of invocations both ways and compares them.
"""

from __future__ import annotations

import sys
from typing import Any

# Options of `sip validate` that take a value: (name in validate_command, repeatable).
_VALUES = {
    "--format": ("format", False),
    "-f": ("format", False),
    "--output": ("outputs", True),
    "-o": ("outputs", True),
    "--as-of": ("as_of", False),
    "--fail-on": ("fail_on", False),
    "--changed-since": ("changed_since", False),
    "--config": ("config", False),
    "--ignore": ("ignore", True),
    "--framework": ("frameworks", True),
}
# Flags: (name, the value it sets).
_FLAGS = {
    "--strict": ("strict", True),
    "--no-strict": ("strict", False),
    "--color": ("color", True),
    "--no-color": ("color", False),
    "--quiet": ("quiet", True),
    "-q": ("quiet", True),
    "--plans-only": ("plans_only", True),
    "--sarif-suppressed": ("sarif_suppressed", True),
    "--no-cache": ("no_cache", True),
}


def main() -> None:
    if sys.stdout is None:  # started with standard output closed (`sip ... >&-`): Python's is None
        if sys.stderr is not None:
            print(
                "sip: standard output is closed, so nothing can be written: send it to a file or /dev/null",
                file=sys.stderr,
            )
        sys.exit(2)
    arguments = sys.argv[1:]
    options = plain_validate(arguments)
    if options is None:
        from sip.cli import main as with_typer

        with_typer()
        return
    leave(run_validate(options))


def leave(status: int) -> None:
    """Exit with `status` without taking the interpreter down object by object: freeing what
    pydantic and the models built cost about 25 ms of CPU, a tenth of checking a small plan
    (mypy exits the same way). What an exit must still do is done: the functions registered
    with atexit run, and the output is flushed. A thread still running, or output that cannot
    be flushed (a closed pipe), takes the ordinary way, whose messages and status are Python's."""
    import atexit
    import os

    threading = sys.modules.get("threading")  # not imported: no thread was started
    if threading is None or threading.active_count() == 1:
        atexit._run_exitfuncs()
        try:
            for stream in (sys.stdout, sys.stderr):
                if stream is not None:  # None: started with the descriptor closed
                    stream.flush()
        except (OSError, ValueError):
            sys.exit(status)
        os._exit(status)
    sys.exit(status)


def plain_validate(arguments: list[str]) -> dict[str, Any] | None:
    """The options of a `sip validate` invocation as the typer command would receive them, or
    None when it is anything else, or anything typer would refuse or answer itself."""
    if not arguments or arguments[0] != "validate":
        return None
    options: dict[str, Any] = {"paths": []}
    rest = iter(arguments[1:])
    for argument in rest:
        if argument == "-" or not argument.startswith("-"):
            options["paths"].append(argument)
        elif argument in _FLAGS:
            name, flag = _FLAGS[argument]
            options[name] = flag
        elif argument in _VALUES:
            name, repeatable = _VALUES[argument]
            value = next(rest, None)
            if value is None or (value.startswith("-") and value != "-"):
                return None  # typer says what is missing
            if repeatable:
                options.setdefault(name, []).append(value)
            else:
                options[name] = value
        else:
            return None  # --help, --opt=value, --, -qf json, an unknown option: typer's
    if not options["paths"] or not _acceptable(options):
        return None
    return options


def _acceptable(options: dict[str, Any]) -> bool:
    """Values the typer command would take as they are (its callbacks refuse the others)."""
    from sip.exits import FAIL_ON
    from sip.output.formats import names

    if "format" in options and options["format"] not in names("validate"):
        return False
    if "fail_on" in options and options["fail_on"] not in FAIL_ON:
        return False
    if "as_of" in options:
        from sip.format.dates import DateError, parse_date

        try:
            parse_date(options["as_of"])
        except DateError:
            return False
    return True


def run_validate(options: dict[str, Any]) -> int:
    """What sip/cli.py's `validate` command runs, with the same defaults."""
    from pathlib import Path

    from sip.commands.tasks.outcome import status_of
    from sip.output.formats import color_wanted

    def run() -> int:
        from sip.commands.validate import validate_command

        config = options.get("config")
        return validate_command(
            options["paths"],
            format=options.get("format"),
            as_of=options.get("as_of"),
            strict=options.get("strict"),
            config=None if config is None else Path(config),
            color=color_wanted(options.get("color"), sys.stdout),
            ignore=options.get("ignore"),
            frameworks=options.get("frameworks"),
            fail_on=options.get("fail_on"),
            outputs=options.get("outputs"),
            changed_since=options.get("changed_since"),
            sarif_suppressed=options.get("sarif_suppressed", False),
            quiet=options.get("quiet", False),
            plans_only=options.get("plans_only", False),
            cache=not options.get("no_cache", False),
        )

    return status_of(run)
