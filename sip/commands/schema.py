from __future__ import annotations

import json
import sys
from pathlib import Path

from sip.format.project import SCHEMA_FILE, SCHEMA_ID
from sip.format.version import FORMAT_VERSION

# Schemas written before the schema had its published address: still sip's to replace.
_EARLIER_IDS = ("https://sip.example.org/schemas/sip-plan-1.schema.json",)


def plan_schema() -> dict:
    from sip.model import Plan

    schema = Plan.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"sip plan, format {FORMAT_VERSION}",
        "description": "A corrective action and systems improvement plan for forced labour "
        "found at one site of a supply chain. Generated from sip's models by `sip schema`.",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def schema_text() -> str:
    return json.dumps(plan_schema(), indent=2, ensure_ascii=False) + "\n"


def schema_command(out: Path | None) -> int:
    text = schema_text()
    if out is None:
        sys.stdout.write(text)
        return 0
    from sip.files import write_atomic

    target = out / SCHEMA_FILE
    write_atomic(target, text, made_by_sip=lambda old: _is_schema(old))
    print(f"wrote {target}", file=sys.stderr)
    return 0


def _is_schema(old: str) -> bool:
    """Only a schema sip wrote may be replaced without asking."""
    try:
        return json.loads(old).get("$id") in (SCHEMA_ID, *_EARLIER_IDS)
    except (ValueError, AttributeError):
        return False
