"""Every rule is typed against the model, so that mypy checks what it reads of a plan.

(An unannotated `plan` would satisfy the Rule protocol of sip/rules/context.py as Any, and
mypy would then check nothing the rule reads.)
"""

from __future__ import annotations

import pytest

from sip.rules import REGISTRY

PLAN_RULES = [rule for rule in REGISTRY if rule.check is not None]


@pytest.mark.parametrize("rule", PLAN_RULES, ids=lambda rule: rule.CODE)
def test_check_takes_the_models_plan(rule):
    assert rule.check.__annotations__.get("plan") == "Plan", (
        f"{rule.__name__}.check(plan, ...): annotate plan as sip.model.Plan "
        "(imported under TYPE_CHECKING, as the other rules do)"
    )
