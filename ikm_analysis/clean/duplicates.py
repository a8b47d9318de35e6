"""Repeated units: the same unit number twice, and different numbers that look like one business.

A later row repeating an earlier row's ``unit_id`` is quarantined, as ``duplicate_row`` when
every cell is the same (personal cells included) and as ``duplicate_unit_id`` otherwise; the
first row is kept. Rows with different numbers but the same business name (folded), kelurahan and
category stay in the clean table with ``is_possible_duplicate`` set, for an officer to look at.

Example:
    >>> clean = pd.DataFrame({"business_name": ["Kue Ibu", "KUE IBU", "Mebel"],
    ...     "kelurahan_code": ["62.71.03.1002"] * 3,
    ...     "category_code": pd.Series(["pangan", "pangan", "kayu"], dtype="category")})
    >>> flag_possible_duplicates(clean).tolist()
    [True, True, False]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ikm_analysis._fast.codes import row_keys
from ikm_analysis._fast.repeats import earlier_repeats, occurs_more_than_once
from ikm_analysis.clean.issues import CellIssues
from ikm_analysis.folding import fold_series
from ikm_analysis.io.read import RawRegistry


def _row_fingerprints(frame: pd.DataFrame) -> pd.Series:
    return pd.util.hash_pandas_object(frame.astype("string"), index=False)


def duplicate_issues(typed: pd.DataFrame, raw: RawRegistry, is_candidate: np.ndarray
                      ) -> CellIssues:
    """Later rows repeating a unit_id of an earlier candidate row (first occurrence kept)."""
    unit_ids = typed["unit_id"][is_candidate & typed["unit_id"].notna().to_numpy()]
    repeats, firsts = earlier_repeats(unit_ids)
    if len(repeats) == 0:
        return CellIssues.empty()
    repeated_rows = unit_ids.index[repeats]
    first_of = pd.Series(unit_ids.index[firsts], index=repeated_rows)
    involved = repeated_rows.union(pd.Index(first_of.unique()))
    fingerprints = _row_fingerprints(raw.cells(involved))  # only rows compared, not the file
    is_exact = pd.Series(
        fingerprints.loc[repeated_rows].to_numpy() == fingerprints.loc[first_of].to_numpy(),
        index=repeated_rows,
    )
    detail = pd.Series(place_text(raw, first_of.to_numpy()), index=repeated_rows)
    same_unit = "duplicate_unit_id" if "unit_id" in raw.fields else "duplicate_unit_key"
    return (
        CellIssues.empty()
        .add(is_exact, "", "duplicate_row", detail=detail)
        .add(~is_exact, "unit_id", same_unit, detail=detail)
    )


def place_text(raw: RawRegistry, records: Sequence[int]) -> list[str]:
    """Where records are, as a message names them: ``12``, or ``12 (Pahandut)``.

    The sheet is named for a workbook read from several sheets.

    Example:
        >>> from pathlib import Path
        >>> frame = pd.DataFrame({"a": [1]}, index=pd.Index([7], name="source_row"))
        >>> place_text(RawRegistry(frame, Path("ikm.csv")), [7])
        ['7']
    """
    several = raw.locations is not None
    return [f"{row} ({sheet})" if several and sheet else str(row)
            for sheet, row in raw.location(records)]



def folded_name_codes(names: pd.Series) -> np.ndarray:
    """A code per row, the same for names that fold alike (each spelling folded once)."""
    spelling, spellings = pd.factorize(names, use_na_sentinel=False)
    folded_codes, _ = pd.factorize(fold_series(pd.Series(spellings)), use_na_sentinel=False)
    return folded_codes[spelling]


def name_place_keys(units: pd.DataFrame, folded_names: np.ndarray) -> np.ndarray:
    """A key per row, equal for rows with the same folded name, kelurahan and category.

    ``folded_names``: :func:`folded_name_codes` of the rows' names.
    """
    return row_keys([units["kelurahan_code"], units["category_code"]], start=folded_names)


def flag_possible_duplicates(clean: pd.DataFrame, keys: np.ndarray | None = None
                              ) -> pd.Series:
    """Same business name (folded), kelurahan and category under different unit_ids.

    ``keys``: :func:`name_place_keys` of the clean rows, when already known.
    """
    if keys is None:
        keys = name_place_keys(clean, folded_name_codes(clean["business_name"]))
    return pd.Series(occurs_more_than_once(keys), index=clean.index)


