"""Concentration of categories: Herfindahl-Hirschman index and location quotient.

Both work on a cross table of unit counts, areas as rows and categories as columns (see
:func:`ikm_analysis.metrics.breakdowns.cross_count`).

* The **Herfindahl-Hirschman index** of a row is the sum of its squared category shares, between
  ``1/k`` (units spread evenly over ``k`` categories) and 1 (all in one category). Multiply by
  10,000 for the "points" convention of competition authorities.
* The **location quotient** of an area and a category is the category's share in the area divided
  by its share in the whole city: above 1 the area is specialised in that category.

Example:
    >>> table = pd.DataFrame({"pangan": [8, 2], "kayu": [2, 8]}, index=["A", "B"])
    >>> herfindahl_by_row(table).round(2).tolist()
    [0.68, 0.68]
    >>> location_quotients(table).round(1).values.tolist()
    [[1.6, 0.4], [0.4, 1.6]]
"""

from __future__ import annotations

import pandas as pd


def herfindahl_by_row(table: pd.DataFrame) -> pd.Series:
    """The Herfindahl-Hirschman index of every row of a cross table.

    Args:
        table: Counts, areas as rows and categories as columns.

    Returns:
        Float64 index values per row, missing for a row without units.

    Example:
        >>> import pandas as pd
        >>> herfindahl_by_row(pd.DataFrame({"a": [1, 0], "b": [0, 0]})).tolist()
        [1.0, <NA>]
    """
    values = table.astype("float64")
    if (values < 0).any().any():
        raise ValueError("counts must not be negative")
    totals = values.sum(axis=1)
    shares = values.div(totals.where(totals > 0), axis=0)
    hhi = (shares**2).sum(axis=1, min_count=1)
    return hhi.astype("Float64").rename("hhi")


def location_quotients(table: pd.DataFrame) -> pd.DataFrame:
    """Location quotient of every cell of a cross table.

    Args:
        table: Counts, areas as rows and categories as columns.

    Returns:
        Float64 quotients of the same shape; missing for areas without units and categories
        absent from the whole table.

    Raises:
        ValueError: A count is negative.

    Example:
        >>> import pandas as pd
        >>> location_quotients(pd.DataFrame({"a": [1, 0], "b": [1, 0]})).values.tolist()
        [[1.0, 1.0], [<NA>, <NA>]]
    """
    values = table.astype("Float64")
    if (values < 0).any().any():
        raise ValueError("counts must not be negative")
    total = values.to_numpy().sum()
    row_totals = values.sum(axis=1)
    column_shares = values.sum(axis=0) / total if total else values.sum(axis=0) * pd.NA
    area_shares = values.div(row_totals.where(row_totals > 0, pd.NA), axis=0)
    return area_shares.div(column_shares.where(column_shares > 0, pd.NA), axis=1)


def concentration_by_kecamatan(by_category_and_kecamatan: pd.DataFrame) -> pd.DataFrame:
    """How concentrated each kecamatan's active units are, and the category it is known for.

    What the yearly report's concentration table shows, next to the category × kecamatan table.

    Args:
        by_category_and_kecamatan: Categories as rows, kecamatan as columns
            (:func:`~ikm_analysis.metrics.active_units_by_category_and_kecamatan`).

    Returns:
        One row per kecamatan: ``hhi`` (Herfindahl-Hirschman index of its categories),
        ``top_category`` (the category with the highest location quotient) and ``top_lq``
        (that quotient); missing for a kecamatan without units.

    Example:
        >>> cross = pd.DataFrame({"A": [8, 2], "B": [2, 8]}, index=["pangan", "kayu"])
        >>> concentration_by_kecamatan(cross)["top_category"].tolist()
        ['pangan', 'kayu']
    """
    by_kecamatan = by_category_and_kecamatan.T
    quotients = location_quotients(by_kecamatan).astype("float64")
    has_units = quotients.notna().any(axis=1)
    top = quotients.fillna(-1.0).idxmax(axis=1).where(has_units)
    top_lq = pd.Series([quotients.loc[row, column] if isinstance(column, str) else None
                        for row, column in top.items()], index=top.index, dtype="Float64")
    return pd.DataFrame({"hhi": herfindahl_by_row(by_kecamatan), "top_category": top.astype(
        "string"), "top_lq": top_lq}, index=by_kecamatan.index)
