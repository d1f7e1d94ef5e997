"""Public output holds none of the personal data planted in a plan: every example with every
shape in every free-text field, a plan with a value in every text field of the schema, ids and
file names masked part by part (the shapes: tests/personal_data_shapes.py)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from sip.check.config import Settings
from sip.check.file import check_bytes
from sip.format.personal_data import find, find_in_name
from sip.output.render.build import plan_report
from sip.output.render.environment import Templates
from tests.conftest import AS_OF, DATA, EXAMPLES, ROOT
from tests.personal_data_shapes import (
    LIST_FIELDS,
    MASKED,
    PLAN_FIELDS,
    compact,
    dump_quoted,
    tells,
)

# -- public output holds none of what was planted --------------------------------------------------

_EXAMPLES = sorted(p for p in EXAMPLES.glob("*.yaml"))
_TEMPLATES = Templates()


def _plant(plan: dict, datum: str, secret: str) -> dict:
    """`datum` (a sentence holding `secret`) in every free-text field SIP601 reads, and `secret`
    in the supplier id when it is shaped like an id and can be told on its own."""

    def put(item: dict, dotted: str) -> None:
        *parents, last = dotted.split(".")
        for step in parents:
            item = item.setdefault(step, {})
        item[last] = f"x {datum} y"

    for dotted in PLAN_FIELDS:
        put(plan, dotted)
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", secret) and find(secret):
        plan["site"]["supplier_id"] = secret
    for name, fields in LIST_FIELDS.items():
        for item in plan.get(name) or []:
            for dotted in fields:
                if (name, dotted) in _REMEDY_ONLY and item.get("kind") != "remedy":
                    continue  # the model refuses it on any other kind (SIP102): nothing would render
                first = dotted.split(".")[0]
                if "." in dotted and not isinstance(item.get(first), dict):
                    continue  # absent, or a text where a mapping may be (`unclaimed`, format 1.2)
                put(item, dotted)
    return plan


# Free-text fields a response may hold only when it is a remedy (format 1.1).
_REMEDY_ONLY = frozenset({("responses", "unclaimed"), ("responses", "unclaimed.then")})


def _public_pages(raw: bytes) -> list[str]:
    result = check_bytes(raw, "plan.yaml", Settings(as_of=dt.date(2026, 8, 10)), keep_plan=True)
    assert result.plan is not None, [d.message for d in result.diagnostics]
    return [
        _TEMPLATES.render(
            f"report.{format}.j2",
            report=plan_report(
                result.plan,
                result.diagnostics,
                as_of=dt.date(2026, 8, 10),
                public=True,
                source_file="plan.yaml",
                forced=True,
            ),
        )
        for format in ("html", "md")
    ]


@pytest.mark.parametrize("example", _EXAMPLES, ids=[p.name for p in _EXAMPLES])
def test_every_example_rendered_for_the_public_holds_no_planted_datum(example):
    original = yaml.safe_load(example.read_text("utf-8"))
    for text, secret in MASKED:
        plan = _plant(yaml.safe_load(yaml.safe_dump(original)), text, secret)
        raw = dump_quoted(plan)
        for page in _public_pages(raw):
            import html

            seen = compact(html.unescape(page).replace("\\", ""))
            leaked = [tell for tell in tells(secret) if tell in seen]
            assert leaked == [], f"{example.name}: {secret!r} leaked"


def test_public_site_masks_ids_supplier_ids_file_names_and_shows_no_diagnostics(sip, write, tmp_path):
    plan = yaml.safe_load((EXAMPLES / "spec-example.yaml").read_text("utf-8"))
    plan["id"] = "P1234567A"
    plan["site"]["supplier_id"] = "S1234567D"
    plan["owner"]["email"] = "rahimk@example.com"
    plan["findings"][0]["evidence"] = "QQ123456C"
    plan["responses"][0]["due"] = "2020-01-01"  # an error whose message would name the plan
    write("plans/worker-A7654321.yaml", yaml.safe_dump(plan, allow_unicode=True, sort_keys=False))
    broken = write("plans/broken-E7654321.yaml", "sip: 1\nid: [\n")
    assert broken.exists()
    outcome = sip(
        "render",
        "--as-of",
        AS_OF,
        "--audience",
        "public",
        "--force",
        "--out",
        tmp_path / "site",
        tmp_path / "plans",
    )
    assert outcome.exit_code == 1  # the broken file cannot be rendered
    written = sorted((tmp_path / "site").iterdir())
    text = " ".join(p.name + " " + p.read_text("utf-8") for p in written)
    for secret in ("P1234567A", "S1234567D", "A7654321", "E7654321", "rahimk", "QQ123456C"):
        assert secret not in text
    # no diagnostic is published: no banner (not even a count: issue 19), no validation table,
    # and the index does not list the file that could not be read
    assert ", column " not in text and "<caption>Diagnostics</caption>" not in text
    assert "This plan has" not in text and "error" not in text


# -- every shape in every text field of the schema ------------------------------------------------

EVERY_FIELD = DATA / "every-field.yaml"
_ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]*$"


def _schema_text_fields() -> dict[str, str]:
    """Every field of the JSON Schema whose value is text someone writes, by its dotted path (a
    list's items as `[]`): "text" (free text, an e-mail address) or "id" (an id, or a reference
    to one). Vocabulary values, dates and rule codes are left out: the schema refuses any other
    text there, so nothing planted in them is rendered."""
    schema = json.loads((ROOT / "schemas" / "sip-plan-1.schema.json").read_text("utf-8"))
    fields: dict[str, str] = {}

    def walk(node: dict, path: tuple[str, ...]) -> None:
        while "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        for key in ("anyOf", "oneOf", "allOf"):
            for option in node.get(key, []):
                walk(option, path)
        for name, value in node.get("properties", {}).items():
            walk(value, (*path, name))
        if node.get("type") == "array":
            walk(node.get("items", {}), (*path, "[]"))
        if node.get("type") == "string" and "enum" not in node:
            if "pattern" not in node:
                fields[".".join(path)] = "text"
            elif node["pattern"] == _ID_PATTERN:
                fields[".".join(path)] = "id"

    walk(schema, ())
    return fields


TEXT_FIELDS = _schema_text_fields()


def _text_leaves(plan: dict) -> list[tuple[tuple, str]]:
    """(path, the field's kind) of each value of `plan` in a text field of the schema."""
    found = []

    def walk(node, path, dotted):
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, (*path, key), (*dotted, key))
        elif isinstance(node, list):
            for n, value in enumerate(node):
                walk(value, (*path, n), (*dotted, "[]"))
        elif isinstance(node, str) and ".".join(dotted) in TEXT_FIELDS:
            found.append((path, TEXT_FIELDS[".".join(dotted)]))

    walk(plan, (), ())
    return found


_EVERY = yaml.safe_load(EVERY_FIELD.read_text("utf-8"))
_EVERY_LEAVES = _text_leaves(_EVERY)


def test_the_every_field_plan_holds_every_text_field_of_the_schema():
    dotted = set()
    for path, _ in _EVERY_LEAVES:
        dotted.add(".".join("[]" if isinstance(step, int) else step for step in path))
    assert len(TEXT_FIELDS) > 50
    assert set(TEXT_FIELDS) - dotted == set(), "add these fields to tests/data/every-field.yaml"


def _planted_value(kind: str, path: tuple, text: str, secret: str) -> str | None:
    """What to write in a field: the sentence in a free-text field; the datum alone in an id
    when it is shaped like one and is personal data on its own; nothing in an e-mail field
    (the schema refuses a sentence there, and owner e-mails are never published)."""
    if kind == "text":
        return None if path[-1] == "email" else text
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", secret) and find_in_name(secret):
        return secret
    return None


def _put(plan: dict, path: tuple, value: str) -> None:
    node = plan
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value


def _leaked(plan: dict, secret: str) -> list[str]:
    """What of `secret` the public report of `plan` (HTML and Markdown) shows."""
    import html

    result = check_bytes(dump_quoted(plan), "plan.yaml", Settings(as_of=dt.date(2026, 8, 10)), keep_plan=True)
    assert result.plan is not None, [d.message for d in result.diagnostics]
    leaked = []
    for page in _public_pages_of(result):
        seen = compact(html.unescape(page).replace("\\", ""))
        leaked += [tell for tell in tells(secret) if tell in seen]
    return leaked


def _public_pages_of(result) -> list[str]:
    return [
        _TEMPLATES.render(
            f"report.{format}.j2",
            report=plan_report(
                result.plan,
                result.diagnostics,
                as_of=dt.date(2026, 8, 10),
                public=True,
                source_file="plan.yaml",
                forced=True,
            ),
        )
        for format in ("html", "md")
    ]


@pytest.mark.parametrize(("text", "secret"), MASKED, ids=[t for t, _ in MASKED])
def test_every_shape_in_every_text_field_is_masked_for_the_public(text, secret):
    plan = copy.deepcopy(_EVERY)
    for path, kind in _EVERY_LEAVES:
        value = _planted_value(kind, path, f"x {text} y", secret)
        if value is not None:
            _put(plan, path, value)
    assert _leaked(plan, secret) == []


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    leaf=st.sampled_from(_EVERY_LEAVES),
    planted=st.sampled_from(MASKED),
    before=st.sampled_from(
        ["", "x ", "Worker ", "(", "call: ", "a-", "x_", "x.", '"', "\n", "**", "<b>", "#"]
    ),
    after=st.sampled_from(
        ["", " y", ".", ")", ", thanks", "-b", "_y", ".yaml", "\n", "**", "!", "</b>", ";"]
    ),
)
def test_public_output_never_holds_a_planted_datum_whatever_the_field(leaf, planted, before, after):
    """Any shape, in any text field of the schema, with anything around it (tests/data/
    every-field.yaml has a value in each)."""
    (path, kind), (text, secret) = leaf, planted
    value = _planted_value(kind, path, before + text + after, secret)
    event("planted" if value is not None else "not plantable here")
    if value is None:
        return
    plan = copy.deepcopy(_EVERY)
    _put(plan, path, value)
    assert _leaked(plan, secret) == [], (path, secret)


def test_public_report_masks_every_item_id_and_its_links_still_resolve(sip, write):
    plan = yaml.safe_load((EXAMPLES / "spec-example.yaml").read_text("utf-8"))
    text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
    ids = sorted(
        {
            item["id"]
            for name in (
                "sources",
                "findings",
                "responses",
                "root_causes",
                "risks",
                "improvements",
                "service_providers",
                "parties",
            )
            for item in plan.get(name) or []
            if "id" in item
        },
        key=len,
        reverse=True,
    )
    secrets = {old: f"X{n:02d}A{1234560 + n}Z" for n, old in enumerate(ids)}  # passport-shaped
    for old, new in secrets.items():
        text = re.sub(rf"(?<![\w-]){re.escape(old)}(?![\w-])", new, text)
    path = write("plans/plan.yaml", text)
    internal = sip("render", "--as-of", AS_OF, path).stdout
    assert all(new in internal for new in secrets.values())  # the renaming took
    for format in ("html", "md"):
        page = sip("render", "-f", format, "--as-of", AS_OF, "--audience", "public", path).stdout
        assert [new for new in secrets.values() if new in page] == []
        links = set(re.findall(r'href="#([^"]+)"' if format == "html" else r"\]\(#([^)]+)\)", page))
        anchors = set(re.findall(r'\bid="([^"]+)"', page))
        assert {a for a in links if a.startswith("redacted-")}, "no masked item is linked"
        assert links - anchors == set()
