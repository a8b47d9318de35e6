"""Work done once per distinct value is spread back to every row, index and order kept."""

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from ikm_analysis._fast.distinct import apply_distinct


@given(st.lists(st.one_of(st.none(), st.text(max_size=3)), min_size=1, max_size=30))
def test_apply_distinct_keeps_index_and_order(cells):
    values = pd.Series(cells, index=pd.RangeIndex(10, 10 + len(cells)), dtype=object)
    lengths, missing = apply_distinct(values, lambda s: (s.fillna("").str.len(), s.isna()))
    pd.testing.assert_series_equal(lengths, values.fillna("").str.len())
    pd.testing.assert_series_equal(missing, values.isna())
