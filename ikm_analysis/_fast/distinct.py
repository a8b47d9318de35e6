"""Work once per distinct value, not once per row.

Registry columns repeat the same few values (30 kelurahan, a handful of status words) across
thousands or millions of rows; mapping the distinct values and taking them back by position keeps
cell-level parsing vectorised in cost. Rows that repeat the same combination of values (a
kelurahan with its kecamatan) are resolved once per combination the same way.

Example:
    >>> letters = pd.Series(["a", "b", "a", None])
    >>> upper = map_distinct(letters, str.upper, missing="", dtype="string")
    >>> upper.tolist()
    ['A', 'B', 'A', '']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from ikm_analysis._fast.codes import first_seen_codes, row_keys


def map_distinct(
    values: pd.Series, func: Callable[[object], object], missing: object, dtype: object
) -> pd.Series:
    """Map every cell through ``func``, calling it once per distinct non-missing value.

    Args:
        values: Any column.
        func: Applied to each distinct non-missing value.
        missing: Result for missing cells (``None``, NaN, ``pd.NA``).
        dtype: dtype of the result.

    Returns:
        The mapped column, with the input's index.
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    # One typed result per distinct value plus ``missing`` last: code -1 (a missing cell) takes
    # the last element, and the take stays in the result's dtype instead of Python objects.
    results = pd.array([*(func(value) for value in uniques.tolist()), missing], dtype=dtype)
    return pd.Series(results.take(codes), index=values.index, copy=False)  # a new array


def apply_distinct(values: pd.Series, func: Callable[[pd.Series], tuple[pd.Series, ...]]
                   ) -> tuple[pd.Series, ...]:
    """Run a vectorised ``func`` on the distinct values only, then spread its results back.

    For a column that repeats a few hundred values over millions of rows (KBLI codes, status
    words), the work shrinks to the distinct values and one take per result.

    Args:
        values: Any column (missing values are passed to ``func`` as one distinct value).
        func: Takes a Series of distinct values and returns Series aligned with it.

    Returns:
        ``func``'s results, one value per row of ``values``, with its index.

    Example:
        >>> codes = pd.Series(["10", "10", None, "31"], dtype="string")
        >>> (upper,) = apply_distinct(codes, lambda s: (s.str.zfill(3),))
        >>> upper.tolist()
        ['010', '010', <NA>, '031']
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    distinct = pd.Series(uniques, dtype=values.dtype)
    # Take the values only: ``result.iloc[codes]`` would take (and materialise) the index too.
    # ``take`` gives a new array: the Series holds it as it is (pandas would copy it again).
    return tuple(pd.Series(result.array.take(codes), index=values.index, name=result.name,
                           copy=False) for result in func(distinct))


class DistinctRows:
    """The distinct combinations of several columns, to resolve each once and spread it back.

    A registry repeats 30 (kelurahan, kecamatan) pairs over every row: resolving a name costs
    the same for one row as for a million, so resolve the first row of each combination
    (:attr:`first`) and spread the results to every row with :meth:`spread` and
    :meth:`spread_long`.

    Args:
        columns: Columns of equal length (missing cells count as a value of their own).

    Example:
        >>> rows = DistinctRows([pd.Series(["a", "b", "a"], index=[7, 8, 9])])
        >>> rows.first.tolist(), rows.all_distinct
        ([0, 1], False)
        >>> resolved = pd.DataFrame({"upper": ["A", "B"]}, index=[7, 8])
        >>> rows.spread(resolved, pd.Index([7, 8, 9]))["upper"].tolist()
        ['A', 'B', 'A']
    """

    def __init__(self, columns: Sequence[pd.Series]) -> None:
        self.codes, self.first = first_seen_codes(row_keys(columns))
        self.all_distinct = len(self.first) == len(columns[0])

    def spread(self, resolved: pd.DataFrame, index: pd.Index) -> pd.DataFrame:
        """Results per combination (one row each, in :attr:`first` order) as results per row."""
        spread = resolved.iloc[self.codes]
        spread.index = index
        return spread

    def spread_long(self, table: pd.DataFrame, row_column: str, representatives: pd.Index,
                    rows: pd.Index, group_by: Sequence[str]) -> pd.DataFrame:
        """A table of findings about representative rows, given to every row of their combination.

        Args:
            table: Findings, any number per representative, naming it in ``row_column``.
            row_column: The column naming the row a finding is about.
            representatives: The label of each combination's first row (``rows[first]``).
            rows: Every row's label.
            group_by: Columns of a finding's kind; the result lists kind by kind, rows in order.

        Returns:
            The findings for every row, with ``table``'s columns, numbered from 0.
        """
        if table.empty:
            return table
        code_of = pd.Series(np.arange(len(representatives)), index=representatives)
        kind = table[group_by[0]].astype(str)
        for name in group_by[1:]:
            kind = kind + "\0" + table[name].astype(str)
        findings = table.assign(_pair=code_of.loc[table[row_column]].to_numpy(),
                                _kind=pd.factorize(kind)[0])
        every_row = pd.DataFrame({"_pair": self.codes, "_position": np.arange(len(rows))})
        spread = findings.drop(columns=row_column).merge(every_row, on="_pair")
        spread = spread.sort_values(["_kind", "_position"], kind="stable")
        spread[row_column] = rows[spread["_position"].to_numpy()]
        return spread[list(table.columns)].reset_index(drop=True)
