"""Conventions a command-line user expects from a linter: FORCE_COLOR and NO_COLOR as
force-color.org and no-color.org define them, source excerpts with or without colour,
`-q/--quiet` as ruff has it, and `--help` that names what each argument is."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from sip.cli import app
from tests.conftest import DATA

MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")
BROKEN = MINIMAL.replace("severity: major", "severity: severe")
ANSI = "\x1b["


def _sip(*args: str, tty: bool = False, **environ: str) -> subprocess.CompletedProcess:
    """The real command in a process; standard output a pipe, or a pseudo-terminal."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "CI", "TERM")
    }
    env.update(environ, TERM="xterm-256color")
    if not tty:
        return subprocess.run([sys.executable, "-m", "sip", *args], capture_output=True, text=True, env=env)
    controller, terminal = os.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "sip", *args], stdout=terminal, stderr=subprocess.PIPE, env=env
        )
        os.close(terminal)
        chunks = []
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(controller)
    return subprocess.CompletedProcess(done.args, done.returncode, b"".join(chunks).decode(), done.stderr)


@pytest.fixture
def broken(write):
    return str(write("plan.yaml", BROKEN))


def test_force_color_forces_colour_through_a_pipe(broken):
    assert ANSI not in _sip("validate", broken).stdout  # a pipe: plain text
    coloured = _sip("validate", broken, FORCE_COLOR="1").stdout
    assert ANSI in coloured and "SIP102" in coloured
    assert ANSI not in _sip("validate", broken, FORCE_COLOR="").stdout  # empty means unset
    assert ANSI not in _sip("validate", broken, FORCE_COLOR="1", NO_COLOR="1").stdout  # NO_COLOR wins
    assert ANSI not in _sip("validate", "--no-color", broken, FORCE_COLOR="1").stdout  # the option wins
    assert ANSI in _sip("validate", "--color", broken, NO_COLOR="1").stdout


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_an_empty_no_color_means_unset(broken):
    assert ANSI in _sip("validate", broken, tty=True).stdout  # a terminal: colour
    assert ANSI in _sip("validate", broken, tty=True, NO_COLOR="").stdout
    assert ANSI not in _sip("validate", broken, tty=True, NO_COLOR="1").stdout


def test_colour_off_keeps_the_source_line_and_the_caret(broken):
    plain = _sip("validate", broken, NO_COLOR="1").stdout.splitlines()
    assert plain[0].endswith(
        ":20:15: SIP102 'severe' is not a severity; expected one of: critical, major, minor"
    )
    assert plain[1] == " 20 |     severity: severe"
    assert plain[2] == "    | " + " " * 14 + "^"  # under the s of severe
    coloured = re.sub(r"\x1b\[[0-9;]*m", "", _sip("validate", broken, FORCE_COLOR="1").stdout).splitlines()
    assert coloured[:3] == plain[:3]  # the same text, only coloured


def test_quiet_prints_only_the_diagnostics(broken, write):
    out = _sip("validate", "-q", broken, NO_COLOR="1")
    assert out.returncode == 1
    assert out.stdout.splitlines()[0].endswith(
        ":20:15: SIP102 'severe' is not a severity; expected one of: critical, major, minor"
    )
    assert "checked" not in out.stdout and out.stderr == ""
    clean = write("clean.yaml", MINIMAL)
    quiet = _sip("validate", "--quiet", "--as-of", "2026-08-10", str(clean))
    assert (quiet.returncode, quiet.stdout) == (0, "")
    github = _sip("validate", "-q", "-f", "github", broken).stdout.splitlines()
    assert len(github) == 1 and github[0].startswith("::error file=")


COMMANDS = {
    "validate": (
        "PLAN...",
        "-f, --format FORMAT",
        "--as-of DATE",
        "--config FILE",
        "--ignore CODE",
        "-o, --output FORMAT=PATH",
        "-q, --quiet",
    ),
    "status": ("PLAN...", "-f, --format FORMAT", "--as-of DATE"),
    "diff": ("[BASE [HEAD]] [PLAN...]", "-f, --format FORMAT", "--as-of DATE"),
    "render": ("PLAN...", "-f, --format FORMAT", "--audience AUDIENCE", "-o, --out PATH", "--templates DIR"),
    "fix": ("PLAN...", "--config FILE"),
    "schema": ("--out DIR",),
    "rules": ("[CODE]", "-f, --format FORMAT"),
    "new": ("PATH", "--id ID", "--country CODE", "--owner-role ROLE", "--opened DATE"),
    "export": ("PLAN", "-o, --out FILE", "--as-of DATE"),
    "import": ("WORKBOOK PLAN", "--as-of DATE", "--config FILE"),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_help_names_each_argument_by_what_it_is(sip, command):
    out = sip(command, "--help")
    assert out.exit_code == 0
    assert not re.search(r"<[a-z]+(\[[a-z]+\])?>", out.stdout), out.stdout  # no <str>, <list[str]>
    assert "{" not in out.stdout.split("\n", 1)[0]  # no {PATH...}... in the usage line
    for metavar in COMMANDS[command]:
        assert metavar in out.stdout, (metavar, out.stdout)


def test_no_command_shows_python_types_in_its_help(sip):
    """Commands added later are held to it too."""
    import typer.main

    commands = typer.main.get_command(app).commands
    assert set(COMMANDS) <= set(commands)
    for name in commands:
        out = sip(name, "--help").stdout
        assert not re.search(r"<[a-z]+(\[[a-z]+\])?>", out), (name, out)
        assert "{" not in out.split("\n", 1)[0], (name, out)


@pytest.mark.parametrize("width", ["100", "80", "50"])
def test_the_command_list_says_each_command_in_full_at_any_width(width):
    """click cuts a command's help to one line ending in '...'; each command gives a short
    sentence of its own, wrapped, never cut. Commands added later are held to it too."""
    import typer.main

    env = {**os.environ, "COLUMNS": width}
    out = subprocess.run(
        [sys.executable, "-m", "sip", "--help"], capture_output=True, text=True, env=env
    ).stdout
    listing = " ".join(out.split("Commands:\n", 1)[1].split())
    assert "..." not in listing, out
    for name, command in typer.main.get_command(app).commands.items():
        assert command.short_help and command.short_help.endswith("."), name
        assert f"{name} {command.short_help}" in listing, (name, listing)
