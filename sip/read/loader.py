"""Bytes to plain data plus a position for every node, with the format's limits enforced.

libyaml's event parser does the scanning (it is iterative, so no nesting can crash it);
this module builds the data from its events in one pass. That keeps every limit
(depth, aliases, expansion) checked before anything is built past it, keeps tags outside
the core schema from ever being constructed, reads scalars as YAML 1.2 core, and records
positions as it goes. Problems are returned as values; nothing here raises for bad input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import yaml
from yaml import events

from sip.diagnostic import Problem
from sip.read.positions import Marks, join_path
from sip.read.syntax_errors import missing_colon, syntax_message, tab_in_indentation
from sip.read.yaml12 import CORE, SCALAR_TAGS, NumberTooLong, resolve_plain, tagged_scalar

try:  # PyYAML's wheels ship libyaml; the pure-Python parser is the same events, slower.
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - only on a PyYAML built without libyaml
    from yaml.parser import Parser as _BaseParser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    # The same name as the C parser it stands in for, so the checker sees a second definition.
    class _Parser(Reader, Scanner, _BaseParser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            _BaseParser.__init__(self)


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 5 * 1024 * 1024
    max_depth: int = 64
    max_aliases: int = 100
    max_alias_nodes: int = 100_000


@dataclass
class Loaded:
    data: dict | None = None  # the plan's top mapping, when the file could be read (ok)
    marks: Marks | None = None
    problems: list[Problem] = field(default_factory=list)
    tagged_paths: list[str] = field(default_factory=list)  # nodes already reported for a tag
    # (line, column, path) of the first line of each block or multi-line quoted scalar that reads
    # as a comment but is text (SIP603): "# INFERRED from ..." inside a `|` description
    comment_lines: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.marks is not None


_TOO_DEEP = "the file nests deeper than {} levels; a plan never needs that many"


class _Stop(Exception):
    """Ends the build at the first problem that makes the rest of the file meaningless."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem


class _Mark(Protocol):  # libyaml's marks and the pure-Python parser's alike
    line: int
    column: int


def _position(mark: _Mark | None) -> tuple[int, int]:
    if mark is None:  # libyaml marks every event; an event made by hand has none
        return 1, 1
    return mark.line + 1, mark.column + 1


class _Frame:
    __slots__ = (
        "container",
        "is_map",
        "marks",
        "path",
        "key",
        "key_position",
        "discard",
        "anchor",
        "size",
        "is_key",
        "flow",
        "last_end",
    )

    def __init__(self, container: dict | list, marks: Marks, path: str, anchor: str | None) -> None:
        self.container = container
        self.path = path
        self.is_map = isinstance(container, dict)
        self.marks = marks
        self.key: object = None  # the pending key of a mapping, once read
        self.key_position: tuple[int, int] | None = None
        self.discard = False  # the pending value belongs to a duplicate or unusable key
        self.anchor = anchor
        self.size = 1  # nodes in this collection as expanded, aliases counted in full
        self.is_key = False  # a collection used as a mapping key: built, then dropped
        self.flow = False  # written [..] or {..}: it ends at its closing bracket
        self.last_end = marks.start  # just past the last value read in it


class _Builder:
    def __init__(self, limits: Limits, ends: bool = False, text: str = "") -> None:
        self.limits = limits
        self.text = text
        self.lines: list[str] | None = None  # the text's lines, split when first needed
        self.comment_lines: list[tuple[int, int, str]] = []
        self.ends = ends  # where each scalar ends: only an editor's ranges need it (sip lsp)
        self.frames: list[_Frame] = []
        self.anchors: dict[str, tuple[object, object, int]] = {}  # name -> (value, marks, size)
        self.open_anchors: set[str] = set()
        self.aliases = 0
        self.alias_nodes = 0
        self.root: object = None
        self.root_marks: Marks | None = None
        self.documents = 0
        self.problems: list[Problem] = []
        self.tagged_paths: list[str] = []

    def run(self, parser: _Parser) -> None:
        scalar, alias = events.ScalarEvent, events.AliasEvent
        map_start, seq_start = events.MappingStartEvent, events.SequenceStartEvent
        map_end, seq_end = events.MappingEndEvent, events.SequenceEndEvent
        doc_start = events.DocumentStartEvent
        frames, get_event, not_text = self.frames, parser.get_event, _NOT_TEXT_FIRST
        plain_ends = not self.ends
        while True:
            event = get_event()
            if event is None:
                return
            kind = type(event)
            # The exact class, through locals, is the fastest test (this loop runs once per
            # event); a checker cannot narrow through locals, and a cast() per event cost 2 %.
            if kind is scalar:
                # The ordinary scalar (untagged, unanchored, inside a collection, no '#' in a
                # quoted or block one), some 99 % of a plan's events, is placed here, inline:
                # a method call and a tuple less per scalar cost a third of the build.
                if frames and event.tag is None and event.anchor is None and plain_ends:  # type: ignore[attr-defined]
                    frame = frames[-1]
                    mark = event.start_mark
                    text = event.value  # type: ignore[attr-defined]
                    if frame.is_map and frame.key is None:
                        if text not in frame.container:
                            frame.key, frame.key_position = text, (mark.line + 1, mark.column + 1)  # type: ignore[union-attr]
                            continue
                    elif not (event.style and "#" in text):  # type: ignore[attr-defined]
                        if event.implicit[0] and text[:1] in not_text:  # type: ignore[attr-defined]
                            try:
                                value = resolve_plain(text)
                            except NumberTooLong as error:
                                raise _Stop(Problem("SIP004", str(error), "", *_position(mark))) from None
                        else:
                            value = text
                        position = (mark.line + 1, mark.column + 1)  # type: ignore[union-attr]
                        if frame.is_map:
                            if not frame.discard:
                                key = frame.key
                                frame.container[key] = value  # type: ignore[call-overload]  # a dict
                                frame.marks.keys[key] = frame.key_position  # type: ignore[assignment]
                                frame.marks.children[key] = position  # type: ignore[call-overload]
                            frame.key, frame.key_position, frame.discard = None, None, False
                        else:
                            frame.container.append(value)  # type: ignore[union-attr]  # a list
                            frame.marks.children.append(position)  # type: ignore[union-attr]
                        frame.size += 1
                        continue
                self.scalar(event)  # type: ignore[arg-type]  # kind is ScalarEvent
            elif kind is map_start or kind is seq_start:
                self.open(event, {} if kind is map_start else [])  # type: ignore[arg-type]  # a start
            elif kind is map_end or kind is seq_end:
                self.close(event)  # type: ignore[arg-type]  # kind is an end
            elif kind is alias:
                self.alias(event)  # type: ignore[arg-type]  # kind is AliasEvent
            elif kind is doc_start:
                self.documents += 1
                if self.documents > 1:
                    line, column = _position(event.start_mark)
                    raise _Stop(
                        Problem(
                            "SIP004",
                            "the file holds more than one YAML document; keep one plan per file",
                            "",
                            line,
                            column,
                        )
                    )

    # -- nodes ---------------------------------------------------------------------------

    def scalar(self, event: events.ScalarEvent) -> None:
        text, tag = event.value, event.tag
        position = _position(event.start_mark)
        if self.frames and self.frames[-1].is_map and self.frames[-1].key is None:
            self.set_key(text, position)
            return
        try:
            if tag is None:
                value = resolve_plain(text) if event.implicit[0] else text
            elif tag in SCALAR_TAGS:
                value, fits = tagged_scalar(tag, text)
                if not fits:
                    self.bad_tag(tag, position, f"'{text[:40]}' is not a valid {tag[len(CORE) :]}")
        except NumberTooLong as error:  # a limit, like nesting: the file is not read further
            raise _Stop(Problem("SIP004", str(error), "", *position)) from None
        if tag is not None and tag not in SCALAR_TAGS:
            value = text
            self.bad_tag(tag, position)
        if event.style and "#" in text:  # block or quoted (plain is ''), and a '#' in it: rare
            self.comment_line(event)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, position, 1)
        if self.ends:
            end = event.end_mark  # inline: this runs for every scalar in the file
            self.attach(value, position, (end.line + 1, end.column + 1))  # type: ignore[union-attr]
        else:
            self.attach(value, position)

    def open(self, event: events.CollectionStartEvent, container: dict | list) -> None:
        position = _position(event.start_mark)
        if len(self.frames) >= self.limits.max_depth:
            raise _Stop(Problem("SIP004", _TOO_DEEP.format(self.limits.max_depth), "", 1, 1))
        if self.frames and self.frames[-1].is_map and self.frames[-1].key is None:
            # A mapping or list used as a key: build it (for the limits) and drop it.
            parent = self.frames[-1]
            parent.key, parent.key_position, parent.discard = _UNUSABLE_KEY, position, True
            self.problems.append(
                Problem("SIP102", "a key must be plain text, not a list or mapping", parent.path, *position)
            )
            key_marks = Marks(position, is_list=isinstance(container, list))
            self.frames.append(_Frame(container, key_marks, parent.path, event.anchor))
            self.frames[-1].is_key = True
            return
        tag = event.tag
        if tag is not None and tag not in (CORE + "map", CORE + "seq", "!"):
            self.bad_tag(tag, position)
        marks = Marks(position, is_list=isinstance(container, list))
        path = self.slot_path()
        self.attach(container, marks)
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)
        self.frames.append(_Frame(container, marks, path, event.anchor))
        self.frames[-1].flow = bool(event.flow_style)

    def close(self, event: events.CollectionEndEvent) -> None:
        frame = self.frames.pop()
        if frame.is_key:
            return
        frame.marks.end = _position(event.end_mark) if frame.flow else frame.last_end
        if self.frames:
            self.frames[-1].last_end = frame.marks.end
        if frame.anchor is not None:
            self.open_anchors.discard(frame.anchor)
            self.anchors[frame.anchor] = (frame.container, frame.marks, frame.size)
        if self.frames:
            self.frames[-1].size += frame.size - 1  # attach() counted it as one node

    def alias(self, event: events.AliasEvent) -> None:
        position = _position(event.start_mark)
        self.aliases += 1
        if self.aliases > self.limits.max_aliases:
            raise _Stop(
                Problem(
                    "SIP004",
                    f"the file uses more than {self.limits.max_aliases} "
                    "aliases (*name); write the values out",
                    "",
                    1,
                    1,
                )
            )
        name = event.anchor
        if name in self.open_anchors:
            raise _Stop(
                Problem(
                    "SIP004",
                    f"the alias *{name} refers to a node that contains it (a recursive alias)",
                    "",
                    1,
                    1,
                )
            )
        if name not in self.anchors:
            # libyaml reports undefined aliases itself; kept for the pure-Python parser.
            raise _Stop(
                Problem("SIP001", f"the alias *{name} names no anchor (&{name}) above it", "", *position)
            )
        value, marks, size = self.anchors[name]
        self.alias_nodes += size
        if self.alias_nodes > self.limits.max_alias_nodes:
            raise _Stop(
                Problem(
                    "SIP004",
                    f"the aliases in this file expand to more than {self.limits.max_alias_nodes:,} nodes",
                    "",
                    1,
                    1,
                )
            )
        if self.frames and self.frames[-1].is_map and self.frames[-1].key is None:
            frame = self.frames[-1]
            if isinstance(value, str):
                self.set_key(value, position)
            else:
                frame.key, frame.key_position, frame.discard = _UNUSABLE_KEY, position, True
                self.problems.append(Problem("SIP102", "a key must be plain text", frame.path, *position))
            return
        self.attach(
            value,
            marks if isinstance(marks, Marks) else position,
            None if isinstance(marks, Marks) else _position(event.end_mark),
        )
        if self.frames:
            self.frames[-1].size += size - 1

    def comment_line(self, event: events.ScalarEvent) -> None:
        """Record the first line of a block scalar, or of a quoted one over several lines, that
        a reader takes for a comment: its first non-blank character is '#', or it holds ' # '
        or ' #[' (`... # INFERRED from`, `... # [SJ]`). It is text, and reports print it."""
        start, end = event.start_mark, event.end_mark
        if start is None or end is None:
            return
        block = event.style in ("|", ">")
        if not block and start.line == end.line:
            return  # a quoted scalar on one line: a '#' in it is plainly text
        if self.lines is None:
            self.lines = self.text.split("\n")
        # a block scalar's text starts on the line after its '|' (a comment there is a real
        # one) and ends before the line its end mark is at, unless the file ends on that line
        first = start.line + 1 if block else start.line
        last = end.line if (end.column or not block) else end.line - 1
        for number in range(first, min(last, len(self.lines) - 1) + 1):
            line = self.lines[number]
            begin = start.column + 1 if number == start.line else 0  # after the opening quote
            stop = end.column - 1 if not block and number == end.line else len(line)
            column = _comment_at(line, begin, stop)
            if column is not None:
                self.comment_lines.append((number + 1, column + 1, self.slot_path()))
                return

    # -- placing nodes -------------------------------------------------------------------

    def set_key(self, key: str, position: tuple[int, int]) -> None:
        frame = self.frames[-1]
        frame.key, frame.key_position = key, position
        if key in frame.container:
            frame.discard = True
            first_line = frame.marks.keys[key][0]
            self.problems.append(
                Problem(
                    "SIP002",
                    f"'{key}' appears twice in this mapping (first on line {first_line}); "
                    "the first value is kept",
                    join_path(frame.path, key),
                    *position,
                )
            )

    def attach(
        self, value: object, marks: Marks | tuple[int, int], end: tuple[int, int] | None = None
    ) -> None:
        """`end`: just past a scalar (a collection records its own end when it closes)."""
        if not self.frames:
            self.root, self.root_marks = value, marks if isinstance(marks, Marks) else None
            return
        frame = self.frames[-1]
        # Once per node, so no isinstance here: is_map says the container and its marks'
        # children are dicts (lists otherwise), and set_key() has placed the key's position.
        if frame.is_map:
            if not frame.discard:
                frame.container[frame.key] = value  # type: ignore[call-overload]  # a dict
                frame.marks.keys[frame.key] = frame.key_position  # type: ignore[assignment]  # set
                frame.marks.children[frame.key] = marks  # type: ignore[call-overload]  # a dict
                if end is not None:
                    frame.marks.ends[frame.key] = end
            frame.key, frame.key_position, frame.discard = None, None, False
        else:
            if end is not None:
                frame.marks.ends[len(frame.container)] = end
            frame.container.append(value)  # type: ignore[union-attr]  # a list
            frame.marks.children.append(marks)  # type: ignore[union-attr]  # a list
        if end is not None:
            frame.last_end = end
        frame.size += 1

    def slot_path(self) -> str:
        """The path of the node about to be attached to the innermost open collection."""
        if not self.frames:
            return ""
        frame = self.frames[-1]
        if frame.is_map:  # the key is read by now: text, or an unusable one
            return join_path(frame.path, frame.key) if isinstance(frame.key, str) else frame.path
        return join_path(frame.path, len(frame.container))

    def bad_tag(self, tag: str, position: tuple[int, int], detail: str = "") -> None:
        path = self.slot_path()
        shown = tag.replace(CORE, "!!")
        message = detail or f"the tag {shown} is not allowed in a plan; remove it"
        self.problems.append(Problem("SIP102", message, path, *position))
        self.tagged_paths.append(path)


def _comment_at(line: str, begin: int, stop: int) -> int | None:
    """Where, in line[begin:stop], a '#' starts what reads as a comment (0-based), if anywhere."""
    part = line[begin:stop]
    text = part.lstrip(" \t")
    if text.startswith("#"):
        return begin + len(part) - len(text)
    at = part.find(" #")
    while at != -1:
        after = part[at + 2 : at + 3]
        if after in (" ", "["):
            return begin + at + 1
        at = part.find(" #", at + 2)
    return None


# The first characters of a plain scalar that may be something other than text under the 1.2
# core schema (null, a boolean, a number; "" is the empty scalar): only those are resolved.
_NOT_TEXT_FIRST = frozenset(["", "~", "n", "N", "t", "T", "f", "F", ".", "+", "-", *"0123456789"])


class _UnusableKey:
    def __repr__(self) -> str:
        return "<unusable key>"


_UNUSABLE_KEY = _UnusableKey()


def load(raw: bytes, limits: Limits = Limits(), ends: bool = False) -> Loaded:
    """Parse one plan file's bytes. Never raises for bad input. `ends`: also record where each
    scalar ends (Marks.ends), for ranges in an editor; checking needs only where nodes start."""
    if len(raw) > limits.max_bytes:
        return _fail(
            "SIP004",
            f"the file is {len(raw):,} bytes, over the limit of {limits.max_bytes:,} (max-file-size)",
            1,
            1,
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return _fail("SIP001", "the file is not valid UTF-8 text; save it as UTF-8", line, column)
    if text.startswith("\ufeff"):
        text = text[1:]
    builder = _Builder(limits, ends, text)
    try:
        builder.run(_Parser(text))
    except _Stop as stop:
        return Loaded(problems=[stop.problem])
    except yaml.MarkedYAMLError as error:
        missing = tab_in_indentation(text, error) or missing_colon(text, error)
        if missing is not None:
            return _fail("SIP001", *missing)
        if "maximum nesting depth" in str(error.problem):  # libyaml's own guard, at 1,000 levels
            return _fail("SIP004", _TOO_DEEP.format(limits.max_depth), 1, 1)
        return _fail("SIP001", syntax_message(error), *_error_position(error))
    except yaml.YAMLError as error:  # a ReaderError: a character YAML does not allow
        position = getattr(error, "position", 0)
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        reason = getattr(error, "reason", "a character that YAML does not allow")
        return _fail(
            "SIP001",
            f"the file holds {reason.replace('are not allowed', '')}".strip() + " that YAML does not allow",
            line,
            column,
        )
    root = builder.root
    if root is None:
        return _fail(
            "SIP004",
            "the file is empty: a plan is a mapping that starts with 'sip: 1'",
            1,
            1,
            builder.problems,
        )
    if not isinstance(root, dict):
        shape = "a list" if isinstance(root, list) else "a single value"
        return _fail(
            "SIP004",
            f"the top of the file is {shape}, not a mapping; a plan is a mapping that starts with 'sip: 1'",
            1,
            1,
            builder.problems,
        )
    return Loaded(root, builder.root_marks, builder.problems, builder.tagged_paths, builder.comment_lines)


def _fail(code: str, message: str, line: int, column: int, earlier: list[Problem] | None = None) -> Loaded:
    return Loaded(problems=[*(earlier or []), Problem(code, message, "", line, column)])


def _error_position(error: yaml.MarkedYAMLError) -> tuple[int, int]:
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return 1, 1
    return _position(mark)
