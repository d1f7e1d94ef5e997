"""Changing plans in place through ruamel.yaml's round trip, so comments and layout stay."""
