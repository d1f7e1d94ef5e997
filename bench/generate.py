"""Generate a corpus of realistic, clean sip plans for benchmarking.

Each plan is one YAML file of about --lines lines (default 1,500, some 50 KB): one site in one of
thirteen countries, 25-35 findings with their responses, root causes, risks and improvements. Every
plan is valid under the plan format and clean under rules SIP201-SIP601 for the as-of date
2026-08-10, so a benchmark measures the common case. The output depends only on the options.

    python bench/generate.py --count 1000 --out /tmp/sip-bench [--seed 7] [--lines 1500]
    python bench/generate.py --mutate 50 --from /tmp/sip-bench --out /tmp/sip-bench-2 [--seed 7]

The second form copies a corpus and changes K of its active plans as a reviewer would see them in
`sip diff`: a response moves forward, a due date moves later, a finding is added, a review logged.
Standard library only: the YAML is written as text, so it reads as if written by hand.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import shutil
import time
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

AS_OF = date(2026, 8, 10)
DEADLINE_DAYS = {"critical": 30, "major": 90, "minor": 180}


class Site(NamedTuple):
    name: str  # the country as written in free text
    currency: str
    usd_rate: float
    places: tuple[str, ...]
    suffix: str  # legal form of a local company
    origins: tuple[str, ...]  # where its migrant workers come from
    sectors: tuple[str, ...]


SITES = {
    "MY": Site("Malaysia", "MYR", 4.4, ("Klang", "Penang", "Johor Bahru"), "Sdn Bhd",
               ("Nepal", "Bangladesh", "Myanmar"), ("Gloves", "Electronics", "Palm Oil Estate")),
    "TH": Site("Thailand", "THB", 34, ("Samut Sakhon", "Songkhla", "Chonburi"), "Co., Ltd.",
               ("Myanmar", "Cambodia", "Laos"), ("Seafood", "Poultry", "Electronics")),
    "VN": Site("Viet Nam", "VND", 25000, ("Binh Duong", "Dong Nai", "Hai Phong"), "Co., Ltd.",
               ("the northern provinces", "the Mekong Delta"), ("Garments", "Footwear", "Furniture")),
    "BD": Site("Bangladesh", "BDT", 120, ("Gazipur", "Narayanganj", "Chattogram"), "Ltd",
               ("rural districts", "the coastal belt"), ("Garments", "Knitwear")),
    "IN": Site("India", "INR", 85, ("Tiruppur", "Bengaluru", "Noida"), "Pvt Ltd",
               ("Odisha", "Jharkhand", "Bihar"), ("Spinning Mill", "Garments", "Leather")),
    "MX": Site("Mexico", "MXN", 18, ("San Quintin", "Culiacan", "Ciudad Juarez"), "S.A. de C.V.",
               ("Guatemala", "Honduras", "Oaxaca"), ("Farms", "Electronics")),
    "ES": Site("Spain", "EUR", 0.9, ("Huelva", "Almeria", "Lleida"), "S.L.",
               ("Morocco", "Romania", "Senegal"), ("Berry Farms", "Greenhouses")),
    "IT": Site("Italy", "EUR", 0.9, ("Foggia", "Latina", "Prato"), "S.r.l.",
               ("India", "Nigeria", "Mali"), ("Tomato Farms", "Garments")),
    "QA": Site("Qatar", "QAR", 3.6, ("Doha", "Al Wakrah", "Lusail"), "W.L.L.",
               ("Nepal", "India", "Kenya"), ("Construction", "Facility Services")),
    "AE": Site("the United Arab Emirates", "AED", 3.7, ("Dubai", "Abu Dhabi", "Sharjah"), "LLC",
               ("Pakistan", "the Philippines", "Uganda"), ("Construction", "Hotel Services")),
    "TW": Site("Taiwan", "TWD", 32, ("Kaohsiung", "Taoyuan", "Taichung"), "Co., Ltd.",
               ("Indonesia", "the Philippines", "Viet Nam"), ("Fishing Fleet", "Electronics")),
    "JO": Site("Jordan", "JOD", 0.71, ("Al Hassan", "Dulayl", "Sahab"), "Ltd",
               ("Bangladesh", "Sri Lanka", "Nepal"), ("Garments",)),
    "GB": Site("the United Kingdom", "GBP", 0.79, ("Lincolnshire", "Leicester", "Kent"), "Ltd",
               ("Romania", "Nepal", "Indonesia"), ("Farms", "Food Processing", "Garments")),
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
    Theme("Recruitment fees", "Workers from {origin} paid recruitment fees to agents", ("debt-bondage", "deception"),
          ("critical", "major"), ("migrant", "agency"), ("Workers paid several months' wages to agents before leaving.",
                                                         "Most fees were financed by loans repaid from wages."),
          "Suspend wage deductions for loan repayments while fees are verified",
          ("reimbursement", "Repay recruitment fees and related costs in full, in three monthly instalments"),
          "Recruit only through licensed agents bound by employer-pays terms",
          (("policy", "No employer-pays policy; the supplier relied on sub-agents it did not know"),
           ("commercial", "Recruitment costs were left out of the unit price agreed with the brand")),
          ("business-process", "Recruitment of migrant workers through third-party agents",
           "Workers charged fees by unlicensed sub-agents"),
          ("recruitment", "Adopt the Employer Pays Principle in supplier code and contracts; audit agents yearly",
           "Share of new hires with zero fees paid, from worker survey")),
    Theme("Passport retention", "Employer holds the passports of workers from {origin}",
          ("retention-of-identity-documents", "restriction-of-movement"), ("critical", "major"), ("migrant",),
          ("Passports are kept by HR and returned only for travel.", "Workers did not know they may keep them."),
          "Return passports to all workers; personal lockers with keys held by workers", None,
          "Written rule that no manager may hold a worker's identity documents",
          (("practice", "Supervisors kept passports for safekeeping to stop workers changing jobs"),),
          ("operational-function", "Human resources administration of work permits",
           "Identity documents kept by the employer during permit renewals"),
          ("procedure", "Permit renewal procedure with documents back to workers the same day",
           "Workers holding their own passport, from spot checks")),
    Theme("Withheld wages", "Part of the wages of workers from {origin} withheld until the contract ends",
          ("withholding-of-wages",), ("critical", "major"), ("migrant", "contract"),
          ("Workers receive only part of their wages each month.", "The balance is promised at the end, without interest."),
          "Pay all withheld wages into workers' own bank accounts at the next pay date",
          ("back-pay", "Pay the withheld balance in full, with interest at the legal rate"),
          "Pay wages monthly and in full into accounts that workers control",
          (("practice", "Wages held back to discourage workers from leaving before the contract ends"),
           ("capacity", "Payroll run by hand, with no check by finance")),
          ("business-process", "Payroll and wage payment", "Wages withheld or paid late to retain workers"),
          ("procedure", "Monthly payroll review by the brand's regional auditors", "Share of workers paid in full and on time")),
    Theme("Excessive overtime", "Working hours far beyond the legal limit in peak season", ("excessive-overtime",),
          ("major",), ("migrant", "women", "agency"), ("Time records show long shifts for weeks in a row.",
                                                       "Workers said overtime could not be refused."),
          "Cap weekly hours at the legal limit with immediate effect; one rest day in seven",
          ("back-pay", "Pay unpaid overtime premiums for the last twelve months"),
          "Electronic time recording checked weekly by the site manager",
          (("commercial", "Short lead times and late order changes pushed production into overtime"),),
          ("business-process", "Order placement and production planning", "Peak orders met through forced overtime"),
          ("purchasing-practices", "Align lead times with capacity; share forecasts earlier",
           "Weekly hours over the legal limit, from time records")),
    Theme("Dormitory conditions", "Overcrowded dormitories without working fire exits",
          ("abusive-working-and-living-conditions",), ("major", "critical"), ("migrant",),
          ("Rooms hold far more workers than the national standard allows.", "Fire exits were locked at night."),
          "Move workers out of the overcrowded blocks into rented housing that meets the national standard", None,
          "Renovate dormitories: ventilation, fire exits, one bed per worker, lockable storage",
          (("capacity", "Housing was not planned when the migrant workforce doubled"),),
          ("operational-function", "Worker accommodation management", "Overcrowded, unsafe housing from the employer"),
          ("monitoring", "Quarterly housing inspections against a checklist shared with workers",
           "Dormitory checklist score and open issues")),
    Theme("Contract substitution", "Workers from {origin} signed new contracts on arrival, with lower pay",
          ("deception",), ("major", "critical"), ("migrant",),
          ("The contract signed on arrival differs from the offer.", "Pay is lower and the week longer than promised."),
          "Suspend the substituted contracts; the original terms apply to all workers affected",
          ("back-pay", "Pay the difference between promised and actual wages since arrival"),
          "Issue contracts in workers' languages before departure, matching the offer",
          (("practice", "Contracts were drafted by the agent, not the employer"),),
          ("business-process", "Employment contracting for foreign workers", "Workers deceived about pay before departure"),
          ("documentation", "Standard bilingual contract reviewed by the brand before departure",
           "Contracts matching offers, from sample checks")),
    Theme("Restricted movement", "Workers not allowed to leave the compound outside working hours",
          ("restriction-of-movement", "isolation"), ("critical",), ("migrant", "women"),
          ("Guards stop workers at the gate unless a supervisor signs a pass.", "No transport to town is provided."),
          "Remove gate restrictions; workers free to leave the premises outside working hours", None,
          "Rewrite the security instructions, brief every guard and run a free shuttle to town",
          (("policy", "Security rules confine workers to the compound outside shifts"),),
          ("operational-function", "Site security", "Guards restricting workers' movement"),
          ("policy", "Freedom-of-movement policy covering security contractors",
           "Worker survey: share who say they can leave freely")),
    Theme("Threats and intimidation", "Supervisors threatened to report complaining workers to immigration",
          ("intimidation-and-threats", "abuse-of-vulnerability"), ("critical", "major"), ("migrant",),
          ("Workers who complained were told their permits would be cancelled.", "Several feared deportation."),
          "Remove the supervisors concerned from contact with workers pending investigation",
          ("legal-aid", "Fund independent legal advice for workers on their residence status"),
          "Independent investigation, disciplinary process and training for all supervisors",
          (("capacity", "Supervisors untrained in managing workers, with no oversight of their conduct"),
           ("structural", "Work permits tied to one employer leave workers dependent on it")),
          ("structural-gap", "Tied work permits under the sponsorship system",
           "Workers dependent on the employer for their residence status"),
          ("training", "Supervisor conduct training with a refresher every six months",
           "Grievances on supervisor conduct, by quarter")),
    Theme("Physical abuse", "Workers on the night shift hit and harassed by a supervisor",
          ("physical-and-sexual-violence", "intimidation-and-threats"), ("critical",), ("women", "migrant"),
          ("Workers described slaps and verbal abuse.", "Women reported unwanted touching and feared to complain."),
          "Separate the accused supervisor from workers; confidential support for those affected",
          ("compensation", "Compensation agreed with each worker affected, with independent advice"),
          "External investigation; zero-tolerance policy enforced",
          (("practice", "Night-shift supervision left to one person with no oversight"),),
          ("operational-function", "Line supervision on the night shift", "Abuse of workers by unsupervised supervisors"),
          ("worker-engagement", "Elected worker committee with women representatives",
           "Share of workers who know the committee, from survey")),
    Theme("No grievance channel", "No grievance channel in workers' languages", (), ("major", "minor"),
          ("migrant", "other"), ("The only channel is a suggestion box with forms in the local language.",), "", None,
          "Set up a hotline in workers' languages run by a third party",
          (("capacity", "No budget or staff for grievance handling"),),
          ("structural-gap", "Worker voice", "Workers' complaints not heard"),
          ("grievance-mechanism", "Third-party grievance mechanism with anonymous reporting",
           "Grievances raised and closed within the target time")),
    Theme("Unlicensed sub-agents", "Recruitment through sub-agents the supplier cannot name", (), ("major",),
          ("migrant", "agency"), ("Agents recruit through informal sub-agents in villages.",), "", None,
          "Map every agent and sub-agent; end contracts with unlicensed ones",
          (("practice", "Agents recruit through informal sub-agents"),),
          ("business-process", "Agent selection and due diligence", "Unlicensed intermediaries in the recruitment chain"),
          ("supplier-contracts", "Agent contracts forbid sub-agents without written approval", "Agents audited per year")),
    Theme("Unclear payslips", "Payslips not in a language workers understand", (), ("minor",), ("migrant",),
          ("Deductions are listed without explanation.",), "", None,
          "Payslips in workers' languages explaining each deduction", (("practice", "Payroll templates never translated"),),
          ("operational-function", "Payroll", "Unlawful deductions hidden from workers"),
          ("documentation", "Translated payslip template at all sites", "Workers able to explain their payslip")),
    Theme("Young workers on night shifts", "Workers under eighteen assigned to night shifts", (), ("major",),
          ("young-workers", "agency"), ("Age records were incomplete for agency workers.",), "", None,
          "Move young workers to day shifts and check the age of every agency worker",
          (("structural", "Agency workers arrive without verified age documents"),),
          ("structural-gap", "Age verification in the recruitment system", "Young workers placed in hazardous work"),
          ("procedure", "Age verification at hiring, including agency workers", "Young workers on night shifts")),
)
FOLLOW_UPS = (" (follow-up visit)", " (second production unit)", " (reported by agency workers)", " (hotline)")
REMEDY_ACTIONS = {
    "rehabilitation": "Medical and psychological support, and safe shelter for workers who need it",
    "repatriation": "Paid travel home and reintegration support for workers who ask to go home",
    "reintegration": "Continued employment on fair terms, or job placement elsewhere, at each worker's choice",
}
COMPANIES = ("Northwind Apparel plc", "Harbour & Field Foods Ltd", "Altamira Electronics Inc.", "Bluecrest Retail Group",
             "Meridian Home Goods AG", "Verdant Grocers plc", "Solano Hospitality Group", "Keel Marine Foods Ltd")
PREFIXES = ("Golden", "Evergreen", "Pacific", "Lotus", "Sunrise", "Crescent", "Silverleaf", "Orchid", "Summit")
SURNAMES = ("Rahman", "Okafor", "Lindqvist", "Moreno", "Tanaka", "Haddad", "Novak", "Pereira", "Singh")
SOURCES = (("social-audit", "Announced social audit, full report"), ("worker-interview", "Off-site worker interviews"),
           ("worker-grievance", "Complaints received through the brand hotline"),
           ("ngo-report", "NGO report on the migration corridor"), ("media", "Press investigation into the sector"),
           ("self-assessment", "Supplier self-assessment questionnaire"), ("government", "Labour inspection notice"),
           ("social-audit", "Unannounced follow-up audit"))
PROVIDERS = (("ngo", "Migrant Workers Resource Centre, {place}", "Independent worker interviews and case management"),
             ("legal-aid", "{place} Legal Aid Clinic", "Legal advice on fees, contracts and residence status"),
             ("trade-union", "General Workers Union, migrant desk", "Worker representation in remediation talks"),
             ("international-organisation", "International migration agency, country office", "Safe return support"),
             ("government", "Labour inspectorate, {place} office", "Oversight of wage repayments"),
             ("other", "Independent remediation specialist", "Calculation of fees and wages owed"))
CONTINGENCIES = ("If the supplier delays, the brand pays workers directly and recovers the sum from invoices",
                 "Brand staff act in person if the supplier has not acted within a week",
                 "The service provider escalates to the brand's human rights lead within two days",
                 "Orders are paused if the action slips by more than two weeks")
VERIFICATIONS = (("Worker interviews by the service provider", "Interview summary on file"),
                 ("Follow-up audit by an independent auditor", "Follow-up audit report"),
                 ("Review of payroll and bank transfer records", "Transfer records for all workers covered"),
                 ("Site visit by brand staff", "Visit notes and photographs"))
OWNERS = ("Supplier HR Director", "Supplier Managing Director", "Head of Responsible Sourcing",
          "Regional Compliance Manager", "Supplier Operations Manager", "Chief Procurement Officer")
SECTION_NOTES = {
    "sources": "How the problems surfaced", "findings": "The issues found at the site",
    "service_providers": "Public and non-governmental victim service providers consulted",
    "responses": "Corrective measures: the company's specific responses to each finding",
    "root_causes": "Why it happened, including the policies and practices that contributed",
    "risks": "The risk map and where each risk comes from", "improvements": "Management systems improvement plan",
    "reviews": "Reviews by the committee",
}
DUE_NOTES = ("agreed with workers' representatives", "extended once, with the committee's approval",
             "set by the service provider", "to fit the supplier's pay cycle")
REVIEWS = ("Repayments on track; contingency not yet needed", "Two actions closed and verified by worker interviews",
           "Supplier asked for more time on housing; refused", "New findings from the follow-up audit added",
           "Service provider confirms workers were consulted on the remedy")

Pairs = list[tuple[str, object]]  # a mapping's keys and values, in order; values as written below


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.2f}"


def flow(ids: list[str]) -> str:
    return "[" + ", ".join(ids) + "]"


class Block(NamedTuple):  # a literal block scalar, `key: |`
    lines: tuple[str, ...]


def field(lead: str, key: str, value: object) -> list[str]:
    """`key: value` with the key at column len(lead): Pairs nest, a tuple is a block sequence."""
    inner = " " * (len(lead) + 2)
    if isinstance(value, list):
        return [f"{lead}{key}:"] + [line for k, v in value for line in field(inner, k, v)]
    if isinstance(value, Block):
        return [f"{lead}{key}: |"] + [inner + line for line in value.lines]
    if isinstance(value, tuple):
        return [f"{lead}{key}:"] + [f"{inner}- {v}" for v in value]
    return [f"{lead}{key}: {value}"]


def item(pairs: Pairs) -> list[str]:
    return [line for i, (k, v) in enumerate(pairs) for line in field("    " if i else "  - ", k, v)]


class PlanWriter:
    def __init__(self, rng: random.Random, number: int):
        self.rng, self.number = rng, number
        self.counters: dict[str, int] = {}
        self.sections: dict[str, list[str]] = {name: [] for name in (
            "sources", "findings", "service_providers", "responses", "root_causes", "risks", "improvements", "reviews")}
        self.country = rng.choice(list(SITES))
        self.site = SITES[self.country]
        self.place = rng.choice(self.site.places)
        self.status = rng.choices(("active", "monitoring", "closed"), (85, 10, 5))[0]
        self.settled = self.status != "active"  # monitoring and closed plans have no open actions
        self.opened = date(2025, 10, 1) + timedelta(rng.randint(0, 272))
        self.horizon = AS_OF - timedelta(rng.randint(1, 25)) if self.status == "closed" else AS_OF
        self.themes = rng.sample(THEMES, len(THEMES))
        self.workers = rng.randint(300, 4000)
        self.migrants = int(self.workers * rng.uniform(0.4, 0.95))

    def new_id(self, prefix: str) -> str:
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        return f"{prefix}-{self.counters[prefix]}"

    def day(self, first: date, last: date) -> date:
        return first + timedelta(self.rng.randint(0, (last - first).days))

    def add(self, section: str, pairs: Pairs, comment: str = "") -> str:
        self.sections[section] += (["  # " + comment] if comment else []) + item(pairs)
        return str(pairs[0][1])

    def render(self, target_lines: int) -> str:
        rng, site = self.rng, self.site
        short = f"{rng.choice(PREFIXES)} {rng.choice(site.sectors)}"
        company = rng.choice(COMPANIES)
        title = f"{self.themes[0].short} and {self.themes[1].short.lower()} at {short}, {self.place}"
        lines = [f"# Corrective-action plan for {short}, {self.place} ({site.name}).",
                 f"# Kept by the responsible sourcing team of {company}; reviewed monthly.",
                 "sip: 1", f"id: SIP-BENCH-{self.number:04d}", f"title: {quote(title)}", f"status: {self.status}",
                 f"company: {quote(company)}", f"involvement: {rng.choice(('caused', 'contributed', 'directly-linked'))}",
                 "site:", f"  name: {quote(f'{short} {site.suffix}, {self.place}')}", f"  country: {self.country}",
                 f"  supplier_id: SUP-{rng.randint(100, 9999):04d}", f"  tier: {rng.choice((1, 1, 2))}",
                 f"  workers: {self.workers}", f"  migrant_workers: {self.migrants}", "owner:",
                 f"  role: {quote(rng.choice(('Head of Responsible Sourcing', 'Human Rights Lead')))}",
                 f"  name: {quote(rng.choice('ADJKMS') + '. ' + rng.choice(SURNAMES))}",
                 f"  email: sourcing@{company.split()[0].lower()}.example.com", f"opened: {self.opened}",
                 f"closed: {self.horizon}" if self.status == "closed" else f"next_review: {AS_OF + timedelta(60)}"]
        self.add_context()
        themes = itertools.cycle(self.themes)
        while not self.sections["findings"] or \
                len(lines) + sum(len(body) + 3 for body in self.sections.values()) < target_lines - 40:
            self.add_unit(next(themes))
        for name, body in self.sections.items():
            lines += ["", f"# {SECTION_NOTES[name]}", f"{name}:"] + body
        return "\n".join(lines) + "\n"

    def add_context(self) -> None:
        """Sources, service providers (the first one consulted) and reviews."""
        rng = self.rng
        self.source_dates = [self.opened - timedelta(rng.randint(26, 45))]
        self.source_dates += sorted(self.day(self.opened, self.horizon - timedelta(3)) for _ in range(rng.randint(2, 5)))
        for when in self.source_dates:
            kind, reference = rng.choice(SOURCES)
            self.add("sources", [("id", self.new_id("S")), ("kind", kind), ("reference", quote(reference)), ("date", when)])
        self.providers = []
        for i, (kind, name, role) in enumerate(rng.sample(PROVIDERS, rng.randint(2, 4))):
            pairs: Pairs = [("id", self.new_id("SP")), ("name", quote(name.format(place=self.place))), ("kind", kind),
                            ("role", quote(role))]
            if i == 0 or rng.random() < 0.7:
                pairs.append(("consulted", self.day(self.opened - timedelta(10), self.opened + timedelta(20))))
            self.providers.append(self.add("service_providers", pairs))
        first = min(self.opened + timedelta(20), self.horizon)
        for when in sorted(self.day(first, self.horizon) for _ in range(rng.randint(1, 4))):
            self.add("reviews", [("date", when), ("by", quote("Responsible Sourcing Committee")),
                                 ("summary", quote(rng.choice(REVIEWS)))])

    def schedule(self, first: date, last: date) -> Pairs:
        """Due date, status and completion of an action due from first to last, clean on AS_OF."""
        rng = self.rng
        if not self.settled and last > AS_OF and rng.random() < 0.7:
            return [("due", self.day(max(first, AS_OF + timedelta(1)), last)),
                    ("status", rng.choice(("planned", "in-progress")))]
        due = self.day(first, last)
        completed = self.day(first, min(due + timedelta(7), self.horizon))
        if rng.random() < 0.4:
            return [("due", due), ("status", "done"), ("completed", completed)]
        method, evidence = rng.choice(VERIFICATIONS)
        checked = self.day(completed, min(completed + timedelta(21), self.horizon))
        return [("due", due), ("status", "verified"), ("completed", completed),
                ("verification", [("method", quote(method)), ("evidence", quote(evidence)), ("date", checked)])]

    def add_finding(self, theme: Theme, severity: str, identified: date, follow_up: str) -> str:
        rng = self.rng
        title = theme.title.format(origin=rng.choice(self.site.origins)) + follow_up
        pairs: Pairs = [("id", self.new_id("F")), ("title", quote(title))]
        if rng.random() < 0.15:
            pairs.append(("description", Block(theme.details + ("Confirmed in interviews with several workers.",))))
        elif rng.random() < 0.8:
            pairs.append(("description", quote(" ".join(theme.details))))
        pairs.append(("severity", severity))
        if theme.indicators:
            pairs.append(("indicators", flow([i for i in theme.indicators if rng.random() < 0.7] or [theme.indicators[0]])))
        groups = [g for g in theme.groups if rng.random() < 0.8] or [theme.groups[0]]
        pairs += [("workers_affected", rng.randint(5, self.migrants)),
                  ("worker_groups", tuple(groups) if rng.random() < 0.2 else flow(groups)),
                  ("source", rng.choice([f"S-{i + 1}" for i, d in enumerate(self.source_dates) if d <= identified])),
                  ("identified", identified)]
        if rng.random() < 0.5:
            pairs.append(("evidence", quote(f"Audit report, section on {theme.short.lower()}; interview notes")))
        return self.add("findings", pairs, "Raised again at the follow-up audit" if follow_up and rng.random() < 0.3 else "")

    def add_response(self, kind: str, action: str, fids: list[str], window: tuple[date, date], critical: bool,
                     remedy: str = "") -> None:
        rng = self.rng
        pairs: Pairs = [("id", self.new_id("A")), ("kind", kind)] + ([("remedy", remedy)] if remedy else [])
        if remedy == "repatriation":
            pairs.append(("voluntary", "true"))
        pairs += [("addresses", flow(fids) if rng.random() < 0.9 else tuple(fids)), ("action", quote(action)),
                  ("owner", quote(rng.choice(OWNERS)))]
        timing = self.schedule(*window)
        if rng.random() < 0.06:
            timing[0] = ("due", f"{timing[0][1]}  # {rng.choice(DUE_NOTES)}")
        pairs += timing[:3]
        if remedy:
            pairs.append(("workers_covered", rng.randint(5, self.migrants)))
        if remedy in ("reimbursement", "back-pay", "compensation"):
            currency = self.site.currency if rng.random() < 0.7 else "USD"
            rate = self.site.usd_rate if currency != "USD" else 1
            committed = round(rng.randint(50, 1200) * rng.randint(300, 4000) * rate, -2)
            paid = committed if len(timing) > 2 else round(committed * rng.choice((0, 0.25, 0.33, 0.5)), 2)
            pairs.append(("amount", [("committed", number(committed)), ("paid", number(paid)), ("currency", currency)]))
            pairs.append(("basis", rng.choice(("receipts", "worker-interviews", "corridor-benchmark", "other"))))
        if kind != "corrective" and rng.random() < 0.6:
            pairs.append(("providers", flow([rng.choice(self.providers)])))
        if critical or rng.random() < 0.3:
            pairs.append(("contingency", quote(rng.choice(CONTINGENCIES))))
        self.add("responses", pairs + timing[3:])

    def add_unit(self, theme: Theme) -> None:
        """One to three findings of one theme, with responses, root causes, risks and improvements."""
        rng = self.rng
        severity = rng.choice(theme.severities)
        first = self.day(self.opened - timedelta(25), self.horizon - timedelta(3))
        dates = [first] + sorted(min(first + timedelta(rng.randint(1, 15)), self.horizon - timedelta(3))
                                 for _ in range(rng.choices((0, 1, 2), (55, 35, 10))[0]))
        follow_ups = [""] + rng.sample(FOLLOW_UPS, len(dates) - 1)
        fids = [self.add_finding(theme, severity, *args) for args in zip(dates, follow_ups, strict=True)]
        # every response to these findings is due on or after the last was identified and the plan opened,
        # and within the severity's deadline from the first
        window = (max(dates[-1], self.opened), first + timedelta(DEADLINE_DAYS[severity]))
        critical = severity == "critical"
        if theme.indicators or critical:  # forced labour: protection and a lasting remedy
            self.add_response("protection", theme.protection, fids, window, critical)
            for remedy in rng.sample(list(REMEDY_ACTIONS), rng.choice((1, 1, 1, 2))):
                self.add_response("remedy", REMEDY_ACTIONS[remedy], fids, window, critical, remedy)
        if theme.money and rng.random() < (0.7 if theme.indicators else 0.4):
            self.add_response("remedy", theme.money[1], fids, window, critical, theme.money[0])
        self.add_response("corrective", theme.fix, fids, window, critical)
        for category, cause in rng.sample(theme.causes, rng.choices((1, len(theme.causes)), (75, 25))[0]):
            rc: Pairs = [("id", self.new_id("RC")), ("findings", flow(fids)), ("category", category),
                         ("cause", quote(cause))]
            if rng.random() < 0.7:
                rc.append(("method", rng.choice(("five-whys", "fishbone", "interviews", "document-review"))))
            rcid = self.add("root_causes", rc)
            kind, name, risk = theme.risk
            level = ("high", "medium") if theme.indicators else ("medium", "low")
            rid = self.add("risks", [("id", self.new_id("R")), ("risk", quote(risk)),
                                     ("source", [("kind", kind), ("name", quote(name))]),
                                     ("likelihood", rng.choice(level)), ("impact", rng.choice(level)),
                                     ("root_causes", flow([rcid]))])
            element, action, measure = theme.improvement
            pairs: Pairs = [("id", self.new_id("MS")), ("element", element),
                            ("addresses", flow([rcid, rid]) if rng.random() < 0.8 else (rcid, rid)),
                            ("action", quote(action)), ("owner", quote(rng.choice(OWNERS)))]
            pairs += self.schedule(self.opened, AS_OF + timedelta(240))
            self.add("improvements", pairs + ([("measure", quote(measure))] if rng.random() < 0.8 else []))


def generate(count: int, out: Path, seed: int, target_lines: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for number in range(1, count + 1):
        text = PlanWriter(rng, number).render(target_lines)
        (out / f"sip-bench-{number:04d}.yaml").write_text(text, encoding="utf-8")


def section_end(lines: list[str], section: str) -> int:
    """Where a top-level list ends: before the next top-level key and the blank lines and comments above it."""
    start = lines.index(f"{section}:")
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in ("", " ", "#")), len(lines))
    while not lines[end - 1].strip() or lines[end - 1].startswith("#"):
        end -= 1
    return end


def mutate_plan(text: str) -> str:
    """The plan after a follow-up visit: one response under way, a due date later, a finding, a review."""
    lines = text.splitlines()
    start = lines.index("responses:")
    unfinished = [i for i in range(start, section_end(lines, "responses"))
                  if lines[i] in ("    status: planned", "    status: in-progress")]
    if unfinished:  # a planned response gets under way; failing that, one under way is done
        i = min(unfinished, key=lambda j: (lines[j] != "    status: planned", j))
        done = ["    status: done", f"    completed: {AS_OF - timedelta(1)}"]
        lines[i:i + 1] = ["    status: in-progress"] if lines[i].endswith("planned") else done
    start = lines.index("improvements:")
    for i in range(start, section_end(lines, "improvements") - 1):  # improvements have no deadline to keep
        if lines[i].startswith("    due: ") and lines[i + 1] in ("    status: planned", "    status: in-progress"):
            lines[i] = f"    due: {date.fromisoformat(lines[i][9:19]) + timedelta(30)}"
            break
    last = dict.fromkeys(("F", "A", "RC", "R", "MS"), 0)
    for prefix, n in re.findall(r"^  - id: (F|A|RC|R|MS)-(\d+)$", text, re.MULTILINE):
        last[prefix] = max(last[prefix], int(n))
    f, a, rc, r, ms = (f"{prefix}-{n + 1}" for prefix, n in last.items())
    identified = AS_OF - timedelta(6)
    added = {
        "findings": [("id", f), ("title", quote("Drinking water in the packing hall not tested")),
                     ("severity", "minor"), ("worker_groups", flow(["migrant"])), ("source", "S-1"),
                     ("identified", identified)],
        "responses": [("id", a), ("kind", "corrective"), ("addresses", flow([f])),
                      ("action", quote("Test the water monthly and post results in workers' languages")),
                      ("owner", quote("Supplier Operations Manager")), ("due", identified + timedelta(60)),
                      ("status", "planned")],
        "root_causes": [("id", rc), ("findings", flow([f])), ("category", "capacity"),
                        ("cause", quote("No maintenance plan for water and sanitation"))],
        "risks": [("id", r), ("risk", quote("Unsafe drinking water")), ("likelihood", "low"), ("impact", "medium"),
                  ("source", [("kind", "operational-function"), ("name", quote("Facilities maintenance"))]),
                  ("root_causes", flow([rc]))],
        "improvements": [("id", ms), ("element", "monitoring"), ("addresses", flow([rc, r])),
                         ("action", quote("Preventive maintenance plan for water and sanitation")),
                         ("owner", quote("Supplier Operations Manager")), ("due", AS_OF + timedelta(90)),
                         ("status", "planned")],
        "reviews": [("date", AS_OF - timedelta(1)), ("by", quote("Responsible Sourcing Committee")),
                    ("summary", quote("Follow-up visit: one response under way, a due date moved, a finding added"))],
    }
    for section, pairs in added.items():
        end = section_end(lines, section)
        lines[end:end] = item(pairs)
    return "\n".join(lines) + "\n"


def mutate(count: int, source: Path, out: Path, seed: int) -> int:
    out.mkdir(parents=True, exist_ok=True)
    plans = sorted(source.glob("*.yaml"))
    active = [path for path in plans if "\nstatus: active\n" in path.read_text(encoding="utf-8")]
    chosen = set(random.Random(seed).sample(active, min(count, len(active))))
    for path in plans:
        if path in chosen:
            (out / path.name).write_text(mutate_plan(path.read_text(encoding="utf-8")), encoding="utf-8")
        else:
            shutil.copyfile(path, out / path.name)
    return len(chosen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate clean sip plans for benchmarking.")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the plans to")
    parser.add_argument("--count", type=int, default=1000, help="how many plans to generate")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--lines", type=int, default=1500, help="about how many lines each plan has")
    parser.add_argument("--mutate", type=int, metavar="K", help="copy the --from corpus, changing K active plans")
    parser.add_argument("--from", dest="source", type=Path, help="the corpus --mutate copies, one this script wrote")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.mutate is not None:
        if args.source is None or not args.source.is_dir():
            parser.error("--mutate needs --from, an existing folder of plans")
        changed = mutate(args.mutate, args.source, args.out, args.seed)
        print(f"copied {args.source} to {args.out}, changing {changed} plans", end="")
    else:
        generate(args.count, args.out, args.seed, args.lines)
        print(f"wrote {args.count} plans to {args.out}", end="")
    print(f" in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
