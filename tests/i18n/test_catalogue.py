"""The two catalogues: same keys, same fields, every key used, every language check the same."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from ikm_analysis.clean.issues import REASON_CODES, describe_reason
from ikm_analysis.i18n import LANGS, UnknownLanguageError, catalogue, check_lang, text
from ikm_analysis.metrics.growth_rates import UNAVAILABLE_REASONS

PACKAGE = Path(__file__).resolve().parents[2] / "ikm_analysis"
FIELD = re.compile(r"{(\w*)}")


def test_both_catalogues_have_the_same_keys_in_the_same_order():
    assert list(catalogue("id")) == list(catalogue("en"))


@pytest.mark.parametrize("key", list(catalogue("id")))
def test_both_languages_fill_in_the_same_fields(key):
    indonesian, english = catalogue("id")[key], catalogue("en")[key]
    assert indonesian.strip() and english.strip()
    assert set(FIELD.findall(indonesian)) == set(FIELD.findall(english))


@pytest.mark.parametrize("lang", LANGS)
def test_catalogues_are_well_formed_gettext_files(lang):
    with (PACKAGE / "i18n" / f"{lang}.po").open("rb") as stream:
        messages = read_po(stream, locale=lang)
    assert messages.locale.language == lang
    assert not any(message.fuzzy for message in messages if message.id)
    # "#, python-brace-format" marks exactly the texts with fields, so Poedit checks them
    entries = (PACKAGE / "i18n" / f"{lang}.po").read_text(encoding="utf-8").split("\n\n")
    for entry in entries:
        if "msgid" in entry and 'msgid ""\nmsgstr ""\n"Language' not in entry:
            string = entry.split("msgstr", 1)[1]
            assert ("#, python-brace-format" in entry) == bool(FIELD.search(string)), entry


def test_every_key_is_used_by_the_package():
    notebooks = PACKAGE.parent / "notebooks"
    code = "\n".join(path.read_text(encoding="utf-8").replace('\\"', '"') for path in
                     [*PACKAGE.rglob("*.py"), *notebooks.glob("*.ipynb")])
    prefixes = ("reason_", "no_rate_", "qualifier_", "city_", "caveat_", "cli_", "input_",
                "column_", "error_", "sheet_", "fate_", "row_", "assume_", "field_",
                # families: tests/report/test_page.py, tests/metrics/test_reconciliation.py
                "nav_", "index_desc_", "index_edition_", "reconcile_jumlah_", "month_",
                "umkm_version_")  # ... and tests/report/test_published_tables.py
    unused = [key for key in catalogue("id") if not key.startswith(prefixes)
              and f'"{key}"' not in code]
    assert unused == []


def test_every_reason_code_has_a_sentence():
    for code in REASON_CODES:
        for lang in LANGS:
            assert describe_reason(code, "12", lang)
    assert {key[len("reason_"):].removesuffix("_short") for key in catalogue("id")
            if key.startswith("reason_")} == {*REASON_CODES, "suggestion"}
    assert {key[len("no_rate_"):] for key in catalogue("en") if key.startswith("no_rate_")} == set(
        UNAVAILABLE_REASONS)


@pytest.mark.parametrize("call", [
    lambda: check_lang("fr"), lambda: text("total", "fr"), lambda: catalogue("EN"),
    lambda: describe_reason("unknown_status", lang="de"),
], ids=["check_lang", "text", "catalogue", "describe_reason"])
def test_an_unknown_language_is_one_error_everywhere(call):
    with pytest.raises(UnknownLanguageError, match="unknown language"):
        call()


def test_unknown_key_and_missing_field_are_errors():
    with pytest.raises(KeyError):
        text("no_such_key")
    with pytest.raises(KeyError):
        text("yearly_title", "id")  # {year} not given


@pytest.mark.parametrize(("lang", "wrong"), [
    ("id", re.compile(r"[\d}]%")),  # Indonesian: 44,8 % (a space before the sign)
    ("en", re.compile(r"[\d}] %")),  # English: 44.8% (none)
])
def test_percent_signs_are_written_as_the_language_writes_them(lang, wrong):
    assert [key for key, message in catalogue(lang).items() if wrong.search(message)] == []
