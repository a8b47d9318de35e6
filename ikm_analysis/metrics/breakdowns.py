"""Counts and shares of units by category, kecamatan or kelurahan, and their change over a year.

Tables list every key of the reference (all six categories, all five kecamatan, all 30
kelurahan), with zero where a key has no unit, so that a table's length never depends on the
data. Shares are percentages of the table's total; a table whose total is zero has no shares
(missing, never NaN from 0/0 arithmetic left unexplained).

Example:
    >>> import pandas as pd
    >>> units = pd.DataFrame({"category_code": ["pangan", "pangan", "kayu"]})
    >>> table = count_units(units, "category_code", keys=["pangan", "kayu", "sandang"])
    >>> table["units"].tolist(), table["share_percent"].round(1).tolist()
    ([2, 1, 0], [66.7, 33.3, 0.0])
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ikm_analysis._fast.codes import count_by_key, count_pairs, without_unused_categories
from ikm_analysis.metrics.activity import active_spans, is_active_in
from ikm_analysis.reference import load_kecamatan, load_kelurahan, load_product_categories

#: Columns of the clean table a breakdown may use, with the reference listing every key.
BREAKDOWN_COLUMNS = ("category_code", "kecamatan_code", "kelurahan_code")


def reference_keys(column: str) -> list[str]:
    """Every key of a breakdown column, in display order.

    Args:
        column: ``category_code``, ``kecamatan_code`` or ``kelurahan_code``.

    Returns:
        The keys from the reference tables.

    Raises:
        ValueError: For another column.

    Example:
        >>> reference_keys("kecamatan_code")[:2]
        ['62.71.01', '62.71.02']
        >>> len(reference_keys("kelurahan_code"))
        30
    """
    if column == "category_code":
        return load_product_categories()["category_code"].tolist()
    if column == "kecamatan_code":
        return load_kecamatan()["kecamatan_code"].tolist()
    if column == "kelurahan_code":
        return load_kelurahan()["kelurahan_code"].tolist()
    raise ValueError(f"no reference keys for {column!r}; use one of {BREAKDOWN_COLUMNS}")


def share_percent(counts: pd.Series) -> pd.Series:
    """Each count as a percentage of their sum; missing everywhere when the sum is zero.

    Args:
        counts: Non-negative counts.

    Returns:
        Float64 percentages summing to 100 (up to float rounding).

    Example:
        >>> import pandas as pd
        >>> share_percent(pd.Series([1, 3])).tolist()
        [25.0, 75.0]
        >>> share_percent(pd.Series([0, 0])).isna().all()
        np.True_
    """
    values = counts.astype("Float64")
    total = values.sum()
    if total == 0:
        return pd.Series(pd.NA, index=counts.index, dtype="Float64")
    return values / total * 100


def keys_for(units: pd.DataFrame, column: str, keys: Sequence[str] | None) -> list[str]:
    """The keys a table lists: ``keys`` checked against the data, or the observed values.

    Args:
        units: A units table.
        column: The column broken down by.
        keys: Every key to list, in order, or ``None`` for the observed values, sorted.

    Returns:
        The keys.

    Raises:
        KeyError: ``column`` is not a column of ``units``.
        ValueError: A value of the column is not among ``keys`` (it would vanish from totals).

    Example:
        >>> import pandas as pd
        >>> keys_for(pd.DataFrame({"k": ["b", "a", "b"]}), "k", None)
        ['a', 'b']
    """
    if column not in units.columns:
        raise KeyError(f"the units table has no column {column!r}")
    values = units[column]
    if isinstance(values.dtype, pd.CategoricalDtype):  # read the categories, not every row
        if keys is None:
            return sorted(without_unused_categories(values).cat.categories.tolist())
        listed = set(keys)
        outside = [value for value in values.cat.categories.tolist() if value not in listed]
        if not outside:
            return list(keys)
        values = values[values.isin(outside)]  # only the rows that may hold an unknown value
    if keys is None:
        return sorted(values.dropna().unique().tolist())
    unknown = set(values.dropna().unique().tolist()) - set(keys)
    if unknown:
        raise ValueError(f"{column} has values outside the keys given: {sorted(unknown)}")
    return list(keys)


def count_units(units: pd.DataFrame, by: str, keys: Sequence[str] | None = None) -> pd.DataFrame:
    """Units and shares per key of one column.

    Args:
        units: A units table (e.g. the active units of a year).
        by: The column to break down by.
        keys: Every key to list, in order; the observed values, sorted, when ``None``.

    Returns:
        Columns ``by``, ``units`` (int64) and ``share_percent`` (Float64), one row per key.

    Raises:
        KeyError: ``by`` is not a column.
        ValueError: A value of ``by`` is not among ``keys``.

    Example:
        >>> import pandas as pd
        >>> count_units(pd.DataFrame({"k": ["a", "b", "a"]}), "k")["units"].tolist()
        [2, 1]
    """
    keys = keys_for(units, by, keys)
    counts = units[by].value_counts().reindex(keys, fill_value=0).astype("int64")
    return pd.DataFrame({by: keys, "units": counts.to_numpy(),
                         "share_percent": share_percent(counts).to_numpy()})


def count_units_with_change(
    units: pd.DataFrame,
    by: str,
    year: int,
    keys: Sequence[str] | None = None,
    status_year: int | None = None,
) -> pd.DataFrame:
    """Active units per key in ``year`` and in the year before, with the change.

    Args:
        units: The clean registry table (all years).
        by: The column to break down by.
        year: The report year.
        keys: Every key to list; the observed values, sorted, when ``None``.
        status_year: Year the ``status`` column describes
            (see :mod:`ikm_analysis.metrics.activity`).

    Returns:
        Columns ``by``, ``units_previous``, ``units``, ``share_percent``, ``change`` (int64) and
        ``change_percent`` (Float64, missing where the previous count is zero).

    Example:
        >>> import pandas as pd
        >>> units = pd.DataFrame({"k": ["a", "a", "b"],
        ...     "year_registered": pd.array([2020, 2021, 2021], dtype="Int64"),
        ...     "year_closed": pd.array([None, None, None], dtype="Int64"),
        ...     "status": ["aktif"] * 3})
        >>> table = count_units_with_change(units, "k", 2021)
        >>> table[["units_previous", "units", "change"]].values.tolist()
        [[1, 2, 1], [0, 1, 1]]
        >>> table["change_percent"].tolist()
        [100.0, <NA>]
    """
    keys = keys_for(units, by, keys)
    spans = active_spans(units, status_year)
    current = pd.Series(count_by_key(units[by], is_active_in(spans, year), keys))
    previous = pd.Series(count_by_key(units[by], is_active_in(spans, year - 1), keys))
    change = current - previous
    base = previous.astype("Float64")
    change_percent = (change.astype("Float64") / base * 100).where(base > 0, pd.NA)
    return pd.DataFrame({
        by: keys,
        "units_previous": previous,
        "units": current,
        "share_percent": share_percent(current).to_numpy(),
        "change": change.astype("int64"),
        "change_percent": change_percent,
    })


def cross_count(
    units: pd.DataFrame,
    rows: str,
    columns: str,
    row_keys: Sequence[str] | None = None,
    column_keys: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Units per pair of keys, e.g. kecamatan by category, with zeros where a pair is empty.

    Args:
        units: A units table.
        rows: Column whose keys become the rows.
        columns: Column whose keys become the columns.
        row_keys: Every row key, in order; observed values when ``None``.
        column_keys: Every column key, in order; observed values when ``None``.

    Returns:
        An int64 table indexed by ``row_keys`` with one column per column key (no totals).

    Example:
        >>> import pandas as pd
        >>> units = pd.DataFrame({"r": ["x", "x", "y"], "c": ["a", "b", "a"]})
        >>> cross_count(units, "r", "c").values.tolist()
        [[1, 1], [1, 0]]
    """
    row_keys = keys_for(units, rows, row_keys)
    column_keys = keys_for(units, columns, column_keys)
    table = count_pairs(units[rows], units[columns])
    table = table.reindex(index=row_keys, columns=column_keys, fill_value=0).astype("int64")
    table.index.name, table.columns.name = rows, columns
    return table


def active_units_by_category(units: pd.DataFrame, year: int, status_year: int | None = None
                             ) -> pd.DataFrame:
    """Active units per product category at the end of ``year`` and of the year before.

    What the yearly report's table "units by product category" shows: every category of the
    reference, in display order (:func:`count_units_with_change`).

    Example:
        >>> import pandas as pd
        >>> units = pd.DataFrame({"category_code": ["pangan", "kayu"],
        ...     "year_registered": pd.array([2020, 2024], dtype="Int64"),
        ...     "year_closed": pd.array([None, None], dtype="Int64"), "status": ["aktif"] * 2})
        >>> active_units_by_category(units, 2024).set_index("category_code")["change"].to_dict()
        {'pangan': 0, 'kerajinan': 0, 'kayu': 1, 'sandang': 0, 'logam_mesin_kimia': 0, 'lainnya': 0}
    """
    return count_units_with_change(units, "category_code", year,
                                   reference_keys("category_code"), status_year)


def active_units_by_kecamatan(units: pd.DataFrame, year: int, status_year: int | None = None
                              ) -> pd.DataFrame:
    """Active units per kecamatan at the end of ``year`` and of the year before (all five).

    What the yearly report's table "units by kecamatan" shows (:func:`count_units_with_change`).
    """
    return count_units_with_change(units, "kecamatan_code", year,
                                   reference_keys("kecamatan_code"), status_year)


def active_units_by_category_and_kecamatan(active: pd.DataFrame) -> pd.DataFrame:
    """Active units per product category (rows) and kecamatan (columns), every key listed.

    What the yearly report's table "product category by kecamatan" shows (:func:`cross_count`).

    Args:
        active: The active units of the report year
            (:func:`~ikm_analysis.metrics.activity.active_units`).
    """
    return cross_count(active, "category_code", "kecamatan_code",
                       reference_keys("category_code"), reference_keys("kecamatan_code"))


def active_units_by_year_and(units: pd.DataFrame, by: str, years: Sequence[int],
                             status_year: int | None = None) -> pd.DataFrame:
    """Active units at the end of each year per category or kecamatan: the trend by key.

    Each year's column counts what :func:`active_units_by_category` (or ``_by_kecamatan``)
    counts for that year, so the columns of the report year and the year before equal the
    ``units`` and ``units_previous`` of those tables.

    Args:
        units: The clean registry table (all years).
        by: ``"category_code"`` or ``"kecamatan_code"`` (every reference key is listed).
        years: The years, in order.
        status_year: Year the ``status`` column describes.

    Returns:
        An int64 table indexed by key (reference order), one column per year.

    Example:
        >>> units = pd.DataFrame({"kecamatan_code": ["62.71.01", "62.71.03"],
        ...     "year_registered": pd.array([2020, 2022], dtype="Int64"),
        ...     "year_closed": pd.array([None, None], dtype="Int64"), "status": ["aktif"] * 2})
        >>> active_units_by_year_and(units, "kecamatan_code", [2021, 2022]).iloc[:3].values.tolist()
        [[1, 1], [0, 0], [0, 1]]
    """
    keys = reference_keys(by)
    spans = active_spans(units, status_year)
    table = pd.DataFrame({year: count_by_key(units[by], is_active_in(spans, year), keys)
                          for year in years}, index=pd.Index(keys, name=by))
    table.columns.name = "year"
    return table.astype("int64")
