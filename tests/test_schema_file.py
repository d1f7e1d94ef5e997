"""The committed JSON Schema is the one the models make, and it accepts the examples."""

from __future__ import annotations

import json

import jsonschema

from sip.commands.schema import SCHEMA_FILE, schema_text
from tests.conftest import DATA, EXAMPLES, ROOT

COMMITTED = ROOT / "schemas" / SCHEMA_FILE


def test_committed_schema_is_current():
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "schemas/ is stale: run `sip schema --out schemas` and commit the result"
    )


def test_schema_command_prints_the_same_schema(sip):
    out = sip("schema")
    assert out.exit_code == 0
    assert out.stdout == schema_text()


def test_schema_lists_vocabularies_for_editors():
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    finding = schema["$defs"]["Finding"]["properties"]
    assert finding["severity"]["enum"] == ["critical", "major", "minor"]
    assert "debt-bondage" in finding["indicators"]["items"]["enum"]
    assert schema["$defs"]["Site"]["additionalProperties"] is False


def _as_json_data(path):
    # Plans are YAML 1.2: dates stay strings, as the schema expects (PyYAML alone would make dates).
    from sip.read.loader import load

    return load(path.read_bytes()).data


def test_schema_accepts_every_example_and_rejects_a_typo():
    validator = jsonschema.Draft202012Validator(json.loads(COMMITTED.read_text(encoding="utf-8")))
    for plan in [*sorted(EXAMPLES.glob("*.yaml")), DATA / "minimal.yaml"]:
        errors = list(validator.iter_errors(_as_json_data(plan)))
        assert errors == [], f"{plan.name}: {errors[0].message if errors else ''}"
    broken = _as_json_data(DATA / "minimal.yaml")
    broken["findings"][0]["severity"] = "severe"
    assert list(validator.iter_errors(broken))


def test_schema_out_writes_and_refuses_to_overwrite_a_foreign_file(sip, tmp_path):
    out = sip("schema", "--out", tmp_path)
    assert out.exit_code == 0
    assert (tmp_path / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text()
    assert sip("schema", "--out", tmp_path).exit_code == 0  # its own file: replaced
    (tmp_path / SCHEMA_FILE).write_text('{"mine": true}')
    refused = sip("schema", "--out", tmp_path)
    assert refused.exit_code == 2
    assert "exists and was not written by sip" in refused.stderr
    assert (tmp_path / SCHEMA_FILE).read_text() == '{"mine": true}'


def test_examples_point_editors_at_the_schema():
    for plan in sorted(EXAMPLES.glob("*.yaml")):
        first = plan.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schemas/sip-plan-1.schema.json", plan.name
