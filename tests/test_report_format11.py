"""Reports show format 1.1's facts, in words, the same in Markdown and HTML; and the public
version leaves out what format 1.1 section 9 says it must, through the real command line."""

from __future__ import annotations

import html as markup
import re

import pytest
import yaml

from tests.conftest import AS_OF, DATA

PLAN = DATA / "format11-report.yaml"


def shown(sip, format: str, audience: str = "internal", plan=PLAN) -> str:
    """What a reader sees: Markdown with its escapes undone, or the words of the HTML page."""
    out = sip("render", "--as-of", AS_OF, "--format", format, "--audience", audience, plan)
    assert out.exit_code == 0, out.stderr
    text = out.stdout
    if format == "html":
        text = markup.unescape(re.sub(r"<[^>]+>", " ", text))
    else:
        text = re.sub(r"\\(.)", r"\1", text).replace("<br>", " ").replace("**", "")
        text = re.sub(r"\[([^\]]+)\]\(#[^)]*\)", r"\1", text)  # links read as their words
    return normal(text)


def normal(text: str) -> str:
    """Words and their order, without the marks that differ between a table row, a list item
    and a definition list (|, :, spaces before punctuation)."""
    text = re.sub(r"[|:·]", " ", text.replace("\u202f", " "))
    return re.sub(r" ([.,;)])", r"\1", " ".join(text.split()))


# What each new fact reads as, in both formats.
FACTS = [
    "Critical (zero tolerance) Forced labour",  # determination, written: the label it earns
    "Indicators only (read from severity and indicators)",  # ... and derived, said in words
    "Indicators of forced labour (not written in the plan: read from its severity and indicators)",
    "Disputed by the site: The supplier blames its agents for every fee",  # the site's response
    "Repeats F-1: the problem came back.",  # recurrence
    "(repeats F-1)",
    "assessed 2026-06-05 by SP-1: Forty workers said they still owe village lenders",
    "2026-08-01 212,000 USD not paid, 9 days overdue",  # the schedule: overdue
    "2026-06-30 212,000 USD 2026-06-29",  # ... paid
    "2026-10-30 212,000 USD not yet due",  # ... due
    "3,000 USD per worker covered",  # money per worker covered
    "182 current, 30 former",  # current and former workers
    "150 reached (70.8 %)",  # share reached, rounded honestly
    "Paid by: shared",  # payer
    "Repays: recruitment fee, travel (in full)",  # cost items and extent
    "Unclaimed money: Unclaimed sums go to a fund run with SP-1",
    "Organisations: P-2",  # parties of a response
    "P-2 Example Law Chambers Kathmandu Law firm Pays workers who went home",
    "2026-06-10 Worker committee Monthly committee meeting in Nepali Workers asked for receipts",
    "Verified 2026-06-20 by P-1 (independent), 40 workers interviewed",
    "Partly effective (2026-08-05): Two of twenty new hires still paid a fee",
    "Not yet shown to work: no effectiveness review is recorded.",  # effectiveness missing
    "Escalation: probation",
    "Facilities 2 covered by this plan",
    "Money remedies: cover 212 of 212 affected workers (100 %); 150 reached (70.8 %)",  # at a glance
    "Unpaid instalments past due: A-2",
]


@pytest.mark.parametrize("format", ["md", "html"])
def test_every_new_fact_is_shown_in_both_formats(sip, format):
    report = shown(sip, format)
    assert [fact for fact in FACTS if normal(fact) not in report] == []


def test_missing_facts_are_said_in_words(sip, write):
    plan = yaml.safe_load(PLAN.read_text("utf-8"))
    del plan["worker_engagement"]
    del plan["findings"][0]["needs_assessment"]
    remedy = plan["responses"][1]
    for field in ("workers_reached", "former_workers", "payer", "cost_items", "extent"):
        del remedy[field]
    del plan["responses"][0]["verification"]["by"]
    path = write("plan.yaml", yaml.safe_dump(plan, sort_keys=False))
    for format in ("md", "html"):
        report = shown(sip, format, plan=path)
        assert "No record of how the workers or their representatives took part in the plan." in report
        assert "Workers' needs no assessment recorded" in report
        assert "reached not reported" in report  # never "0 reached"
        assert "Paid by not given" in report and "Repays not given" in report
        assert "Verified 2026-06-20 (verifier not named) (independent)" in report


@pytest.mark.parametrize("format", ["md", "html"])
def test_the_public_report_leaves_out_what_section_9_lists(sip, format):
    internal = shown(sip, format)
    public = shown(sip, format, "public")
    left_out = [
        "SUP-SECRET-77",  # site.supplier_id
        "REF-CONFIDENTIAL-1",  # sources[].reference
        "Forty workers said",  # needs_assessment.summary
        "Workers asked for receipts",  # worker_engagement[].summary
        "VR-SECRET-2",  # verification.evidence
        "Two of twenty new hires still paid a fee",  # improvements[].effectiveness.evidence (issue 20)
        "Example Law Chambers Kathmandu",  # a law firm's name
        "Hotline case HL-99",  # a confidential source
        "A finding the company keeps confidential",  # a confidential finding
        "F-3",
        "S-2",  # their ids, wherever referred to
        "SIP504",
        "Waivers",
        "Validation",  # the waivers and validation sections
        "format11-report.yaml",  # the plan's file name
        "Ravi Reviewer",  # reviewers' names
    ]

    def has(text: str, part: str) -> bool:
        return re.search(rf"(?<![\w-]){re.escape(normal(part))}(?![\w-])", text) is not None

    assert [s for s in left_out if not has(internal, s)] == []  # each could have leaked
    assert [s for s in left_out if has(public, s)] == []
    assert normal("1 confidential finding is not shown.") in public
    assert normal("1 confidential source is not shown.") in public
    assert normal("Explains F-1, F-2, a confidential item.") in public
    assert normal("from S-1 (Social audit) and a confidential item") in public
    assert normal("Public version. Left out: evidence") in public
    assert normal("P-2 name not published Law firm") in public
    assert "Example Verification Ltd" in public  # a verifier's name is not withheld
    # the site's response stands beside the allegation (format 1.2 changed section 9)
    assert normal("Disputed by the site: The supplier blames its agents for every fee") in public


@pytest.mark.parametrize("format", ["md", "html"])
def test_a_public_site_index_has_no_validation_column(sip, tmp_path, format):
    out = sip(
        "render",
        "--as-of",
        AS_OF,
        "--format",
        format,
        "--audience",
        "public",
        "--out",
        tmp_path,
        PLAN,
        DATA / "minimal.yaml",
    )
    assert out.exit_code == 0, out.stderr
    index = (tmp_path / ("README.md" if format == "md" else "index.html")).read_text("utf-8")
    assert "Validation" not in index and "warning" not in index
    assert "Public version. Left out" in index
