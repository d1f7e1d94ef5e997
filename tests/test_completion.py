"""Shell completion, as a user sets it up: typer's `sip --show-completion` (and
`--install-completion`) from the shell itself, then the shell asking sip for candidates."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent  # where `sip` is, as on a user's PATH
ENV = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completes_a_command_name_and_an_option(tmp_path):
    # the script, as `sip --show-completion` prints it when run from bash (the shell is detected
    # from the parent process: `; exit` keeps bash from exec-ing sip in its place, or sip's parent
    # would be pytest's, and a run started in the background would have no shell above it)
    script = subprocess.run(
        ["bash", "-c", "sip --show-completion; exit $?"], capture_output=True, text=True, env=ENV, check=True
    ).stdout
    assert "complete -o default -F _sip_completion sip" in script
    (tmp_path / "sip.bash").write_text(script, encoding="utf-8")

    def candidates(*words: str) -> list[str]:
        line = " ".join(words)
        program = (
            f"source {tmp_path / 'sip.bash'}\n"
            f"COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}\n"
            "_sip_completion sip\n"
            'printf "%s\\n" "${COMPREPLY[@]}"\n'
        )
        done = subprocess.run(["bash", "-c", program], capture_output=True, text=True, env=ENV, check=True)
        return done.stdout.split()

    assert candidates("sip", "va") == ["validate"]
    assert candidates("sip", "st") == ["status"]
    assert "--format" in candidates("sip", "validate", "--fo")


@pytest.mark.parametrize(
    "shell, expected",
    [
        ("zsh", '(("render":"Render plans as reports in HTML or Markdown."\n"rules":'),
        ("fish", "render\tRender plans as reports in HTML or Markdown.\nrules\t"),
    ],
)
def test_zsh_and_fish_are_answered_in_their_own_formats(shell, expected):
    # what the scripts `sip --show-completion` prints in zsh and in fish ask sip (neither shell
    # is on the test machine: the protocol is driven as they drive it)
    env = {
        **ENV,
        "_SIP_COMPLETE": f"complete_{shell}",
        "_TYPER_COMPLETE_ARGS": "sip r",
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
    }
    done = subprocess.run([str(BIN / "sip")], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout, done.stdout


def test_completing_imports_none_of_sips_heavy_libraries():
    # typer reads every command line with pydantic, a completion's too (about 0.1 s of the
    # 0.3 s a completion takes); nothing of sip's own weight is loaded
    code = (
        "import os, sys\n"
        "os.environ.update(_SIP_COMPLETE='complete_bash', COMP_WORDS='sip va', COMP_CWORD='1')\n"
        "from sip.cli import app\n"
        "try:\n    app(prog_name='sip')\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('ruamel', 'jinja2', 'rich', 'yaml', 'openpyxl') if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout == "validate\nHEAVY=\n", done.stdout + done.stderr
