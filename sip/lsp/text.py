"""An open document's text, and the conversion between sip's positions and the editor's.

sip's positions are 1-based lines and columns counted in characters; the protocol's are 0-based,
with columns in the units the client and server agreed on (UTF-16 by default), which differ
from characters only on lines holding characters beyond the Basic Multilingual Plane.
"""

from __future__ import annotations

import re

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from sip.read.positions import Position

_WORD = re.compile(r"[A-Za-z0-9_.\-]+")


class Text:
    def __init__(self, source: str, codec: PositionCodec | None = None) -> None:
        self.source = source
        self.lines = source.split("\n")
        self.codec = codec or PositionCodec()

    def line(self, number: int) -> str:
        """A 0-based line, without its line break; '' past the end."""
        if 0 <= number < len(self.lines):
            return self.lines[number].rstrip("\r")
        return ""

    def position(self, at: Position) -> types.Position:
        """sip's (line, column), 1-based in characters, as the client's position."""
        line, column = max(at[0] - 1, 0), max(at[1] - 1, 0)
        if line >= len(self.lines):
            return types.Position(line=len(self.lines), character=0)
        column = min(column, len(self.line(line)))
        return types.Position(line=line, character=self.codec.client_num_units(self.lines[line][:column]))

    def range(self, start: Position, end: Position) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def at(self, position: types.Position) -> tuple[int, int]:
        """The client's position as a 0-based line and a 0-based column in characters."""
        server = self.codec.position_from_client_units(
            self.lines, types.Position(line=position.line, character=position.character)
        )
        return server.line, server.character

    def word(self, position: types.Position) -> tuple[str, Position, Position] | None:
        """The id-like word under the cursor (F-3, SIP401, RC-1) and its 1-based extent."""
        line, column = self.at(position)
        text = self.line(line)
        for match in _WORD.finditer(text):
            if match.start() <= column <= match.end():
                return match[0], (line + 1, match.start() + 1), (line + 1, match.end() + 1)
        return None

    def token_end(self, at: Position) -> Position:
        """Where the run of non-blank characters at `at` ends (a syntax error's extent); the
        end of the line when `at` is on a blank."""
        line, column = at[0] - 1, at[1] - 1
        text = self.line(line)
        match = re.compile(r"\S+").match(text, column) if column < len(text) else None
        if match:
            return at[0], match.end() + 1
        return at[0], max(len(text), column) + 1
