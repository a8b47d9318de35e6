import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ikm_analysis.metrics.concentration import (
    concentration_by_kecamatan,
    herfindahl_by_row,
    location_quotients,
)


def test_hhi_bounds():
    table = pd.DataFrame([[10, 0, 0, 0], [4, 4, 4, 4], [0, 0, 0, 0]])
    assert herfindahl_by_row(table).tolist() == [1.0, 0.25, pd.NA]
    with pytest.raises(ValueError, match="negative"):
        herfindahl_by_row(pd.DataFrame([[-1, 2]]))


def test_concentration_by_kecamatan_names_each_area_s_specialisation():
    # categories as rows, kecamatan as columns, as the cross table has them
    cross = pd.DataFrame({"A": [8, 2, 0], "B": [2, 8, 0], "C": [0, 0, 0]},
                         index=["pangan", "kayu", "sandang"])
    table = concentration_by_kecamatan(cross)
    assert table.loc["A", "top_category"] == "pangan"
    assert table.loc["B", "top_lq"] == pytest.approx(1.6)
    assert table.loc["A", "hhi"] == pytest.approx(0.68)
    assert table.loc["C"].isna().all()  # no units: nothing to say


def test_location_quotient_by_hand():
    # city: 50 % food; kecamatan A is 80 % food, so LQ = 1.6
    table = pd.DataFrame({"pangan": [8, 2], "kayu": [2, 8]}, index=["A", "B"])
    quotients = location_quotients(table)
    assert quotients.loc["A", "pangan"] == pytest.approx(1.6)
    assert quotients.loc["B", "kayu"] == pytest.approx(1.6)


def test_location_quotient_missing_for_empty_rows_and_columns():
    table = pd.DataFrame({"a": [3, 0], "b": [0, 0]}, index=["X", "Y"])
    quotients = location_quotients(table)
    assert quotients.loc["X", "a"] == 1.0
    assert quotients.loc["Y"].isna().all() and quotients["b"].isna().all()
    assert herfindahl_by_row(table).tolist() == [1.0, pd.NA]


@given(st.lists(st.lists(st.integers(0, 500), min_size=3, max_size=3), min_size=1, max_size=8))
def test_lq_weighted_by_area_share_averages_to_one(rows):
    table = pd.DataFrame(rows, columns=["a", "b", "c"])
    total = table.to_numpy().sum()
    hhi = herfindahl_by_row(table)
    for value, row in zip(hhi, rows, strict=True):
        if sum(row) == 0:
            assert pd.isna(value)
        else:
            assert 1 / 3 - 1e-12 <= value <= 1 + 1e-12
    if total == 0:
        return
    quotients = location_quotients(table)
    column_share = table.sum(axis=0) / total
    for _, row in table.iterrows():
        if row.sum():  # sum over categories of LQ x category share = 1 for every area
            lq = quotients.loc[_]
            assert float((lq.fillna(0) * column_share).sum()) == pytest.approx(1.0)
