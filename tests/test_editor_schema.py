"""Editor completion and checks from sip's schema, with yaml-language-server (what VS Code's
YAML extension runs) driven as a real client over stdio: the typos example gives the five
errors `sip validate` gives, at the same lines and columns, both with the examples' modeline
and in a user's own repository that committed `sip schema --out schemas` and set
`yaml.schemas` (docs/editors.md)."""

from __future__ import annotations

import json
import re

import pytest

from sip.format.project import SCHEMA_FILE, SCHEMA_ID
from tests.conftest import AS_OF, EXAMPLES, ROOT
from tests.lsp_client import LanguageServer
from tests.node_tools import node_module

TYPOS = EXAMPLES / "invalid" / "typos.yaml"


@pytest.fixture
def server_command() -> list[str]:
    found = node_module("yaml-language-server")
    if isinstance(found, str):
        pytest.skip(found)
    node, module = found
    return [node, str(module / "bin" / "yaml-language-server"), "--stdio"]


def _sip_positions(sip, plan) -> list[tuple[int, int]]:
    document = json.loads(sip("validate", "--as-of", AS_OF, "-f", "json", plan).stdout)
    return sorted((d["line"], d["column"]) for d in document["diagnostics"])


def _editor_positions(command: list[str], root, plan, settings: dict) -> list[tuple[int, int]]:
    server = LanguageServer(
        command, root, {"yaml": {"validate": True, "schemaStore": {"enable": False}, **settings}}
    )
    try:
        found = server.diagnostics(plan)
    finally:
        server.close()
    return sorted((d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1) for d in found)


def test_the_modeline_gives_sips_positions(sip, server_command):
    expected = _sip_positions(sip, TYPOS)
    assert len(expected) == 5
    assert _editor_positions(server_command, ROOT, TYPOS, {}) == expected


def test_a_users_repository_with_the_committed_schema_and_yaml_schemas(
    sip, server_command, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    assert sip("schema", "--out", "schemas").exit_code == 0  # what the user commits
    schema = json.loads((tmp_path / "schemas" / SCHEMA_FILE).read_text())
    assert schema["$id"] == SCHEMA_ID
    plan = tmp_path / "plans" / "penang.yaml"
    plan.parent.mkdir()
    plan.write_text(re.sub(r"\A# yaml-language-server:.*\n", "", TYPOS.read_text(encoding="utf-8")))
    expected = [(line - 1, column) for line, column in _sip_positions(sip, TYPOS)]  # one line fewer
    assert _sip_positions(sip, plan) == expected
    settings = {"schemas": {f"./schemas/{SCHEMA_FILE}": ["plans/**/*.yaml"]}}  # .vscode/settings.json
    assert _editor_positions(server_command, tmp_path, plan, settings) == expected


def test_the_schema_id_is_where_the_committed_schema_is_published():
    schema = json.loads((ROOT / "schemas" / SCHEMA_FILE).read_text(encoding="utf-8"))
    assert schema["$id"] == (
        "https://raw.githubusercontent.com/sip-remediation/sip/main/schemas/" + SCHEMA_FILE
    )
