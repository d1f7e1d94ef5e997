"""No input may crash sip, hang it, or end without a located diagnostic."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sip.check import check_bytes
from sip.config import Settings
from tests.conftest import DATA

# Copied from the team's shared corpus with its licence, so the test runs in any checkout.
CORPUS = DATA / "yaml-test-suite"


def test_every_yaml_test_suite_file_gets_a_located_diagnostic(tmp_path):
    files = sorted(CORPUS.glob("*.yaml"))
    assert len(files) > 300, f"the YAML test suite corpus is missing at {CORPUS}"
    # A real process, so that a crash in a C extension would show as a signal, not pass unseen.
    done = subprocess.run([sys.executable, "-m", "sip", "validate", "--format", "json",
                           *map(str, files)], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    document = json.loads(done.stdout)
    assert document["files"] == len(files)
    by_file: dict[str, list[dict]] = {}
    for d in document["diagnostics"]:
        by_file.setdefault(d["file"], []).append(d)
        assert d["line"] >= 1 and d["column"] >= 1 and d["code"].startswith("SIP")
    unlocated = [f.name for f in files if not by_file.get(str(f))]
    assert unlocated == []  # none of them is a plan, so each must say why


yaml_scalars = st.one_of(
    st.sampled_from(["", "~", "null", "yes", "no", "1", "1.0", ".inf", "0x1F", "2026-02-30",
                     "'quoted'", '"dq"', "&a x", "*a", "!!python/object x", "!tag v", "|", ">",
                     "- ", "? ", ": ", "[", "]", "{", "}", ",", "#", "---", "...", "%YAML 1.2",
                     "sip", "id", "findings", "\t", "\ufeff", "é"]),
    st.text(max_size=12),
)
yaml_lines = st.lists(st.tuples(st.integers(0, 8), st.lists(yaml_scalars, max_size=5)), max_size=30)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_lines)
def test_yaml_shaped_input_never_crashes(lines):
    text = "\n".join(" " * indent + " ".join(parts) for indent, parts in lines)
    _assert_handled(text.encode("utf-8", errors="surrogatepass"))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(raw):
    _assert_handled(raw)


def _assert_handled(raw: bytes) -> None:
    result = check_bytes(raw, "fuzz.yaml", Settings())
    assert result.diagnostics, "a file that is not a plan must get at least one diagnostic"
    for d in result.diagnostics:
        assert d.line >= 1 and d.column >= 1
        assert d.code.startswith("SIP") and d.message


def test_plan_shaped_mutations_never_crash():
    """Each line of a real plan, deleted or doubled: every result is located."""
    plan = (Path(__file__).parent / "data" / "minimal.yaml").read_text(encoding="utf-8").splitlines()
    for i in range(len(plan)):
        for variant in (plan[:i] + plan[i + 1:], plan[:i] + [plan[i], plan[i]] + plan[i + 1:],
                        plan[:i] + [" " + plan[i]] + plan[i + 1:]):
            result = check_bytes("\n".join(variant).encode(), "plan.yaml", Settings())
            for d in result.diagnostics:
                assert d.line >= 1 and d.column >= 1
