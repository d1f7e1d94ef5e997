"""Checking plans: one file start to end (`file`), a whole run on every core (`run`, `parallel`),
its results (`result`), pydantic's errors as located messages (`schema_errors`), waivers, and the
run's settings (`config`). Problems are values here; nothing prints or exits."""
