"""The possible-duplicate flag equals pandas' duplicated() on the folded key."""

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from ikm_analysis.clean.duplicates import (
    flag_possible_duplicates,
    folded_name_codes,
    name_place_keys,
)
from ikm_analysis.folding import fold_series

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
    flagged = flag_possible_duplicates(clean)
    assert flagged.index.equals(clean.index)
    assert flagged.tolist() == expected.duplicated(keep=False).tolist()
    given_codes = flag_possible_duplicates(
        clean, name_place_keys(clean, folded_name_codes(clean["business_name"])))
    pd.testing.assert_series_equal(given_codes, flagged)
