"""The plan format as pydantic models."""

from sip.model.plan import Plan

__all__ = ["Plan"]
