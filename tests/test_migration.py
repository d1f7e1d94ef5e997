"""A plan written for format 1 stays readable, and where a rule's result changed in revision 1.1
or 1.2 its message says what the rule now looks at and what would satisfy it, without the
changelog."""

from __future__ import annotations

import json

from tests.conftest import DATA

OLD_PLAN = DATA / "format1-plan.yaml"


def run(sip):
    outcome = sip("validate", "--as-of", "2026-08-10", "--format", "json", OLD_PLAN)
    return outcome, {d["code"]: d for d in json.loads(outcome.stdout)["diagnostics"]}


def test_a_format_1_plan_is_still_readable(sip):
    outcome, found = run(sip)
    assert not [code for code in found if code < "SIP2"]
    assert outcome.exit_code == 1  # SIP404, the one new error: a provider of kind other


def test_each_changed_result_says_why(sip):
    _, found = run(sip)
    assert sorted(found) == ["SIP204", "SIP307", "SIP402", "SIP404", "SIP407", "SIP411", "SIP506"]
    # SIP411 (format 1.2): a requirement the plan could not have known, and the message says so
    assert "records no grievance_channels (new in format 1.2)" in found["SIP411"]["message"]
    # SIP402: a warning now, satisfied by a needs assessment; never "no remedy" for a repayment
    assert found["SIP402"]["severity"] == "warning"
    assert "add needs_assessment (date, summary) to F-1" in found["SIP402"]["message"]
    assert "no remedy" not in found["SIP402"]["message"]
    # SIP404: a provider of kind other no longer counts, and the message says where it belongs
    assert "SP-1 is of kind other, which is not a victim service provider" in found["SIP404"]["message"]
    assert "belongs in parties" in found["SIP404"]["message"]
    # SIP506: the protection is held to 14 days, and the message says the deadline depends on kind
    assert found["SIP506"]["path"] == "responses[0].due"
    assert (
        "deadline for a protection response to a critical finding is 14 days" in (found["SIP506"]["message"])
    )
    assert "since format 1.1 it depends on the kind of response" in found["SIP506"]["message"]
    # the waiver of SIP506 for the remedy silences nothing now (remedies have 90 days), and says why
    assert found["SIP204"]["path"] == "waivers[0]"
    assert "since format 1.1, SIP506 reads only open responses" in found["SIP204"]["message"]


def test_what_no_longer_fires(sip):
    """A done response needs no contingency (SIP306); a finding with one indicator that is not
    critical is not forced labour (no SIP401 or SIP402 for F-2)."""
    _, found = run(sip)
    assert "SIP306" not in found and "SIP401" not in found
    assert found["SIP402"]["path"] == "findings[0]"
