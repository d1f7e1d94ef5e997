"""Warning: workers have no grievance channel they can safely use.

Forced labour is found late when workers cannot say so without being found out: a
complaint box in the HR office, signed, in a language the workers do not read, hears
nothing. The UN Guiding Principles (31) ask of a grievance mechanism that it be
accessible and trusted; the source, that "vulnerable workers are protected" and
"contingencies are in place to respond to issues where they happen". An active,
monitoring or closed plan with a forced-labour finding (determination `substantiated`
or `suspected`, written or derived) records in `grievance_channels` at least one channel
that is all of:

- anonymous (`anonymous: true`);
- not run by the site (`operated_by` other than `site`);
- in every language of `site.languages`, when the plan records them;
- open: `since` absent, or on or before the as-of date.

Several channels that are each anonymous, not run by the site and open may share the
languages between them (a union's hotline in Bengali and Hindi, a community association's
in Sinhala and Tamil): the plan passes when together they are in every language of
`site.languages`, since every worker can then reach one in a language they read.

Confidential channels count: they exist for the workers even when a public page leaves
them out. A plan with no `grievance_channels` at all is reported too, as SIP305 and SIP407
do for their lists.

New in format 1.2: a plan written before it gets this warning until it records the
channels its workers have.

Reported at `grievance_channels` when the list is there, else at the top of the plan
(path `grievance_channels`). The message says which condition each channel fails.

Fails:

    site:
      languages: [ne, my]
    grievance_channels:
      - id: GC-1
        name: Complaint box in the HR office
        operated_by: site
        anonymous: false
        languages: [en, ms]

Passes:

    grievance_channels:
      - id: GC-1
        name: Migrant worker helpline run by SP-1
        operated_by: worker-organisation
        anonymous: true
        languages: [ne, my, ms]
        since: 2026-08-20
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from sip.diagnostic import WARNING
from sip.format.languages import LANGUAGES
from sip.format.wording import label
from sip.rules.context import Context, Violation

if TYPE_CHECKING:
    import datetime as dt

    from sip.model import Plan
    from sip.model.plan import GrievanceChannel

CODE = "SIP411"
SEVERITY = WARNING
SUMMARY = "a plan with a forced-labour finding has no grievance channel workers can safely use"
_WANTED = (
    "a channel that is anonymous, not run by the site, in the workers' languages and open "
    "(a helpline run by a worker organisation or a third party)"
)


def check(plan: Plan, context: Context) -> Iterator[Violation]:
    if plan.status not in ("active", "monitoring", "closed"):
        return
    read = plan.site.languages
    failures = [_fails(channel, read, context.as_of) for channel in plan.grievance_channels]
    if any(not failed for failed in failures):
        return
    # Workers of different languages may each have their own safe channel (a union's hotline in
    # Bengali, a community association's in Sinhala): what counts is that every worker can reach
    # one, so the safe channels' languages together must cover the site's (sip's decision).
    safe = [c for c in plan.grievance_channels if _safe_but_for_language(c, context.as_of)]
    if safe and read and set(read) <= {code for c in safe for code in c.languages}:
        return
    forced = next((f for f in plan.findings if f.is_forced_labour), None)
    if forced is None:
        return
    start = f"the plan has forced-labour finding {label(forced, 'findings')} but"
    if not plan.grievance_channels:
        message = (
            f"{start} records no grievance_channels (new in format 1.2): record the "
            f"channels the workers have, and {_WANTED}"
        )
    else:
        reasons = "; ".join(
            f"{label(channel, 'grievance_channels')} {_join(failed)}"
            for channel, failed in zip(plan.grievance_channels, failures, strict=True)
        )
        if safe and read:
            shared = {code for c in safe for code in c.languages}
            missing = [code for code in read if code not in shared]
            reasons += (
                f"; together, the channels that are anonymous, open and not run by the site are "
                f"not in {_named(missing)}"
            )
        message = (
            f"{start} no grievance channel its workers can safely use (new in format 1.2): "
            f"{reasons}: add {_WANTED}"
        )
    present = "grievance_channels" in plan.model_fields_set
    yield Violation(("grievance_channels",), message, at=None if present else ())


def _fails(channel: GrievanceChannel, read: list[str] | None, as_of: dt.date) -> list[str]:
    """What keeps a worker from using the channel safely, in words; [] when nothing does."""
    failed = []
    if channel.operated_by == "site":
        failed.append("is run by the site")
    if not channel.anonymous:
        failed.append("is not anonymous")
    missing = [code for code in read or () if code not in channel.languages]
    if missing:
        failed.append(f"is not in {_named(missing)} (the workers read {_named(read or ())})")
    if channel.since is not None and channel.since > as_of:
        failed.append(f"opens only on {channel.since}")
    return failed


def _safe_but_for_language(channel: GrievanceChannel, as_of: dt.date) -> bool:
    return (
        channel.anonymous
        and channel.operated_by != "site"
        and (channel.since is None or channel.since <= as_of)
    )


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _named(codes: Iterable[str]) -> str:
    """Languages as a reader knows them: "Burmese (my), Nepali (ne)"."""
    return ", ".join(f"{LANGUAGES.get(code, code)} ({code})" for code in codes)
