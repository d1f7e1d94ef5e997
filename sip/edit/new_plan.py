"""A new plan to fill in: every section present, each field with a comment taken from the
models' own descriptions (no second copy), ids already linked, `status: draft`.

Text a person must still write is `TODO`: a draft is checked for form only, and once the
plan is active the placeholder rule (format 1.1's SIP602) finds any that were forgotten.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import typing
from dataclasses import dataclass

from pydantic import BaseModel

from sip.format.countries import COUNTRIES, country_code_for
from sip.format.dates import DateError, parse_date
from sip.format.version import FORMAT_VERSION
from sip.model.plan import (
    Finding,
    Improvement,
    Owner,
    Plan,
    Response,
    Risk,
    RiskSource,
    RootCause,
    ServiceProvider,
    Site,
    Source,
)
from sip.model.types import ID_PATTERN
from sip.resources import resource_dir

TODO = "TODO"
_COMMENT_COLUMN = 40
_PLAIN = re.compile(r"[A-Za-z0-9][^:#\"'\n\[\]{},&*!|>%@`]*\Z")
_YAML_WORDS = frozenset(("true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"))


@dataclass(frozen=True)
class Start:
    """What is known when a plan is started."""

    id: str
    title: str
    site: str
    country: str
    company: str
    owner_role: str
    opened: dt.date
    country_guessed: bool = False  # not given: the comment asks to check it


# What a start can be given (the command's options and prompts), with each one's default.
QUESTIONS = {
    "id": "Plan id",
    "title": "Title (the plan in one line)",
    "site": "Site (the facility, agent, farm or ship)",
    "country": "Country of the site (ISO code or name)",
    "company": "Company that owns the plan",
    "owner_role": "Accountable role",
    "opened": "Opened on (YYYY-MM-DD)",
}


def defaults(today: dt.date, environ: dict[str, str]) -> dict[str, str]:
    return {
        "id": f"SIP-{today.year}-001",
        "title": TODO,
        "site": TODO,
        "country": guessed_country(environ),
        "company": TODO,
        "owner_role": "Head of Responsible Sourcing",
        "opened": today.isoformat(),
    }


def guessed_country(environ: dict[str, str]) -> str:
    """The locale's territory (LANG=en_MY.UTF-8 gives MY), else GB; marked for checking."""
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        match = re.match(r"[a-z]{2,3}_([A-Z]{2})", environ.get(name, ""))
        if match and match.group(1) in COUNTRIES:
            return match.group(1)
    return "GB"


def read_value(name: str, text: str) -> str | dt.date:
    """One start value as a person typed it; ValueError says what is wrong with it."""
    text = text.strip()
    if not text:
        raise ValueError("it cannot be blank")
    if name == "id" and not re.match(ID_PATTERN, text):
        raise ValueError(f"{text!r} is not an id: a letter or digit, then letters, digits, '.', '_' or '-'")
    if name == "country":
        code = text.upper() if text.upper() in COUNTRIES else country_code_for(text)
        if code is None:
            raise ValueError(f"{text!r} is not a country: write its ISO 3166-1 code, e.g. MY")
        return code
    if name == "opened":
        try:
            return parse_date(text)
        except DateError:
            raise ValueError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None
    return text


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


def _choices(model: type[BaseModel], name: str) -> tuple[str, ...]:
    annotation = model.model_fields[name].annotation
    for _ in range(3):  # `X | None`, `list[X]`
        args = typing.get_args(annotation)
        if typing.get_origin(annotation) is typing.Literal:
            return tuple(args)
        annotation = next((a for a in args if a is not type(None)), None)
    return ()


def _describe(model: type[BaseModel], name: str, optional: bool = False) -> str:
    description = (model.model_fields[name].description or "").rstrip(".")
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
        "# what an active plan still lacks). Comments say what belongs where.",
        "",
    ]
    w.field(0, Plan, "sip", FORMAT_VERSION)
    w.field(0, Plan, "id", start.id)
    w.field(0, Plan, "title", start.title)
    w.field(0, Plan, "status", "draft")
    w.field(0, Plan, "company", start.company)
    w.optional(0, Plan, "involvement", "contributed")
    w.line(0, "site:", _describe(Plan, "site"))
    w.field(2, Site, "name", start.site)
    w.line(
        2,
        f"country: {start.country}",
        ("TODO check: " if start.country_guessed else "") + _describe(Site, "country"),
    )
    for name, example in (
        ("supplier_id", "SUP-001"),
        ("tier", "1"),
        ("workers", "0"),
        ("migrant_workers", "0"),
    ):
        w.optional(2, Site, name, example)
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

    w.section("findings")
    w.item("F-1", "addresses and root_causes[].findings")
    w.field(4, Finding, "title", TODO)
    w.field(4, Finding, "severity", "major")
    w.line(4, "indicators: []", _describe(Finding, "indicators", optional=True))
    w.line(4, "worker_groups: []", _describe(Finding, "worker_groups", optional=True))
    w.optional(4, Finding, "workers_affected", "0")
    w.field(4, Finding, "source", "S-1")
    w.field(4, Finding, "identified", opened)
    w.optional(4, Finding, "evidence", TODO)

    w.section("service_providers")
    w.item("SP-1", "responses[].providers")
    w.field(4, ServiceProvider, "name", TODO)
    w.line(4, "kind: ngo", _describe(ServiceProvider, "kind"))
    w.field(4, ServiceProvider, "role", TODO)
    w.optional(4, ServiceProvider, "consulted", str(opened))

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

    w.section("reviews", empty=True)
    w.section("waivers", empty=True)
    return "\n".join(w.lines) + "\n"
