"""A long run keeps each file's diagnostics and facts packed, from 1,000 files on disk
(sip/check/result.py): what it writes is what a run that kept every object writes, in every
format, including what the rules over the run add to a file (SIP203, SIP205, a waiver of them)."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from conftest import EXAMPLES, ROOT

from sip.check import run as run_module
from sip.check.config import Settings
from sip.check.run import validate
from sip.output.formats import Style, names, writer
from sip.read.discover import plan_files

CASES = ROOT / "tests" / "rules" / "cases"
FOLDERS = sorted(p for p in CASES.iterdir() if p.name.startswith(("SIP202", "SIP203", "SIP204", "SIP205")))


def written(run, format: str) -> str:
    stream = io.StringIO()
    writer("validate", format)(run, stream, Style(excerpts=format == "text"))
    return stream.getvalue()


@pytest.mark.parametrize("spill_from", [1, 10_000])
def test_packed_runs_write_what_unpacked_runs_write(monkeypatch, spill_from):
    monkeypatch.setattr(run_module, "SPILL_FROM", spill_from)
    settings = Settings(as_of=dt.date(2026, 8, 10))
    files = [f for folder in [*FOLDERS, EXAMPLES] for f in plan_files([str(folder)])]
    plain = validate(files, settings)
    packed = validate(files, settings, compact=True)
    assert {d.code for d in plain.diagnostics} >= {"SIP203", "SIP205", "SIP204"}
    assert list(packed.diagnostics) == list(plain.diagnostics)
    assert len(packed.diagnostics) == len(plain.diagnostics)
    assert [packed.diagnostics[i] for i in range(len(plain.diagnostics))] == list(plain.diagnostics)
    assert (packed.errors, packed.warnings, packed.waived) == (plain.errors, plain.warnings, plain.waived)
    for format in names("validate"):
        assert written(packed, format) == written(plain, format), format
    assert [r.item_ids for r in packed.results] == [r.item_ids for r in plain.results]
    assert [r.facts for r in packed.results] == [r.facts for r in plain.results]


def test_the_json_format_is_written_as_json_dump_would():
    settings = Settings(as_of=dt.date(2026, 8, 10))
    run = validate(plan_files([str(EXAMPLES)]), settings, compact=True)
    from sip.output.diagnostics.json_format import document

    assert written(run, "json") == json.dumps(document(run), ensure_ascii=False, indent=2) + "\n"
