"""The personal-data detector behind SIP601 and public reports: every shape it must mask, every
public number it must keep, and the shapes issue 20 found, through the command line."""

from __future__ import annotations

import copy
import re

import pytest
import yaml

from sip.format.personal_data import MASK, find, keep, mask
from tests.conftest import AS_OF, EXAMPLES
from tests.personal_data_shapes import (
    ISSUE_20,
    KEPT,
    MASKED,
    compact,
    dump_quoted,
    tells,
)


@pytest.mark.parametrize(("text", "secret"), MASKED, ids=[t for t, _ in MASKED])
def test_every_shape_is_masked(text, secret):
    masked = mask(text)
    assert MASK in masked
    assert not any(tell in compact(masked) for tell in tells(secret)), masked


@pytest.mark.parametrize("text", KEPT)
def test_public_numbers_are_kept(text):
    assert find(text) == []
    assert mask(text) == text


def test_listed_public_identifiers_are_kept_whatever_their_spacing():
    kept = keep(("+60 3-8000 8000", "hotline@example.org"))
    text = "Call the hotline on +60 3-8000  8000 or HOTLINE@example.org; worker +60 12-345 6789"
    assert mask(text, kept) == (f"Call the hotline on +60 3-8000  8000 or HOTLINE@example.org; worker {MASK}")


def test_the_configuration_keeps_public_identifiers_in_reports_and_sip601(sip, write):
    plan = yaml.safe_load((EXAMPLES / "spec-example.yaml").read_text("utf-8"))
    plan["findings"][0]["description"] = "Workers may call the hotline +60 3-8000 8000 at any time"
    path = write("plans/plan.yaml", yaml.safe_dump(plan, allow_unicode=True, sort_keys=False))
    assert "SIP601" in sip("validate", "--as-of", AS_OF, path).stdout
    write("plans/sip.toml", 'public-identifiers = ["+60 3-8000 8000"]\n')
    assert "SIP601" not in sip("validate", "--as-of", AS_OF, path).stdout
    public = sip("render", "-f", "md", "--as-of", AS_OF, "--audience", "public", path)
    assert "+60 3-8000 8000" in public.stdout.replace("\\", "")


def test_a_bad_public_identifiers_setting_is_refused_with_its_line(sip, write):
    write("plans/sip.toml", 'strict = true\npublic-identifiers = "+60 3-8000 8000"\n')
    plan = write("plans/plan.yaml", (EXAMPLES / "spec-example.yaml").read_text("utf-8"))
    outcome = sip("validate", plan)
    assert outcome.exit_code == 2
    assert "sip.toml:2: public-identifiers: must be a list of texts" in outcome.stderr


# -- issue 20: shapes that leaked, through the command line ---------------------------------------


def _validate_and_publish(sip, write, tmp_path, shapes) -> None:
    """Each shape in a plan of its own: `sip validate` warns (SIP601) about each, naming its kind,
    and the public site of all of them shows none."""
    base = yaml.safe_load((EXAMPLES / "spec-example.yaml").read_text("utf-8"))
    for n, (text, _, _) in enumerate(shapes):
        plan = copy.deepcopy(base)
        plan["id"] = f"SIP-2026-{100 + n}"
        plan["findings"][0]["description"] = f"Noted in the interview: {text} (case W-017)"
        write(f"plans/plan-{n}.yaml", dump_quoted(plan))
    checked = sip("validate", "--as-of", AS_OF, tmp_path / "plans")
    for n, (text, _, kind) in enumerate(shapes):
        warned = re.search(
            rf"plan-{n}\.yaml:[0-9]+:[0-9]+: SIP601 warning .*looks like ([^:]+):", checked.stdout
        )
        assert warned, f"no SIP601 for {text!r}"
        assert warned[1] == kind, text
    published = sip(
        "render", "--as-of", AS_OF, "--audience", "public", "--out", tmp_path / "site", tmp_path / "plans"
    )
    assert published.exit_code == 0, published.stderr
    import html

    site = compact(" ".join(html.unescape(page.read_text("utf-8")) for page in (tmp_path / "site").iterdir()))
    for text, secret, _ in shapes:
        assert [tell for tell in tells(secret) if tell in site] == [], text


def test_a_bank_currency_tariff_or_standard_word_before_a_number_does_not_keep_it(sip, write, tmp_path):
    """Issue 20, item 1: `BCA 8881234567`, `NPR 9841234567`, `HS 9841234567`..."""
    _validate_and_publish(sip, write, tmp_path, ISSUE_20[1])


def test_messaging_and_profile_links_are_found_however_they_are_encoded(sip, write, tmp_path):
    """Issue 20, item 2: `wa.me/%2B60...`, `mailto:ram%2Ethapa%40...`, `t.me/ramthapa98`..."""
    _validate_and_publish(sip, write, tmp_path, ISSUE_20[2])


def test_a_web_address_path_and_quoted_or_spelled_addresses_are_masked_whole(sip, write, tmp_path):
    """Issue 20, item 3: `.../passport_PA0123456.pdf`, `"a b"@x.com`, `siti dot rahayu at ...`"""
    _validate_and_publish(sip, write, tmp_path, ISSUE_20[3])


@pytest.mark.parametrize("entry", ["a", "12", "ISO", "Acme Sdn Bhd", "W-017"])
def test_a_public_identifier_that_is_not_a_whole_identifier_is_refused(sip, write, entry):
    """Issue 20, item 5: `["a"]` kept every text holding an `a`, so nothing was masked."""
    config = write("plans/sip.toml", f'strict = true\npublic-identifiers = ["+60 3-8000 8000", "{entry}"]\n')
    plan = write("plans/plan.yaml", (EXAMPLES / "spec-example.yaml").read_text("utf-8"))
    for command in (("validate", plan), ("render", "--audience", "public", plan)):
        outcome = sip(*command)
        assert outcome.exit_code == 2
        assert outcome.stdout == ""
        assert f"{config}:2: public-identifiers: {entry!r} is not a whole identifier" in outcome.stderr


def test_public_identifiers_are_kept_only_where_they_are_written_whole(sip, write, tmp_path):
    """Issue 20, item 5: an entry is matched whole, never inside a longer number or address."""
    write("plans/sip.toml", 'public-identifiers = ["+60 3-8000 8000", "hotline@example.org", "12345"]\n')
    plan = yaml.safe_load((EXAMPLES / "spec-example.yaml").read_text("utf-8"))
    plan["findings"][0]["description"] = (
        "Workers call the hotline +60 3-8000 8000 or write to hotline@example.org; case 12345. "
        "One gave +60 3-8000 80001, another x.hotline@example.org, a third +60 12345 6789"
    )
    path = write("plans/plan.yaml", dump_quoted(plan))
    assert "SIP601" in sip("validate", "--as-of", AS_OF, path).stdout
    page = sip("render", "-f", "md", "--as-of", AS_OF, "--audience", "public", path).stdout.replace("\\", "")
    assert "hotline +60 3-8000 8000 or write to hotline@example.org; case 12345." in page
    assert "80001" not in page and "x.hotline" not in page and "6789" not in page


# -- ids, and the detector's speed -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("plans/worker-A7654321.yaml", f"plans/worker-{MASK}.yaml"),
        ("plan_09876543.yaml", f"plan_{MASK}.yaml"),
        ("P1234567A", MASK),
        ("ACME-2026-00123", "ACME-2026-00123"),  # a plan id's shape is kept
        ("SIP-2026-007", "SIP-2026-007"),
        ("plans/electronics-penang.yaml", "plans/electronics-penang.yaml"),
    ],
)
def test_ids_and_file_names_are_masked_part_by_part(name, shown):
    assert mask(name, name=True) == shown


@pytest.mark.parametrize("name", ["A7654321", "worker-A7654321"])
def test_masking_an_id_again_and_again_finds_the_same(name):
    """The detector remembers short texts; masking an id (each time a public report shows it)
    added to what it remembered, doubling it for a one-part id: an id shown 40 times ran a
    public render out of memory."""
    for _ in range(16):
        assert mask(name, name=True) == name.replace("A7654321", MASK)
    assert len(find(name)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "1-" * 20000 + "x",
        "A1" * 20000,
        "1" * 40000 + "x",
        "1 " * 20000 + "x",
        "a@" * 20000,
        "x at " * 10000 + "y",
        "(1)" * 15000 + "x",
        "+1 " * 15000,
        "12/" * 15000,
        "a.b-c+d " * 5000 + "@x",
        "a . " * 10000 + "@",
        "passport 1-" * 4000,
        "GB82 " * 8000,
        "QQ 12 " * 7000,
        "https://example.org/" + "1/" * 15000,
        "https://example.org/" + "contact-1-" * 4000,
        "t.me/" * 8000,
        "wa.me/" + "%2B" * 10000,
        "%25" * 12000 + "2B",
        "a dot " * 8000 + "at x",
        '"' * 20000 + "@x",
        "USD " * 10000 + "1",
        "CAP-" * 10000 + "1",
        "HS 1" * 10000,
    ],
    ids=lambda text: repr(text[:8]),
)
def test_no_text_makes_the_detector_slow(text):
    """Every pattern starts where a word starts: 40,000 characters of one shape are read in
    milliseconds (an unanchored pattern took 50 s on some of these)."""
    import time

    started = time.perf_counter()
    find(text)
    assert time.perf_counter() - started < 2
