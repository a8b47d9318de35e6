"""Parsing a text column in Arrow gives exactly what parsing each distinct cell in Python gives."""

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from ikm_analysis.clean.numbers import _parse_cells, parse_id_numbers

# Pieces of money as offices write it, with the hard cases over-represented: separators in the
# wrong places, units, signs, every kind of space, non-ASCII digits and dashes.
PIECES = st.sampled_from([
    "Rp", "Rp.", "rp ", "IDR", "-", ",-", "1", "12", "123", "1.500", ".000", ",5", ",00", "0",
    "9" * 30, " ", "  ", "\t", "\x0b", "\x1c", "\u00a0", "\u2003", "juta", "JT", "M", "m", "rb",
    "ribu", "miliar", "T", "orang", "unit", "٣", "–", "—", "x", ".", ",", "e5", "nan", "inf",
])
SPACE = st.lists(st.sampled_from([" ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1f",
                                  "\u00a0", "\u2003"]), max_size=2).map("".join)
DIGITS = st.sampled_from(["1", "12", "1.500", "1.500.000", "1,5", "1.500,25", "1,500,000",
                          "1,500.25", "12.5", "007", "٣", "1 500"])
WELL_FORMED = st.tuples(SPACE, st.sampled_from(["", "-", "- "]), st.sampled_from(
    ["", "Rp", "Rp.", "RP ", "idr", "Rp -"]), SPACE, DIGITS, st.sampled_from(["", ",-"]), SPACE,
    st.sampled_from(["", "juta", "Jt", "M", "milyar", "rb", "T", "triliun"]),
    st.sampled_from(["", ".", " orang", " unit"]), SPACE).map("".join)
JUNK = st.lists(PIECES, max_size=6).map("".join)
CELLS = st.lists(st.one_of(st.none(), st.text(max_size=8), JUNK, WELL_FORMED), min_size=1,
                 max_size=40)


@settings(max_examples=400, deadline=None)
@given(CELLS, st.sampled_from(["id", "en"]), st.sampled_from([object, "string"]))
def test_arrow_path_equals_python_path(cells, number_format, dtype):
    values = pd.Series(cells, index=pd.RangeIndex(4, 4 + len(cells)), dtype=dtype)
    ours = parse_id_numbers(values, number_format)
    theirs = _parse_cells(values.astype(object), number_format)
    pd.testing.assert_series_equal(ours.numbers, theirs.numbers)
    pd.testing.assert_series_equal(ours.is_invalid, theirs.is_invalid)
