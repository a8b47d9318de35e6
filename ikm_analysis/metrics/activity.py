"""Which units of a clean registry were active in a given year.

A unit counts as active in year *Y* (at the end of the year, 31 December) when it was registered
in or before *Y* and had not closed by then: no closing year, or a closing year after *Y*. A unit
marked ``tidak_aktif`` without a closing year is known to be closed only when the status was
recorded, the *status year* (by default the latest year the registry mentions); it counts as
active before that year and inactive from it on (assumption A14 in
``docs/aqa/assumptions_caveats.md``).

Example:
    >>> import pandas as pd
    >>> units = pd.DataFrame({
    ...     "year_registered": pd.array([2019, 2021, 2018], dtype="Int64"),
    ...     "year_closed": pd.array([None, None, 2022], dtype="Int64"),
    ...     "status": ["aktif", "aktif", "tidak_aktif"]})
    >>> active_units_by_year(units, [2020, 2021, 2022]).tolist()
    [2, 3, 2]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd

from ikm_analysis._fast.spans import count_covering

ACTIVITY_COLUMNS = ("year_registered", "year_closed", "status")


def _check_columns(units: pd.DataFrame) -> None:
    missing = [column for column in ACTIVITY_COLUMNS if column not in units.columns]
    if missing:
        raise KeyError(f"the units table lacks {missing}; pass the clean registry table")


def default_status_year(units: pd.DataFrame) -> int:
    """The latest year a registry mentions, taken as the year its statuses were recorded.

    Args:
        units: The clean registry table.

    Returns:
        The largest registration or closing year.

    Raises:
        ValueError: For a table without any year.

    Example:
        >>> import pandas as pd
        >>> default_status_year(pd.DataFrame({
        ...     "year_registered": pd.array([2019, 2023], dtype="Int64"),
        ...     "year_closed": pd.array([2024, None], dtype="Int64"), "status": ["x", "y"]}))
        2024
    """
    _check_columns(units)
    latest = [year for year in (units["year_registered"].max(), units["year_closed"].max())
              if not pd.isna(year)]  # two maxima, not a concatenated copy of both columns
    if not latest:
        raise ValueError("the registry has no registration or closing year")
    return int(max(latest))


def _status_year(units: pd.DataFrame, status_year: int | None) -> int | None:
    """The given status year, else the registry's latest year (``None`` for an empty table)."""
    if status_year is None and len(units):
        return default_status_year(units)
    return status_year


class ActiveSpans(NamedTuple):
    """The years each unit is active: from ``start`` up to, not including, ``end``.

    Float arrays aligned with the units table; ``inf`` stands for never.
    """

    start: np.ndarray
    end: np.ndarray


def active_spans(units: pd.DataFrame, status_year: int | None = None) -> ActiveSpans:
    """The years each unit is active: from ``start`` up to, not including, ``end``.

    The definition of this module as one interval per unit: ``start`` is the registration
    year; ``end`` the closing year, else the status year for a ``tidak_aktif`` unit without
    one, else never. A unit without a registration year is never active (``start`` infinite).
    Counting the units active in many years then costs one pass, not one per year.

    Args:
        units: The clean registry table (``year_registered``, ``year_closed``, ``status``).
        status_year: Year the ``status`` column describes; :func:`default_status_year` when
            ``None``.

    Returns:
        The spans, aligned with ``units``.

    Example:
        >>> units = pd.DataFrame({"year_registered": pd.array([2018, 2019], dtype="Int64"),
        ...                       "year_closed": pd.array([2021, None], dtype="Int64"),
        ...                       "status": ["tidak_aktif", "tidak_aktif"]})
        >>> [span.tolist() for span in active_spans(units, status_year=2024)]
        [[2018.0, 2019.0], [2021.0, 2024.0]]
    """
    _check_columns(units)
    status_year = _status_year(units, status_year)
    start = units["year_registered"].to_numpy(dtype="float64", na_value=np.inf)
    closed = units["year_closed"].to_numpy(dtype="float64", na_value=np.nan)
    closed_at_unknown_time = (units["status"] == "tidak_aktif").fillna(False).to_numpy(bool)
    if status_year is None:  # an empty table
        status_year = np.inf
    end = np.where(np.isnan(closed),
                   np.where(closed_at_unknown_time, float(status_year), np.inf), closed)
    return ActiveSpans(start, end)


def is_active_in(spans: ActiveSpans, year: int) -> np.ndarray:
    """The units active at the end of ``year``, from their :func:`active_spans`: the rule.

    Every count of active units in the package comes from this comparison (or, for many years
    at once, from :func:`count_active`, which equals it summed).

    Example:
        >>> spans = ActiveSpans(np.array([2018.0, 2019.0]), np.array([2021.0, np.inf]))
        >>> is_active_in(spans, 2021).tolist()
        [False, True]
    """
    start, end = spans
    return (start <= year) & (year < end)


def is_active(units: pd.DataFrame, year: int, status_year: int | None = None) -> pd.Series:
    """Mark the units active at the end of ``year``.

    Args:
        units: The clean registry table (``year_registered``, ``year_closed``, ``status``).
        year: The year.
        status_year: Year the ``status`` column describes; :func:`default_status_year` when
            ``None``.

    Returns:
        A boolean Series aligned with ``units``.

    Example:
        >>> import pandas as pd
        >>> units = pd.DataFrame({"year_registered": pd.array([2018, 2018], dtype="Int64"),
        ...                       "year_closed": pd.array([None, None], dtype="Int64"),
        ...                       "status": ["aktif", "tidak_aktif"]})
        >>> is_active(units, 2022, status_year=2024).tolist(), is_active(units, 2024).tolist()
        ([True, True], [True, False])
    """
    return pd.Series(is_active_in(active_spans(units, status_year), year), index=units.index)


def active_units(units: pd.DataFrame, year: int, status_year: int | None = None,
                 columns: Sequence[str] | None = None) -> pd.DataFrame:
    """The units active at the end of ``year`` (see :func:`is_active`).

    Args:
        units: The clean registry table.
        year: The year.
        status_year: Year the ``status`` column describes.
        columns: The columns to keep; all when ``None``. Keeping only those a calculation
            reads spares copying the rest (at national scale the text columns are most of it).

    Returns:
        The matching rows of ``units``.

    Raises:
        KeyError: A column in ``columns`` is not in ``units``.

    Example:
        >>> import pandas as pd
        >>> units = pd.DataFrame({"year_registered": pd.array([2019, 2023], dtype="Int64"),
        ...                       "year_closed": pd.array([None, None], dtype="Int64"),
        ...                       "status": ["aktif", "aktif"], "k": ["a", "b"]})
        >>> len(active_units(units, 2020))
        1
        >>> active_units(units, 2024, columns=["k"])["k"].tolist()
        ['a', 'b']
    """
    mask = is_active(units, year, status_year)
    return (units if columns is None else units[list(columns)])[mask]


def count_active(spans: ActiveSpans, years: Iterable[int]) -> np.ndarray:
    """How many units are active at the end of each year: :func:`is_active_in` summed per year.

    Counted for all years at once (:func:`ikm_analysis._fast.spans.count_covering`).

    Example:
        >>> spans = ActiveSpans(np.array([2018.0, 2019.0]), np.array([2021.0, np.inf]))
        >>> count_active(spans, [2018, 2020, 2021]).tolist()
        [1, 2, 1]
    """
    return count_covering(spans.start, spans.end, list(years))


def active_units_by_year(
    units: pd.DataFrame, years: Iterable[int], status_year: int | None = None
) -> pd.Series:
    """Number of active units at the end of each year.

    Args:
        units: The clean registry table.
        years: The years to count.
        status_year: Year the ``status`` column describes.

    Returns:
        Counts (int64) indexed by year.

    Example:
        >>> import pandas as pd
        >>> units = pd.DataFrame({"year_registered": pd.array([2019, 2021], dtype="Int64"),
        ...                       "year_closed": pd.array([2021, None], dtype="Int64"),
        ...                       "status": ["tidak_aktif", "aktif"]})
        >>> active_units_by_year(units, [2019, 2020, 2021]).to_dict()
        {2019: 1, 2020: 1, 2021: 1}
    """
    years = list(years)
    counts = count_active(active_spans(units, status_year), years)
    return pd.Series(counts, index=pd.Index(years, name="year"), name="active_units",
                     dtype="int64")


def flows_by_year(
    units: pd.DataFrame, years: Iterable[int], status_year: int | None = None
) -> pd.DataFrame:
    """Units active at each year's end, with the units that became active and stopped.

    ``opened`` counts units active at the end of the year but not of the year before (mostly new
    registrations); ``closed`` counts units active at the end of the year before but not of this
    one. So ``active = active_previous + opened - closed`` holds exactly. A unit registered and
    closed within the same year appears in neither.

    Args:
        units: The clean registry table.
        years: The years to report.
        status_year: Year the ``status`` column describes.

    Returns:
        Columns ``year``, ``active_previous``, ``opened``, ``closed``, ``active`` (int64).

    Example:
        >>> import pandas as pd
        >>> units = pd.DataFrame({"year_registered": pd.array([2019, 2021, 2019], dtype="Int64"),
        ...                       "year_closed": pd.array([None, None, 2021], dtype="Int64"),
        ...                       "status": ["aktif", "aktif", "tidak_aktif"]})
        >>> flows_by_year(units, [2021]).iloc[0].tolist()
        [2021, 2, 1, 1, 2]
    """
    spans = active_spans(units, status_year)
    rows = []
    for year in years:
        now, before = is_active_in(spans, year), is_active_in(spans, year - 1)
        rows.append({"year": year, "active_previous": before.sum(), "opened": (now & ~before).sum(),
                     "closed": (before & ~now).sum(), "active": now.sum()})
    columns = ["year", "active_previous", "opened", "closed", "active"]
    return pd.DataFrame(rows, columns=columns).astype("int64")
