"""Plan text in a line of terminal or log output: data, never control.

A key or value of a plan may hold a line break, an escape sequence or a bidirectional
override. Printed raw, it could start a new line that GitHub Actions runs as a workflow
command (`::error ...`, `::add-mask::`), recolour or retitle a terminal, or reorder what a
reviewer reads. Each such character is shown as its escape (`\\n`, `\\x1b`, `\\u202e`).
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, line and paragraph separators, bidirectional embeddings,
# overrides and isolates.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NOT_BREAKS = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
SCREEN = 120  # characters of a source line shown in an excerpt


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def printable(text: str, keep_breaks: bool = False) -> str:
    """`text` on one line, with every control character written as its escape (but `\\n` and
    `\\r` with keep_breaks: for a format that encodes them itself)."""
    pattern = _NOT_BREAKS if keep_breaks else _CONTROL
    return pattern.sub(_escape, text) if pattern.search(text) else text


# What JSON may hold raw inside a string but a terminal or a reader acts on: DEL, C1
# controls (\x9b starts an escape sequence on many terminals), separators and bidi controls.
# json.dump escapes C0 controls itself.
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_text(text: str) -> str:
    """JSON text with every control character written as a JSON escape: the same data, safe to
    print (`sip status --format json | cat`)."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def window(line: str, column: int, width: int = SCREEN) -> tuple[str, int]:
    """A screenful of `line` around 1-based `column`, and the column in it: a 50 MB line is
    shown as `...` + 120 characters + `...`. Control characters become `?` (one column, so
    the caret stays under its character)."""
    start = 0
    if len(line) > width:
        start = max(0, min(column - 1 - width // 2, len(line) - width))
    shown = _CONTROL.sub("?", line[start : start + width])
    prefix = "..." if start > 0 else ""
    suffix = "..." if start + width < len(line) else ""
    return prefix + shown + suffix, column - start + len(prefix)
