"""`sip validate`: check every plan file of a run and gather one sorted result."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from sip.check.config import Settings
from sip.check.parallel import map_files
from sip.check.result import FileResult, Run, RunDiagnostics, Spill
from sip.check.waivers import apply_to_run
from sip.diagnostic import ERROR, Diagnostic
from sip.read.positions import top_item
from sip.rules import RUN_RULES
from sip.rules.context import PlanIdentity

if TYPE_CHECKING:
    from sip.check.cache import Cache

SPILL_FROM = 1000  # files: a shorter run keeps what it packed in memory (a few MB)


def validate(
    files: list[str],
    settings: Settings,
    keep_plans: bool = False,
    progress: Callable[[int], None] | None = None,
    known_ids: dict[str, str] | None = None,
    summarise: Callable[[FileResult], object] | None = None,
    by_file: dict[str, Settings] | None = None,
    compact: bool = False,
    cache: Cache | None = None,
) -> Run:
    """`known_ids` (plan id -> file) are plans outside `files` that SIP203 counts as earlier:
    a checked plan with one of their ids gets SIP203 (validate --changed-since).
    `summarise(result)` runs in the worker on each file's result, its plan at hand, and is kept
    as `FileResult.summary`: cheaper than sending whole plans back (keep_plans) when a command
    needs only a few figures (sip status), and work done where the plan was read (the pages of a
    site) is not done again.
    `by_file`: each file's own settings (sip.check.config.PerFile); `settings` for the others.
    `compact`: each file's diagnostics packed in its worker and read back only as they are
    written (sip.check.result), so a run's memory does not grow with every plan's findings.
    `cache`: the result cache (sip/check/cache.py), for files whose plan is not kept."""
    distinct = {id(s): s for s in (by_file or {}).values()}
    if len(distinct) == 1 and set(by_file or {}) >= set(files):
        # One configuration for every file (the common case): send it, not a table of files
        # to every batch of work.
        settings, by_file = next(iter(distinct.values())), None
    keep_plan = keep_plans or summarise is not None
    # a long run keeps what it packed of each file on disk (sip.check.result.Spill)
    spill = Spill() if compact and len(files) >= SPILL_FROM else None
    found: dict[int, FileResult] = {}
    if cache is not None and not keep_plan and cache.entries.is_dir():
        # Looked up here, before any worker starts: a run whose plans are all unchanged starts
        # no worker process and imports none of what checking needs.
        from sip.check.cache import lookup

        for index, name in enumerate(files):
            hit = lookup(name, (by_file or {}).get(name, settings), cache)
            if hit is not None:
                if compact:
                    hit.pack()
                found[index] = spill.store(hit) if spill is not None else hit
                if progress:
                    progress(1)
    todo = [name for index, name in enumerate(files) if index not in found]
    checked = iter(
        _check(todo, settings, by_file, keep_plan, keep_plans, summarise, compact, cache, progress, spill)
    )
    results = [found[index] if index in found else next(checked) for index in range(len(files))]
    cross = run_level_diagnostics(_known(known_ids or {}) + results, settings, by_file)
    return Run(files, results, RunDiagnostics(results, cross))


def _check(
    files: list[str],
    settings: Settings,
    by_file: dict[str, Settings] | None,
    keep_plan: bool,
    keep_plans: bool,
    summarise: Callable[[FileResult], object] | None,
    compact: bool,
    cache: Cache | None,
    progress: Callable[[int], None] | None,
    spill: Spill | None,
) -> list[FileResult]:
    """Each file checked, on every core."""
    if not files:
        return []
    from sip.check.file import check_file

    work: Callable[[str], FileResult]
    if by_file:
        work = partial(
            _check_with_own_settings, by_file=by_file, default=settings, keep_plan=keep_plan, cache=cache
        )
    else:
        work = partial(check_file, settings=settings, keep_plan=keep_plan, cache=cache)
    if summarise is not None:
        work = partial(_check_and_summarise, check=work, summarise=summarise, keep_plan=keep_plans)
    if not compact:
        return map_files(work, files, on_crash=partial(_crashed, settings=settings), progress=progress)
    return map_files(
        partial(_packed, check=work),
        files,
        on_crash=partial(_crashed, settings=settings),
        progress=progress,
        keep=spill.store if spill is not None else lambda result: result,
    )


def _packed(name: str, check: Callable[[str], FileResult]) -> FileResult:
    return check(name).pack()


def _check_with_own_settings(
    name: str, by_file: dict[str, Settings], default: Settings, keep_plan: bool, cache: Cache | None
) -> FileResult:
    from sip.check.file import check_file

    return check_file(name, by_file.get(name, default), keep_plan=keep_plan, cache=cache)


def _check_and_summarise(
    name: str,
    check: Callable[[str], FileResult],
    summarise: Callable[[FileResult], object],
    keep_plan: bool,
) -> FileResult:
    result = check(name)
    if result.plan is not None:
        result.summary = summarise(result)
        if not keep_plan:
            result.plan = None
    return result


def _crashed(name: str, settings: Settings) -> FileResult:
    message = "sip's YAML parser crashed on this file; it was skipped (please report this)"
    return FileResult(name, [Diagnostic(name, 1, 1, "SIP004", ERROR, message, "")])


def _known(known_ids: dict[str, str]) -> list[FileResult]:
    """Plans outside the run, as SIP203 sees them: rule-checked, with an id, before the run's
    own files (what is found about them is not reported: they are not in the run)."""
    return [FileResult(file, rules_ran=True, plan_id=plan_id) for plan_id, file in known_ids.items()]


def run_level_diagnostics(
    results: list[FileResult],
    settings: Settings,
    by_file: dict[str, Settings] | None = None,
) -> dict[str, list[Diagnostic]]:
    """The diagnostics of rules that compare files (SIP203, SIP205, SIP202 across plans), by
    file, with each file's waivers of those rules applied; a file whose settings ignore a rule
    gets none of its diagnostics."""
    found: dict[str, list[Diagnostic]] = {}
    identities = [PlanIdentity(r.file, r.plan_id, r.plan_id_position, r.rules_ran, r.facts) for r in results]
    for rule in RUN_RULES:
        for v in rule.check_run(identities):
            if not (by_file or {}).get(v.file, settings).ignores(rule.CODE):
                found.setdefault(v.file, []).append(
                    Diagnostic(v.file, v.line, v.column, rule.CODE, rule.SEVERITY, v.message, v.path)
                )
    out: dict[str, list[Diagnostic]] = {}
    for result in results:
        settings_of_file = (by_file or {}).get(result.file, settings)
        diagnostics = found.get(result.file, [])
        item_of = _finding_ids(result)
        waivers = [w for w in result.waivers if not settings_of_file.ignores(w.rule)]
        if waivers:
            diagnostics = [
                d
                for d in apply_to_run(diagnostics, waivers, result.file, item_of)
                if not settings_of_file.ignores(d.code)
            ]
        named: dict[str, str] = {}
        for d in diagnostics:  # name the findings they are about, as the file's own diagnostics do
            item = top_item(d.path)
            if item is not None and item_of(d.path) is not None:
                named.setdefault(f"{item[0]}[{item[1]}]", str(item_of(d.path)))
        if named:
            result.name_items(named)
        if diagnostics:
            out[result.file] = diagnostics
    return out


def _finding_ids(result: FileResult) -> Callable[[str], str | None]:
    """The id of the finding a run-level diagnostic's path starts in ('findings[3].repeats'),
    from the facts the worker sent: what a waiver's `ids` and a stable path match."""

    def item_of(path: str) -> str | None:
        item = top_item(path)
        if item is None or item[0] != "findings":
            return None
        ids = result.facts.finding_ids if result.facts is not None else ()  # read only when asked
        return ids[item[1]] if item[1] < len(ids) else None

    return item_of
