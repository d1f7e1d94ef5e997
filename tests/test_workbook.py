"""`sip export` and `sip import`: the supplier's workbook there and back, with comments kept."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import shutil

import openpyxl
import pytest

from sip.read.loader import load
from tests.conftest import EXAMPLES
from tests.workbooks import edit, exported, row_of

EXAMPLE_NAMES = sorted(p.name for p in EXAMPLES.glob("*.yaml"))
DAY = dt.date(2026, 8, 9)  # the day before the examples' as-of date


def _columns(sheet) -> dict[str, str]:
    return {cell.value: cell.column_letter for cell in sheet[1]}


def _supplier_edits(book) -> tuple[dict[str, object], list[tuple[str, str, object]]]:
    """What a supplier would change in this workbook, choosing from its drop-downs (an open
    action done, a done one verified by a service provider with workers interviewed, money
    paid), and the same as (item id, field, value) in the plan."""
    workbook = openpyxl.load_workbook(book)
    actions, cells, expected = workbook["Actions"], {}, []
    col = _columns(actions)
    rows = [[c.value for c in row] for row in actions.iter_rows(min_row=2)]
    header = [c.value for c in actions[1]]
    by = [dict(zip(header, r, strict=True)) for r in rows]
    verifier = workbook["lists"]["C1"].value  # the first service provider: "SP-1: its name"
    opened = next((n for n, r in enumerate(by) if r["Status"] in ("Planned", "In progress")), None)
    if opened is not None:
        row = opened + 2
        cells |= {f"Actions!{col['Status']}{row}": "Done", f"Actions!{col['Completed']}{row}": DAY}
        expected += [(by[opened]["ID"], "status", "done"), (by[opened]["ID"], "completed", DAY.isoformat())]
    done = next((n for n, r in enumerate(by) if r["Status"] == "Done" and not r["Verified how"]), None)
    if done is not None:
        row = done + 2
        cells |= {
            f"Actions!{col['Status']}{row}": "Verified",
            f"Actions!{col['Verified how']}{row}": "Site visit and 20 worker interviews",
            f"Actions!{col['Verification evidence']}{row}": "Visit notes, 9 August",
            f"Actions!{col['Verified on']}{row}": DAY,
            f"Actions!{col['Verified by']}{row}": verifier,
            f"Actions!{col['Independent verifier']}{row}": "Yes",
            f"Actions!{col['Workers interviewed']}{row}": 20,
        }
        expected += [
            (by[done]["ID"], "status", "verified"),
            (
                by[done]["ID"],
                "verification",
                {
                    "method": "Site visit and 20 worker interviews",
                    "evidence": "Visit notes, 9 August",
                    "date": DAY.isoformat(),
                    "by": verifier.split(":")[0],
                    "independent": True,
                    "workers_interviewed": 20,
                },
            ),
        ]
    instalments = workbook["Instalments"]
    icol = _columns(instalments)
    for row in range(2, instalments.max_row + 1):
        values = {h: instalments[f"{c}{row}"].value for h, c in icol.items()}
        remedy = values["Remedy"].split(":")[0]
        if values["Instalment"] == "Total" and values["Paid so far"] < values["Amount"]:
            paid = min(values["Paid so far"] + 1000, values["Amount"])
            cells[f"Instalments!{icol['Paid so far']}{row}"] = paid
            expected.append((remedy, "amount.paid", paid))
            break
        if values["Instalment"] != "Total" and values["Paid on"] is None:
            cells[f"Instalments!{icol['Paid on']}{row}"] = DAY
            expected.append((remedy, f"schedule.{int(values['Instalment']) - 1}.paid", DAY.isoformat()))
            # amount.paid, where the plan records it, follows the paid instalments.
            paid = sum(
                instalments[f"{icol['Amount']}{r}"].value
                for r in range(2, instalments.max_row + 1)
                if instalments[f"{icol['Remedy']}{r}"].value == values["Remedy"]
                and (instalments[f"{icol['Paid on']}{r}"].value or r == row)
            )
            expected.append((remedy, "amount.paid?", paid))
            break
    return cells, expected


def _apply(data: dict, expected: list[tuple[str, str, object]]) -> dict:
    data = copy.deepcopy(data)
    items = {i["id"]: i for name in ("responses", "improvements") for i in data.get(name, [])}
    for item_id, path, value in expected:
        if path == "amount.paid?":  # only where the plan records what was paid
            if "paid" not in items[item_id]["amount"]:
                continue
            path = "amount.paid"
        holder, *steps = [items[item_id], *path.split(".")]
        for step in steps[:-1]:
            holder = holder[int(step)] if step.isdigit() else holder[step]
        holder[steps[-1]] = value
    return data


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_round_trip_changes_exactly_what_the_supplier_changed(sip, tmp_path, example):
    plan, book = exported(sip, tmp_path, example)
    original = plan.read_text(encoding="utf-8")
    cells, expected = _supplier_edits(book)
    if "status: closed" in original:  # every action verified and paid: nothing left to update
        assert not expected
    else:
        assert len(expected) >= 2, expected  # a status and a date, or more
    edit(book, cells)
    out = sip("import", book, plan)
    assert out.exit_code == 0, out.stderr
    imported = plan.read_text(encoding="utf-8")
    # The plan's data is the original with exactly those changes.
    assert load(imported.encode()).data == _apply(load(original.encode()).data, expected)
    # Only the changed fields' lines were replaced; every comment is where it was.
    removed = [
        line for line in difflib.ndiff(original.splitlines(), imported.splitlines()) if line.startswith("- ")
    ]
    assert all("status:" in line or "paid" in line or "- {due:" in line for line in removed), removed

    def comments(text: str) -> list[str]:
        return [line[line.index("#") :] for line in text.splitlines() if "#" in line]

    assert comments(imported) == comments(original)
    assert out.stdout.startswith(f"--- {plan}\n+++ {plan}\n") if expected else out.stdout == ""
    assert (
        f"applied {len(cells)} change{'s' if len(cells) != 1 else ''} from {book}; 0 already in the plan; 0 conflicts"
        in out.stderr
    ), out.stderr
    assert sip("validate", plan).exit_code == 0
    # The same workbook again changes nothing.
    again = sip("import", book, plan)
    assert again.exit_code == 0 and again.stdout == ""
    assert f"applied 0 changes from {book}; {len(cells)} already in the plan" in again.stderr
    assert plan.read_text(encoding="utf-8") == imported


def test_dry_run_shows_the_diff_and_writes_nothing(sip, tmp_path):
    plan, book = exported(sip, tmp_path)
    before = plan.read_text(encoding="utf-8")
    row = row_of(openpyxl.load_workbook(book)["Actions"], "A-3")
    edit(book, {f"Actions!G{row}": "done", f"Actions!H{row}": DAY})
    out = sip("import", "--dry-run", book, plan)
    assert out.exit_code == 0
    assert "-    status: in-progress\n+    status: done\n+    completed: 2026-08-09\n" in out.stdout
    assert "would apply 2 changes" in out.stderr
    assert plan.read_text(encoding="utf-8") == before


HEADERS = [
    "ID",
    "Kind",
    "Addresses",
    "Action",
    "Owner",
    "Due",
    "Status",
    "Completed",
    "Verified how",
    "Verification evidence",
    "Verified on",
    "Verified by",
    "Independent verifier",
    "Workers interviewed",
    "Contingency",
]


def test_the_workbook_as_the_supplier_sees_it(sip, tmp_path):
    plan, book = exported(sip, tmp_path)
    workbook = openpyxl.load_workbook(book)
    assert workbook.sheetnames == ["Read me", "Actions", "Instalments", "Findings", "lists", "sip"]
    assert workbook.active.title == "Actions"
    assert workbook["sip"].sheet_state == "veryHidden" and workbook["lists"].sheet_state == "hidden"
    actions = workbook["Actions"]
    assert [c.value for c in actions[1]] == HEADERS
    assert actions.freeze_panes == "B2"
    assert actions.protection.sheet and not actions.protection.password
    row = row_of(actions, "A-3")
    assert actions[f"A{row}"].protection.locked and actions[f"D{row}"].protection.locked
    assert all(not actions[f"{c}{row}"].protection.locked for c in "GHIJKLMN")
    assert actions[f"F{row}"].value == dt.datetime(2026, 12, 15)  # a real date
    assert actions[f"F{row}"].number_format == "yyyy-mm-dd"
    dates = [str(v.sqref) for v in actions.data_validations.dataValidation if v.type == "date"]
    assert dates == [f"H2:H{actions.max_row}", f"K2:K{actions.max_row}"]
    whole = [(str(v.sqref), v.formula1) for v in actions.data_validations.dataValidation if v.type == "whole"]
    assert whole == [(f"N2:N{actions.max_row}", "0")]
    amounts = workbook["Instalments"].data_validations.dataValidation
    assert [(v.type, v.operator, v.formula1) for v in amounts] == [
        ("date", "greaterThan", "DATE(1990,1,1)"),
        ("decimal", "greaterThanOrEqual", "0"),
    ]
    rules = [r for rng in actions.conditional_formatting for r in rng.rules]
    assert 'OR($G2="Planned",$G2="In progress")' in rules[0].formula[0] and "TODAY()" in rules[0].formula[0]
    assert workbook["Findings"].protection.sheet
    readme = "\n".join(str(r[0].value) for r in workbook["Read me"].iter_rows() if r[0].value)
    assert (
        "Actions: Status, Completed, Verified how, Verification evidence, Verified on, Verified by, "
        "Independent verifier, Workers interviewed" in readme
    )
    assert "Planned: not started yet" in readme and "Cancelled: will not be done" in readme
    assert (
        "Site: Example Circuits (Penang) Sdn Bhd, Bayan Lepas assembly plant. Plan opened on 2026-07-06."
        in readme
    )
    state = {r[0].value: r[1].value for r in workbook["sip"].iter_rows(max_row=8)}
    import hashlib

    sha = hashlib.sha256(plan.read_bytes()).hexdigest()
    assert state["plan id"] == "SIP-2026-011" and state["plan sha256"] == sha
    assert state["plan file"] == str(plan) and state["language"] == "en" and state["opened"] == "2026-07-06"
    assert workbook.custom_doc_props["sip-workbook"].value == sha


def test_the_verifier_is_reported_in_its_own_columns(sip, tmp_path):
    """Issue 21: a supplier reports who verified an action (a party or service provider of
    the plan, from a drop-down), whether they are independent, and how many workers they
    interviewed; import writes them to verification.by, .independent, .workers_interviewed."""
    plan, book = exported(sip, tmp_path)
    workbook = openpyxl.load_workbook(book)
    actions, lists = workbook["Actions"], workbook["lists"]
    a1, a2 = row_of(actions, "A-1"), row_of(actions, "A-2")
    assert [actions[f"{c}{a1}"].value for c in "LMN"] == [
        "P-1: Example Social Compliance Services",
        "Yes",
        60,
    ]
    assert actions[f"N{a1}"].number_format == "#,##0"
    verifiers = [c.value for c in lists["C"] if c.value]
    assert verifiers[:2] == [
        "SP-1: Example Migrant Workers Network Penang",
        "SP-2: Example Electronics Industry Workers Union...",  # shortened
    ]
    assert "P-1: Example Social Compliance Services" in verifiers
    by_formula = {
        str(v.sqref): v.formula1 for v in actions.data_validations.dataValidation if v.type == "list"
    }
    assert by_formula[f"L2:L{actions.max_row}"] == f"lists!$C$1:$C${len(verifiers)}"
    assert by_formula[f"M2:M{actions.max_row}"] == "lists!$B$1:$B$2"
    assert by_formula[f"G2:G{actions.max_row}"] == "lists!$A$1:$A$5"
    assert [c.value for c in lists["A"]] == ["Planned", "In progress", "Done", "Verified", "Cancelled"]
    # A-2 is done: the supplier verifies it, choosing from the lists.
    edit(
        book,
        {
            f"Actions!G{a2}": "Verified",
            f"Actions!I{a2}": "Interviews with 40 workers in Nepali and Bengali",
            f"Actions!J{a2}": "SP-1 interview notes",
            f"Actions!K{a2}": DAY,
            f"Actions!L{a2}": verifiers[0],
            f"Actions!M{a2}": "No",
            f"Actions!N{a2}": 40,
        },
    )
    out = sip("import", "--dry-run", book, plan)
    assert out.exit_code == 0, out.stderr
    assert (
        "+    verification:\n"
        "+      method: Interviews with 40 workers in Nepali and Bengali\n"
        "+      evidence: SP-1 interview notes\n"
        "+      date: 2026-08-09\n"
        "+      by: SP-1\n"
        "+      independent: false\n"
        "+      workers_interviewed: 40\n"
    ) in out.stdout
    # Typed, not chosen: an id alone is taken; anything else is refused at the cell.
    edit(book, {f"Actions!L{a2}": "SP-2", f"Actions!M{a2}": "yes"})
    out = sip("import", "--dry-run", book, plan)
    assert out.exit_code == 0 and "+      by: SP-2\n+      independent: true\n" in out.stdout
    edit(book, {f"Actions!L{a2}": "Mr Tan from HR", f"Actions!M{a2}": "maybe", f"Actions!N{a2}": 12.5})
    out = sip("import", book, plan)
    assert out.exit_code == 2
    assert (
        f"Actions!L{a2}: 'Mr Tan from HR' is not one of the plan's parties or service providers; "
        "choose one from the list (the plan's owner adds a new verifier to the plan first)\n"
        f"Actions!M{a2}: 'maybe' is neither Yes nor No\n"
        f"Actions!N{a2}: 12.5 is not a whole number; enter a number of workers, 0 or more\n"
    ) in out.stderr


def test_labels_a_person_reads_and_the_tokens_kept(sip, tmp_path):
    """Issue 21: cells show labels, not tokens; the hidden sheet keeps the tokens; amounts
    show their currency's decimals and thousands separators."""
    import json

    plan, book = exported(sip, tmp_path)
    workbook = openpyxl.load_workbook(book)
    actions = workbook["Actions"]
    a3, ms1 = row_of(actions, "A-3"), row_of(actions, "MS-1")
    assert actions[f"B{a3}"].value == "Remedy: Reimbursement of recruitment fees and costs"
    assert actions[f"C{a3}"].value == "F-1: Migrant workers paid..."
    assert actions[f"G{a3}"].value == "In progress"
    assert actions[f"B{ms1}"].value == "Improvement: Policy"
    assert actions[f"C{ms1}"].value.startswith("RC-1: ")  # a root cause, by its cause
    findings = workbook["Findings"]
    assert findings["C2"].value == "Critical (zero tolerance)"
    assert "Retention of identity documents" in findings.cell(row_of(findings, "F-2"), 4).value.split("\n")
    instalments = workbook["Instalments"]
    total = row_of(instalments, "Total", column=2)
    assert instalments[f"A{total}"].value == "A-7: Refund every housing deduction taken since..."
    assert instalments[f"D{total}"].value == 702000  # MYR
    assert instalments[f"D{total}"].number_format == "#,##0.00"
    state = {
        (r[0].value, r[1].value): (r[2].value, r[3].value) for r in workbook["sip"].iter_rows(min_row=11)
    }
    values, shown = (json.loads(t) for t in state[("Actions", "A-3")])
    assert values["status"] == "in-progress" and shown["status"] == "In progress"
    assert values["kind"] == "remedy: reimbursement" and "action" not in shown  # shown as it is
    values, shown = (json.loads(t) for t in state[("Instalments", "A-7#total")])
    assert values["instalment"] == "total" and shown["instalment"] == "Total"


def test_amounts_are_shown_with_their_currency_minor_units():
    from sip.output.workbook_cells import amount_format

    assert amount_format("MYR") == "#,##0.00"
    assert amount_format("JPY") == "#,##0"
    assert amount_format("KWD") == "#,##0.000"
    assert amount_format("XAU") == "#,##0.####"


def test_export_never_replaces_a_file_without_force(sip, tmp_path):
    """Not even a workbook sip exported: it may be the supplier's, returned and not imported yet."""
    plan, book = exported(sip, tmp_path)
    row = row_of(openpyxl.load_workbook(book)["Actions"], "A-3")
    returned = edit(book, {f"Actions!G{row}": "done"}).read_bytes()
    out = sip("export", plan, "-o", book)
    assert out.exit_code == 2
    assert (
        f"sip: {book}: exists; sip export never replaces a workbook (it may be one a supplier returned): "
        in out.stderr
    )
    assert "use --force to replace it" in out.stderr
    assert book.read_bytes() == returned
    other = tmp_path / "budget.xlsx"
    other.write_bytes(b"not sip's")
    out = sip("export", plan, "-o", other)
    assert out.exit_code == 2 and other.read_bytes() == b"not sip's"
    assert sip("export", plan, "-o", other, "--force").exit_code == 0
    assert openpyxl.load_workbook(other)["Actions"][f"G{row}"].value != "done"
    out = sip("export", plan, "-o", tmp_path / "tracker.csv")
    assert out.exit_code == 2 and "an .xlsx file" in out.stderr


def test_export_of_a_plan_sip_cannot_read_fails(sip, write):
    plan = write("plan.yaml", "sip: 1\nid: [\n")
    out = sip("export", plan, "-o", plan.with_suffix(".xlsx"))
    assert out.exit_code == 1
    assert "SIP001" in out.stderr and "nothing exported" in out.stderr
    assert not plan.with_suffix(".xlsx").exists()


def test_a_change_that_would_add_errors_is_not_written(sip, tmp_path):
    plan, book = exported(sip, tmp_path)
    before = plan.read_text(encoding="utf-8")
    row = row_of(openpyxl.load_workbook(book)["Actions"], "A-3")
    edit(book, {f"Actions!G{row}": "verified"})  # no completed date, no verification
    out = sip("import", book, plan)
    assert out.exit_code == 1
    assert "SIP502" in out.stderr and "SIP503" in out.stderr
    assert "nothing written: the import would leave" in out.stderr
    assert plan.read_text(encoding="utf-8") == before


def test_changes_on_both_sides_are_merged_and_conflicts_left_as_in_git(sip, tmp_path):
    plan, book = exported(sip, tmp_path)
    actions = openpyxl.load_workbook(book)["Actions"]
    a3, a7 = row_of(actions, "A-3"), row_of(actions, "A-7")
    assert actions[f"G{a3}"].value == "In progress" and actions[f"G{a7}"].value == "Planned"
    # Since the export, the plan changed in git: A-3 cancelled (with a comment).
    text = plan.read_text(encoding="utf-8")
    a3_at = text.index("- id: A-3")
    changed = text[:a3_at] + text[a3_at:].replace(
        "    status: in-progress\n", "    status: cancelled  # agreed 2026-08-08\n", 1
    )
    plan.write_text(changed, encoding="utf-8")
    # Meanwhile the supplier marked A-3 in progress as done, and started A-7.
    edit(book, {f"Actions!G{a3}": "done", f"Actions!G{a7}": "in-progress"})
    out = sip("import", book, plan)
    assert out.exit_code == 1
    assert out.stderr.startswith(
        f"conflict: Actions!G{a3}: A-3 status was changed in the plan ('in-progress' to "
        "'cancelled') and in the workbook (to 'done'); the plan's value is kept\n"
    )
    assert "applied 1 change from" in out.stderr and "1 conflict" in out.stderr
    merged = plan.read_text(encoding="utf-8")
    a7_status = changed.index("    status: planned\n", changed.index("- id: A-7"))
    assert merged == changed[:a7_status] + "    status: in-progress\n" + changed[a7_status + 20 :]


SCHEDULE = """    amount:
      committed: 850000
      paid: 340000
      currency: USD
    schedule:                           # three instalments agreed with the workers
      - due: 2026-08-05
        amount: 340000
        paid: 2026-08-05
      - due: 2026-09-30
        amount: 255000
      - due: 2026-10-31
        amount: 255000
"""


def test_an_instalment_paid_on_a_schedule(sip, tmp_path):
    from sip.model.actions import Response

    if "schedule" not in Response.model_fields:
        pytest.skip("format 1.1's instalments (responses[].schedule) are not in the models yet")
    plan = tmp_path / "plan.yaml"
    text = (EXAMPLES / "spec-example.yaml").read_text(encoding="utf-8")
    start = text.index("    amount:")
    end = text.index("    basis:", start)
    plan.write_text(text[:start] + SCHEDULE + text[end:], encoding="utf-8")
    book = tmp_path / "tracker.xlsx"
    assert sip("export", "--as-of", "2026-08-10", plan, "-o", book).exit_code == 0
    sheet = openpyxl.load_workbook(book)["Instalments"]
    remedy = "A-2: Repay recruitment fees and related costs in full..."
    assert [[c.value for c in row] for row in sheet.iter_rows(min_row=2, max_col=6)] == [
        [remedy, "1", dt.datetime(2026, 8, 5), 340000, "USD", dt.datetime(2026, 8, 5)],
        [remedy, "2", dt.datetime(2026, 9, 30), 255000, "USD", None],
        [remedy, "3", dt.datetime(2026, 10, 31), 255000, "USD", None],
    ]
    assert sheet["D2"].number_format == "#,##0.00"  # US dollars have cents
    assert sheet["F3"].protection.locked is False and sheet["G3"].protection.locked is True
    edit(book, {"Instalments!F3": DAY})
    out = sip("import", "--as-of", "2026-08-10", book, plan)
    assert out.exit_code == 0, out.stderr
    assert "also: A-2 amount.paid: 340000 -> 595000 (the sum of the paid instalments)" in out.stderr
    assert (
        "-      paid: 340000\n+      paid: 595000\n" in out.stdout
        and "       - due: 2026-09-30\n         amount: 255000\n+        paid: 2026-08-09\n" in out.stdout
    ), out.stdout
    edit(book, {"Instalments!G3": 1})
    out = sip("import", "--as-of", "2026-08-10", book, plan)
    assert out.exit_code == 2 and "Instalments!G3: this cell (Paid so far) is locked" in out.stderr


def test_text_that_looks_like_a_formula_is_exported_as_text(sip, tmp_path):
    plan, _ = exported(sip, tmp_path)
    text = plan.read_text(encoding="utf-8")
    hostile = '=HYPERLINK("http://example.com/x","Click")'
    plan.write_text(
        text.replace("    owner: Supplier HR Director\n", f"    owner: '{hostile}'\n", 1), encoding="utf-8"
    )
    book = tmp_path / "again.xlsx"
    assert sip("export", plan, "-o", book).exit_code == 0
    sheet = openpyxl.load_workbook(book)["Actions"]
    owner = sheet[f"E{row_of(sheet, 'A-1')}"]
    assert owner.value == hostile and owner.data_type == "s"  # text, never evaluated
    out = sip("import", book, plan)
    assert out.exit_code == 0 and out.stdout == "", out.stderr


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_editing_only_the_changed_items_gives_what_a_whole_round_trip_gives(
    sip, tmp_path, monkeypatch, example
):
    import sip.edit.workbook_import as workbook_import

    plan, book = exported(sip, tmp_path, example)
    cells, _ = _supplier_edits(book)
    edit(book, cells)
    whole = tmp_path / "whole.yaml"
    shutil.copy(plan, whole)
    spans = []
    real_spans = workbook_import._spans
    monkeypatch.setattr(workbook_import, "_spans", lambda *a: spans.append(real_spans(*a)) or spans[-1])
    assert sip("import", book, plan).exit_code == 0
    assert not cells or spans[0]  # the items' own lines were used
    monkeypatch.setattr(workbook_import, "_spans", lambda *a: None)
    assert sip("import", book, whole).exit_code == 0
    assert plan.read_text(encoding="utf-8") == whole.read_text(encoding="utf-8")


def test_multi_line_text_comes_back_unchanged(sip, tmp_path):
    plan, _ = exported(sip, tmp_path)
    text = plan.read_text(encoding="utf-8")
    at = text.index("    action: ", text.index("- id: A-1"))
    end = text.index("\n", at)
    plan.write_text(
        text[:at] + "    action: |\n      Return every passport.\n      Lockers for all.\n" + text[end + 1 :],
        encoding="utf-8",
    )
    book = tmp_path / "multi.xlsx"
    assert sip("export", plan, "-o", book).exit_code == 0
    sheet = openpyxl.load_workbook(book)["Actions"]
    assert sheet[f"D{row_of(sheet, 'A-1')}"].value == "Return every passport.\nLockers for all.\n"
    out = sip("import", book, plan)
    assert out.exit_code == 0 and "applied 0 changes" in out.stderr, out.stderr


def test_text_a_cell_cannot_hold_comes_back_as_exported(sip, tmp_path):
    """A control character XML forbids is written as U+FFFD; the plan's own text is compared
    the same way, so the workbook is still the plan's and its rows still its items."""
    plan, _ = exported(sip, tmp_path)
    text = plan.read_text(encoding="utf-8")
    text = text.replace(
        "  name: Example Circuits (Penang) Sdn Bhd, Bayan Lepas assembly plant\n",
        '  name: "Example Circuits (Penang) Sdn Bhd, Bayan Lepas \\aassembly plant"\n',
    )
    text = text.replace(
        "    action: Return every passport to its holder;",
        '    action: "Return\\x01 every passport to its holder;',
    ).replace("keys held by workers\n", 'keys held by workers"\n', 1)
    plan.write_text(text, encoding="utf-8")
    assert sip("validate", plan).exit_code in (0, 1)
    book = tmp_path / "control.xlsx"
    out = sip("export", plan, "-o", book)
    assert out.exit_code == 0, out.stderr
    row = row_of(openpyxl.load_workbook(book)["Actions"], "A-1")
    assert "\ufffd" in openpyxl.load_workbook(book)["Actions"][f"D{row}"].value
    edit(book, {f"Actions!J{row}": "Audit report section 3.2"})
    out = sip("import", "--dry-run", book, plan)
    assert out.exit_code == 0, out.stderr
    assert (
        "-      evidence: Audit report section 3.1\n+      evidence: Audit report section 3.2\n" in out.stdout
    )


def test_confidential_items_stay_out_of_the_supplier_workbook_unless_asked(sip, tmp_path):
    """A finding kept from the public may be one a worker raised: the site it is about gets the
    workbook, so neither the finding's title nor a confidential action goes in by default."""
    plan = tmp_path / "electronics-penang.yaml"
    text = (EXAMPLES / "electronics-penang.yaml").read_text("utf-8")
    text = text.replace("  - id: F-2\n", "  - id: F-2\n    confidential: true\n", 1)
    text = text.replace("  - id: A-6\n", "  - id: A-6\n    confidential: true\n", 1)
    plan.write_text(text, "utf-8")
    shutil.copy(EXAMPLES / "sip.toml", tmp_path / "sip.toml")
    secret = "Passports of migrant workers held"

    def cells(book) -> str:
        workbook = openpyxl.load_workbook(book)
        return "\n".join(
            str(c.value)
            for name in ("Actions", "Instalments", "Findings")
            for row in workbook[name].iter_rows()
            for c in row
            if c.value is not None
        )

    out = sip("export", plan, "-o", tmp_path / "to-supplier.xlsx")
    assert out.exit_code == 0, out.stderr
    assert "left out 2 confidential findings or actions (--include-confidential puts them in)" in out.stderr
    shown = cells(tmp_path / "to-supplier.xlsx")
    assert secret[:30] not in shown and "A-6" not in shown
    assert "F-1" in shown and "F-2" in shown  # an action addressing F-2 names it by id alone
    # the supplier's workbook without them still imports
    book = openpyxl.load_workbook(tmp_path / "to-supplier.xlsx")
    actions = book["Actions"]
    status = next(c.column_letter for c in actions[1] if c.value == "Status")
    row = row_of_prefix(actions, "A-7")
    edit(tmp_path / "to-supplier.xlsx", {f"Actions!{status}{row}": "In progress"})
    out = sip("import", tmp_path / "to-supplier.xlsx", plan)
    assert out.exit_code == 0, out.stderr
    out = sip("export", plan, "-o", tmp_path / "internal.xlsx", "--include-confidential")
    assert out.exit_code == 0, out.stderr
    assert "left out" not in out.stderr
    shown = cells(tmp_path / "internal.xlsx")
    assert secret[:30] in shown and "A-6" in shown


def row_of_prefix(sheet, prefix: str) -> int:
    for row in range(2, sheet.max_row + 1):
        if str(sheet.cell(row, 1).value or "").startswith(prefix):
            return row
    raise AssertionError(f"{prefix} not in {sheet.title}")
