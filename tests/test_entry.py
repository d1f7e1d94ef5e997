"""`sip validate`'s fast path (sip/entry.py) and typer's way (sip/cli.py) print the same and end
with the same status, for every invocation in the table; what the fast path does not take is
handed to typer whole."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT

from sip.entry import plain_validate

FAST = "from sip.entry import main; main()"
TYPER = "from sip.cli import main; main()"

# (arguments, taken by the fast path?)
INVOCATIONS = [
    (["validate", "examples/spec-example.yaml"], True),
    (["validate", "--format", "json", "examples/invalid/typos.yaml"], True),
    (["validate", "-f", "github", "--as-of", "2026-08-10", "examples/"], True),
    (["validate", "examples/invalid/typos.yaml", "--strict"], True),
    (["validate", "--no-strict", "--fail-on", "never", "examples/invalid/"], True),
    (["validate", "--fail-on", "warning", "examples/invalid/hollow.yaml"], True),
    (["validate", "--ignore", "SIP5", "--ignore", "SIP601,SIP602", "-q", "examples/"], True),
    (["validate", "--config", "examples/sip.toml", "examples/invalid/gaps.yaml"], True),
    (["validate", "--config", "missing.toml", "examples/spec-example.yaml"], True),
    (["validate", "--strict", "--fail-on", "error", "examples/spec-example.yaml"], True),
    (["validate", "--ignore", "SIP101", "examples/spec-example.yaml"], True),
    (["validate", "--ignore", "NOPE", "examples/spec-example.yaml"], True),
    (["validate", "no-such-plan.yaml"], True),
    (["validate", "--color", "examples/invalid/typos.yaml"], True),
    (["validate", "--no-color", "--quiet", "examples/invalid/broken.yaml"], True),
    (["validate", "--no-cache", "--format", "sarif", "--sarif-suppressed", "examples/"], True),
    (["validate", "--output", "bogus=report.txt", "examples/spec-example.yaml"], True),
    (["validate", "-o", "sarif=examples/spec-example.yaml", "examples/spec-example.yaml"], True),
    (["validate", "--plans-only", "examples/spec-example.yaml", "README.md"], True),
    (["validate", "--changed-since", "no-such-revision", "examples/"], True),
    (["validate", "-", "--as-of", "2026-08-10"], True),
    (["validate", "--framework", "far", "--framework", "lksg", "examples/"], True),
    (["validate", "--framework", "xyz", "examples/spec-example.yaml"], True),
    # handed to typer: its own messages
    (["validate"], False),
    (["validate", "--format", "nonsense", "examples/spec-example.yaml"], False),
    (["validate", "--fail-on", "sometimes", "examples/spec-example.yaml"], False),
    (["validate", "--as-of", "2026-13-01", "examples/spec-example.yaml"], False),
    (["validate", "--as-of"], False),
    (["validate", "--format=json", "examples/spec-example.yaml"], False),
    (["validate", "--help"], False),
    (["validate", "--", "examples/spec-example.yaml"], False),
    (["validate", "-qf", "json", "examples/spec-example.yaml"], False),
    (["validate", "--bogus", "examples/spec-example.yaml"], False),
    (["--debug", "validate", "examples/spec-example.yaml"], False),
    (["--version"], False),
    (["rules", "SIP004"], False),
]


def run(code: str, arguments: list[str]) -> tuple[int, str, str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    environment.pop("NO_COLOR", None)
    environment.pop("FORCE_COLOR", None)
    stdin = (ROOT / "examples" / "spec-example.yaml").read_text("utf-8")
    done = subprocess.run(
        [sys.executable, "-c", code, *arguments],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        input=stdin,
    )
    return done.returncode, done.stdout, done.stderr.replace("-c ", "sip ")


@pytest.mark.parametrize(("arguments", "fast"), INVOCATIONS, ids=[" ".join(a) for a, _ in INVOCATIONS])
def test_the_fast_path_and_typer_agree(arguments, fast):
    assert (plain_validate(arguments) is not None) == fast
    by_typer = run(TYPER, arguments)
    by_fast_path = run(FAST, arguments)
    assert by_fast_path == by_typer
    assert "Traceback" not in by_typer[2]


def test_the_command_starts_at_the_fast_path():
    from importlib import metadata

    (script,) = [e for e in metadata.distribution("sip-remediation").entry_points if e.name == "sip"]
    assert script.value == "sip.entry:main"
    done = subprocess.run(
        [sys.executable, "-m", "sip", "validate", "--format", "json", "examples/spec-example.yaml"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0 and '"errors": 0' in done.stdout


def test_a_warm_plain_validate_imports_neither_typer_nor_pydantic(tmp_path):
    """Start-up a pre-commit hook pays: a plan found in the result cache is reported without
    typer, pydantic, the YAML parser or a worker pool."""
    code = (
        "import atexit, sys\nfrom sip.entry import main\n"
        "sys.argv = ['sip', 'validate', 'examples/spec-example.yaml']\n"
        "@atexit.register\ndef loaded():\n"
        "    found = [m for m in ('typer', 'click', 'pydantic', 'yaml', 'concurrent.futures', 'rich') "
        "if m in sys.modules]\n    print('LOADED=' + ','.join(found))\n"
        "main()"
    )
    environment = {**os.environ, "SIP_CACHE_DIR": str(tmp_path)}
    cold = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=environment
    )
    assert cold.returncode == 0 and "pydantic" in cold.stdout
    warm = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=environment
    )
    assert warm.returncode == 0 and "LOADED=\n" in warm.stdout, warm.stdout[-300:]
