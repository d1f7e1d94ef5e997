"""`sip render`: one plan to a report on standard output or in a file, or many to a site.

Plans are loaded and checked once, by the same parallel `validate` as `sip validate`: a site's
pages are made in the same pass, by the worker that checked each plan. A site of plans in a git
repository charts the portfolio month by month from their history (`--since` bounds it,
`--no-history` leaves it out). An invalid plan is not
rendered (its diagnostics go to stderr, exit 1) unless --force, which renders it with a banner
listing its errors. A plan sip cannot read (format errors) is never rendered: with --force a
site lists it in its index.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from sip.check.cache import cache_for
from sip.check.config import settings_for
from sip.check.file import STDIN
from sip.check.result import FileResult
from sip.check.run import validate
from sip.commands.tasks.portfolio_history import Past, past_of, portfolio_history
from sip.commands.tasks.render_site import by_file, make_page, render_site
from sip.commands.tasks.report_page import Page, renderer, say_not_rendered
from sip.diagnostic import Diagnostic
from sip.exits import Exit, UsageError
from sip.format.personal_data import MASK
from sip.output.formats import Style, writer
from sip.output.progress import progress_bar
from sip.output.render import pages
from sip.output.render.audience import shown_file
from sip.output.render.context import PUBLIC
from sip.read.discover import plan_files


@dataclass(frozen=True)
class SiteOptions:
    """What only a site reads: whether, and since when, its index charts the plans' history, and
    whether what it read of the history is kept in the result cache."""

    history: bool = True
    since: str | None = None  # YYYY-MM-DD, checked by the command line
    cache: bool = True


def render_command(
    paths: list[str],
    *,
    format: str | None,
    out: Path | None,
    audience: str,
    as_of: str | None,
    templates: Path | None,
    force: bool,
    config: Path | None,
    frameworks: list[str] | None = None,
    dossier: str | None = None,
    site_options: SiteOptions = SiteOptions(),
) -> int:
    # the dossier's framework is checked too: its gaps are that framework's rules' to find
    checked = [*(frameworks or ()), *([dossier] if dossier else [])]
    settings = settings_for(paths, config, as_of=as_of, frameworks=checked or None)
    files = plan_files(paths, settings.exclude, settings.root)
    site = len(files) > 1 or any(p != "-" and Path(p).is_dir() for p in paths)
    if site and out is None:
        raise UsageError("rendering a folder or several plans makes a site: name its folder with --out DIR")
    format = format_for(format, None if site or out is None or out.is_dir() else out)
    if site and STDIN in files:
        raise UsageError(
            "standard input holds one plan: render it on its own, or save it "
            "as a file to make it part of a site"
        )
    renderer(templates)  # a bad --templates fails before the plans are read
    # A dossier is built to be sent: as the public report is, whatever --audience says.
    public = audience == PUBLIC or dossier is not None
    past: Past | str | None = None
    if site and site_options.history:
        since = dt.date.fromisoformat(site_options.since) if site_options.since else None
        past = past_of(paths, files, settings, since)
    page = Page(
        templates,
        format,
        settings,
        public,
        force,
        past.dates() if isinstance(past, Past) else {},
        frameworks=tuple(dict.fromkeys(frameworks or ())),
        dossier=dossier,
    )
    if site:
        # Each page is made by the worker that read and checked its plan, in the same pass
        # (sip/commands/tasks/render_site.py); a single plan is rendered here.
        with progress_bar(len(files), "Checking plans and making pages") as progress:
            run = validate(files, settings, progress=progress, summarise=partial(make_page, page=page))
    else:
        with progress_bar(len(files), "Checking plans") as progress:
            run = validate(files, settings, keep_plans=True, progress=progress)
    if run.errors:
        writer("validate", "text")(run, sys.stderr, Style())
        if not force:
            print(
                "sip: nothing rendered: fix the errors above, or use --force to render with them listed",
                file=sys.stderr,
            )
            return Exit.FAILED
    if site:
        assert out is not None
        history = (
            partial(portfolio_history, past, settings, public, cache=cache_for(settings, site_options.cache))
            if isinstance(past, Past)
            else past
        )
        return render_site(run, out, page, history)
    return _render_one(run.results[0], out, page, by_file(run))


# A report file's extension, and the format it holds.
EXTENSIONS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}
_FORMAT_NAMES = {"html": "HTML", "md": "Markdown"}


def format_for(format: str | None, file: Path | None) -> str:
    """The format of one report: --format, else the extension of the file it goes to, else
    HTML. A file whose extension says another format than --format, or no format sip writes
    (`.pdf`), is refused: the report would be unreadable under its own name."""
    if file is None or not file.suffix:
        return format or "html"
    by_name = EXTENSIONS.get(file.suffix.lower())
    if by_name is None:
        raise UsageError(
            f"{file}: sip render writes HTML (.html) or Markdown (.md), not "
            f"{file.suffix} files: name the file .html or .md"
        )
    if format is not None and format != by_name:
        raise UsageError(
            f"--format {format} writes {_FORMAT_NAMES[format]}, but {file} is named "
            f"as {_FORMAT_NAMES[by_name]}: name the file "
            f"{'.md' if format == 'md' else '.html'}, or leave --format out"
        )
    return by_name


def _render_one(
    result: FileResult,
    out: Path | None,
    page: Page,
    diagnostics: dict[str, list[Diagnostic]],
) -> int:
    if result.plan is None:
        say_not_rendered(result)
        return Exit.FAILED
    text = page.text(result.plan, diagnostics[result.file], result.file)
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return Exit.OK
    name = shown_file(result.plan.id, page.public, page.settings.public_identifiers).replace(MASK, "redacted")
    target = out / pages.page_names([name], page.format)[0] if out.is_dir() else out
    pages.write_page(target, text, page.force)
    print(f"wrote {target}", file=sys.stderr)
    return Exit.OK
