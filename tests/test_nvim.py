"""A real editor: Debian's Neovim, headless, its built-in LSP client attached to `sip lsp`, opens
the typos example and writes down the diagnostics it received. (.ci/run installs Neovim.)"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES, ROOT

NVIM = shutil.which("nvim")
SCRIPT = ROOT / "tests" / "editors" / "nvim_diagnostics.lua"


@pytest.mark.skipif(
    NVIM is None, reason="Neovim is not installed (apt-get install neovim; .ci/run installs it)"
)
def test_neovim_receives_the_diagnostics_of_the_typos_example(sip, tmp_path):
    out = tmp_path / "diagnostics.txt"
    env = {
        **os.environ,
        "SIP_PYTHON": sys.executable,
        "SIP_NVIM_OUT": str(out),
        "SIP_PLAN": str(EXAMPLES / "invalid" / "typos.yaml"),
    }
    subprocess.run(
        [NVIM, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", f"luafile {SCRIPT}"],
        env=env,
        cwd=ROOT,
        timeout=120,
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    received = out.read_text("utf-8").splitlines()
    print("\n".join(received))  # what the editor shows, in the test's output

    validate = sip("validate", "--format", "json", EXAMPLES / "invalid" / "typos.yaml")
    expected = [
        (d["code"], d["line"], d["column"], d["message"]) for d in json.loads(validate.stdout)["diagnostics"]
    ]
    shown = [re.fullmatch(r"(\S+) (\d+):(\d+)-\d+:\d+ (.*)", line).groups() for line in received]
    assert [(code, int(line), int(column), message) for code, line, column, message in shown] == expected
    assert received[0] == (
        "SIP102 14:12-14:20 'Malaysia' is not an ISO 3166-1 alpha-2 country code; for Malaysia write MY"
    )
