"""`sip fix`: certain fixes only, written in place with comments and layout kept."""

from __future__ import annotations

import os

from tests.conftest import DATA

MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")


def test_fixes_codes_ids_and_version_and_keeps_comments(sip, write):
    text = (
        MINIMAL.replace("sip: 1\n", "# Plan kept by the sourcing team\n")
        .replace("country: VN", "country: Vietnam  # was written by name")
        .replace("  - id: F-1\n", "  - id: 12\n")
        .replace("addresses: [F-1]", "addresses: [12]")
        .replace("findings: [F-1]", "findings: [12]")
    )
    plan = write("plan.yaml", text)
    write("sip.toml", "as-of = 2026-08-10\n")  # the report after fixing judges dates on this day
    os.chmod(plan, 0o640)
    out = sip("fix", plan)
    fixed = plan.read_text(encoding="utf-8")
    assert fixed == (
        MINIMAL.replace("sip: 1\n", "# Plan kept by the sourcing team\nsip: 1\n")
        .replace("country: VN", "country: VN       # was written by name")  # the comment keeps its column
        .replace("  - id: F-1\n", "  - id: '12'\n")
        .replace("addresses: [F-1]", "addresses: ['12']")
        .replace("findings: [F-1]", "findings: ['12']")
    )
    assert out.exit_code == 0, out.stdout + out.stderr
    assert out.stdout == "1 file checked: no problems\n"
    assert f"{plan}:8: fixed site.country: 'Vietnam' -> 'VN'" in out.stderr
    assert "sip fix: fixed 5 problems" in out.stderr
    assert oct(plan.stat().st_mode & 0o777) == oct(0o640)


def test_dry_run_prints_a_diff_and_writes_nothing(sip, write):
    text = MINIMAL.replace("country: VN", "country: vn")
    plan = write("plan.yaml", text)
    out = sip("fix", "--dry-run", plan)
    assert out.exit_code == 0
    assert "-  country: vn\n+  country: VN\n" in out.stdout
    assert plan.read_text(encoding="utf-8") == text


def test_dry_run_lists_what_would_remain_for_a_person(sip, write):
    text = MINIMAL.replace("country: VN", "country: vn").replace("severity: major", "severity: severe")
    plan = write("plan.yaml", text)
    write("sip.toml", "as-of = 2026-08-10\n")
    out = sip("fix", "--dry-run", plan)
    assert "-  country: vn\n+  country: VN\n" in out.stdout  # the diff, alone on standard output
    assert "SIP102" not in out.stdout
    assert out.stderr.endswith(
        "sip fix: would fix 1 problem\n"
        "sip fix: left for a person to fix:\n"
        f"{plan}:20:15: SIP102 'severe' is not a severity; expected one of: critical, major, minor\n"
        "1 file checked: 1 error, 0 warnings; 1 file not rule-checked until its format errors are fixed\n"
    ), out.stderr
    assert out.exit_code == 1  # as `sip fix` itself would end
    assert plan.read_text(encoding="utf-8") == text
    # nothing to fix and nothing left: said as plainly
    clean = write("clean.yaml", MINIMAL)
    out = sip("fix", "--dry-run", clean)
    assert (out.exit_code, out.stdout) == (0, "")
    assert out.stderr == "sip fix: would fix 0 problems\n1 file checked: no problems\n"


def test_leaves_what_is_not_certain_and_reports_it(sip, write):
    plan = write("plan.yaml", MINIMAL.replace("severity: major", "severity: severe"))
    out = sip("fix", plan)
    assert out.exit_code == 1
    assert "SIP102 'severe' is not a severity" in out.stdout
    assert plan.read_text(encoding="utf-8") == MINIMAL.replace("severity: major", "severity: severe")


def test_refuses_when_writing_would_reformat_other_lines(sip, write):
    text = MINIMAL.replace(
        "site:\n  name: Example Textiles, Unit 2\n  country: VN\n",
        "site:\n    name: Example Textiles, Unit 2\n    country: vn\n",
    )
    plan = write("plan.yaml", text)
    out = sip("fix", plan)
    assert "not fixed: writing the fixes would also change line" in out.stderr
    assert plan.read_text(encoding="utf-8") == text
    assert out.exit_code == 1


def test_standard_input_is_refused(sip):
    out = sip("fix", "-")
    assert out.exit_code == 2
    assert "cannot fix standard input" in out.stderr


def test_a_number_id_is_not_quoted_while_a_reference_to_its_list_names_no_item(sip, write):
    """`id: 7` beside `providers: [SP-7]`: the plan may mean SP-7, so quoting is not certain."""
    text = MINIMAL.replace("country: VN", "country: vn").replace("  - id: F-1\n", "  - id: 7\n")
    plan = write("plan.yaml", text)
    out = sip("fix", plan)
    assert plan.read_text(encoding="utf-8") == text.replace("country: vn", "country: VN")
    assert (
        f"{plan}:18: left findings[0].id as it is: A-1 names F-1, RC-1 names F-1, which no finding has: 7 "
        "may be a mistyped id rather than an unquoted one; write the id by hand"
    ) in out.stderr
    assert "sip fix: fixed 1 problem\n" in out.stderr
    assert "SIP102 id must be text, but 7 reads as a number" in out.stdout
    assert out.exit_code == 1


def test_a_number_reference_is_not_quoted_when_it_would_name_no_item(sip, write):
    text = MINIMAL.replace("addresses: [F-1]", "addresses: [1]")
    plan = write("plan.yaml", text)
    out = sip("fix", plan)
    assert plan.read_text(encoding="utf-8") == text
    assert (
        "left responses[0].addresses[0] as it is: quoted, 1 would name no finding in this "
        "plan; write the id by hand"
    ) in out.stderr
    assert "sip fix: fixed 0 problems" in out.stderr
    assert (
        'SIP102 address must be text, but 1 reads as a number: quote it ("1"); but quoted it '
        "names no finding in this plan: write the id meant"
    ) in out.stdout


PROVIDER = (
    "service_providers:\n  - id: SP-1\n    name: Example Migrant Support\n"
    "    kind: ngo\n    role: Interviews\n    consulted: 2026-07-02\nresponses:\n"
)


def test_fixes_the_case_and_spacing_of_vocabulary_words(sip, write):
    right = MINIMAL.replace("responses:\n", PROVIDER, 1)
    wrong = (
        right.replace("kind: ngo", "kind: NGO")
        .replace("kind: social-audit", "kind: Social Audit")
        .replace("severity: major", "severity: Critical")
        .replace("    status: planned\nroot_causes", "    status: In-Progress\nroot_causes")
        .replace("element: purchasing-practices", "element: Purchasing_Practices")
    )
    assert wrong.count("In-Progress") == 1
    plan = write("plan.yaml", wrong)
    out = sip("fix", plan)
    assert plan.read_text(encoding="utf-8") == (
        right.replace("severity: major", "severity: critical").replace(
            "    status: planned\nroot_causes", "    status: in-progress\nroot_causes"
        )
    )
    for old, new in (
        ("NGO", "ngo"),
        ("Social Audit", "social-audit"),
        ("Critical", "critical"),
        ("In-Progress", "in-progress"),
        ("Purchasing_Practices", "purchasing-practices"),
    ):
        assert f": '{old}' -> '{new}'\n" in out.stderr
    assert "sip fix: fixed 5 problems" in out.stderr


def test_a_word_near_two_vocabulary_words_is_left_to_a_person(sip, write):
    text = MINIMAL.replace("severity: major", "severity: Majorr")
    plan = write("plan.yaml", text)
    out = sip("fix", plan)
    assert plan.read_text(encoding="utf-8") == text
    assert "sip fix: fixed 0 problems" in out.stderr


def test_validate_suggests_the_vocabulary_word_for_capitals(sip, write):
    plan = write("plan.yaml", MINIMAL.replace("responses:\n", PROVIDER, 1).replace("kind: ngo", "kind: NGO"))
    out = sip("validate", plan)
    assert (
        f"{plan}:26:11: SIP102 'NGO' is not a kind; expected one of: ngo, government, "
        "international-organisation, trade-union, legal-aid, worker-organisation, other (did you mean 'ngo'?)"
    ) in out.stdout
    assert out.exit_code == 1
