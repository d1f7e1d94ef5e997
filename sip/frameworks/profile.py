"""What a framework profile is: requirements in the framework's own words, each with its source, and
what in a plan satisfies it.

A profile (sip/frameworks/far.py, lksg.py, cbp.py, rba.py) is data: it quotes the framework, says
where the words were read, and names how sip reads each requirement:

- RULE: a rule checks it; `codes` are the rules (a framework's own SIP7xx, or a rule every plan
  gets, such as SIP302) whose diagnostics say it is not met.
- FORMAT: every plan that reads meets it (every action has a due date, so a plan has a timetable).
- LISTED: sip lists what the plan offers for it and does not judge it (a supply-chain map lives
  beside the plan; when a termination is called for is a judgement sip leaves to people).
- ADVISORY: only a secondary summary of the framework was found: the crosswalk shows it as a note,
  never an error or a warning, until its primary text is found and quoted.

A requirement may be checked only from the framework's own words (a `primary` source); a test
holds this (tests/test_frameworks.py).
"""

from __future__ import annotations

from dataclasses import dataclass

RULE = "rule"
FORMAT = "format"
LISTED = "listed"
ADVISORY = "advisory"
CHECKS = (RULE, FORMAT, LISTED, ADVISORY)

PRIMARY = "primary"  # the framework's own words
SECONDARY = "secondary"  # someone else's summary of them


@dataclass(frozen=True)
class Source:
    title: str  # the document, as its publisher names it
    publisher: str
    address: str  # where the document is published
    kind: str  # PRIMARY or SECONDARY
    # Where sip read the words when that is not `address` (a copy of the framework's own text: a
    # mirror of the law, the publisher's source files, a document-sharing site), and why to trust it.
    read_at: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind not in (PRIMARY, SECONDARY):
            raise ValueError(f"{self.title}: a source is primary or secondary, not {self.kind!r}")


@dataclass(frozen=True)
class Select:
    """The items of a plan list that show a requirement is met, as the crosswalk lists them: those of
    `list` whose `field` (dotted inside the item: `verification.announced`) holds one of `values`;
    any true or non-empty value when `values` is empty. A cancelled action shows nothing. `list`
    may name a mapping of the plan (`site`): then its `field` is shown when it is set."""

    list: str
    field: str = ""
    values: tuple[object, ...] = ()


@dataclass(frozen=True)
class Requirement:
    id: str  # FAR-H3-I: stable, in the crosswalk's JSON
    section: str  # where in the framework: "52.222-50(h)(3)(i)", "§ 7 Abs. 1"
    title: str  # a few words: "awareness program"
    quote: str  # the framework's own words, verbatim from `source`
    source: Source
    check: str  # one of CHECKS
    codes: tuple[str, ...] = ()  # RULE: the rules that check it
    fields: tuple[str, ...] = ()  # the plan fields that meet it (dotted paths, `[]` for list items)
    evidence: tuple[Select, ...] = ()  # what the crosswalk lists for it
    how: str = ""  # how sip reads it, in a sentence
    # an English translation of a quote in another language, and whose it is
    translation: str = ""
    translated_by: str = ""

    def __post_init__(self) -> None:
        if self.check not in CHECKS:
            raise ValueError(f"{self.id}: check {self.check!r} is not one of {CHECKS}")
        if (self.check == RULE) != bool(self.codes):
            raise ValueError(f"{self.id}: a requirement has codes exactly when a rule checks it")
        if bool(self.translation) != bool(self.translated_by):
            raise ValueError(f"{self.id}: a translation says whose it is")


@dataclass(frozen=True)
class Profile:
    name: str  # as a plan names it: `frameworks: [far]`
    title: str
    applies_to: str  # when the framework applies, in a sentence or two
    severity_note: str  # why its rules are errors or warnings
    requirements: tuple[Requirement, ...]
    sources: tuple[Source, ...]  # every source its requirements quote, in the order docs list them
    dossier: bool = False  # `sip render --dossier NAME` makes the evidence dossier for it
    not_found: tuple[str, ...] = ()  # what was looked for and not found, said in the docs

    def requirement(self, requirement_id: str) -> Requirement:
        return next(r for r in self.requirements if r.id == requirement_id)

    @property
    def codes(self) -> tuple[str, ...]:
        """The rules that check this profile's requirements, in code order, each once."""
        return tuple(sorted({c for r in self.requirements for c in r.codes}))
