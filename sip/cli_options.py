"""The command line's shared pieces: the options several commands take (`--as-of`, `--config`,
`--color`, `--quiet`, `--ignore`), how a choice and a date are checked, when colour is wanted,
and how help shows arguments (`PLAN...`, not Python types). `sip/cli.py` declares the commands.

Imports nothing heavy: `sip --help` must stay light (tests/test_startup.py).
"""

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Optional

import typer

from sip.format.workbook_words import LANGUAGES
from sip.output.formats import color_wanted  # noqa: F401  # where sip/cli.py and others find it


class Argument(typer.core.TyperArgument):
    """An argument shown by its metavar alone (`PLAN...`), without typer's Python type
    (`<list[str]>`) or the braces it puts around required ones in the usage line."""

    def display_type_rich(self, ctx):
        return None if self.metavar else super().display_type_rich(ctx)

    def _usage_display_name(self) -> str:
        return self.metavar or super()._usage_display_name()


class Group(typer.core.TyperGroup):
    """sip's commands, every argument of each shown as an Argument."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for command in self.commands.values():
            for param in command.params:
                if type(param) is typer.core.TyperArgument:
                    param.__class__ = Argument


def as_of_date(value: Optional[str]) -> Optional[str]:  # noqa: UP045
    if value is None:
        return None
    from sip.format.dates import DateError, parse_date

    try:
        parse_date(value)
    except DateError as error:
        if error.out_of_range:
            raise typer.BadParameter(str(error)) from None
        raise typer.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None
    return value


def choice(allowed: tuple[str, ...]) -> Callable[[str | None], str | None]:
    def check(value: Optional[str]) -> Optional[str]:  # noqa: UP045
        if value is not None and value not in allowed:
            raise typer.BadParameter(f"{value!r} is not one of: {', '.join(allowed)}")
        return value

    return check


AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        callback=as_of_date,
        help="Check as on this date (YYYY-MM-DD) instead of today, for reproducible results.",
    ),
]
Since = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DATE",
        callback=as_of_date,
        help="A site's history charts start with this date's month (YYYY-MM-DD); default: the "
        "first commit's.",
    ),
]
Config = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="Use this sip.toml (or pyproject.toml) for every plan "
        "instead of the one nearest to each (docs/configuration.md).",
    ),
]
Color = Annotated[
    bool | None,
    typer.Option(
        "--color/--no-color",
        help="Colour what is printed (default: on a terminal; NO_COLOR=1 "
        "turns it off, FORCE_COLOR=1 on, also through a pipe).",
    ),
]
Language = Annotated[
    str | None,
    typer.Option(
        "--language",
        metavar="CODE",
        callback=choice(tuple(LANGUAGES)),
        help="The workbook's language, by ISO 639-1 code: "
        + ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())
        + "; default en.",
    ),
]
Quiet = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print the diagnostics only: no summary line, no progress.")
]
Ignore = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore",
        metavar="CODE",
        help="Do not check or report this code, or every code with this "
        "prefix (SIP601, SIP5); repeatable; adds to the configuration's ignore list.",
    ),
]
Framework = Annotated[
    list[str] | None,
    typer.Option(
        "--framework",
        metavar="NAME",
        help="Also check every plan against this framework's requirements (far, lksg, cbp, rba; "
        "'sip frameworks' lists them); repeatable; adds to the plan's own frameworks and the "
        "configuration's.",
    ),
]
NoCache = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Neither read nor write the result cache (.sip_cache beside the configuration, or "
        "SIP_CACHE_DIR; docs/configuration.md).",
    ),
]
