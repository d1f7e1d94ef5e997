"""Numbers where ids belong (`id: 7`, `addresses: [7]`): whether quoting them has one reading.

YAML reads `7` as a number; quoting it is the obvious repair, and `sip fix` makes it, but only
when the quoted id fits the rest of the plan. A number id while a reference to its list names
no item (`id: 7` beside `providers: [SP-7]`) may be a mistyped `SP-7`; a number reference
that, quoted, names no item may mean any id. Both `sip fix` (which then leaves the number
alone) and the SIP102 message (which then names the reference) read this module. It works on
the raw YAML data: the plan has not validated yet.
"""

from __future__ import annotations

from sip.format.lists import ID_LISTS, NOUN
from sip.read.positions import Loc


def unnamed_references(data: dict, list_name: str) -> list[tuple[str, str]]:
    """(item id, reference) of every reference into `list_name` that names no item, with every
    number id quoted, in the plan's order."""
    ids = _ids_once_quoted(data)
    return [
        (str(item.get("id", "?")), ref)
        for name, field, targets in _references()
        if list_name in targets and name != "waivers"
        for item in _items(data, name)
        for ref in _refs(item.get(field))
        if ref not in set().union(*(ids[t] for t in targets))
    ]


def is_number_id(loc: Loc) -> bool:
    return len(loc) == 3 and loc[0] in ID_LISTS and loc[2] == "id"


def names_nothing(data: dict, loc: Loc, number: int) -> str | None:
    """For a number at a reference: the noun of what it must name, when quoted it names no such
    item; None when it does, or when loc is no reference."""
    ids = _ids_once_quoted(data)
    for name, field, targets in _references():
        if (
            loc[:1] == (name,)
            and len(loc) >= 3
            and loc[2] == field
            and str(number) not in set().union(*(ids[t] for t in targets))
        ):
            return "item" if name == "waivers" else " or ".join(NOUN[t] for t in targets)
    return None


def _references() -> list[tuple[str, str, tuple[str, ...]]]:
    """(list, field, the lists it may name) of the references an item holds itself, not in a
    mapping below it: the fields that declare `refers_to` (sip/model/fields.py)."""
    from sip.model.fields import references

    return [(r.list, r.path[0], r.targets) for r in references() if len(r.path) == 1]


def _ids_once_quoted(data: dict) -> dict[str, set[str]]:
    return {
        name: {
            str(item["id"])
            for item in _items(data, name)
            if isinstance(item.get("id"), (str, int)) and not isinstance(item.get("id"), bool)
        }
        for name in ID_LISTS
    }


def _items(data: dict, name: str) -> list[dict]:
    items = data.get(name)
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _refs(value: object) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [str(v) for v in values if isinstance(v, (str, int)) and not isinstance(v, bool)]
