from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sip.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"
AS_OF = "2026-08-10"  # the examples' as-of date (examples/sip.toml)


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture(autouse=True)
def result_cache(monkeypatch, tmp_path_factory):
    """Each test its own result cache (SIP_CACHE_DIR), empty: no test reads what another left,
    and none writes .sip_cache into the repository's examples. Its folder, for tests of it."""
    folder = tmp_path_factory.mktemp("sip-cache")
    monkeypatch.setenv("SIP_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def sip(monkeypatch):
    """Run the real command line in-process: sip("validate", "plans/") -> Outcome."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)

    def run(*args: str, input: str | bytes | None = None) -> Outcome:
        result = CliRunner().invoke(app, [str(a) for a in args], input=input)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Outcome(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path and return its path: write("plan.yaml", text)."""

    def make(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return make
