"""`sip render`: one plan to a report on standard output or in a file, or many to a site.

Plans are loaded and checked by the same parallel `validate` as `sip validate`, keeping their
models; an invalid plan is not rendered (its diagnostics go to stderr, exit 1) unless --force,
which renders it with a banner listing its errors. A plan sip cannot read (format errors) is
never rendered: with --force a site lists it in its index.
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sip.check import STDIN, FileResult
from sip.commands.validate import settings_for
from sip.diagnostic import ERROR, Diagnostic
from sip.discover import plan_files
from sip.exits import Exit, UsageError
from sip.progress import progress_bar
from sip.render import pages
from sip.render.build import plan_report, plan_row, problems, site_index
from sip.render.context import PUBLIC, Unrendered
from sip.render.environment import Templates
from sip.reporters import Style, reporter
from sip.validate import Run, validate


def render_command(paths: list[str], *, format: str, out: Path | None, audience: str,
                   as_of: str | None, templates: Path | None, force: bool,
                   config: Path | None) -> int:
    settings = settings_for(paths, config, as_of=as_of)
    files = plan_files(paths, settings.exclude, settings.root)
    site = len(files) > 1 or any(p != "-" and Path(p).is_dir() for p in paths)
    if site and out is None:
        raise UsageError("rendering a folder or several plans makes a site: name its folder "
                         "with --out DIR")
    renderer = Templates(templates)  # a bad --templates fails before the plans are read
    with progress_bar(len(files), "Checking plans") as progress:
        run = validate(files, settings, keep_plans=True, progress=progress)
    if run.errors:
        reporter("text").write(run, sys.stderr, Style())
        if not force:
            print("sip: nothing rendered: fix the errors above, or use --force to render "
                  "with them listed", file=sys.stderr)
            return Exit.FAILED
    options = _Options(renderer, format, settings.as_of, audience == PUBLIC, force, _by_file(run))
    # The loaded plans live until the end: keep the garbage collector from walking their
    # millions of objects again for every page (15 % of a large site's time).
    gc.freeze()
    try:
        if site:
            assert out is not None
            return _render_site(run.results, out, options)
        return _render_one(run.results[0], out, options)
    finally:
        gc.unfreeze()


@dataclass(frozen=True)
class _Options:
    """What every page of one run shares."""

    renderer: Templates
    format: str  # "html" or "md"
    as_of: dt.date
    public: bool
    force: bool
    diagnostics: dict[str, list[Diagnostic]]  # by file

    def page(self, result: FileResult, index_link: str | None = None) -> str:
        assert result.plan is not None
        report = plan_report(result.plan, self.diagnostics[result.file], as_of=self.as_of,
                             public=self.public, source_file=_named(result.file), index_link=index_link,
                             forced=self.force)
        return pages.marked(self.renderer.render(f"report.{self.format}.j2", report=report))


def _named(file: str) -> str:
    return "standard input" if file == STDIN else file


def _by_file(run: Run) -> dict[str, list[Diagnostic]]:
    out: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in run.diagnostics:
        out[d.file].append(d)
    return out


def _unreadable(result: FileResult) -> None:
    print(f"sip: {result.file} was not rendered: sip cannot read it as a plan until its format "
          "errors are fixed", file=sys.stderr)


def _render_one(result: FileResult, out: Path | None, options: _Options) -> int:
    if result.plan is None:
        _unreadable(result)
        return Exit.FAILED
    text = options.page(result)
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return Exit.OK
    target = out / pages.page_names([result.plan.id], options.format)[0] if out.is_dir() else out
    pages.write_page(target, text, options.force)
    print(f"wrote {target}", file=sys.stderr)
    return Exit.OK


def _render_site(results: list[FileResult], out: Path, options: _Options) -> int:
    readable = [r for r in results if r.plan is not None]
    unreadable = [r for r in results if r.plan is None]
    names = pages.page_names([r.plan.id for r in readable], options.format)  # type: ignore[union-attr]
    index_name = pages.INDEX_NAMES[options.format]
    pages.prepare_folder(out, [index_name, *names], options.force)
    rows = []
    with progress_bar(len(readable), "Rendering plans") as progress:
        for result, name in zip(readable, names, strict=True):
            rows.append(plan_row(result.plan, options.diagnostics[result.file],  # type: ignore[arg-type]
                                 as_of=options.as_of, public=options.public, link=name))
            pages.write_page(out / name, options.page(result, index_link=index_name), options.force)
            result.plan = None  # a site of 1,000 plans need not hold them all
            if progress:
                progress(1)
    unrendered = [Unrendered(r.file, problems([d for d in options.diagnostics[r.file]
                                               if d.severity == ERROR], options.public))
                  for r in unreadable]
    index = site_index(rows, unrendered, as_of=options.as_of, public=options.public)
    text = pages.marked(options.renderer.render(f"index.{options.format}.j2", index=index))
    pages.write_page(out / index_name, text, options.force)
    removed = pages.remove_stale(out, {index_name, *names}, options.format)
    for path in removed:
        print(f"removed {path} (its plan is gone)", file=sys.stderr)
    print(f"wrote {len(names) + 1} pages to {out}", file=sys.stderr)
    for result in unreadable:
        _unreadable(result)
    return Exit.FAILED if unrendered else Exit.OK
