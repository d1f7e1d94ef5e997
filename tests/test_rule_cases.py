"""Every rule case in tests/rules/cases, through the real command line.

A case is a plan file, or a folder of them (with its own sip.toml if it needs one). Its
leading comment lines say what it shows and what sip must report, exactly:

    # expect: 14:5 SIP301           one line per diagnostic (line:column code)
    # expect: 20:10 SIP506 waived   a diagnostic a waiver silenced
    # as-of: 2026-09-16             the as-of date (default 2026-08-10)
    # args: --ignore SIP506         more options for `sip validate`
    # paths: b.yaml a.yaml          in a folder case: check these files, in this order

A file with no `expect` line must be clean. The exit status follows from the expected
severities: 1 when an error is expected, else 0.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sip.rules import SEVERITIES
from tests.goldens import assert_golden

CASES = Path(__file__).resolve().parent / "rules" / "cases"
DEFAULT_AS_OF = "2026-08-10"
_HEADER = re.compile(r"#\s*(expect|as-of|args|paths):\s*(.*?)\s*\Z")
_EXPECT = re.compile(r"([0-9]+):([0-9]+) (SIP[0-9]{3})( waived)?\Z")


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


def expected(case: Path) -> list[tuple[str, int, int, str, bool]]:
    """(file, line, column, code, waived) for every `# expect:` line of the case."""
    out = []
    for file in plan_files(case):
        for key, value in header(file):
            if key == "expect":
                match = _EXPECT.match(value)
                assert match, f"{file}: cannot read '# expect: {value}'"
                out.append((_name(file, case), int(match[1]), int(match[2]), match[3], bool(match[4])))
    return sorted(out)


def run(sip, case: Path):
    options = dict(kv for file in plan_files(case) for kv in header(file) if kv[0] != "expect")
    paths = [str(case / p) for p in options["paths"].split()] if "paths" in options else [str(case)]
    outcome = sip(
        "validate",
        "--as-of",
        options.get("as-of", DEFAULT_AS_OF),
        "--format",
        "json",
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


def test_messages(sip):
    """What each rule says, reviewed as one golden file (SIP_UPDATE_GOLDENS=1 rewrites it)."""
    lines = []
    for case in all_cases():
        _, diagnostics = run(sip, case)
        for d in diagnostics:
            lines.append(
                f"{case.stem}: {_name(d['file'], case)}:{d['line']}:{d['column']} "
                f"{d['code']} [{d['severity']}] {d['path']}\n    {_relative(d['message'], case)}\n"
            )
    assert_golden("rule-messages.txt", "".join(lines))
