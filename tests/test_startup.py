"""Start-up stays fit for a pre-commit hook: checking one plan loads only what it needs.

The figures are in bench/startup.py and the README; these tests hold the causes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-800:]
    return done.stdout


def test_validating_one_plan_imports_no_worker_pool_nor_output_libraries():
    out = _run(
        "import sys\nfrom sip.cli import app\n"
        "try:\n    app(['validate', 'examples/spec-example.yaml'])\n"
        "except SystemExit as done:\n    print('EXIT=%s' % done.code)\n"
        "loaded = [m for m in ('concurrent.futures', 'multiprocessing', 'ruamel', 'jinja2', "
        "'rich') if m in sys.modules]\n"
        "print('LOADED=' + ','.join(loaded))"
    )
    assert "EXIT=0\n" in out, out[-300:]
    assert "LOADED=\n" in out, out[-300:]


def test_models_are_built_when_a_plan_is_first_validated_and_only_the_plan():
    # Each model compiled its own validator at import although only Plan's is used: the
    # nested models are compiled into Plan's (pydantic's defer_build).
    out = _run(
        "from sip.model import Plan\nfrom sip.model import plan\n"
        "print(Plan.__pydantic_complete__)\n"
        "import yaml\nPlan.model_validate(yaml.safe_load(open('examples/spec-example.yaml')))\n"
        "print(Plan.__pydantic_complete__, plan.Finding.__pydantic_complete__)"
    )
    assert out.split() == ["False", "True", "False"]
