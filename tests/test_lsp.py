"""`sip lsp` driven as an editor drives it: pygls's client starts `python -m sip lsp` and speaks
the protocol over its standard input and output, on the examples on disk."""

from __future__ import annotations

import asyncio
import json
import shutil
import sys

import pytest
from lsprotocol import types

from sip.format.lists import ID_LISTS
from tests.conftest import EXAMPLES
from tests.sip_lsp_client import Editor, run

GAPS = EXAMPLES / "invalid" / "gaps.yaml"
TYPOS = EXAMPLES / "invalid" / "typos.yaml"
SPEC = EXAMPLES / "spec-example.yaml"  # its one diagnostic is waived


def doc(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


def validated(sip, *args) -> list[tuple[str, int, int]]:
    out = sip("validate", "--format", "json", *args)
    return [(d["code"], d["line"], d["column"]) for d in json.loads(out.stdout)["diagnostics"]]


def located(diagnostics: list[types.Diagnostic]) -> list[tuple[str, int, int]]:
    return [(d.code, d.range.start.line + 1, d.range.start.character + 1) for d in diagnostics]


def test_diagnostics_on_open_are_validates_and_an_edit_publishes_the_shorter_list(sip):
    expected = validated(sip, GAPS)
    assert [code for code, *_ in expected] == ["SIP401", "SIP402", "SIP403", "SIP202", "SIP303"]

    async def session():
        async with Editor() as editor:
            uri = await editor.open(GAPS)
            opened = await editor.diagnostics(uri)
            # RC-2 names a finding F-3 that does not exist: the author corrects the list, unsaved
            version = await editor.replace(uri, "findings: [F-2, F-3]", "findings: [F-2]")
            return opened, await editor.diagnostics(uri, version)

    opened, edited = run(session())
    assert located(opened) == expected
    assert located(edited) == [d for d in expected if d[0] != "SIP202"]
    assert GAPS.read_text("utf-8").count("[F-2, F-3]") == 1  # the file on disk is untouched
    for diagnostic in opened:
        assert diagnostic.source == "sip"
        assert diagnostic.code_description.href.endswith(f"docs/rules.md#{diagnostic.code.lower()}")
    by_code = {d.code: d for d in opened}
    # the range covers the node: the unknown id F-3, and the whole finding F-1 (lines 32-39)
    reference = by_code["SIP202"].range
    assert (reference.start.line, reference.start.character, reference.end.line, reference.end.character) == (
        102,
        20,
        102,
        23,
    )
    finding = by_code["SIP401"].range
    assert (finding.start.line + 1, finding.end.line + 1) == (32, 39)
    assert by_code["SIP401"].severity == types.DiagnosticSeverity.Error


def test_format_errors_underline_the_value_or_the_field(sip):
    async def session():
        async with Editor() as editor:
            uri = await editor.open(TYPOS)
            return editor.texts[uri].split("\n"), await editor.diagnostics(uri)

    lines, diagnostics = run(session())
    assert located(diagnostics) == validated(sip, TYPOS)
    underlined = {
        (d.code, d.range.start.line + 1): lines[d.range.start.line][
            d.range.start.character : d.range.end.character
        ]
        for d in diagnostics
    }
    assert underlined[("SIP102", 14)] == "Malaysia"
    assert underlined[("SIP102", 34)] == "severe"
    assert underlined[("SIP103", 32)].startswith("titel: Passports of Indonesian")


def test_waived_diagnostics_are_hints_with_the_reason_and_as_of_comes_from_the_nearest_config(sip):
    expected = validated(sip, SPEC)  # examples/sip.toml sets as-of 2026-08-10

    async def session():
        async with Editor() as editor:
            return await editor.diagnostics(await editor.open(SPEC))

    diagnostics = run(session())
    assert located(diagnostics) == expected == [("SIP506", 82, 10)]
    assert diagnostics[0].severity == types.DiagnosticSeverity.Hint
    assert diagnostics[0].message.startswith("waived: A-2 ")
    assert diagnostics[0].message.endswith(
        "(reason: Three instalments agreed with the workers' representatives)"
    )


def test_as_of_option_applies_to_every_plan_as_on_the_command_line(sip):
    late = "2027-06-01"
    expected = validated(sip, "--as-of", late, GAPS)
    assert any(code == "SIP504" for code, *_ in expected)  # overdue by then

    async def session():
        async with Editor("--as-of", late) as editor:
            return await editor.diagnostics(await editor.open(GAPS))

    assert located(run(session())) == expected


def test_hover_shows_the_rules_documentation_and_the_item_an_id_names():
    async def session():
        async with Editor() as editor:
            gaps = await editor.open(GAPS)
            await editor.diagnostics(gaps)
            spec = await editor.open(SPEC)
            await editor.diagnostics(spec)

            async def hover(uri, position):
                answer = await editor.client.text_document_hover_async(
                    types.HoverParams(text_document=doc(uri), position=position)
                )
                return answer.contents.value if answer else None

            return (
                await hover(gaps, editor.position(gaps, "F-3", after="[F-2, ", offset=1)),
                await hover(gaps, editor.position(gaps, "F-2", after="responses:")),
                await hover(spec, editor.position(spec, "SIP506", after="waivers:", offset=3)),
                await hover(gaps, editor.position(gaps, "Head of Ethical Trade")),
            )

    on_diagnostic, on_id, on_waiver_rule, on_nothing = run(session())
    assert "**SIP202** (error): A reference names no id of the kind it must point to" in on_diagnostic
    assert "explains F-3, which is no finding in this plan" in on_diagnostic  # the message too
    assert "docs/rules.md#sip202" in on_diagnostic
    assert on_id.startswith("**F-2**, finding (line 40): Workers locked in the dormitory compound")
    assert on_waiver_rule.startswith("**SIP506** (warning)")
    assert on_nothing is None


def test_definition_jumps_from_a_reference_to_the_item():
    async def session():
        async with Editor() as editor:
            uri = await editor.open(GAPS)

            async def where(position):
                answer = await editor.client.text_document_definition_async(
                    types.DefinitionParams(text_document=doc(uri), position=position)
                )
                return answer

            return uri, (
                await where(editor.position(uri, "RC-1", after="risks:")),  # risks[].root_causes
                await where(editor.position(uri, "SP-1", after="verification:")),  # in free text
                await where(editor.position(uri, "F-2", after="findings: [")),  # root_causes[].findings
                await where(editor.position(uri, "S-1", after="source: ")),
            )

    uri, (root_cause, provider, finding, source) = run(session())
    assert root_cause.uri == uri
    assert (root_cause.range.start.line + 1, root_cause.range.start.character + 1) == (97, 9)
    assert (root_cause.range.end.character - root_cause.range.start.character) == len("RC-1")
    assert provider.range.start.line + 1 == 50  # `- id: SP-1`
    assert finding.range.start.line + 1 == 40
    assert source.range.start.line + 1 == 24


def test_completion_offers_items_of_the_right_kind_even_in_half_typed_yaml():
    async def session():
        async with Editor() as editor:
            uri = await editor.open(GAPS)
            await editor.diagnostics(uri)

            async def offered(position):
                answer = await editor.client.text_document_completion_async(
                    types.CompletionParams(text_document=doc(uri), position=position)
                )
                return [(item.label, item.detail) for item in answer.items] if answer else []

            # typing a second finding into A-2's addresses: the bracket is not closed yet,
            # so the text no longer parses
            await editor.replace(
                uri, "addresses: [F-1]\n    action: Stop", "addresses: [F-1, \n    action: Stop"
            )
            responses = await offered(editor.position(uri, "[F-1, ", after="id: A-2", offset=6))
            improvements = await offered(editor.position(uri, "[RC-1", after="id: MS-1", offset=1))
            # a block list: a new line under providers' "- "
            await editor.replace(
                uri,
                "    status: planned\n    contingency: Example Apparel books",
                "    providers:\n      - \n    status: planned\n    contingency: Example Apparel books",
            )
            providers = await offered(editor.position(uri, "      - ", after="id: A-4", offset=8))
            # the provider chosen, a second item begun: nothing left to offer
            await editor.replace(
                uri, "    providers:\n      - \n", "    providers:\n      - SP-1\n      - \n"
            )
            chosen = await offered(editor.position(uri, "      - \n", after="id: A-4", offset=8))
            elsewhere = await offered(editor.position(uri, "Factory", after="id: A-2"))
            return responses, improvements, providers, chosen, elsewhere

    responses, improvements, providers, chosen, elsewhere = run(session())
    # F-1 is in the list already: only F-2 is offered
    assert responses == [
        ("F-2", "finding: Workers locked in the dormitory compound from 10 p.m. and on rest days"),
    ]
    # `[RC-1, R-1]` with the cursor on RC-1 (being typed): R-1 is taken, RC-1 is not
    assert [label for label, _ in improvements] == ["RC-1", "RC-2", "RC-3", "R-2"]
    assert providers == [("SP-1", "service provider: Example Workers' Centre, Irbid")]
    assert chosen == []
    assert elsewhere == []


def test_quick_fix_is_sip_fixs_edit_and_applying_it_clears_the_diagnostic(tmp_path):
    plan = tmp_path / "typos.yaml"
    shutil.copy(TYPOS, plan)
    shutil.copy(TYPOS.parent / "sip.toml", tmp_path / "sip.toml")

    async def session():
        async with Editor() as editor:
            uri = await editor.open(plan)
            diagnostics = await editor.diagnostics(uri)
            country = next(d for d in diagnostics if d.range.start.line == 13)
            actions = await editor.client.text_document_code_action_async(
                types.CodeActionParams(
                    text_document=doc(uri),
                    range=country.range,
                    context=types.CodeActionContext(diagnostics=[country]),
                )
            )
            fix = actions[0]
            (edit,) = fix.edit.changes[uri]
            lines = editor.texts[uri].split("\n")
            old = "\n".join(lines[edit.range.start.line : edit.range.end.line]) + "\n"
            version = await editor.replace(uri, old, edit.new_text)
            return actions, edit, await editor.diagnostics(uri, version)

    actions, edit, after = run(session())
    titles = [a.title for a in actions]
    assert titles[0] == "sip fix: site.country: 'Malaysia' -> 'MY'"
    assert actions[0].kind == types.CodeActionKind.QuickFix
    assert actions[0].diagnostics[0].code == "SIP102"
    # the id 7 is not quoted: a provider reference names SP-7, so it has another reading (docs/fix.md)
    assert titles == ["sip fix: site.country: 'Malaysia' -> 'MY'"]
    assert (edit.range.start.line, edit.range.end.line) == (13, 14)
    assert edit.new_text == "  country: MY\n"
    assert [d[:2] for d in located(after)] == [("SIP101", 30), ("SIP103", 32), ("SIP102", 34), ("SIP102", 43)]


HOSTILE = {
    "half-typed": "sip: 1\nid: SIP-1\nfindings:\n  - id: F-1\n    title: [unclosed\n  - id: \n",
    "not a plan": "- just\n- a list\n",
    "a scalar": "hello",
    "empty": "",
    "deep": "a: " + "[" * 5000 + "]" * 5000 + "\n",
    "aliases": "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(12)
    ),
    "tags": "sip: 1\nid: !!python/object:os.system echo\n",
    "control characters": "sip: 1\nid: \x00\x07\ufeff\n\t- x",
    "tabs and colons": "sip: 1\n\tfindings: : : - [{\n",
    "a lone surrogate": "sip: 1\nid: x\ud800y\n",  # valid JSON, not encodable as UTF-8
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_bad_input_never_stops_the_server(name, tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(HOSTILE[name], encoding="utf-8", errors="surrogatepass")

    async def session():
        async with Editor() as editor:
            uri = await editor.open(path, HOSTILE[name])
            first = await editor.diagnostics(uri)
            everywhere = [
                types.Position(line=line, character=char)
                for line in (0, 1, 2, 5, 500)
                for char in (0, 3, 10_000)
            ]
            for position in everywhere:
                params = dict(text_document=doc(uri), position=position)
                await editor.client.text_document_hover_async(types.HoverParams(**params))
                await editor.client.text_document_definition_async(types.DefinitionParams(**params))
                await editor.client.text_document_completion_async(types.CompletionParams(**params))
            await editor.client.text_document_code_action_async(
                types.CodeActionParams(
                    text_document=doc(uri),
                    range=types.Range(start=everywhere[0], end=everywhere[-1]),
                    context=types.CodeActionContext(diagnostics=[]),
                )
            )
            version = await editor.replace(uri, HOSTILE[name][:1], "x") if HOSTILE[name] else None
            if version:
                await editor.diagnostics(uri, version)
            # still serving: the next plan gets its diagnostics
            gaps = await editor.diagnostics(await editor.open(GAPS))
            return first, gaps, editor.alive, editor.logs

    first, gaps, alive, logs = run(session())
    assert alive and len(gaps) == 5
    assert logs == []  # answered as bad input, not as a bug in sip
    if name != "half-typed":
        assert first and all(d.code for d in first)


def test_a_file_sip_would_not_check_gets_no_diagnostics(tmp_path):
    workflow = tmp_path / ".github" / "workflows" / "ci.yaml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text("on: push\njobs: {}\n", encoding="utf-8")
    (tmp_path / "sip.toml").write_text('exclude = ["drafts/**"]\n', encoding="utf-8")
    draft = tmp_path / "drafts" / "plan.yaml"
    draft.parent.mkdir()
    draft.write_text("not: a plan\n", encoding="utf-8")
    plan = tmp_path / "plans" / "plan.yaml"
    plan.parent.mkdir()
    plan.write_text("not: a plan\n", encoding="utf-8")
    hidden = tmp_path / ".gitlab-ci.yml"  # a hidden file beside the plans is no plan
    hidden.write_text("sip:\n  script: [sip validate .]\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("scratch/\n", encoding="utf-8")
    ignored = tmp_path / "plans" / "scratch" / "plan.yaml"
    ignored.parent.mkdir()
    ignored.write_text("not: a plan\n", encoding="utf-8")

    async def session():
        async with Editor(cwd=tmp_path) as editor:
            return [
                await editor.diagnostics(await editor.open(p))
                for p in (workflow, draft, hidden, ignored, plan)
            ]

    *left_out, plan_found = run(session())
    assert [list(found) for found in left_out] == [[], [], [], []]
    assert {d.code for d in plan_found} >= {"SIP003", "SIP101"}


def test_a_bad_configuration_is_shown_in_the_file_and_the_defaults_apply(tmp_path):
    (tmp_path / "sip.toml").write_text("as-of = tomorrow\n", encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    shutil.copy(GAPS, plan)

    async def session():
        async with Editor(cwd=tmp_path) as editor:
            return await editor.diagnostics(await editor.open(plan))

    diagnostics = run(session())
    assert diagnostics[0].code is None
    assert "sip.toml:1:9: not valid TOML" in diagnostics[0].message
    assert "defaults apply" in diagnostics[0].message
    assert {d.code for d in diagnostics[1:]} >= {"SIP401", "SIP202"}


def test_the_server_says_what_it_can_do():
    async def session():
        async with Editor() as editor:
            return editor.capabilities

    capabilities = run(session())
    assert capabilities.hover_provider and capabilities.definition_provider
    assert "[" in capabilities.completion_provider.trigger_characters
    assert types.CodeActionKind.QuickFix in capabilities.code_action_provider.code_action_kinds


def test_without_pygls_sip_lsp_says_how_to_install_it(sip, monkeypatch):
    monkeypatch.setitem(sys.modules, "pygls.lsp.server", None)
    monkeypatch.delitem(sys.modules, "sip.lsp.server", raising=False)
    out = sip("lsp")
    assert out.exit_code == 2
    assert "pip install 'sip-remediation[lsp]'" in out.stderr


def test_columns_are_utf16_units_after_characters_beyond_the_bmp(tmp_path):
    # an emoji is one character for sip and two UTF-16 units for the editor
    text = TYPOS.read_text("utf-8").replace(
        "site:\n  name: Example Palm Estates Sdn Bhd, Sandakan mill and estates\n"
        "  # MISTAKE: a country is written as its ISO 3166-1 alpha-2 code, here MY\n"
        "  country: Malaysia\n",
        'site: {name: "Estates \U0001f334", country: Malaysia,\n',
    )
    text = text.replace(
        "  tier: 2\n  workers: 640\n  migrant_workers: 590\n",
        "  tier: 2, workers: 640, migrant_workers: 590}\n",
    )
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    shutil.copy(TYPOS.parent / "sip.toml", tmp_path / "sip.toml")

    async def session():
        async with Editor() as editor:
            return await editor.diagnostics(await editor.open(plan))

    country = next(d for d in run(session()) if "Malaysia" in d.message)
    line = text.split("\n")[country.range.start.line].encode("utf-16-le")
    units = line[country.range.start.character * 2 : country.range.end.character * 2]
    assert units.decode("utf-16-le") == "Malaysia"


def test_a_burst_of_edits_is_checked_once_for_its_last_text():
    async def session():
        async with Editor() as editor:
            uri = await editor.open(GAPS)
            await editor.diagnostics(uri)
            # deleting ", F-3" from RC-2's findings a key at a time, faster than the debounce
            steps = ["[F-2, F-3]", "[F-2, F-]", "[F-2, F]", "[F-2, ]", "[F-2,]", "[F-2]"]
            for before, after in zip(steps, steps[1:], strict=False):
                version = await editor.replace(uri, before, after)
            last = await editor.diagnostics(uri, version)
            await asyncio.sleep(0.3)  # anything late would have arrived by now
            return last, [p.version for p in editor.published if p.uri == uri]

    last, versions = run(session())
    assert "SIP202" not in [d.code for d in last]
    # opened, then the burst's last version ([1, 6]; a machine so loaded that the server sleeps
    # 40 ms between two messages already read may check one more, never all five)
    assert versions[0] == 1 and versions[-1] == 6 and len(versions) <= 3


def test_a_missing_version_is_fixed_by_inserting_it_and_a_waivers_rule_completes_to_codes(tmp_path):
    text = (
        TYPOS.read_text("utf-8")
        .replace("sip: 1\n", "")
        .replace("id: SIP-2026-901\n", "id: SIP-2026-901\nwaivers:\n  - rule: SIP\n    reason: agreed\n")
    )
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")

    async def session():
        async with Editor() as editor:
            uri = await editor.open(plan)
            diagnostics = await editor.diagnostics(uri)
            version = next(d for d in diagnostics if d.code == "SIP003")
            actions = await editor.client.text_document_code_action_async(
                types.CodeActionParams(
                    text_document=doc(uri),
                    range=version.range,
                    context=types.CodeActionContext(diagnostics=[version]),
                )
            )
            codes = await editor.client.text_document_completion_async(
                types.CompletionParams(
                    text_document=doc(uri), position=editor.position(uri, "SIP", after="rule: ", offset=3)
                )
            )
            return uri, actions, codes

    uri, actions, codes = run(session())
    added = actions[0]
    assert added.title == "sip fix: added sip: 1"
    assert [d.code for d in added.diagnostics] == ["SIP003"]
    (edit,) = added.edit.changes[uri]
    assert edit.new_text == "sip: 1\n" and edit.range.start == edit.range.end  # an insertion
    labels = [item.label for item in codes.items]
    assert "SIP506" in labels and "SIP204" not in labels and "SIP101" not in labels


def test_a_reference_in_a_mapping_of_an_item_knows_its_lists():
    """The references come from the fields' declarations (sip/model/fields.py), those one mapping
    down included: a verifier is a party or a service provider."""
    from sip.lsp.references import field_at, targets
    from sip.lsp.text import Text

    text = Text("responses:\n  - id: A-1\n    verification:\n      by: P\n    repeats: F\nfindings:\n")
    assert field_at(text, 3, len("      by: P")) == ("responses", "by")
    assert targets()["responses", "by"] == ("parties", "service_providers")
    assert targets()["findings", "repeats"] == ("findings",)
    assert targets()["waivers", "ids"] == ID_LISTS
