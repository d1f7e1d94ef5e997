"""Where sip is published, and the addresses derived from it: the documentation of each rule
(SARIF's helpUri) and the plan schema's `$id`. pyproject.toml's [project.urls] says the same."""

from __future__ import annotations

from sip.format.version import FORMAT_VERSION

PROJECT_URL = "https://github.com/sip-remediation/sip"
DISTRIBUTION = "sip-remediation"  # the name on package indexes; the command and the import are `sip`
SCHEMA_FILE = f"sip-plan-{FORMAT_VERSION}.schema.json"
# The schema as committed on the main branch: a URL editors can fetch, and the `$id` that
# names the schema wherever a copy of it is kept.
SCHEMA_ID = f"https://raw.githubusercontent.com/sip-remediation/sip/main/schemas/{SCHEMA_FILE}"


def rule_url(code: str) -> str:
    """The rule's section of docs/rules.md (`sip rules --format md` writes its headings)."""
    return f"{PROJECT_URL}/blob/main/docs/rules.md#{code.lower()}"
