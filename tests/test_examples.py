"""The examples are the format done right, and examples/invalid the tour of what sip reports."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import EXAMPLES

INVALID = EXAMPLES / "invalid"
_ROW = re.compile(r"^\| `([^`]+)` \|.*\| (.+) \|$", re.MULTILINE)
_DIAGNOSTIC = re.compile(r"`([0-9]+):([0-9]+) (SIP[0-9]{3})")


def test_examples_validate_clean(sip):
    """examples/sip.toml sets the as-of date and leaves invalid/ out."""
    outcome = sip("validate", EXAMPLES)
    assert outcome.exit_code == 0, outcome.stdout
    summary = outcome.stdout.splitlines()[-1]
    assert "checked: no problems" in summary
    assert outcome.stdout.count("\n") == 1  # the summary alone: no error, no warning


def test_examples_validate_clean_under_strict_in_json(sip):
    outcome = sip("validate", "--strict", "--format", "json", EXAMPLES)
    document = json.loads(outcome.stdout)
    assert outcome.exit_code == 0
    assert (document["errors"], document["warnings"]) == (0, 0)
    assert document["files"] == len(list(EXAMPLES.glob("*.yaml")))
    # what the examples waive stays on the record
    assert all(d["severity"] == "waived" and d["reason"] for d in document["diagnostics"])


def readme_table() -> dict[str, list[tuple[int, int, str]]]:
    text = (INVALID / "README.md").read_text(encoding="utf-8")
    return {
        name: [(int(line), int(column), code) for line, column, code in _DIAGNOSTIC.findall(said)]
        for name, said in _ROW.findall(text)
    }


def test_readme_lists_every_invalid_example():
    assert sorted(readme_table()) == sorted(p.name for p in INVALID.glob("*.yaml"))


@pytest.mark.parametrize("name", sorted(readme_table()))
def test_invalid_example_gives_the_codes_its_readme_lists(sip, name):
    outcome = sip("validate", "--format", "json", INVALID / name)
    document = json.loads(outcome.stdout)
    found = [(d["line"], d["column"], d["code"]) for d in document["diagnostics"]]
    assert found == sorted(readme_table()[name])
    assert outcome.exit_code == 1
