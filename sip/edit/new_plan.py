"""A new plan to fill in: every section present, each field with a comment taken from the
models' own descriptions (no second copy), ids already linked, `status: draft`.

What an active plan with a forced-labour finding is asked for is already there in its shape
(issue 21): the workers' needs assessment, worker engagement, a remedy, an incident-response
improvement, one grievance channel and the site's languages (format 1.2, section 5). Text a
person must still write is `TODO`: a draft is checked for form only, and once the plan is active
the placeholder rule (format 1.1's SIP602) finds any that were forgotten. A number cannot be a
placeholder (0 would be read as a fact), so optional counts, amounts and fees are written as
comments to uncomment. The grievance channel claims nothing no one has checked: it is run by
the site and not anonymous until the plan says otherwise, so SIP411 asks until it does.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import typing

from pydantic import BaseModel

from sip.edit.new_start import TODO, Start
from sip.format.version import FORMAT_VERSION
from sip.model.actions import (
    Improvement,
    Money,
    Response,
    Unclaimed,
)
from sip.model.plan import (
    Fees,
    Finding,
    GrievanceChannel,
    NeedsAssessment,
    Owner,
    Plan,
    Risk,
    RiskSource,
    RootCause,
    ServiceProvider,
    Site,
    Source,
    WorkerEngagement,
)
from sip.resources import resource_dir

_COMMENT_COLUMN = 40
_PLAIN = re.compile(r"[A-Za-z0-9][^:#\"'\n\[\]{},&*!|>%@`]*\Z")
_YAML_WORDS = frozenset(("true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"))


def schema_url() -> str:
    """Where the published schema is: its own `$id`, so editors find it from any folder."""
    schema = resource_dir("schemas") / f"sip-plan-{FORMAT_VERSION}.schema.json"
    return json.loads(schema.read_text(encoding="utf-8"))["$id"]


def scalar(value: object) -> str:
    """A value as YAML 1.2 reads it back unchanged: plain where that is safe, else JSON quoted."""
    if isinstance(value, dt.date | int):
        return str(value)
    text = str(value)
    if (
        _PLAIN.match(text)
        and text == text.strip()
        and text.lower() not in _YAML_WORDS
        and not re.fullmatch(r"[0-9._:+-]+(e[0-9+-]+)?", text, re.IGNORECASE)
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def _info(model: type[BaseModel], name: str):
    """A field by the key a plan writes (`with`), not only by attribute (`with_`)."""
    fields = model.model_fields
    return fields.get(name) or next(f for f in fields.values() if f.alias == name)


def _choices(model: type[BaseModel], name: str) -> tuple[str, ...]:
    annotation = _info(model, name).annotation
    for _ in range(3):  # `X | None`, `list[X]`
        args = typing.get_args(annotation)
        if typing.get_origin(annotation) is typing.Literal:
            return tuple(args)
        annotation = next((a for a in args if a is not type(None)), None)
    return ()


def _describe(model: type[BaseModel], name: str, optional: bool = False) -> str:
    description = (_info(model, name).description or "").rstrip(".")
    if description[:2].istitle():  # "The site's name" reads on after the value; "ISO 3166" stays
        description = description[0].lower() + description[1:]
    choices = [str(c) for c in _choices(model, name)]
    if len(choices) > 1 and any(c not in description for c in choices):
        description += f": {' | '.join(choices)}"
    return ("optional: " if optional else "") + description


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def line(self, indent: int, text: str, comment: str = "") -> None:
        out = " " * indent + text
        if comment:
            out = out.ljust(_COMMENT_COLUMN - 1) + f" # {comment}"
        self.lines.append(out)

    def field(self, indent: int, model: type[BaseModel], name: str, value: object) -> None:
        self.line(indent, f"{name}: {scalar(value)}", _describe(model, name))

    def item(self, id: str, linked: str = "") -> None:
        self.line(
            2, f"- id: {id}", f"unique in the plan; {linked} name it" if linked else "unique in the plan"
        )

    def optional(self, indent: int, model: type[BaseModel], name: str, example: str) -> None:
        self.line(indent, f"# {name}: {example}", _describe(model, name, optional=True))

    def optional_mapping(
        self,
        indent: int,
        model: type[BaseModel],
        name: str,
        inner: type[BaseModel],
        examples: dict[str, object],
    ) -> None:
        """An optional mapping as comments to uncomment, each key with its own description."""
        self.line(indent, f"# {name}:", _describe(model, name, optional=True))
        for key, example in examples.items():
            required = _info(inner, key).is_required()
            self.line(indent, f"#   {key}: {scalar(example)}", _describe(inner, key, optional=not required))

    def section(self, name: str, empty: bool = False) -> None:
        self.lines.append("")
        self.line(0, f"{name}: []" if empty else f"{name}:", _describe(Plan, name))


def new_plan_text(start: Start) -> str:
    """The plan's YAML text; it validates clean as a draft (tests hold this for every start)."""
    w = _Writer()
    opened = start.opened
    w.lines += [
        f"# yaml-language-server: $schema={schema_url()}",
        "# A new plan: replace every TODO, then set status to active (sip validate says",
        "# what an active plan still lacks). Comments say what belongs where; uncomment",
        "# the optional lines that apply, with real figures.",
        "",
    ]
    w.field(0, Plan, "sip", FORMAT_VERSION)
    w.field(0, Plan, "id", start.id)
    w.field(0, Plan, "title", start.title)
    w.field(0, Plan, "status", "draft")
    w.field(0, Plan, "company", start.company)
    w.optional(0, Plan, "involvement", "contributed")
    _site(w, start)
    w.line(0, "owner:", _describe(Plan, "owner"))
    w.field(2, Owner, "role", start.owner_role)
    w.optional(2, Owner, "name", "A. Person")
    w.field(0, Plan, "opened", opened)
    w.optional(0, Plan, "next_review", str(opened + dt.timedelta(days=90)))

    w.section("sources")
    w.item("S-1", "findings[].source")
    w.field(4, Source, "kind", "social-audit")
    w.field(4, Source, "reference", TODO)
    w.field(4, Source, "date", opened)

    _finding(w, opened)

    w.section("service_providers")
    w.item("SP-1", "responses[].providers")
    w.field(4, ServiceProvider, "name", TODO)
    w.line(4, "kind: ngo", _describe(ServiceProvider, "kind"))
    w.field(4, ServiceProvider, "role", TODO)
    w.optional(4, ServiceProvider, "consulted", str(opened))

    w.section("worker_engagement")
    w.line(2, f"- date: {opened}", _describe(WorkerEngagement, "date"))
    w.field(4, WorkerEngagement, "with", "workers")
    w.field(4, WorkerEngagement, "method", TODO)
    w.field(4, WorkerEngagement, "summary", TODO)

    _grievance_channel(w, start)
    _responses(w, opened)

    w.section("root_causes")
    w.item("RC-1", "risks[].root_causes and improvements[].addresses")
    w.line(4, "findings: [F-1]", _describe(RootCause, "findings"))
    w.field(4, RootCause, "category", "practice")
    w.field(4, RootCause, "cause", TODO)

    w.section("risks")
    w.item("R-1", "improvements[].addresses")
    w.field(4, Risk, "risk", TODO)
    w.line(4, "source:", _describe(Risk, "source"))
    w.field(6, RiskSource, "kind", "business-process")
    w.field(6, RiskSource, "name", TODO)
    w.field(4, Risk, "likelihood", "medium")
    w.field(4, Risk, "impact", "high")
    w.line(4, "root_causes: [RC-1]", _describe(Risk, "root_causes"))

    w.section("improvements")
    w.item("MS-1")
    w.field(4, Improvement, "element", "policy")
    w.line(4, "addresses: [RC-1, R-1]", _describe(Improvement, "addresses"))
    w.field(4, Improvement, "action", TODO)
    w.field(4, Improvement, "owner", TODO)
    w.field(4, Improvement, "due", opened + dt.timedelta(days=90))
    w.field(4, Improvement, "status", "planned")
    w.optional(4, Improvement, "measure", TODO)
    # What SIP307 asks of a plan with a forced-labour finding: how the next case is handled.
    w.item("MS-2")
    w.field(4, Improvement, "element", "incident-response")
    w.line(4, "addresses: [R-1]", _describe(Improvement, "addresses"))
    w.field(4, Improvement, "action", TODO)
    w.field(4, Improvement, "owner", TODO)
    w.field(4, Improvement, "due", opened + dt.timedelta(days=60))
    w.field(4, Improvement, "status", "planned")

    w.section("reviews", empty=True)
    w.section("waivers", empty=True)
    return "\n".join(w.lines) + "\n"


def _site(w: _Writer, start: Start) -> None:
    w.line(0, "site:", _describe(Plan, "site"))
    w.field(2, Site, "name", start.site)
    w.line(
        2,
        f"country: {start.country}",
        ("TODO check: " if start.country_guessed else "") + _describe(Site, "country"),
    )
    if start.languages:
        w.line(2, f"languages: [{', '.join(start.languages)}]", _describe(Site, "languages"))
    else:  # not known yet: a code to write, which a TODO left in would make SIP102 name
        w.line(2, "# languages: [TODO]", "TODO: " + _describe(Site, "languages"))
    for name, example in (
        ("supplier_id", "SUP-001"),
        ("tier", "1"),
        ("workers", "0"),
        ("migrant_workers", "0"),
    ):
        w.optional(2, Site, name, example)


def _finding(w: _Writer, opened: dt.date) -> None:
    w.section("findings")
    w.item("F-1", "addresses and root_causes[].findings")
    w.field(4, Finding, "title", TODO)
    w.field(4, Finding, "severity", "major")
    w.line(4, "indicators: []", _describe(Finding, "indicators", optional=True))
    w.optional(4, Finding, "determination", "suspected")
    w.line(4, "worker_groups: []", _describe(Finding, "worker_groups", optional=True))
    w.optional(4, Finding, "workers_affected", "0")
    w.optional(4, Finding, "former_workers", "0")
    w.optional_mapping(4, Finding, "fees_documented", Fees, {"low": 0, "high": 0, "currency": "USD"})
    w.optional(4, Finding, "not_covered", TODO)
    w.field(4, Finding, "source", "S-1")
    w.field(4, Finding, "identified", opened)
    w.optional(4, Finding, "evidence", TODO)
    w.line(4, "needs_assessment:", _describe(Finding, "needs_assessment", optional=True))
    w.field(6, NeedsAssessment, "date", opened)
    w.line(6, "by: SP-1", _describe(NeedsAssessment, "by"))
    w.field(6, NeedsAssessment, "summary", TODO)


def _grievance_channel(w: _Writer, start: Start) -> None:
    w.section("grievance_channels")
    w.item("GC-1")
    w.field(4, GrievanceChannel, "name", TODO)
    # What no one has checked yet: SIP411 asks until the plan says who runs it and that it is
    # anonymous.
    w.field(4, GrievanceChannel, "operated_by", "site")
    w.line(4, "anonymous: false", _describe(GrievanceChannel, "anonymous"))
    languages = ", ".join(start.languages or ("en",))
    check = "" if start.languages else "TODO check: "
    w.line(4, f"languages: [{languages}]", check + _describe(GrievanceChannel, "languages"))
    w.optional(4, GrievanceChannel, "since", str(start.opened))


def _responses(w: _Writer, opened: dt.date) -> None:
    w.section("responses")
    w.item("A-1")
    w.field(4, Response, "kind", "protection")
    w.line(4, "addresses: [F-1]", _describe(Response, "addresses"))
    w.field(4, Response, "action", TODO)
    w.field(4, Response, "owner", TODO)
    w.field(4, Response, "due", opened + dt.timedelta(days=14))
    w.field(4, Response, "status", "planned")
    w.line(4, "providers: [SP-1]", _describe(Response, "providers", optional=True))
    w.field(4, Response, "contingency", TODO)
    w.item("A-2")
    w.field(4, Response, "kind", "remedy")
    w.field(4, Response, "remedy", "reimbursement")
    w.line(4, "addresses: [F-1]", _describe(Response, "addresses"))
    w.field(4, Response, "action", TODO)
    w.field(4, Response, "owner", TODO)
    w.field(4, Response, "due", opened + dt.timedelta(days=90))
    w.field(4, Response, "status", "planned")
    w.optional(4, Response, "workers_covered", "0")
    w.optional(4, Response, "former_workers", "0")
    w.optional_mapping(4, Response, "amount", Money, {"committed": 0, "currency": "USD"})
    w.optional(4, Response, "payer", "site")
    w.optional(4, Response, "extent", "full")
    w.optional_mapping(
        4,
        Response,
        "unclaimed",
        Unclaimed,
        {"held_by": "SP-1", "claim_until": opened + dt.timedelta(days=455), "then": TODO},
    )
    w.field(4, Response, "contingency", TODO)
