"""Responsible Business Alliance: the corrective action plan (CAP) an audited facility files after a
Validated Assessment (VAP), its content and its deadlines.

The words are the RBA's own: its help centre's page on entering a CAP (current), and the CAP
sections of its VAP Operations Manual, read in copies: the January 2021 revision (7.0.0) for
containment, and an earlier revision, from when the RBA was the EICC, for the CAP's content and
deadlines. The current manual's deadlines were not found, so the deadline is a warning, not an error.
"""

from __future__ import annotations

from sip.frameworks.profile import FORMAT, PRIMARY, RULE, Profile, Requirement, Select, Source

HELP_CENTRE = Source(
    title="Managing Corrective Action Plans",
    publisher="Responsible Business Alliance (RBA help centre)",
    address="https://help.responsiblebusiness.org/en_US/faqs/how-to-enter-a-corrective-action-plan",
    kind=PRIMARY,
)
MANUAL_EICC = Source(
    title="Validated Audit Process Operations Manual, section 10: Auditee Corrective Action Plan (CAP) "
    "Management (an EICC revision, before the EICC became the RBA)",
    publisher="Electronic Industry Citizenship Coalition (now the Responsible Business Alliance)",
    address="https://docslib.org/doc/11704304/10-auditee-corrective-action-plan-cap-management",
    kind=PRIMARY,
    note="The manual's own text, read in a copy on a document-sharing site. It is an earlier revision "
    "(it names the EICC Code of Conduct); the deadlines of the current revision were not found.",
)
MANUAL_2021 = Source(
    title="RBA Validated Assessment Program (VAP) Operations Manual, Revision 7.0.0 (January 2021), "
    "Section D: Post Audit",
    publisher="Responsible Business Alliance",
    address="https://pdf4pro.com/view/rba-validated-assessment-program-vap-operations-7a7594.html",
    kind=PRIMARY,
    note="The manual's own text (marked RBA Public), read in a copy on a document-sharing site; also "
    "at https://www.readkong.com/page/vap-rba-validated-assessment-program-9929020",
)

REQUIREMENTS = (
    Requirement(
        id="RBA-CAP-FIELDS",
        section="CAP, required fields",
        title="a root cause and planned actions for each finding",
        quote="For each finding, you much complete the fields marked by a * (Auditee Contact Name and "
        "Email, the Plan Start Date, the Root Cause, and Planned Actions).",
        source=HELP_CENTRE,
        check=RULE,
        codes=("SIP302", "SIP301"),
        fields=("owner", "opened", "root_causes[].findings", "responses[].addresses"),
        evidence=(Select("root_causes"), Select("responses")),
        how="Every finding has a root cause (SIP302) and a response (SIP301), as every plan must; the "
        "contact is the owner, the start date is opened. (“you much” is the page's own typing.)",
    ),
    Requirement(
        id="RBA-CAP-PREVENTIVE",
        section="Operations Manual, 10: the CAP should detail",
        title="preventive action against recurrence",
        quote="Application of a preventive action to prevent recurrence of the problem or related issue",
        source=MANUAL_EICC,
        check=RULE,
        codes=("SIP303",),
        fields=("improvements[].addresses",),
        evidence=(Select("improvements"),),
        how="Every root cause is addressed by an improvement (SIP303), as every plan must.",
    ),
    Requirement(
        id="RBA-CAP-DATE",
        section="Operations Manual, 10: the CAP should detail",
        title="the date each action is expected to be completed",
        quote="The date the action is expected to be completed",
        source=MANUAL_EICC,
        check=FORMAT,
        fields=("responses[].due", "improvements[].due"),
        how="Every response and improvement has a due date.",
    ),
    Requirement(
        id="RBA-CAP-DEADLINE",
        section="Operations Manual, 10: Auditee Corrective Action Plan (CAP) Management",
        title="the CAP filed within 14 days, or 7 for a Priority finding",
        quote="It is the responsibility of the Auditee’s management to prepare a “Corrective Action "
        "Plan” (CAP) to the Audit Report within 14 days of the Auditee’s receipt of the Final "
        "Validated Audit Report (VAR). If Priority Nonconformances were found during the Audit, a "
        "CAP addressing those issues must be completed and submitted within 7 calendar days of the "
        "discovery and confirmation of the Priority Nonconformance.",
        source=MANUAL_EICC,
        check=RULE,
        codes=("SIP730",),
        fields=("submissions[].kind: corrective-action-plan", "sources[].date", "findings[].identified"),
        evidence=(Select("submissions", "kind", ("corrective-action-plan",)),),
        how="A submissions entry of kind corrective-action-plan dated no later than 7 days after a "
        "critical finding of a social audit was identified (the RBA's Priority findings are sip's "
        "critical ones), and no later than 14 days after the audit report's date for the others.",
    ),
    Requirement(
        id="RBA-CONTAINMENT",
        section="Operations Manual 7.0.0, Section D: Priority non-conformances",
        title="containment at once for a Priority finding",
        quote="Upon receiving notification of any Priority non-conformance(s) from the Audit Team, the "
        "Auditee reviews the non-conformances and initiates containment immediately.",
        source=MANUAL_2021,
        check=RULE,
        codes=("SIP401",),
        fields=("responses[].kind: protection",),
        evidence=(Select("responses", "kind", ("protection",)),),
        how="Containment is protection: a forced-labour finding (every critical one is, unless its "
        "determination says otherwise) has a response of kind protection (SIP401), as every plan must.",
    ),
)

PROFILE = Profile(
    name="rba",
    title="Responsible Business Alliance: the corrective action plan after a Validated Assessment",
    applies_to="A facility audited under the RBA's Validated Assessment Program (VAP), and the RBA "
    "members that are its customers: after the audit the facility files a corrective action plan "
    "for every finding, which the CAP manager approves, and a closure audit verifies.",
    severity_note="The content the CAP must have is what every plan must have already (SIP301, "
    "SIP302, SIP303, SIP401); the deadline (SIP730) is a warning, because the current manual's "
    "deadlines were not found and those quoted are from an earlier revision.",
    requirements=REQUIREMENTS,
    sources=(HELP_CENTRE, MANUAL_EICC, MANUAL_2021),
    not_found=(
        "The current (version 8) VAP Operations Manual's CAP deadlines and its list of Priority "
        "findings: the deadlines quoted are from an earlier revision.",
    ),
)
