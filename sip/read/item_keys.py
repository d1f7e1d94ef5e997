"""Where a diagnostic is, named so that the name survives edits elsewhere in the plan.

A diagnostic's path counts list items (`findings[3].severity`); insert a finding above
it and the path changes although the problem did not. Top-level items carry ids, so
`findings[F-4].severity` names the same node across revisions. SARIF fingerprints and
`sip diff` both match diagnostics by this key, never by line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sip.read.positions import format_path, top_item


def ids_for(data: object, paths: Iterable[str]) -> dict[str, str]:
    """The id of each top-level list item that one of the paths starts in:
    {'findings[3]': 'F-4'}. Items without a text id are left out."""
    if not isinstance(data, dict):
        return {}
    out: dict[str, str] = {}
    for path in paths:
        item = top_item(path)
        if item is None:
            continue
        list_name, index, _ = item
        key = format_path((list_name, index))
        if key in out:
            continue
        items = data.get(list_name)
        if isinstance(items, list) and index < len(items) and isinstance(items[index], dict):
            item_id = items[index].get("id")
            if isinstance(item_id, str):
                out[key] = item_id
    return out


def stable_path(path: str, ids: dict[str, str]) -> str:
    """'findings[3].severity' -> 'findings[F-4].severity' when item 3's id is known."""
    item = top_item(path)
    if item is None:
        return path
    list_name, index, rest = item
    item_id = ids.get(format_path((list_name, index)))
    return path if item_id is None else f"{list_name}[{item_id}]{rest}"


def fingerprint(code: str, file: str, path: str) -> str:
    """A short stable hash of a diagnostic's identity: its code, its file and its stable path."""
    text = "\0".join((code, file, path))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
