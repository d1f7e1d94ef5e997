"""One plan file from bytes to sorted diagnostics: load, version, schema, rules, waivers.

Data flows one way and problems are values at every step. `check_file` is what the
worker processes run; it returns a small picklable result.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sip.check.config import Settings
from sip.check.result import FileResult
from sip.check.waivers import apply_to_plan
from sip.diagnostic import ERROR, Diagnostic, Problem
from sip.format.version import FORMAT_VERSION
from sip.model import Plan
from sip.read.item_keys import ids_for
from sip.read.loader import Limits, Loaded, load
from sip.read.positions import KEY, MISSING, Marks, format_path, locate
from sip.rules import REGISTRY, SEVERITIES
from sip.rules.context import Context
from sip.rules.index import index_plan

STDIN = "-"


def read_bytes(name: str) -> bytes:
    if name == STDIN:
        import sys

        return sys.stdin.buffer.read()
    return Path(name).read_bytes()


def check_file(name: str, settings: Settings, keep_plan: bool = False) -> FileResult:
    try:
        raw = read_bytes(name)
    except OSError as error:
        reason = error.strerror or str(error)
        problem = Problem("SIP004", f"the file cannot be read: {reason}", "", 1, 1)
        return _result(name, [problem], settings)
    return check_bytes(raw, name, settings, keep_plan)


def check_bytes(raw: bytes, name: str, settings: Settings, keep_plan: bool = False,
                loaded: Loaded | None = None) -> FileResult:
    """`loaded`: raw already loaded by the caller (sip diff compares the data too)."""
    loaded = loaded or load(raw, Limits(max_bytes=settings.max_file_size))
    if not loaded.ok:
        return _result(name, loaded.problems, settings)
    problems = list(loaded.problems)
    data = loaded.data
    assert isinstance(data, dict) and loaded.marks is not None
    problem, known = version_problem(data, loaded.marks)
    if problem:
        problems.append(problem)
    if not known:
        return _result(name, problems, settings)

    from sip.check.schema_errors import validate_plan

    plan, schema_problems = validate_plan({**data, "sip": FORMAT_VERSION}, loaded.marks)
    problems += _not_under(schema_problems, loaded.tagged_paths)
    result = _result(name, problems, settings)
    plan_id = data.get("id")
    if isinstance(plan_id, str):
        result.plan_id = plan_id
        result.plan_id_position = locate(loaded.marks, ("id",))
    if problems or plan is None:
        result.item_ids = ids_for(data, (d.path for d in result.diagnostics))
        return result

    context = Context(as_of=settings.as_of, deadlines=settings.deadlines, index=index_plan(plan))
    rule_problems = list(run_rules(plan, loaded.marks, context, settings.ignores))
    result.rules_ran = True
    diagnostics, waiver_problems, result.waivers = apply_to_plan(
        _diagnostics(name, rule_problems, settings), plan, loaded.marks, settings.as_of,
        ran=lambda code: rule_runs(code, plan, settings.ignores))
    result.diagnostics = sorted(diagnostics + _diagnostics(name, waiver_problems, settings),
                                key=Diagnostic.sort_key)
    result.item_ids = ids_for(data, (d.path for d in result.diagnostics))
    if keep_plan:
        result.plan = plan
    return result


def version_problem(data: dict, marks: Marks) -> tuple[Problem | None, bool]:
    """The SIP003 problem, if any, and whether the file can be checked as this format version."""
    if "sip" not in data or data["sip"] is None:
        line, column = locate(marks, ("sip",), MISSING)
        return Problem("SIP003", f"the format version is missing: add 'sip: {FORMAT_VERSION}' "
                       f"as the first line; checked as version {FORMAT_VERSION}", "sip", line, column,
                       "sip_version_missing"), True
    version = data["sip"]
    line, column = locate(marks, ("sip",))
    if type(version) is int and version == FORMAT_VERSION:
        return None, True
    if not isinstance(version, bool) and version in (1, "1", 1.0):
        return Problem("SIP003", f"write the format version as the integer {FORMAT_VERSION} "
                       f"(sip: {FORMAT_VERSION}), not {version!r}; checked as version {FORMAT_VERSION}",
                       "sip", line, column, "sip_version_form"), True
    return Problem("SIP003", f"format version {version!r} is not one this sip knows (it reads "
                   f"version {FORMAT_VERSION}); nothing else was checked", "sip", line,
                   column, "sip_version_unknown"), False


def _not_under(problems: list[Problem], paths: list[str]) -> list[Problem]:
    """Drop schema problems about nodes the loader already reported (a rejected tag)."""
    if not paths:
        return problems
    return [p for p in problems
            if not any(p.path == q or p.path.startswith((q + ".", q + "[")) for q in paths)]


def rule_runs(code: str, plan: Plan, ignores: Callable[[str], bool] = lambda code: False) -> bool:
    """Whether a rule is checked on this plan: drafts get SIP0xx-SIP2xx only (a draft may be
    incomplete), and rules the configuration ignores are not run at all."""
    return not (plan.status == "draft" and code >= "SIP3") and not ignores(code)


def run_rules(plan: Plan, marks: Marks, context: Context,
              ignores: Callable[[str], bool] = lambda code: False):
    for rule in REGISTRY:
        if rule.check is None or not rule_runs(rule.CODE, plan, ignores):
            continue
        for violation in rule.check(plan, context):
            at = violation.at if violation.at is not None else violation.loc
            line, column = locate(marks, at, KEY if violation.anchor == KEY else "value")
            yield Problem(rule.CODE, violation.message, format_path(violation.loc), line, column)


def _diagnostics(name: str, problems: list[Problem], settings: Settings) -> list[Diagnostic]:
    out = [Diagnostic(name, p.line, p.column, p.code, SEVERITIES.get(p.code, ERROR), p.message,
                      p.path) for p in problems if not settings.ignores(p.code)]
    out.sort(key=Diagnostic.sort_key)
    return out


def _result(name: str, problems: list[Problem], settings: Settings) -> FileResult:
    return FileResult(name, _diagnostics(name, problems, settings))


__all__ = ["FileResult", "check_bytes", "check_file", "STDIN"]
