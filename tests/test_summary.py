"""The one-minute summary says exactly what the plan shows (issue 19, item 1): a test per sentence,
and for each problem an auditor found in real cases, a plan that showed it with what the summary
said before (BEFORE, now gone) and says now. Through the real command line, in both formats."""

from __future__ import annotations

import copy
import html
import re

import pytest
import yaml

from tests.conftest import AS_OF, DATA

BASE = yaml.safe_load((DATA / "minimal.yaml").read_text("utf-8"))


def plan(**changes) -> dict:
    """The minimal plan with a critical finding of forced labour, its fields changed."""
    p = copy.deepcopy(BASE)
    p["findings"][0].update(
        severity="critical", indicators=["debt-bondage", "deception"], workers_affected=420
    )
    for key, value in changes.items():
        p[key] = value
    return p


def remedy(id: str, **fields) -> dict:
    out = {
        "id": id,
        "kind": "remedy",
        "remedy": "reimbursement",
        "addresses": ["F-1"],
        "action": f"Repay the recruitment fees ({id})",
        "owner": "Supplier Managing Director",
        "due": "2026-09-15",
        "status": "in-progress",
    }
    out.update(fields)
    return out


def summary(sip, write, data: dict, audience: str = "internal", format: str = "md") -> list[str]:
    """The summary's sentences as a reader sees them."""
    path = write("plan.yaml", yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    out = sip("render", "--as-of", AS_OF, "--force", "-f", format, "--audience", audience, path)
    assert out.exit_code == 0, out.stderr
    if format == "md":
        part = out.stdout.split("## In one minute", 1)[1].split("\n\n|", 1)[0]
        lines = [line[2:].replace("**", "") for line in part.splitlines() if line.startswith("- ")]
        return [re.sub(r"\\(.)", r"\1", line) for line in lines]
    part = out.stdout.split('class="brief">', 1)[1].split("</section>", 1)[0]
    return [
        html.unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in re.findall(r"<li>(.*?)</li>", part)
    ]


def sentence(sentences: list[str], start: str) -> str:
    found = [s for s in sentences if s.startswith(start)]
    assert len(found) == 1, (start, sentences)
    return found[0]


# -- issue 19's findings, each before and after -------------------------------------------------


@pytest.mark.parametrize("format", ["md", "html"])
def test_a_suspicion_reads_as_one_and_indicators_are_not_denied(sip, write, format):
    """Before: "it is forced labour (1 suspected)" and, for indicators only, "it is not forced
    labour"."""
    found = sentence(summary(sip, write, plan(), format=format), "Found")
    assert "it is forced labour" not in found
    assert found == (
        "Found at Example Textiles, Unit 2: 1 finding (critical): forced labour suspected; at least 420 workers affected."
    )
    data = plan()
    data["findings"][0].update(severity="major", indicators=["deception"])
    found = sentence(summary(sip, write, data, format=format), "Found")
    assert "not forced labour" not in found
    assert ": it shows indicators of forced labour;" in found
    data["findings"][0].update(determination="substantiated")
    assert ": forced labour established;" in sentence(summary(sip, write, data, format=format), "Found")


def test_several_findings_by_determination(sip, write):
    data = plan()
    second = dict(data["findings"][0], id="F-2", determination="substantiated", title="Passports held")
    third = dict(
        data["findings"][0], id="F-3", severity="minor", indicators=["deception"], title="Contract changed"
    )
    fourth = dict(data["findings"][0], id="F-4", severity="minor", indicators=[], title="Overtime")
    data["findings"] += [second, third, fourth]
    found = sentence(summary(sip, write, data), "Found")
    assert found.startswith("Found at Example Textiles, Unit 2: 4 findings (2 critical, 2 minor): ")
    assert (
        "forced labour established in 1 and suspected in 1; 1 shows indicators of forced labour; 1 not about forced labour"
        in found
    )


def test_verified_with_the_workers_is_counted_apart_from_done(sip, write):
    """Before: "2 of them done or verified" for a plan where no worker was asked (one real case)."""
    data = plan()
    verification = {"method": "Payroll records", "evidence": "Ledger", "date": "2026-08-01"}
    data["responses"] = [
        remedy("A-2", status="verified", completed="2026-07-30", verification=dict(verification)),
        remedy("A-3", status="done", completed="2026-07-30", remedy="back-pay"),
        dict(remedy("A-4"), kind="protection", remedy=None),
    ]
    del data["responses"][2]["remedy"]
    said = sentence(summary(sip, write, data), "For the workers")
    assert "done or verified" not in said
    assert said == (
        "For the workers: 1 protection response and 2 remedies; none is verified with the workers; 1 verified with "
        "no worker interviewed on record; 1 is done but not verified; 1 is open."
    )
    data["responses"][0]["verification"]["workers_interviewed"] = 40
    assert "1 verified with the workers" in sentence(summary(sip, write, data), "For the workers")


def test_no_payment_on_record_is_not_a_payment_of_0(sip, write):
    """Before: "paid so far USD 0 of 420,593 (0 %)", on a public page about a named supplier."""
    data = plan(responses=[remedy("A-2", amount={"committed": 420593, "currency": "USD"}, payer="site")])
    for audience in ("internal", "public"):
        said = sentence(summary(sip, write, data, audience), "Money")
        assert "USD 0 of" not in said and "(0 %)" not in said
        assert said == "Money: USD 420,593 committed by the site, payment not reported."
    data["responses"][0]["amount"]["paid"] = 0  # a payment of 0 on record is said as such
    assert (
        sentence(summary(sip, write, data), "Money")
        == "Money: USD 420,593 committed by the site, 0 paid (0 %)."
    )


def test_a_remedy_that_records_no_count_is_not_dropped(sip, write):
    """Before: "reached 19,673 of the 19,673 workers they cover (100 %)", the former workers'
    programme, which records no count, left out."""
    data = plan(
        responses=[
            remedy(
                "A-2", workers_covered=19673, workers_reached=19673, status="done", completed="2026-07-30"
            ),
            remedy("A-3", action="Fund for former workers who went home"),
        ]
    )
    data["findings"][0]["workers_affected"] = 34643
    said = sentence(summary(sip, write, data), "Coverage")
    assert "19,673 of the 19,673" not in said
    assert said.startswith(
        "Coverage: for F-1, money remedies cover at least 19,673 of 34,643 affected workers (56.8 %) (A-3 does not "
        "record how many workers it covers)"
    )
    assert "workers reached not reported for A-3" in said


def test_coverage_is_against_the_workers_affected(sip, write):
    """Before: "reached 300 of the 300 workers they cover (100 %)" with 420 affected a line above."""
    data = plan(responses=[remedy("A-2", workers_covered=300, workers_reached=300, former_workers=0)])
    data["findings"][0]["former_workers"] = 120
    said = sentence(summary(sip, write, data), "Coverage")
    assert said == (
        "Coverage: for F-1, money remedies cover 300 of 420 affected workers (71.4 %), none of its 120 former "
        "workers; 300 reached so far (71.4 % of the affected)."
    )
    worst = sentence(summary(sip, write, data), "Worst open problem")
    assert (
        worst
        == "Worst open problem: 120 workers affected by F-1 are covered by no money remedy (300 of 420 covered)."
    )
    data["findings"][0]["not_covered"] = "Workers hired directly paid no fee"
    said = sentence(summary(sip, write, data), "Coverage")
    assert said.endswith("(the plan says why some workers get none).")


def test_lateness_counts_responses_planned_past_their_deadline(sip, write):
    """Before: "Late: nothing" for a former-worker fund due 1,249 days after the remedy deadline
    (the deadline: 90 days from a critical finding's identification)."""
    data = plan(responses=[remedy("A-2", due="2030-02-26", action="Fund for former workers")])
    data["findings"][0]["identified"] = "2026-06-28"
    said = sentence(summary(sip, write, data), "Late")
    assert said != f"Late: nothing, as of {AS_OF}."
    assert said == (
        "Late: 1 open response planned past its deadline: A-2 “Fund for former workers”, due 1,249 days after its "
        "remedy deadline."
    )


def test_late_counts_overdue_actions_instalments_and_a_missed_review(sip, write):
    schedule = [{"due": "2026-07-01", "amount": 100}, {"due": "2026-09-30", "amount": 100}]
    data = plan(
        responses=[
            remedy("A-2", amount={"committed": 200, "currency": "USD"}, schedule=schedule, due="2026-09-30")
        ],
        next_review="2026-08-01",
    )
    data["responses"].append(dict(BASE["responses"][0], due="2026-08-01"))
    said = sentence(summary(sip, write, data), "Late")
    assert said == (
        "Late: 1 action past due: A-1 “Cap weekly hours and record them electronically” (9 days); 1 unpaid "
        "instalment past due, on A-2 “Repay the recruitment fees (A-2)”; the review due on 2026-08-01 has not been "
        "logged."
    )


def test_a_finished_response_past_its_deadline_is_history(sip, write):
    data = plan(responses=[remedy("A-2", status="done", completed="2026-12-01", due="2026-12-01")])
    data["findings"][0]["identified"] = "2026-06-28"
    data["status"] = "active"
    said = sentence(summary(sip, write, data), "Late")
    assert said.startswith(f"Late: nothing, as of {AS_OF}; 1 response finished after its deadline: A-2")


def test_money_by_currency_and_by_payer(sip, write):
    """Before: "Costs: remedy money committed, USD 3,400,000" for a supplier's money, as if the
    brand's, repeating the line above."""
    data = plan(
        responses=[
            remedy("A-2", amount={"committed": 3400000, "paid": 567000, "currency": "USD"}, payer="site"),
            remedy(
                "A-3",
                amount={"committed": 120000, "paid": 20000, "currency": "USD"},
                payer="company",
                remedy="back-pay",
            ),
            remedy("A-4", amount={"committed": 50000, "currency": "MYR"}, remedy="compensation"),
        ]
    )
    sentences = summary(sip, write, data)
    assert not any(s.startswith("Costs") for s in sentences)
    assert sentence(sentences, "Money") == (
        "Money: MYR 50,000 committed by a payer the plan does not name, payment not reported; USD 120,000 committed "
        "by the company, 20,000 paid (16.7 %); USD 3,400,000 committed by the site, 567,000 paid (16.7 %)."
    )


def test_a_closed_plan_with_workers_waiting_or_a_relationship_ended_says_so_first(sip, write):
    """Before: "Next: nothing; the plan closed on ..." with the repayment open and the relationship
    ended."""
    data = plan(status="closed", closed="2026-08-01")
    termination = dict(
        BASE["responses"][0],
        id="A-9",
        action="No further orders to the site",
        escalation="termination",
        status="done",
        completed="2026-07-31",
    )
    data["responses"] = [remedy("A-2", action="Repay the recruitment fees"), termination]
    sentences = summary(sip, write, data)
    assert sentences[0] == (
        "Closed on 2026-08-01 with 1 remedy for the workers still open: A-2 “Repay the recruitment fees” (due 2026-09-15)."
    )
    assert (
        sentences[1]
        == "The company ended its relationship with the site on 2026-07-31: A-9 “No further orders to the site”."
    )
    assert (
        sentence(sentences, "Next")
        == "Next: nothing is scheduled: the plan closed on 2026-08-01 with 2 actions still open."
    )


def test_next_names_actions_by_their_words(sip, write):
    """Before: "Next: A-4 due ...; MS-2 due ..." (ids a board cannot read)."""
    said = sentence(summary(sip, write, plan()), "Next")
    assert said == (
        "Next: A-1 “Cap weekly hours and record them electronically” due 2026-09-15; MS-1 “Plan peak orders with the "
        "supplier's capacity and extend...” due 2026-12-31."
    )


def test_shares_are_rounded_honestly():
    """Before: 16.7 % showed as "16 %"."""
    from sip.output.figures import percent

    assert [
        percent(1, 6),
        percent(2, 5),
        percent(1, 3000),
        percent(2999, 3000),
        percent(3, 3),
        percent(0, 5),
    ] == [
        "16.7 %",
        "40 %",
        "under 0.1 %",
        "over 99.9 %",
        "100 %",
        "0 %",
    ]


# -- each sentence's other cases ----------------------------------------------------------------


def test_found_says_what_is_not_recorded_repeats_and_disputes(sip, write):
    data = plan()
    del data["findings"][0]["workers_affected"]
    data["findings"][0]["disputed"] = "The site says the agents charged the fees"
    second = dict(data["findings"][0], id="F-2", title="Fees again", repeats="F-1", identified="2026-07-02")
    del second["disputed"]
    data["findings"].append(second)
    found = sentence(summary(sip, write, data, "public"), "Found")
    assert found.endswith(
        "workers affected not recorded; F-2 repeats F-1; the site disputes F-1 (its response is shown with the finding)."
    )


def test_workers_with_nothing_for_them(sip, write):
    assert sentence(summary(sip, write, plan()), "For the workers") == (
        "For the workers: no protection or remedy is recorded."
    )


def test_coverage_without_money_or_counts(sip, write):
    assert sentence(summary(sip, write, plan()), "Coverage") == "Coverage: F-1 has no money remedy."
    data = plan(responses=[remedy("A-2")])
    assert sentence(summary(sip, write, data), "Coverage") == (
        "Coverage: for F-1, coverage not recorded (A-2 does not record how many workers it covers)."
    )
    del data["findings"][0]["workers_affected"]
    data["responses"][0]["workers_covered"] = 50
    assert sentence(summary(sip, write, data), "Coverage").startswith(
        "Coverage: for F-1, money remedies cover 50 workers; workers affected not recorded"
    )


def test_no_coverage_sentence_without_forced_labour(sip, write):
    data = plan()
    data["findings"][0].update(severity="major", indicators=[])
    assert not [s for s in summary(sip, write, data) if s.startswith("Coverage")]


def test_money_without_any_amount(sip, write):
    assert sentence(summary(sip, write, plan()), "Money") == "Money: no remedy records an amount."


@pytest.mark.parametrize(
    ("change", "worst"),
    [
        ({}, "Worst open problem: F-1 (forced labour suspected) has no protection or remedy."),
        (
            {"responses": [remedy("A-2", due="2026-07-01")]},
            "Worst open problem: A-2 “Repay the recruitment fees (A-2)”, for workers in forced labour, is 40 days past due.",
        ),
        (
            {
                "responses": [
                    remedy(
                        "A-2",
                        amount={"committed": 200, "currency": "USD"},
                        schedule=[{"due": "2026-07-20", "amount": 200}],
                    )
                ]
            },
            "Worst open problem: an instalment of A-2 “Repay the recruitment fees (A-2)” due 2026-07-20 is unpaid, 21 days late.",
        ),
        (
            {"responses": [remedy("A-2", due="2027-03-01", workers_covered=420)]},
            "Worst open problem: A-2 “Repay the recruitment fees (A-2)” is due 156 days after its remedy deadline (2026-09-26).",
        ),
        (
            {"responses": [remedy("A-2", workers_covered=420), dict(BASE["responses"][0], due="2026-08-01")]},
            "Worst open problem: A-1 “Cap weekly hours and record them electronically” is 9 days past due.",
        ),
        (
            {"responses": [remedy("A-2", workers_covered=420)], "next_review": "2026-08-01"},
            "Worst open problem: the plan's review due on 2026-08-01 has not been logged.",
        ),
    ],
)
def test_the_worst_open_problem_is_for_the_board_only(sip, write, change, worst):
    data = plan(**change)
    assert sentence(summary(sip, write, data), "Worst open problem") == worst
    assert not [s for s in summary(sip, write, data, "public") if s.startswith("Worst")]


def test_no_worst_open_problem_when_there_is_none(sip, write):
    data = plan(responses=[remedy("A-2", workers_covered=420)])
    assert not [s for s in summary(sip, write, data) if s.startswith("Worst")]


def test_the_public_summary_counts_only_what_the_public_sees(sip, write):
    data = plan(
        responses=[remedy("A-2", workers_covered=420), remedy("A-3", confidential=True, due="2026-07-01")]
    )
    public = summary(sip, write, data, "public")
    assert (
        sentence(public, "For the workers")
        == "For the workers: 1 remedy; none is verified with the workers; 1 is open."
    )
    assert sentence(public, "Late") == f"Late: nothing, as of {AS_OF}."
    assert "A-3" not in " ".join(public)


@pytest.mark.parametrize("format", ["md", "html"])
def test_former_workers_are_said_of_the_finding_that_records_them(sip, write, format):
    """Before: "at least 520 workers affected, 40 of them former workers", where the 520 were
    another finding's (passports of every migrant worker) and the 40 had left among F-1's 300."""
    data = plan()
    data["findings"][0].update(workers_affected=300, former_workers=40)
    second = copy.deepcopy(data["findings"][0])
    second.update(id="F-2", title="Passports kept in the HR office", workers_affected=520)
    del second["former_workers"]
    data["findings"].append(second)
    found = sentence(summary(sip, write, data, format=format), "Found")
    assert "of them former workers" not in found
    assert found.endswith("at least 520 workers affected; 40 former workers among the 300 of F-1.")
    # the finding with the most workers records its former ones: they are among those
    data["findings"][1]["former_workers"] = 60
    found = sentence(summary(sip, write, data, format=format), "Found")
    assert found.endswith("at least 520 workers affected, 60 of them former workers.")
