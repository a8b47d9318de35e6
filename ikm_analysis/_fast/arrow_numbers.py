r"""Numbers written as ASCII text, parsed by Arrow kernels instead of a Python call per cell.

A national registry has hundreds of thousands of distinct amounts; :mod:`ikm_analysis.clean.numbers`
sends its ASCII cells here and parses the rest (``٣``, ``–``) cell by cell.

Example:
    >>> import re
    >>> pattern = r"^(?P<sign>-)?(?P<sign2>-)?(?P<digits>[0-9.,]+)\s*(?P<unit>juta)?$"
    >>> numbers, invalid = parse_ascii_numbers(pa.array(["1.500", "2 juta", "x"]), pattern,
    ...                                        {"juta": 1e6}, ".", ",")
    >>> numbers.tolist()[:2], invalid.tolist()
    ([1500.0, 2000000.0], [False, False, True])
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

#: Characters ``str.isspace`` finds among ASCII: what Python's ``strip`` and ``\s`` remove there.
_ASCII_SPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f "


def parse_ascii_numbers(text: pa.Array, pattern: str, multipliers: Mapping[str, float],
                        thousands: str, decimal_mark: str) -> tuple[np.ndarray, np.ndarray]:
    r"""Parse ASCII number text in Arrow kernels: (numbers with NaN, invalid mask).

    Equal, cell for cell, to :func:`ikm_analysis.clean.numbers.parse_id_numbers` on the same
    cells: for ASCII, ``casefold`` is ``ascii_lower``, and Python's ``\d`` and ``\s`` are RE2's
    once runs of spaces are single blanks (``tests/clean/test_numbers_properties.py``).

    Args:
        text: ASCII cells.
        pattern: The number pattern of the format, with groups ``sign``, ``sign2``,
            ``digits`` and ``unit`` (:mod:`ikm_analysis.clean.numbers`).
        multipliers: Unit word -> factor.
        thousands: The thousands separator, removed from the digits.
        decimal_mark: The decimal mark, read as ``.``.
    """
    stripped = pc.utf8_trim(text, _ASCII_SPACE)
    missing = pc.fill_null(pc.or_(pc.equal(stripped, ""), pc.equal(stripped, "-")), True)
    folded = pc.replace_substring_regex(pc.ascii_lower(stripped), f"[{_ASCII_SPACE}]+", " ")
    parts = pc.extract_regex(folded, pattern)
    digits = pc.replace_substring(pc.struct_field(parts, "digits"), thousands, "")
    if decimal_mark != ".":
        digits = pc.replace_substring(digits, decimal_mark, ".")
    magnitude = pc.cast(digits, pa.float64()).to_numpy(zero_copy_only=False)
    unit = pc.index_in(pc.struct_field(parts, "unit"), pa.array(list(multipliers)))
    scale = pc.fill_null(pc.take(pa.array(list(multipliers.values()), pa.float64()), unit), 1.0)
    negative = pc.fill_null(pc.or_(pc.equal(pc.struct_field(parts, "sign"), "-"),
                                   pc.equal(pc.struct_field(parts, "sign2"), "-")), False)
    numbers = magnitude * scale.to_numpy() * np.where(
        negative.to_numpy(zero_copy_only=False), -1.0, 1.0)
    is_missing = missing.to_numpy(zero_copy_only=False)
    numbers[is_missing] = np.nan
    return numbers, ~is_missing & np.isnan(numbers)




def value_range(values: object) -> tuple[float | None, float | None]:
    """The smallest and largest present value of a numeric column, by Arrow's ``min_max``.

    pandas' ``min`` and ``max`` of a masked column copy its present values first (80 MB each at
    ten million rows, fresh memory every time); Arrow reads the column where it lies.

    Args:
        values: A pandas Series or array of numbers (missing values skipped).

    Returns:
        ``(smallest, largest)``; ``(None, None)`` when no value is present.

    Example:
        >>> import pandas as pd
        >>> value_range(pd.Series([3.5, None, -2.0], dtype="Float64"))
        (-2.0, 3.5)
        >>> value_range(pd.Series([None], dtype="Float64"))
        (None, None)
    """
    array = getattr(values, "array", values)
    stats = pc.min_max(pa.array(array))
    return stats["min"].as_py(), stats["max"].as_py()
