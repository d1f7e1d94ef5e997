"""Plans written by an auditor, not by the authors of the rules (tests/data/cases-auditor): three
adequate plans an experienced remediation auditor accepts, in situations unlike examples/ and
tests/data/cases, and a hollow variant of each, written with the tricks a box-ticking supplier uses.

An adequate plan validates clean (no diagnostic, even a warning) and renders, internal and public.
A hollow variant gets exactly the diagnostics its leading `# expect:` lines list (the format of
tests/data/cases); the tricks sip does not catch are named in its comments, and are proposals,
not rules (no rule of the specification covers them).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sip.rules import SEVERITIES
from tests.conftest import DATA
from tests.test_real_cases import header

FOLDER = DATA / "cases-auditor"
ADEQUATE = sorted(FOLDER.glob("*.yaml"))
HOLLOW = sorted((FOLDER / "hollow").glob("*.yaml"))


def test_there_are_three_adequate_plans_and_a_hollow_variant_of_each():
    assert len(ADEQUATE) == 3 and len(HOLLOW) == 3


@pytest.mark.parametrize("plan", ADEQUATE, ids=lambda p: p.stem)
def test_an_adequate_plan_validates_clean(sip, plan: Path):
    as_of, expected = header(plan)
    assert as_of and not expected
    outcome = sip("validate", "--as-of", as_of, "--strict", "--format", "json", plan)
    document = json.loads(outcome.stdout)
    assert document["diagnostics"] == [], "\n".join(
        f"{d['code']} {d['path']}: {d['message']}" for d in document["diagnostics"]
    )
    assert outcome.exit_code == 0


@pytest.mark.parametrize("audience", ["internal", "public"])
@pytest.mark.parametrize("plan", ADEQUATE, ids=lambda p: p.stem)
def test_an_adequate_plan_renders(sip, plan: Path, audience: str):
    as_of, _ = header(plan)
    outcome = sip("render", "--as-of", as_of, "--audience", audience, "--format", "md", plan)
    assert outcome.exit_code == 0, outcome.stderr
    title = next(line for line in plan.read_text(encoding="utf-8").splitlines() if line.startswith("title:"))
    assert title.removeprefix("title: ") in outcome.stdout
    assert "covers" in outcome.stdout  # the coverage of the money remedies, as format 1.2 shows it
    email = next(line for line in plan.read_text(encoding="utf-8").splitlines() if "email:" in line)
    assert (email.split("email: ")[1] in outcome.stdout) == (audience == "internal")


@pytest.mark.parametrize("plan", HOLLOW, ids=lambda p: p.stem)
def test_a_hollow_variant_gets_exactly_what_an_auditor_would_say(sip, plan: Path):
    as_of, expected = header(plan)
    assert as_of and expected, f"{plan.name}: no '# as-of:' or '# expect:' lines"
    outcome = sip("validate", "--as-of", as_of, "--format", "json", plan)
    diagnostics = json.loads(outcome.stdout)["diagnostics"]
    found = sorted((d["code"], d["path"], d["severity"] == "waived") for d in diagnostics)
    assert found == expected, "\n".join(f"{d['code']} {d['path']}: {d['message']}" for d in diagnostics)
    errors = any(SEVERITIES[code] == "error" for code, _, _ in expected)
    assert outcome.exit_code == (1 if errors else 0)


def test_the_jordanian_plan_needs_both_its_channels_to_reach_every_language(sip, tmp_path):
    """SIP411 reads the site's languages across the safe channels (docs/plan-format.md): the
    union's hotline alone leaves the Sinhala and Tamil readers without one."""
    plan = FOLDER / "garment-jordan-bangladeshi-workers.yaml"
    text = plan.read_text(encoding="utf-8")
    without = text.replace("    languages: [si, ta, ar]\n", "    languages: [ar]\n")
    assert without != text
    (tmp_path / plan.name).write_text(without, encoding="utf-8")
    outcome = sip("validate", "--as-of", "2027-03-01", "--format", "json", tmp_path / plan.name)
    [diagnostic] = json.loads(outcome.stdout)["diagnostics"]
    assert diagnostic["code"] == "SIP411"
    assert (
        "together, the channels that are anonymous, open and not run by the site are not in "
        in (diagnostic["message"])
    )
    assert diagnostic["message"].endswith(
        "are not in Sinhala (si), Tamil (ta): add a channel that is anonymous, not run by the site, "
        "in the workers' languages and open (a helpline run by a worker organisation or a third party)"
    )
