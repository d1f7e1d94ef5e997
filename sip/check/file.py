"""One plan file from bytes to sorted diagnostics: load, version, schema, rules, waivers.

Data flows one way and problems are values at every step. `check_file` is what the
worker processes run; it returns a small picklable result.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sip.check.config import Settings
from sip.check.plan_facts import plan_facts
from sip.check.result import FileResult
from sip.check.schema_errors import MAX_PROBLEMS
from sip.check.waivers import apply_to_plan
from sip.diagnostic import ERROR, WAIVED, WARNING, Diagnostic, Problem
from sip.files import NotRegularFile, TooLarge, read_limited, read_stream_limited, reason
from sip.format.version import FORMAT_VERSION
from sip.model import Plan
from sip.read.item_keys import ids_for
from sip.read.loader import Limits, Loaded, load
from sip.read.positions import KEY, Marks, format_path, locate
from sip.rules import FRAMEWORK_OF, REGISTRY, SEVERITIES
from sip.rules.context import Context
from sip.rules.index import index_plan
from sip.rules.sip003_format_version import check_version

if TYPE_CHECKING:
    from sip.check.cache import Cache

STDIN = "-"


def read_bytes(name: str, limit: int | None = None) -> bytes:
    """A plan's bytes: a regular file or standard input, never more than limit + 1 bytes
    (sip/files.py). Raises OSError."""
    if name == STDIN:
        import sys

        return read_stream_limited(sys.stdin.buffer.read, limit)
    return read_limited(name, limit)


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a plan is read, checked or rendered: a large plan is
    hundreds of thousands of objects without cycles, which each collection walked again (a
    4.7 MB plan rendered in 3.0 s of CPU with it, 2.1 s without; bench/hostile.py)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check_file(
    name: str, settings: Settings, keep_plan: bool = False, cache: Cache | None = None
) -> FileResult:
    """`cache`: the result cache (sip/check/cache.py), for a result without its plan."""
    with gc_paused():
        return _check_file(name, settings, keep_plan, cache)


def _check_file(name: str, settings: Settings, keep_plan: bool, cache: Cache | None) -> FileResult:
    try:
        raw = read_bytes(name, settings.max_file_size)
    except TooLarge as error:
        size = f"{error.size:,} bytes" if error.size is not None else "larger"
        problem = Problem(
            "SIP004",
            f"the file is {size}, over the limit of {error.limit:,} (max-file-size); it was not read",
            "",
            1,
            1,
        )
        return _result(name, [problem], settings)
    except OSError as error:
        what = (
            "this folder cannot be read, so the plans in it were not checked"
            if (name != STDIN and os.path.isdir(name) and not isinstance(error, NotRegularFile))
            else "the file cannot be read"
        )
        problem = Problem("SIP004", f"{what}: {reason(error)}", "", 1, 1)
        return _result(name, [problem], settings)
    if cache is not None and not keep_plan:
        from sip.check.cache import check_cached

        return check_cached(raw, name, settings, cache)
    return check_bytes(raw, name, settings, keep_plan)


def check_bytes(
    raw: bytes, name: str, settings: Settings, keep_plan: bool = False, loaded: Loaded | None = None
) -> FileResult:
    """`loaded`: raw already loaded by the caller (sip diff compares the data too)."""
    loaded = loaded or load(raw, Limits(max_bytes=settings.max_file_size))
    if not loaded.ok:
        return _result(name, loaded.problems, settings)
    problems = list(loaded.problems)
    data = loaded.data
    assert isinstance(data, dict) and loaded.marks is not None
    problem, known = check_version(data, loaded.marks)
    if problem:
        problems.append(problem)
    if not known:
        return _result(name, problems, settings)

    from sip.check.schema_errors import validate_capped

    plan, schema_problems, more = validate_capped({**data, "sip": FORMAT_VERSION}, loaded.marks)
    problems += _not_under(schema_problems, loaded.tagged_paths)
    result = _result(name, problems, settings, more)
    plan_id = data.get("id")
    if isinstance(plan_id, str):
        result.plan_id = plan_id
        result.plan_id_position = locate(loaded.marks, ("id",))
    if problems or plan is None:
        result.item_ids = ids_for(data, (d.path for d in result.diagnostics))
        return result

    context = Context(
        as_of=settings.as_of,
        deadlines=settings.deadlines,
        index=index_plan(plan),
        public_identifiers=settings.public_identifiers,
        min_workers=settings.min_workers,
        min_share=settings.min_share,
        min_days=settings.min_days,
        comment_lines=tuple(loaded.comment_lines),
    )
    rule_problems = list(run_rules(plan, loaded.marks, context, settings.ignores, settings.frameworks))
    result.rules_ran = True
    result.facts = plan_facts(plan, loaded.marks)
    diagnostics, waiver_problems, result.waivers = apply_to_plan(
        _diagnostics(name, rule_problems, settings),
        plan,
        loaded.marks,
        settings.as_of,
        ran=lambda code: rule_runs(code, plan, settings.ignores, settings.frameworks),
    )
    result.diagnostics = _capped(
        name, sorted(diagnostics + _diagnostics(name, waiver_problems, settings), key=Diagnostic.sort_key), 0
    )
    result.item_ids = ids_for(data, (d.path for d in result.diagnostics))
    if keep_plan:
        result.plan = plan
    return result


def _not_under(problems: list[Problem], paths: list[str]) -> list[Problem]:
    """Drop schema problems about nodes the loader already reported (a rejected tag)."""
    if not paths:
        return problems
    return [
        p for p in problems if not any(p.path == q or p.path.startswith((q + ".", q + "[")) for q in paths)
    ]


def rule_runs(
    code: str,
    plan: Plan,
    ignores: Callable[[str], bool] = lambda code: False,
    frameworks: tuple[str, ...] = (),
) -> bool:
    """Whether a rule is checked on this plan: drafts get SIP0xx-SIP2xx only (a draft may be
    incomplete), rules the configuration ignores are not run at all, and a framework's rule
    (SIP7xx) runs only on a plan that framework applies to: named in the plan's `frameworks`, or in
    the settings' (the configuration's `frameworks`, `--framework`)."""
    if (plan.status == "draft" and code >= "SIP3") or ignores(code):
        return False
    framework = FRAMEWORK_OF.get(code)
    return framework is None or framework in frameworks or framework in plan.frameworks


def run_rules(
    plan: Plan,
    marks: Marks,
    context: Context,
    ignores: Callable[[str], bool] = lambda code: False,
    frameworks: tuple[str, ...] = (),
) -> Iterator[Problem]:
    for rule in REGISTRY:
        if rule.check is None or not rule_runs(rule.CODE, plan, ignores, frameworks):
            continue
        for violation in rule.check(plan, context):
            if violation.position is not None:
                line, column = violation.position
            else:
                at = violation.at if violation.at is not None else violation.loc
                line, column = locate(marks, at, KEY if violation.anchor == KEY else "value")
            yield Problem(rule.CODE, violation.message, format_path(violation.loc), line, column)


def _diagnostics(name: str, problems: list[Problem], settings: Settings) -> list[Diagnostic]:
    out = [
        Diagnostic(name, p.line, p.column, p.code, SEVERITIES.get(p.code, ERROR), p.message, p.path)
        for p in problems
        if not settings.ignores(p.code)
    ]
    out.sort(key=Diagnostic.sort_key)
    return out


def _result(
    name: str,
    problems: list[Problem],
    settings: Settings,
    more: int | None = 0,
) -> FileResult:
    return FileResult(name, _capped(name, _diagnostics(name, problems, settings), more))


def _capped(name: str, diagnostics: list[Diagnostic], more: int | None) -> list[Diagnostic]:
    """At most MAX_PROBLEMS diagnostics a file, then a note that counts the rest (`more`: schema
    errors already left out before; None when validation stopped early and did not count them).
    The note keeps the severity of what it cut: an error if any cut diagnostic is one, else a
    warning, so a plan with only warnings never fails because of the cap (docs/rules.md, SIP004)."""
    shown = [d for d in diagnostics if d.severity != WAIVED]
    if len(shown) <= MAX_PROBLEMS and more == 0:
        return diagnostics
    kept = diagnostics[:MAX_PROBLEMS]
    cut = [d for d in diagnostics[MAX_PROBLEMS:] if d.severity != WAIVED]
    errors = sum(1 for d in cut if d.severity == ERROR) + (more or 0)
    warnings = len(cut) - (errors - (more or 0))
    severity = ERROR if errors or more is None else WARNING
    if more is None:
        rest = "more problems in this file were not looked for"
    elif not errors and not warnings:
        return kept
    else:
        counted = [
            f"{n:,} more {noun}{'s' if n != 1 else ''}"
            for n, noun in ((errors, "error"), (warnings, "warning"))
            if n
        ]
        rest = f"{' and '.join(counted)} in this file {'is' if errors + warnings == 1 else 'are'} not listed"
    last = kept[-1] if kept else None
    line, column = (last.line, last.column) if last else (1, 1)
    return [
        *kept,
        Diagnostic(
            name,
            line,
            column,
            "SIP004",
            severity,
            f"{rest} (sip stops at {MAX_PROBLEMS:,} a file): fix these and run again",
            "",
        ),
    ]


__all__ = ["FileResult", "check_bytes", "check_file", "STDIN"]
