"""How many year spans ``[start, end)`` cover each of several years, from two histograms.

:func:`ikm_analysis.metrics.activity.count_active` asks how many units were active at the end
of each of ten years. Checking every unit against every year costs a pass per year; years span
decades, not millions of values, so one histogram of the start years and one of the end years
answer every year at once. The result equals summing the rule
(:func:`ikm_analysis.metrics.activity.is_active_in`) year by year, property-tested in
``tests/metrics/test_activity_properties.py``.

Example:
    >>> start = np.array([2018.0, 2019.0, np.inf])
    >>> end = np.array([2021.0, np.inf, np.inf])
    >>> count_covering(start, end, [2018, 2020, 2021]).tolist()
    [1, 2, 1]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np


def count_covering(start: np.ndarray, end: np.ndarray, years: Sequence[int]) -> np.ndarray:
    """The number of spans with ``start <= year < end``, for each year.

    Args:
        start: Whole-number years or ``inf`` (never), one per span.
        end: Whole-number years or ``inf`` (never), one per span.
        years: The years to count.

    Returns:
        int64 counts aligned with ``years``.
    """
    spans_with_years = start < end  # a span that ends before it starts covers nothing
    started = _at_most_counter(start[spans_with_years])
    ended = _at_most_counter(end[spans_with_years])
    asked = np.asarray(list(years), dtype="float64")
    # Covered in Y: start <= Y < end. Every span counted by ``ended`` (end <= Y) is counted by
    # ``started`` too, since start < end.
    return started(asked) - ended(asked)


def _at_most_counter(years: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    """A function counting the ``years`` (whole numbers or ``inf``) at or before each year asked."""
    finite = years[np.isfinite(years)]
    if len(finite) == 0:
        return lambda asked: np.zeros(len(asked), dtype="int64")
    low = int(finite.min())
    histogram = np.bincount((finite - low).astype(np.intp))
    at_most = np.concatenate([[0], np.cumsum(histogram)]).astype("int64")

    def count(asked: np.ndarray) -> np.ndarray:
        positions = np.clip(np.asarray(asked, dtype="float64") - low + 1, 0, len(histogram))
        return at_most[positions.astype(np.intp)]

    return count
