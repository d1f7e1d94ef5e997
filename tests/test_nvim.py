"""A real editor: the machine's Neovim, headless, with docs/editors.md's configuration as its
init.lua (read from the page, so the page cannot drift), opens the typos example as a person
would and shows sip's diagnostics, a hover on `K` and the item an id names on `gd`.
(.ci/run installs Debian's Neovim, 0.7.2: the only version its archive has.)"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

NVIM = shutil.which("nvim")
SESSION = ROOT / "tests" / "editors" / "nvim_session.lua"
PLAN = EXAMPLES / "invalid" / "typos.yaml"


def documented_config() -> str:
    """The Lua block of docs/editors.md's Neovim section."""
    page = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
    section = page.split("### Neovim\n", 1)[1].split("\n### ", 1)[0]
    blocks = re.findall(r"```lua\n(.*?)```", section, re.DOTALL)
    assert len(blocks) == 1, "the Neovim section gives one configuration"
    return blocks[0]


def nvim_version() -> str:
    done = subprocess.run([NVIM, "--version"], capture_output=True, text=True, check=True)
    return done.stdout.split()[1]


@pytest.mark.skipif(
    NVIM is None, reason="Neovim is not installed (apt-get install neovim; .ci/run installs it)"
)
def test_neovim_with_the_documented_configuration_shows_diagnostics_hover_and_definition(sip, tmp_path):
    init = tmp_path / "init.lua"
    init.write_text(documented_config(), encoding="utf-8")
    out = tmp_path / "session.txt"
    text = PLAN.read_text(encoding="utf-8").splitlines()
    reference = next(n for n, line in enumerate(text, 1) if "addresses: [F-1]" in line)
    env = {
        **os.environ,
        # the configuration runs `sip lsp`, found on the PATH as a user's shell finds it
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "SIP_NVIM_OUT": str(out),
        "SIP_PLAN": str(PLAN),
        "SIP_ID_AT": f"{reference}:{text[reference - 1].index('F-1') + 2}",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    subprocess.run(
        [NVIM, "--headless", "-u", str(init), "-i", "NONE", "-n", "-c", f"luafile {SESSION}", "-c", "qa!"],
        env=env,
        cwd=ROOT,
        timeout=120,
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    received = out.read_text("utf-8").splitlines()
    print(f"Neovim {nvim_version()}:\n" + "\n".join(received))  # what the editor showed

    validate = sip("validate", "--format", "json", PLAN)
    expected = [
        (d["code"], d["line"], d["column"], d["message"]) for d in json.loads(validate.stdout)["diagnostics"]
    ]
    diagnostics = [line for line in received if line.startswith("DIAGNOSTIC ")]
    shown = [
        re.fullmatch(r"DIAGNOSTIC (\S+) (\d+):(\d+)-\d+:\d+ (.*)", line).groups() for line in diagnostics
    ]
    assert [(code, int(line), int(column), message) for code, line, column, message in shown] == expected
    assert diagnostics[0] == (
        "DIAGNOSTIC SIP102 14:12-14:20 'Malaysia' is not an ISO 3166-1 alpha-2 country code; for Malaysia write MY"
    )
    finding = next(n for n, line in enumerate(text, 1) if line.strip() == "- id: F-1")
    rest = [line for line in received if not line.startswith("DIAGNOSTIC ")]
    assert rest == [
        f"HOVER **F-1**, finding (line {finding})",  # its title is misspelt `titel` in this example
        f"DEFINITION {finding}",
        "OMNIFUNC v:lua.vim.lsp.omnifunc",
    ]
