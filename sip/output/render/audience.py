"""What each audience of a report sees: the one place that decides what the public is not shown.

The public report is built from `public_plan`, a copy of the plan that holds only what the
fields declare public (sip/model/facts.py): every other field is None (or an empty list) before
the report is built, so a field added without being declared public cannot reach a public page.
In that copy, besides (format 1.1, section 9, as format 1.2 changed it, and docs/reports.md):
items marked confidential are left out and counted per section; every free text has gone
through the personal-data mask (the detector behind SIP601, keeping the configuration's public
identifiers); the names of parties that pay or recruit workers are None.
`sip/output/render/build.py` masks ids and file names as it shows them (`masking(...,
name=True)`), and the words of diagnostics are not published.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from pydantic import BaseModel

from sip.diagnostic import Diagnostic, readable
from sip.format.personal_data import Keep, keep, mask
from sip.model import Plan
from sip.model.fields import by_attribute
from sip.model.plan import Party
from sip.output.render import context as c

# Parties whose names the public does not see (format 1.1, section 9): naming the firm that
# pays workers or the agent who recruited them points at the workers.
UNNAMED_IN_PUBLIC = frozenset(("law-firm", "labour-agent", "recruitment-agency"))
# The lists whose items may be confidential, the noun a reader counts them by, and the section
# of the report that says how many it withholds.
CONFIDENTIAL_LISTS = {
    "sources": "source",
    "findings": "finding",
    "responses": "response",
    "root_causes": "root cause",
    "risks": "risk",
    "improvements": "improvement",
    "service_providers": "service provider",
    "parties": "organisation",
    "worker_engagement": "record of worker engagement",
    "grievance_channels": "grievance channel",
}
LEFT_OUT = (
    "Public version. Left out: evidence and where it is kept, source references, the "
    "owner's and reviewers' names and the owner's e-mail, the names of firms that pay or "
    "recruit workers, what workers said, items marked confidential, waivers and "
    "validation; anything that looks like a worker's personal data is masked."
)


def public_plan(plan: Plan, kept: Keep) -> tuple[Plan, set[str], c.Withheld]:
    """What the public may see of a plan, and nothing else; the ids of the confidential items
    left out, and per list how many they were."""
    shown, ids, withheld = without_confidential(plan)
    return _public(shown, masking(True, kept)), ids, withheld


_Model = TypeVar("_Model", bound=BaseModel)


def _public(model: _Model, text: Callable[[str], str]) -> _Model:
    """The model with each field that is not declared public emptied, and free text masked. (The
    copy is not validated again: a required field left out for the public is None here.)"""
    update: dict[str, object] = {}
    for attribute, field in by_attribute(type(model)).items():
        value = getattr(model, attribute)
        if value is None:
            continue
        if not field.facts.public:
            update[attribute] = [] if isinstance(value, list) else None
        elif isinstance(value, BaseModel):
            update[attribute] = _public(value, text)
        elif field.many and field.model is not None:
            update[attribute] = [_public(v, text) for v in value]
        elif field.text and isinstance(value, str):  # `unclaimed` is text or a mapping (1.2)
            update[attribute] = text(value)
    if isinstance(model, Party) and model.kind in UNNAMED_IN_PUBLIC:
        update["name"] = None
    return model.model_copy(update=update) if update else model


def _same(text: str) -> str:
    return text


def masking(public: bool, kept: Keep, name: bool = False) -> Callable[[str], str]:
    if not public:
        return _same
    return lambda text: mask(text, kept, name=name)


def shown_file(file: str, public: bool, public_identifiers: tuple[str, ...] = ()) -> str:
    """A file name or id as a page shows it (for the public: `worker-[redacted].yaml`)."""
    return masking(public, keep(public_identifiers), name=True)(readable(file))


def problems(diagnostics: Iterable[Diagnostic], public: bool) -> list[c.ProblemRow]:
    """What a page says of each diagnostic: nothing for the public, whose messages quote plan
    text (an owner's e-mail, an evidence value, an id) that the public must not see; the
    counts stay (Validation, Unrendered)."""
    if public:
        return []
    return [
        c.ProblemRow(d.line, d.column, d.code, d.severity, d.message, d.path, d.reason) for d in diagnostics
    ]


def _confidential(item: object) -> bool:
    return bool(getattr(item, "confidential", False))


def without_confidential(plan: Plan) -> tuple[Plan, set[str], c.Withheld]:
    """The plan without its confidential items, their ids, and per list how many they were."""
    update: dict[str, list] = {}
    ids: set[str] = set()
    said: dict[str, str | None] = {}
    for name, noun in CONFIDENTIAL_LISTS.items():
        items = getattr(plan, name)
        kept = [i for i in items if not _confidential(i)]
        count = len(items) - len(kept)
        said[name] = None
        if count:
            update[name] = kept
            ids |= {i.id for i in items if _confidential(i) and hasattr(i, "id")}
            said[name] = (
                f"1 confidential {noun} is not shown."
                if count == 1
                else f"{count} confidential {_plural_noun(noun)} are not shown."
            )
    shown = plan.model_copy(update=update) if update else plan
    return shown, ids, c.Withheld(**said)


def _plural_noun(noun: str) -> str:
    if noun.startswith("record of"):
        return "records of" + noun[len("record of") :]
    return noun + "s"
