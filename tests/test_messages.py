"""What messages say, through the real command line: titles quoted so that quotes never nest,
and hints for the mistakes people make when they first write a plan."""

from __future__ import annotations

from tests.conftest import DATA

MINIMAL = (DATA / "minimal.yaml").read_text(encoding="utf-8")


def test_a_title_with_quotes_of_its_own_is_quoted_once(sip, write):
    second = (
        '  - id: F-2\n    title: Labour provider kept workers\' passports "for safekeeping"\n'
        "    severity: minor\n    source: S-1\n    identified: 2026-06-28\nresponses:\n"
    )
    plan = write(
        "plan.yaml",
        MINIMAL.replace("responses:\n", second, 1)
        .replace(
            "cause: Order volumes doubled with unchanged lead times",
            "cause: “Flexible” staffing without a budget",
        )
        .replace("addresses: [RC-1, R-1]", "addresses: [R-1]"),
    )
    out = sip("validate", "--as-of", "2026-08-10", plan)
    assert (
        'SIP301 F-2 “Labour provider kept workers\' passports "for safekeeping"” has no response'
    ) in out.stdout
    assert 'SIP303 RC-1 “"Flexible" staffing without a budget” is addressed by' in out.stdout
    assert '""' not in out.stdout and "““" not in out.stdout


SPEC = (DATA.parent.parent / "examples" / "spec-example.yaml").read_text(encoding="utf-8")


def _validate(sip, write, text: str) -> str:
    plan = write("plan.yaml", text)
    out = sip("validate", "--as-of", "2026-08-10", plan)
    assert out.exit_code == 1
    return out.stdout


def test_a_number_with_thousands_separators_is_told_to_drop_them(sip, write):
    out = _validate(sip, write, SPEC.replace("committed: 850000 ", "committed: 850,000"))
    assert (
        "86:18: SIP102 committed must be a number, found the text '850,000': drop the "
        "thousands separator: 850000"
    ) in out


def test_workers_count_with_a_separator_too(sip, write):
    out = _validate(sip, write, SPEC.replace("workers_covered: 212 ", "workers_covered: 1,212"))
    assert "drop the thousands separator: 1212" in out


def test_a_currency_symbol_is_told_its_code(sip, write):
    out = _validate(sip, write, SPEC.replace("currency: USD ", "currency: '€'"))
    assert "88:17: SIP102 '€' is a currency symbol: write the ISO 4217 code, EUR" in out
    out = _validate(sip, write, SPEC.replace("currency: USD ", "currency: RM "))
    assert "'RM' is a currency symbol: write the ISO 4217 code, MYR" in out


def test_an_ambiguous_currency_symbol_lists_the_codes_it_may_mean(sip, write):
    out = _validate(sip, write, SPEC.replace("currency: USD ", "currency: $   "))
    assert (
        "'$' is a currency symbol: write the ISO 4217 code of the one meant (USD, AUD, CAD, "
        "HKD, NZD, SGD or TWD)"
    ) in out
    out = _validate(sip, write, SPEC.replace("currency: USD ", "currency: £   "))
    assert "'£' is a currency symbol: write the ISO 4217 code of the one meant (GBP or EGP)" in out


def test_sip_fix_leaves_symbols_and_separators_to_a_person(sip, write):
    text = SPEC.replace("currency: USD ", "currency: $   ").replace(
        "committed: 850000 ", "committed: 850,000"
    )
    plan = write("plan.yaml", text)
    out = sip("fix", plan)
    assert plan.read_text(encoding="utf-8") == text
    assert "sip fix: fixed 0 problems" in out.stderr


def test_a_key_without_its_colon_is_named_on_its_own_line(sip, write, tmp_path):
    # YAML reads `- id F-1` and the next line as one text, and fails on the next ':'
    out = _validate(sip, write, MINIMAL.replace("  - id: F-1\n", "  - id F-1\n", 1))
    assert out.startswith(
        f"{tmp_path / 'plan.yaml'}:18:7: SIP001 invalid YAML: 'id' has no ':' after it, "
        "so YAML read it and the next line as one text; write 'id: F-1'\n"
    ), out
    out = _validate(sip, write, MINIMAL.replace("    severity: major\n", "    severity major\n", 1))
    assert "SIP001 invalid YAML: 'severity' has no ':' after it" in out and "write 'severity: major'" in out
    # a ':' in a text of its own keeps its own advice
    out = _validate(sip, write, MINIMAL.replace("title: Overtime", "title: Note: overtime", 1))
    assert (
        "SIP001 invalid YAML: a ':' that YAML reads as a new key; put text that holds ': ' in quotes" in out
    )


def test_an_unquoted_comma_inside_braces_is_told_to_quote(sip, write):
    out = _validate(
        sip,
        write,
        MINIMAL.replace(
            "site:\n  name: Example Textiles, Unit 2\n  country: VN\n",
            "site: {name: Example Textiles, Unit 2, country: VN}\n",
        ),
    )
    assert (
        "6:32: SIP103 unknown field 'Unit 2': inside { } a comma ends a field, so 'Example Textiles' "
        "ended at the comma before 'Unit 2'; put text that holds a comma in quotes: "
        'name: "Example Textiles, Unit 2"\n'
    ) in out
    # a field that is just unknown keeps its own message, empty or not, in braces or not
    for number, written in enumerate(("  colour: red\n", "  colour:\n", "  notes: {colour: }\n")):
        plan = write(f"plan-{number}.yaml", MINIMAL.replace("  country: VN\n", "  country: VN\n" + written))
        out = sip("validate", plan).stdout
        assert "SIP103 unknown field" in out and "a comma" not in out, out


def test_a_tab_in_the_indentation_is_told_in_sips_words(sip, write, tmp_path):
    cases = {
        "mapping.yaml": MINIMAL.replace("  name: Example", "\tname: Example", 1),
        "list.yaml": MINIMAL.replace("  - id: F-1\n", "\t- id: F-1\n", 1),
        "after-spaces.yaml": MINIMAL.replace("    severity: major", "  \t  severity: major", 1),
    }
    for name, text in cases.items():
        plan = write(name, text)
        out = sip("validate", plan)
        first = out.stdout.splitlines()[0]
        line = next(n for n, row in enumerate(text.splitlines(), 1) if "\t" in row)
        column = text.splitlines()[line - 1].index("\t") + 1
        assert first == (
            f"{plan}:{line}:{column}: SIP001 invalid YAML: a tab in the indentation; YAML indents "
            "with spaces only: replace the tab with spaces"
        ), first
