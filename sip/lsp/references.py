"""Which reference field the cursor is in, read from the lines (they need not parse), and the
lists its ids may name: the table SIP202 checks references by (sip/model/fields.py)."""

from __future__ import annotations

import functools
import re

from sip.lsp.text import Text

_VALUE = re.compile(r"\s*(?:-\s+)?([a-z_]+):\s*(.*)\Z")  # 'key: value' up to the cursor
_BLOCK_ITEM = re.compile(r"(\s*)-(\s.*)?\Z")  # '  - F-' up to the cursor
_KEY_ONLY = re.compile(r"(\s*)(?:-\s+)?([a-z_]+):\s*(#.*)?\Z")  # 'addresses:' above a block list
_TOP_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*:")


@functools.cache
def targets() -> dict[tuple[str, str], tuple[str, ...]]:
    """(list, the key written) -> the lists its ids may name. A reference in a mapping of the item
    goes by its own key (`verification.by` by `by`), which names one reference in each list."""
    from sip.model.fields import references

    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for ref in references():
        assert out.setdefault((ref.list, ref.path[-1]), ref.targets) == ref.targets, ref
    return out


def field_at(text: Text, line: int, column: int) -> tuple[str, str] | None:
    """(list, field) of the value being written at a 0-based line and column, e.g.
    ('responses', 'addresses'); None outside any item field."""
    before = text.line(line)[:column]
    value = _VALUE.match(before)
    if value and not before.startswith((" ", "\t", "-")):
        return None  # a top-level key's own value
    field = value[1] if value and not _closed(value[2]) else None
    if field is None:
        block = _BLOCK_ITEM.match(before)
        if block is None or ":" in (block[2] or ""):
            return None
        field = _owner_key(text, line, len(block[1]))
    if field is None:
        return None
    name = _list_of(text, line)
    return (name, field) if name else None


_ID = re.compile(r"[^\s\[\],#'\"]+")


def listed_ids(text: Text, line: int, column: int) -> set[str]:
    """The ids the reference list being written already holds: the rest of a flow list on the
    cursor's line, or the other items of a block list; the word at the cursor, being typed,
    is not counted."""
    row = text.line(line)
    value = _VALUE.match(row[:column])
    if value and value[2].startswith("["):
        start = column - len(value[2]) + 1
        end = row.find("]", column)
        return _words_apart(row[start : len(row) if end < 0 else end], column - start)
    block = _BLOCK_ITEM.match(row[:column])
    if block is None:
        return set()
    dash, ids = len(block[1]), set()
    for step in (-1, 1):
        number = line + step
        while 0 <= number < len(text.lines):
            other = text.line(number)
            indent = len(other) - len(other.lstrip(" "))
            if other.strip() and not other.lstrip().startswith("#"):
                if indent < dash or (indent == dash and not other.lstrip().startswith("-")):
                    break
                item = re.match(r"-\s+([^\s#]+)", other[dash:]) if indent == dash else None
                if item:
                    ids.add(item[1].strip("'\""))
            number += step
    return ids


def _words_apart(values: str, cursor: int) -> set[str]:
    return {m[0] for m in _ID.finditer(values) if not m.start() <= cursor <= m.end()}


def _closed(value: str) -> bool:
    """Whether a flow list written so far is already closed: `[F-1] ` means the cursor is past it."""
    return value.startswith("[") and "]" in value


def _owner_key(text: Text, line: int, dash: int) -> str | None:
    """The key a block list item at indentation `dash` belongs to: the nearest line above with
    `key:` alone, indented no deeper than the dash."""
    for number in range(line - 1, -1, -1):
        above = text.line(number)
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        key = _KEY_ONLY.match(above)
        indent = len(above) - len(above.lstrip(" "))
        if key and len(key[1]) <= dash:
            return key[2]
        if indent < dash or (indent == dash and not above.lstrip().startswith("-")):
            return None
    return None


def _list_of(text: Text, line: int) -> str | None:
    """The top-level key whose value holds the line."""
    for number in range(line, -1, -1):
        top = _TOP_KEY.match(text.line(number))
        if top:
            return top[1]
    return None
