"""One change a reviewer reads in `sip diff`, and the words every change shares."""

from __future__ import annotations

from dataclasses import dataclass

ADDED, REMOVED, CHANGED = "+", "-", "~"
WITHOUT_REVIEW = "no review logged in this change"


@dataclass(frozen=True)
class Change:
    kind: str  # e.g. "finding-added", "status-backward", "due-later", "diagnostic-appeared"
    sign: str  # ADDED, REMOVED or CHANGED
    text: str  # what a reviewer reads
    item: str = ""  # the item's id, "" for the plan itself
    refused: str = ""  # why --check refuses it; "" when it may be accepted

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"kind": self.kind, "item": self.item, "text": self.text}
        if self.refused:
            out["refused"] = self.refused
        return out


def unless_reviewed(reviewed: bool, what: str) -> str:
    """The reason --check refuses a change that a review logged in the same change explains."""
    return "" if reviewed else f"{what} with {WITHOUT_REVIEW}"


def shown(value: object) -> str:
    return "(none)" if value is None else str(value)


def short(value: object, limit: int = 70) -> str:
    text = " ".join(str(value).split()) if value is not None else "(none)"
    return text if len(text) <= limit else text[: limit - 3] + "..."
