"""Mechanical fixes of a plan, written back with ruamel.yaml's round trip so comments stay.

Only fixes whose meaning is certain are made: a country or currency code in the wrong
case, a country written by name, a vocabulary word in the wrong case or spacing, a number
where an id or text belongs (quoted), and the format version. Anything else is left to the
author. A fix is certain only when it leaves no other reading: a number is not quoted as an
id while some reference to its list names no item (`id: 7` next to a response naming
`SP-7`: the author may have meant `SP-7`), nor quoted as a reference that would then name
no item. docs/fix.md lists every fix and why it is certain. A fix that would change any
line other than the ones it is about (ruamel re-indenting a file, say) is refused.
"""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass, field
from typing import Any

from sip.diagnostic import Problem
from sip.format.countries import COUNTRIES, country_code_for
from sip.format.currencies import ACCEPTED_CURRENCIES
from sip.format.vocab import vocabulary_word
from sip.read.loader import Limits, load
from sip.read.positions import parse_path
from sip.rules.sip003_format_version import check_version

_FIXABLE = frozenset(("sip_version_form", "sip_country", "sip_currency", "string_type", "literal_error"))


@dataclass(frozen=True)
class Fix:
    line: int
    path: str
    old: object
    new: object
    code: str

    def describe(self) -> str:
        if self.old is None:
            return f"added {self.path}: {self.new}"
        return f"{self.path}: {self.old!r} -> {self.new!r}"


@dataclass
class Outcome:
    text: str  # the fixed text (unchanged when nothing could be fixed)
    fixes: list[Fix]
    refused: str | None = None  # why fixes were found but not written
    # problems that look fixable but have another reading: (line, path, why left alone)
    left: list[tuple[int, str, str]] = field(default_factory=list)


def fix_text(text: str, limits: Limits | None = None) -> Outcome:
    loaded = load(text.encode("utf-8"), limits or Limits())
    if not loaded.ok:
        return Outcome(text, [])
    assert isinstance(loaded.data, dict) and loaded.marks is not None
    from sip.check.schema_errors import validate_capped

    problems = []
    version, _ = check_version(loaded.data, loaded.marks)
    if version is not None:
        problems.append(version)
    # the fixable problems among the first 1,000 (a flood of broken items is not fixed)
    problems += validate_capped({**loaded.data, "sip": 1}, loaded.marks, limit=1_000)[1]
    wanted: list[Fix] = []
    left: list[tuple[int, str, str]] = []
    for problem in problems:
        fix = _fix_for(problem, loaded.data)
        if fix is None:
            continue
        doubt = _doubt(fix, loaded.data)
        if doubt is None:
            wanted.append(fix)
        else:
            left.append((fix.line, fix.path, doubt))
    if not wanted:
        return Outcome(text, [], left=left)
    outcome = _apply(text, wanted)
    outcome.left = left
    return outcome


def _fix_for(problem: Problem, data: dict) -> Fix | None:
    kind, path = problem.kind, problem.path
    if kind == "sip_version_missing":
        return Fix(1, "sip", None, 1, problem.code)
    if kind not in _FIXABLE:
        return None
    value = _value_at(data, parse_path(path))
    new: object = None
    if kind == "sip_version_form":
        new = 1
    elif kind == "sip_country" and isinstance(value, str):
        new = value.upper() if value.upper() in COUNTRIES else country_code_for(value)
    elif kind == "sip_currency" and isinstance(value, str) and value.upper() in ACCEPTED_CURRENCIES:
        new = value.upper()
    elif kind == "string_type" and type(value) is int:
        new = str(value)
    elif kind == "literal_error" and isinstance(value, str):
        from sip.check.schema_errors import choices_at

        new = vocabulary_word(value, choices_at(parse_path(path)))
    if new is None or new == value:
        return None
    return Fix(problem.line, path, value, new, problem.code)


def _doubt(fix: Fix, data: dict) -> str | None:
    """Why quoting a number as an id or a reference might not be what the author meant, or
    None when it has a single reading (sip/check/number_ids.py)."""
    from sip.check.number_ids import is_number_id, names_nothing, unnamed_references
    from sip.format.lists import NOUN

    if not isinstance(fix.old, int) or isinstance(fix.old, bool):
        return None
    loc = parse_path(fix.path)
    if is_number_id(loc):
        unnamed = unnamed_references(data, str(loc[0]))
        if not unnamed:
            return None
        named = ", ".join(f"{item} names {ref}" for item, ref in unnamed[:3])
        return (
            f"{named}, which no {NOUN[str(loc[0])]} has: {fix.old} may be a mistyped id "
            "rather than an unquoted one; write the id by hand"
        )
    wanted = names_nothing(data, loc, fix.old)
    if wanted is not None:
        return f"quoted, {fix.old} would name no {wanted} in this plan; write the id by hand"
    return None


def _value_at(data: Any, loc: tuple[int | str, ...]) -> Any:
    """A node of ruamel's round-trip document (its CommentedMap and CommentedSeq carry no
    type hints), by key and position."""
    for step in loc:
        data = data[step]
    return data


class RoundTripError(ValueError):
    """ruamel.yaml cannot read a file that sip's own reader can (or the other way round)."""


def round_trip(text: str):
    """ruamel.yaml set to write the plan back as its author wrote it, and the loaded document
    (`sip fix` and `sip import`). Raises RoundTripError when ruamel cannot read it."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError, YAMLFutureWarning

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the author's long lines
    mapping, sequence, offset = _indentation(text)
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    try:
        # ruamel reads Unix line endings: with CR LF its scanner drops a blank line that follows
        # a flow collection (`tags: [a, b]`, then an empty line), and the guard then refused
        # every such Windows file. `dumped` gives the file its own endings back.
        return yaml, yaml.load(text.replace("\r\n", "\n"))
    except (YAMLError, YAMLFutureWarning, ValueError) as error:
        # sip's own reader is more lenient than ruamel's round trip (a tab inside a plain
        # value, say) or stricter (a duplicate key is SIP002): either way, not ours to rewrite
        problem, mark = getattr(error, "problem", None), getattr(error, "problem_mark", None)
        first = f"{problem}, line {mark.line + 1}" if problem and mark else type(error).__name__
        raise RoundTripError(first) from None


def dumped(yaml, document, text: str) -> str:
    """The document as text again, with the original's line endings and byte-order mark."""
    stream = io.StringIO()
    yaml.dump(document, stream)
    out = stream.getvalue()
    if "\r\n" in text:  # ruamel writes \n: give a Windows file its own line endings back
        out = out.replace("\r\n", "\n").replace("\n", "\r\n")
    return "\ufeff" + out if text.startswith("\ufeff") else out


def _apply(text: str, fixes: list[Fix]) -> Outcome:
    try:
        yaml, document = round_trip(text)
    except RoundTripError as error:
        return Outcome(
            text,
            fixes,
            refused=f"ruamel.yaml, which writes the fixes, cannot read this file ({error}); fix it by hand",
        )
    for fix in fixes:
        loc = parse_path(fix.path)
        if fix.old is None:
            document.insert(0, loc[-1], fix.new)
        else:
            _value_at(document, loc[:-1])[loc[-1]] = fix.new
    fixed = dumped(yaml, document, text)
    replaced, inserted = _changes(text, fixed)
    stray = replaced - {f.line for f in fixes}
    if inserted and not any(f.old is None for f in fixes):
        stray.add(1)
    if stray:
        return Outcome(
            text,
            fixes,
            refused=f"writing the fixes would also change line "
            f"{min(stray)}{_endings_hint(text)}; fix this file by hand",
        )
    return Outcome(fixed, fixes)


def _indentation(text: str) -> tuple[int, int, int]:
    """The file's own block-sequence style, so that ruamel writes lists as the author did:
    `key:\\n  - item` is sequence 4 offset 2; `key:\\n- item` is sequence 2 offset 0."""
    lines = text.splitlines()
    for previous, line in zip(lines, lines[1:], strict=False):
        stripped = line.lstrip(" ")
        if stripped.startswith("- ") and previous.rstrip().endswith(":"):
            key_indent = len(previous) - len(previous.lstrip(" "))
            offset = len(line) - len(stripped) - key_indent
            return 2, offset + 2, offset
    return 2, 4, 2


def _endings_hint(text: str) -> str:
    crlf = text.count("\r\n")
    if crlf and crlf != text.count("\n"):
        return " (the file mixes Windows and Unix line endings)"
    return ""


def _changes(before: str, after: str) -> tuple[set[int], bool]:
    """1-based numbers of the original lines replaced or deleted, and whether lines were added.
    Lines are compared with their endings, so a changed line ending is a changed line."""
    replaced: set[int] = set()
    inserted = False
    matcher = difflib.SequenceMatcher(a=before.splitlines(True), b=after.splitlines(True), autojunk=False)
    for tag, a_start, a_end, _, _ in matcher.get_opcodes():
        if tag == "insert":
            inserted = True
        elif tag != "equal":
            replaced.update(range(a_start + 1, a_end + 1))
    return replaced, inserted
