"""Go to definition: from an id anywhere in the plan (a reference, a waiver's ids) to the item
that carries it."""

from __future__ import annotations

from lsprotocol import types

from sip.lsp.document import Snapshot
from sip.lsp.text import Text


def definition(snapshot: Snapshot, text: Text, uri: str, position: types.Position) -> types.Location | None:
    word = text.word(position)
    item = snapshot.item(word[0]) if word else None
    if item is None:
        return None
    return types.Location(uri=uri, range=text.range(item.start, item.end))
