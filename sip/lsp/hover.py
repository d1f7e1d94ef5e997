"""Hover: a rule's documentation on a diagnostic's node or on a rule code (a waiver's `rule:`),
and the item an id names."""

from __future__ import annotations

import inspect

from lsprotocol import types

from sip.format.lists import NOUN
from sip.format.project import rule_url
from sip.lsp.document import Analysis, Snapshot
from sip.lsp.text import Text
from sip.rules import BY_CODE


def hover(
    snapshot: Snapshot, analysis: Analysis | None, text: Text, position: types.Position
) -> types.Hover | None:
    parts: list[str] = []
    word = text.word(position)
    if word and word[0].upper() in BY_CODE:
        parts.append(rule_markdown(word[0].upper()))
    elif word and (item := snapshot.item(word[0])) is not None:
        title = f": {item.title}" if item.title else ""
        parts.append(f"**{item.id}**, {NOUN[item.list_name]} (line {item.start[0]}){title}")
    if analysis is not None:
        from sip.lsp.diagnostics import extent

        line, column = position.line, position.character
        for diagnostic in analysis.diagnostics:
            where = extent(diagnostic, analysis, text)
            if _inside((line, column), where) and diagnostic.code in BY_CODE:
                section = f"{diagnostic.message}\n\n{rule_markdown(diagnostic.code)}"
                if section not in parts:
                    parts.append(section)
    if not parts:
        return None
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts))
    )


def rule_markdown(code: str) -> str:
    """A rule's documentation as Markdown: its code, severity and summary, then its docstring
    (whose indented examples are code blocks in Markdown as they are), then the link."""
    rule = BY_CODE[code]
    title, _, body = (inspect.getdoc(rule) or "").partition("\n")
    return (
        f"**{code}** ({rule.SEVERITY}): {title.strip()}\n{body.rstrip()}\n\n"
        f"[{code} in docs/rules.md]({rule_url(code)})"
    )


def _inside(position: tuple[int, int], where: types.Range) -> bool:
    start, end = where.start, where.end
    return (start.line, start.character) <= position <= (end.line, end.character)
