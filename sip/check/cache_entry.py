"""A cache entry: a file's result as JSON, and back (sip/check/cache.py keeps the entries).

JSON, never a pickle: reading an entry must never run code. Reading one checks every value's
type (`as_str`, `as_int`...): an entry that parses but holds anything else raises TypeError or
ValueError, and the cache takes it for a miss.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sip.check.result import FileResult
from sip.check.waivers import ActiveWaiver
from sip.diagnostic import ERROR, WAIVED, WARNING, Diagnostic
from sip.rules.context import FindingFacts, PlanFacts


def entry_of(key: str, result: FileResult) -> dict[str, Any]:
    facts = result.facts
    return {
        "key": key,
        "rules_ran": result.rules_ran,
        "plan_id": result.plan_id,
        "plan_id_position": list(result.plan_id_position),
        "diagnostics": [
            [d.line, d.column, d.code, d.severity, d.message, d.path, d.reason] for d in result.diagnostics
        ],
        "waivers": [list(w) for w in result.waivers],
        "item_ids": result.item_ids,
        "facts": None
        if facts is None
        else [
            facts.status,
            None if facts.closed is None else facts.closed.isoformat(),
            facts.supplier_id,
            facts.site_name,
            facts.country,
            list(facts.finding_ids),
            [
                [
                    f.list_index,
                    f.id,
                    f.title,
                    f.identified.isoformat(),
                    list(f.indicators),
                    f.forced_labour,
                    f.repeats,
                    list(f.position),
                    list(f.repeats_position),
                ]
                for f in facts.findings
            ],
        ],
    }


def result_of(entry: dict[str, Any], name: str) -> FileResult:
    """The result an entry holds, every value checked for its type: a file that parses as JSON
    but holds anything else raises (TypeError, ValueError...), and is ignored."""
    diagnostics = [
        Diagnostic(
            name,
            as_int(line),
            as_int(column),
            as_str(code),
            as_severity(severity),
            as_str(message),
            as_str(path),
            None if reason is None else as_str(reason),
        )
        for line, column, code, severity, message, path, reason in entry["diagnostics"]
    ]
    waivers = [
        ActiveWaiver(
            as_str(rule),
            None if ids is None else tuple(as_str(i) for i in ids),
            as_str(reason),
            as_str(path),
            as_int(line),
            as_int(column),
        )
        for rule, ids, reason, path, line, column in entry["waivers"]
    ]
    item_ids = entry["item_ids"]
    if not isinstance(item_ids, dict) or not all(isinstance(v, str) for v in item_ids.values()):
        raise TypeError("item_ids")
    plan_id = entry["plan_id"]
    return FileResult(
        name,
        diagnostics,
        rules_ran=as_bool(entry["rules_ran"]),
        plan_id=None if plan_id is None else as_str(plan_id),
        plan_id_position=as_position(entry["plan_id_position"]),
        waivers=waivers,
        ids=item_ids,
        facts=None if entry["facts"] is None else _facts_of(entry["facts"]),
    )


def _facts_of(value: list[Any]) -> PlanFacts:
    status, closed, supplier_id, site_name, country, finding_ids, findings = value
    return PlanFacts(
        as_str(status),
        None if closed is None else dt.date.fromisoformat(as_str(closed)),
        None if supplier_id is None else as_str(supplier_id),
        as_str(site_name),
        as_str(country),
        tuple(as_str(i) for i in finding_ids),
        tuple(
            FindingFacts(
                as_int(index),
                as_str(id),
                as_str(title),
                dt.date.fromisoformat(as_str(identified)),
                tuple(as_str(i) for i in indicators),
                as_bool(forced),
                None if repeats is None else as_str(repeats),
                as_position(position),
                as_position(repeats_position),
            )
            for (
                index,
                id,
                title,
                identified,
                indicators,
                forced,
                repeats,
                position,
                repeats_position,
            ) in findings
        ),
    )


def as_str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("str")
    return value


def as_int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("int")
    return value


def as_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("bool")
    return value


def as_number(value: Any) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise TypeError("number")
    return float(value)


def as_severity(value: Any) -> str:
    if value not in (ERROR, WARNING, WAIVED):
        raise ValueError("severity")
    return str(value)


def as_position(value: Any) -> tuple[int, int]:
    line, column = value
    return as_int(line), as_int(column)
