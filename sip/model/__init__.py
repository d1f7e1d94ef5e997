"""The plan format as pydantic models."""

from sip.model.plan import ID_LISTS, Plan

__all__ = ["ID_LISTS", "Plan"]
