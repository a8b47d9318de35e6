import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ikm_analysis.metrics.disclosure import (
    disclosed_cells,
    suppress_small_cells,
    suppress_small_counts,
)


def solvable_cells(result, row_totals=True, column_totals=True):
    """Independent audit: a hidden cell is recoverable when adding its unit vector to the
    equations of the hidden cells does not raise their rank."""
    counts, hidden = result.table.to_numpy(), result.is_suppressed.to_numpy()
    n_rows = counts.shape[0] - column_totals
    n_cols = counts.shape[1] - row_totals
    cells = list(zip(*np.nonzero(hidden), strict=True))
    equations = []
    if row_totals:
        for r in range(counts.shape[0]):
            equations.append({(r, c): 1 for c in range(n_cols)} | {(r, n_cols): -1})
    if column_totals:
        for c in range(counts.shape[1]):
            equations.append({(r, c): 1 for r in range(n_rows)} | {(n_rows, c): -1})
    matrix = np.array([[eq.get(cell, 0) for cell in cells] for eq in equations] or
                      [[0] * len(cells)], dtype=float)
    rank = np.linalg.matrix_rank(matrix)
    solvable = []
    for i, cell in enumerate(cells):
        unit = np.zeros(len(cells))
        unit[i] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            solvable.append(cell)
    return solvable


def test_single_small_cell_gets_a_rectangle_of_complements():
    table = pd.DataFrame({"a": [1, 5, 6], "b": [7, 8, 9]}, index=["X", "Y", "Z"])
    result = suppress_small_cells(table)
    assert result.is_primary.loc["X", "a"]
    assert result.is_suppressed.values.sum() == 4  # the 1 and the cheapest rectangle 5, 7, 8
    assert result.is_suppressed.loc["Y", "b"] and result.is_suppressed.loc["X", "b"]
    assert not result.is_suppressed.loc["Jumlah"].any()  # totals stay visible
    assert disclosed_cells(result) == []
    assert not any(result.is_primary.to_numpy()[cell] for cell in solvable_cells(result))


def test_two_small_cells_on_one_line_still_need_column_protection():
    table = pd.DataFrame({"a": [1, 10], "b": [2, 10]}, index=["X", "Y"])
    result = suppress_small_cells(table)
    hidden = result.masked()
    assert hidden.loc["X", "Jumlah"] == 3  # a total of 3 is not small, it stays
    assert result.is_suppressed.loc["Y", ["a", "b"]].all()  # the column totals need Y hidden
    assert disclosed_cells(result) == []


def test_small_totals_are_sensitive_too():
    table = pd.DataFrame({"a": [1, 10], "b": [1, 10]}, index=["X", "Y"])
    result = suppress_small_cells(table)
    assert result.is_primary.loc["X", "Jumlah"]  # X has 2 units in all
    assert disclosed_cells(result) == []


def test_nothing_hidden_without_small_cells_and_zeros_are_shown():
    table = pd.DataFrame({"a": [0, 10], "b": [3, 10]})
    result = suppress_small_cells(table)
    assert not result.is_suppressed.values.any()
    assert result.masked().loc["Jumlah", "Jumlah"] == 23


def test_one_way_table_hides_a_second_cell():
    result = suppress_small_counts(pd.Series({"a": 10, "b": 1, "c": 0, "d": 4}, name="units"))
    assert result.is_suppressed["units"].tolist() == [False, True, False, True, False]
    assert disclosed_cells(result, row_totals=False) == []


def test_threshold_one_disables_suppression_and_bad_input_raises():
    table = pd.DataFrame({"a": [1, 2]})
    assert not suppress_small_cells(table, threshold=1).is_suppressed.values.any()
    with pytest.raises(ValueError, match="threshold"):
        suppress_small_cells(table, threshold=0)
    with pytest.raises(ValueError, match="non-negative integers"):
        suppress_small_cells(pd.DataFrame({"a": [1.5]}))
    with pytest.raises(ValueError, match="already a key"):
        suppress_small_cells(pd.DataFrame({"Jumlah": [5]}))
    with pytest.raises(ValueError, match="non-negative"):
        suppress_small_cells(pd.DataFrame({"a": [-1.0]}), contributors=pd.DataFrame({"a": [1]}))
    with pytest.raises(ValueError, match="same rows and columns"):
        suppress_small_cells(pd.DataFrame({"a": [1.0]}), contributors=pd.DataFrame({"b": [1]}))


def test_amounts_are_hidden_by_how_many_units_stand_behind_them():
    # investment by kecamatan and category: X/a is one business's investment
    units = pd.DataFrame({"a": [1, 4, 5], "b": [6, 7, 8]}, index=["X", "Y", "Z"])
    investment = pd.DataFrame({"a": [9e8, 1e7, 2e7], "b": [3e7, 4e7, 5e7]}, index=units.index)
    result = suppress_small_cells(investment, contributors=units)
    assert result.is_primary.to_numpy().sum() == 1 and result.is_primary.loc["X", "a"]
    assert disclosed_cells(result) == []
    assert result.masked()["a"].dtype == "Float64"
    assert result.table.loc["Jumlah", "Jumlah"] == investment.to_numpy().sum()
    # a huge amount from few units is hidden; a small amount from many units is not
    assert not result.is_primary.loc["Y", "a"]


def test_one_way_amounts_with_contributors():
    totals = pd.Series({"pangan": 5e7, "kayu": 8e8, "sandang": 3e7}, name="investment_rp")
    reported = pd.Series({"pangan": 10, "kayu": 2, "sandang": 6})
    result = suppress_small_counts(totals, contributors=reported)
    assert result.is_suppressed["investment_rp"].tolist() == [False, True, True, False]


tables = st.integers(1, 6).flatmap(lambda n_cols: st.lists(
    st.lists(st.integers(0, 12), min_size=n_cols, max_size=n_cols), min_size=1, max_size=8))


@settings(max_examples=150, deadline=None)
@given(tables, st.integers(2, 5))
def test_no_small_cell_can_be_recovered_by_subtraction(rows, threshold):
    table = pd.DataFrame(rows)
    result = suppress_small_cells(table, threshold=threshold)
    counts, primary = result.table.to_numpy(), result.is_primary.to_numpy()
    assert (primary == ((counts > 0) & (counts < threshold))).all()
    assert (result.is_suppressed.to_numpy() | ~primary).all()  # every small cell hidden
    recoverable = [cell for cell in solvable_cells(result) if primary[cell]]
    assert recoverable == []
    assert (result.table.iloc[:-1, :-1].to_numpy() == table.to_numpy()).all()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 12), min_size=1, max_size=12))
def test_one_way_tables_never_reveal_a_small_count(counts):
    result = suppress_small_counts(pd.Series(counts, name="units"))
    primary = result.is_primary.to_numpy()
    recoverable = [cell for cell in solvable_cells(result, row_totals=False) if primary[cell]]
    assert recoverable == []


@settings(max_examples=80, deadline=None)
@given(tables, st.integers(0, 2**32 - 1))
def test_amount_tables_never_reveal_a_small_contribution(rows, seed):
    units = pd.DataFrame(rows)
    amounts = units * np.random.default_rng(seed).integers(1, 10**6, units.shape)
    result = suppress_small_cells(amounts.astype(float), contributors=units)
    primary = result.is_primary.to_numpy()
    assert [cell for cell in solvable_cells(result) if primary[cell]] == []
