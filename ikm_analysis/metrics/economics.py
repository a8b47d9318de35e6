"""Workforce, investment and production value per group of units.

Registries leave many money cells empty. Totals add the values that were reported and say how
many units reported them (``*_reported``), so a reader can judge the coverage; a missing value is
never counted as zero. Medians are of the reported values, and only shown when at least
``min_reported`` units (3 by default) reported: the median of one or two businesses is their own
figure. Before publishing totals per group, hide small ones with
:func:`ikm_analysis.metrics.disclosure.suppress_small_cells` (``contributors`` = the ``*_reported``
counts).

Example:
    >>> import pandas as pd
    >>> units = pd.DataFrame({"category_code": ["pangan", "pangan", "kayu"],
    ...     "workers_count": pd.array([2, 4, None], dtype="Int64"),
    ...     "investment_rp": pd.array([1e6, None, 5e6], dtype="Float64"),
    ...     "production_value_rp": pd.array([None, None, 9e6], dtype="Float64")})
    >>> table = economic_summary(units, "category_code", keys=["pangan", "kayu"], min_reported=1)
    >>> table[["units", "workers_total", "workers_reported", "workers_median"]].values.tolist()
    [[2, 6, 2, 3.0], [1, 0, 0, <NA>]]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ikm_analysis._fast.threads import side_by_side
from ikm_analysis.metrics.breakdowns import keys_for, reference_keys
from ikm_analysis.metrics.disclosure import DEFAULT_THRESHOLD

#: Measures summarised: clean-table column -> short name used in the output columns.
MEASURES: dict[str, str] = {
    "workers_count": "workers",
    "investment_rp": "investment_rp",
    "production_value_rp": "production_value_rp",
}


def economic_summary(
    units: pd.DataFrame,
    by: str | None = None,
    keys: Sequence[str] | None = None,
    min_reported: int = DEFAULT_THRESHOLD,
) -> pd.DataFrame:
    """Totals, medians and reporting counts of workers, investment and production value.

    Args:
        units: A units table (e.g. the active units of a year).
        by: Column to group by; one row for all units when ``None``.
        keys: Every group key to list, in order (groups without units get zeros and missing
            medians); the observed values, sorted, when ``None``.
        min_reported: Fewest reporting units for which a median is shown.

    Raises:
        ValueError: A value of ``by`` is not among ``keys``.

    Returns:
        Columns ``by`` (when given), ``units``, and for each measure ``<m>_total``,
        ``<m>_reported`` (units with a value) and ``<m>_median`` (Float64, missing when fewer
        than ``min_reported`` units reported).

    Example:
        >>> import pandas as pd
        >>> units = pd.DataFrame({"workers_count": pd.array([1, 3], dtype="Int64"),
        ...     "investment_rp": pd.array([None, None], dtype="Float64"),
        ...     "production_value_rp": pd.array([2.0, 4.0], dtype="Float64")})
        >>> row = economic_summary(units, min_reported=2).iloc[0]
        >>> int(row["workers_total"]), float(row["production_value_rp_median"])
        (4, 3.0)
    """
    group = by if by is not None else "_all"
    if by is None:
        # One category for every row: grouping by its codes hashes nothing (text would).
        every_row = pd.Categorical.from_codes(np.zeros(len(units), dtype="int8"), ["all"])
        frame = units[list(MEASURES)].assign(**{group: every_row})
        keys = ["all"]
    else:
        keys = keys_for(units, by, keys)
        frame = units[[by, *MEASURES]]  # only the columns summarised, not a wide table
    grouped = frame.groupby(group, observed=True, sort=False)
    result = pd.DataFrame(index=pd.Index(list(keys), name=group))
    result["units"] = grouped.size().reindex(result.index, fill_value=0).astype("int64")
    for column, name in MEASURES.items():
        values = grouped[column]
        total = values.sum(min_count=0).reindex(result.index, fill_value=0)
        result[f"{name}_total"] = total.astype("int64" if name == "workers" else "Float64")
        result[f"{name}_reported"] = values.count().reindex(result.index, fill_value=0).astype(
            "int64")
        median = values.median().reindex(result.index).astype("Float64")
        result[f"{name}_median"] = median.where(result[f"{name}_reported"] >= min_reported)
    result = result.reset_index()
    return result.drop(columns=group) if by is None else result


def economic_summaries(
    units: pd.DataFrame,
    by: str,
    keys: Sequence[str] | None = None,
    min_reported: int = DEFAULT_THRESHOLD,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`economic_summary` per group of ``by`` and of all units, computed side by side.

    A table that shows both (groups and a total row) gets them here in about the time of one:
    the summary of all units runs on a second core (:mod:`ikm_analysis._fast.threads`, A32).
    The results are those of the two calls.

    Args:
        units: A units table (e.g. the active units of a year).
        by: Column to group by.
        keys: Every group key to list, in order; the observed values, sorted, when ``None``.
        min_reported: Fewest reporting units for which a median is shown.

    Returns:
        ``(per_group, overall)`` as :func:`economic_summary` returns them.

    Example:
        >>> import pandas as pd
        >>> units = pd.DataFrame({"k": ["a", "b"], "workers_count": pd.array([1, 3], dtype="Int64"),
        ...     "investment_rp": pd.array([None, None], dtype="Float64"),
        ...     "production_value_rp": pd.array([2.0, 4.0], dtype="Float64")})
        >>> per_group, overall = economic_summaries(units, "k", min_reported=1)
        >>> per_group["workers_total"].tolist(), int(overall.loc[0, "workers_total"])
        ([1, 3], 4)
    """
    return side_by_side(lambda: economic_summary(units, by, keys, min_reported),
                        lambda: economic_summary(units, None, None, min_reported))


def economy_by_category(active: pd.DataFrame, min_reported: int = DEFAULT_THRESHOLD
                        ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Workers, investment and production per product category, and over all active units.

    What the yearly report's table "workforce, investment and production" shows: one row per
    category of the reference and the total row (:func:`economic_summaries`).

    Args:
        active: The active units of the report year.
        min_reported: Fewest reporting units for which a median is shown.

    Returns:
        ``(per_category, all_units)``.
    """
    return economic_summaries(active, "category_code", reference_keys("category_code"),
                              min_reported)
