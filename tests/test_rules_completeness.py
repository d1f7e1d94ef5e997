"""Every code of the specification's table is registered, documented, and has cases."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from sip.commands.rules import markdown
from sip.model import Plan
from sip.model.fields import free_text
from sip.rules import BY_CODE, REGISTRY, RUN_LEVEL_CODES
from sip.rules import sip601_personal_data as sip601
from tests.conftest import ROOT
from tests.test_rule_cases import CASES, all_cases, expected

# The team's specification and its amendment, carried in tests/data/spec so that every clone runs
# these tests; beside a checkout (where present) the originals must equal the copies.
SPEC_FILES = ("plan-format.md", "format-1.1.md", "format-1.2.md")
SPEC_COPIES = ROOT / "tests" / "data" / "spec"
TEAM_SPEC = ROOT.parent / "shared" / "spec"
DOCS = ROOT / "docs" / "plan-format.md"  # for people: format 1's tables, then revision 1.1's and 1.2's
_ROW = re.compile(r"^\| (SIP[0-9]{3}) \| (.*) \|$", re.MULTILINE)
NEW_IN_1_2 = "| code | severity | what | reported at |"  # revision 1.2's table of new rules


def _tables(text: str, header: str) -> list[dict[str, str]]:
    """Each table that starts with `header`, as code -> its second column."""
    return [dict(_ROW.findall(block.split("\n\n", 1)[0])) for block in text.split(header)[1:]]


def _spec(name: str) -> str:
    return (SPEC_COPIES / name).read_text(encoding="utf-8")


def spec_table() -> dict[str, str]:
    """code -> the 'what' column of the rules of the specification (format 1's table) and of its
    amendments (the new rules of revisions 1.1 and 1.2; 1.2's columns from its severity on)."""
    table = dict(_tables(_spec("plan-format.md"), "| code | what |")[0])
    for rows in _tables(_spec("format-1.1.md"), "| code | what |"):
        table.update(rows)
    for rows in _tables(_spec("format-1.2.md"), NEW_IN_1_2):
        table.update(rows)
    return dict(sorted(table.items()))


def changed_table() -> dict[str, str]:
    """code -> the 'change' column of revisions 1.1's and 1.2's tables of rules that change."""
    changed = dict(_tables(_spec("format-1.1.md"), "| code | change |")[0])
    for code, change in _tables(_spec("format-1.2.md"), "| code | change |")[0].items():
        changed[code] = f"{changed[code]} {change}" if code in changed else change
    return changed


SPEC_CODES = sorted(spec_table())
# The requirements of framework profiles (format 1.3) are documented by the profiles, quoting the
# frameworks (sip/frameworks/, docs/frameworks.md), not by the team's specification.
FRAMEWORK_CODES = sorted(code for code in BY_CODE if code >= "SIP7")
EVERY_CODE = sorted(SPEC_CODES + FRAMEWORK_CODES)


def test_the_table_is_read():
    assert len(SPEC_CODES) >= 28 and SPEC_CODES[0] == "SIP001" and "SIP601" in SPEC_CODES


@pytest.mark.parametrize("name", SPEC_FILES)
def test_the_copies_of_the_team_specification_are_current(name):
    original = TEAM_SPEC / name
    if not original.is_file():
        pytest.skip(f"the team's specification is not beside this checkout ({original})")
    assert original.read_bytes() == (SPEC_COPIES / name).read_bytes(), (
        f"tests/data/spec/{name} differs from the team's {original}: copy it again"
    )


def test_docs_plan_format_carries_the_tables_of_rules():
    """docs/plan-format.md is the format for people: its tables of rules are the team's."""
    docs = DOCS.read_text(encoding="utf-8")
    assert _tables(docs, "| code | what |")[0] == _tables(_spec("plan-format.md"), "| code | what |")[0]
    assert _tables(docs, "| code | what |")[1:] == _tables(_spec("format-1.1.md"), "| code | what |")
    assert _tables(docs, "| code | change |")[0] == _tables(_spec("format-1.1.md"), "| code | change |")[0]
    assert _tables(docs, "| code | change |")[1] == _tables(_spec("format-1.2.md"), "| code | change |")[0]
    assert _tables(docs, NEW_IN_1_2) == _tables(_spec("format-1.2.md"), NEW_IN_1_2)


def test_every_code_of_the_spec_is_registered_and_nothing_else():
    assert [rule.CODE for rule in REGISTRY] == EVERY_CODE  # in code order, too
    assert not set(SPEC_CODES) & set(FRAMEWORK_CODES)


def test_the_framework_codes_are_the_frameworks_own_rules():
    """Each SIP7xx code names the framework it checks, and that framework's profile names it; the
    profiles name no SIP7xx that is not registered (tests/test_frameworks.py reads the rest)."""
    from sip.frameworks import PROFILES

    named = {code: p.name for p in PROFILES.values() for code in p.codes if code >= "SIP7"}
    assert named == {code: getattr(BY_CODE[code], "FRAMEWORK", None) for code in FRAMEWORK_CODES}


@pytest.mark.parametrize("code", EVERY_CODE)
def test_rule_module_is_documented(code):
    rule = BY_CODE[code]
    if code in SPEC_CODES:
        warning = spec_table()[code].startswith("warning") or "now a **warning**" in changed_table().get(
            code, ""
        )
        expected_severity = "warning" if warning else "error"
        assert expected_severity == rule.SEVERITY
    else:  # a framework's: its docstring says so when it is only a warning, as the spec's rows do
        assert (rule.SEVERITY == "warning") == (inspect.getdoc(rule) or "").startswith("Warning:")
    assert rule.SUMMARY and not rule.SUMMARY.startswith(" ") and not rule.SUMMARY.endswith(" ")
    assert Path(rule.__file__).name.startswith(code.lower() + "_")
    doc = inspect.getdoc(rule) or ""
    for section in ("Fails", "Passes"):
        match = re.search(rf"^{section}\b[^\n]*:\n\n((?:    .*\n|\n)+)", doc + "\n", re.MULTILINE)
        assert match and match[1].strip(), f"{code}: no indented example after '{section}...:'"
    # A rule's detection is in its module: only the format's codes (found while reading and
    # validating, below the rules) and rules over a whole run only hold no `check` of one plan.
    found_below_the_rules = code < "SIP2"
    over_a_run_only = code in ("SIP203", "SIP205")
    assert (rule.check is None) == (found_below_the_rules or over_a_run_only)
    # SIP202 checks one plan, and `repeats: PLAN-ID/F-n` over a run too
    assert (code in RUN_LEVEL_CODES) == (code in ("SIP202", "SIP203", "SIP205"))


@pytest.mark.parametrize("code", EVERY_CODE)
def test_rule_has_a_failing_and_a_passing_case(code):
    mine = [case for case in all_cases() if case.stem.startswith(code + "-")]
    failing = [c for c in mine if any(e[3] == code and not e[4] for e in expected(c))]
    passing = [c for c in mine if "-passes" in c.stem]
    assert failing, f"no case in {CASES} reports {code}"
    assert passing, f"no {code}-passes case in {CASES}"
    for case in passing:
        assert not any(e[3] == code and not e[4] for e in expected(case)), case


def test_sip_rules_lists_every_code(sip):
    outcome = sip("rules")
    assert outcome.exit_code == 0
    listed = [line.split()[0] for line in outcome.stdout.splitlines()]
    assert listed == EVERY_CODE


def test_sip_rules_code_prints_the_documentation(sip):
    outcome = sip("rules", "sip402")
    assert outcome.exit_code == 0
    assert outcome.stdout.startswith("SIP402 (warning)\n\n")  # a warning since format 1.1
    assert "rehabilitation, repatriation (if desired) or reintegration" in outcome.stdout
    assert "Fails:" in outcome.stdout and "Passes:" in outcome.stdout
    assert sip("rules", "SIP999").exit_code == 2


def test_docs_rules_md_is_current(sip):
    """docs/rules.md is generated: `sip rules --format md > docs/rules.md` refreshes it."""
    outcome = sip("rules", "--format", "md")
    assert outcome.exit_code == 0 and outcome.stdout == markdown(REGISTRY)
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == outcome.stdout, "docs/rules.md is stale: sip rules --format md > docs/rules.md"
    for code in EVERY_CODE:
        assert f"\n## {code}\n" in committed


def _text_fields(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Dotted paths of every free-text field below a model, lists' items included."""
    out = set()
    for name, field in model.model_fields.items():
        inner = _model_in(field.annotation)
        if inner is not None:
            out |= _text_fields(inner, f"{prefix}{name}.")
        # text, or text or a mapping (`unclaimed`, format 1.2): both are read
        if "_text" in repr(field.metadata) or "_text" in repr(typing.get_args(field.annotation)):
            out.add(prefix + name)
    return out


def _model_in(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _read(plan_fields, list_fields) -> set[str]:
    return set(plan_fields) | {f"{name}.{field}" for name, fields in list_fields.items() for field in fields}


def test_the_free_text_table_is_every_text_field_of_the_models():
    assert "findings.evidence" in _text_fields(Plan)  # the walk finds text fields
    assert "worker_engagement.summary" in _text_fields(Plan)  # and an aliased model's
    assert _read(*free_text()) == _text_fields(Plan)


def test_sip601_reads_every_free_text_field_but_owner():
    not_read = {"owner.role", "owner.name", "responses.owner", "improvements.owner"}
    left_alone = {f"{name}.{field}" if name else field for name, field in sip601.not_read()}
    assert left_alone == not_read
    assert _read(*free_text()) - left_alone == _text_fields(Plan) - not_read


def test_listing_the_rules_does_not_load_the_models():
    """`sip rules` and the configuration read the registry; neither needs pydantic."""
    code = (
        "import sys, sip.rules, sip.check.config, sip.check.waivers, sip.commands.rules\n"
        "print(','.join(m for m in ('pydantic', 'ruamel', 'jinja2', 'rich') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
