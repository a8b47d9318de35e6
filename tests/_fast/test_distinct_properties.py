"""Parsing each distinct value once gives exactly what parsing every row gives."""

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from ikm_analysis._fast.distinct import (
    apply_distinct,
    first_occurrences,
    first_seen_codes,
    occurs_more_than_once,
    row_keys,
    without_unused_categories,
)
from ikm_analysis.clean.pipeline import (
    _flag_possible_duplicates,
    _folded_name_codes,
    _name_place_keys,
    _parse_kbli,
    _parse_kbli_distinct,
    parse_years,
)
from ikm_analysis.folding import fold_series

KBLI = st.sampled_from(["10792", "10.79.2", " 16299 ", "47111", "1", "abc", "", None, "13134",
                        "31 001"])


@settings(max_examples=200, deadline=None)
@given(st.lists(KBLI, min_size=1, max_size=40), st.sampled_from([object, "string"]))
def test_kbli_parsed_once_per_value_equals_row_by_row(cells, dtype):
    values = pd.Series(cells, index=pd.RangeIndex(3, 3 + len(cells)), dtype=dtype)
    for shared, row_by_row in zip(_parse_kbli(values), _parse_kbli_distinct(values), strict=True):
        pd.testing.assert_series_equal(shared, row_by_row)


@given(st.lists(st.one_of(st.none(), st.text(max_size=3)), min_size=1, max_size=30))
def test_apply_distinct_keeps_index_and_order(cells):
    values = pd.Series(cells, index=pd.RangeIndex(10, 10 + len(cells)), dtype=object)
    lengths, missing = apply_distinct(values, lambda s: (s.fillna("").str.len(), s.isna()))
    pd.testing.assert_series_equal(lengths, values.fillna("").str.len())
    pd.testing.assert_series_equal(missing, values.isna())


@given(st.lists(st.one_of(st.none(), st.sampled_from(["A1", "A2", "a1", "B"])), max_size=30),
       st.sampled_from([object, "string", "category"]))
def test_first_occurrences_equals_pandas_duplicated(cells, dtype):
    values = pd.Series(cells, dtype=dtype).dropna()
    codes, _ = pd.factorize(values)
    assert first_occurrences(codes).tolist() == (~values.duplicated(keep="first")).tolist()


NAMES = st.sampled_from(["Kue Ibu", "KUE  IBU.", "Mebel", "mebel", "Batik"])
PLACES = st.sampled_from(["62.71.03.1002", "62.71.01.1001"])
CATEGORIES = st.sampled_from(["pangan", "kayu"])


@given(st.lists(st.tuples(NAMES, st.one_of(st.none(), PLACES), CATEGORIES), max_size=30),
       st.sampled_from(["string", "category"]))
def test_possible_duplicates_equal_pandas_duplicated_on_the_folded_key(rows, codes_dtype):
    clean = pd.DataFrame(rows, columns=["business_name", "kelurahan_code", "category_code"],
                         dtype="string", index=pd.RangeIndex(3, 3 + len(rows)))
    clean = clean.astype({"kelurahan_code": codes_dtype, "category_code": codes_dtype})
    expected = pd.DataFrame({"name": fold_series(clean["business_name"]),
                             "kel": clean["kelurahan_code"], "cat": clean["category_code"]})
    flagged = _flag_possible_duplicates(clean)
    assert flagged.index.equals(clean.index)
    assert flagged.tolist() == expected.duplicated(keep=False).tolist()
    given_codes = _flag_possible_duplicates(
        clean, _name_place_keys(clean, _folded_name_codes(clean["business_name"])))
    pd.testing.assert_series_equal(given_codes, flagged)


@given(st.lists(st.one_of(st.integers(0, 5), st.integers(0, 2**62)), max_size=40))
def test_occurs_more_than_once_equals_pandas_duplicated(keys):
    # Small keys take the packed sort; keys near 2**62 do not fit beside their positions.
    expected = pd.Series(keys, dtype="int64").duplicated(keep=False).tolist()
    assert occurs_more_than_once(np.array(keys, dtype=np.int64)).tolist() == expected


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
