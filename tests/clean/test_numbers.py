import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ikm_analysis.clean.numbers import parse_id_number, parse_id_numbers
from ikm_analysis.i18n.formatting import format_id_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("92.799", 92799.0, id="thousands-dot"),
        pytest.param("1.500.000,00", 1500000.0, id="thousands-and-decimal"),
        pytest.param("Rp 15.000.000", 15000000.0, id="rupiah-prefix"),
        pytest.param("Rp. 15.000.000,-", 15000000.0, id="rupiah-dot-and-dash-cents"),
        pytest.param("Rp15.000", 15000.0, id="rupiah-no-space"),
        pytest.param("IDR 2,5 miliar", 2.5e9, id="idr-miliar"),
        pytest.param("12,5", 12.5, id="decimal-comma"),
        pytest.param("1,5 juta", 1.5e6, id="juta"),
        pytest.param("1,5jt", 1.5e6, id="jt-no-space"),
        pytest.param("2 M", 2e9, id="M-is-miliar"),
        pytest.param("500 rb", 5e5, id="rb"),
        pytest.param("3 ribu", 3e3, id="ribu"),
        pytest.param("5 orang", 5.0, id="counting-word"),
        pytest.param("-3", -3.0, id="negative"),
        pytest.param("  1.000 ", 1000.0, id="spaces"),
        pytest.param("1\u00a0000", None, id="nbsp-inside-is-not-a-separator"),
    ],
)
def test_parse_id_number_examples(text, expected):
    if expected is None:
        with pytest.raises(ValueError, match="not a number"):
            parse_id_number(text)
    else:
        assert parse_id_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "-", "–", "—", "   ", None, float("nan"), pd.NA])
def test_missing_cells_are_none_not_zero(text):
    assert parse_id_number(text) is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("12.5", id="dot-decimal-is-ambiguous"),
        pytest.param("1.50", id="dot-then-two-digits"),
        pytest.param("1.000.00", id="broken-groups"),
        pytest.param("abc", id="words"),
        pytest.param("2 kg", id="unknown-unit"),
        pytest.param(True, id="boolean"),
        pytest.param(float("inf"), id="infinity"),
    ],
)
def test_invalid_cells_raise(text):
    with pytest.raises(ValueError):
        parse_id_number(text)


def test_english_format_on_request():
    assert parse_id_number("1,500,000.50", number_format="en") == 1500000.5
    with pytest.raises(ValueError):
        parse_id_number("1.500.000,50", number_format="en")


def test_numbers_from_excel_are_taken_as_they_are():
    assert parse_id_number(1500000.5) == 1500000.5
    parsed = parse_id_numbers(pd.Series([1, 2.5, None], dtype="Float64"))
    assert parsed.numbers.tolist() == [1.0, 2.5, pd.NA]
    assert not parsed.is_invalid.any()


def test_vector_parse_keeps_index_and_marks_only_invalid():
    values = pd.Series(["92.799", "x", None, "-", 7], index=[10, 11, 12, 13, 14], dtype=object)
    parsed = parse_id_numbers(values)
    assert parsed.numbers.index.tolist() == [10, 11, 12, 13, 14]
    assert parsed.is_invalid.tolist() == [False, True, False, False, False]
    assert parsed.numbers.isna().tolist() == [False, True, True, True, False]


def test_unknown_number_format_is_an_error():
    with pytest.raises(ValueError, match="number format"):
        parse_id_numbers(pd.Series(["1"]), number_format="fr")


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_formatted_integers_parse_back(value):
    assert parse_id_number(format_id_number(value)) == value


@given(st.integers(min_value=0, max_value=10**13), st.sampled_from(["", "Rp ", "Rp. ", "IDR "]))
def test_rupiah_amounts_parse_back(cents, prefix):
    value = cents / 100
    text = prefix + format_id_number(value, decimals=2)
    assert parse_id_number(text) == pytest.approx(value, rel=1e-12, abs=1e-9)


@given(
    st.integers(min_value=0, max_value=999_999),
    st.sampled_from([("ribu", 1e3), ("rb", 1e3), ("juta", 1e6), ("jt", 1e6), ("miliar", 1e9),
                     ("M", 1e9)]),
)
def test_multiplier_words_scale(value, unit):
    word, factor = unit
    assert parse_id_number(f"{format_id_number(value)} {word}") == value * factor


@given(st.integers(min_value=0, max_value=10**12))
def test_english_round_trip(value):
    assert parse_id_number(format_id_number(value, lang="en"), number_format="en") == value


@given(st.one_of(st.text(max_size=20), st.floats(allow_nan=True), st.integers(), st.none()))
def test_parser_never_crashes_and_flags_what_it_cannot_read(value):
    parsed = parse_id_numbers(pd.Series([value], dtype=object))
    result, invalid = parsed.numbers.iloc[0], bool(parsed.is_invalid.iloc[0])
    if invalid:
        assert pd.isna(result)
    elif not pd.isna(result):
        assert math.isfinite(result)
