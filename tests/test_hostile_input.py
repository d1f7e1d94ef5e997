"""No input may crash sip, hang it, or end without a located diagnostic."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from sip.check.config import Settings
from sip.check.file import check_bytes
from sip.output.render.build import plan_report
from sip.output.render.environment import Templates
from tests.conftest import DATA

# Copied from the team's shared corpus with its licence, so the test runs in any checkout.
CORPUS = DATA / "yaml-test-suite"


def test_every_yaml_test_suite_file_gets_a_located_diagnostic(tmp_path):
    files = sorted(CORPUS.glob("*.yaml"))
    assert len(files) > 300, f"the YAML test suite corpus is missing at {CORPUS}"
    # A real process, so that a crash in a C extension would show as a signal, not pass unseen.
    done = subprocess.run([sys.executable, "-m", "sip", "validate", "--format", "json",
                           *map(str, files)], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    document = json.loads(done.stdout)
    assert document["files"] == len(files)
    by_file: dict[str, list[dict]] = {}
    for d in document["diagnostics"]:
        by_file.setdefault(d["file"], []).append(d)
        assert d["line"] >= 1 and d["column"] >= 1 and d["code"].startswith("SIP")
    unlocated = [f.name for f in files if not by_file.get(str(f))]
    assert unlocated == []  # none of them is a plan, so each must say why


yaml_scalars = st.one_of(
    st.sampled_from(["", "~", "null", "yes", "no", "1", "1.0", ".inf", "0x1F", "2026-02-30",
                     "'quoted'", '"dq"', "&a x", "*a", "!!python/object x", "!tag v", "|", ">",
                     "- ", "? ", ": ", "[", "]", "{", "}", ",", "#", "---", "...", "%YAML 1.2",
                     "sip", "id", "findings", "\t", "\ufeff", "é"]),
    st.text(max_size=12),
)
yaml_lines = st.lists(st.tuples(st.integers(0, 8), st.lists(yaml_scalars, max_size=5)), max_size=30)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_lines)
def test_yaml_shaped_input_never_crashes(lines):
    text = "\n".join(" " * indent + " ".join(parts) for indent, parts in lines)
    _assert_handled(text.encode("utf-8", errors="surrogatepass"))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(raw):
    _assert_handled(raw)


def _assert_handled(raw: bytes) -> None:
    result = check_bytes(raw, "fuzz.yaml", Settings())
    assert result.diagnostics, "a file that is not a plan must get at least one diagnostic"
    for d in result.diagnostics:
        assert d.line >= 1 and d.column >= 1
        assert d.code.startswith("SIP") and d.message


def test_plan_shaped_mutations_never_crash():
    """Each line of a real plan, deleted or doubled: every result is located."""
    plan = (Path(__file__).parent / "data" / "minimal.yaml").read_text(encoding="utf-8").splitlines()
    for i in range(len(plan)):
        for variant in (plan[:i] + plan[i + 1:], plan[:i] + [plan[i], plan[i]] + plan[i + 1:],
                        plan[:i] + [" " + plan[i]] + plan[i + 1:]):
            result = check_bytes("\n".join(variant).encode(), "plan.yaml", Settings())
            for d in result.diagnostics:
                assert d.line >= 1 and d.column >= 1


def _leaf_paths(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaf_paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaf_paths(value, (*path, index))
    yield path


SPEC_EXAMPLE = (Path(__file__).resolve().parent.parent / "examples" / "spec-example.yaml").read_bytes()
_TEMPLATES = Templates()
_PATHS = [p for p in _leaf_paths(__import__("sip.read.loader").read.loader.load(SPEC_EXAMPLE).data) if p]
_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=False), st.text(max_size=20),
    st.sampled_from(["2026-02-30", "2026-08-10", "F-1", "A-1", "RC-1", "R-1", "SP-1", "S-1", "SIP506",
                     "SIP101", "critical", "remedy", "repatriation", "verified", "cancelled", "closed",
                     "draft", "+60 12-345 6789", "A12345678", "", " "]),
    st.lists(st.sampled_from(["F-1", "A-1", "RC-1", "X", 1]), max_size=3),
    st.dictionaries(st.sampled_from(["id", "kind", "x"]), st.text(max_size=5), max_size=2),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_PATHS), _VALUES), min_size=1, max_size=4))
def test_any_value_anywhere_in_a_real_plan_is_handled(changes):
    """The spec's example with values swapped for anything: the schema check, the rules and
    the waivers must all answer with located diagnostics, never an exception."""
    import yaml

    from sip.read.loader import load

    data = load(SPEC_EXAMPLE).data
    for path, value in changes:
        node = data
        for step in path[:-1]:
            if not isinstance(node, (dict, list)):
                break
            node = node[step] if isinstance(node, dict) and step in node or (
                isinstance(node, list) and isinstance(step, int) and step < len(node)) else None
        if isinstance(node, dict) or (isinstance(node, list) and isinstance(path[-1], int)
                                      and path[-1] < len(node)):
            node[path[-1]] = value
    raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    result = check_bytes(raw, "plan.yaml", Settings(), keep_plan=True)
    for d in result.diagnostics:
        assert d.line >= 1 and d.column >= 1 and d.code.startswith("SIP") and d.message
    event("rendered" if result.plan is not None else "not rendered")
    if result.plan is not None:  # a plan that reads renders, whatever its values
        for format, public in (("html", False), ("md", True)):
            report = plan_report(result.plan, result.diagnostics, as_of=dt.date(2026, 8, 10),
                                 public=public, source_file="plan.yaml", forced=True)
            assert _TEMPLATES.render(f"report.{format}.j2", report=report)


_FREE_TEXT = {"title", "description", "action", "cause", "risk", "name", "role", "reference",
              "summary", "reason", "contingency", "measure", "evidence", "method", "by", "company"}
_TEXT_PATHS = [p for p in _PATHS if isinstance(p[-1], str) and p[-1] in _FREE_TEXT]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_TEXT_PATHS),
                          st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1,
                                  max_size=40).filter(str.strip)), min_size=1, max_size=6))
def test_any_free_text_renders_in_both_formats(changes):
    """Free text is data: markup, Markdown, control and right-to-left characters included."""
    import yaml

    from sip.read.loader import load

    data = load(SPEC_EXAMPLE).data
    for path, value in changes:
        node = data
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value
    raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    result = check_bytes(raw, "plan.yaml", Settings(), keep_plan=True)
    event("rendered" if result.plan is not None else "not rendered")
    if result.plan is None:
        return
    for format, public in (("html", False), ("html", True), ("md", False), ("md", True)):
        report = plan_report(result.plan, result.diagnostics, as_of=dt.date(2026, 8, 10),
                             public=public, source_file="plan.yaml", forced=True)
        text = _TEMPLATES.render(f"report.{format}.j2", report=report)
        assert "<script" not in text.lower() or format == "md"
