"""Framework profiles (sip/frameworks/): their requirements quote a source, their rules run only on
a plan a framework applies to, and through the real command line a plan that meets a framework is
clean under it while a plan that misses one requirement gets exactly that requirement's diagnostic."""

from __future__ import annotations

import copy
import inspect
import json
import re

import pytest
import yaml

from sip.format.vocab import FRAMEWORK
from sip.frameworks import PROFILES
from sip.frameworks.profile import ADVISORY, PRIMARY, RULE, SECONDARY, Requirement, Source
from sip.output.frameworks_docs import markdown
from sip.rules import BY_CODE, FRAMEWORK_OF
from tests.conftest import DATA, ROOT

COMPLETE = DATA / "frameworks" / "complete.yaml"
AS_OF = "2026-08-10"
REQUIREMENTS = [(p.name, r) for p in PROFILES.values() for r in p.requirements]


def _words(text: str) -> str:
    return " ".join(text.split())


# -- the profiles -------------------------------------------------------------------------------


def test_the_profiles_are_the_frameworks_a_plan_may_name():
    assert list(PROFILES) == list(FRAMEWORK) == ["far", "lksg", "cbp", "rba"]


@pytest.mark.parametrize("name,requirement", REQUIREMENTS, ids=lambda v: getattr(v, "id", v))
def test_every_requirement_quotes_its_source(name, requirement: Requirement):
    source = requirement.source
    assert isinstance(source, Source), f"{requirement.id} has no source"
    assert source.title and source.publisher and source.kind in (PRIMARY, SECONDARY)
    assert re.match(r"https?://\S+\Z", source.address), f"{requirement.id}: no address for its source"
    assert not source.read_at or re.match(r"https?://\S+\Z", source.read_at)
    assert requirement.quote.strip() and requirement.section and requirement.how
    assert source in PROFILES[name].sources, f"{requirement.id}: its profile does not list its source"
    # a requirement read only in someone else's summary is never a rule's
    if source.kind == SECONDARY:
        assert requirement.check == ADVISORY and not requirement.codes
    if requirement.check == ADVISORY:
        assert source.kind == SECONDARY
    # a quote in German says whose English is beside it
    if re.search(r"[äöüß]|\b(der|die|das|und)\b", requirement.quote):
        assert requirement.translation and requirement.translated_by


def test_a_requirement_with_no_source_cannot_be_made():
    with pytest.raises(TypeError):
        Requirement(id="X", section="1", title="x", quote="x", check=RULE, codes=("SIP700",))  # type: ignore[call-arg]
    for _, requirement in REQUIREMENTS:
        assert requirement.source.address, requirement.id


@pytest.mark.parametrize(
    "name,requirement",
    [(n, r) for n, r in REQUIREMENTS if r.check == RULE],
    ids=lambda v: getattr(v, "id", v),
)
def test_a_rule_checked_requirement_names_registered_rules_and_they_quote_it(name, requirement):
    for code in requirement.codes:
        assert code in BY_CODE, f"{requirement.id}: {code} is no rule"
    own = [code for code in requirement.codes if code >= "SIP7"]
    assert all(FRAMEWORK_OF[code] == name for code in own)
    # the framework's own rule that checks it documents the framework's words (docs/rules.md)
    if own:
        assert any(_words(requirement.quote) in _words(inspect.getdoc(BY_CODE[c]) or "") for c in own)


def test_every_framework_rule_checks_a_requirement_of_its_framework():
    named = {c for _, r in REQUIREMENTS for c in r.codes if c >= "SIP7"}
    assert sorted(named) == sorted(FRAMEWORK_OF)


def test_docs_frameworks_md_is_current(sip):
    """docs/frameworks.md is generated: `sip frameworks --format md > docs/frameworks.md`."""
    out = sip("frameworks", "--format", "md")
    assert out.exit_code == 0 and out.stdout == markdown(tuple(PROFILES.values()))
    committed = (ROOT / "docs" / "frameworks.md").read_text(encoding="utf-8")
    assert committed == out.stdout, (
        "docs/frameworks.md is stale: sip frameworks --format md > docs/frameworks.md"
    )
    for _, requirement in REQUIREMENTS:
        assert f"\n### {requirement.id}\n" in committed and requirement.source.address in committed


def test_sip_frameworks_lists_and_shows_them(sip):
    listed = sip("frameworks")
    assert listed.exit_code == 0
    assert [line.split()[0] for line in listed.stdout.splitlines()] == list(PROFILES)
    one = sip("frameworks", "CBP")
    assert one.exit_code == 0 and "Copies of recent unannounced third party audits" in one.stdout
    unknown = sip("frameworks", "lskg")
    assert unknown.exit_code == 2 and "did you mean 'lksg'?" in unknown.stderr


# -- which frameworks apply -----------------------------------------------------------------------


def _data() -> dict:
    return yaml.safe_load(COMPLETE.read_text(encoding="utf-8"))


def _codes(sip, write, data: dict, *args: str) -> tuple[list[str], int]:
    path = write("plan.yaml", yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    out = sip("validate", "--as-of", AS_OF, "--format", "json", *args, path)
    return sorted(d["code"] for d in json.loads(out.stdout)["diagnostics"]), out.exit_code


def _hollow() -> dict:
    """The complete plan with what every framework reads taken away."""
    data = _data()
    data["improvements"] = [i for i in data["improvements"] if i["element"] not in ("awareness", "wages")]
    data["submissions"] = []
    for r in data["responses"]:
        r.pop("indicators", None)
    return data


def test_a_plan_under_no_framework_gets_none_of_their_rules(sip, write):
    codes, status = _codes(sip, write, _hollow())
    assert codes == [] and status == 0


def test_a_framework_applies_by_the_plan_the_configuration_or_the_option(sip, write, tmp_path):
    by_plan = {**_hollow(), "frameworks": ["far"]}
    assert {c for c in _codes(sip, write, by_plan)[0]} == {"SIP700", "SIP702", "SIP705", "SIP706"}
    assert set(_codes(sip, write, _hollow(), "--framework", "cbp")[0]) == {"SIP720"}
    write("sip.toml", 'frameworks = ["rba"]\n')
    assert set(_codes(sip, write, _hollow())[0]) == {"SIP730"}


def test_an_unknown_framework_is_refused_with_a_suggestion(sip, write):
    path = write(
        "plan.yaml",
        COMPLETE.read_text(encoding="utf-8").replace("status: active", "status: active\nframeworks: [lskg]"),
    )
    out = sip("validate", "--as-of", AS_OF, path)
    assert out.exit_code == 1 and "SIP102" in out.stdout and "did you mean 'lksg'?" in out.stdout
    option = sip("validate", "--framework", "FAR2", COMPLETE)
    assert option.exit_code == 2 and "--framework" in option.stderr and "'far'" in option.stderr
    write("sip.toml", 'frameworks = ["cpb"]\n')
    configured = sip("validate", "--as-of", AS_OF, path.parent / "plan.yaml")
    assert configured.exit_code == 2 and "did you mean 'cbp'?" in configured.stderr


# -- each profile: clean when met, exactly one diagnostic per requirement missed ------------------


@pytest.mark.parametrize("name", list(PROFILES))
def test_a_plan_that_meets_a_framework_is_clean_under_it(sip, write, name):
    codes, status = _codes(sip, write, _data(), "--framework", name)
    assert codes == [] and status == 0


def _without(items: list, **match) -> list:
    return [i for i in items if not all(i.get(k) == v for k, v in match.items())]


def _miss(requirement_id: str, data: dict) -> None:
    """Take away from the complete plan the one thing a requirement reads."""
    responses = {r["id"]: r for r in data["responses"]}
    channel = data["grievance_channels"][0]
    if requirement_id == "FAR-H3-I":
        data["improvements"] = _without(data["improvements"], element="awareness")
    elif requirement_id == "FAR-H3-II":
        channel.pop("publishes_hotline")
    elif requirement_id == "FAR-H3-III":
        data["improvements"] = _without(data["improvements"], element="wages")
    elif requirement_id == "FAR-H3-IV":
        data["improvements"] = _without(data["improvements"], element="housing")
    elif requirement_id == "FAR-H3-V":
        data["improvements"] = _without(data["improvements"], element="supplier-contracts")
    elif requirement_id == "FAR-H4":
        data["submissions"] = _without(data["submissions"], kind="posting")
    elif requirement_id == "FAR-H5":
        data["submissions"] = _without(data["submissions"], kind="certification")
    elif requirement_id == "LKSG-7-1":  # a finding answered by a remedy alone: back pay, nothing more
        data["findings"].append(
            {
                "id": "F-2",
                "title": "Overtime paid below the legal rate in peak weeks",
                "severity": "minor",
                "source": "S-1",
                "identified": "2026-05-04",
            }
        )
        data["root_causes"][0]["findings"].append("F-2")
        data["responses"].append(
            {
                "id": "A-4",
                "kind": "remedy",
                "remedy": "back-pay",
                "addresses": ["F-2"],
                "action": "Pay the difference to every worker affected",
                "owner": "Supplier Finance Director",
                "due": "2026-09-30",
                "status": "planned",
            }
        )
    elif requirement_id == "LKSG-7-4":
        data["opened"] = "2025-03-01"
        data["reviews"][0]["date"] = "2025-07-01"
    elif requirement_id == "LKSG-8-1":
        data["grievance_channels"] = []
    elif requirement_id == "LKSG-8-2":
        channel.pop("procedure_public")
    elif requirement_id == "LKSG-8-3":
        data["grievance_channels"].append({**channel, "id": "GC-2", "operated_by": "site"})
        channel["operated_by"] = "site"
        channel["name"] = "The factory's own helpline"
    elif requirement_id == "LKSG-8-5":
        channel["since"] = "2024-01-01"
    elif requirement_id == "CBP-INDICATORS":
        responses["A-1"].pop("indicators")
    elif requirement_id == "CBP-AUDIT":
        responses["A-1"]["verification"]["announced"] = True
        responses["A-2"]["verification"]["announced"] = True
    elif requirement_id == "RBA-CAP-FIELDS":
        data["findings"].append(
            {
                "id": "F-2",
                "title": "Overtime above the legal limit in peak weeks",
                "severity": "minor",
                "source": "S-1",
                "identified": data["findings"][0]["identified"],
            }
        )
    elif requirement_id == "RBA-CAP-PREVENTIVE":
        data["root_causes"].append(
            {
                "id": "RC-2",
                "findings": ["F-1"],
                "category": "commercial",
                "cause": "Prices left no room for fees paid by the site",
            }
        )
        data["risks"][0]["root_causes"].append("RC-2")
    elif requirement_id == "RBA-CAP-DEADLINE":
        for s in data["submissions"]:
            if s["kind"] == "corrective-action-plan":
                s["date"] = "2026-05-20"
    elif requirement_id == "RBA-CONTAINMENT":
        data["responses"] = _without(data["responses"], kind="protection")
        responses["A-2"]["indicators"] = ["debt-bondage", "retention-of-identity-documents"]
    else:
        raise AssertionError(f"no mutation for {requirement_id}")


CHECKED = [(n, r) for n, r in REQUIREMENTS if r.check == RULE and r.id != "LKSG-8-4"]


@pytest.mark.parametrize("name,requirement", CHECKED, ids=lambda v: getattr(v, "id", v))
def test_a_plan_that_misses_one_requirement_gets_its_diagnostic_and_no_other(sip, write, name, requirement):
    data = copy.deepcopy(_data())
    _miss(requirement.id, data)
    codes, status = _codes(sip, write, data, "--framework", name)
    assert codes and set(codes) <= set(requirement.codes), codes
    errors = any(BY_CODE[c].SEVERITY == "error" for c in codes)
    assert status == (1 if errors else 0)


def test_lksg_8_4_is_read_through_its_two_rules(sip, write):
    """§ 8 Abs. 4: public information (SIP713) and, with forced labour, a channel safe to use (SIP411)."""
    data = _data()
    data["grievance_channels"][0]["anonymous"] = False
    assert _codes(sip, write, data, "--framework", "lksg")[0] == ["SIP411"]
    data = _data()
    data["grievance_channels"][0].pop("procedure_public")
    assert _codes(sip, write, data, "--framework", "lksg")[0] == ["SIP713"]


def test_every_framework_page_context_field_is_documented():
    """docs/frameworks-pages.md has a section per context type of the framework pages, naming each
    of its fields, and no more (as docs/reports.md for the report's)."""
    import dataclasses

    from sip.output.render import dossier, framework_views

    documented = (ROOT / "docs" / "frameworks-pages.md").read_text("utf-8")
    sections = dict(re.findall(r"^#### `(\w+)`\n(.*?)(?=^#|\Z)", documented, re.MULTILINE | re.DOTALL))
    types = {
        t.__name__: t
        for module in (framework_views, dossier)
        for t in vars(module).values()
        if dataclasses.is_dataclass(t) and t.__module__ == module.__name__
    }
    assert sorted(sections) == sorted(types)
    missing = [
        f"{n}.{f.name}"
        for n, t in types.items()
        for f in dataclasses.fields(t)
        if f"`{f.name}`" not in sections[n]
    ]
    assert missing == []


def test_the_command_line_offers_a_dossier_for_each_profile_that_has_one():
    from sip.cli import DOSSIERS

    assert tuple(p.name for p in PROFILES.values() if p.dossier) == DOSSIERS
