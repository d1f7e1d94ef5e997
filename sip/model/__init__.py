"""The plan format as pydantic models."""

from sip.model.plugins import without_plugins

without_plugins()  # before pydantic builds a model (sip/model/plugins.py)

from sip.model.plan import Plan  # noqa: E402

__all__ = ["Plan"]
