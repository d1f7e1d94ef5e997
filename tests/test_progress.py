"""A long run shows progress on a terminal, and stays quiet when piped or in CI."""

from __future__ import annotations

import os
import subprocess
import sys

from sip.output.progress import SHOW_FROM_FILES
from tests.conftest import AS_OF, DATA

MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")


def _many_plans(folder) -> None:
    for i in range(SHOW_FROM_FILES):
        (folder / f"plan-{i:03}.yaml").write_text(MINIMAL.replace("SIP-TEST-001", f"SIP-T-{i:03}"))


def _run_with_terminal_stderr(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    """Run sip with standard error on a pseudo-terminal, as in a person's shell."""
    controller, terminal = os.openpty()
    done = subprocess.run(
        [sys.executable, "-m", "sip", *args], stdout=subprocess.PIPE, stderr=terminal, env=env, timeout=300
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal's other end is closed: all of it was read
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    return done.returncode, done.stdout.decode(), b"".join(chunks).decode(errors="replace")


def test_progress_on_a_terminal_and_none_in_ci(tmp_path):
    _many_plans(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "CI"} | {"TERM": "xterm"}
    args = ["validate", "--as-of", AS_OF, str(tmp_path)]
    status, stdout, stderr = _run_with_terminal_stderr(args, env)
    assert status == 0
    assert stdout == f"{SHOW_FROM_FILES} files checked: no problems\n"
    assert "Checking plans" in stderr
    status, stdout, stderr = _run_with_terminal_stderr(args, env | {"CI": "true"})
    assert status == 0 and stderr == ""
