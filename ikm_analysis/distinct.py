"""Apply a per-cell Python function once per distinct value, not once per row.

Registry columns repeat the same few values (30 kelurahan, a handful of status words) across
thousands or millions of rows; mapping the distinct values and taking them back by position keeps
cell-level parsing vectorised in cost.

Example:
    >>> letters = pd.Series(["a", "b", "a", None])
    >>> upper = map_distinct(letters, str.upper, missing="", dtype="string")
    >>> upper.tolist()
    ['A', 'B', 'A', '']
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd


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
    # Missing cells have code -1, which picks the appended ``missing``.
    mapped = np.empty(len(uniques) + 1, dtype=object)
    mapped[:-1] = [func(value) for value in uniques.tolist()]  # tolist: fast for Arrow arrays
    mapped[-1] = missing
    return pd.Series(mapped[codes], index=values.index, dtype=dtype)


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
    return tuple(result.iloc[codes].set_axis(values.index) for result in func(distinct))
