"""Repeats found by sorting equal pandas' duplicated()."""

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from ikm_analysis._fast.repeats import first_occurrences, occurs_more_than_once


@given(st.lists(st.one_of(st.none(), st.sampled_from(["A1", "A2", "a1", "B"])), max_size=30),
       st.sampled_from([object, "string", "category"]))
def test_first_occurrences_equals_pandas_duplicated(cells, dtype):
    values = pd.Series(cells, dtype=dtype).dropna()
    codes, _ = pd.factorize(values)
    assert first_occurrences(codes).tolist() == (~values.duplicated(keep="first")).tolist()


@given(st.lists(st.one_of(st.integers(0, 5), st.integers(0, 2**62)), max_size=40))
def test_occurs_more_than_once_equals_pandas_duplicated(keys):
    # Small keys take the packed sort; keys near 2**62 do not fit beside their positions.
    expected = pd.Series(keys, dtype="int64").duplicated(keep=False).tolist()
    assert occurs_more_than_once(np.array(keys, dtype=np.int64)).tolist() == expected
