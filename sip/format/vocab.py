"""The format's vocabularies, each value with the words a report shows for it.

The models build their `Literal` types from these dicts, so a value added here is
accepted, exported to the JSON Schema and shown in reports at once.
"""

from __future__ import annotations

PLAN_STATUS = {
    "draft": "Draft",
    "active": "Active",
    "monitoring": "Monitoring (all actions done, effectiveness being watched)",
    "closed": "Closed",
}

INVOLVEMENT = {
    "caused": "Caused",
    "contributed": "Contributed to",
    "directly-linked": "Directly linked",
}

SOURCE_KIND = {
    "social-audit": "Social audit",
    "worker-interview": "Worker interview",
    "worker-grievance": "Worker grievance",
    "ngo-report": "NGO report",
    "media": "Media",
    "self-assessment": "Self-assessment",
    "government": "Government",
    "other": "Other",
}

SEVERITY = {
    "critical": "Critical (zero tolerance)",
    "major": "Major",
    "minor": "Minor",
}

# The ILO's own wording (ILO Indicators of Forced Labour, 2012).
INDICATOR = {
    "abuse-of-vulnerability": "Abuse of vulnerability",
    "deception": "Deception",
    "restriction-of-movement": "Restriction of movement",
    "isolation": "Isolation",
    "physical-and-sexual-violence": "Physical and sexual violence",
    "intimidation-and-threats": "Intimidation and threats",
    "retention-of-identity-documents": "Retention of identity documents",
    "withholding-of-wages": "Withholding of wages",
    "debt-bondage": "Debt bondage",
    "abusive-working-and-living-conditions": "Abusive working and living conditions",
    "excessive-overtime": "Excessive overtime",
}

WORKER_GROUP = {
    "migrant": "Migrant workers",
    "domestic-migrant": "Domestic (internal) migrant workers",
    "women": "Women",
    "young-workers": "Young workers",
    "agency": "Agency workers",
    "contract": "Contract workers",
    "seasonal": "Seasonal workers",
    "other": "Other",
}

PROVIDER_KIND = {
    "ngo": "NGO",
    "government": "Government agency",
    "international-organisation": "International organisation",
    "trade-union": "Trade union",
    "legal-aid": "Legal aid",
    "worker-organisation": "Worker organisation (a migrant workers' association, a worker centre)",
    "other": "Other",
}
# The kinds of provider that count as victim service providers (SIP404): `other` does not.
VICTIM_SERVICE_PROVIDER_KINDS = frozenset(
    ("ngo", "government", "international-organisation", "trade-union", "legal-aid", "worker-organisation")
)

RESPONSE_KIND = {
    "protection": "Protection (keeps workers safe now)",
    "remedy": "Remedy (repairs the harm to the workers)",
    "corrective": "Corrective (stops the practice at the site)",
}

REMEDY = {
    "reimbursement": "Reimbursement of recruitment fees and related costs",
    "back-pay": "Back pay",
    "compensation": "Compensation",
    "rehabilitation": "Rehabilitation (medical, psychological, shelter)",
    "repatriation": "Voluntary repatriation",
    "reintegration": "Reintegration (labour market and community)",
    "legal-aid": "Legal aid",
}

ACTION_STATUS = {
    "planned": "Planned",
    "in-progress": "In progress",
    "done": "Done",
    "verified": "Verified",
    "cancelled": "Cancelled",
}
OPEN_STATUSES = frozenset(("planned", "in-progress"))
COMPLETE_STATUSES = frozenset(("done", "verified"))

ROOT_CAUSE_CATEGORY = {
    "policy": "Policy",
    "practice": "Practice",
    "capacity": "Capacity",
    "commercial": "Commercial (prices, lead times, purchasing)",
    "structural": "Structural (law, labour market, migration system)",
}

ROOT_CAUSE_METHOD = {
    "five-whys": "Five whys",
    "fishbone": "Fishbone diagram",
    "interviews": "Interviews",
    "document-review": "Document review",
    "other": "Other",
}

RISK_SOURCE_KIND = {
    "business-process": "Business process",
    "operational-function": "Operational function",
    "structural-gap": "Structural gap",
}

LEVEL = {"low": "Low", "medium": "Medium", "high": "High"}

REMEDY_BASIS = {
    "receipts": "Receipts",
    "worker-interviews": "Worker interviews",
    "corridor-benchmark": "Corridor benchmark (typical fees on the migration corridor)",
    "other": "Other",
}

IMPROVEMENT_ELEMENT = {
    "policy": "Policy",
    "procedure": "Procedure",
    "recruitment": "Recruitment",
    "training": "Training",
    "grievance-mechanism": "Grievance mechanism",
    "monitoring": "Monitoring",
    "supplier-contracts": "Supplier contracts",
    "purchasing-practices": "Purchasing practices",
    "worker-engagement": "Worker engagement",
    "documentation": "Documentation",
    "incident-response": "Incident response (a standing procedure to protect workers when the "
    "problem happens again)",
    # format 1.3, for the framework profiles (docs/frameworks.md): FAR 52.222-50(h)(3)(i), (iii), (iv)
    "awareness": "Awareness (tells workers the policy, what is prohibited and what happens to "
    "those who break it)",
    "wages": "Wages (pay meets the law of the country, or the plan says why not)",
    "housing": "Housing (housing the site provides or arranges meets the country's housing and "
    "safety standards)",
}

# Remedies that the source names for victims of forced labour (SIP402).
RESTORATIVE_REMEDIES = frozenset(("rehabilitation", "repatriation", "reintegration"))

# What was established about a finding (format 1.1). See sip/format/determination.py.
DETERMINATION = {
    "substantiated": "Substantiated (forced labour or trafficking established)",
    "suspected": "Suspected (the indicators point to forced labour)",
    "indicators-only": "Indicators only (not amounting to forced labour)",
    "not-substantiated": "Not substantiated (investigated; forced labour not found)",
}

PAYER = {
    "site": "The site (the employer)",
    "company": "The company (the plan's owner)",
    "labour-agent": "The labour agent",
    "shared": "Shared",
    "other": "Other",
}

# The ILO's recruitment fees and related costs (General principles and operational guidelines
# for fair recruitment and Definition of recruitment fees and related costs, 2019).
COST_ITEM = {
    "recruitment-fee": "Recruitment fee",
    "travel": "Travel",
    "visa-and-permits": "Visa and permits",
    "medical-checks": "Medical checks",
    "documents": "Documents",
    "training": "Training",
    "deposits": "Deposits",
    "loan-interest": "Loan interest",
    "accommodation": "Accommodation",
    "other": "Other",
}

EXTENT = {
    "full": "In full (of what the workers paid)",
    "partial": "In part (of what the workers paid)",
}

PARTY_KIND = {
    "auditor": "Auditor",
    "verifier": "Verifier",
    "investigator": "Investigator",
    "law-firm": "Law firm",
    "labour-agent": "Labour agent",
    "recruitment-agency": "Recruitment agency",
    "buyer": "Buyer",
    "authority": "Authority",
    "certification-body": "Certification body",
    "multi-stakeholder-initiative": "Multi-stakeholder initiative",
    "employer": "The site's own management or staff (e.g. its HR department)",
    "own-staff": "The plan owner's own people (e.g. its sourcing team)",
    "other": "Other",
}
# Parties that have an interest in the answer, or whose kind shows nothing about it (format 1.2):
# they cannot verify a remedy independently (SIP509) or assess the workers' needs (SIP412).
# A service provider of kind `other` proves nothing either; any other provider counts.
INTERESTED_PARTY_KINDS = frozenset(("employer", "own-staff", "labour-agent", "recruitment-agency", "other"))

ENGAGED_WITH = {
    "workers": "Workers",
    "worker-representatives": "Worker representatives",
    "trade-union": "Trade union",
    "worker-committee": "Worker committee",
}

ESCALATION = {
    "warning": "Warning",
    "probation": "Probation",
    "order-hold": "Order hold",
    "suspension": "Suspension",
    "termination": "Termination of the relationship",
}

EFFECTIVENESS = {
    "effective": "Effective",
    "partly-effective": "Partly effective",
    "not-effective": "Not effective",
}

# Who runs a grievance channel (format 1.2).
GRIEVANCE_OPERATOR = {
    "site": "The site",
    "company": "The company (the plan's owner)",
    "third-party": "A third party",
    "worker-organisation": "A worker organisation",
    "government": "Government",
}

# Improvements that tell, watch or write down: they cannot change a recruitment practice (SIP310).
# An awareness programme (format 1.3) tells, as training does.
NON_CHANGING_ELEMENTS = frozenset(
    ("training", "awareness", "monitoring", "documentation", "incident-response")
)
# Root causes that name something the company or the site can change (SIP309).
CHANGEABLE_CAUSES = frozenset(("policy", "practice", "commercial"))

# The frameworks a plan can be checked against (format 1.3): a profile for each in sip/frameworks/,
# documented in docs/frameworks.md. The names are here, below the models, so that a plan's
# `frameworks:` is checked like any vocabulary (SIP102, with a "did you mean").
FRAMEWORK = {
    "far": "US Federal Acquisition Regulation 52.222-50, Combating Trafficking in Persons: the "
    "compliance plan",
    "lksg": "German Supply Chain Due Diligence Act (LkSG): remedial action and the complaints procedure",
    "cbp": "US Customs and Border Protection: evidence to modify a Withhold Release Order or Finding",
    "rba": "Responsible Business Alliance: the corrective action plan after a Validated Assessment",
}

# What the plan, or a part of it, was posted as or sent to someone as (format 1.3).
SUBMISSION_KIND = {
    "posting": "Posted for the workers (at the workplace, on a website)",
    "certification": "Certification (to a contracting officer or an authority)",
    "corrective-action-plan": "Corrective action plan submitted (to an audit programme or a customer)",
    "petition": "Petition (to an authority, to lift or modify an import ban)",
}

# Remedies that pay workers money (SIP405).
MONEY_REMEDIES = frozenset(("reimbursement", "back-pay", "compensation"))


def vocabulary_word(value: str, choices: tuple[str, ...] | list[str]) -> str | None:
    """The one word of a vocabulary that `value` writes with other case or spacing
    (`NGO` -> `ngo`, `In-Progress` -> `in-progress`, `Social Audit` -> `social-audit`), or None.

    Vocabulary words are lower case with words joined by `-`, so folding case and turning
    runs of spaces, `_` and `-` into one `-` maps each written form to at most one word:
    `sip fix` writes it, `sip validate` suggests it."""
    folded = "-".join(value.replace("_", " ").replace("-", " ").lower().split())
    return folded if folded in choices and folded != value else None
