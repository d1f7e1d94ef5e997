"""The command line: options in, one function call, an exit status out.

Heavy libraries (pydantic, ruamel, jinja2, rich) are imported inside the commands.
"""

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Optional

import typer

from sip import __version__
from sip.cli_options import (
    AsOf,
    Color,
    Config,
    Framework,
    Group,
    Ignore,
    Language,
    NoCache,
    Quiet,
    Since,
    choice,
    color_wanted,
)
from sip.exits import FAIL_ON
from sip.format.workbook_words import LANGUAGES
from sip.output.formats import names

# The frameworks whose profile has an evidence dossier (sip/frameworks/, `dossier=True`): named here,
# where the command line is built, so that `sip --help` loads no profile.
DOSSIERS = ("cbp",)

app = typer.Typer(
    name="sip",
    cls=Group,
    help="Check and render corrective action and systems improvement plans for forced labour "
    "found in supply chains.",
    rich_markup_mode=None,
    # typer's --install-completion and --show-completion (bash, zsh, fish): the same imports
    # as without them, so start-up is unchanged (tests/test_completion.py, README)
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

_debug = False


def _version(value: bool) -> None:
    if value:
        from sip.format.version import FORMAT_VERSION

        print(f"sip {__version__} (plan format {FORMAT_VERSION})")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the full traceback of an internal error.")
    ] = False,
) -> None:
    global _debug
    _debug = debug


@app.command(short_help="Check plans against the format and the rules.")
def validate(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PLAN...",
            help="Plan files or folders (searched for *.yaml, *.yml); - reads standard input.",
        ),
    ],
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            callback=choice(names("validate")),
            help=f"Output format: {', '.join(names('validate'))} (default: github when GITHUB_ACTIONS=true, "
            "else text).",
        ),
    ] = None,
    output: Annotated[
        list[str] | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FORMAT=PATH",
            help="Also write a report in FORMAT to PATH (repeatable), e.g. sarif=sip.sarif.",
        ),
    ] = None,
    as_of: AsOf = None,
    strict: Annotated[
        bool | None,
        typer.Option(
            "--strict/--no-strict",
            help="Fail on warnings too, the same as --fail-on warning "
            "(default: the configuration's strict, else no).",
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="|".join(FAIL_ON),
            callback=choice(FAIL_ON),
            help="What fails the run (exit 1): error (default), warning or never.",
        ),
    ] = None,
    changed_since: Annotated[
        str | None,
        typer.Option(
            "--changed-since",
            metavar="REF",
            help="Check only the plans changed since the git revision REF (its merge base with "
            "HEAD); SIP203 still compares every plan found.",
        ),
    ] = None,
    config: Config = None,
    ignore: Ignore = None,
    framework: Framework = None,
    color: Color = None,
    quiet: Quiet = False,
    plans_only: Annotated[
        bool,
        typer.Option(
            "--plans-only",
            help="As the pre-commit hook: skip YAML files that are not plans (no top-level sip: holding "
            "a version number), and compare plan ids with every other plan of the git work tree (SIP203).",
        ),
    ] = False,
    no_cache: NoCache = False,
    sarif_suppressed: Annotated[
        bool,
        typer.Option(
            "--sarif-suppressed",
            help="SARIF: write waived diagnostics too, as suppressed results. "
            "Left out by default: GitHub code scanning ignores suppressions and would show them as "
            "open alerts.",
        ),
    ] = False,
) -> None:
    """Check plans against the format and the rules; exit 1 if any has an error."""

    def run() -> int:
        from sip.commands.validate import validate_command

        return validate_command(
            paths,
            format=format,
            as_of=as_of,
            strict=strict,
            config=config,
            color=color_wanted(color, sys.stdout),
            ignore=ignore,
            frameworks=framework,
            fail_on=fail_on,
            outputs=output,
            changed_since=changed_since,
            sarif_suppressed=sarif_suppressed,
            quiet=quiet,
            plans_only=plans_only,
            cache=not no_cache,
        )

    _run(run)


@app.command(short_help="The repository at a glance, most urgent first.")
def status(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[PLAN...]",
            help="Plan files or folders (searched for *.yaml, *.yml); default: the current folder.",
        ),
    ] = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            callback=choice(names("status")),
            help="Output format: text (a table), json or csv (for spreadsheets).",
        ),
    ] = "text",
    as_of: AsOf = None,
    config: Config = None,
    color: Color = None,
) -> None:
    """The repository at a glance: each plan's findings, actions, reviews and remedy money,
    most urgent first."""

    def run() -> int:
        from sip.commands.status import status_command

        return status_command(
            paths or ["."], format=format, as_of=as_of, config=config, color=color_wanted(color, sys.stdout)
        )

    _run(run)


@app.command(short_help="What changed in each plan between two revisions.")
def diff(
    arguments: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[BASE [HEAD]] [PLAN...]",
            help="Revisions, then plan files or folders. BASE defaults to HEAD, HEAD to the working "
            "tree. An argument is a revision when git knows it as a commit and no file or folder "
            "of that name exists.",
        ),
    ] = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            callback=choice(names("diff")),
            help="Output format: text, json or md (for a pull-request comment).",
        ),
    ] = "text",
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Exit 1 on a change a reviewer must not accept silently: a deleted "
            "finding or action, a status moving backward, a due date moved later or an action "
            "cancelled without a new review entry.",
        ),
    ] = False,
    as_of: AsOf = None,
    config: Config = None,
    no_cache: NoCache = False,
) -> None:
    """What changed in each plan between two revisions, as a reviewer reads it."""

    def run() -> int:
        from sip.commands.diff import diff_command

        return diff_command(
            arguments or [], format=format, check=check, as_of=as_of, config=config, cache=not no_cache
        )

    _run(run)


@app.command(short_help="Render plans as reports in HTML or Markdown.")
def render(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PLAN...",
            help="Plan files or folders (searched for *.yaml, *.yml); - reads standard input.",
        ),
    ],
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            callback=choice(("html", "md")),
            help="html (one standalone file per page) or md (Markdown that reads well on GitHub); "
            "default: the --out file's extension (.html, .md), else html.",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="PATH",
            help="One plan: the file to write (or a folder to write "
            "it into); default: standard output. A folder or several plans: the folder of the site "
            "(required).",
        ),
    ] = None,
    audience: Annotated[
        str,
        typer.Option(
            "--audience",
            metavar="AUDIENCE",
            callback=choice(("internal", "public")),
            help="public leaves out evidence, owner names and e-mails, reviewers' names and "
            "verification evidence, and masks personal data.",
        ),
    ] = "internal",
    as_of: AsOf = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            metavar="DIR",
            help="Templates here replace the built-in ones of the same name (see docs/reports.md).",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Render plans that have errors (with a banner listing them), and "
            "replace files sip did not write.",
        ),
    ] = False,
    config: Config = None,
    framework: Annotated[
        list[str] | None,
        typer.Option(
            "--framework",
            metavar="NAME",
            help="Check the plans against this framework too, and add its crosswalk to each report "
            "(far, lksg, cbp, rba); repeatable.",
        ),
    ] = None,
    dossier: Annotated[
        str | None,
        typer.Option(
            "--dossier",
            metavar="NAME",
            callback=choice(DOSSIERS),
            help=f"Render the evidence dossier for this framework ({', '.join(DOSSIERS)}) instead of the "
            "report: per ILO indicator, what shows it, what remedies it, who verified it; built to "
            "be sent, as the public report is.",
        ),
    ] = None,
    history: Annotated[
        bool,
        typer.Option(
            "--history/--no-history",
            help="A site of plans in a git repository: chart the portfolio month by month from "
            "their history in the index (default), or not.",
        ),
    ] = True,
    since: Since = None,
    no_cache: NoCache = False,
) -> None:
    """Render plans as reports in HTML or Markdown: one plan, or a whole repository as a site."""

    def run() -> int:
        from sip.commands.render import SiteOptions, render_command

        return render_command(
            paths,
            format=format,
            out=out,
            audience=audience,
            as_of=as_of,
            templates=templates,
            force=force,
            config=config,
            frameworks=framework,
            dossier=dossier,
            site_options=SiteOptions(history=history, since=since, cache=not no_cache),
        )

    _run(run)


@app.command(short_help="Fix what has one reading, in place, comments kept.")
def fix(
    paths: Annotated[
        list[str], typer.Argument(metavar="PLAN...", help="Plan files or folders to fix in place.")
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the changes as a diff instead of writing them.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Also rewrite plans that are read-only (refused without it).")
    ] = False,
    config: Config = None,
    color: Color = None,
) -> None:
    """Fix what has one reading (codes, country names, vocabulary case, unquoted ids, the
    version); keep comments."""

    def run() -> int:
        from sip.commands.fix import fix_command

        return fix_command(
            paths, dry_run=dry_run, config=config, color=color_wanted(color, sys.stdout), force=force
        )

    _run(run)


@app.command(short_help="Print or write the plan format's JSON Schema.")
def schema(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", metavar="DIR", help="Write sip-plan-1.schema.json into DIR instead of printing it."
        ),
    ] = None,
) -> None:
    """Print (or write) the JSON Schema of the plan format, for editors and other tools."""

    def run() -> int:
        from sip.commands.schema import schema_command

        return schema_command(out)

    _run(run)


@app.command(short_help="List every diagnostic code, or document one.")
def rules(
    code: Annotated[
        str | None,
        typer.Argument(metavar="[CODE]", help="Show one rule's full documentation."),
    ] = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            callback=choice(("text", "md")),
            help="text, or md: the documentation of every rule as Markdown (docs/rules.md).",
        ),
    ] = "text",
) -> None:
    """List every diagnostic code sip reports, or document one."""

    def run() -> int:
        from sip.commands.rules import rules_command

        return rules_command(code, format)

    _run(run)


@app.command(short_help="List the frameworks a plan can be checked against, or show one.")
def frameworks(
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="[NAME]", help="Show one framework's requirements, quoted, with their sources."
        ),
    ] = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            callback=choice(names("frameworks")),
            help="text, or md: every profile as Markdown (docs/frameworks.md).",
        ),
    ] = "text",
) -> None:
    """List the framework profiles (far, lksg, cbp, rba): what each framework asks of a plan, in its
    own words, and how sip checks it."""

    def run() -> int:
        from sip.commands.frameworks import frameworks_command

        return frameworks_command(name, format)

    _run(run)


@app.command(short_help="What in a plan meets each requirement of a framework, and what is missing.")
def crosswalk(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PLAN...",
            help="Plan files or folders (searched for *.yaml, *.yml); - reads standard input.",
        ),
    ],
    framework: Framework = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            callback=choice(names("crosswalk")),
            help=f"Output format: {', '.join(names('crosswalk'))}.",
        ),
    ] = "text",
    as_of: AsOf = None,
    config: Config = None,
) -> None:
    """For each requirement of a framework (--framework, else the plan's own frameworks), what in the
    plan meets it and what is missing; exit 0 when written, 1 when a plan cannot be read."""

    def run() -> int:
        from sip.commands.crosswalk import crosswalk_command

        return crosswalk_command(paths, frameworks=framework, format=format, as_of=as_of, config=config)

    _run(run)


# Plans for people outside git (issue 12): a new plan to fill in, and a spreadsheet round trip.
@app.command(short_help="Write a new draft plan to fill in.")
def new(
    path: Annotated[Path, typer.Argument(metavar="PATH", help="The plan file to write (never replaced).")],
    id: Annotated[Optional[str], typer.Option("--id", metavar="ID", help="The plan id.")] = None,  # noqa: UP045
    title: Annotated[
        str | None,
        typer.Option("--title", metavar="TEXT", help="The plan in one line."),
    ] = None,
    site: Annotated[
        str | None,
        typer.Option("--site", metavar="NAME", help="The site's name."),
    ] = None,
    country: Annotated[
        str | None,
        typer.Option("--country", metavar="CODE", help="The site's country: ISO 3166-1 code or name."),
    ] = None,
    languages: Annotated[
        str | None,
        typer.Option(
            "--languages",
            metavar="CODES",
            help="The languages the site's workers read: ISO 639-1 codes or names, e.g. 'ne, my, ms'.",
        ),
    ] = None,
    company: Annotated[
        str | None,
        typer.Option("--company", metavar="NAME", help="The company that owns the plan."),
    ] = None,
    owner_role: Annotated[
        str | None,
        typer.Option("--owner-role", metavar="ROLE", help="The role accountable for the plan."),
    ] = None,
    opened: Annotated[
        str | None,
        typer.Option("--opened", metavar="DATE", help="When the plan was opened (default: today)."),
    ] = None,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Ask nothing: what is not given takes its default.")
    ] = False,
) -> None:
    """Write a new draft plan to fill in: every section, comments, linked ids; asks on a
    terminal for what the options do not give."""

    def run() -> int:
        from sip.commands.new import new_command

        given = {
            "id": id,
            "title": title,
            "site": site,
            "country": country,
            "languages": languages,
            "company": company,
            "owner_role": owner_role,
            "opened": opened,
        }
        return new_command(path, given, yes=yes)

    _run(run)


@app.command(short_help="Write a workbook a supplier can update.")
def export(
    plan: Annotated[Path, typer.Argument(metavar="PLAN", help="The plan file to export.")],
    out: Annotated[Path, typer.Option("--out", "-o", metavar="FILE", help="The workbook to write (.xlsx).")],
    as_of: AsOf = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing file (refused without it).")
    ] = False,
    language: Language = None,
    include_confidential: Annotated[
        bool,
        typer.Option(
            "--include-confidential",
            help="Also export findings and actions marked confidential (left out by default: the "
            "workbook goes to the site).",
        ),
    ] = False,
    config: Config = None,
) -> None:
    """Write a workbook (.xlsx) a supplier can update: actions, instalments, findings."""

    def run() -> int:
        from sip.commands.export import export_command

        return export_command(
            plan,
            out,
            as_of=as_of,
            force=force,
            config=config,
            language=language or "en",
            include_confidential=include_confidential,
        )

    _run(run)


@app.command("import", short_help="Apply a supplier's workbook to the plan.")
def import_(
    workbook: Annotated[
        Path,
        typer.Argument(
            metavar="WORKBOOK", help="The workbook sip export wrote, as the supplier returned it."
        ),
    ],
    plan: Annotated[Path, typer.Argument(metavar="PLAN", help="The plan file to update.")],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the changes as a diff and write nothing.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Also rewrite a plan that is read-only (refused without it).")
    ] = False,
    language: Annotated[
        str | None,
        typer.Option(
            "--language",
            metavar="CODE",
            callback=choice(tuple(LANGUAGES)),
            help="Say what is wrong with the workbook's cells in this language, for the supplier: "
            + ", ".join(LANGUAGES)
            + "; default en (a workbook exported in any of them is read).",
        ),
    ] = None,
    as_of: AsOf = None,
    config: Config = None,
    color: Color = None,
) -> None:
    """Apply a workbook's edited cells to the plan, keeping its comments; every change shown."""

    def run() -> int:
        from sip.commands.import_ import import_command

        return import_command(
            workbook,
            plan,
            dry_run=dry_run,
            as_of=as_of,
            config=config,
            color=color_wanted(color, sys.stdout),
            force=force,
            language=language or "en",
        )

    _run(run)


@app.command(short_help="Run the language server for editors.")
def lsp(
    as_of: AsOf = None,
    config: Config = None,
) -> None:
    """Run the language server (LSP, on standard input and output) for editors: diagnostics,
    hover, go to definition, completion and quick fixes (docs/editors.md)."""

    def run() -> int:
        from sip.commands.lsp import lsp_command

        return lsp_command(as_of=as_of, config=config)

    _run(run)


def _run(command: Callable[[], int]) -> None:
    """Every command's outcome as an exit status (sip/commands/tasks/outcome.py)."""
    from sip.commands.tasks.outcome import status_of

    raise typer.Exit(status_of(command, debug=_debug))


def main() -> None:
    """Every command through typer; the console script starts at sip/entry.py, whose fast path
    takes the common `sip validate FILE...` without loading typer at all."""
    app()
