"""The keys of a breakdown are the same read from a categorical's categories or from its rows."""

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ikm_analysis.metrics.breakdowns import cross_count, keys_for

VALUES = st.lists(st.one_of(st.none(), st.sampled_from(["a", "b", "c"])), max_size=20)
CATEGORIES = st.lists(st.sampled_from(["a", "b", "c", "d"]), unique=True)
KEYS = st.one_of(st.none(), st.lists(st.sampled_from(["a", "b", "c", "d"]), unique=True))


def outcome(units, keys):
    try:
        return keys_for(units, "k", keys)
    except ValueError as error:
        return str(error)


@given(VALUES, CATEGORIES, KEYS)
def test_categorical_and_text_columns_give_the_same_keys(values, extra, keys):
    categories = sorted({value for value in values if value is not None} | set(extra))
    as_text = pd.DataFrame({"k": pd.Series(values, dtype=object)})
    as_codes = pd.DataFrame({"k": pd.Categorical(values, categories=categories)})
    assert outcome(as_codes, keys) == outcome(as_text, keys)


def test_an_unlisted_value_is_an_error_even_when_only_categories_name_it():
    units = pd.DataFrame({"k": pd.Categorical(["a", "c"], categories=["a", "b", "c"])})
    assert keys_for(units, "k", ["a", "c"]) == ["a", "c"]  # "b" is a category, not a value
    with pytest.raises(ValueError, match="'c'"):
        keys_for(units, "k", ["a", "b"])


def cross_count_by_grouping(units, rows, columns, row_keys, column_keys):
    """The formulation cross_count replaced: grouped sizes, unstacked."""
    pairs = units.groupby([rows, columns], observed=True, sort=False).size()
    table = pairs.unstack(fill_value=0) if len(pairs) else pd.DataFrame()
    table = table.reindex(index=row_keys, columns=column_keys, fill_value=0).astype("int64")
    table.index.name, table.columns.name = rows, columns
    return table


@given(st.lists(st.tuples(st.one_of(st.none(), st.sampled_from(["a", "b", "c"])),
                          st.one_of(st.none(), st.sampled_from(["x", "y"]))), max_size=25),
       st.sampled_from(["category", object]))
def test_cross_count_equals_grouped_sizes(pairs, dtype):
    units = pd.DataFrame(pairs, columns=["r", "c"], dtype=object).astype(dtype)
    row_keys, column_keys = ["c", "a", "b", "d"], ["y", "x", "z"]
    pd.testing.assert_frame_equal(
        cross_count(units, "r", "c", row_keys, column_keys),
        cross_count_by_grouping(units, "r", "c", row_keys, column_keys))
