"""The workbook in the supplier's language (`sip export --language`), and the catalogue its
words come from: every word translated, the compiled .mo saying what the .po says, the
.pot holding exactly the words the code marks."""

from __future__ import annotations

import datetime as dt
import gettext
import re
import string
from pathlib import Path

import openpyxl
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from sip.format import vocab
from sip.format import workbook_words as words
from tests.conftest import ROOT
from tests.workbooks import edit, exported, row_of

LOCALE = ROOT / "sip" / "locale"
SHIPPED = [code for code in words.LANGUAGES if code != words.SOURCE_LANGUAGE]
DAY = dt.date(2026, 8, 9)


def _po(code: str):
    with open(LOCALE / code / "LC_MESSAGES" / "sip.po", "rb") as handle:
        return read_po(handle, locale=code)


def _marked() -> set[str]:
    """The words the code marks for translation, in the files babel.cfg names."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    return {
        message if isinstance(message, str) else message[0]
        for _file, _line, message, _comments, _context in extract_from_dir(str(ROOT), method_map, options_map)
    }


def test_the_template_holds_exactly_the_words_the_code_marks():
    with open(LOCALE / "sip.pot", "rb") as handle:
        template = {m.id for m in read_po(handle) if m.id}
    assert template == _marked(), "refresh sip/locale/sip.pot as CONTRIBUTING.md says"


@pytest.mark.parametrize("code", SHIPPED)
def test_every_word_is_translated_with_its_placeholders(code):
    catalogue = _po(code)
    translated = {m.id: m.string for m in catalogue if m.id}
    assert set(translated) == _marked(), f"refresh sip/locale/{code}/LC_MESSAGES/sip.po"
    fields = string.Formatter()
    for english, text in translated.items():
        assert text and not any(m.fuzzy for m in catalogue if m.id == english), english
        names = {f for _, f, _, _ in fields.parse(english) if f}
        assert {f for _, f, _, _ in fields.parse(text) if f} == names, (english, text)
        assert set(re.findall("&[A-Z]", text)) == set(re.findall("&[A-Z]", english)), english  # &P of &N


@pytest.mark.parametrize("code", SHIPPED)
def test_the_compiled_catalogue_says_what_the_po_says(code):
    """The .mo is committed (any install has it, no build step); it must not go stale."""
    with open(LOCALE / code / "LC_MESSAGES" / "sip.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in _po(code):
        if message.id:
            assert compiled.gettext(message.id) == message.string, (
                f"sip/locale/{code}/LC_MESSAGES/sip.mo is stale: `pybabel compile -d sip/locale -D sip`"
            )


def test_every_vocabulary_word_shown_has_its_label():
    assert set(words.STATUS) == set(vocab.ACTION_STATUS) == set(words.STATUS_MEANING)
    assert set(words.KIND) == {*vocab.RESPONSE_KIND, "improvement"} == set(words.KIND_MEANING)
    assert set(words.REMEDY) == set(vocab.REMEDY)
    assert set(words.ELEMENT) == set(vocab.IMPROVEMENT_ELEMENT)
    assert set(words.SEVERITY) == set(vocab.SEVERITY)
    assert set(words.INDICATOR) == set(vocab.INDICATOR)


def test_a_label_means_one_token_in_every_language():
    """Import reads a label of any shipped language: no label may name two statuses."""
    seen: dict[str, str] = {}
    for language in words.every_language():
        for token, label in words.STATUS.items():
            shown = language.gettext(label).casefold()
            assert seen.setdefault(shown, token) == token, (language.language, shown)
            assert words.status_token(language.gettext(label)) == token
    for language in words.every_language():
        assert words.yes_no(language.gettext(words.YES)) is True
        assert words.yes_no(language.gettext(words.NO)) is False


def test_a_workbook_in_bahasa_malaysia(sip, tmp_path):
    plan, _ = exported(sip, tmp_path)
    ms = tmp_path / "ms.xlsx"
    out = sip("export", plan, "-o", ms, "--language", "ms")
    assert out.exit_code == 0, out.stderr
    workbook = openpyxl.load_workbook(ms)
    assert workbook.sheetnames == ["Baca saya", "Tindakan", "Ansuran", "Dapatan", "lists", "sip"]
    actions = workbook["Tindakan"]
    assert [c.value for c in actions[1]][:8] == [
        "ID",
        "Jenis",
        "Dapatan berkaitan",
        "Tindakan",
        "Pihak bertanggungjawab",
        "Tarikh akhir",
        "Status",
        "Tarikh selesai",
    ]
    a3 = row_of(actions, "A-3")
    assert actions[f"G{a3}"].value == "Sedang dijalankan"
    assert actions[f"B{a3}"].value == "Remedi: Bayaran balik yuran dan kos pengambilan"
    assert [c.value for c in workbook["lists"]["A"]] == [
        "Dirancang",
        "Sedang dijalankan",
        "Selesai",
        "Disahkan",
        "Dibatalkan",
    ]
    readme = "\n".join(str(r[0].value) for r in workbook["Baca saya"].iter_rows() if r[0].value)
    assert "Apa yang perlu diisi" in readme and "Isi sel berwarna kuning sahaja" in readme
    assert workbook["sip"]["B7"].value == "ms"  # the language, for import
    assert [v.error for v in actions.data_validations.dataValidation if v.type == "date"][0] == (
        "Masukkan tarikh (TTTT-BB-HH)"
    )


def test_import_reads_any_shipped_language_and_speaks_the_one_asked_for(sip, tmp_path):
    plan, _ = exported(sip, tmp_path)
    ms = tmp_path / "ms.xlsx"
    assert sip("export", plan, "-o", ms, "--language", "ms").exit_code == 0
    a3 = row_of(openpyxl.load_workbook(ms)["Tindakan"], "A-3")
    edit(ms, {f"Tindakan!G{a3}": "Selesai", f"Tindakan!H{a3}": DAY})
    out = sip("import", "--dry-run", ms, plan)
    assert out.exit_code == 0, out.stderr
    assert "-    status: in-progress\n+    status: done\n+    completed: 2026-08-09\n" in out.stdout
    edit(ms, {f"Tindakan!G{a3}": "Siap", f"Tindakan!D{a3}": "Bayar balik"})
    out = sip("import", "--language", "ms", ms, plan)
    assert out.exit_code == 2
    assert (
        f"Tindakan!D{a3}: sel ini (Tindakan) dikunci; nilai asalnya 'Reimburse recruitment fees and "
        "related costs to every cur...'. Ubah dalam pelan, bukan dalam buku kerja\n"
        f"Tindakan!G{a3}: 'Siap' bukan status; pilih salah satu: Dirancang, Sedang dijalankan, Selesai, "
        "Disahkan, Dibatalkan\n"
    ) in out.stderr
    out = sip("import", ms, plan)  # in English by default, the cells named as the workbook names them
    assert f"Tindakan!G{a3}: 'Siap' is not a status; choose one of: Planned, In progress" in out.stderr


def test_an_unknown_language_is_refused(sip, tmp_path):
    plan, book = exported(sip, tmp_path)
    out = sip("export", plan, "-o", tmp_path / "th.xlsx", "--language", "th")
    assert out.exit_code == 2
    assert "'th' is not one of: en, ms" in out.stderr
    assert not (tmp_path / "th.xlsx").exists()
    assert sip("import", "--language", "xx", book, plan).exit_code == 2


def test_the_catalogue_is_in_the_package():
    """sip reads it from the installed package (the wheel carries sip/ whole)."""
    assert Path(words.LOCALE) == LOCALE
    assert (LOCALE / "ms" / "LC_MESSAGES" / "sip.mo").is_file()
