"""Every field of the format declares its facts on the model (sip/model/facts.py), and what sip
does with a field follows from them: the public report shows only what is declared public."""

from __future__ import annotations

import html
import itertools
import re
import string
from typing import Annotated

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from sip.format.lists import ID_LISTS
from sip.model import Plan
from sip.model import fields as f
from sip.model.facts import ENTRIES, ITEMS, PUBLIC, Facts
from sip.read.loader import load
from tests.conftest import AS_OF, DATA

EVERY_FIELD = DATA / "every-field.yaml"
PHONE = "+60 12-345 6789"  # what the mask must hide in every public text


def test_every_field_of_the_plan_declares_its_facts():
    wheres = [p.where for p in f.places()]
    # the walk reaches every level: the plan's own fields, a list's items, a mapping in an item,
    # a list of mappings in an item, an aliased key
    for where in (
        "owner.email",
        "findings[].needs_assessment.summary",
        "improvements[].effectiveness.evidence",
        "responses[].schedule.paid",
        "worker_engagement[].with",
        "waivers[].reason",
    ):
        assert where in wheres
    assert len(wheres) == len(set(wheres)) > 140
    assert f.undeclared() == []


def test_a_field_without_facts_is_found_and_is_not_public():
    class Sample(BaseModel):
        declared: Annotated[str, PUBLIC]
        forgotten: str

    fields = f.declared(Sample)
    assert (fields["declared"].given, fields["declared"].facts.public) == (True, True)
    assert (fields["forgotten"].given, fields["forgotten"].facts.public) == (False, False)


def test_personal_data_is_never_public():
    with pytest.raises(ValueError):
        Facts(public=True, personal=True)
    personal = {p.where for p in f.places() if p.field.facts.personal}
    assert personal == {"owner.name", "owner.email", "reviews[].by"}


def test_the_lists_compared_item_by_item_are_the_lists_with_ids():
    plan = f.declared(Plan)
    assert tuple(name for name, d in plan.items() if d.facts.diff == ITEMS) == ID_LISTS
    assert {name for name, d in plan.items() if d.facts.diff == ENTRIES} == {
        "worker_engagement",
        "reviews",
        "submissions",
        "waivers",
    }


def test_the_workbook_columns_are_the_fields_declared_for_it():
    """sip/format/workbook.py lays the columns out; which fields are columns, and which of them
    the supplier fills in, is declared on the fields."""
    from sip.format import workbook

    def declared(lists: tuple[str, ...]) -> dict[str, bool]:
        out = {}
        for p in f.places():
            if p.list in lists and p.field.facts.workbook:
                out[p.dotted] = p.field.facts.workbook == "supplier"
        return out

    def columns(sheet: str) -> dict[str, bool]:
        return {c.field: c.editable for c in workbook.COLUMNS[sheet]}

    actions = declared(("responses", "improvements"))
    for field in ("schedule.due", "schedule.amount", "schedule.paid", "amount.paid", "amount.currency"):
        actions.pop(field)  # the Instalments sheet's, under its own names
    # one column shows a response's kind and remedy, or an improvement's element
    assert actions.pop("remedy") is actions.pop("element") is actions["kind"] is False
    assert actions == columns(workbook.ACTIONS)
    assert declared(("findings",)) == columns(workbook.FINDINGS)


def test_the_sip202_documentation_lists_every_reference():
    from sip.rules import sip202_unknown_reference as sip202

    documented = " ".join(re.findall(r"^\| (`.*?) \|", sip202.__doc__ or "", re.MULTILINE))
    for ref in f.references():
        assert f"`{ref.list}[].{'.'.join(ref.path)}`" in documented


# -- the public report is built from the declarations ---------------------------------------------


def _markers():
    for letters in itertools.product(string.ascii_lowercase, repeat=3):
        yield "zq" + "".join(letters)


def _slots(data: dict, place: f.Place) -> list[tuple[dict, str]]:
    """(mapping, key) of every value written at a place of the format in the plan's data."""
    if place.list:
        items = data.get(place.list) or []
        found = [(i, place.path) for i in items if isinstance(i, dict)]
    else:
        found = [(data, place.path)]
    out = []
    while found:
        node, path = found.pop(0)
        if len(path) == 1:
            if path[0] in node:
                out.append((node, path[0]))
            continue
        inner = node.get(path[0])
        for mapping in inner if isinstance(inner, list) else [inner]:
            if isinstance(mapping, dict):
                found.append((mapping, path[1:]))
    return out


def _shown_in_public(place: f.Place) -> bool:
    """Declared public, and so is every field that holds it."""
    holders = [f.declared(Plan)[place.list]] if place.list else []
    model = f.items()[place.list] if place.list else Plan
    for step in place.path:
        field = f.declared(model)[step]
        holders.append(field)
        model = field.model or model
    return all(h.facts.public for h in holders)


def _validates(data: dict) -> bool:
    try:
        Plan.model_validate(data)
    except ValidationError:
        return False
    return True


def _every_field() -> dict:
    """every-field.yaml, with free text written into any free-text field it lacks (one added to the
    format since), in the first item of its list that the models accept it in: a new text field
    needs no edit here. A field they accept nowhere alone (in a new mapping, or one a rule of the
    models ties to another) is missing, and the test below asks for it in every-field.yaml."""
    loaded = load(EVERY_FIELD.read_bytes())
    assert loaded.data is not None
    data = loaded.data
    for place in f.places():
        if not place.field.text or _slots(data, place):
            continue
        holders = data.get(place.list) or [] if place.list else [data]
        for holder in holders:
            *inner, key = place.path
            for step in inner:
                holder = holder.get(step) if isinstance(holder, dict) else None
            if not isinstance(holder, dict):
                continue
            holder[key] = "Some text"
            if _validates(data):
                break
            del holder[key]
    return data


def _marked_plan() -> tuple[dict, dict[str, f.Place]]:
    """The plan with every field, and a distinct marker in every string a field can hold: free
    text gets `marker +60 12-345 6789`, any other string a marker where its type takes one (an id
    such as `site.supplier_id`, an e-mail); ids, references, dates and vocabularies stay as they
    are."""
    data = _every_field()
    markers = _markers()
    marked: dict[str, f.Place] = {}
    for place in f.places():
        facts = place.field.facts
        for mapping, key in _slots(data, place):
            value = mapping[key]
            if not isinstance(value, str) or facts.id or facts.refers_to:
                continue
            marker = next(markers)
            if place.field.text:
                mapping[key] = f"{marker} {PHONE}"
                marked[marker] = place
                continue
            for candidate in (marker.upper(), f"{marker}@example.org"):
                mapping[key] = candidate
                if _validates(data):
                    marked[marker.upper() if candidate.isupper() else marker] = place
                    break
            else:
                mapping[key] = value
    assert _validates(data)
    return data, marked


def test_the_plan_with_every_field_writes_a_value_at_every_place():
    """So that the test below sees every field (free text is written in where it is missing)."""
    data = _every_field()
    assert _validates(data)
    assert [p.where for p in f.places() if not _slots(data, p)] == []


def _readable(text: str) -> str:
    """What a reader sees, roughly: tags dropped, escapes undone (an escaped leak is a leak)."""
    text = re.sub(r"<[^>]+>", " ", text)
    return html.unescape(re.sub(r"\\(.)", r"\1", text))


@pytest.mark.parametrize("format", ["md", "html"])
def test_the_public_report_shows_only_what_is_declared_public(sip, write, format):
    data, marked = _marked_plan()
    path = write("plan.yaml", yaml.safe_dump(data, sort_keys=False, allow_unicode=True))

    def render(audience: str) -> str:
        out = sip("render", "--as-of", AS_OF, "--force", "-f", format, "--audience", audience, path)
        assert out.exit_code == 0, out.stderr
        return _readable(out.stdout)

    internal, public = render("internal"), render("public")
    assert len(marked) > 40
    # every marker can be seen, so each check below can fail
    assert [m for m, p in marked.items() if m not in internal] == []
    assert PHONE in internal

    private = {m: p.where for m, p in marked.items() if not _shown_in_public(p)}
    assert "improvements[].effectiveness.evidence" in private.values()
    assert {m: w for m, w in private.items() if m in public} == {}
    shown = {m: p.where for m, p in marked.items() if _shown_in_public(p)}
    assert {m: w for m, w in shown.items() if m not in public} == {}
    assert PHONE not in public  # masked in every public text
