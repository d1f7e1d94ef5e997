"""Facts about the plan format that need no pydantic: its version, list names and nouns,
vocabularies, countries, currencies, dates, the diagnostic codes, personal-data shapes and
the words messages use for them. Everything else builds on these; they import nothing of sip
but `sip.diagnostic`."""
