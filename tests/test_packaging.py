"""The distribution: a name of its own on PyPI (`sip` there is PyQt's binding generator),
a licence in the wheel, and a real `pip install` of that name giving a working `sip`."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import venv
from importlib import metadata

import pytest

from tests.conftest import ROOT

NAME = "sip-remediation"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
# pip failing to reach a package index, as opposed to the package being wrong.
OFFLINE_SIGNS = (
    "NewConnectionError",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "Could not fetch URL",
)


def test_the_distribution_has_its_own_name_and_the_command_stays_sip():
    assert PROJECT["name"] == NAME
    assert PROJECT["scripts"] == {"sip": "sip.entry:main"}
    installed = metadata.distribution(NAME)  # this checkout, installed under its own name
    assert installed.metadata["Name"] == NAME
    assert [e.value for e in installed.entry_points if e.name == "sip"] == ["sip.entry:main"]


def test_pip_install_upgrade_of_the_name_cannot_fetch_another_project():
    """`pip install -U sip` swapped this project for PyQt's sip. The name sip-remediation was
    free on PyPI when chosen (`pip download --no-deps sip-remediation`: "No matching
    distribution"); what the test can hold offline is that every piece of metadata pip and
    uv go by names this project, not the word `sip` alone."""
    requirement = NAME
    assert requirement != "sip" and metadata.distribution(NAME).metadata["Name"] == NAME
    urls = PROJECT["urls"]
    assert all(url.startswith("https://github.com/sip-remediation/sip") for url in urls.values())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install sip\n" not in readme and "pip install -U sip\n" not in readme
    ci = (ROOT / "docs/ci.md").read_text(encoding="utf-8")
    assert f"{NAME} @ git+https://github.com/sip-remediation/sip" in ci


def test_licence_and_classifiers_are_declared():
    assert PROJECT["license"] == "MIT" and PROJECT["license-files"] == ["LICENSE"]
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "sip developers" in licence
    assert (
        "License :: OSI Approved :: MIT License" not in PROJECT["classifiers"]
    )  # PEP 639: the expression says it
    assert any(c.startswith("Programming Language :: Python :: 3.11") for c in PROJECT["classifiers"])


@pytest.mark.slow
def test_pip_install_of_the_name_from_a_local_clone_gives_a_working_sip(tmp_path):
    """Slow (a wheel, a fresh venv, the dependencies from the index): build the wheel from this
    checkout, then `pip install sip-remediation` as a user would, with the wheel's folder as
    a place to look."""
    wheels = tmp_path / "wheels"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        capture_output=True,
        text=True,
    )
    if built.returncode != 0 and any(
        s in built.stderr for s in OFFLINE_SIGNS + ("No matching distribution",)
    ):
        pytest.skip(
            "no package index reachable for the build backend (hatchling): "
            + built.stderr.strip().splitlines()[-1]
        )
    assert built.returncode == 0, built.stderr
    [wheel] = wheels.glob("*.whl")
    assert wheel.name.startswith("sip_remediation-")
    import zipfile

    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        meta = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "sip/locale/ms/LC_MESSAGES/sip.mo" in names  # the workbook's words, compiled
    assert "Name: sip-remediation\n" in meta and "License-Expression: MIT\n" in meta
    assert "Project-URL: Repository, https://github.com/sip-remediation/sip\n" in meta

    target = tmp_path / "venv"
    venv.create(target, with_pip=True)
    bin_dir = target / ("Scripts" if os.name == "nt" else "bin")
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    installed = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", "--find-links", str(wheels), NAME],
        capture_output=True,
        text=True,
        env=env,
    )
    if installed.returncode != 0 and any(s in installed.stderr for s in OFFLINE_SIGNS):
        pytest.skip(
            "no package index reachable for sip's dependencies: " + installed.stderr.strip().splitlines()[-1]
        )
    assert installed.returncode == 0, installed.stderr
    version = subprocess.run([str(bin_dir / "sip"), "--version"], capture_output=True, text=True, env=env)
    assert version.stdout.startswith("sip 0.")
    examples = subprocess.run(
        [str(bin_dir / "sip"), "validate", "examples/"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**env, "NO_COLOR": "1"},
    )
    assert examples.returncode == 0, examples.stdout + examples.stderr
    assert "files checked: no problems" in examples.stdout
    shown = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "show", NAME], capture_output=True, text=True, env=env
    )
    assert "Name: sip-remediation" in shown.stdout
