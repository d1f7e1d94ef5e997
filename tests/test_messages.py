"""What messages say, through the real command line: titles quoted so that quotes never nest,
and hints for the mistakes people make when they first write a plan."""

from __future__ import annotations

from tests.conftest import DATA

MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")


def test_a_title_with_quotes_of_its_own_is_quoted_once(sip, write):
    second = ("  - id: F-2\n    title: Labour provider kept workers' passports \"for safekeeping\"\n"
              "    severity: minor\n    source: S-1\n    identified: 2026-06-28\nresponses:\n")
    plan = write("plan.yaml", MINIMAL.replace("responses:\n", second, 1)
                 .replace("cause: Order volumes doubled with unchanged lead times",
                          "cause: “Flexible” staffing without a budget")
                 .replace("addresses: [RC-1, R-1]", "addresses: [R-1]"))
    out = sip("validate", "--as-of", "2026-08-10", plan)
    assert ("SIP301 F-2 “Labour provider kept workers' passports \"for safekeeping\"” has no "
            "response") in out.stdout
    assert "SIP303 RC-1 “\"Flexible\" staffing without a budget” is addressed by" in out.stdout
    assert '""' not in out.stdout and "““" not in out.stdout
