"""US Federal Acquisition Regulation 52.222-50, Combating Trafficking in Persons: the compliance plan
of paragraph (h).

The words are the clause's, as GSA publishes the FAR (Combating Trafficking in Persons, Nov 2021,
FAC 2022-01), read in GSA's own source files of the FAR. The clause binds the contractor: its
requirements are errors.
"""

from __future__ import annotations

from sip.frameworks.profile import PRIMARY, RULE, Profile, Requirement, Select, Source

CLAUSE = Source(
    title="FAR 52.222-50, Combating Trafficking in Persons (Nov 2021)",
    publisher="US General Services Administration (Acquisition.gov)",
    address="https://www.acquisition.gov/far/52.222-50",
    kind=PRIMARY,
    read_at="https://github.com/GSA/GSA-Acquisition-FAR/blob/master/dita/52.222-50.dita",
    note="GSA's own source files of the FAR, from which Acquisition.gov is published (revision FAC "
    "2022-01); the text of paragraph (h) is unchanged in later revisions sip knows of, but check the "
    "revision your contract incorporates.",
)

REQUIREMENTS = (
    Requirement(
        id="FAR-H3-I",
        section="52.222-50(h)(3)(i)",
        title="awareness program",
        quote="An awareness program to inform contractor employees about the Government’s policy "
        "prohibiting trafficking-related activities described in paragraph (b) of this clause, the "
        "activities prohibited, and the actions that will be taken against the employee for "
        "violations.",
        source=CLAUSE,
        check=RULE,
        codes=("SIP700",),
        fields=("improvements[].element: awareness",),
        evidence=(Select("improvements", "element", ("awareness",)),),
        how="An improvement of element awareness, not cancelled.",
    ),
    Requirement(
        id="FAR-H3-II",
        section="52.222-50(h)(3)(ii)",
        title="reporting process with the Global Human Trafficking Hotline",
        quote="A process for employees to report, without fear of retaliation, activity inconsistent "
        "with the policy prohibiting trafficking in persons, including a means to make available to "
        "all employees the hotline phone number of the Global Human Trafficking Hotline at "
        "1-844-888-FREE and its email address at help@befree.org.",
        source=CLAUSE,
        check=RULE,
        codes=("SIP701",),
        fields=("grievance_channels[].publishes_hotline",),
        evidence=(Select("grievance_channels", "publishes_hotline", (True,)),),
        how="A grievance channel, open on the as-of date, whose published information gives workers "
        "the hotline (publishes_hotline: true). Whether workers can use it without fear of "
        "retaliation is SIP411's (anonymous, not run by the site, in their languages).",
    ),
    Requirement(
        id="FAR-H3-III",
        section="52.222-50(h)(3)(iii)",
        title="recruitment and wage plan",
        quote="A recruitment and wage plan that only permits the use of recruitment companies with "
        "trained employees, prohibits charging recruitment fees to the employees or potential "
        "employees and ensures that wages meet applicable host-country legal requirements or "
        "explains any variance.",
        source=CLAUSE,
        check=RULE,
        codes=("SIP702",),
        fields=("improvements[].element: recruitment", "improvements[].element: wages"),
        evidence=(Select("improvements", "element", ("recruitment", "wages")),),
        how="An improvement of element recruitment and one of element wages, not cancelled.",
    ),
    Requirement(
        id="FAR-H3-IV",
        section="52.222-50(h)(3)(iv)",
        title="housing plan",
        quote="A housing plan, if the Contractor or subcontractor intends to provide or arrange "
        "housing, that ensures that the housing meets host-country housing and safety standards.",
        source=CLAUSE,
        check=RULE,
        codes=("SIP703",),
        fields=("site.housing_provided", "improvements[].element: housing"),
        evidence=(Select("site", "housing_provided"), Select("improvements", "element", ("housing",))),
        how="The plan says whether housing is provided or arranged (site.housing_provided); when it "
        "is, an improvement of element housing, not cancelled.",
    ),
    Requirement(
        id="FAR-H3-V",
        section="52.222-50(h)(3)(v)",
        title="procedures for agents and subcontractors",
        quote="Procedures to prevent agents and subcontractors at any tier and at any dollar value "
        "from engaging in trafficking in persons (including activities in paragraph (b) of this "
        "clause) and to monitor, detect, and terminate any agents, subcontracts, or subcontractor "
        "employees that have engaged in such activities.",
        source=CLAUSE,
        check=RULE,
        codes=("SIP704",),
        fields=("improvements[].element: supplier-contracts", "improvements[].element: monitoring"),
        evidence=(Select("improvements", "element", ("supplier-contracts", "monitoring")),),
        how="An improvement of element supplier-contracts (what binds agents and subcontractors) and "
        "one of element monitoring (how they are watched), not cancelled.",
    ),
    Requirement(
        id="FAR-H4",
        section="52.222-50(h)(4)(i)",
        title="posting",
        quote="The Contractor shall post the relevant contents of the compliance plan, no later than "
        "the initiation of contract performance, at the workplace (unless the work is to be performed "
        "in the field or not in a fixed location) and on the Contractor's Web site (if one is "
        "maintained). If posting at the workplace or on the Web site is impracticable, the Contractor "
        "shall provide the relevant contents of the compliance plan to each worker in writing.",
        source=CLAUSE,
        check=RULE,
        codes=("SIP705",),
        fields=("submissions[].kind: posting",),
        evidence=(Select("submissions", "kind", ("posting",)),),
        how="A submissions entry of kind posting, dated on or before the as-of date.",
    ),
    Requirement(
        id="FAR-H5",
        section="52.222-50(h)(5)",
        title="annual certification",
        quote="Annually after receiving an award, the Contractor shall submit a certification to the "
        "Contracting Officer that— (i) It has implemented a compliance plan to prevent any prohibited "
        "activities identified at paragraph (b) of this clause and to monitor, detect, and terminate "
        "any agent, subcontract or subcontractor employee engaging in prohibited activities; and (ii) "
        "After having conducted due diligence, either— (A) To the best of the Contractor's knowledge "
        "and belief, neither it nor any of its agents, subcontractors, or their agents is engaged in "
        "any such activities; or (B) If abuses relating to any of the prohibited activities "
        "identified in paragraph (b) of this clause have been found, the Contractor or subcontractor "
        "has taken the appropriate remedial and referral actions.",
        source=CLAUSE,
        check=RULE,
        codes=("SIP706",),
        fields=("submissions[].kind: certification",),
        evidence=(Select("submissions", "kind", ("certification",)),),
        how="A submissions entry of kind certification dated within the 365 days before the as-of "
        "date, in an active or monitoring plan.",
    ),
)

PROFILE = Profile(
    name="far",
    title="US Federal Acquisition Regulation 52.222-50, Combating Trafficking in Persons: the "
    "compliance plan",
    applies_to="Paragraph (h) applies to any portion of a US federal contract (or subcontract) for "
    "supplies, other than commercially available off-the-shelf items, acquired outside the United "
    "States, or services to be performed outside the United States, whose estimated value exceeds "
    "the clause's threshold (USD 550,000 in FAC 2022-01). The contractor keeps a compliance plan "
    "with at least the five elements of (h)(3), posts it (h)(4) and certifies it every year (h)(5).",
    severity_note="The clause binds the contractor: each of its requirements is an error.",
    requirements=REQUIREMENTS,
    sources=(CLAUSE,),
)
