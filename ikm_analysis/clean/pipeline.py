"""Turn a raw registry into the clean table: parse every cell, check the rules, drop repeats.

:func:`clean_registry` is pure: a :class:`~ikm_analysis.io.read.RawRegistry` in, a
:class:`CleaningResult` out; nothing is read or written. Every raw row ends up in exactly one of
two places: the clean table, or the issue list (and from there the quarantine file) with the
reason. Rows in = clean rows + quarantined rows, always; the function checks it before returning.

The steps, each in its own module: parse the fields (:mod:`~ikm_analysis.clean.fields`), check
the rules (:mod:`~ikm_analysis.clean.validation`), drop echoes of one problem
(:func:`~ikm_analysis.clean.issues.tidy_issues`), find repeated units
(:mod:`~ikm_analysis.clean.duplicates`).

The clean table holds no personal data: owner name, NIK, phone and address are used to find
duplicates and then left behind (they remain only in the raw rows shown in the quarantine file).

Example:
    >>> from pathlib import Path
    >>> raw_frame = pd.DataFrame(
    ...     {"unit_id": ["A1", "A2"], "business_name": ["Kue Ibu", "Mebel Jaya"],
    ...      "kelurahan": ["Kel. Menteng", "Kelampangan"], "kbli_code": ["10792", "31001"],
    ...      "year_registered": ["2021", "2019"], "status": ["aktif", "tutup"],
    ...      "year_closed": [None, "2023"]},
    ...     index=pd.Index([3, 4], name="source_row"))
    >>> result = clean_registry(RawRegistry(raw_frame, Path("contoh.csv")),
    ...                         CleaningOptions(max_year=2024))
    >>> columns = ["unit_id", "kelurahan", "kecamatan", "category_code", "status"]
    >>> result.clean[columns].to_numpy().tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['A1', 'Menteng', 'Jekan Raya', 'pangan', 'aktif'],
     ['A2', 'Kalampangan', 'Sabangau', 'kayu', 'tidak_aktif']]
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ikm_analysis._fast.codes import without_unused_categories
from ikm_analysis._fast.threads import second_core
from ikm_analysis.clean.duplicates import (
    duplicate_issues,
    flag_possible_duplicates,
    folded_name_codes,
    name_place_keys,
)
from ikm_analysis.clean.fields import column_or_empty, parse_fields
from ikm_analysis.clean.issues import CellIssues, read_issues, tidy_issues
from ikm_analysis.clean.options import CleaningOptions
from ikm_analysis.clean.text import clean_text
from ikm_analysis.clean.validation import (
    CATEGORICAL_COLUMNS,
    rule_issues,
    validate_clean_registry,
)
from ikm_analysis.clean.year_range import resolve_max_year
from ikm_analysis.io.read import RawRegistry

__all__ = ["CleaningOptions", "CleaningResult", "clean_registry"]


@dataclass(frozen=True)
class CleaningResult:
    """Output of :func:`clean_registry`.

    Attributes:
        clean: Rows that passed every check, in the schema of
            :func:`ikm_analysis.clean.validation.clean_registry_schema`.
        issues: Every problem found, one per row and field; its rows are the quarantined rows.
        rows_in: Number of raw rows received.
    """

    clean: pd.DataFrame
    issues: CellIssues
    rows_in: int

    @property
    def rows_clean(self) -> int:
        """Number of rows in the clean table."""
        return len(self.clean)

    @property
    def rows_quarantined(self) -> int:
        """Number of distinct rows with at least one issue."""
        return len(self.issues.rows)


def _without_rows(typed: pd.DataFrame, rows: pd.Index) -> pd.DataFrame:
    """The typed rows not in ``rows``, numbered from 0; categories only those still held."""
    quarantined = typed.index.isin(rows)
    if not quarantined.any():
        return typed.reset_index(drop=True)
    kept = typed.loc[~quarantined].reset_index(drop=True)
    return kept.assign(**{name: without_unused_categories(kept[name])
                          for name in CATEGORICAL_COLUMNS})


def clean_registry(raw: RawRegistry, options: CleaningOptions | None = None) -> CleaningResult:
    """Parse, place, check and de-duplicate a raw registry; quarantine what fails, lose nothing.

    Args:
        raw: Rows as read by :func:`ikm_analysis.io.read.read_registry`.
        options: Parsing options; defaults when ``None``.

    Returns:
        The clean table and the issues of the quarantined rows.

    Raises:
        RuntimeError: If rows in != clean + quarantined (a bug, never expected).
    """
    options = options or CleaningOptions()
    max_year = resolve_max_year(options.max_year)
    business_name = clean_text(column_or_empty(raw.frame, "business_name"))
    with second_core() as beside:
        # The names are hashed for the possible-duplicate flag while the other fields are
        # parsed, then the flag's keys are built while the rules are checked (A32).
        folded_names = beside(folded_name_codes, business_name)
        typed, issues = parse_fields(raw, options, business_name)
        keys = beside(lambda: name_place_keys(typed, folded_names.result()))
        issues = issues.extend(read_issues(raw))
        issues = issues.extend(rule_issues(typed, issues, options.min_year, max_year,
                                           "year_registered" in raw.fields))
        issues = tidy_issues(issues, raw.total_rows)
        issues = issues.extend(duplicate_issues(typed, raw, ~typed.index.isin(issues.rows)))
        clean = _without_rows(typed, issues.rows)
        kept_keys = keys.result()[~typed.index.isin(issues.rows)]
    clean["is_possible_duplicate"] = flag_possible_duplicates(clean, kept_keys)
    # Every row already passed every rule above (or was quarantined): what is left to check is
    # the table's shape (columns, order, types; no personal data), not each value a second time.
    validate_clean_registry(clean, max_year, values=False,
                            registration_years="year_registered" in raw.fields)

    result = CleaningResult(clean, issues, rows_in=len(raw.frame))
    if result.rows_clean + result.rows_quarantined != result.rows_in:
        raise RuntimeError(
            f"rows lost: {result.rows_in} in, {result.rows_clean} clean, "
            f"{result.rows_quarantined} quarantined"
        )
    return result
