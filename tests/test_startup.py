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


def _loaded_at_exit(arguments: list[str], modules: tuple[str, ...]) -> subprocess.CompletedProcess:
    """`sip ARGUMENTS` started as a pre-commit hook starts it (sip/entry.py), printing at exit
    which of `modules` it imported (the fast path ends the process itself)."""
    code = (
        "import atexit, sys\nfrom sip.entry import main\n"
        f"atexit.register(lambda: print('LOADED=' + ','.join(m for m in {modules!r} if m in sys.modules)))\n"
        "main()"
    )
    return subprocess.run([sys.executable, "-c", code, *arguments], capture_output=True, text=True, cwd=ROOT)


def test_models_are_built_without_looking_for_pydantic_plugins():
    # pydantic imported importlib.metadata (email, zipfile, csv) and read every installed
    # distribution's entry points to find plugins: a fifteenth of checking a small plan.
    # (typer itself imports importlib.metadata: this is the fast path's cost.)
    done = _loaded_at_exit(
        ["validate", "--no-cache", "examples/spec-example.yaml"], ("importlib.metadata", "email", "zipfile")
    )
    assert done.returncode == 0, done.stderr[-800:]
    assert done.stdout.endswith("LOADED=\n"), done.stdout[-300:]


def test_a_plan_whose_format_errors_stop_the_rules_compiles_no_personal_data_pattern():
    # The detector's thirty patterns took about 15 ms to compile: they are compiled for the
    # first text SIP601 reads, or the first title a message quotes, never for a plan no rule reads.
    done = _loaded_at_exit(
        ["validate", "--no-cache", "examples/invalid/typos.yaml"], ("sip.format.personal_data",)
    )
    assert done.returncode == 1 and "SIP103" in done.stdout, done.stderr[-800:]
    assert done.stdout.endswith("LOADED=\n"), done.stdout[-300:]


def test_the_plugin_loader_sip_puts_in_pydantics_place_has_every_name_pydantic_imports():
    import re

    import pydantic

    from sip.model import plugins

    asked = set()
    for source in Path(pydantic.__file__).parent.rglob("*.py"):
        for names in re.findall(
            r"from (?:\.|pydantic\.plugin\.)_loader import \(?([\w, ]+)", source.read_text()
        ):
            asked.update(name.strip() for name in names.split(","))
    assert asked == {"get_plugins"}  # a pydantic that asks for more: sip/model/plugins.py
    assert "get_plugins" in dir(plugins) and list(plugins.get_plugins()) == []


def test_a_pydantic_that_asks_the_loader_for_more_gets_its_own_loader(monkeypatch):
    """sip allows any pydantic 2.x: one whose code imports another name from its plugin loader
    must still build sip's models (with plugins off), not fail in a user's run."""
    import sys

    from sip.model import plugins

    monkeypatch.setitem(sys.modules, plugins.LOADER, None)  # recorded, so put back after
    monkeypatch.delitem(sys.modules, plugins.LOADER)
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "")  # recorded, so unset again after
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS")
    plugins.without_plugins()
    from pydantic.plugin._loader import PYDANTIC_ENTRY_POINT_GROUP, get_plugins  # a name sip lacks

    assert PYDANTIC_ENTRY_POINT_GROUP == "pydantic"
    assert list(get_plugins()) == []  # pydantic's own, told to find none
    assert sys.modules[plugins.LOADER].__file__.endswith("_loader.py")
