"""Where a node is in its file, and how its path is written: the one place for both.

The loader records a `Marks` for every mapping and list; scalars are (line, column)
tuples. Positions are 1-based. Paths are written `findings[0].severity`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Position = tuple[int, int]
Loc = tuple[int | str, ...]

VALUE = "value"  # the node itself (a block list: its first '-'; a block scalar: its '|')
KEY = "key"  # the key of the last step (an unknown field)
MISSING = "missing"  # a field that is absent: its key if written with no value, else its mapping


class Marks:
    """Positions inside one mapping or list."""

    __slots__ = ("start", "end", "keys", "children", "ends")

    def __init__(self, start: Position, is_list: bool = False) -> None:
        self.start = start  # a mapping: its first key; a list: its first item's indicator
        self.end = start  # just past its last character (a block one: past its last value)
        self.keys: dict[object, Position] = {}
        self.children: dict[object, Marks | Position] | list[Marks | Position] = [] if is_list else {}
        self.ends: dict[object, Position] = {}  # key or index -> just past a scalar child

    def child(self, step: int | str) -> Marks | Position | None:
        children = self.children
        if isinstance(children, dict):
            return children.get(step)
        if isinstance(step, int) and 0 <= step < len(children):
            return children[step]
        return None


def _start(node: Marks | Position) -> Position:
    return node.start if isinstance(node, Marks) else node


def clean_loc(loc: Sequence[int | str], data: object) -> Loc:
    """The steps of a pydantic loc that exist in the data (union and validator tags dropped)."""
    out: list[int | str] = []
    node = data
    for step in loc:
        if isinstance(node, dict) and isinstance(step, str):
            if step.startswith("<") and step not in node:
                continue  # a tagged union's branch ('<mapping>', sip/model/plan.py), not a key
            out.append(step)
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int):
            out.append(step)
            node = node[step] if 0 <= step < len(node) else None
        elif node is None and isinstance(step, (str, int)):
            out.append(step)  # a missing field below a missing field: keep the step
        # anything else is a tag pydantic added ('function-after[...]', union members)
    return tuple(out)


def locate(marks: Marks, loc: Loc, anchor: str = VALUE) -> Position:
    """The position a diagnostic about `loc` points at."""
    node: Marks | Position = marks
    for depth, step in enumerate(loc):
        if not isinstance(node, Marks):
            return node  # the path runs through a scalar: point at the scalar
        last = depth == len(loc) - 1
        if last and anchor in (KEY, MISSING):
            key_position = node.keys.get(step)
            return key_position if key_position is not None else node.start
        child = node.child(step)
        if child is None:
            return node.start  # absent below this point: point at the mapping that lacks it
        node = child
    return _start(node)


def node_at(data: object, marks: Marks, loc: Loc) -> tuple[object, Marks | None]:
    """The value at `loc` and its positions (None when it is a scalar or absent)."""
    node: Marks | Position | None = marks
    for step in loc:
        if isinstance(data, dict):
            data = data.get(step)
        elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
            data = data[step]
        else:
            return None, None
        node = node.child(step) if isinstance(node, Marks) else None
    return data, node if isinstance(node, Marks) else None


def span(marks: Marks, loc: Loc, at: Position) -> tuple[Position, Position] | None:
    """Where the node a diagnostic at `at` about `loc` points at starts and ends (just past
    it): the node on the path that starts at `at`, or the key at `at` through its value.
    None when `at` is no such node (a field that is missing, the top of the file)."""
    node: Marks | Position = marks
    found = None
    for step in loc:
        if not isinstance(node, Marks):
            break
        child = node.child(step)
        if child is None:
            break
        end = child.end if isinstance(child, Marks) else node.ends.get(step, child)
        if _start(child) == at or node.keys.get(step) == at:
            found = (at, end)
        node = child
    return found


def format_path(loc: Loc) -> str:
    out = ""
    for step in loc:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else str(step)
    return out


def join_path(path: str, step: int | str) -> str:
    """One step more: 'findings' + 3 -> 'findings[3]'; 'findings[3]' + 'title' -> 'findings[3].title'."""
    if isinstance(step, int):
        return f"{path}[{step}]"
    return f"{path}.{step}" if path else str(step)


def parse_path(path: str) -> Loc:
    """'findings[3].title' -> ('findings', 3, 'title'): format_path's inverse."""
    out: list[int | str] = []
    for part in path.replace("[", ".[").split("."):
        if part.startswith("["):
            inner = part[1:-1]
            out.append(int(inner) if inner.isdigit() else inner)
        elif part:
            out.append(part)
    return tuple(out)


_TOP_ITEM = re.compile(r"([a-z_]+)\[([0-9]+)\]")


def top_item(path: str) -> tuple[str, int, str] | None:
    """The top-level list item a path starts in: 'findings[3].title' -> ('findings', 3, '.title')."""
    match = _TOP_ITEM.match(path)
    if match is None:
        return None
    return match[1], int(match[2]), path[match.end() :]
