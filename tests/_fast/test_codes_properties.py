"""Counting codes equals the pandas formulation each function replaced."""

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from ikm_analysis._fast.codes import first_seen_codes, row_keys, without_unused_categories


@given(st.lists(st.one_of(st.none(), st.sampled_from(["a", "b", "c", "d"])), max_size=30),
       st.permutations(["a", "b", "c", "d", "e", *(f"x{i}" for i in range(15))]), st.booleans(),
       st.integers(5, 20))
def test_without_unused_categories_equals_pandas(cells, categories, ordered, how_many):
    # Up to 16 categories are checked one by one, more are counted: both routes.
    categories = [category for category in categories if category in "abcde"] + [
        category for category in categories if category not in "abcde"][:how_many - 5]
    values = pd.Series(pd.Categorical(cells, categories=categories, ordered=ordered),
                       index=pd.RangeIndex(5, 5 + len(cells)), name="kode")
    pd.testing.assert_series_equal(without_unused_categories(values),
                                   values.cat.remove_unused_categories())


@given(st.lists(st.one_of(st.integers(0, 40), st.integers(0, 10**9)), max_size=40))
def test_first_seen_codes_equal_factorize_and_unique(keys):
    # Small keys take the minimum.at route; keys up to 10**9 the factorize route.
    keys = np.array(keys, dtype=np.int64)
    codes, first = first_seen_codes(keys)
    expected = pd.factorize(keys)[0]
    assert codes.tolist() == expected.tolist()
    assert first.tolist() == np.unique(expected, return_index=True)[1].tolist()


@given(st.lists(st.tuples(st.one_of(st.none(), st.sampled_from(["a", "b"])),
                          st.one_of(st.none(), st.sampled_from(["x", "y", "z"]))), max_size=25),
       st.sampled_from([object, "string", "category"]), st.booleans())
def test_row_keys_are_equal_exactly_for_equal_rows(rows, dtype, with_start):
    frame = pd.DataFrame(rows, columns=["p", "q"], dtype=object).astype(dtype)
    start = np.arange(len(rows)) % 2 if with_start else None
    keys = row_keys([frame["p"], frame["q"]], start=start)
    labels = [(None if pd.isna(p) else p, None if pd.isna(q) else q,
               None if start is None else int(start[i]))
              for i, (p, q) in enumerate(rows)]
    for left in range(len(rows)):
        for right in range(len(rows)):
            assert (keys[left] == keys[right]) == (labels[left] == labels[right])


CELLS = st.lists(st.one_of(st.none(), st.sampled_from(["a", "b", "c"])), max_size=30)


@given(CELLS, st.sampled_from([object, "string", "category"]), st.data())
def test_count_by_key_equals_filter_then_value_counts(cells, dtype, data):
    from ikm_analysis._fast.codes import count_by_key

    column = pd.Series(cells, dtype=object).astype(dtype)
    mask = np.array(data.draw(st.lists(st.booleans(), min_size=len(cells), max_size=len(cells))),
                    dtype=bool)
    keys = ["c", "a", "z"]  # the caller's order, one key never seen
    expected = column[mask].value_counts().reindex(keys, fill_value=0).tolist()
    assert count_by_key(column, mask, keys).tolist() == expected


@given(st.lists(st.tuples(st.one_of(st.none(), st.sampled_from(["x", "y"])),
                          st.one_of(st.none(), st.sampled_from(["a", "b", "c"]))), max_size=30),
       st.sampled_from([object, "string", "category"]))
def test_count_pairs_equals_crosstab(rows, dtype):
    from ikm_analysis._fast.codes import count_pairs

    frame = pd.DataFrame(rows, columns=["r", "c"], dtype=object).astype(dtype)
    table = count_pairs(frame["r"], frame["c"])
    complete = frame.dropna()
    expected = pd.crosstab(complete["r"], complete["c"]) if len(complete) else None
    for row in table.index:
        for column in table.columns:
            count = 0
            if expected is not None and row in expected.index and column in expected.columns:
                count = int(expected.loc[row, column])
            assert table.loc[row, column] == count
    assert table.to_numpy().sum() == len(complete)
