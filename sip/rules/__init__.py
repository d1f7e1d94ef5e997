"""Every diagnostic code sip reports, one module each; the module's docstring is its documentation.

SIP7xx are the requirements of framework profiles (format 1.3; sip/frameworks/): each module
names its FRAMEWORK, and runs only on a plan that framework applies to.

SIP2xx-SIP6xx are rules over a plan that validated, each module holding its detection
(`check`). Some also judge what only the engine sees, in their own modules too: SIP203 and
SIP205 compare the plans of a run (`check_run`, called by sip/check/run.py), as SIP202 does for
`repeats: PLAN-ID/F-n`; SIP204 judges the waivers once applied (`check_waivers`, called by
sip/check/waivers.py). SIP003 is checked on the loaded data before there is a model
(`check_version`). SIP0xx and SIP1xx are found while reading and validating the format, below
the rules (sip/read/loader.py, the model and sip/check/schema_errors.py): their modules document
them and say why (CONTRIBUTING.md, "A model check or a rule?").
"""

from __future__ import annotations

from typing import TypeGuard

from sip.rules import (
    sip001_yaml_syntax,
    sip002_duplicate_key,
    sip003_format_version,
    sip004_unreadable_file,
    sip101_missing_field,
    sip102_wrong_value,
    sip103_unknown_field,
    sip201_duplicate_id,
    sip202_unknown_reference,
    sip203_shared_plan_id,
    sip204_waiver_unused,
    sip205_problem_came_back,
    sip301_finding_without_response,
    sip302_finding_without_root_cause,
    sip303_root_cause_without_improvement,
    sip304_root_cause_without_risk,
    sip305_no_improvements,
    sip306_no_contingency,
    sip307_no_incident_response,
    sip308_termination_before_remedy,
    sip309_no_policy_or_practice,
    sip310_improvements_cannot_change_cause,
    sip401_no_protection,
    sip402_no_restorative_remedy,
    sip403_involuntary_repatriation,
    sip404_no_provider_consulted,
    sip405_unclaimed_money,
    sip406_harm_without_its_remedy,
    sip407_no_worker_engagement,
    sip409_workers_left_out,
    sip410_remedy_below_harm,
    sip411_no_safe_grievance_channel,
    sip412_needs_assessed_by_interested_party,
    sip501_due_too_early,
    sip502_completed_date,
    sip503_no_verification,
    sip504_overdue,
    sip505_open_action_in_finished_plan,
    sip506_late_deadline,
    sip507_effectiveness_not_shown,
    sip508_not_verified_with_workers,
    sip509_independence_contradicted,
    sip510_too_few_workers_heard,
    sip511_judged_effective_too_soon,
    sip601_personal_data,
    sip602_placeholder_text,
    sip603_comment_in_text,
    sip700_far_awareness_program,
    sip701_far_hotline,
    sip702_far_recruitment_and_wage_plan,
    sip703_far_housing_plan,
    sip704_far_agents_and_subcontractors,
    sip705_far_posting,
    sip706_far_annual_certification,
    sip710_lksg_remedial_action,
    sip711_lksg_yearly_review,
    sip712_lksg_complaints_procedure,
    sip713_lksg_procedure_public,
    sip714_lksg_impartial_procedure,
    sip715_lksg_procedure_reviewed,
    sip720_cbp_indicator_not_addressed,
    sip721_cbp_no_unannounced_audit,
    sip730_rba_cap_deadline,
)
from sip.rules.context import Rule, RunRule

REGISTRY: tuple[Rule, ...] = (
    sip001_yaml_syntax,
    sip002_duplicate_key,
    sip003_format_version,
    sip004_unreadable_file,
    sip101_missing_field,
    sip102_wrong_value,
    sip103_unknown_field,
    sip201_duplicate_id,
    sip202_unknown_reference,
    sip203_shared_plan_id,
    sip204_waiver_unused,
    sip205_problem_came_back,
    sip301_finding_without_response,
    sip302_finding_without_root_cause,
    sip303_root_cause_without_improvement,
    sip304_root_cause_without_risk,
    sip305_no_improvements,
    sip306_no_contingency,
    sip307_no_incident_response,
    sip308_termination_before_remedy,
    sip309_no_policy_or_practice,
    sip310_improvements_cannot_change_cause,
    sip401_no_protection,
    sip402_no_restorative_remedy,
    sip403_involuntary_repatriation,
    sip404_no_provider_consulted,
    sip405_unclaimed_money,
    sip406_harm_without_its_remedy,
    sip407_no_worker_engagement,
    sip409_workers_left_out,
    sip410_remedy_below_harm,
    sip411_no_safe_grievance_channel,
    sip412_needs_assessed_by_interested_party,
    sip501_due_too_early,
    sip502_completed_date,
    sip503_no_verification,
    sip504_overdue,
    sip505_open_action_in_finished_plan,
    sip506_late_deadline,
    sip507_effectiveness_not_shown,
    sip508_not_verified_with_workers,
    sip509_independence_contradicted,
    sip510_too_few_workers_heard,
    sip511_judged_effective_too_soon,
    sip601_personal_data,
    sip602_placeholder_text,
    sip603_comment_in_text,
    sip700_far_awareness_program,
    sip701_far_hotline,
    sip702_far_recruitment_and_wage_plan,
    sip703_far_housing_plan,
    sip704_far_agents_and_subcontractors,
    sip705_far_posting,
    sip706_far_annual_certification,
    sip710_lksg_remedial_action,
    sip711_lksg_yearly_review,
    sip712_lksg_complaints_procedure,
    sip713_lksg_procedure_public,
    sip714_lksg_impartial_procedure,
    sip715_lksg_procedure_reviewed,
    sip720_cbp_indicator_not_addressed,
    sip721_cbp_no_unannounced_audit,
    sip730_rba_cap_deadline,
)

BY_CODE: dict[str, Rule] = {rule.CODE: rule for rule in REGISTRY}
SEVERITIES: dict[str, str] = {rule.CODE: rule.SEVERITY for rule in REGISTRY}
# SIP0xx and SIP1xx make a file unreadable as a plan; SIP204 is about waivers themselves.
WAIVABLE_CODES = frozenset(code for code in BY_CODE if code >= "SIP2" and code != "SIP204")


def _over_run(rule: Rule) -> TypeGuard[RunRule]:
    return hasattr(rule, "check_run")


# The framework each framework rule (SIP7xx, format 1.3) belongs to: it runs only on a plan that
# framework applies to (sip/check/file.py's rule_runs). Its profile is in sip/frameworks/.
FRAMEWORK_OF: dict[str, str] = {
    rule.CODE: framework for rule in REGISTRY if (framework := getattr(rule, "FRAMEWORK", None))
}

# Rules that compare the files of a run rather than look inside one plan (`check_run`).
RUN_RULES: tuple[RunRule, ...] = tuple(rule for rule in REGISTRY if _over_run(rule))
RUN_LEVEL_CODES = frozenset(rule.CODE for rule in RUN_RULES)
