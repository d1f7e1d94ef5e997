"""The result cache (sip/check/cache.py): the same output with it and without it, cold and warm,
and never an entry read for a file, settings or sip other than its own."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import AS_OF, EXAMPLES, ROOT

from sip.check import cache as cache_module
from sip.check.cache import Cache, check_cached, settings_key
from sip.check.cache_entry import entry_of, result_of
from sip.check.config import Settings
from sip.check.file import check_bytes

GENERATE = [sys.executable, str(ROOT / "bench" / "generate.py")]


def entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("v*/*/*") if p.is_file())


def sip_process(*args: str, cache: Path | None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "SIP_CACHE_DIR")}
    environment["NO_COLOR"] = "1"
    if cache is not None:
        environment["SIP_CACHE_DIR"] = str(cache)
    command = [sys.executable, "-m", "sip", *args] + ([] if cache is not None else ["--no-cache"])
    return subprocess.run(command, capture_output=True, text=True, env=environment, cwd=cwd)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """1,000 small generated plans, one copied under another name (SIP203 on both, a rule over
    the run that must see the cached plans' ids), one broken (SIP001)."""
    folder = tmp_path_factory.mktemp("corpus")
    subprocess.run([*GENERATE, "--count", "998", "--lines", "120", "--out", str(folder)], check=True)
    shutil.copy(folder / "sip-bench-0007.yaml", folder / "sip-bench-0999.yaml")
    (folder / "sip-bench-1000.yaml").write_text("sip: 1\nid: [unclosed\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("format", ["text", "json"])
def test_a_thousand_plans_print_the_same_with_and_without_the_cache(corpus, tmp_path, format):
    cache = tmp_path / "cache"
    args = ("validate", "--as-of", AS_OF, "--format", format, str(corpus))
    without = sip_process(*args, cache=None)
    cold = sip_process(*args, cache=cache)
    assert len(entries(cache)) == 999  # the broken file too: its result is what its bytes give
    warm = sip_process(*args, cache=cache)
    assert without.returncode == cold.returncode == warm.returncode == 1
    assert "SIP203" in without.stdout and "SIP001" in without.stdout
    assert without.stdout == cold.stdout == warm.stdout
    assert without.stderr == cold.stderr == warm.stderr
    assert not (tmp_path / ".sip_cache").exists()


def test_the_folder_keeps_itself_out_of_git(sip, tmp_path, monkeypatch):
    monkeypatch.delenv("SIP_CACHE_DIR")
    plans = tmp_path / "repo"
    shutil.copytree(EXAMPLES, plans, ignore=shutil.ignore_patterns(".sip_cache"))  # a checkout's own runs
    monkeypatch.chdir(plans)
    assert sip("validate", "--no-cache", ".").exit_code == 0
    assert not (plans / ".sip_cache").exists()  # --no-cache reads and writes nothing
    assert sip("validate", ".").exit_code == 0
    cache = plans / ".sip_cache"  # beside the configuration, examples/sip.toml
    assert (cache / ".gitignore").read_text("utf-8").splitlines()[-1] == "*"
    assert (
        (cache / "CACHEDIR.TAG").read_text("utf-8").startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    subprocess.run(["git", "init", "-q", str(plans)], check=True)
    status = subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True, cwd=plans)
    assert ".sip_cache" not in status.stdout and "sip.toml" in status.stdout


def plan_text() -> str:
    return (EXAMPLES / "spec-example.yaml").read_text("utf-8")


def test_a_changed_file_is_checked_again(sip, write, result_cache):
    plan = write("p.yaml", plan_text())
    first = sip("validate", "--as-of", AS_OF, plan)
    assert first.exit_code == 0 and len(entries(result_cache)) == 1
    plan.write_text(plan_text().replace("severity: critical", "severity: severe", 1), encoding="utf-8")
    second = sip("validate", "--as-of", AS_OF, plan)
    assert second.exit_code == 1 and "SIP102" in second.stdout
    assert len(entries(result_cache)) == 2


@pytest.mark.parametrize(
    "change",
    [
        ["--as-of", "2031-01-01"],  # SIP504: its actions are overdue by then
        ["--ignore", "SIP5"],
        ["--config", "other.toml"],
    ],
)
def test_changed_settings_are_checked_again(sip, write, result_cache, change):
    plan = write("p.yaml", plan_text())
    other = write("other.toml", "[deadlines]\ncritical = 1\nmajor = 1\nminor = 1\n")
    change = [str(other) if part == "other.toml" else part for part in change]
    base = ["validate", "--as-of", AS_OF, "--format", "json"]
    before = json.loads(sip(*base, plan).stdout)
    after = sip(*base[:-2], *change, "--format", "json", plan)
    assert len(entries(result_cache)) == 2
    fresh = sip(*base[:-2], *change, "--format", "json", "--no-cache", plan)
    assert after.stdout == fresh.stdout and json.loads(after.stdout) != before


def test_every_setting_is_in_the_key():
    """The key is derived from the whole settings object: a setting added later is in it."""
    settings = Settings(as_of=dt.date(2026, 8, 10))
    changed = {
        bool: lambda v: not v,
        int: lambda v: v + 1,
        float: lambda v: v / 2 + 0.01,
        tuple: lambda v: (*v, "SIP5"),
        dict: lambda v: {**v, "protection": {**v["protection"], "critical": 1}},
        dt.date: lambda v: v + dt.timedelta(days=1),
        type(None): lambda v: Path("/elsewhere"),
    }
    for field in dataclasses.fields(Settings):
        value = getattr(settings, field.name)
        other = changed[type(value)](value)
        assert settings_key(dataclasses.replace(settings, **{field.name: other})) != settings_key(settings), (
            field.name
        )
    same = Settings(as_of=dt.date(2026, 8, 10))
    assert settings_key(same) == settings_key(settings)


def test_another_version_never_reads_an_entry(tmp_path, monkeypatch):
    raw = plan_text().encode("utf-8")
    settings = Settings(as_of=dt.date(2026, 8, 10))
    ours = Cache(tmp_path, cache_module.code_version())
    check_cached(raw, "p.yaml", settings, ours)
    key = ours.key(raw, settings)
    assert ours.get(key, "p.yaml") is not None
    other = Cache(tmp_path, "v1-0.2.0-0000000000000000")
    assert other.key(raw, settings) != key and other.get(key, "p.yaml") is None
    # the version is the code's: a module changed without a new version number is another one
    module = Path(cache_module.__file__)
    monkeypatch.setattr(cache_module, "_version", None)
    before = cache_module.code_version()
    stat = module.stat()
    try:
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
        monkeypatch.setattr(cache_module, "_version", None)
        assert cache_module.code_version() != before
    finally:
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        monkeypatch.setattr(cache_module, "_version", None)


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\x00\xff not json",
        b'{"key": "x"}',
        b"[1, 2, 3]",
        b"{" * 100_000,
        "same key, wrong shape",
        "same key, a line that is text",
    ],
)
def test_a_corrupt_entry_is_ignored_and_written_again(sip, write, result_cache, damage):
    plan = write("p.yaml", plan_text().replace("severity: critical", "severity: severe", 1))
    expected = sip("validate", "--as-of", AS_OF, plan)
    (entry,) = entries(result_cache)
    if damage == "same key, wrong shape":
        damage = json.dumps({"key": entry.name, "diagnostics": "none"}).encode()
    elif damage == "same key, a line that is text":
        good = json.loads(entry.read_text("utf-8"))
        good["diagnostics"][0][0] = "12"
        damage = json.dumps(good).encode()
    entry.write_bytes(damage)
    again = sip("validate", "--as-of", AS_OF, plan)
    assert (again.exit_code, again.stdout, again.stderr) == (
        expected.exit_code,
        expected.stdout,
        expected.stderr,
    )
    assert json.loads(entry.read_text("utf-8"))["key"] == entry.name  # written again, whole


def test_a_cache_that_cannot_be_written_is_no_error(sip, write, monkeypatch, tmp_path):
    plan = write("p.yaml", plan_text())
    expected = sip("validate", "--no-cache", "--as-of", AS_OF, plan)
    blocker = write("a-file", "not a folder")
    monkeypatch.setenv("SIP_CACHE_DIR", str(blocker / "cache"))  # a folder under a file
    out = sip("validate", "--as-of", AS_OF, plan)
    assert (out.exit_code, out.stdout, out.stderr) == (expected.exit_code, expected.stdout, expected.stderr)

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setenv("SIP_CACHE_DIR", str(tmp_path / "full"))
    monkeypatch.setattr(os, "replace", full)
    out = sip("validate", "--as-of", AS_OF, plan)
    assert (out.exit_code, out.stdout, out.stderr) == (expected.exit_code, expected.stdout, expected.stderr)
    assert not [p for p in (tmp_path / "full").rglob("*") if p.is_file() and p.name.startswith(".tmp-")]


def test_two_runs_at_once_share_the_cache(corpus, tmp_path):
    cache = tmp_path / "cache"
    args = ("validate", "--as-of", AS_OF, "--format", "json", str(corpus))
    expected = sip_process(*args, cache=None).stdout
    environment = {**os.environ, "SIP_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    environment.pop("GITHUB_ACTIONS", None)
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "sip", *args], stdout=subprocess.PIPE, text=True, env=environment
        )
        for _ in range(2)
    ]
    outputs = [run.communicate()[0] for run in runs]
    assert outputs == [expected, expected]
    assert not [p for p in cache.rglob(".tmp-*")]
    assert sip_process(*args, cache=cache).stdout == expected


def test_a_cached_result_is_the_checked_one():
    """Every example plan (clean, broken, waived, closed): what an entry gives back equals what
    checking gives, field by field, the facts of rules over the run included."""
    settings = Settings(as_of=dt.date(2026, 8, 10))
    for path in sorted(EXAMPLES.rglob("*.yaml")):
        raw = path.read_bytes()
        checked = check_bytes(raw, str(path), settings)
        entry = entry_of("k", checked)
        back = result_of(json.loads(json.dumps(entry)), str(path))
        for name in (
            "diagnostics",
            "item_ids",
            "rules_ran",
            "plan_id",
            "plan_id_position",
            "waivers",
            "facts",
        ):
            assert getattr(back, name) == getattr(checked, name), (path, name)


def test_a_cache_folder_git_tracks_is_never_read(sip, write, monkeypatch, tmp_path):
    """A pull request could commit a cache whose entries say its broken plans are clean."""
    repository = tmp_path / "repo"
    plan = write("repo/plans/p.yaml", plan_text().replace("severity: critical", "severity: severe", 1))
    cache = repository / ".sip_cache"
    monkeypatch.setenv("SIP_CACHE_DIR", str(cache))
    assert sip("validate", "--as-of", AS_OF, plan).exit_code == 1
    (entry,) = entries(cache)
    forged = json.loads(entry.read_text("utf-8"))
    forged["diagnostics"] = []
    entry.write_text(json.dumps(forged), encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(repository)], check=True)
    assert sip("validate", "--as-of", AS_OF, plan).exit_code == 0  # what a forged entry does
    subprocess.run(["git", "-C", str(repository), "add", "-f", ".sip_cache"], check=True)
    out = sip("validate", "--as-of", AS_OF, plan)
    assert out.exit_code == 1 and "SIP102" in out.stdout
    assert "is tracked by git, so sip does not use it" in out.stderr


def test_sip_diff_reads_each_version_through_the_cache(sip, tmp_path, monkeypatch, result_cache):
    from tests.gitrepo import Repo

    repository = Repo(tmp_path / "repo")
    broken = plan_text().replace("severity: critical", "severity: severe", 1)
    repository.write("plans/a.yaml", broken)
    repository.write("plans/b.yaml", plan_text().replace("id: SIP-2026-007", "id: SIP-2026-008", 1))
    repository.commit("first")
    repository.write("plans/a.yaml", plan_text())  # fixed: its SIP102 goes away
    repository.git("mv", "plans/b.yaml", "plans/c.yaml")  # renamed: its results under the new name
    repository.edit("plans/c.yaml", "severity: critical", "severity: major")
    repository.commit("second")
    monkeypatch.chdir(repository.root)
    args = ("diff", "--as-of", AS_OF, "--format", "json", "HEAD~1", "HEAD")
    without = sip(*args, "--no-cache")
    assert entries(result_cache) == []
    cold = sip(*args)
    assert len(entries(result_cache)) == 4  # each version of each plan, checked once

    def not_again(*args, **kwargs):
        raise AssertionError("a version found in the cache was checked again")

    monkeypatch.setattr("sip.check.file.check_bytes", not_again)
    warm = sip(*args)
    assert len(entries(result_cache)) == 4
    assert "diagnostic-resolved" in without.stdout and "renamed from plans/b.yaml" in without.stdout
    assert (
        (without.exit_code, without.stdout) == (cold.exit_code, cold.stdout) == (warm.exit_code, warm.stdout)
    )
