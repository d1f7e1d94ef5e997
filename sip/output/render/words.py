"""The words of a plan report in one place: each section's anchor, heading and name in the
table of contents, and what the report says when a part is empty.

Both templates (HTML and Markdown) take them from the context (`report.sections`,
`report.contents`, `report.words`), so a heading or a sentence is changed once, and the
two formats cannot drift apart.
"""

from __future__ import annotations

from sip.output.figures import DUE_SOON_DAYS
from sip.output.render.context import Label, Section, Sections, Words

# The label a finding wears, by its determination (written or derived): a public page about a
# named site says "Forced labour" only where the plan establishes it (issue 19).
BADGES = {
    "substantiated": Label("forced-labour", "Forced labour"),
    "suspected": Label("suspected", "Forced labour suspected"),
    "indicators-only": Label("indicators", "Indicators of forced labour"),
    "not-substantiated": Label("not-found", "Forced labour not found"),
}

SECTIONS = Sections(
    summary=Section("summary", "In one minute", "Summary"),
    glance=Section("glance", "Progress at a glance", "At a glance"),
    findings=Section("findings", "Findings", "Findings"),
    root_causes=Section(
        "root-causes",
        "Root causes, the risks they lead to, and the improvements that address them",
        "Root causes",
    ),
    victims=Section("victims", "Protection of workers and remedy", "Protection and remedy"),
    engagement=Section("engagement", "How workers took part", "Worker engagement"),
    corrective=Section("corrective", "Corrective actions at the site", "Corrective actions"),
    risks=Section("risks", "Risk map", "Risk map"),
    improvements=Section("improvements", "Management systems improvement plan", "Improvement plan"),
    timeline=Section("timeline", "Timeline of actions", "Timeline"),
    reviews=Section("reviews", "Review log", "Reviews"),
    maintainers=Section("maintainers", "For the people who maintain the plan", "For maintainers"),
    waivers=Section("waivers", "Waivers", "Waivers"),
    validation=Section("validation", "Validation", "Validation"),
)

# What a reader of the report reads, in order; the maintainers' part comes after a clear break.
CONTENTS = (
    SECTIONS.summary,
    SECTIONS.glance,
    SECTIONS.findings,
    SECTIONS.root_causes,
    SECTIONS.victims,
    SECTIONS.engagement,
    SECTIONS.corrective,
    SECTIONS.risks,
    SECTIONS.improvements,
    SECTIONS.timeline,
    SECTIONS.reviews,
)
MAINTENANCE = (SECTIONS.waivers, SECTIONS.validation)

WORDS = Words(
    no_response="No response addresses this finding.",
    no_root_cause_for_finding="No root cause is recorded for this finding.",
    no_risk_for_cause="Leads to no risk in the risk map.",
    no_improvement_for_cause="No improvement addresses this root cause or its risks.",
    no_root_cause="No root cause is recorded.",
    no_protection="No response of kind protection.",
    no_remedy="No remedy is planned for the workers.",
    no_provider="No victim service provider is listed.",
    no_party="No other organisation is listed.",
    no_engagement="No record of how the workers or their representatives took part in the plan.",
    no_corrective="No corrective response.",
    no_risk="No risk is mapped.",
    none_mapped="None mapped.",
    no_improvement="No improvement is planned.",
    no_actions="No actions.",
    no_review="No review yet.",
    no_waiver="No rule is waived.",
    no_money="No remedy with an amount of money.",
    nothing_overdue="No action is overdue.",
    due_soon=f"Due in the next {DUE_SOON_DAYS} days",
    not_given="not given",
    no_effectiveness="Not yet shown to work: no effectiveness review is recorded.",
    not_verified_independently="not independent",
    confidential_item="a confidential item",
    maintainers_note="Waivers and the validation result are for the people who keep this plan "
    "up to date, not for its readers.",
    subtitle="Corrective action and systems improvement plan",
    sources_caption="How the problems surfaced",
    derived="not written in the plan: read from its severity and indicators",
    derived_short="read from severity and indicators",
    not_forced_labour="not about forced labour",
    no_assessment="no assessment recorded",
    voluntary_offered="Voluntary: offered to the workers who ask to go home.",
    voluntary_asked="Voluntary: the workers who went home asked to.",
    not_voluntary="Not marked voluntary.",
    not_in_plan="Not part of this plan",
    name_not_published="name not published",
    whole_plan="the whole plan",
    no_problems="sip validate found no problems",
    verifier_not_named="verifier not named",
    disputed="Disputed by the site",
    no_money_remedy="No money remedy addresses this finding.",
    coverage_not_recorded="coverage not recorded",
    payment_not_reported="payment not reported",
    not_reported="not reported",
    languages_not_recorded="The languages the site's workers read are not recorded.",
    came_back="the problem came back",
    found_again="Found again later",
)
