"""Cell text as cleaning reads it: spaces stripped and collapsed, empty cells missing.

Example:
    >>> clean_text(pd.Series(["  Kue   Ibu ", "", 1001.0])).tolist()
    ['Kue Ibu', <NA>, '1001']
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ikm_analysis._fast.arrow_text import as_arrow_text, collapse_spaces, to_string_series
from ikm_analysis._fast.distinct import map_distinct
from ikm_analysis.io.read import cell_as_written


def _cell_text(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return " ".join(cell_as_written(value).split()) or pd.NA


def clean_text(values: pd.Series) -> pd.Series:
    """Strip and collapse spaces; empty cells become missing; whole floats lose their ``.0``.

    Args:
        values: A raw column.

    Returns:
        A ``string`` column.

    Example:
        >>> clean_text(pd.Series(["  Kue   Ibu ", "", 1001.0])).tolist()
        ['Kue Ibu', <NA>, '1001']
    """
    text = as_arrow_text(values)
    if text is not None:  # a column of text: one Arrow pass instead of a Python call per value
        return to_string_series(collapse_spaces(text), values.index)
    return map_distinct(values, _cell_text, missing=pd.NA, dtype="string")


