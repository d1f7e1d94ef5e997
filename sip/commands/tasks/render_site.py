"""A site: a page for every plan that can be read, and an index of them all (`sip render` of
several plans or a folder). Every page is checked before the first is written, so a refused
site is not left half-replaced."""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from sip.check.file import check_file
from sip.check.parallel import map_files
from sip.check.result import Run
from sip.commands.tasks.report_page import Page, renderer, say_not_rendered
from sip.diagnostic import ERROR, Diagnostic
from sip.exits import Exit, UsageError
from sip.format.personal_data import MASK
from sip.output.progress import progress_bar
from sip.output.render import pages
from sip.output.render.audience import problems, shown_file
from sip.output.render.build import plan_row, site_index
from sip.output.render.context import PlanRow, Unrendered


def by_file(run: Run) -> dict[str, list[Diagnostic]]:
    out: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in run.diagnostics:
        out[d.file].append(d)
    return out


@dataclass(frozen=True)
class _SitePage:
    """One page of a site to make in a worker: the plan's file, its page's name, and what the
    run found in it (the file's own diagnostics and those that compare files, like SIP203)."""

    file: str
    name: str
    diagnostics: list[Diagnostic]


def _make_page(item: _SitePage, page: Page, out: Path, index_name: str) -> PlanRow:
    result = check_file(item.file, page.settings, keep_plan=True)
    if result.plan is None:  # changed on disk since it was checked
        raise UsageError(f"{item.file} changed while the site was being made; run again")
    text = page.text(result.plan, item.diagnostics, item.file, index_link=index_name)
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


def _unrendered(file: str, errors: list[Diagnostic], page: Page) -> Unrendered:
    """A file that could not be rendered: for the public its name masked and only how many
    errors it has (a message may quote any field)."""
    return Unrendered(
        shown_file(file, page.public, page.settings.public_identifiers),
        problems(errors, page.public),
        len(errors),
    )


def render_site(run: Run, out: Path, page: Page) -> int:
    diagnostics = by_file(run)
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
    text = pages.marked(renderer(page.templates).render(f"index.{page.format}.j2", index=index))
    pages.write_page(out / index_name, text, page.force)
    removed = pages.remove_stale(out, {index_name, *names}, page.format)
    for path in removed:
        print(f"removed {path} (its plan is gone)", file=sys.stderr)
    print(f"wrote {len(names) + 1} pages to {out}", file=sys.stderr)
    for result in unreadable:
        say_not_rendered(result)
    return Exit.FAILED if unrendered else Exit.OK
