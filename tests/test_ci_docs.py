"""The workflows docs/ci.md shows are whole files that work as written: YAML GitHub accepts,
the current majors of the actions they use, and no finding from actionlint."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
import yaml

from tests.conftest import ROOT
from tests.node_tools import node_module

DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
WORKFLOWS = {
    block.split("\n", 1)[0][2:]: block
    for block in re.findall(r"```yaml\n(.*?)```", DOC, re.S)
    if block.startswith("# .github/workflows/")
}
CURRENT = {
    "actions/checkout": "v6",
    "actions/setup-python": "v6",
    "actions/cache": "v5",
    "github/codeql-action/upload-sarif": "v4",
    "sip-remediation/sip": "v0.1.0",
}


def test_the_docs_show_whole_workflows():
    assert len(WORKFLOWS) >= 4


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
def test_each_workflow_has_githubs_shape_and_current_actions(name):
    workflow = yaml.safe_load(WORKFLOWS[name])
    assert (
        workflow["name"] and workflow[True]
    )  # `on:` reads as true in YAML 1.1, as GitHub's parser does not mind
    for job in workflow["jobs"].values():
        assert job["runs-on"] == "ubuntu-latest"
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step
            if "uses" in step:
                action, version = step["uses"].split("@")
                assert CURRENT[action] == version, step["uses"]


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
def test_actionlint_finds_nothing(name):
    found = node_module("actionlint")
    if isinstance(found, str):
        pytest.skip(found)
    node, module = found
    done = subprocess.run(
        [node, str(ROOT / "tests/node/actionlint.cjs"), str(module), name],
        input=WORKFLOWS[name],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_actionlint_is_a_real_check():
    found = node_module("actionlint")
    if isinstance(found, str):
        pytest.skip(found)
    node, module = found
    broken = WORKFLOWS[".github/workflows/plans-review.yml"].replace(
        '"$NUMBER"', '"${{ github.event.pull_request.title }}"'
    )
    done = subprocess.run(
        [node, str(ROOT / "tests/node/actionlint.cjs"), str(module), "x.yml"],
        input=broken,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "potentially untrusted" in done.stdout
