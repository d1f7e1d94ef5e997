"""US Customs and Border Protection: the evidence that lifts a Withhold Release Order or a Finding
under section 307 of the Tariff Act of 1930 (19 U.S.C. 1307).

CBP's own words are those of its Forced Labor Division's fact sheet of August 2020, read in a copy
(the trade press quoted the same words as CBP's when it was published). CBP's later fact sheet
(March 2021) and its WRO and Finding Modifications Guide (June 2025) were found only in summaries by
others: what they add is advisory here, never an error or a warning, until their own text is quoted.
Guidance, not a regulation: an indicator left unaddressed keeps the goods out (an error); the
unannounced audit is evidence CBP names as helpful (a warning).
"""

from __future__ import annotations

from sip.frameworks.profile import (
    ADVISORY,
    FORMAT,
    LISTED,
    PRIMARY,
    RULE,
    SECONDARY,
    Profile,
    Requirement,
    Select,
    Source,
)

HINTS = Source(
    title="Forced Labor Enforcement: Helpful Hints for Submitting Proof of Admissibility and WRO "
    "Revocation/Modification Requests (fact sheet, August 2020)",
    publisher="US Customs and Border Protection, Office of Trade, Forced Labor Division",
    address="https://dokumen.tips/documents/forced-labor-division-forced-labor-enforcement-and-wro-revocationmodiication.html",
    kind=PRIMARY,
    note="CBP's own fact sheet, read in a copy on a document-sharing site: its address on cbp.gov "
    "was not retrieved. Trade Law Daily quoted the same words as CBP's on 7 August 2020: "
    "http://stage.tradelawdaily.com/article/2020/08/07/cbp-posts-guidance-on-submitting-proof-of-admissibility-for-goods-subject-to-wros-2008070018",
)
FACT_SHEET_2021 = Source(
    title="US CBP Issues a Fact Sheet on WRO Modification/Revocation Processes Overview (a summary of "
    "CBP's fact sheet of March 2021)",
    publisher="Global Compliance News (Baker McKenzie)",
    address="https://www.globalcompliancenews.com/2021/03/21/us-cbp-issues-a-fact-sheet-on-wro-modification-revocation-processes-overview-09032021/",
    kind=SECONDARY,
    note="International Trade Today quotes the same sentences as CBP's (8 March 2021): "
    "http://stage.internationaltradetoday.com/article/2021/03/08/cbp-provides-details-on-wro-modification-and-revocation-processes-2103050053",
)
GUIDE_2025 = Source(
    title="CBP Releases New Guide to Address Forced Labor Concerns (a summary of CBP's Withhold Release "
    "Order and Finding Modifications Guide, June 2025)",
    publisher="Homeland Security Today",
    address="https://www.hstoday.us/subject-matter-areas/border-security/cbp-releases-new-guide-to-address-forced-labor-concerns/",
    kind=SECONDARY,
)

REQUIREMENTS = (
    Requirement(
        id="CBP-INDICATORS",
        section="Helpful Hints",
        title="every indicator addressed",
        quote="Review the 11 ILO indicators of forced labor and provide documentation that speaks to "
        "how your company has addressed the indicators.",
        source=HINTS,
        check=RULE,
        codes=("SIP720",),
        fields=("findings[].indicators", "responses[].indicators"),
        evidence=(Select("responses", "indicators"),),
        how="Every ILO indicator of every forced-labour finding is named by a response (indicators) "
        "that addresses that finding and is not cancelled.",
    ),
    Requirement(
        id="CBP-AUDIT",
        section="Helpful Hints: examples of helpful documentation",
        title="recent unannounced third-party audits",
        quote="Copies of recent unannounced third party audits",
        source=HINTS,
        check=RULE,
        codes=("SIP721", "SIP720"),
        fields=(
            "responses[].verification.independent",
            "responses[].verification.announced",
            "responses[].verification.by",
        ),
        evidence=(Select("responses", "verification.announced", (False,)),),
        how="Every indicator of a forced-labour finding is named by a verified response whose "
        "verification names its verifier (by), was independent (independent: true) and unannounced "
        "(announced: false) "
        "(SIP721); an indicator no response names (SIP720) has no such audit either.",
    ),
    Requirement(
        id="CBP-POLICIES",
        section="Helpful Hints: examples of helpful documentation",
        title="policies and evidence of their implementation",
        quote="Copies of policies and evidence of their implementation",
        source=HINTS,
        check=LISTED,
        fields=("improvements[].element: policy", "improvements[].element: procedure"),
        evidence=(Select("improvements", "element", ("policy", "procedure")),),
        how="sip lists the plan's policy and procedure improvements; the policies themselves and "
        "the evidence of their implementation go with the petition.",
    ),
    Requirement(
        id="CBP-PLAN",
        section="Helpful Hints: examples of helpful documentation",
        title="remediation plans",
        quote="Copies of remediation plans",
        source=HINTS,
        check=FORMAT,
        how="The plan is the remediation plan; its dossier (sip render --dossier cbp) is the copy to send.",
    ),
    Requirement(
        id="CBP-MAP",
        section="Helpful Hints: examples of helpful documentation",
        title="supply chain maps",
        quote="Supply chain maps that specify locations of manufacturers, factories, farms, "
        "processing centers",
        source=HINTS,
        check=LISTED,
        fields=("site",),
        how="A plan covers one site: the map of the supply chain around it is kept beside the plan.",
    ),
    Requirement(
        id="CBP-ALL-REMEDIATED",
        section="WRO Modification/Revocation Processes Overview (March 2021)",
        title="all indicators remediated",
        quote="CBP will not modify or revoke unless all forced labor indicators are remediated.",
        source=FACT_SHEET_2021,
        check=ADVISORY,
        fields=("responses[].indicators", "responses[].status"),
        evidence=(Select("responses", "indicators"),),
        how="Advisory: read in a summary only. The dossier shows, for each indicator, whether the "
        "responses that remedy it are done.",
    ),
    Requirement(
        id="CBP-CORRECT-PREVENT",
        section="WRO and Finding Modifications Guide (June 2025)",
        title="identify, correct and prevent",
        quote="How to identify, correct, and prevent Forced Labor conditions in the production of "
        "goods for export to the U.S.",
        source=GUIDE_2025,
        check=ADVISORY,
        fields=("improvements", "grievance_channels", "worker_engagement"),
        evidence=(Select("improvements"), Select("grievance_channels")),
        how="Advisory: read in a summary only. Prevention is the plan's improvements; SIP411 and "
        "SIP407 ask for a grievance channel and for the workers' part in the plan.",
    ),
)

PROFILE = Profile(
    name="cbp",
    title="US Customs and Border Protection: evidence to modify a Withhold Release Order or Finding",
    applies_to="A foreign producer named in a Withhold Release Order or a Finding under 19 U.S.C. "
    "1307, and the importers of its goods. In CBP's words: “WROs/findings may be revoked or modified "
    "if evidence shows the subject merchandise was not made with forced labor, is no longer being "
    "produced with forced labor, or is no longer being, or likely to be, imported into the United "
    "States.” (Helpful Hints, August 2020)",
    severity_note="CBP's guidance, not a regulation: an indicator no response addresses keeps the "
    "goods out (an error); the unannounced independent audit is evidence CBP names as helpful (a "
    "warning); what was read only in others' summaries is advisory.",
    requirements=REQUIREMENTS,
    sources=(HINTS, FACT_SHEET_2021, GUIDE_2025),
    dossier=True,
    not_found=(
        "The text of CBP's March 2021 fact sheet and of its June 2025 WRO and Finding Modifications "
        "Guide on cbp.gov: only summaries by others were found, so what they add is advisory.",
    ),
)
