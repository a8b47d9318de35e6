"""Parsing each distinct value once gives what parsing every row gives; typed columns too."""

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from ikm_analysis.clean.fields import _parse_kbli, _parse_kbli_distinct
from ikm_analysis.clean.years import parse_years

KBLI = st.sampled_from(["10792", "10.79.2", " 16299 ", "47111", "1", "abc", "", None, "13134",
                        "31 001"])


@settings(max_examples=200, deadline=None)
@given(st.lists(KBLI, min_size=1, max_size=40), st.sampled_from([object, "string"]))
def test_kbli_parsed_once_per_value_equals_row_by_row(cells, dtype):
    values = pd.Series(cells, index=pd.RangeIndex(3, 3 + len(cells)), dtype=dtype)
    for shared, row_by_row in zip(_parse_kbli(values), _parse_kbli_distinct(values), strict=True):
        pd.testing.assert_series_equal(shared, row_by_row)


@given(st.lists(st.one_of(st.none(), st.integers(-3000, 3000)), max_size=30),
       st.sampled_from(["Int64", "Int32", "UInt16"]))
def test_typed_year_columns_read_as_the_same_cells_as_objects(cells, dtype):
    if dtype == "UInt16":
        cells = [None if cell is None else abs(cell) for cell in cells]
    typed = pd.Series(cells, dtype=dtype, index=pd.RangeIndex(2, 2 + len(cells)), name="tahun")
    for fast, per_cell in zip(parse_years(typed), parse_years(typed.astype(object)), strict=True):
        pd.testing.assert_series_equal(fast, per_cell)
    plain = typed.dropna().astype(dtype.lower())  # numpy integers, no missing cells
    for fast, per_cell in zip(parse_years(plain), parse_years(plain.astype(object)), strict=True):
        pd.testing.assert_series_equal(fast, per_cell)
