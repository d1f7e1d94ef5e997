"""The words of generated plans: sites, themes of findings and the sentences around them.

Data only, for bench/generate.py; kept apart so the generator reads as the steps it takes.
"""

from __future__ import annotations

from typing import NamedTuple


class Site(NamedTuple):
    name: str  # the country as written in free text
    currency: str
    usd_rate: float
    places: tuple[str, ...]
    suffix: str  # legal form of a local company
    origins: tuple[str, ...]  # where its migrant workers come from
    sectors: tuple[str, ...]


SITES = {
    "MY": Site(
        "Malaysia",
        "MYR",
        4.4,
        ("Klang", "Penang", "Johor Bahru"),
        "Sdn Bhd",
        ("Nepal", "Bangladesh", "Myanmar"),
        ("Gloves", "Electronics", "Palm Oil Estate"),
    ),
    "TH": Site(
        "Thailand",
        "THB",
        34,
        ("Samut Sakhon", "Songkhla", "Chonburi"),
        "Co., Ltd.",
        ("Myanmar", "Cambodia", "Laos"),
        ("Seafood", "Poultry", "Electronics"),
    ),
    "VN": Site(
        "Viet Nam",
        "VND",
        25000,
        ("Binh Duong", "Dong Nai", "Hai Phong"),
        "Co., Ltd.",
        ("the northern provinces", "the Mekong Delta"),
        ("Garments", "Footwear", "Furniture"),
    ),
    "BD": Site(
        "Bangladesh",
        "BDT",
        120,
        ("Gazipur", "Narayanganj", "Chattogram"),
        "Ltd",
        ("rural districts", "the coastal belt"),
        ("Garments", "Knitwear"),
    ),
    "IN": Site(
        "India",
        "INR",
        85,
        ("Tiruppur", "Bengaluru", "Noida"),
        "Pvt Ltd",
        ("Odisha", "Jharkhand", "Bihar"),
        ("Spinning Mill", "Garments", "Leather"),
    ),
    "MX": Site(
        "Mexico",
        "MXN",
        18,
        ("San Quintin", "Culiacan", "Ciudad Juarez"),
        "S.A. de C.V.",
        ("Guatemala", "Honduras", "Oaxaca"),
        ("Farms", "Electronics"),
    ),
    "ES": Site(
        "Spain",
        "EUR",
        0.9,
        ("Huelva", "Almeria", "Lleida"),
        "S.L.",
        ("Morocco", "Romania", "Senegal"),
        ("Berry Farms", "Greenhouses"),
    ),
    "IT": Site(
        "Italy",
        "EUR",
        0.9,
        ("Foggia", "Latina", "Prato"),
        "S.r.l.",
        ("India", "Nigeria", "Mali"),
        ("Tomato Farms", "Garments"),
    ),
    "QA": Site(
        "Qatar",
        "QAR",
        3.6,
        ("Doha", "Al Wakrah", "Lusail"),
        "W.L.L.",
        ("Nepal", "India", "Kenya"),
        ("Construction", "Facility Services"),
    ),
    "AE": Site(
        "the United Arab Emirates",
        "AED",
        3.7,
        ("Dubai", "Abu Dhabi", "Sharjah"),
        "LLC",
        ("Pakistan", "the Philippines", "Uganda"),
        ("Construction", "Hotel Services"),
    ),
    "TW": Site(
        "Taiwan",
        "TWD",
        32,
        ("Kaohsiung", "Taoyuan", "Taichung"),
        "Co., Ltd.",
        ("Indonesia", "the Philippines", "Viet Nam"),
        ("Fishing Fleet", "Electronics"),
    ),
    "JO": Site(
        "Jordan",
        "JOD",
        0.71,
        ("Al Hassan", "Dulayl", "Sahab"),
        "Ltd",
        ("Bangladesh", "Sri Lanka", "Nepal"),
        ("Garments",),
    ),
    "GB": Site(
        "the United Kingdom",
        "GBP",
        0.79,
        ("Lincolnshire", "Leicester", "Kent"),
        "Ltd",
        ("Romania", "Nepal", "Indonesia"),
        ("Farms", "Food Processing", "Garments"),
    ),
}


class Theme(NamedTuple):
    short: str
    title: str  # "{origin}" becomes where the workers come from
    indicators: tuple[str, ...]  # none: not a forced-labour theme
    severities: tuple[str, ...]
    groups: tuple[str, ...]
    details: tuple[str, ...]  # sentences of the description
    protection: str
    money: tuple[str, str] | None  # (remedy type, action) of a remedy paid to workers
    fix: str  # the corrective action
    causes: tuple[tuple[str, str], ...]  # (category, cause)
    risk: tuple[str, str, str]  # (source kind, source name, risk)
    improvement: tuple[str, str, str]  # (element, action, measure)


THEMES = (
    Theme(
        "Recruitment fees",
        "Workers from {origin} paid recruitment fees to agents",
        ("debt-bondage", "deception"),
        ("critical", "major"),
        ("migrant", "agency"),
        (
            "Workers paid several months' wages to agents before leaving.",
            "Most fees were financed by loans repaid from wages.",
        ),
        "Suspend wage deductions for loan repayments while fees are verified",
        ("reimbursement", "Repay recruitment fees and related costs in full, in three monthly instalments"),
        "Recruit only through licensed agents bound by employer-pays terms",
        (
            ("policy", "No employer-pays policy; the supplier relied on sub-agents it did not know"),
            ("commercial", "Recruitment costs were left out of the unit price agreed with the brand"),
        ),
        (
            "business-process",
            "Recruitment of migrant workers through third-party agents",
            "Workers charged fees by unlicensed sub-agents",
        ),
        (
            "recruitment",
            "Adopt the Employer Pays Principle in supplier code and contracts; audit agents yearly",
            "Share of new hires with zero fees paid, from worker survey",
        ),
    ),
    Theme(
        "Passport retention",
        "Employer holds the passports of workers from {origin}",
        ("retention-of-identity-documents", "restriction-of-movement"),
        ("critical", "major"),
        ("migrant",),
        (
            "Passports are kept by HR and returned only for travel.",
            "Workers did not know they may keep them.",
        ),
        "Return passports to all workers; personal lockers with keys held by workers",
        None,
        "Written rule that no manager may hold a worker's identity documents",
        (("practice", "Supervisors kept passports for safekeeping to stop workers changing jobs"),),
        (
            "operational-function",
            "Human resources administration of work permits",
            "Identity documents kept by the employer during permit renewals",
        ),
        (
            "procedure",
            "Permit renewal procedure with documents back to workers the same day",
            "Workers holding their own passport, from spot checks",
        ),
    ),
    Theme(
        "Withheld wages",
        "Part of the wages of workers from {origin} withheld until the contract ends",
        ("withholding-of-wages",),
        ("critical", "major"),
        ("migrant", "contract"),
        (
            "Workers receive only part of their wages each month.",
            "The balance is promised at the end, without interest.",
        ),
        "Pay all withheld wages into workers' own bank accounts at the next pay date",
        ("back-pay", "Pay the withheld balance in full, with interest at the legal rate"),
        "Pay wages monthly and in full into accounts that workers control",
        (
            ("practice", "Wages held back to discourage workers from leaving before the contract ends"),
            ("capacity", "Payroll run by hand, with no check by finance"),
        ),
        ("business-process", "Payroll and wage payment", "Wages withheld or paid late to retain workers"),
        (
            "procedure",
            "Monthly payroll review by the brand's regional auditors",
            "Share of workers paid in full and on time",
        ),
    ),
    Theme(
        "Excessive overtime",
        "Working hours far beyond the legal limit in peak season",
        ("excessive-overtime",),
        ("major",),
        ("migrant", "women", "agency"),
        ("Time records show long shifts for weeks in a row.", "Workers said overtime could not be refused."),
        "Cap weekly hours at the legal limit with immediate effect; one rest day in seven",
        ("back-pay", "Pay unpaid overtime premiums for the last twelve months"),
        "Electronic time recording checked weekly by the site manager",
        (("commercial", "Short lead times and late order changes pushed production into overtime"),),
        (
            "business-process",
            "Order placement and production planning",
            "Peak orders met through forced overtime",
        ),
        (
            "purchasing-practices",
            "Align lead times with capacity; share forecasts earlier",
            "Weekly hours over the legal limit, from time records",
        ),
    ),
    Theme(
        "Dormitory conditions",
        "Overcrowded dormitories without working fire exits",
        ("abusive-working-and-living-conditions",),
        ("major", "critical"),
        ("migrant",),
        (
            "Rooms hold far more workers than the national standard allows.",
            "Fire exits were locked at night.",
        ),
        "Move workers out of the overcrowded blocks into rented housing that meets the national standard",
        None,
        "Renovate dormitories: ventilation, fire exits, one bed per worker, lockable storage",
        (("capacity", "Housing was not planned when the migrant workforce doubled"),),
        (
            "operational-function",
            "Worker accommodation management",
            "Overcrowded, unsafe housing from the employer",
        ),
        (
            "monitoring",
            "Quarterly housing inspections against a checklist shared with workers",
            "Dormitory checklist score and open issues",
        ),
    ),
    Theme(
        "Contract substitution",
        "Workers from {origin} signed new contracts on arrival, with lower pay",
        ("deception",),
        ("major", "critical"),
        ("migrant",),
        (
            "The contract signed on arrival differs from the offer.",
            "Pay is lower and the week longer than promised.",
        ),
        "Suspend the substituted contracts; the original terms apply to all workers affected",
        ("back-pay", "Pay the difference between promised and actual wages since arrival"),
        "Issue contracts in workers' languages before departure, matching the offer",
        (("practice", "Contracts were drafted by the agent, not the employer"),),
        (
            "business-process",
            "Employment contracting for foreign workers",
            "Workers deceived about pay before departure",
        ),
        (
            "documentation",
            "Standard bilingual contract reviewed by the brand before departure",
            "Contracts matching offers, from sample checks",
        ),
    ),
    Theme(
        "Restricted movement",
        "Workers not allowed to leave the compound outside working hours",
        ("restriction-of-movement", "isolation"),
        ("critical",),
        ("migrant", "women"),
        (
            "Guards stop workers at the gate unless a supervisor signs a pass.",
            "No transport to town is provided.",
        ),
        "Remove gate restrictions; workers free to leave the premises outside working hours",
        None,
        "Rewrite the security instructions, brief every guard and run a free shuttle to town",
        (("policy", "Security rules confine workers to the compound outside shifts"),),
        ("operational-function", "Site security", "Guards restricting workers' movement"),
        (
            "policy",
            "Freedom-of-movement policy covering security contractors",
            "Worker survey: share who say they can leave freely",
        ),
    ),
    Theme(
        "Threats and intimidation",
        "Supervisors threatened to report complaining workers to immigration",
        ("intimidation-and-threats", "abuse-of-vulnerability"),
        ("critical", "major"),
        ("migrant",),
        ("Workers who complained were told their permits would be cancelled.", "Several feared deportation."),
        "Remove the supervisors concerned from contact with workers pending investigation",
        ("legal-aid", "Fund independent legal advice for workers on their residence status"),
        "Independent investigation, disciplinary process and training for all supervisors",
        (
            ("capacity", "Supervisors untrained in managing workers, with no oversight of their conduct"),
            ("structural", "Work permits tied to one employer leave workers dependent on it"),
        ),
        (
            "structural-gap",
            "Tied work permits under the sponsorship system",
            "Workers dependent on the employer for their residence status",
        ),
        (
            "training",
            "Supervisor conduct training with a refresher every six months",
            "Grievances on supervisor conduct, by quarter",
        ),
    ),
    Theme(
        "Physical abuse",
        "Workers on the night shift hit and harassed by a supervisor",
        ("physical-and-sexual-violence", "intimidation-and-threats"),
        ("critical",),
        ("women", "migrant"),
        (
            "Workers described slaps and verbal abuse.",
            "Women reported unwanted touching and feared to complain.",
        ),
        "Separate the accused supervisor from workers; confidential support for those affected",
        ("compensation", "Compensation agreed with each worker affected, with independent advice"),
        "External investigation; zero-tolerance policy enforced",
        (("practice", "Night-shift supervision left to one person with no oversight"),),
        (
            "operational-function",
            "Line supervision on the night shift",
            "Abuse of workers by unsupervised supervisors",
        ),
        (
            "worker-engagement",
            "Elected worker committee with women representatives",
            "Share of workers who know the committee, from survey",
        ),
    ),
    Theme(
        "No grievance channel",
        "No grievance channel in workers' languages",
        (),
        ("major", "minor"),
        ("migrant", "other"),
        ("The only channel is a suggestion box with forms in the local language.",),
        "",
        None,
        "Set up a hotline in workers' languages run by a third party",
        (("capacity", "No budget or staff for grievance handling"),),
        ("structural-gap", "Worker voice", "Workers' complaints not heard"),
        (
            "grievance-mechanism",
            "Third-party grievance mechanism with anonymous reporting",
            "Grievances raised and closed within the target time",
        ),
    ),
    Theme(
        "Unlicensed sub-agents",
        "Recruitment through sub-agents the supplier cannot name",
        (),
        ("major",),
        ("migrant", "agency"),
        ("Agents recruit through informal sub-agents in villages.",),
        "",
        None,
        "Map every agent and sub-agent; end contracts with unlicensed ones",
        (("practice", "Agents recruit through informal sub-agents"),),
        (
            "business-process",
            "Agent selection and due diligence",
            "Unlicensed intermediaries in the recruitment chain",
        ),
        (
            "supplier-contracts",
            "Agent contracts forbid sub-agents without written approval",
            "Agents audited per year",
        ),
    ),
    Theme(
        "Unclear payslips",
        "Payslips not in a language workers understand",
        (),
        ("minor",),
        ("migrant",),
        ("Deductions are listed without explanation.",),
        "",
        None,
        "Payslips in workers' languages explaining each deduction",
        (("practice", "Payroll templates never translated"),),
        ("operational-function", "Payroll", "Unlawful deductions hidden from workers"),
        (
            "documentation",
            "Translated payslip template at all sites",
            "Workers able to explain their payslip",
        ),
    ),
    Theme(
        "Young workers on night shifts",
        "Workers under eighteen assigned to night shifts",
        (),
        ("major",),
        ("young-workers", "agency"),
        ("Age records were incomplete for agency workers.",),
        "",
        None,
        "Move young workers to day shifts and check the age of every agency worker",
        (("structural", "Agency workers arrive without verified age documents"),),
        (
            "structural-gap",
            "Age verification in the recruitment system",
            "Young workers placed in hazardous work",
        ),
        (
            "procedure",
            "Age verification at hiring, including agency workers",
            "Young workers on night shifts",
        ),
    ),
)
FOLLOW_UPS = (
    " (follow-up visit)",
    " (second production unit)",
    " (reported by agency workers)",
    " (hotline)",
)
REMEDY_ACTIONS = {
    "rehabilitation": "Medical and psychological support, and safe shelter for workers who need it",
    "repatriation": "Paid travel home and reintegration support for workers who ask to go home",
    "reintegration": "Continued employment on fair terms, or job placement elsewhere, at each worker's choice",
}
COMPANIES = (
    "Northwind Apparel plc",
    "Harbour & Field Foods Ltd",
    "Altamira Electronics Inc.",
    "Bluecrest Retail Group",
    "Meridian Home Goods AG",
    "Verdant Grocers plc",
    "Solano Hospitality Group",
    "Keel Marine Foods Ltd",
)
PREFIXES = (
    "Golden",
    "Evergreen",
    "Pacific",
    "Lotus",
    "Sunrise",
    "Crescent",
    "Silverleaf",
    "Orchid",
    "Summit",
)
SURNAMES = ("Rahman", "Okafor", "Lindqvist", "Moreno", "Tanaka", "Haddad", "Novak", "Pereira", "Singh")
SOURCES = (
    ("social-audit", "Announced social audit, full report"),
    ("worker-interview", "Off-site worker interviews"),
    ("worker-grievance", "Complaints received through the brand hotline"),
    ("ngo-report", "NGO report on the migration corridor"),
    ("media", "Press investigation into the sector"),
    ("self-assessment", "Supplier self-assessment questionnaire"),
    ("government", "Labour inspection notice"),
    ("social-audit", "Unannounced follow-up audit"),
)
PROVIDERS = (
    ("ngo", "Migrant Workers Resource Centre, {place}", "Independent worker interviews and case management"),
    ("legal-aid", "{place} Legal Aid Clinic", "Legal advice on fees, contracts and residence status"),
    ("trade-union", "General Workers Union, migrant desk", "Worker representation in remediation talks"),
    ("international-organisation", "International migration agency, country office", "Safe return support"),
    ("government", "Labour inspectorate, {place} office", "Oversight of wage repayments"),
    ("other", "Independent remediation specialist", "Calculation of fees and wages owed"),
)
CONTINGENCIES = (
    "If the supplier delays, the brand pays workers directly and recovers the sum from invoices",
    "Brand staff act in person if the supplier has not acted within a week",
    "The service provider escalates to the brand's human rights lead within two days",
    "Orders are paused if the action slips by more than two weeks",
)
VERIFICATIONS = (
    ("Worker interviews by the service provider", "Interview summary on file"),
    ("Follow-up audit by an independent auditor", "Follow-up audit report"),
    ("Review of payroll and bank transfer records", "Transfer records for all workers covered"),
    ("Site visit by brand staff", "Visit notes and photographs"),
)
OWNERS = (
    "Supplier HR Director",
    "Supplier Managing Director",
    "Head of Responsible Sourcing",
    "Regional Compliance Manager",
    "Supplier Operations Manager",
    "Chief Procurement Officer",
)
SECTION_NOTES = {
    "sources": "How the problems surfaced",
    "findings": "The issues found at the site",
    "service_providers": "Public and non-governmental victim service providers consulted",
    "responses": "Corrective measures: the company's specific responses to each finding",
    "root_causes": "Why it happened, including the policies and practices that contributed",
    "risks": "The risk map and where each risk comes from",
    "improvements": "Management systems improvement plan",
    "reviews": "Reviews by the committee",
}
DUE_NOTES = (
    "agreed with workers' representatives",
    "extended once, with the committee's approval",
    "set by the service provider",
    "to fit the supplier's pay cycle",
)
REVIEWS = (
    "Repayments on track; contingency not yet needed",
    "Two actions closed and verified by worker interviews",
    "Supplier asked for more time on housing; refused",
    "New findings from the follow-up audit added",
    "Service provider confirms workers were consulted on the remedy",
)

Pairs = list[tuple[str, object]]  # a mapping's keys and values, in order; values as written below
