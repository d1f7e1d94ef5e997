"""`sip render`: one plan to a report on standard output or in a file, or many to a site.

Plans are loaded and checked by the same parallel `validate` as `sip validate`, keeping their
models; an invalid plan is not rendered (its diagnostics go to stderr, exit 1) unless --force,
which renders it with a banner listing its errors. A plan sip cannot read (format errors) is
never rendered: with --force a site lists it in its index.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from sip.check.config import Settings, settings_for
from sip.check.file import STDIN, check_file, gc_paused
from sip.check.parallel import map_files
from sip.check.result import FileResult, Run
from sip.check.run import validate
from sip.diagnostic import ERROR, Diagnostic, readable
from sip.exits import Exit, UsageError
from sip.format.personal_data import MASK
from sip.model import Plan
from sip.output.formats import Style, writer
from sip.output.plain_text import printable
from sip.output.progress import progress_bar
from sip.output.render import pages
from sip.output.render.audience import problems, shown_file
from sip.output.render.build import plan_report, plan_row, site_index
from sip.output.render.context import PUBLIC, PlanRow, Unrendered
from sip.output.render.environment import Templates
from sip.read.discover import plan_files


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
) -> int:
    settings = settings_for(paths, config, as_of=as_of)
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
    renderer = _renderer(templates)  # a bad --templates fails before the plans are read
    with progress_bar(len(files), "Checking plans") as progress:
        # A site's plans are read again where their pages are made (in the workers), so they
        # need not travel back here; a single plan is rendered here.
        run = validate(files, settings, keep_plans=not site, progress=progress)
    if run.errors:
        writer("validate", "text")(run, sys.stderr, Style())
        if not force:
            print(
                "sip: nothing rendered: fix the errors above, or use --force to render with them listed",
                file=sys.stderr,
            )
            return Exit.FAILED
    page = _Page(templates, format, settings, audience == PUBLIC, force)
    if site:
        assert out is not None
        return _render_site(run, out, page)
    return _render_one(run.results[0], out, page, renderer, _by_file(run))


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


@dataclass(frozen=True)
class _Page:
    """What every page of one run shares; picklable, so that worker processes make pages."""

    templates: Path | None  # the user's --templates folder
    format: str  # "html" or "md"
    settings: Settings
    public: bool
    force: bool

    def text(
        self,
        renderer: Templates,
        plan: Plan,
        diagnostics: list[Diagnostic],
        file: str,
        index_link: str | None = None,
    ) -> str:
        with gc_paused():
            report = plan_report(
                plan,
                diagnostics,
                as_of=self.settings.as_of,
                public=self.public,
                source_file=_named(file),
                index_link=index_link,
                forced=self.force,
                public_identifiers=self.settings.public_identifiers,
            )
            return pages.marked(renderer.render(f"report.{self.format}.j2", report=report))


_renderers: dict[Path | None, Templates] = {}


def _renderer(templates: Path | None) -> Templates:
    """Each process compiles the templates once."""
    if templates not in _renderers:
        _renderers[templates] = Templates(templates)
    return _renderers[templates]


def _named(file: str) -> str:
    return "standard input" if file == STDIN else readable(file)


def _by_file(run: Run) -> dict[str, list[Diagnostic]]:
    out: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in run.diagnostics:
        out[d.file].append(d)
    return out


def _unreadable(result: FileResult) -> None:
    print(
        f"sip: {printable(result.file)} was not rendered: sip cannot read it as a plan until its format "
        "errors are fixed",
        file=sys.stderr,
    )


def _render_one(
    result: FileResult,
    out: Path | None,
    page: _Page,
    renderer: Templates,
    diagnostics: dict[str, list[Diagnostic]],
) -> int:
    if result.plan is None:
        _unreadable(result)
        return Exit.FAILED
    text = page.text(renderer, result.plan, diagnostics[result.file], result.file)
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return Exit.OK
    name = shown_file(result.plan.id, page.public, page.settings.public_identifiers).replace(MASK, "redacted")
    target = out / pages.page_names([name], page.format)[0] if out.is_dir() else out
    pages.write_page(target, text, page.force)
    print(f"wrote {target}", file=sys.stderr)
    return Exit.OK


@dataclass(frozen=True)
class _SitePage:
    """One page of a site to make in a worker: the plan's file, its page's name, and what the
    run found in it (the file's own diagnostics and those that compare files, like SIP203)."""

    file: str
    name: str
    diagnostics: list[Diagnostic]


def _make_page(item: _SitePage, page: _Page, out: Path, index_name: str) -> PlanRow:
    result = check_file(item.file, page.settings, keep_plan=True)
    if result.plan is None:  # changed on disk since it was checked
        raise UsageError(f"{item.file} changed while the site was being made; run again")
    text = page.text(
        _renderer(page.templates), result.plan, item.diagnostics, item.file, index_link=index_name
    )
    pages.write_page(out / item.name, text, page.force)
    return plan_row(
        result.plan,
        item.diagnostics,
        as_of=page.settings.as_of,
        public=page.public,
        link=item.name,
        public_identifiers=page.settings.public_identifiers,
    )


def _not_made(item: _SitePage) -> PlanRow:
    raise UsageError(f"{item.file}: the page could not be made (a worker process crashed)")


def _unrendered(file: str, errors: list[Diagnostic], page: _Page) -> Unrendered:
    """A file that could not be rendered: for the public its name masked and only how many
    errors it has (a message may quote any field)."""
    return Unrendered(
        shown_file(file, page.public, page.settings.public_identifiers),
        problems(errors, page.public),
        len(errors),
    )


def _render_site(run: Run, out: Path, page: _Page) -> int:
    diagnostics = _by_file(run)
    readable = [r for r in run.results if r.rules_ran and r.plan_id is not None]
    unreadable = [r for r in run.results if r not in readable]
    # a page's name is its plan's id, which for the public must not carry personal data either
    # (every readable result has an id; the repeated test tells the type checker so)
    names = pages.page_names(
        [
            shown_file(r.plan_id, page.public, page.settings.public_identifiers).replace(MASK, "redacted")
            for r in readable
            if r.plan_id is not None
        ],
        page.format,
    )
    index_name = pages.INDEX_NAMES[page.format]
    pages.prepare_folder(out, [index_name, *names], page.force)
    items = [_SitePage(r.file, name, diagnostics[r.file]) for r, name in zip(readable, names, strict=True)]
    with progress_bar(len(items), "Rendering plans") as progress:
        rows = map_files(
            partial(_make_page, page=page, out=out, index_name=index_name),
            items,
            on_crash=_not_made,
            progress=progress,
        )
    unrendered = [
        _unrendered(r.file, [d for d in diagnostics[r.file] if d.severity == ERROR], page) for r in unreadable
    ]
    index = site_index(rows, unrendered, as_of=page.settings.as_of, public=page.public)
    text = pages.marked(_renderer(page.templates).render(f"index.{page.format}.j2", index=index))
    pages.write_page(out / index_name, text, page.force)
    removed = pages.remove_stale(out, {index_name, *names}, page.format)
    for path in removed:
        print(f"removed {path} (its plan is gone)", file=sys.stderr)
    print(f"wrote {len(names) + 1} pages to {out}", file=sys.stderr)
    for result in unreadable:
        _unreadable(result)
    return Exit.FAILED if unrendered else Exit.OK
