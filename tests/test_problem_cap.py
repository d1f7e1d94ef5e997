"""The cap on problems a file (SIP004 after 200): the rest is counted in a note that keeps the
severity of what it cut, so a plan with only warnings never fails because of the cap."""

from __future__ import annotations

import json

from conftest import DATA

MINIMAL = (DATA / "minimal.yaml").read_text("utf-8")
LATE = "2027-06-01"  # every response below is overdue by then: SIP504, a warning


def overdue_responses(count: int) -> str:
    """The minimal plan with `count` more planned responses, each due long before LATE."""
    extra = "".join(
        f"  - id: A-{n}\n"
        "    kind: corrective\n"
        "    addresses: [F-1]\n"
        "    action: Cap weekly hours and record them electronically\n"
        "    owner: Supplier HR Manager\n"
        "    due: 2026-09-15\n"
        "    status: planned\n"
        for n in range(2, count + 2)
    )
    head, tail = MINIMAL.split("\nroot_causes:\n", 1)
    return head + "\n" + extra + "root_causes:\n" + tail


def test_only_warnings_over_the_cap_do_not_fail_the_run(sip, write):
    plan = write("p.yaml", overdue_responses(677))  # 678 SIP504 and one SIP506: 679 warnings
    out = sip("validate", "--format", "json", "--as-of", LATE, plan)
    document = json.loads(out.stdout)
    codes = [d["code"] for d in document["diagnostics"]]
    assert len(codes) == 201 and codes.count("SIP004") == 1
    note = next(d for d in document["diagnostics"] if d["code"] == "SIP004")
    assert (note["code"], note["severity"]) == ("SIP004", "warning")
    assert note["message"].startswith("479 more warnings in this file are not listed")
    assert (out.exit_code, document["errors"]) == (0, 0)

    text = sip("validate", "--as-of", LATE, plan)
    assert text.exit_code == 0
    assert (
        "SIP004 warning 479 more warnings in this file are not listed (sip stops at 200 a file)"
        in text.stdout
    )

    assert sip("validate", "--as-of", LATE, "--strict", plan).exit_code == 1  # warnings fail there

    page = write("out/p.md", "")
    page.unlink()
    rendered = sip("render", "--as-of", LATE, "--format", "md", "--out", page, plan)
    assert rendered.exit_code == 0, rendered.stderr
    assert "A-678" in page.read_text("utf-8")


def test_an_error_among_what_was_cut_keeps_the_note_an_error(sip, write):
    text = overdue_responses(677)
    at = text.index("  - id: A-600\n")
    text = text[:at] + text[at:].replace("due: 2026-09-15", "due: 2026-01-15", 1)  # before F-1: SIP501
    out = sip("validate", "--format", "json", "--as-of", LATE, write("p.yaml", text))
    document = json.loads(out.stdout)
    note = next(d for d in document["diagnostics"] if d["code"] == "SIP004")
    assert note["severity"] == "error" and "1 more error and" in note["message"]
    assert out.exit_code == 1
