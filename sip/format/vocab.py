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
    "other": "Other",
}

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
}

# Remedies that the source names for victims of forced labour (SIP402).
RESTORATIVE_REMEDIES = frozenset(("rehabilitation", "repatriation", "reintegration"))
