"""Format 1.2's boundaries, through the real command line on files on disk: where each new rule
starts and stops firing, the figures its message quotes, and the settings that move it.

Each test writes a variant of a rule case (tests/rules/cases), changed where the boundary is,
and asserts what `sip validate` says: codes, lines, columns and the exit status."""

from __future__ import annotations

import json

import pytest

from sip.format import vocab
from tests.test_rule_cases import CASES

AS_OF = "2026-08-10"


def variant(name: str, *changes: tuple[str, str]) -> str:
    """A rule case's text with each (old, new) made once: every `old` must be in it exactly once."""
    text = (CASES / name).read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, (name, old)
        text = text.replace(old, new)
    return text


def check(sip, write, text: str, *args: str, name: str = "plan.yaml", as_of: str = AS_OF):
    plan = write(name, text)
    outcome = sip("validate", "--as-of", as_of, "--format", "json", *args, plan)
    return outcome, json.loads(outcome.stdout)["diagnostics"]


def codes(diagnostics) -> list[tuple[int, int, str]]:
    return [(d["line"], d["column"], d["code"]) for d in diagnostics]


# -- SIP409: coverage per type of remedy, and not_covered -----------------------------------


def test_coverage_adds_up_within_a_type_and_quotes_the_figures(sip, write):
    outcome, found = check(sip, write, (CASES / "SIP409-fails.yaml").read_text(encoding="utf-8"))
    assert codes(found) == [(20, 23, "SIP409"), (21, 21, "SIP409")]
    assert "the reimbursement A-2 covers 300 of 420 affected workers" in found[0]["message"]
    assert "cover the other 120" in found[0]["message"]
    assert "120 former workers" in found[1]["message"] and "not_covered" in found[1]["message"]
    assert outcome.exit_code == 0  # warnings


@pytest.mark.parametrize(
    ("covered", "fires"),
    [(419, True), (420, False), (421, False)],
)
def test_one_remedy_covering_all_the_affected_workers_is_enough(sip, write, covered, fires):
    text = variant(
        "SIP409-fails.yaml",
        (
            "workers_covered: 300\n    former_workers: 0",
            f"workers_covered: {covered}\n    former_workers: 120",
        ),
    )
    _, found = check(sip, write, text)
    assert [d["code"] for d in found if d["code"] == "SIP409"] == (["SIP409"] if fires else [])


def test_remedies_of_different_types_do_not_add_up(sip, write):
    _, found = check(sip, write, (CASES / "SIP409-fails-per-type.yaml").read_text(encoding="utf-8"))
    assert [d["code"] for d in found] == ["SIP409"]
    assert "the back-pay A-4 covers 300 of 420 affected workers" in found[0]["message"]


def test_not_covered_answers_both_halves(sip, write):
    text = variant(
        "SIP409-fails.yaml",
        (
            "    source: S-1\n",
            "    not_covered: The 120 who left were repaid by the agents (court order)\n    source: S-1\n",
        ),
    )
    assert check(sip, write, text)[1] == []


def test_a_cancelled_remedy_counts_for_nothing(sip, write):
    text = variant(
        "SIP409-passes-two-of-a-type.yaml",
        (
            "    status: in-progress\n    workers_covered: 120",
            "    status: cancelled\n    workers_covered: 120",
        ),
    )
    _, found = check(sip, write, text)
    assert [d["path"] for d in found] == ["findings[0].workers_affected", "findings[0].former_workers"]


# -- SIP410: fees against the money per worker ----------------------------------------------


def test_remedy_below_the_documented_fees_quotes_both(sip, write):
    _, found = check(sip, write, (CASES / "SIP410-fails.yaml").read_text(encoding="utf-8"))
    assert codes(found) == [(52, 25, "SIP410")]
    message = found[0]["message"]
    assert "USD 500 per worker against documented fees of USD 1,200 to 1,800" in message
    assert "A-2 says extent: full, which the plan's own figures contradict" in message


@pytest.mark.parametrize(("committed", "fires"), [(503999, True), (504000, False)])
def test_the_boundary_is_the_low_fee_times_the_workers(sip, write, committed, fires):
    # 420 workers at the low fee of USD 1,200: USD 504,000
    text = variant("SIP410-fails.yaml", ("committed: 210000", f"committed: {committed}"))
    assert bool(check(sip, write, text)[1]) == fires


def test_fees_in_another_currency_are_not_compared(sip, write):
    assert (
        check(sip, write, (CASES / "SIP410-passes-other-currency.yaml").read_text(encoding="utf-8"))[1] == []
    )
    # the same figures in the fees' currency are compared
    text = variant("SIP410-passes-other-currency.yaml", ("currency: MYR}", "currency: USD}"))
    assert [d["code"] for d in check(sip, write, text)[1]] == ["SIP410"]


def test_a_reimbursement_without_its_count_makes_the_comparison_unknown(sip, write):
    text = variant("SIP410-fails.yaml", ("    workers_covered: 420\n", ""))
    assert [d["code"] for d in check(sip, write, text)[1]] == []


# -- SIP510: how many workers a verification must hear --------------------------------------


def _heard(covered: int, interviewed: int) -> str:
    return variant(
        "SIP510-passes.yaml",
        ("workers_affected: 420\n    former_workers: 120", f"workers_affected: {covered}"),
        ("workers_covered: 420\n    former_workers: 120", f"workers_covered: {covered}"),
        ("workers_reached: 420", f"workers_reached: {covered}"),
        ("workers_interviewed: 30", f"workers_interviewed: {interviewed}"),
        ("committed: 630000, paid: 630000", f"committed: {1500 * covered}, paid: {1500 * covered}"),
    )


@pytest.mark.parametrize(
    ("covered", "needed"),
    [(300, 30), (40, 4), (70, 7), (1000, 30), (1, 1), (11, 2)],
)
def test_min_share_is_rounded_up_and_computed_exactly(sip, write, covered, needed):
    """300 workers need 30, 40 need 4, and 70 at 0.10 need 7 (not 8, as 0.1 * 70 in floating point
    would round up to)."""
    _, below = check(sip, write, _heard(covered, needed - 1))
    assert [d["code"] for d in below] == ["SIP510"]
    assert f"at least {needed} are needed" in below[0]["message"]
    assert below[0]["path"] == "responses[1].verification.workers_interviewed"
    _, enough = check(sip, write, _heard(covered, needed))
    assert enough == []


def test_min_workers_and_min_share_are_configured(sip, write):
    write("sip.toml", "[verification]\nmin-workers = 50\nmin-share = 0.25\n")
    # 300 workers: the smaller of 50 and 75 is 50
    _, found = check(sip, write, _heard(300, 49))
    assert (
        "at least 50 are needed (the smaller of min-workers, 50, and 25 % of the 300" in found[0]["message"]
    )
    assert check(sip, write, _heard(300, 50))[1] == []


def test_a_configured_share_is_computed_exactly(sip, write):
    """0.07 of 100 is 7: in floating point it is 7.000000000000001, which rounds up to 8."""
    write("sip.toml", "[verification]\nmin-share = 0.07\n")
    _, found = check(sip, write, _heard(100, 6))
    assert "at least 7 are needed" in found[0]["message"]
    assert check(sip, write, _heard(100, 7))[1] == []


def test_a_count_not_recorded_is_reported_at_the_verification(sip, write):
    _, found = check(sip, write, (CASES / "SIP510-fails-not-recorded.yaml").read_text(encoding="utf-8"))
    assert found[0]["path"] == "responses[1].verification"
    assert "without recording how many workers were interviewed" in found[0]["message"]


def _closed(interviewed: str | None, status: str = "verified") -> str:
    """SIP508's closed plan, its repayment verified with `interviewed` workers asked."""
    text = (CASES / "SIP508-passes.yaml").read_text(encoding="utf-8")
    old = "by: SP-1, workers_interviewed: 40}"
    assert text.count(old) == 1
    new = "by: SP-1}" if interviewed is None else f"by: SP-1, workers_interviewed: {interviewed}}}"
    text = text.replace(old, new)
    if status != "verified":
        text = text.replace(
            "    status: verified\n    completed: 2026-08-02\n    verification: {method: SP-1 checked",
            f"    status: {status}\n    completed: 2026-08-02\n    verification: {{method: SP-1 checked",
            1,
        )
    return text


@pytest.mark.parametrize(
    ("interviewed", "expected"),
    [
        ("0", ["SIP508"]),  # SIP508 wins: verified on paper only
        ("1", ["SIP510"]),  # one worker heard is SIP510's
        (None, ["SIP510"]),  # the count not recorded
        ("30", []),
    ],
)
def test_sip510_beside_sip508(sip, write, interviewed, expected):
    outcome, found = check(sip, write, _closed(interviewed), as_of="2026-12-01")
    assert [d["code"] for d in found] == expected
    assert outcome.exit_code == (1 if "SIP508" in expected else 0)


# -- SIP511: too soon after completion -------------------------------------------------------


@pytest.mark.parametrize(("review", "fires"), [("2026-07-29", True), ("2026-07-30", False)])
def test_judged_effective_at_min_days(sip, write, review, fires):
    # completed 2026-05-01: 89 days to 2026-07-29, 90 to 2026-07-30
    text = variant(
        "SIP511-passes.yaml", ("{date: 2026-07-30, result: effective", f"{{date: {review}, result: effective")
    )
    assert [d["code"] for d in check(sip, write, text)[1]] == (["SIP511"] if fires else [])


def test_min_days_is_configured(sip, write):
    write("sip.toml", "[effectiveness]\nmin-days = 30\n")
    text = variant(
        "SIP511-fails.yaml", ("{date: 2026-05-15, result: effective", "{date: 2026-06-13, result: effective")
    )
    _, found = check(sip, write, text)
    assert codes(found) == [(88, 27, "SIP511")]  # the one before completion; 30 days is enough


def test_no_completed_date_is_not_judged(sip, write):
    _, found = check(sip, write, (CASES / "SIP511-passes.yaml").read_text(encoding="utf-8"))
    assert found == []  # MS-3 has an effectiveness and no completed date


# -- SIP509 and SIP412: every kind of party and provider ------------------------------------

INTERESTED = {"employer", "own-staff", "labour-agent", "recruitment-agency", "other"}


@pytest.mark.parametrize("kind", sorted(vocab.PARTY_KIND))
def test_every_party_kind_in_sip509_and_sip412(sip, write, kind):
    text = variant(
        "SIP509-fails.yaml",
        ("kind: employer, role: Runs the payroll", f"kind: {kind}, role: Runs the payroll"),
        ("by: SP-1, summary: 212 workers", "by: P-2, summary: 212 workers"),
    )
    outcome, found = check(sip, write, text)
    expected = ["SIP412", "SIP509"] if kind in INTERESTED else []
    assert sorted(d["code"] for d in found) == expected
    assert outcome.exit_code == (1 if expected else 0)  # SIP509 is an error


@pytest.mark.parametrize("kind", sorted(vocab.PROVIDER_KIND))
def test_every_provider_kind_in_sip509_and_sip412(sip, write, kind):
    text = variant(
        "SIP509-passes.yaml",
        ("    kind: ngo\n", f"    kind: {kind}\n"),
        ("by: P-1\n      independent: true", "by: SP-1\n      independent: true"),
    )
    _, found = check(sip, write, text)
    # a provider of kind other is neither a victim service provider (SIP404) nor independent
    expected = ["SIP404", "SIP412", "SIP509"] if kind == "other" else []
    assert sorted(d["code"] for d in found) == expected


# -- SIP411: each condition a channel fails ---------------------------------------------------


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (("operated_by: worker-organisation", "operated_by: site"), "is run by the site"),
        (("anonymous: true", "anonymous: false"), "is not anonymous"),
        (
            ("languages: [ne, my, ms]\n", "languages: [ne, ms]\n"),
            "is not in Burmese (my) (the workers read Nepali (ne), Burmese (my), Malay (ms))",
        ),
        (
            ("languages: [ne, my, ms]\n", "languages: [ne, my, ms]\n    since: 2026-08-11\n"),
            "opens only on 2026-08-11",
        ),
    ],
)
def test_a_channel_fails_one_condition(sip, write, change, said):
    text = (CASES / "SIP509-passes.yaml").read_text(encoding="utf-8")
    block = text[text.index("grievance_channels:") :]
    text = text.replace(block, block.replace(*change))
    _, found = check(sip, write, text)
    assert [d["code"] for d in found] == ["SIP411"]
    assert f"GC-1 “Helpline for migrant workers run by SP-1” {said}" in found[0]["message"]


def test_a_channel_open_on_the_as_of_date_counts(sip, write):
    text = variant(
        "SIP509-passes.yaml",
        ("    languages: [ne, my, ms]\n", "    languages: [ne, my, ms]\n    since: 2026-08-10\n"),
    )
    assert check(sip, write, text)[1] == []


def test_without_site_languages_any_language_does(sip, write):
    text = variant(
        "SIP509-passes.yaml",
        (", languages: [ne, my, ms]}", "}"),
        ("    languages: [ne, my, ms]\n", "    languages: [en]\n"),
    )
    assert check(sip, write, text)[1] == []


# -- SIP603: in a block scalar, not in a one-line scalar --------------------------------------


@pytest.mark.parametrize(
    ("value", "where"),
    [
        ("|\n      Fees paid to agents.\n      # INFERRED from interviews\n", (22, 7)),
        ("|-\n      Fees paid to agents.\n      # INFERRED from interviews\n", (22, 7)),
        (">\n      Fees paid to agents\n      in Kathmandu. # [SJ]\n", (22, 21)),
        ("|2\n        Fees paid to agents. # check\n", (21, 30)),
        ('"Fees paid to agents\n      # INFERRED from interviews"\n', (21, 7)),
        ("'Fees paid to agents # [SJ]\n      in Kathmandu'\n", (20, 39)),
    ],
)
def test_a_comment_inside_a_text_of_several_lines(sip, write, value, where):
    text = variant("SIP510-passes.yaml", ("    source: S-1\n", f"    description: {value}    source: S-1\n"))
    _, found = check(sip, write, text)
    assert codes(found) == [(*where, "SIP603")]
    assert found[0]["path"] == "findings[0].description"


@pytest.mark.parametrize(
    "value",
    [
        '"Fees paid to agents # [SJ]"\n',  # a one-line quoted text: plainly text
        "'Fees paid to agents # INFERRED'\n",
        "Fees paid to agents  # a real comment\n",  # a plain one-line value and a comment
        "|  # a real comment after the indicator\n      Fees paid to agents, No. #4 office.\n",
        "|\n      Fees paid to agents.\n    # a real comment, less indented than the text\n",
        "|\n      Fees of USD 1,200 #1 and #2 instalments\n",
    ],
)
def test_no_comment_inside_a_text(sip, write, value):
    text = variant("SIP510-passes.yaml", ("    source: S-1\n", f"    description: {value}    source: S-1\n"))
    assert check(sip, write, text)[1] == []


def test_sip603_is_silent_on_a_cancelled_action_and_on_a_draft(sip, write):
    text = variant(
        "SIP310-passes-cancelled.yaml",
        (
            "    action: Train workers on their rights before they leave home\n",
            "    action: |\n      Train workers on their rights.\n      # TODO who pays\n",
        ),
    )
    assert check(sip, write, text)[1] == []
    draft = (
        (CASES / "SIP603-fails.yaml").read_text(encoding="utf-8").replace("status: active", "status: draft")
    )
    assert check(sip, write, draft)[1] == []


# -- SIP205 and repeats across plans ----------------------------------------------------------


def _pair(write, a_site: str, b_site: str, b_status: str = "active", repeats: str | None = None):
    folder = CASES / "SIP205-fails-name-country"
    a = (folder / "a.yaml").read_text(encoding="utf-8")
    b = (folder / "b.yaml").read_text(encoding="utf-8")
    a = a.replace('{name: " Example Gloves  Factory 3 ", country: MY}', a_site)
    b = b.replace("{name: example gloves factory 3, country: MY, languages: [ne, my, ms]}", b_site)
    b = b.replace("status: active", f"status: {b_status}")
    if repeats:
        b = b.replace("    source: S-1\n", f"    source: S-1\n    repeats: {repeats}\n", 1)
    return write("plans/a.yaml", a), write("plans/b.yaml", b)


@pytest.mark.parametrize(
    ("a_name", "b_name", "same"),
    [
        ("Example Gloves Factory 3", "EXAMPLE GLOVES FACTORY 3", True),
        ("Example Gloves Factory 3", "'  Example   Gloves Factory 3  '", True),
        ("Example Gloves Factory 3", "Example Gloves Factory3", False),
        ("Example Gloves Factory 3", "Example Gloves Factory 3 Annex", False),
    ],
)
def test_sip205_by_name_and_country(sip, write, a_name, b_name, same):
    a, b = _pair(write, f"{{name: {a_name}, country: MY}}", f"{{name: {b_name}, country: MY}}")
    outcome = sip("validate", "--as-of", AS_OF, "--format", "json", a.parent)
    found = [d for d in json.loads(outcome.stdout)["diagnostics"] if d["code"] == "SIP205"]
    assert len(found) == (1 if same else 0)
    a2, _ = _pair(write, f"{{name: {a_name}, country: TH}}", f"{{name: {b_name}, country: MY}}")
    outcome = sip("validate", "--as-of", AS_OF, "--format", "json", a2.parent)
    assert not [d for d in json.loads(outcome.stdout)["diagnostics"] if d["code"] == "SIP205"]


@pytest.mark.parametrize(
    ("a_id", "b_id", "same"),
    [("SUP-1", "SUP-1", True), ("SUP-1", "SUP-2", False), ("SUP-1", None, True), (None, "SUP-1", True)],
)
def test_sip205_supplier_ids_decide_when_both_have_one(sip, write, a_id, b_id, same):
    """Different names: the same supplier id makes them one site; one id missing falls back to
    the name, which is the same here when the ids are not both given."""
    a_site = f"{{name: Example Gloves, country: MY{', supplier_id: ' + a_id if a_id else ''}}}"
    name = "Example Gloves" if not (a_id and b_id) else "Another name for the site"
    b_site = f"{{name: {name}, country: MY{', supplier_id: ' + b_id if b_id else ''}}}"
    a, _ = _pair(write, a_site, b_site)
    outcome = sip("validate", "--as-of", AS_OF, "--format", "json", a.parent)
    found = [d for d in json.loads(outcome.stdout)["diagnostics"] if d["code"] == "SIP205"]
    assert len(found) == (1 if same else 0)


def test_sip205_on_a_draft_and_with_repeats(sip, write):
    site = "{name: Example Gloves Factory 3, country: MY}"
    a, b = _pair(write, site, site, b_status="draft")
    outcome = sip("validate", "--as-of", AS_OF, "--format", "json", a.parent)
    found = json.loads(outcome.stdout)["diagnostics"]
    assert [(d["file"], d["line"], d["column"], d["code"]) for d in found] == [(str(b), 15, 5, "SIP205")]
    message = found[0]["message"]
    assert f"plan SIP-2025-003 ({a}), closed 2025-12-01, shares debt bondage, deception" in message
    assert "record it with repeats: SIP-2025-003/F-1" in message
    a, b = _pair(write, site, site, repeats="SIP-2025-003/F-1")
    outcome = sip("validate", "--as-of", AS_OF, "--format", "json", a.parent)
    assert json.loads(outcome.stdout)["diagnostics"] == []
    # a repeats naming no finding of the closed plan: SIP202 at it, and SIP205 still
    a, b = _pair(write, site, site, repeats="SIP-2025-003/F-7")
    outcome = sip("validate", "--as-of", AS_OF, "--format", "json", a.parent)
    assert [d["code"] for d in json.loads(outcome.stdout)["diagnostics"]] == ["SIP205", "SIP202"]
    assert outcome.exit_code == 1


def test_one_file_alone_never_reports_sip205(sip, write):
    site = "{name: Example Gloves Factory 3, country: MY}"
    _, b = _pair(write, site, site)
    outcome = sip("validate", "--as-of", AS_OF, "--format", "json", b)
    assert json.loads(outcome.stdout)["diagnostics"] == []


# -- format 1.2's fields, and plans written before it ----------------------------------------


def test_unclaimed_as_text_and_as_a_mapping(sip, write):
    _, found = check(sip, write, (CASES / "SIP405-fails-text.yaml").read_text(encoding="utf-8"))
    assert [(d["code"], d["path"]) for d in found] == [("SIP405", "responses[1]")]
    assert (
        "its unclaimed is text: the money needs a holder and a claim date (new in format 1.2)"
        in found[0]["message"]
    )
    assert check(sip, write, (CASES / "SIP405-passes-mapping.yaml").read_text(encoding="utf-8"))[1] == []
    # a mapping that lacks a key is a format error, at the mapping
    text = variant("SIP405-passes-mapping.yaml", ("      claim_until: 2027-06-30\n", ""))
    outcome, found = check(sip, write, text)
    assert [(d["code"], d["path"]) for d in found] == [("SIP101", "responses[1].unclaimed.claim_until")]
    assert outcome.exit_code == 1


def test_a_plan_of_format_1_1_says_what_is_new_in_1_2(sip):
    from tests.conftest import DATA

    outcome = sip("validate", "--as-of", AS_OF, "--format", "json", DATA / "format11-report.yaml")
    found = {d["code"]: d for d in json.loads(outcome.stdout)["diagnostics"]}
    assert not [code for code in found if code < "SIP2"]  # still readable
    for code in ("SIP411", "SIP511"):
        assert "new in format 1.2" in found[code]["message"]


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ("[verification]\nmin-share = 1.5\n", "min-share must be a number from 0 to 1"),
        ("[verification]\nmin-workers = -1\n", "min-workers must be a whole number of workers"),
        ("[verification]\nmin-people = 3\n", "'min-people' is not min-workers or min-share"),
        ("[effectiveness]\nmin-days = 1.5\n", "min-days must be a whole number of days"),
        ("effectiveness = 90\n", "must be a table"),
    ],
)
def test_a_wrong_setting_stops_the_run(sip, write, setting, said):
    write("sip.toml", setting)
    plan = write("plan.yaml", (CASES / "SIP510-passes.yaml").read_text(encoding="utf-8"))
    outcome = sip("validate", plan)
    assert outcome.exit_code == 2 and outcome.stdout == ""
    assert said in outcome.stderr


# -- the hollow example, and the same case done right -----------------------------------------

# Every rule format 1.2 adds or changes that can judge one plan (SIP205 compares plans, and SIP506
# now reports less).
RULES_OF_ONE_PLAN = {
    "SIP309",
    "SIP310",
    "SIP405",
    "SIP409",
    "SIP410",
    "SIP411",
    "SIP412",
    "SIP509",
    "SIP510",
    "SIP511",
    "SIP603",
}


def test_the_hollow_example_is_caught_by_every_new_rule_and_only_by_them(sip):
    from tests.conftest import EXAMPLES

    outcome = sip("validate", "--format", "json", EXAMPLES / "invalid" / "hollow.yaml")
    found = {d["code"] for d in json.loads(outcome.stdout)["diagnostics"]}
    assert found == RULES_OF_ONE_PLAN
    assert outcome.exit_code == 1  # SIP509: independence its own parties contradict


def test_the_same_case_done_right_is_clean(sip):
    from tests.conftest import DATA

    outcome = sip(
        "validate", "--as-of", AS_OF, "--strict", "--format", "json", DATA / "hollow-done-right.yaml"
    )
    document = json.loads(outcome.stdout)
    assert document["diagnostics"] == [] and outcome.exit_code == 0
