"""`sip crosswalk`: each plan read against a framework, requirement by requirement, through the real
command line; its formats held to golden files, its JSON to schemas/sip-crosswalk-1.schema.json."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from sip.frameworks import PROFILES
from tests.conftest import DATA, EXAMPLES, ROOT
from tests.goldens import assert_golden, formats_of

AS_OF = "2026-08-10"
SCHEMA = json.loads((ROOT / "schemas" / "sip-crosswalk-1.schema.json").read_text(encoding="utf-8"))
COMPLETE = DATA / "frameworks" / "complete.yaml"
PLANS = sorted(EXAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("name", list(PROFILES))
def test_golden_crosswalk_of_the_examples_under_each_framework(sip, monkeypatch, name):
    """Read by eye when they change: what each example offers each framework, and what is missing."""
    monkeypatch.chdir(ROOT)
    out = sip("crosswalk", "--as-of", AS_OF, "--framework", name, "examples")
    assert out.exit_code == 0, out.stderr
    assert_golden(f"crosswalk/examples.{name}.txt", out.stdout)


@pytest.mark.parametrize("format,suffix", formats_of("crosswalk"))
def test_golden_crosswalk_formats(sip, monkeypatch, format, suffix):
    monkeypatch.chdir(ROOT)
    out = sip(
        "crosswalk",
        "--as-of",
        AS_OF,
        "-f",
        format,
        *(f"--framework={n}" for n in PROFILES),
        "examples/electronics-penang.yaml",
    )
    assert out.exit_code == 0, out.stderr
    assert_golden(f"crosswalk/electronics-penang.{suffix}", out.stdout)


def test_the_json_follows_its_schema_for_every_example_and_framework(sip):
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    validator = jsonschema.Draft202012Validator(SCHEMA)
    out = sip(
        "crosswalk", "--as-of", AS_OF, "-f", "json", *(f"--framework={n}" for n in PROFILES), *PLANS, COMPLETE
    )
    assert out.exit_code == 0, out.stderr
    document = json.loads(out.stdout)
    assert [e.message for e in validator.iter_errors(document)] == []
    assert len(document["crosswalks"]) == len(PROFILES) * (len(PLANS) + 1)
    statuses = {r["status"] for c in document["crosswalks"] for r in c["requirements"]}
    assert {"met", "not met", "met by the format", "for you to show", "advisory"} <= statuses
    broken = dict(document, version=2)
    assert list(validator.iter_errors(broken))


def test_a_plan_that_meets_a_framework_is_met_line_by_line(sip):
    out = sip("crosswalk", "--as-of", AS_OF, "-f", "json", "--framework", "far", COMPLETE)
    (cw,) = json.loads(out.stdout)["crosswalks"]
    assert {r["id"]: r["status"] for r in cw["requirements"]} == {
        "FAR-H3-I": "met",
        "FAR-H3-II": "met",
        "FAR-H3-III": "met",
        "FAR-H3-IV": "met",
        "FAR-H3-V": "met",
        "FAR-H4": "met",
        "FAR-H5": "met",
    }
    awareness = cw["requirements"][0]
    assert awareness["items"] == [
        {"ref": "MS-1", "text": "Tell every worker the policy and what is prohibited and..."}
    ]
    assert awareness["source"]["address"] == "https://www.acquisition.gov/far/52.222-50"


def test_without_the_option_a_plan_is_read_against_its_own_frameworks(sip, write):
    data = yaml.safe_load(COMPLETE.read_text(encoding="utf-8"))
    data["frameworks"] = ["rba", "cbp"]
    path = write("plan.yaml", yaml.safe_dump(data, sort_keys=False))
    out = sip("crosswalk", "--as-of", AS_OF, "-f", "json", path)
    assert [c["framework"] for c in json.loads(out.stdout)["crosswalks"]] == ["rba", "cbp"]
    none = sip("crosswalk", "--as-of", AS_OF, COMPLETE)
    assert none.exit_code == 2 and "--framework" in none.stderr


def test_a_waived_requirement_and_one_whose_rule_did_not_run(sip, write):
    data = yaml.safe_load(COMPLETE.read_text(encoding="utf-8"))
    data["submissions"] = [s for s in data["submissions"] if s["kind"] != "posting"]
    data["waivers"] = [{"rule": "SIP705", "reason": "Work in the field: the plan is handed to each worker"}]
    path = write("plan.yaml", yaml.safe_dump(data, sort_keys=False))
    out = sip("crosswalk", "--as-of", AS_OF, "-f", "json", "--framework", "far", path)
    lines = {r["id"]: r for r in json.loads(out.stdout)["crosswalks"][0]["requirements"]}
    assert lines["FAR-H4"]["status"] == "waived"
    assert lines["FAR-H4"]["waived"][0]["reason"] == "Work in the field: the plan is handed to each worker"
    write("sip.toml", 'ignore = ["SIP706"]\n')
    out = sip("crosswalk", "--as-of", AS_OF, "-f", "json", "--framework", "far", path)
    lines = {r["id"]: r for r in json.loads(out.stdout)["crosswalks"][0]["requirements"]}
    assert lines["FAR-H5"]["status"] == "not checked" and "SIP706" in lines["FAR-H5"]["note"]


def test_a_file_that_is_not_a_plan_has_no_crosswalk(sip, write):
    broken = write("broken.yaml", "sip: 1\nid: X\n")
    out = sip("crosswalk", "--as-of", AS_OF, "--framework", "far", broken, COMPLETE)
    assert out.exit_code == 1
    assert "SIP101" in out.stderr and "no crosswalk" in out.stderr
    assert "FAR-H3-I" in out.stdout  # the other plan's crosswalk is written


# -- in a report, and in the dossier -----------------------------------------------------------------


def test_render_with_a_framework_adds_its_crosswalk_to_the_report(sip, write):
    data = yaml.safe_load(COMPLETE.read_text(encoding="utf-8"))
    data["improvements"] = [i for i in data["improvements"] if i["element"] != "awareness"]
    path = write("plan.yaml", yaml.safe_dump(data, sort_keys=False))
    plain = sip("render", "--as-of", AS_OF, "--force", "-f", "md", path)
    assert plain.exit_code == 0 and "crosswalk-far" not in plain.stdout
    internal = sip("render", "--as-of", AS_OF, "--force", "-f", "md", "--framework", "far", path)
    assert internal.exit_code == 0, internal.stderr
    assert '<a id="crosswalk-far"></a>' in internal.stdout
    assert "| **52.222-50(h)(3)(i)** awareness program | Not met |" in internal.stdout
    assert "Missing (line" in internal.stdout and "SIP700" in internal.stdout
    # items link to their place in the report
    assert "[MS-2](#MS-2) Recruit only through trained agents paid by the site" in internal.stdout
    public = sip(
        "render",
        "--as-of",
        AS_OF,
        "--force",
        "-f",
        "html",
        "--audience",
        "public",
        "--framework",
        "far",
        path,
    )
    assert public.exit_code == 0, public.stderr
    assert 'id="crosswalk-far"' in public.stdout and "cw-not-met" in public.stdout
    assert "Missing</span> (line" not in public.stdout  # the rules' words stay with the maintainers
    assert "1 thing missing" in public.stdout


def test_the_dossier_is_built_as_the_public_report_is(sip, write):
    data = yaml.safe_load(COMPLETE.read_text(encoding="utf-8"))
    data["responses"][1]["action"] = "Repay recruitment fees; call the worker at +60 12-345 6789"
    data["responses"][1]["verification"]["evidence"] = "Visit report kept by Legal, folder R-7"
    data["parties"].append(
        {"id": "P-2", "name": "Example Law Chambers", "kind": "law-firm", "role": "Pays former workers"}
    )
    data["responses"][1]["parties"] = ["P-2"]
    data["responses"].append(
        {
            "id": "A-9",
            "kind": "corrective",
            "addresses": ["F-1"],
            "indicators": ["debt-bondage"],
            "action": "Confidential settlement with the agent",
            "owner": "Legal",
            "due": "2026-06-30",
            "status": "done",
            "completed": "2026-06-20",
            "confidential": True,
        }
    )
    path = write("plan.yaml", yaml.safe_dump(data, sort_keys=False))
    for format in ("md", "html"):
        out = sip("render", "--as-of", AS_OF, "-f", format, "--dossier", "cbp", path)
        assert out.exit_code == 0, out.stderr
        page = out.stdout
        assert (
            "Evidence dossier" in page
            and "Debt bondage" in page
            and "Retention of identity documents" in page
        )
        assert "+60 12-345 6789" not in page and "Visit report kept by Legal" not in page
        assert "Example Law Chambers" not in page and "Confidential settlement" not in page
        assert "1 confidential response is not shown." in page
        assert "unannounced" in page and "60 workers interviewed" in page


def test_a_dossier_names_a_framework_that_has_one(sip):
    out = sip("render", "--dossier", "far", COMPLETE)
    assert out.exit_code == 2 and "'far' is not one of: cbp" in out.stderr


def test_a_dossier_never_calls_a_verifier_it_does_not_name_independent(sip, write):
    """A dossier says "verified unannounced by an independent verifier", which a lawyer signs: a
    verification that names nobody (no `by`) shows no independence, whatever `independent` says."""
    data = yaml.safe_load(COMPLETE.read_text(encoding="utf-8"))
    del data["responses"][1]["verification"]["by"]
    path = write("plan.yaml", yaml.safe_dump(data, sort_keys=False))
    out = sip("render", "--as-of", AS_OF, "-f", "md", "--dossier", "cbp", path)
    assert out.exit_code == 0, out.stderr
    row = next(line for line in out.stdout.splitlines() if line.startswith("| [Debt bondage]"))
    assert "Verified, but not by an unannounced, independent verifier" in row
    assert "A-2 names no verifier." in out.stdout
