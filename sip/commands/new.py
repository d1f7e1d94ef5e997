"""`sip new PATH`: a plan to fill in. What the options do not give is asked on a terminal
(with a default, but the country, which is asked with none, and the site's languages, which
Enter leaves to fill in), or taken from the defaults with --yes or when nobody is there to
answer (the country from the locale, marked for checking; the languages left to fill in)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from sip.exits import Exit, UsageError


def new_command(path: Path, given: dict[str, str | None], *, yes: bool) -> int:
    import click

    from sip.edit.new_plan import new_plan_text
    from sip.edit.new_start import QUESTIONS, Start, defaults, read_value
    from sip.files import write_atomic

    if path.is_symlink():  # dangling or not: its target is not a new file the user named
        raise UsageError(f"{path}: is a symbolic link; sip new writes only a new file, not through a link")
    if path.exists():
        raise UsageError(f"{path}: exists; sip new never replaces a file")
    ask = not yes and sys.stdin.isatty()
    fallback = defaults(dt.date.today(), dict(os.environ))
    values: dict[str, object] = {}
    for name, question in QUESTIONS.items():
        text = given.get(name)
        if text is not None:
            try:
                values[name] = read_value(name, text)
            except ValueError as error:
                raise UsageError(f"--{name.replace('_', '-')}: {error}") from None
        elif ask:
            # The country is asked with no default: a guess from the locale (GB when it has no
            # territory) would be accepted by pressing Enter, unread. The languages have none
            # either: Enter leaves them to fill in (a line to uncomment).
            values[name] = click.prompt(
                question,
                default=None if name == "country" else fallback[name],
                show_default=name != "languages",
                value_proc=_checked(read_value, name),
            )
        else:
            values[name] = read_value(name, fallback[name])
    guessed = given.get("country") is None and not ask  # taken from the locale: marked for checking
    text = new_plan_text(Start(**values, country_guessed=guessed))  # type: ignore[arg-type]
    write_atomic(path, text, made_by_sip=lambda _: False)
    print(f"wrote {path}: a draft plan; fill in every TODO, then `sip validate {path}`", file=sys.stderr)
    return Exit.OK


def _checked(read, name: str):
    import click

    def proc(text: str):
        try:
            return read(name, text)
        except ValueError as error:
            raise click.BadParameter(str(error)) from None

    return proc
