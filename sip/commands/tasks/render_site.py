"""A site: a page for every plan that can be read, and an index of them all (`sip render` of
several plans or a folder).

Each plan is read and checked once. The worker processes that check the plans make each page
in the same pass (`make_page`, which `validate` runs on each plan as its summary), with the
file's own diagnostics, and its row and figures for the index; the pages come back compressed,
and are written here once the run allows it: when it has no errors (or --force), and once every
page is checked replaceable, so that a refused site is not left half-replaced. A page is made
again only when the run found more in its file than the worker could know: the diagnostics that
compare files (SIP203, SIP205), or a link to or from a finding of another plan
(sip/commands/tasks/site_links.py).
"""

from __future__ import annotations

import dataclasses
import sys
import zlib
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import NamedTuple

from sip.check.file import check_file, gc_paused
from sip.check.result import FileResult, Run
from sip.commands.tasks.portfolio_history import Dated, figures_at
from sip.commands.tasks.report_page import Page, renderer, say_not_rendered
from sip.commands.tasks.site_links import Shown, links_of
from sip.diagnostic import ERROR, Diagnostic
from sip.exits import Exit, UsageError
from sip.format.personal_data import MASK
from sip.output.portfolio import PlanFigures
from sip.output.progress import progress_bar
from sip.output.render import pages
from sip.output.render.audience import problems, shown_file
from sip.output.render.index_context import HistoryView, PlanRow, Unrendered
from sip.output.render.links import NO_LINKS, PageLinks
from sip.output.render.site import row_and_figures, site_index

WRITERS = 4  # threads writing pages: 1,000 pages took 6.1 s one at a time, 2.5 s with four


class MadePage(NamedTuple):
    """A page made where its plan was checked. Compressed: a page is several times the size of
    its plan, and every page of a site waits here until the first may be written."""

    text: bytes  # zlib
    row: PlanRow  # its line in the index; the link is set when the page has its name
    figures: PlanFigures  # its share of the portfolio's totals
    shown: Shown  # its plan id and findings as the page shows them (links from other pages)
    past: Dated  # its figures as of the months its content stood in git (the site's history)


def make_page(result: FileResult, page: Page, links: PageLinks = NO_LINKS) -> MadePage | None:
    """In the worker that checked the plan: its page and index row, or None for a file that is
    not a page of the site."""
    if result.plan is None or not has_page(result):
        return None
    plan = result.plan
    with gc_paused():
        report = page.report(
            plan, result.diagnostics, result.file, index_link=pages.INDEX_NAMES[page.format], links=links
        )
        text = page.page(plan, result.diagnostics, result.file, pages.INDEX_NAMES[page.format], report)
        row, figures = row_and_figures(
            plan,
            result.diagnostics,
            as_of=page.settings.as_of,
            public=page.public,
            public_identifiers=page.settings.public_identifiers,
            deadlines=page.settings.deadlines,
        )
        past = figures_at(plan, page.past.get(result.file, ()), page.settings, page.public)
    shown_ids = [f for f in plan.findings if not (page.public and f.confidential)]
    shown = Shown(
        report.plan_id,
        {f.id: (v.id, v.anchor, f.identified) for f, v in zip(shown_ids, report.findings, strict=True)},
    )
    return MadePage(zlib.compress(text.encode("utf-8"), 1), row, figures, shown, past)


def has_page(result: FileResult) -> bool:
    """A plan the rules checked has a page; a file with format errors is listed in the index."""
    return result.rules_ran and result.plan_id is not None


def by_file(run: Run) -> dict[str, list[Diagnostic]]:
    out: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in run.diagnostics:
        out[d.file].append(d)
    return out


# The portfolio month by month, from the figures of the site's own plans (the last month's) and
# those its workers took of the months their content stood in git; or the sentence that says why
# there is none.
History = Callable[[list[PlanFigures], Dated], HistoryView] | str


def render_site(run: Run, out: Path, page: Page, history: History | None = None) -> int:
    diagnostics = by_file(run)
    with_pages = [r for r in run.results if has_page(r)]
    without = [r for r in run.results if not has_page(r)]
    # a page's name is its plan's id, which for the public must not carry personal data either
    # (every result with a page has an id; the repeated test tells the type checker so)
    names = pages.page_names(
        [
            shown_file(r.plan_id, page.public, page.settings.public_identifiers).replace(MASK, "redacted")
            for r in with_pages
            if r.plan_id is not None
        ],
        page.format,
    )
    index_name = pages.INDEX_NAMES[page.format]
    pages.prepare_folder(out, [index_name, *names], page.force)
    links = links_of(with_pages, names, public=page.public)
    made = [_page_of(r, diagnostics[r.file], page, links.get(r.file, NO_LINKS)) for r in with_pages]
    rows = [dataclasses.replace(m.row, link=name) for m, name in zip(made, names, strict=True)]
    # Writing a page is mostly waiting for the disk (each is flushed to it, sip/files.py): a few
    # threads overlap the waits, as the worker processes did when each wrote its own pages.
    with progress_bar(len(names), "Writing pages") as progress, ThreadPoolExecutor(WRITERS) as writers:
        for _ in writers.map(partial(_write, out=out, force=page.force), made, names):
            if progress:
                progress(1)
    unrendered = [
        _unrendered(r.file, [d for d in diagnostics[r.file] if d.severity == ERROR], page) for r in without
    ]
    figures = [m.figures for m in made]
    past, note = None, history if isinstance(history, str) else None
    if callable(history):
        past = history(figures, [pair for m in made for pair in m.past])
    index = site_index(
        rows,
        figures,
        unrendered,
        as_of=page.settings.as_of,
        public=page.public,
        history=past,
        history_note=note,
    )
    text = pages.marked(renderer(page.templates).render(f"index.{page.format}.j2", index=index))
    pages.write_page(out / index_name, text, page.force)
    removed = pages.remove_stale(out, {index_name, *names}, page.format)
    for path in removed:
        # the page of a plan removed or renamed, or one plan's report or dossier written into the
        # site's folder: the mark cannot tell them apart, so the message claims neither
        print(
            f"removed {path}: sip wrote it, and the site has no page of that name now (a plan removed"
            " or renamed, or a page rendered there on its own)",
            file=sys.stderr,
        )
    print(f"wrote {len(names) + 1} pages to {out}", file=sys.stderr)
    for result in without:
        say_not_rendered(result)
    return Exit.FAILED if unrendered else Exit.OK


def _page_of(result: FileResult, diagnostics: list[Diagnostic], page: Page, links: PageLinks) -> MadePage:
    """The page as the worker made it, unless the run found more in the file (a diagnostic that
    compares files, a link to another plan's finding): then made again."""
    made = result.summary
    if isinstance(made, MadePage) and diagnostics == result.diagnostics and not links:
        return made
    again = check_file(result.file, page.settings, keep_plan=True)
    if again.plan is None:  # changed on disk since it was checked
        raise UsageError(f"{result.file} changed while the site was being made; run again")
    again.diagnostics = diagnostics
    made = make_page(again, page, links)
    assert made is not None  # it has a page: it had one when it was checked
    return made


def _write(made: MadePage, name: str, out: Path, force: bool) -> None:
    pages.write_page(out / name, zlib.decompress(made.text).decode("utf-8"), force)


def _unrendered(file: str, errors: list[Diagnostic], page: Page) -> Unrendered:
    """A file that could not be rendered: for the public its name masked and only how many
    errors it has (a message may quote any field)."""
    return Unrendered(
        shown_file(file, page.public, page.settings.public_identifiers),
        problems(errors, page.public),
        len(errors),
    )
