"""A tolerant reading of a plan's lines, for text that does not parse (a plan being typed).

It knows only the shape plans are written in: top-level keys at the margin, items of the
id lists as `- id: F-1` (or `id: F-1` on a later line of the item), a title field inside.
It never fails; at worst it finds nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sip.format.lists import ID_LISTS, TITLE_FIELD

_TOP_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*:")
_ID = re.compile(r"(\s*-\s+|\s+)id:\s*(['\"]?)([^\s'\"#,\]}]+)\2")
_FIELD = re.compile(r"\s+(?:-\s+)?([a-z_]+):\s*(.*)")

# (id, list, title, start, end): positions 1-based, as the loader's
Found = tuple[str, str, str, tuple[int, int], tuple[int, int]]


def scan_items(source: str) -> list[Found]:
    return list(_scan(source.split("\n")))


def _scan(lines: list[str]) -> Iterator[Found]:
    current: str | None = None  # the top-level list being read
    pending: list | None = None  # [id, list, title, start, end] of the item being read
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        top = _TOP_KEY.match(line)
        if top:
            if pending:
                yield tuple(pending)
                pending = None
            current = top[1] if top[1] in ID_LISTS else None
            continue
        if current is None:
            continue
        found = _ID.match(line)
        if found:
            if pending:
                yield tuple(pending)
            column = found.start(3) + 1
            pending = [found[3], current, "", (number, column), (number, column + len(found[3]))]
            continue
        field = _FIELD.match(line)
        if pending and field and field[1] == TITLE_FIELD[current] and not pending[2]:
            pending[2] = " ".join(field[2].strip("'\"").split())
    if pending:
        yield tuple(pending)
