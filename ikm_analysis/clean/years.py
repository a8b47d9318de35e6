"""Years as offices write them: ``2021``, ``2021.0``, ``17/08/2021``, ``2021-08-17`` or a date cell.

Example:
    >>> years, invalid = parse_years(pd.Series(["2021", "17/08/2019", "kemarin", None]))
    >>> years.tolist(), invalid.tolist()
    ([2021, 2019, <NA>, <NA>], [False, False, True, False])
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from ikm_analysis._fast.distinct import map_distinct

_YEAR_PATTERNS = (
    re.compile(r"^(\d{4})(?:\.0+)?$"),
    re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-](\d{4})$"),  # 17/08/2021
    re.compile(r"^(\d{4})-\d{1,2}-\d{1,2}(?:[ T].*)?$"),  # 2021-08-17
)


def _year_of(value: object) -> tuple[object, bool]:
    """(year or NA, is_invalid) for one distinct cell."""
    if isinstance(value, dt.date | dt.datetime):
        return value.year, False
    if isinstance(value, bool):
        return pd.NA, True
    if isinstance(value, int | np.integer):
        return int(value), False
    if isinstance(value, float | np.floating):
        return (int(value), False) if float(value).is_integer() else (pd.NA, True)
    text = str(value).strip()
    if text in {"", "-", "–", "—"}:
        return pd.NA, False
    for pattern in _YEAR_PATTERNS:
        match = pattern.match(text)
        if match:
            return int(match.group(1)), False
    return pd.NA, True


def parse_years(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Read years written as ``2021``, ``2021.0``, ``17/08/2021``, ``2021-08-17`` or a date cell.

    Args:
        values: A raw column.

    Returns:
        ``Int64`` years (missing where empty or invalid) and the mask of invalid cells.

    Example:
        >>> years, invalid = parse_years(pd.Series(["2021", "17/08/2019", "kemarin", None]))
        >>> years.tolist(), invalid.tolist()
        ([2021, 2019, <NA>, <NA>], [False, False, True, False])
    """
    typed = typed_integers(values)
    if typed is not None:  # a typed column (Parquet): nothing to read
        return typed, pd.Series(False, index=values.index)
    years = map_distinct(values, lambda v: _year_of(v)[0], missing=pd.NA, dtype="Int64")
    invalid = map_distinct(values, lambda v: _year_of(v)[1], missing=False, dtype=bool)
    return years, invalid




def typed_integers(values: pd.Series) -> pd.Series | None:
    """A typed integer column (Parquet) as it is, as ``Int64``; ``None`` for any other column.

    Example:
        >>> typed_integers(pd.Series([2021, 2022])).dtype, typed_integers(pd.Series(["2021"]))
        (Int64Dtype(), None)
    """
    if not pd.api.types.is_integer_dtype(values.dtype):
        return None
    return values.astype("Int64").rename(None)
