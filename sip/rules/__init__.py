"""Every diagnostic code sip reports, one module each; the module's docstring is its documentation.

SIP0xx and SIP1xx are found while loading and validating the format (their modules
only document them); SIP2xx-SIP6xx are rules run over a plan that validated.
"""

from __future__ import annotations

from types import ModuleType

from sip.rules import (
    sip001_yaml_syntax,
    sip002_duplicate_key,
    sip003_format_version,
    sip004_unreadable_file,
    sip101_missing_field,
    sip102_wrong_value,
    sip103_unknown_field,
)

REGISTRY: tuple[ModuleType, ...] = (
    sip001_yaml_syntax,
    sip002_duplicate_key,
    sip003_format_version,
    sip004_unreadable_file,
    sip101_missing_field,
    sip102_wrong_value,
    sip103_unknown_field,
)

BY_CODE: dict[str, ModuleType] = {rule.CODE: rule for rule in REGISTRY}
SEVERITIES: dict[str, str] = {rule.CODE: rule.SEVERITY for rule in REGISTRY}
# SIP0xx and SIP1xx make a file unreadable as a plan; SIP204 is about waivers themselves.
WAIVABLE_CODES = frozenset(code for code in BY_CODE if code >= "SIP2" and code != "SIP204")
