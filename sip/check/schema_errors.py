"""Validate plan data against the models; turn pydantic's errors into located, plain-words problems.

Errors are read by their stable type slugs and `loc` tuples, never by parsing
pydantic's message text.
"""

from __future__ import annotations

import difflib
import json
import math
import re
import typing
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from sip.diagnostic import Problem
from sip.format.countries import COUNTRIES, country_code_for
from sip.format.currencies import codes_for_symbol
from sip.format.vocab import vocabulary_word
from sip.model import Plan
from sip.read.positions import KEY, MISSING, VALUE, Loc, Marks, clean_loc, format_path, locate, node_at
from sip.rules import WAIVABLE_CODES

MAX_PROBLEMS = 200  # listed per file (docs/rules.md, SIP004); the rest are counted
_SAMPLE = 1000  # items of a long list validated first, to stop early on a flood of errors


def validate_plan(data: dict, marks: Marks) -> tuple[Plan | None, list[Problem]]:
    """The plan, or every problem (see validate_capped for a bounded answer)."""
    plan, problems, _ = validate_capped(data, marks, limit=10**9)
    return plan, problems


def validate_capped(
    data: dict,
    marks: Marks,
    limit: int = MAX_PROBLEMS,
) -> tuple[Plan | None, list[Problem], int | None]:
    """The plan, or the problems (at most about `limit` of them) and how many more there are
    (None: more, but not counted: validation stopped early, as 1.5 MB of `findings: [{}, ...]`
    would otherwise make millions of errors, minutes and gigabytes)."""
    long = {k for k, v in data.items() if isinstance(v, list) and len(v) > _SAMPLE}
    if long:
        sample = {k: v[:_SAMPLE] if k in long else v for k, v in data.items()}
        try:
            _validate(sample)
        except ValidationError as error:
            if error.error_count() > limit:
                errors = error.errors(include_url=False)
                return None, [_problem(e, data, marks) for e in errors[:limit]], None
    try:
        return _validate(data), [], 0
    except ValidationError as error:
        errors = error.errors(include_url=False)
        problems = [_problem(e, data, marks) for e in errors[:limit]]
        return None, problems, len(errors) - len(problems)


def _validate(data: dict) -> Plan:
    # The waivable codes are the rules' to know; the model reads them from the context.
    return Plan.model_validate(data, context={"waivable": WAIVABLE_CODES})


def _problem(error: Any, data: dict, marks: Marks) -> Problem:
    kind: str = error["type"]
    loc = clean_loc(error["loc"], data)
    value = error.get("input")
    ctx = error.get("ctx") or {}
    code, anchor = "SIP102", VALUE
    if kind == "missing":
        code, anchor = "SIP101", MISSING
        message = _missing(loc)
    elif kind == "extra_forbidden":
        code, anchor = "SIP103", KEY
        message = _split_by_a_comma(data, marks, loc) or _unknown(loc)
    elif kind == "sip_cross":
        if not loc or loc[-1] != ctx["field"]:  # a model-level check names its field in ctx
            loc = (*loc, ctx["field"])
        loc = (*loc, *ctx.get("at", ()))  # and the steps below it to the value checked
        if ctx.get("missing"):
            code, anchor = "SIP101", MISSING
        message = error["msg"]
    else:
        message = _wrong(kind, loc, value, ctx, error["msg"])
        if kind == "string_type" and type(value) is int:
            message += _number_id_doubt(data, loc, value)
    line, column = locate(marks, loc, anchor)
    return Problem(code, message, format_path(loc), line, column, kind)


def _number_id_doubt(data: dict, loc: Loc, number: int) -> str:
    """More to say when quoting a number id leaves a reference naming nothing."""
    from sip.check.number_ids import is_number_id, names_nothing, unnamed_references
    from sip.format.lists import NOUN

    if is_number_id(loc):
        unnamed = unnamed_references(data, str(loc[0]))
        if unnamed:
            item, ref = unnamed[0]
            return (
                f", or write {ref} if that is the id meant ({item} names {ref}, which no "
                f"{NOUN[str(loc[0])]} has)"
            )
        return ""
    wanted = names_nothing(data, loc, number)
    return f"; but quoted it names no {wanted} in this plan: write the id meant" if wanted else ""


# -- what the models allow at a loc ---------------------------------------------------------


def _model_at(loc: Loc) -> type[BaseModel] | None:
    """The model class whose field list applies at loc (the mapping that holds loc's last step)."""
    model: type[BaseModel] = Plan
    for step in loc[:-1]:
        if isinstance(step, int):
            continue
        field = _field(model, step)
        if field is None:
            return None
        inner = _inner_model(field.annotation)
        if inner is None:
            return None
        model = inner
    return model


def _field(model: type[BaseModel], name: str) -> Any:
    """The field written `name` in a plan (its alias, when it has one: `with`)."""
    field = model.model_fields.get(name)
    if field is not None and field.alias is None:
        return field
    return next((f for key, f in model.model_fields.items() if (f.alias or key) == name), None)


def _names(model: type[BaseModel]) -> list[str]:
    return [f.alias or key for key, f in model.model_fields.items()]


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        inner = _inner_model(arg)
        if inner is not None:
            return inner
    return None


def choices_at(loc: Loc) -> tuple[str, ...]:
    """The vocabulary of the field at loc, if it has one."""
    field_loc = loc[:-1] if loc and isinstance(loc[-1], int) else loc
    model = _model_at(field_loc)
    if model is None or not field_loc:
        return ()
    name = field_loc[-1]
    field = _field(model, name) if isinstance(name, str) else None
    return tuple(_literal_values(field.annotation)) if field else ()


def _literal_values(annotation: Any) -> Iterator[str]:
    if typing.get_origin(annotation) is Literal:
        yield from (str(v) for v in typing.get_args(annotation))
        return
    for arg in typing.get_args(annotation):
        yield from _literal_values(arg)


# -- messages ---------------------------------------------------------------------------------


def _noun(loc: Loc) -> str:
    """'severity' for findings[0].severity, 'indicator' for findings[0].indicators[1]."""
    steps = [s for s in loc if isinstance(s, str)]
    if not steps:
        return "plan"
    name = {"with": "participant (with)", "operated_by": "operator (operated_by)"}.get(
        steps[-1], steps[-1].replace("_", " ")
    )
    if loc and isinstance(loc[-1], int):
        name = {
            "addresses": "address",
            "ids": "id",
            "findings": "finding id",
            "root causes": "root cause id",
            "providers": "provider id",
        }.get(name, name[:-1] if name.endswith("s") else name)
    return name


def _a(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def _shown(value: Any) -> str:
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return f"'{text}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _missing(loc: Loc) -> str:
    field = loc[-1]
    choices = choices_at(loc)
    hint = f" (one of: {', '.join(choices)})" if choices else ""
    return f"required field '{field}' is missing: add it{hint}"


def _unknown(loc: Loc) -> str:
    field = str(loc[-1])
    model = _model_at(loc)
    allowed = _names(model) if model else []
    close = difflib.get_close_matches(field, allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown field '{field}': did you mean '{close[0]}'?"
    return f"unknown field '{field}'; allowed here: {', '.join(allowed)}"


def _split_by_a_comma(data: dict, marks: Marks, loc: Loc) -> str | None:
    """`{name: Example Textiles, Unit 2, ...}`: the comma ended the name and made `Unit 2` a
    key with no ':' (its empty value starts where the key ends). Say so, and how to quote."""
    parent, parent_marks = node_at(data, marks, loc[:-1])
    key = loc[-1]
    if not isinstance(parent, dict) or parent_marks is None or parent.get(key) is not None:
        return None
    at, value_at = parent_marks.keys.get(key), parent_marks.child(key)
    if at is None or value_at != (at[0], at[1] + len(str(key))):
        return None  # written `key:` with a value left empty, not split off by a comma
    keys = list(parent)
    before = keys[keys.index(key) - 1] if keys.index(key) else None
    if before is None or not isinstance(parent[before], str):
        return (
            f"unknown field '{key}': inside {{ }} a comma ends a field; put text that holds a comma in quotes"
        )
    whole = json.dumps(f"{parent[before]}, {key}", ensure_ascii=False)
    return (
        f"unknown field '{key}': inside {{ }} a comma ends a field, so '{parent[before]}' ended at the "
        f"comma before '{key}'; put text that holds a comma in quotes: {before}: {whole}"
    )


_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "model_type": "a mapping of fields (key: value)",
    "dict_type": "a mapping of fields (key: value)",
    "model_attributes_type": "a mapping of fields (key: value)",
}


def _wrong(kind: str, loc: Loc, value: Any, ctx: dict, fallback: str) -> str:
    noun = _noun(loc)
    if kind == "literal_error":
        if not isinstance(value, str):
            return f"{_shown(value)} is not {_a(noun)}; expected one of: {ctx.get('expected')}"
        choices = choices_at(loc)
        shown = ", ".join(choices) if choices else ctx.get("expected", "")
        close = (
            [word]
            if (word := vocabulary_word(value, choices))
            else difflib.get_close_matches(value, choices, n=1, cutoff=0.75)
        )
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"{_shown(value)} is not {_a(noun)}; expected one of: {shown}{hint}"
    if kind in _EXPECTED:
        expected = _EXPECTED[kind]
        if kind in ("float_type", "int_type") and isinstance(value, str) and _GROUPED.match(value):
            return (
                f"{noun} must be a number, found the text {_shown(value)}: drop the thousands "
                f"separator: {value.strip().replace(',', '').replace(' ', '')}"
            )
        if kind == "string_type" and isinstance(value, (int, float, bool)):
            return (
                f"{noun} must be text, but {_shown(value)} reads as a "
                f"{'boolean' if isinstance(value, bool) else 'number'}: "
                f'quote it ("{_shown(value)}")'
            )
        if kind == "int_type" and isinstance(value, float) and math.isfinite(value):
            return f"{noun} must be a whole number, found {_shown(value)}"
        return f"{noun} must be {expected}, found {_describe(value)}"
    if kind == "too_short":
        return f"{noun} needs at least one item"
    if kind == "string_pattern_mismatch":
        if noun == "rule":
            return f"{_shown(value)} is not a rule code; write it like SIP301"
        if noun == "repeats":
            return (
                f"{_shown(value)} is not a finding id: write the id of a finding of this plan "
                "(F-2), or of another plan as PLAN-ID/F-2"
            )
        return (
            f"{_shown(value)} is not a valid id: start with a letter or digit, then use only "
            "letters, digits, '.', '_' or '-'"
        )
    if kind in ("greater_than_equal", "greater_than"):
        least = ctx.get("ge", 0) if kind == "greater_than_equal" else ctx.get("gt", -1) + 1
        return f"{noun} must be {least:g} or more, found {_shown(value)}"
    if kind in ("less_than_equal", "less_than"):
        return f"{noun} must be at most {ctx.get('le', ctx.get('lt')):,.0f}, found {_shown(value)}"
    if kind == "sip_date":
        if isinstance(value, str) and "T" in value or isinstance(value, str) and ":" in value:
            return f"{noun} must be a date without a time (YYYY-MM-DD), found {_shown(value)}"
        return f"{noun} must be a date written YYYY-MM-DD, found {_describe(value)}"
    if kind == "sip_impossible_date":
        return f"{_shown(value)} is not a real date"
    if kind == "sip_date_range":
        from sip.format.dates import EARLIEST, LATEST

        return f"{noun} must be between {EARLIEST} and {LATEST}, found {_shown(value)}"
    if kind == "sip_blank":
        return f"{noun} is blank: write it out"
    if kind == "sip_country":
        return _country_message(value)
    if kind == "sip_language":
        return _language_message(value)
    if kind == "sip_currency":
        codes = codes_for_symbol(value) if isinstance(value, str) else ()
        if len(codes) == 1:
            return f"{_shown(value)} is a currency symbol: write the ISO 4217 code, {codes[0]}"
        if codes:
            return (
                f"{_shown(value)} is a currency symbol: write the ISO 4217 code of the one "
                f"meant ({', '.join(codes[:-1])} or {codes[-1]})"
            )
        if isinstance(value, str) and value.upper() != value:
            return f"{_shown(value)}: write the currency code in capitals ({value.upper()})"
        return f"{_shown(value)} is not an ISO 4217 currency code (such as USD, EUR, MYR)"
    if kind == "sip_email":
        return f"{_shown(value)} is not an e-mail address"
    if kind in ("sip_not_finite", "finite_number"):
        return f"{noun} must be a finite number"
    if kind == "sip_not_waivable":
        return (
            f"{ctx.get('code')} cannot be waived: only the rules SIP201 to {max(WAIVABLE_CODES)} can, "
            "except SIP204 (see 'sip rules')"
        )
    return f"{noun}: {fallback}"


# A number written with thousands separators (630,000 or 1,890,000.50), read by YAML as text.
_GROUPED = re.compile(r"\s*[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?\s*\Z")


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f"the text {_shown(value)}"
    if isinstance(value, bool):
        return f"the boolean {_shown(value)}"
    if isinstance(value, (int, float)):
        return f"the number {_shown(value)}"
    return _shown(value)


def _language_message(value: str) -> str:
    from sip.format.languages import LANGUAGES, capitals_hint, language_hint, means_another_language

    if means_another_language(value):  # `MY`: in lower case Burmese, though Malaysia speaks Malay
        return f"{_shown(value)}: {capitals_hint(value)}"
    if value.lower() in LANGUAGES:
        return f"{_shown(value)}: write the language code in lower case ({value.lower()})"
    return f"{_shown(value)} is not an ISO 639-1 language code{language_hint(value)}"


def _country_message(value: Any) -> str:
    if not isinstance(value, str):
        return f"country must be a two-letter code such as MY, found {_describe(value)}"
    if value.upper() in COUNTRIES:
        return f"{_shown(value)}: write the country code in capitals ({value.upper()})"
    code = country_code_for(value)
    hint = f"; for {value} write {code}" if code else " (such as MY, TH, IN)"
    return f"{_shown(value)} is not an ISO 3166-1 alpha-2 country code{hint}"


__all__ = ["validate_plan", "KEY", "MISSING", "VALUE"]
