import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ikm_analysis.metrics.concentration import (
    herfindahl_by_row,
    herfindahl_index,
    location_quotients,
)


def test_hhi_bounds():
    assert herfindahl_index(pd.Series([10, 0, 0])) == 1.0
    assert herfindahl_index(pd.Series([4, 4, 4, 4])) == 0.25
    assert herfindahl_index(pd.Series([0, 0])) is None
    with pytest.raises(ValueError, match="negative"):
        herfindahl_index(pd.Series([-1, 2]))


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
