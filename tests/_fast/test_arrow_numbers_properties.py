"""Arrow's value range equals pandas' min and max, missing values, infinities and all."""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from ikm_analysis._fast.arrow_numbers import value_range

_VALUES = st.lists(st.one_of(st.none(), st.floats(allow_nan=False)), max_size=30)


@given(_VALUES)
def test_value_range_is_pandas_min_and_max(values):
    series = pd.Series(values, dtype="Float64")
    smallest, largest = value_range(series)
    if series.notna().any():
        assert (smallest, largest) == (float(series.min()), float(series.max()))
    else:
        assert (smallest, largest) == (None, None)


def test_value_range_of_an_infinite_amount():
    smallest, largest = value_range(pd.Series([1.0, math.inf, None], dtype="Float64"))
    assert (smallest, largest) == (1.0, math.inf)
