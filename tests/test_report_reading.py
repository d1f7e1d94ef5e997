"""The report as a board reads it (issue 14): each oddity a director tripped over is gone, in
both formats, through the real command line.

The plan (tests/data/format11-report.yaml) has what used to go wrong: one root cause behind
three findings, a voluntary repatriation still on offer and no rehabilitation or
reintegration, a remedy without money, 212 workers who are all migrant workers, a response
past due, and validation results.
"""

from __future__ import annotations

import html as markup
import re

import pytest

from tests.conftest import AS_OF, DATA

PLAN = DATA / "format11-report.yaml"


def render(sip, format: str, audience: str = "internal") -> str:
    out = sip("render", "--as-of", AS_OF, "--format", format, "--audience", audience, PLAN)
    assert out.exit_code == 0, out.stderr
    return out.stdout


def text_of(html: str) -> str:
    """The words a reader sees in an HTML page, roughly."""
    inline = re.sub(r"</?(?:span|a|strong)\b[^>]*>", "", html)
    return " ".join(markup.unescape(re.sub(r"<[^>]+>", " ", inline)).split())


@pytest.mark.parametrize("format", ["md", "html"])
def test_a_root_cause_is_shown_once_and_referred_to(sip, format):
    report = render(sip, format)
    assert report.count("No employer-pays policy anywhere in the supply chain") == 1
    # each of the three findings refers to it by id
    assert (
        report.count(
            "(see [root causes](#root-causes))"
            if format == "md"
            else '(see <a href="#root-causes">root causes</a>)'
        )
        == 3
    )


@pytest.mark.parametrize("format", ["md", "html"])
def test_one_restorative_remedy_is_enough_and_money_is_a_remedy(sip, format):
    report = render(sip, format)
    assert "None planned" not in report
    assert "No remedy is planned" not in report
    shown = report if format == "md" else text_of(report)
    assert "Not part of this plan: rehabilitation, reintegration." in shown


@pytest.mark.parametrize("format", ["md", "html"])
def test_a_remedy_without_money_has_no_money_column(sip, format):
    report = render(sip, format)
    repatriation = report[report.index("Voluntary repatriation") :]
    repatriation = repatriation[: repatriation.index("Not part of this plan")]
    assert "Money" not in repatriation
    assert "none" not in repatriation.lower().replace("\n", " ").split("contingency")[0]


@pytest.mark.parametrize("format", ["md", "html"])
def test_workers_who_are_all_migrants_are_said_so(sip, format):
    report = render(sip, format)
    assert "212, of whom 212" not in report
    assert "212, all of them migrant workers" in report


@pytest.mark.parametrize("format", ["md", "html"])
def test_an_open_offer_of_travel_home_is_not_said_to_be_asked_for(sip, format):
    report = render(sip, format)
    assert "the worker asked to go home" not in report
    assert "Voluntary: offered to the workers who ask to go home." in report


@pytest.mark.parametrize("format", ["md", "html"])
def test_each_finding_lists_its_responses_with_due_date_and_status(sip, format):
    report = render(sip, format)
    finding = report[report.index("F-2: Fees charged again") :]
    finding = finding[: finding.index("F-3: A finding")]
    shown = finding if format == "md" else text_of(finding)
    assert "Stop using the agent who charged new hires" in shown
    assert "due 2026-08-05" in shown
    assert "5 days overdue" in shown  # late is marked where the reader is


@pytest.mark.parametrize("audience", ["internal", "public"])
@pytest.mark.parametrize("format", ["md", "html"])
def test_a_one_minute_summary_opens_every_report(sip, format, audience):
    report = render(sip, format, audience)
    summary_at = report.index("In one minute")
    assert summary_at < report.index("Country")  # before the facts, the contents, the findings
    shown = report[summary_at : report.index("Country")]
    shown = shown.replace("**", "") if format == "md" else text_of(shown)
    findings = 3 if audience == "internal" else 2  # the public does not count a confidential one
    assert f"Found at Example Components Sdn Bhd: {findings} findings" in shown
    assert "forced labour established in 1; 1 shows indicators of forced labour" in shown
    assert "Money: USD 636,000 committed by several payers together, 212,000 paid (33.3 %)." in shown
    assert (
        "for F-1, money remedies cover 212 of 212 affected workers (100 %); 150 reached so far (70.8 % of the affected)"
        in shown
    )
    assert (
        "Late: 1 action past due: A-5 “Stop using the agent who charged new hires” (5 days); 1 unpaid "
        "instalment past due, on A-2 “Repay recruitment fees in three instalments”." in shown
    )
    assert (
        "Next: A-3 “Paid travel home for workers who ask for it” due 2026-08-20; A-2 “Repay recruitment "
        "fees in three instalments” due 2026-10-30; the plan's next review on 2026-09-30." in shown
    )
    assert ("Worst open problem:" in shown) is (audience == "internal")


def test_the_validation_table_comes_after_a_clear_break(sip):
    md = render(sip, "md")
    rule = md.index('\n---\n\n<a id="maintainers"></a>\n## For the people who maintain the plan')
    assert md.index("## Review log") < rule < md.index("### Waivers") < md.index("### Validation")
    html = render(sip, "html")
    assert html.index("</main>") < html.index('<hr class="break">') < html.index('id="validation"')
    assert '<aside class="maintainers"' in html


@pytest.mark.parametrize("format", ["md", "html"])
def test_both_formats_build_their_contents_from_the_same_sections(sip, format):
    from sip.output.render.words import CONTENTS, MAINTENANCE

    report = render(sip, format)
    for section in (*CONTENTS, *MAINTENANCE):
        link = (
            f"[{section.short}](#{section.id})"
            if format == "md"
            else f'<a href="#{section.id}">{section.short}</a>'
        )
        assert link in report, section
        assert (f'<a id="{section.id}"></a>' if format == "md" else f'id="{section.id}"') in report
    assert "Due in the next 30 days" in report  # the constant's words


def test_no_template_writes_the_shared_words_itself():
    """Headings and sentences come from sip/output/render/words.py: a template that wrote one
    itself would drift from the other format the day the words change."""
    import dataclasses

    from sip.output.render.words import SECTIONS, WORDS
    from tests.conftest import ROOT

    said = [getattr(WORDS, f.name) for f in dataclasses.fields(WORDS)]
    said += [getattr(SECTIONS, f.name).title for f in dataclasses.fields(SECTIONS)]
    said = [s for s in said if " " in s]  # a one-word heading ("Findings") is also a caption's word
    for name in ("report.html.j2", "report.md.j2", "macros.html.j2", "macros.md.j2"):
        template = (ROOT / "templates" / name).read_text("utf-8")
        assert [s for s in said if s in template] == [], name
