"""The evidence dossier (`sip render --dossier cbp`): what a plan offers an authority, ILO indicator
by indicator, built to be sent.

It is built from the public plan (audience.public_plan), as the public report is: only the fields
declared public, free text masked, confidential items left out (and counted), the names of firms
that pay or recruit workers left out, no evidence locations, no rule messages. Which indicator
each response remedies, and what keeps a verification from being the unannounced, independent one
CBP asks for, are read by the rules' own helpers (SIP720, SIP721), so that the dossier and
`sip validate` agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sip.diagnostic import Diagnostic
from sip.format import vocab
from sip.format.countries import COUNTRIES
from sip.format.personal_data import keep
from sip.model import Plan
from sip.model import actions as acts
from sip.model import plan as model
from sip.output.figures import MoneyTotal, money_of, progress
from sip.output.render import context as c
from sip.output.render.audience import LEFT_OUT, masking, public_plan
from sip.output.render.brief import Summary
from sip.output.render.framework_views import CrosswalkView, crosswalk_view
from sip.output.render.shown import money_line

# How far an indicator's remedy has come, in the order a reader worries about them: its least
# advanced remedy decides (a label's value is its CSS class; two texts say "not every remedy").
NOT_ADDRESSED = c.Label("not-addressed", "Not addressed: no response says it remedies this indicator")
OPEN = c.Label("open", "Addressed, not yet verified")
VERIFIED = c.Label("verified", "Verified, but not by an unannounced, independent verifier")
VERIFIED_SOME_PROVEN = c.Label(
    "verified", "Verified, but not every remedy by an unannounced, independent verifier"
)
PARTLY_VERIFIED = c.Label("open", "Addressed, partly verified: a remedy is not verified yet")
PROVEN = c.Label("proven", "Remedied, verified unannounced by an independent verifier")


@dataclass(frozen=True, slots=True)
class Verifier:
    date: dt.date
    by: str | None  # the verifier's id; None when not named
    name: str | None  # its name; None when not named, or not published (a law firm, an agent)
    kind: c.Label | None
    independent: bool | None
    announced: bool | None
    workers_interviewed: int | None
    method: str


@dataclass(frozen=True, slots=True)
class Remedy:
    """One response that says it remedies the indicator."""

    id: str
    kind: c.Label
    remedy: c.Label | None
    action: str
    status: c.Label
    due: dt.date
    completed: dt.date | None
    addresses: list[str]  # the findings it answers (ids)
    verification: Verifier | None
    money: c.MoneyLine | None  # a money remedy's amount committed and paid
    workers_covered: int | None
    workers_reached: int | None
    lacks: list[str]  # what keeps it from being the unannounced, independent verification; [] none


@dataclass(frozen=True, slots=True)
class Shown:
    """A finding that shows the indicator."""

    id: str
    title: str
    severity: c.Label
    determination: c.Label | None
    identified: dt.date
    workers_affected: int | None


@dataclass(frozen=True, slots=True)
class IndicatorEvidence:
    indicator: c.Label
    status: c.Label  # NOT_ADDRESSED, OPEN, VERIFIED or PROVEN (value for CSS)
    findings: list[Shown]
    remedies: list[Remedy]
    gaps: list[str]  # what is still open for this indicator, in words, naming ids


@dataclass(frozen=True, slots=True)
class Dossier:
    """The context of dossier.html.j2 and dossier.md.j2, as `dossier`."""

    framework: str
    framework_title: str
    as_of: dt.date
    index_link: str | None
    plan_id: str
    title: str
    company: str
    site_name: str
    country_name: str
    status: c.Label
    left_out: str  # what a dossier, built for sending, leaves out
    withheld: list[str]  # "1 confidential response is not shown.", per list
    indicators: list[IndicatorEvidence]  # each indicator of a forced-labour finding, in the ILO's order
    money: list[c.MoneyLine]  # money remedies to forced-labour findings, per currency, cancelled left out
    money_remedies: list[str]  # their ids, whether they record an amount or not
    coverage: str | None  # whom they cover and have reached: the report's summary sentence
    crosswalk: CrosswalkView  # the framework's requirements, without the rules' words


def dossier(
    plan: Plan,
    diagnostics: list[Diagnostic],
    framework: str,
    *,
    as_of: dt.date,
    index_link: str | None = None,
    public_identifiers: tuple[str, ...] = (),
    ran: Callable[[str], bool] = lambda code: True,
) -> Dossier:
    """`ran(code)`: whether a rule was checked on the plan (sip/check/file.py's rule_runs)."""
    from sip.frameworks import PROFILES
    from sip.frameworks.crosswalk import crosswalk
    from sip.rules.index import index_plan
    from sip.rules.sip720_cbp_indicator_not_addressed import remedies
    from sip.rules.sip721_cbp_no_unannounced_audit import lacks

    kept = keep(public_identifiers)
    shown, _, withheld = public_plan(plan, kept)
    name = masking(True, kept, name=True)
    index = index_plan(shown)
    named: dict[str, model.Party | model.ServiceProvider] = {p.id: p for p in shown.parties}
    named.update({p.id: p for p in shown.service_providers})

    def verifier(v: acts.Verification) -> Verifier:
        who = named.get(v.by) if v.by else None
        kind = None
        if isinstance(who, model.Party):
            kind = c.Label(who.kind, vocab.PARTY_KIND[who.kind])
        elif isinstance(who, model.ServiceProvider):
            kind = c.Label(who.kind, vocab.PROVIDER_KIND[who.kind])
        return Verifier(
            v.date,
            name(v.by) if v.by else None,
            who.name if who is not None else None,
            kind,
            v.independent,
            v.announced,
            v.workers_interviewed,
            v.method,
        )

    def remedy(r: acts.Response) -> Remedy:
        # what is paid as the reports say it: "not reported" where the plan records no payment
        money = None if r.amount is None else money_line(r.amount.currency, money_of(r))
        return Remedy(
            name(r.id),
            c.Label(r.kind, vocab.RESPONSE_KIND[r.kind]),
            c.Label(r.remedy, vocab.REMEDY[r.remedy]) if r.remedy else None,
            r.action,
            c.Label(r.status, vocab.ACTION_STATUS[r.status]),
            r.due,
            r.completed,
            [name(f) for f in r.addresses],
            None if r.verification is None else verifier(r.verification),
            money,
            r.workers_covered,
            r.workers_reached,
            lacks(r),
        )

    by_indicator: dict[str, tuple[list[int], list[acts.Response]]] = {}
    for position, _, indicator, responses in remedies(shown, index):
        findings, found = by_indicator.setdefault(indicator, ([], []))
        findings.append(position)
        found += [r for r in responses if r not in found]
    indicators = []
    for indicator in vocab.INDICATOR:
        if indicator not in by_indicator:
            continue
        positions, responses = by_indicator[indicator]
        made = [remedy(r) for r in responses]
        indicators.append(
            IndicatorEvidence(
                c.Label(indicator, vocab.INDICATOR[indicator]),
                _status(made),
                [_shown(shown.findings[p], name) for p in positions],
                made,
                _gaps(made),
            )
        )

    money: dict[str, MoneyTotal] = {}
    money_remedies: list[str] = []
    forced = {f.id for f in shown.findings if f.is_forced_labour}
    for _, r in index.responses:
        if r.remedy not in vocab.MONEY_REMEDIES or not forced & set(r.addresses):
            continue
        money_remedies.append(name(r.id))
        if r.amount is not None:
            money[r.amount.currency] = money.get(r.amount.currency, MoneyTotal()) + money_of(r)
    profile = PROFILES[framework]
    walked = crosswalk(shown, diagnostics, profile, file="", as_of=as_of, ran=ran)
    return Dossier(
        framework=profile.name,
        framework_title=profile.title,
        as_of=as_of,
        index_link=index_link,
        plan_id=name(shown.id),
        title=shown.title,
        company=shown.company,
        site_name=shown.site.name,
        country_name=COUNTRIES[shown.site.country],
        status=c.Label(shown.status, vocab.PLAN_STATUS[shown.status]),
        left_out=LEFT_OUT,
        withheld=[said for said in (getattr(withheld, f) for f in withheld.__slots__) if said],
        indicators=indicators,
        money=[money_line(currency, total) for currency, total in sorted(money.items())],
        money_remedies=money_remedies,
        # the summary's own sentence: per finding, against the workers affected, counted per type
        # of remedy (a sum over remedies counts the same workers twice), what is not recorded said
        coverage=Summary(shown, progress(shown, as_of), name, True, lambda plan, item: item).coverage(),
        crosswalk=crosswalk_view(walked, public=True, in_report=True, shown_id=name),
    )


def _shown(f: model.Finding, name: Callable[[str], str]) -> Shown:
    found = f.determined
    return Shown(
        name(f.id),
        f.title,
        c.Label(f.severity, vocab.SEVERITY[f.severity]),
        c.Label(found, vocab.DETERMINATION[found]) if found else None,
        f.identified,
        f.workers_affected,
    )


def _status(made: list[Remedy]) -> c.Label:
    """Where an indicator stands is where its least advanced remedy stands: one repayment verified
    does not remedy debt bondage while the former workers' fund is still being paid out."""
    if not made:
        return NOT_ADDRESSED
    proven = [r for r in made if not r.lacks]
    if len(proven) == len(made):
        return PROVEN
    verified = [r for r in made if r.status.value == "verified"]
    if len(verified) == len(made):
        return VERIFIED if not proven else VERIFIED_SOME_PROVEN
    return OPEN if not verified else PARTLY_VERIFIED


def _gaps(made: list[Remedy]) -> list[str]:
    if not made:
        return ["No response says it remedies this indicator."]
    return [f"{r.id} {' and '.join(r.lacks)}." for r in made if r.lacks]
