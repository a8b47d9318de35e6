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
