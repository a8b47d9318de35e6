"""The years a registry's dates may take: from 1945 up to the year the export describes.

Example:
    >>> MIN_YEAR, resolve_max_year(2024)
    (1945, 2024)
"""

from __future__ import annotations

import datetime as dt

#: The earliest acceptable year of any date in a registry.
MIN_YEAR = 1945


def resolve_max_year(max_year: int | None) -> int:
    """The latest acceptable year: ``max_year``, or the current calendar year when ``None``.

    Example:
        >>> resolve_max_year(2024)
        2024
    """
    return dt.date.today().year if max_year is None else max_year
