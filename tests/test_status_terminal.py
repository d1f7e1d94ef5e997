"""`sip status` on a terminal: as many columns as fit its width, each whole; every plan's id,
status, open and overdue actions always; money never cut mid-number."""

from __future__ import annotations

import fcntl
import os
import re
import struct
import subprocess
import sys
import termios
import threading

import pytest

from tests.conftest import AS_OF, EXAMPLES

PLANS = {  # id: (status, open, overdue), as `sip status --format json` gives them
    "SIP-2026-014": ("active", "9", "0"),
    "SIP-2026-011": ("active", "8", "0"),
    "SIP-2026-003": ("monitoring", "0", "0"),
    "SIP-2026-007": ("active", "4", "0"),
    "SIP-2025-021": ("closed", "0", "0"),
    "SIP-2026-901": ("invalid", None, None),  # examples/invalid/typos.yaml: not readable as a plan
}


TYPOS = EXAMPLES / "invalid" / "typos.yaml"


def _status_on_a_terminal(columns: int, *paths) -> str:
    """Run `sip status` with standard output on a pseudo-terminal of this many columns."""
    controller, terminal = os.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    chunks: list[bytes] = []

    def read() -> None:  # read while sip writes: a full terminal buffer would block it
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=read)
    reader.start()
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "CI")}
    done = subprocess.run(
        [sys.executable, "-m", "sip", "status", "--as-of", AS_OF, *map(str, paths or (EXAMPLES, TYPOS))],
        stdout=terminal,
        stderr=subprocess.DEVNULL,
        env=env | {"TERM": "xterm", "NO_COLOR": "1"},
        timeout=300,
    )
    os.close(terminal)
    reader.join(timeout=60)
    os.close(controller)
    assert done.returncode == 0
    return b"".join(chunks).decode().replace("\r\n", "\n")


@pytest.mark.parametrize("columns", [80, 120])
def test_every_plan_id_status_open_and_overdue_whole(columns):
    text = _status_on_a_terminal(columns)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= columns, text
    assert "…" not in "".join(
        line for line in lines if re.search(r"SIP-|Total", line) and "Example" not in line
    ), text
    for plan_id, (status, open_actions, overdue) in PLANS.items():
        row = next(line for line in lines if line.split()[:1] == [plan_id])
        assert f"   {status}   " in row, row
        if open_actions is not None:
            assert re.search(rf"\s{open_actions}\s+{overdue}(\s|$)", row), row
    assert not re.search(r"\d…|\d,…", text), "money is never cut mid-number"
    assert "Not shown at this width:" in text


def test_at_80_columns_the_left_out_columns_are_named():
    text = _status_on_a_terminal(80)
    header = next(line for line in text.splitlines() if line.split()[:1] == ["Plan"])
    assert header.split() == ["Plan", "Status", "crit/maj/min", "Open", "Overdue", "Problems"]
    assert "Remedy paid of committed" in " ".join(text.split())
    assert "6 plans, 1 invalid." in text


def test_at_120_columns_money_is_whole():
    text = _status_on_a_terminal(120, EXAMPLES)
    assert "THB 2,865,000 / 3,670,000" in text
    assert "USD 553,000 / 1,735,000" in text
