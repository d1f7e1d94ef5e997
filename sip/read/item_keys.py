"""Where a diagnostic is, named so that the name survives edits elsewhere in the plan.

A diagnostic's path counts list items (`findings[3].severity`); insert a finding above
it and the path changes although the problem did not. Top-level items carry ids, so
`findings[F-4].severity` names the same node across revisions. SARIF fingerprints and
`sip diff` both match diagnostics by this key, never by line.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

_ITEM = re.compile(r"([a-z_]+)\[([0-9]+)\]")


def ids_for(data: object, paths: Iterable[str]) -> dict[str, str]:
    """The id of each top-level list item that one of the paths starts in:
    {'findings[3]': 'F-4'}. Items without a text id are left out."""
    if not isinstance(data, dict):
        return {}
    out: dict[str, str] = {}
    for path in paths:
        match = _ITEM.match(path)
        if match is None or match[0] in out:
            continue
        items = data.get(match[1])
        index = int(match[2])
        if isinstance(items, list) and index < len(items) and isinstance(items[index], dict):
            item_id = items[index].get("id")
            if isinstance(item_id, str):
                out[match[0]] = item_id
    return out


def stable_path(path: str, ids: dict[str, str]) -> str:
    """'findings[3].severity' -> 'findings[F-4].severity' when item 3's id is known."""
    match = _ITEM.match(path)
    if match is None or match[0] not in ids:
        return path
    return f"{match[1]}[{ids[match[0]]}]{path[match.end():]}"


def fingerprint(code: str, file: str, path: str) -> str:
    """A short stable hash of a diagnostic's identity: its code, its file and its stable path."""
    text = "\0".join((code, file, path))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
