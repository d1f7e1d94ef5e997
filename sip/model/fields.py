"""The tables the rest of sip reads, derived from the facts each field declares (sip/model/facts.py).

One walk of the models gives every field of the format with its place and its facts; the tables
below are views of it, each built once per process on first use:
- `free_text()`: where free text lives, by list (SIP601, SIP602; sip/rules/free_text.py walks it);
- `references()`: every reference and the lists it may name (SIP202, `sip fix`, `sip lsp`);
- `declared(model)`: a model's fields by the name a plan writes, with their facts (the public
  report, sip/output/render/audience.py; `sip diff`, sip/history/plan_diff.py);
- `items()`: the lists of the plan whose entries are models, with their model.

Nothing here is imported by `sip rules` or `sip --help`: the rules read these tables when they
check a plan, when the models are loaded anyway.
"""

from __future__ import annotations

import functools
import types
import typing
from typing import NamedTuple

from pydantic import BaseModel

from sip.model.facts import FREE_TEXT, PRIVATE, Facts
from sip.model.plan import Plan


class Declared(NamedTuple):
    """One field of one model, as a plan writes it."""

    name: str  # the key a plan writes (`with`)
    attribute: str  # the model's attribute (`with_`)
    facts: Facts
    text: bool  # free text (typed `Text`)
    model: type[BaseModel] | None  # the model it holds, itself or as the items of a list
    many: bool  # a list
    given: bool  # False: the field declares no facts (a test fails; it is then treated as private)


class Place(NamedTuple):
    """One field of the format, where a plan writes it."""

    list: str  # the plan's list whose items hold it ("responses"), "" for the plan's own fields
    path: tuple[str, ...]  # the keys from the item (or the plan) down: ("verification", "by")
    field: Declared

    @property
    def dotted(self) -> str:
        return ".".join(self.path)

    @property
    def where(self) -> str:
        """As people write it: `improvements[].effectiveness.evidence`."""
        return f"{self.list}[].{self.dotted}" if self.list else self.dotted


class Reference(NamedTuple):
    list: str  # the list whose items hold it
    path: tuple[str, ...]  # from the item down: ("addresses",), ("verification", "by")
    targets: tuple[str, ...]  # the lists whose ids it may name
    verb: str  # what it does, in SIP202's words


@functools.cache
def declared(model: type[BaseModel]) -> dict[str, Declared]:
    """A model's fields, by the key a plan writes, in the model's order."""
    out = {}
    for attribute, info in model.model_fields.items():
        facts = [m for m in info.metadata if isinstance(m, Facts)]
        inner, many = _model_in(info.annotation)
        name = info.alias or attribute
        out[name] = Declared(
            name,
            attribute,
            facts[-1] if facts else PRIVATE,
            _marked(info.annotation, info.metadata),
            inner,
            many,
            bool(facts),
        )
    return out


@functools.cache
def by_attribute(model: type[BaseModel]) -> dict[str, Declared]:
    """The same fields by the model's attribute names (`with_`)."""
    return {d.attribute: d for d in declared(model).values()}


@functools.cache
def items() -> dict[str, type[BaseModel]]:
    """The plan's lists of mappings (findings, reviews, waivers...) and the model of their items."""
    return {d.name: d.model for d in declared(Plan).values() if d.many and d.model is not None}


@functools.cache
def places() -> tuple[Place, ...]:
    """Every field of the format, the plan's own first, then each list's, in the format's order."""
    out: list[Place] = []
    lists = items()

    def walk(model: type[BaseModel], list_name: str, prefix: tuple[str, ...]) -> None:
        for field in declared(model).values():
            out.append(Place(list_name, (*prefix, field.name), field))
            if field.model is None:
                continue
            if not prefix and not list_name and field.name in lists:
                walk(field.model, field.name, ())
            else:
                walk(field.model, list_name, (*prefix, field.name))

    walk(Plan, "", ())
    return tuple(out)


@functools.cache
def free_text() -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """Where free text lives: the plan's own fields (`site.name`), and per list its items' fields
    (`verification.method`)."""
    plan: list[str] = []
    lists: dict[str, list[str]] = {}
    for place in places():
        if place.field.text:
            if place.list:
                lists.setdefault(place.list, []).append(place.dotted)
            else:
                plan.append(place.dotted)
    return tuple(plan), {name: tuple(fields) for name, fields in lists.items()}


@functools.cache
def owner_text() -> frozenset[tuple[str, str]]:
    """(list or "", dotted name) of the free text that names an accountable owner (the plan's
    `owner.role`, an action's `owner`): SIP601 does not read it."""
    return frozenset((p.list, p.dotted) for p in places() if p.field.text and p.field.facts.owner)


@functools.cache
def references() -> tuple[Reference, ...]:
    """Every reference of the format, in the format's order (`waivers[].ids` included)."""
    return tuple(
        Reference(p.list, p.path, p.field.facts.refers_to, p.field.facts.verb)
        for p in places()
        if p.field.facts.refers_to
    )


def undeclared() -> list[str]:
    """The fields that declare no facts (tests/test_field_facts.py holds this empty)."""
    return [p.where for p in places() if not p.field.given]


def _model_in(annotation: object) -> tuple[type[BaseModel] | None, bool]:
    """The model a field holds (itself, optional, or as a list's items), and whether a list."""
    # BaseModel in the MRO, not issubclass: the models' ABC metaclass makes that slow (ms)
    if isinstance(annotation, type) and BaseModel in annotation.__mro__:
        return annotation, False
    origin = typing.get_origin(annotation)
    if origin is list:
        inner, _ = _model_in(typing.get_args(annotation)[0])
        return inner, True
    if origin in (typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found[0] is not None or found[1]:
                return found
    return None, origin is list


def _marked(annotation: object, metadata: list) -> bool:
    """Whether the field's type carries FREE_TEXT, directly or inside an optional."""
    if any(m is FREE_TEXT for m in metadata):
        return True
    if typing.get_origin(annotation) is typing.Annotated and any(
        m is FREE_TEXT for m in getattr(annotation, "__metadata__", ())
    ):
        return True
    return any(_marked(arg, []) for arg in typing.get_args(annotation))
