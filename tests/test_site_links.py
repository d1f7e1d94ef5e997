"""Findings of two plans linked on a site (format 1.2, section 5): `repeats: PLAN-ID/F-n` links to
the other plan's finding and back, and a SIP205 pair (the problem came back at the site of a
closed plan) is linked both ways on an internal site; a single report names the other plan in
words. Each plan is still read once, but for the pages that link to another plan."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import sip.check.file
from tests.conftest import AS_OF
from tests.test_rule_cases import CASES

PAIR = CASES / "SIP205-fails-name-country"


def pair(write, repeats: str | None = None, confidential: bool = False) -> tuple[Path, Path]:
    a = (PAIR / "a.yaml").read_text("utf-8")
    b = (PAIR / "b.yaml").read_text("utf-8")
    if repeats:
        b = b.replace("    source: S-1\n", f"    source: S-1\n    repeats: {repeats}\n", 1)
    if confidential:
        a = a.replace(
            "    identified: 2025-03-01\n", "    identified: 2025-03-01\n    confidential: true\n", 1
        )
    return write("plans/a.yaml", a), write("plans/b.yaml", b)


def site(sip, folder: Path, out: Path, *options: str) -> dict[str, str]:
    outcome = sip("render", "--as-of", AS_OF, "-f", "md", "--no-history", *options, "--out", out, folder)
    assert outcome.exit_code == 0, outcome.stderr
    return {p.name: p.read_text("utf-8") for p in out.iterdir()}


def test_a_repeat_across_plans_links_both_ways(sip, write, tmp_path):
    """Before: `repeats: SIP-2025-003/F-1` showed as an unknown id; after: a link to that plan's
    page and finding, and a link back from it."""
    a, _ = pair(write, repeats="SIP-2025-003/F-1")
    pages = site(sip, a.parent, tmp_path / "site")
    b_page, a_page = pages["SIP-2026-011.md"], pages["SIP-2025-003.md"]
    assert "unknown id" not in b_page
    assert "**Repeats [F-1 of plan SIP-2025-003](SIP-2025-003.md#F-1): the problem came back.**" in b_page
    assert "(repeats [F-1 of plan SIP-2025-003](SIP-2025-003.md#F-1))" in b_page  # in the table too
    assert (
        "**Found again later:** [F-1 of plan SIP-2026-011](SIP-2026-011.md#F-1), identified 2026-07-15."
        in a_page
    )
    assert "F-1 repeats F-1 of plan SIP-2025-003" in b_page  # the summary says it


def test_a_sip205_pair_links_both_ways_on_an_internal_site(sip, write, tmp_path):
    a, _ = pair(write)
    pages = site(sip, a.parent, tmp_path / "site", "--force")
    b_page, a_page = pages["SIP-2026-011.md"], pages["SIP-2025-003.md"]
    assert (
        "**Found at the site of plan SIP-2025-003 after it closed on 2025-12-01, sharing an indicator "
        "with its [F-1](SIP-2025-003.md#F-1): the problem came back** (not recorded as a repeat)." in b_page
    )
    assert (
        "**Found again later:** [F-1 of plan SIP-2026-011](SIP-2026-011.md#F-1), identified 2026-07-15."
        in a_page
    )
    # the public site links only what the plans record, never sip's inference
    public = site(sip, a.parent, tmp_path / "public", "--force", "--audience", "public")
    assert "Found at the site of plan" not in public["SIP-2026-011.md"]
    assert "Found again later" not in public["SIP-2025-003.md"]


def test_a_public_link_never_names_a_confidential_finding(sip, write, tmp_path):
    a, _ = pair(write, repeats="SIP-2025-003/F-1", confidential=True)
    pages = site(sip, a.parent, tmp_path / "site", "--audience", "public")
    b_page = pages["SIP-2026-011.md"]
    assert "[a confidential item of plan SIP-2025-003](SIP-2025-003.md)" in b_page
    assert "F-1 of plan SIP-2025-003" not in b_page


def test_a_single_report_names_the_other_plan_in_words(sip, write):
    _, b = pair(write, repeats="SIP-2025-003/F-1")
    out = sip("render", "--as-of", AS_OF, "-f", "md", b)
    assert out.exit_code == 0, out.stderr
    assert "**Repeats F-1 of plan SIP-2025-003: the problem came back.**" in out.stdout
    assert "](SIP-2025-003" not in out.stdout


def _count_reads(monkeypatch) -> Counter[str]:
    reads: Counter[str] = Counter()
    read = sip.check.file.read_bytes

    def counted(name: str, limit: int | None = None) -> bytes:
        reads[Path(name).name] += 1
        return read(name, limit)

    monkeypatch.setattr(sip.check.file, "read_bytes", counted)
    return reads


@pytest.mark.parametrize("linked", [False, True])
def test_only_pages_with_links_are_read_again(sip, write, tmp_path, monkeypatch, linked):
    """The site reads each plan once; a page that links to another plan is made again once the
    run knows the other plan, which reads its file a second time."""
    a, _ = pair(write, repeats="SIP-2025-003/F-1" if linked else None)
    if not linked:  # another site than a.yaml's: nothing to link
        write("plans/b.yaml", (PAIR / "b.yaml").read_text("utf-8").replace("country: MY", "country: TH", 1))
    reads = _count_reads(monkeypatch)
    site(sip, a.parent, tmp_path / "site")
    assert reads == ({"a.yaml": 2, "b.yaml": 2} if linked else {"a.yaml": 1, "b.yaml": 1})
