"""`sip render` as a user meets it: where output goes, what is escaped, what the public sees,
what is refused, and that the same plan renders to the same bytes."""

from __future__ import annotations

import dataclasses
import html
import re

import pytest
import yaml

from sip.format.personal_data import mask
from sip.output.render import context, index_context
from sip.output.render.pages import GENERATED
from tests.conftest import AS_OF, DATA, ROOT

MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")
HOSTILE = "<script>alert(1)</script> | *bold* _it_ [link](http://x.test) `code` # & ~~s~~"
# Every free-text field of the format, so that no template can print one unescaped.
TEXT_FIELDS = {
    "title",
    "company",
    "name",
    "reference",
    "description",
    "action",
    "owner",
    "role",
    "contingency",
    "cause",
    "risk",
    "measure",
    "summary",
    "by",
    "reason",
    "method",
    "evidence",
}


def rich_plan() -> dict:
    """The minimal plan with every optional part filled in, private fields included."""
    plan = yaml.safe_load(MINIMAL)
    plan["owner"].update(name="Ayu Example", email="ayu.example@example.com")
    plan["site"].update(supplier_id="SUP-1", tier=1, workers=300, migrant_workers=120)
    plan["findings"][0].update(
        description="Worker with passport A12345678 called +60 12-345 6789 about it",
        indicators=["excessive-overtime"],
        workers_affected=80,
        worker_groups=["migrant"],
        evidence="Interview notes box 7, shelf 3",
    )
    plan["service_providers"] = [
        {
            "id": "SP-1",
            "name": "Example Workers Centre",
            "kind": "ngo",
            "role": "Worker interviews",
            "consulted": "2026-07-02",
        }
    ]
    plan["responses"].append(
        {
            "id": "A-2",
            "kind": "remedy",
            "remedy": "back-pay",
            "addresses": ["F-1"],
            "action": "Pay unpaid overtime premiums",
            "owner": "Supplier Finance Manager",
            "due": "2026-07-20",
            "status": "verified",
            "completed": "2026-07-18",
            "providers": ["SP-1"],
            "amount": {"committed": 12000, "paid": 12000, "currency": "USD"},
            "workers_covered": 80,
            "verification": {
                "method": "Payslip check",
                "evidence": "Payroll extract folder Q7",
                "date": "2026-07-25",
            },
        }
    )
    plan["responses"] += [
        {
            "id": "A-3",
            "kind": "protection",
            "addresses": ["F-1"],
            "action": "Overtime only if the worker agrees, in writing, each week",
            "owner": "Supplier HR Manager",
            "due": "2026-07-10",
            "status": "done",
            "completed": "2026-07-09",
        },
        {
            "id": "A-4",
            "kind": "remedy",
            "remedy": "rehabilitation",
            "addresses": ["F-1"],
            "action": "Medical check for workers who ask",
            "owner": "Supplier HR Manager",
            "due": "2026-09-30",
            "status": "planned",
            "providers": ["SP-1"],
        },
    ]
    plan["reviews"] = [{"date": "2026-08-01", "by": "Ravi Reviewer", "summary": "On track"}]
    return plan


def hostile_plan() -> dict:
    def spoil(node):
        if isinstance(node, dict):
            return {
                k: (f"{HOSTILE} {v}" if k in TEXT_FIELDS and isinstance(v, str) else spoil(v))
                for k, v in node.items()
            }
        if isinstance(node, list):
            return [spoil(item) for item in node]
        return node

    plan = rich_plan()
    plan["owner"]["email"] = "owner@example.com"  # must stay an e-mail address
    return spoil(plan)


def dump(plan: dict) -> str:
    return yaml.safe_dump(plan, sort_keys=False, allow_unicode=True)


def test_one_plan_prints_a_report_on_stdout(sip):
    out = sip("render", "--format", "md", "--as-of", AS_OF, DATA / "minimal.yaml")
    assert out.exit_code == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == GENERATED
    assert "# Excessive overtime at Example Textiles" in lines
    assert "| Country | Viet Nam (VN) |" in lines
    assert "| As of | 2026-08-10 |" in lines
    html = sip("render", "--as-of", AS_OF, DATA / "minimal.yaml").stdout
    assert html.startswith(GENERATED + "\n<!DOCTYPE html>\n")
    assert "<h1>Excessive overtime at Example Textiles</h1>" in html


def test_the_report_follows_the_chain_from_finding_to_improvement(sip):
    md = sip("render", "-f", "md", "--as-of", AS_OF, DATA / "minimal.yaml").stdout
    finding = md[md.index("### F-1:") : md.index("## Root causes")]
    assert "[A-1](#A-1) Corrective: Cap weekly hours" in finding
    assert "- Root causes: [RC-1](#RC-1) (see [root causes](#root-causes))" in finding
    # the chain is shown once, under its root cause, and the finding refers to it
    chain = md[md.index("### RC-1:") : md.index("## Protection of workers")]
    assert "### RC-1: Order volumes doubled" in chain
    assert "- Risk [R-1](#R-1): Peak-season orders push hours over the limit" in chain
    assert "- Improvement [MS-1](#MS-1) (purchasing practices): Plan peak orders" in chain
    # what is missing is said, not left blank: this plan has no protection and no remedy
    assert "⚠ **No response of kind protection.**" in md
    assert "No remedy is planned for the workers." in md
    assert "None planned" not in md  # not forced labour: a missing remedy is no red gap


def test_html_escapes_plan_text(sip, write):
    plan = write("plan.yaml", dump(hostile_plan()))
    out = sip("render", "--as-of", AS_OF, plan)
    assert out.exit_code == 0, out.stderr
    assert "<script" not in out.stdout
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out.stdout
    assert 'href="http://x.test"' not in out.stdout


CONTROLS = "\x1b]0;owned\x07\x1b[31mred \u202eevil\u202c \x9bm"


@pytest.mark.parametrize("audience", ["internal", "public"])
@pytest.mark.parametrize("format", ["md", "html"])
def test_control_characters_in_plan_text_are_shown_never_passed_on(sip, write, format, audience):
    """An escape sequence would retitle or recolour the terminal of whoever reads the Markdown
    with `cat`; a bidirectional override would show a page's words in another order than the
    plan holds. Both are written as their escapes."""

    def spoil(node):
        if isinstance(node, dict):
            return {
                k: (f"{v} {CONTROLS}" if k in TEXT_FIELDS and isinstance(v, str) else spoil(v))
                for k, v in node.items()
            }
        return [spoil(item) for item in node] if isinstance(node, list) else node

    plan = spoil(rich_plan())
    plan["owner"]["email"] = "owner@example.com"
    out = sip(
        "render",
        "-f",
        format,
        "--audience",
        audience,
        "--as-of",
        AS_OF,
        "--force",
        write("plan.yaml", dump(plan)),
    )
    assert out.exit_code == 0, out.stderr
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out.stdout)
    shown = readable(out.stdout) if format == "md" else html.unescape(out.stdout)
    assert "\\u202eevil" in shown and "\\x1b[31mred" in shown


def _cells(row: str) -> int:
    return len(re.findall(r"(?<!\\)\|", row))


def test_markdown_keeps_plan_text_inert(sip, write):
    plan = write("plan.yaml", dump(hostile_plan()))
    out = sip("render", "--format", "md", "--as-of", AS_OF, plan)
    assert out.exit_code == 0, out.stderr
    md = out.stdout
    assert "<script" not in md and "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert not re.search(r"(?<!\\)\]\(http://x.test\)", md) and "\\[link\\](http://x.test)" in md
    assert "*bold*" not in md.replace("\\*bold\\*", "")
    # no text splits a table: every row has as many cells as its header
    tables = re.findall(r"((?:^\|.*\n)+)", md, re.MULTILINE)
    assert len(tables) > 10
    for table in tables:
        rows = table.splitlines()
        assert {_cells(r) for r in rows} == {_cells(rows[0])}, table


def readable(text: str) -> str:
    """What a reader sees, roughly: escapes undone, so an escaped leak is still a leak."""
    return html.unescape(re.sub(r"\\(.)", r"\1", text))


def _private_strings(plan: dict) -> set[str]:
    out = {plan["owner"].get("name"), plan["owner"].get("email")}
    out |= {f.get("evidence") for f in plan["findings"]}
    out |= {r["by"] for r in plan.get("reviews", [])}
    for action in [*plan.get("responses", []), *plan.get("improvements", [])]:
        if "verification" in action:
            out.add(action["verification"]["evidence"])
    return {s for s in out if s}


@pytest.mark.parametrize("format", ["md", "html"])
def test_public_reports_leave_out_private_fields_and_mask_personal_data(sip, write, format):
    plan = rich_plan()
    path = write("plan.yaml", dump(plan))
    private = _private_strings(plan) | {"A12345678", "+60 12-345 6789"}
    internal = readable(sip("render", "-f", format, "--as-of", AS_OF, path).stdout)
    assert all(s in internal for s in private)  # so the test below can fail
    public = readable(sip("render", "-f", format, "--as-of", AS_OF, "--audience", "public", path).stdout)
    assert [s for s in private if s in public] == []
    assert "Worker with passport [redacted] called [redacted] about it" in public


def test_masking_leaves_dates_alone_even_in_brackets():
    text = "due 2026-12-15 (2026-08-15 at the latest); call +60 12-345 6789"
    assert mask(text) == "due 2026-12-15 (2026-08-15 at the latest); call [redacted]"


def test_several_plans_need_an_out_folder(sip, write, tmp_path):
    write("plans/a.yaml", MINIMAL)
    out = sip("render", tmp_path / "plans")
    assert out.exit_code == 2
    assert out.stdout == ""
    assert "--out DIR" in out.stderr


def test_a_site_has_an_index_and_a_page_per_plan_with_relative_links(sip, write, tmp_path):
    write("plans/a.yaml", MINIMAL)
    write("plans/deeper/b.yaml", MINIMAL.replace("SIP-TEST-001", "SIP-TEST-002"))
    site = tmp_path / "site"
    for format, index, suffix in (("html", "index.html", ".html"), ("md", "README.md", ".md")):
        out = sip("render", "-f", format, "--as-of", AS_OF, "--out", site, tmp_path / "plans")
        assert out.exit_code == 0, out.stderr
        assert out.stdout == ""
        names = sorted(p.name for p in site.glob("*" + suffix))
        assert names == sorted([index, "SIP-TEST-001" + suffix, "SIP-TEST-002" + suffix])
        text = (site / index).read_text("utf-8")
        assert text.startswith(GENERATED)
        for page in ("SIP-TEST-001", "SIP-TEST-002"):
            link = f'href="{page}.html"' if format == "html" else f"]({page}.md)"
            assert link in text
            back = f'href="{index}"' if format == "html" else f"[All plans]({index})"
            assert back in (site / (page + suffix)).read_text("utf-8")


def test_pages_clashing_only_by_case_get_their_own_names(sip, write, tmp_path):
    write("plans/a.yaml", MINIMAL.replace("SIP-TEST-001", "plan-1"))
    write("plans/b.yaml", MINIMAL.replace("SIP-TEST-001", "PLAN-1"))
    write("plans/c.yaml", MINIMAL.replace("SIP-TEST-001", "index"))
    out = sip("render", "--as-of", AS_OF, "--out", tmp_path / "site", tmp_path / "plans")
    assert out.exit_code == 0, out.stderr
    names = sorted(p.name for p in (tmp_path / "site").iterdir())
    assert names == ["PLAN-1-2.html", "index-2.html", "index.html", "plan-1.html"]


def test_an_invalid_plan_is_not_rendered(sip, write, tmp_path):
    plan = write("plan.yaml", MINIMAL.replace("severity: major", "severity: severe"))
    for args in ([], ["--force"], ["--out", tmp_path / "out.html"]):
        out = sip("render", "--as-of", AS_OF, *args, plan)
        assert out.exit_code == 1, args
        assert out.stdout == ""
        assert f"{plan}:20:15: SIP102 'severe' is not a severity" in out.stderr
    assert not (tmp_path / "out.html").exists()


def test_a_site_with_an_invalid_plan_is_refused_unless_forced(sip, write, tmp_path):
    write("plans/a.yaml", MINIMAL)
    write("plans/b.yaml", MINIMAL.replace("SIP-TEST-001", "SIP-TEST-002").replace("major", "severe"))
    site = tmp_path / "site"
    out = sip("render", "--as-of", AS_OF, "--out", site, tmp_path / "plans")
    assert out.exit_code == 1
    assert "nothing rendered" in out.stderr
    assert not site.exists()
    out = sip("render", "--as-of", AS_OF, "--out", site, "--force", tmp_path / "plans")
    assert out.exit_code == 1  # b.yaml could not be rendered at all
    assert sorted(p.name for p in site.iterdir()) == ["SIP-TEST-001.html", "index.html"]
    index = (site / "index.html").read_text("utf-8")
    assert "Plans that could not be rendered" in index
    assert "SIP102 &#39;severe&#39; is not a severity" in index


def test_files_sip_did_not_write_are_kept_unless_forced(sip, write, tmp_path):
    target = write("report.html", "my own notes\n")
    out = sip("render", "--as-of", AS_OF, "--out", target, DATA / "minimal.yaml")
    assert out.exit_code == 2
    assert "was not written by sip; use --force" in out.stderr
    assert target.read_text() == "my own notes\n"
    assert sip("render", "--as-of", AS_OF, "--out", target, "--force", DATA / "minimal.yaml").exit_code == 0
    assert target.read_text("utf-8").startswith(GENERATED)
    # now sip made it, so it may replace it without being asked
    assert sip("render", "--as-of", AS_OF, "--out", target, DATA / "minimal.yaml").exit_code == 0


def test_a_site_refuses_before_writing_anything(sip, write, tmp_path):
    write("plans/a.yaml", MINIMAL)
    write("plans/b.yaml", MINIMAL.replace("SIP-TEST-001", "SIP-TEST-002"))
    write("site/SIP-TEST-002.html", "hand-written\n")
    out = sip("render", "--as-of", AS_OF, "--out", tmp_path / "site", tmp_path / "plans")
    assert out.exit_code == 2
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["SIP-TEST-002.html"]


def test_a_site_drops_the_page_of_a_plan_that_is_gone(sip, write, tmp_path):
    write("plans/a.yaml", MINIMAL)
    gone = write("plans/b.yaml", MINIMAL.replace("SIP-TEST-001", "SIP-TEST-002"))
    write("site/notes.html", "hand-written\n")
    site = tmp_path / "site"
    assert sip("render", "--as-of", AS_OF, "--out", site, tmp_path / "plans").exit_code == 0
    gone.unlink()
    out = sip("render", "--as-of", AS_OF, "--out", site, tmp_path / "plans")
    assert out.exit_code == 0
    assert "SIP-TEST-002.html: sip wrote it, and the site has no page of that name now" in out.stderr
    assert sorted(p.name for p in site.iterdir()) == ["SIP-TEST-001.html", "index.html", "notes.html"]


def test_a_site_says_why_it_removes_a_report_rendered_into_its_folder(sip, write, tmp_path):
    # a new user's first site: one plan's report written into the folder, then the whole site; the
    # report is removed, and the message must not say that plan is gone: it is on the site
    write("plans/a.yaml", MINIMAL)
    site = tmp_path / "site"
    assert (
        sip("render", "--as-of", AS_OF, "-o", site / "report-a.html", tmp_path / "plans/a.yaml").exit_code
        == 0
    )
    out = sip("render", "--as-of", AS_OF, "--out", site, tmp_path / "plans")
    assert out.exit_code == 0
    assert "plan is gone" not in out.stderr
    assert "removed" in out.stderr and "report-a.html: sip wrote it" in out.stderr
    assert "or a page rendered there on its own" in out.stderr
    assert sorted(p.name for p in site.iterdir()) == ["SIP-TEST-001.html", "index.html"]


def test_the_same_plan_renders_to_the_same_bytes(sip, write, tmp_path):
    write("plans/a.yaml", dump(rich_plan()))
    write("plans/b.yaml", MINIMAL.replace("SIP-TEST-001", "SIP-TEST-002"))
    for format in ("html", "md"):
        sites = []
        for name in ("one", "two"):
            out = sip("render", "-f", format, "--as-of", AS_OF, "--out", tmp_path / name, tmp_path / "plans")
            assert out.exit_code == 0
            sites.append({p.name: p.read_bytes() for p in (tmp_path / name).iterdir()})
        assert sites[0] == sites[1]
        assert AS_OF.encode() in sites[0]["SIP-TEST-002." + format]


def test_user_templates_replace_built_in_ones_by_name(sip, write, tmp_path):
    write(
        "mine/report.md.j2",
        '{% extends "builtin/report.md.j2" %}\n'
        "{% block header %}# Supplier report: {{ report.plan_id }} {{ report.title }}\n{% endblock %}\n",
    )
    out = sip("render", "-f", "md", "--as-of", AS_OF, "--templates", tmp_path / "mine", DATA / "minimal.yaml")
    assert out.exit_code == 0, out.stderr
    assert "# Supplier report: SIP-TEST-001 Excessive overtime at Example Textiles" in out.stdout
    assert "## Management systems improvement plan" in out.stdout  # the rest is the built-in one
    html = sip("render", "--as-of", AS_OF, "--templates", tmp_path / "mine", DATA / "minimal.yaml")
    assert "<h1>Excessive overtime" in html.stdout  # only the Markdown report was replaced


def test_a_broken_user_template_is_a_usage_error_naming_it(sip, write, tmp_path):
    mine = tmp_path / "mine"
    write("mine/report.md.j2", "# {{ report.titel }}\n")
    out = sip("render", "-f", "md", "--as-of", AS_OF, "--templates", mine, DATA / "minimal.yaml")
    assert out.exit_code == 2
    assert out.stdout == ""
    assert f"{mine / 'report.md.j2'}:1: template error:" in out.stderr and "titel" in out.stderr
    write("mine/report.md.j2", "# {% if %}\n")
    out = sip("render", "-f", "md", "--as-of", AS_OF, "--templates", mine, DATA / "minimal.yaml")
    assert out.exit_code == 2
    assert f"{mine / 'report.md.j2'}:1: template error:" in out.stderr
    out = sip("render", "--templates", tmp_path / "nowhere", DATA / "minimal.yaml")
    assert out.exit_code == 2 and "no such templates folder" in out.stderr


def test_bad_options_exit_2(sip):
    for args in (["--format", "pdf"], ["--audience", "press"], ["--as-of", "2026-02-30"]):
        out = sip("render", *args, DATA / "minimal.yaml")
        assert out.exit_code == 2, args
        assert out.stdout == "", args


def test_every_context_field_is_documented():
    """docs/reports.md has a section per context type naming each of its fields, and no more."""
    documented = (ROOT / "docs" / "reports.md").read_text("utf-8")
    sections = dict(re.findall(r"^#### `(\w+)`\n(.*?)(?=^#|\Z)", documented, re.MULTILINE | re.DOTALL))
    types = {
        t.__name__: t
        for module in (context, index_context)
        for t in vars(module).values()
        if dataclasses.is_dataclass(t) and t.__module__ == module.__name__
    }
    assert sorted(sections) == sorted(types)
    missing = [
        f"{name}.{f.name}"
        for name, t in types.items()
        for f in dataclasses.fields(t)
        if f"`{f.name}`" not in sections[name]
    ]
    assert missing == []


def test_a_plan_on_standard_input(sip):
    out = sip("render", "-f", "md", "--as-of", AS_OF, "-", input=MINIMAL)
    assert out.exit_code == 0, out.stderr
    assert out.stdout.rstrip().endswith(
        "Rendered by sip from standard input as of 2026-08-10. Edit the plan, not this page."
    )


def test_a_plan_with_rule_errors_renders_only_when_forced_and_then_with_a_banner(sip, write):
    plan = write("plan.yaml", MINIMAL.replace("addresses: [F-1]", "addresses: [F-9]"))
    out = sip("render", "--as-of", AS_OF, plan)
    assert out.exit_code == 1
    assert out.stdout == ""
    assert f"{plan}:26:17: SIP202" in out.stderr
    out = sip("render", "--as-of", AS_OF, "--force", plan)
    assert out.exit_code == 0
    assert "SIP202" in out.stderr  # still said, on standard error
    assert "This plan has 2 errors: it was rendered anyway (--force)" in out.stdout
    assert "<li>Line 18, column 5: SIP301 F-1 “Overtime above" in out.stdout
    assert 'F-9 <span class="gap">unknown id</span>' in out.stdout
    md = sip("render", "-f", "md", "--as-of", AS_OF, "--force", plan).stdout
    assert (
        "> [!CAUTION]\n> **This plan has 2 errors: it was rendered anyway (--force).**\n"
        "> - Line 18, column 5: SIP301 F-1 “Overtime above"
    ) in md


def test_a_large_site_is_made_by_worker_processes(sip, write, tmp_path):
    """Enough plans for the pages to be made in parallel: every page, in order, in the index."""
    from sip.check.parallel import MIN_FILES_FOR_WORKERS

    count = MIN_FILES_FOR_WORKERS + 4
    for i in range(count):
        write(f"plans/p{i:02}.yaml", MINIMAL.replace("SIP-TEST-001", f"SIP-W-{i:02}"))
    out = sip("render", "--as-of", AS_OF, "-f", "md", tmp_path / "plans", "--out", tmp_path / "site")
    assert out.exit_code == 0, out.stderr
    assert f"wrote {count + 1} pages" in out.stderr
    index = (tmp_path / "site" / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\((SIP-W-\d\d)\.md\)", index)
    assert sorted(set(links)) == [f"SIP-W-{i:02}" for i in range(count)]
    page = (tmp_path / "site" / "SIP-W-07.md").read_text(encoding="utf-8")
    assert page.startswith(GENERATED) and "SIP-W-07" in page


def test_standard_input_cannot_join_a_site(sip, write, tmp_path):
    plan = write("a.yaml", MINIMAL)
    out = sip("render", "-", plan, "--out", tmp_path / "site", input=MINIMAL)
    assert out.exit_code == 2
    assert "standard input holds one plan" in out.stderr
    assert not (tmp_path / "site").exists()
