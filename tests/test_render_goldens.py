"""The reports of every example, kept as golden files; and what the public must never see.

Refresh after an intended change: SIP_UPDATE_GOLDENS=1 python -m pytest tests/test_render_goldens.py
"""

from __future__ import annotations

import html
import re

import pytest
import yaml

from tests.conftest import AS_OF, EXAMPLES, ROOT
from tests.goldens import assert_golden

PLANS = sorted(p.name for p in EXAMPLES.glob("*.yaml"))
SUFFIX = {"html": "html", "md": "md"}


@pytest.fixture
def in_root(monkeypatch):
    """Paths as a user in the repository would name them, so the goldens hold no machine's path."""
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("audience", ["internal", "public"])
@pytest.mark.parametrize("format", ["md", "html"])
@pytest.mark.parametrize("plan", PLANS)
def test_every_example_renders_as_its_golden_file(sip, in_root, plan, format, audience):
    out = sip("render", "--as-of", AS_OF, "--format", format, "--audience", audience, f"examples/{plan}")
    assert out.exit_code == 0, out.stderr
    assert out.stderr == ""
    assert_golden(f"render/{plan.removesuffix('.yaml')}.{audience}.{SUFFIX[format]}", out.stdout)


@pytest.mark.parametrize("format", ["md", "html"])
def test_the_examples_as_a_site(sip, in_root, tmp_path, format):
    out = sip("render", "--as-of", AS_OF, "--format", format, "--no-history", "--out", tmp_path, "examples")
    assert out.exit_code == 0, out.stderr
    index = "README.md" if format == "md" else "index.html"
    assert_golden(f"render/site-index.{SUFFIX[format]}", (tmp_path / index).read_text("utf-8"))
    assert len(list(tmp_path.iterdir())) == len(PLANS) + 1


def readable(text: str) -> str:
    """What a reader sees, roughly: escapes undone and spaces joined, so an escaped or
    re-wrapped leak is still a leak."""
    return " ".join(html.unescape(re.sub(r"\\(.)", r"\1", text)).replace("<br>", " ").split())


def private_strings(plan: dict) -> set[str]:
    """What must not leave the company, less what the plan also shows as public (a review
    signed by the owner's role)."""
    found = {plan["owner"].get("name"), plan["owner"].get("email")}
    found |= {f.get("evidence") for f in plan["findings"]}
    found |= {r["by"] for r in plan.get("reviews", [])}
    actions = [*plan.get("responses", []), *plan.get("improvements", [])]
    found |= {a["verification"]["evidence"] for a in actions if "verification" in a}
    # format 1.1, section 9 (less `disputed`, which format 1.2 makes public)
    found.add(plan["site"].get("supplier_id"))
    found |= {s["reference"] for s in plan["sources"]}
    found |= {f["needs_assessment"]["summary"] for f in plan["findings"] if "needs_assessment" in f}
    found |= {e["summary"] for e in plan.get("worker_engagement", [])}
    found |= {
        p["name"]
        for p in plan.get("parties", [])
        if p["kind"] in ("law-firm", "labour-agent", "recruitment-agency")
    }
    found |= {
        item.get("title") or item.get("action") or item.get("reference")
        for name in ("sources", "findings", "responses", "improvements")
        for item in plan.get(name, [])
        if item.get("confidential")
    }
    public = {plan["owner"]["role"], *(a["owner"] for a in actions)}
    return {" ".join(s.split()) for s in found if s} - public


@pytest.mark.parametrize("format", ["md", "html"])
def test_no_example_shows_the_public_what_must_stay_inside(sip, format):
    checked = 0
    for plan in PLANS:
        private = private_strings(yaml.safe_load((EXAMPLES / plan).read_text("utf-8")))
        out = sip("render", "--as-of", AS_OF, "--format", format, "--audience", "public", EXAMPLES / plan)
        assert out.exit_code == 0, out.stderr
        shown = readable(out.stdout)
        assert [s for s in private if s in shown] == [], plan
        internal = readable(sip("render", "--as-of", AS_OF, "--format", format, EXAMPLES / plan).stdout)
        assert [s for s in private if s not in internal] == [], plan  # each could have leaked
        checked += len(private)
    assert checked >= 10
