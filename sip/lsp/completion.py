"""Completion: in a reference, the ids of the items of the kind it must name, with their titles,
less those the list already holds; in a waiver's `rule:`, the codes a waiver may silence."""

from __future__ import annotations

from lsprotocol import types

from sip.format.lists import NOUN
from sip.lsp.document import Snapshot
from sip.lsp.references import field_at, listed_ids, targets
from sip.lsp.text import Text
from sip.rules import BY_CODE, WAIVABLE_CODES

TRIGGERS = ["[", ",", " ", "-"]


def complete(snapshot: Snapshot, text: Text, position: types.Position) -> types.CompletionList:
    line, column = text.at(position)
    where = field_at(text, line, column)
    items: list[types.CompletionItem] = []
    if where == ("waivers", "rule"):
        items = [
            types.CompletionItem(
                label=code,
                kind=types.CompletionItemKind.EnumMember,
                detail=BY_CODE[code].SUMMARY,
                sort_text=code,
            )
            for code in sorted(WAIVABLE_CODES)
        ]
    elif where in targets():
        lists = targets()[where]
        offered = [item for item in snapshot.items if item.list_name in lists]
        seen = listed_ids(text, line, column)  # an id the list already holds is not offered again
        for rank, item in enumerate(offered):
            if item.id in seen:
                continue
            seen.add(item.id)
            items.append(
                types.CompletionItem(
                    label=item.id,
                    kind=types.CompletionItemKind.Reference,
                    detail=f"{NOUN[item.list_name]}: {item.title}" if item.title else NOUN[item.list_name],
                    documentation=item.title or None,
                    sort_text=f"{rank:05d}",
                )
            )
    return types.CompletionList(is_incomplete=False, items=items)
