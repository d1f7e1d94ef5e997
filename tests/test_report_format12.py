"""Reports show what format 1.2 adds, as its section 5 asks, the same in Markdown and HTML and for
both audiences: documented fees beside a reimbursement's amount per worker, coverage "covers X of
Y affected workers" (or "coverage not recorded"), former workers affected and covered, the
grievance channels against the site's languages, `not_covered`, and `unclaimed` in both forms."""

from __future__ import annotations

import html
import re

import pytest
import yaml

from tests.conftest import AS_OF, DATA, EXAMPLES

PENANG = EXAMPLES / "electronics-penang.yaml"


def shown(sip, path, format: str, audience: str = "internal") -> str:
    out = sip("render", "--as-of", AS_OF, "--force", "-f", format, "--audience", audience, path)
    assert out.exit_code == 0, out.stderr
    if format == "md":
        text = re.sub(r"\\(.)", r"\1", out.stdout).replace("<br>", " ").replace("**", "")
        text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
        text = text.replace("|", " ")
    else:
        text = html.unescape(re.sub(r"<[^>]+>", " ", out.stdout))
    return normal(text)


def normal(text: str) -> str:
    """Words and their order, without what differs between a list, a table and a definition list
    (colons, a space before punctuation)."""
    text = re.sub(r" ([.,;)])", r"\1", " ".join(text.replace(":", " ").split()))
    return text.replace("( ", "(")


@pytest.mark.parametrize("audience", ["internal", "public"])
@pytest.mark.parametrize("format", ["md", "html"])
def test_what_format_12_adds_is_shown(sip, format, audience):
    report = shown(sip, PENANG, format, audience)
    expected = [
        # fees beside the reimbursement's amount per worker
        "2,710.94 USD per worker covered, against fees documented of USD 1,100 to 5,500 per worker (F-1)",
        "Fees documented USD 1,100 to 5,500 per worker",
        # coverage, against the workers affected, on the remedy and on the finding
        "covers 640 of 640 affected (100 %)",
        "cover 640 of 640 affected workers (100 %)",
        # former workers, affected and covered
        "640, of whom 45 former workers",
        "595 current, 45 former (of 45 former affected)",
        "former workers: 45 of 45 covered",
        # the channels: operator, anonymity, languages against the site's
        "The site's workers read Nepali (ne), Bengali (bn), Malay (ms).",
        "GC-2 Complaint box outside the HR office The site no Malay (ms), English (en) not in Nepali (ne), Bengali (bn)",
        "GC-1 Third-party worker hotline",
        # unclaimed money, as a mapping
        "Unclaimed money: held by P-2; workers can claim it until 2027-06-30; then: Paid into a fund run with SP-1",
    ]
    assert [e for e in expected if normal(e) not in report] == []


@pytest.mark.parametrize("format", ["md", "html"])
def test_coverage_not_recorded_not_covered_and_unclaimed_as_text(sip, write, format):
    data = yaml.safe_load((DATA / "format11-report.yaml").read_text("utf-8"))
    remedy = data["responses"][1]
    del remedy["workers_covered"], remedy["former_workers"], remedy["workers_reached"]
    data["findings"][0]["not_covered"] = "Workers hired directly in 2024 paid no fee"
    path = write("plan.yaml", yaml.safe_dump(data, sort_keys=False))
    report = shown(sip, path, format)
    assert report.count("coverage not recorded") >= 3  # on the remedy, on the finding, at a glance
    assert "get no money remedy Workers hired directly in 2024 paid no fee" in report
    assert normal("Unclaimed money: Unclaimed sums go to a fund run with SP-1") in report


@pytest.mark.parametrize("format", ["md", "html"])
def test_a_channel_not_open_yet_and_languages_not_recorded(sip, write, format):
    data = yaml.safe_load((EXAMPLES / "spec-example.yaml").read_text("utf-8"))
    data["grievance_channels"][0]["since"] = "2026-09-01"
    path = write("plan.yaml", yaml.safe_dump(data, sort_keys=False))
    report = shown(sip, path, format)
    assert "opens 2026-09-01" in report
    assert "The languages the site's workers read are not recorded." in report
