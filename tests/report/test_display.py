"""Numbers and tables as reports show them."""

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ikm_analysis.clean.numbers import parse_id_number
from ikm_analysis.report.display import (
    HIDDEN,
    NOT_AVAILABLE,
    format_value,
    format_values,
    html_table,
)


@pytest.mark.parametrize(("value", "lang", "decimals", "kind", "expected"), [
    pytest.param(92799, "id", 0, "number", "92.799", id="thousands-id"),
    pytest.param(92799, "en", 0, "number", "92,799", id="thousands-en"),
    pytest.param(44.8016, "id", 0, "percent", "44,8", id="percent-defaults-to-one-decimal"),
    pytest.param(-71, "id", 0, "signed", "−71", id="minus-sign"),
    pytest.param(71, "id", 0, "signed", "+71", id="plus-sign"),
    pytest.param(0, "id", 1, "signed", "0,0", id="zero-has-no-sign"),
    pytest.param(None, "id", 0, "number", NOT_AVAILABLE, id="none"),
    pytest.param(pd.NA, "en", 0, "number", NOT_AVAILABLE, id="na"),
])
def test_format_value(value, lang, decimals, kind, expected):
    assert format_value(value, lang, decimals, kind) == expected


def test_unknown_kind_is_an_error():
    with pytest.raises(ValueError, match="unknown kind"):
        format_value(1, kind="money")


def test_hidden_cells_print_x_and_missing_cells_a_dash():
    values = pd.Series([5, None, 2], dtype="Int64", index=["a", "b", "c"])
    shown = format_values(values, hidden=pd.Series([False, False, True]))
    assert shown.tolist() == ["5", NOT_AVAILABLE, HIDDEN]
    assert shown.index.tolist() == ["a", "b", "c"]


@given(st.integers(min_value=0, max_value=10**12))
def test_formatted_counts_parse_back(count):
    assert parse_id_number(format_value(count, "id")) == count


def test_html_table_escapes_text_and_keeps_the_id():
    table = html_table(pd.DataFrame({"Nama": ["<b>Kue</b>"], "Unit": ["3"]}), "unit-x")
    assert table.startswith('<table id="unit-x" class="ikm-table">')
    assert "&lt;b&gt;Kue&lt;/b&gt;" in table
    assert "<b>" not in table


def test_columns_of_words_are_aligned_left_and_numbers_right():
    frame = pd.DataFrame({"Indikator": ["Unit", "Sentra"], "Nilai": ["3.823", "lebih dari 3.800"],
                          "Sumber": ["Antara Kalteng", "Republika"], "Kualifikasi": ["x", "–"]})
    rows = html_table(frame, "t").split("<tbody>")[1].splitlines()[1:3]
    assert rows[0] == ('<tr><td class="ikm-text">Unit</td><td>3.823</td>'
                       '<td class="ikm-text">Antara Kalteng</td><td>x</td></tr>')
    assert rows[1].count('class="ikm-text"') == 2


def test_columns_of_sentences_are_marked_to_stay_wide_on_a_phone():
    note = ("Total tercetak 11.191 tidak cocok dengan komponennya sendiri "
            "(309 menengah dan besar + 3.363 kecil)")
    frame = pd.DataFrame({"Tahun": ["2021"], "Catatan": [note]})
    assert '<td class="ikm-text ikm-long">Total tercetak' in html_table(frame, "t")
