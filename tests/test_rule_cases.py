"""Every rule case in tests/rules/cases, through the real command line.

A case is a plan file, or a folder of them (with its own sip.toml if it needs one), named for
the rule it shows: `SIP301-fails.yaml`, `SIP203-waived/`. It runs with that rule alone (and the
format's checks, SIP0xx and SIP1xx, which always run): a new rule never changes another rule's
cases. What sip must report is written on the line it points at, so that adding or removing
an expectation moves no other:

    - id: F-2  # expect: SIP301 col 5           a diagnostic at this line, column 5
    due: 2026-10-15  # expect: SIP506 col 10 waived   one a waiver silenced
    due: 2026-06-15  # expect: SIP501 col 10, SIP504 col 10   two at one line

Leading comment lines say what the case shows, and more when it needs more:

    # rules: SIP204 SIP506      the rules it runs instead (a waiver case runs the rule waived
                                too); a case not named for a rule (a scenario) must say
    # as-of: 2026-09-16         the as-of date (default 2026-08-10)
    # args: --ignore SIP506     more options for `sip validate`
    # paths: b.yaml a.yaml      in a folder case: check these files, in this order
    # expect: 44:1 SIP001       a position no comment can mark (past the last line, inside a
                                quoted text left open): line and column

A file with no expectation must be clean. The exit status follows from the expected
severities: 1 when an error is expected, else 0.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sip.rules import BY_CODE, SEVERITIES
from tests.goldens import GOLDENS, assert_golden

CASES = Path(__file__).resolve().parent / "rules" / "cases"
DEFAULT_AS_OF = "2026-08-10"
_HEADER = re.compile(r"#\s*(expect|as-of|args|paths|rules):\s*(.*?)\s*\Z")
_AT = re.compile(r"([0-9]+):([0-9]+) (SIP[0-9]{3})( waived)?\Z")  # a leading `# expect:`
_ON_LINE = re.compile(r"\s#\s*expect:\s*(.*?)\s*\Z")  # at the end of a line of the plan
_HERE = re.compile(r"(SIP[0-9]{3}) col ([0-9]+)( waived)?\Z")
_OWN = re.compile(r"SIP[0-9]{3}(?=-)")

Expected = tuple[str, int, int, str, bool]  # file, line, column, code, waived


def all_cases() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if p.suffix == ".yaml" or p.is_dir())


def plan_files(case: Path) -> list[Path]:
    return sorted(case.rglob("*.yaml")) if case.is_dir() else [case]


def header(file: Path) -> list[tuple[str, str]]:
    out = []
    for line in file.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        match = _HEADER.match(line)
        if match:
            out.append((match[1], match[2]))
    return out


def own_rule(case: Path) -> str | None:
    """The rule a case is named for; None for a scenario (`hollow-plan.yaml`)."""
    match = _OWN.match(case.name)
    return match[0] if match else None


def rules_of(case: Path) -> list[str]:
    """The rules the case runs besides the format's checks: its `# rules:` lines, else its own."""
    listed = [
        code
        for file in plan_files(case)
        for key, value in header(file)
        if key == "rules"
        for code in value.split()
    ]
    own = own_rule(case)
    assert listed or own, f"{case.name}: a case not named for a rule says which rules it runs (# rules:)"
    assert not own or not listed or own in listed, f"{case.name}: '# rules:' leaves out {own}"
    for code in listed:
        assert code in BY_CODE and code >= "SIP2", f"{case.name}: '# rules: {code}' is not a rule"
    return sorted(set(listed or [own or ""]))


def expected(case: Path) -> list[Expected]:
    """(file, line, column, code, waived) for every expectation of the case."""
    out = []
    for file in plan_files(case):
        name = _name(file, case)
        lines = file.read_text(encoding="utf-8").splitlines()
        for key, value in header(file):
            if key == "expect":
                match = _AT.match(value)
                assert match, f"{file}: cannot read '# expect: {value}'"
                out.append((name, int(match[1]), int(match[2]), match[3], bool(match[4])))
        for number, line in enumerate(lines, start=1):
            marked = _ON_LINE.search(line) if not line.startswith("#") else None
            for item in marked[1].split(",") if marked else ():
                match = _HERE.match(item.strip())
                assert match, f"{file}:{number}: cannot read '# expect: {item.strip()}' (CODE col N)"
                out.append((name, number, int(match[2]), match[1], bool(match[3])))
    return sorted(out)


def only(codes: list[str]) -> list[str]:
    """`sip validate` options that turn off every registered rule but these (the format's
    checks, SIP0xx and SIP1xx, cannot be turned off)."""
    return [
        option for code in BY_CODE if code >= "SIP2" and code not in codes for option in ("--ignore", code)
    ]


def run(sip, case: Path):
    options = dict(kv for file in plan_files(case) for kv in header(file) if kv[0] not in ("expect", "rules"))
    paths = [str(case / p) for p in options["paths"].split()] if "paths" in options else [str(case)]
    outcome = sip(
        "validate",
        "--as-of",
        options.get("as-of", DEFAULT_AS_OF),
        "--format",
        "json",
        *only(rules_of(case)),
        *options.get("args", "").split(),
        *paths,
    )
    assert outcome.stdout, outcome.stderr
    return outcome, json.loads(outcome.stdout)["diagnostics"]


def _name(file: Path | str, case: Path) -> str:
    return Path(file).relative_to(case).as_posix() if case.is_dir() else Path(file).name


def _relative(message: str, case: Path) -> str:
    """Messages name other files by the path given on the command line: keep the golden
    file free of where the checkout happens to be."""
    folder = case if case.is_dir() else case.parent
    return message.replace(f"{folder}/", "")


@pytest.mark.parametrize("case", all_cases(), ids=lambda p: p.stem)
def test_case(sip, case):
    outcome, diagnostics = run(sip, case)
    actual = sorted(
        (_name(d["file"], case), d["line"], d["column"], d["code"], d["severity"] == "waived")
        for d in diagnostics
    )
    assert actual == expected(case)
    for d in diagnostics:
        assert d["message"] and d["severity"] in ("error", "warning", "waived")
        assert ("reason" in d) == (d["severity"] == "waived")
        assert d["severity"] == "waived" or d["severity"] == SEVERITIES[d["code"]]
    errors = any(not waived and SEVERITIES[code] == "error" for *_, code, waived in expected(case))
    assert outcome.exit_code == (1 if errors else 0), outcome.stderr


def test_a_case_expects_only_what_its_rules_report():
    """The format's codes and the rules it runs: an expectation of another rule could never be met."""
    for case in all_cases():
        allowed = set(rules_of(case))
        for file, line, _, code, _ in expected(case):
            assert code < "SIP2" or code in allowed, f"{case.name}/{file}:{line}: {code} is not run here"


def _groups() -> dict[str, list[Path]]:
    """The cases of each rule, and the scenarios."""
    out: dict[str, list[Path]] = {}
    for case in all_cases():
        out.setdefault(own_rule(case) or "scenarios", []).append(case)
    return out


@pytest.mark.parametrize("group", sorted(_groups()))
def test_messages(sip, group):
    """What each rule says in its cases, reviewed as golden files, one per rule (so that a new
    rule adds its own): tests/goldens/rule-messages/SIPNNN.txt; SIP_UPDATE_GOLDENS=1 rewrites them."""
    lines = []
    for case in _groups()[group]:
        _, diagnostics = run(sip, case)
        for d in diagnostics:
            lines.append(
                f"{case.stem}: {_name(d['file'], case)}:{d['line']}:{d['column']} "
                f"{d['code']} [{d['severity']}] {d['path']}\n    {_relative(d['message'], case)}\n"
            )
    assert_golden(f"rule-messages/{group}.txt", "".join(lines))


def test_every_message_golden_has_its_cases():
    """A rule removed or renamed leaves no golden file behind."""
    folder = GOLDENS / "rule-messages"
    assert sorted(p.stem for p in folder.glob("*.txt")) == sorted(_groups())
