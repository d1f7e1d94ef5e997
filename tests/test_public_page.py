"""A public page a lawyer signs (issue 19, item 2): a finding is labelled by what the plan
establishes, the site's response stands beside its finding, and no banner invites "what
errors?". Each with the plan that showed the problem, what the page said before (gone) and says
now, in both formats."""

from __future__ import annotations

import html
import re

import pytest
import yaml

from tests.conftest import AS_OF, DATA, EXAMPLES

SPEC = yaml.safe_load((EXAMPLES / "spec-example.yaml").read_text("utf-8"))


def public(sip, write, data: dict, format: str, *options: str) -> tuple[int, str]:
    path = write("plan.yaml", yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    out = sip("render", "--as-of", AS_OF, "-f", format, "--audience", "public", *options, path)
    return out.exit_code, out.stdout


def words(page: str, format: str) -> str:
    if format == "md":
        return re.sub(r"\\(.)", r"\1", page).replace("**", "")
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.mark.parametrize("format", ["md", "html"])
def test_the_label_follows_the_determination(sip, write, format):
    """Before: a suspected finding wore a bold "Forced labour" about a named site."""
    code, page = public(sip, write, SPEC, format)  # F-1: critical, no determination written
    assert code == 0
    strong = "**Forced labour**" if format == "md" else '<span class="badge det-forced-labour">'
    assert strong not in page
    assert "Forced labour suspected" in page
    # before: "(derived)", jargon a reader cannot follow
    assert "(derived)" not in page and "derived from" not in page
    assert "not written in the plan: read from its severity and indicators" in words(page, format)
    assert "Suspected (read from severity and indicators)" in words(page, format)
    data = yaml.safe_load(yaml.safe_dump(SPEC))
    data["findings"][0]["determination"] = "substantiated"
    code, page = public(sip, write, data, format)
    assert strong in page
    data["findings"][0]["determination"] = "indicators-only"
    code, page = public(sip, write, data, format)
    assert strong not in page and "Indicators of forced labour" in page
    data["findings"][0]["determination"] = "not-substantiated"
    code, page = public(sip, write, data, format)
    assert "Forced labour not found" in page


@pytest.mark.parametrize("format", ["md", "html"])
def test_a_disputed_finding_shows_the_sites_response_beside_it(sip, write, format):
    """Before: the public page published the allegation and left out the site's response."""
    data = yaml.safe_load(yaml.safe_dump(SPEC))
    data["findings"][0]["disputed"] = "The site says its agents charged the fees without its knowledge"
    code, page = public(sip, write, data, format)
    assert code == 0
    shown = words(page, format)
    response = "Disputed by the site: The site says its agents charged the fees without its knowledge"
    assert response in shown
    # beside the finding: after its heading, before its details
    finding = shown.index("F-1: Migrant workers paid recruitment fees")
    assert finding < shown.index(response, finding) < shown.index("ILO indicators", finding)
    assert "(disputed by the site)" in shown  # and in the table of findings
    assert "the site disputes F-1" in shown  # and in the summary
    assert "the site's objections" not in shown  # no longer said to be left out


@pytest.mark.parametrize("format", ["md", "html"])
def test_a_public_page_of_a_plan_with_errors_is_refused_then_has_no_banner(sip, write, format):
    """Before: "This plan has 2 errors: it was rendered anyway (--force)" on the public page."""
    data = yaml.safe_load((DATA / "minimal.yaml").read_text("utf-8"))
    data["responses"][0]["addresses"] = ["F-9"]
    code, page = public(sip, write, data, format)
    assert code == 1 and page == ""
    code, page = public(sip, write, data, format, "--force")
    assert code == 0
    assert "This plan has" not in page and "error" not in page.lower().replace("terror", "")
    assert "--force" not in page and "CAUTION" not in page and 'class="banner"' not in page
