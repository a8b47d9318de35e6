"""The registry a report is built from: which file, which export year, which years it can report.

Every notebook starts here. ``registry_path=None`` means the bundled synthetic sample (DATA
SINTETIS), whose export describes 2024; any other file is a real export whose latest acceptable
year is given by the caller (``export_year``) or, failing that, is the current calendar year.

Example:
    >>> registry = load_report_registry(None)
    >>> registry.is_synthetic, registry.export_year, registry.report_years()
    (True, 2024, [2020, 2021, 2022, 2023, 2024])
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ikm_analysis.clean.options import CleaningOptions
from ikm_analysis.clean.registry import ProcessedRegistry, process_registry
from ikm_analysis.exceptions import ReportParameterError
from ikm_analysis.metrics.activity import default_status_year
from ikm_analysis.report.registry_file import (
    report_export_year,
    resolve_registry_path,
    years_to_report,
)

#: Unit numbers the synthetic generator writes (``SIN-2021-0042``); no real office uses them.
SYNTHETIC_UNIT_ID = re.compile(r"^SIN-\d{4}-\d{4}$")


def synthetic_row_count(processed: ProcessedRegistry) -> int:
    """Rows whose unit number has the synthetic generator's form (``SIN-YYYY-NNNN``).

    Example:
        >>> sample = load_report_registry(None).processed
        >>> synthetic_row_count(sample) > 0.99 * sample.cleaning.rows_clean
        True
    """
    unit_ids = processed.raw.frame.get("unit_id")
    if unit_ids is None:
        return 0
    text = unit_ids.astype("string").str.strip()
    return int(text.str.fullmatch(SYNTHETIC_UNIT_ID.pattern).fillna(False).sum())


@dataclass(frozen=True)
class ReportRegistry:
    """A registry read and cleaned for reporting.

    Attributes:
        path: The file read.
        processed: Raw rows, clean table and quarantine.
        export_year: The latest acceptable year in cleaning (the year the export describes).
        status_year: The year the ``status`` column describes (A14).
        synthetic_rows: Rows with synthetic unit numbers; any makes the report bannered.
    """

    path: Path
    processed: ProcessedRegistry
    export_year: int
    status_year: int
    synthetic_rows: int

    @property
    def clean(self) -> pd.DataFrame:
        """The clean table (no personal data)."""
        return self.processed.clean

    @property
    def is_synthetic(self) -> bool:
        """Whether the report must carry the DATA SINTETIS banner."""
        return self.synthetic_rows > 0

    def row_counts(self) -> dict[str, int]:
        """Rows read, clean, quarantined, blank rows skipped, and rows with synthetic numbers."""
        summary = self.processed.summary()
        return {key: int(summary[key]) for key in (
            "rows_read", "rows_clean", "rows_quarantined", "blank_rows_skipped")} | {
            "synthetic_rows": self.synthetic_rows}

    def data_years(self) -> tuple[int, int]:
        """First and last year the clean table can describe (first registration, status year).

        Raises:
            ValueError: The clean table is empty.
            ReportParameterError: The registry has no registration years (A37).
        """
        if "year_registered" not in self.processed.raw.fields:
            raise ReportParameterError("no_registration_years", file=self.path.name)
        registered = self.clean["year_registered"].dropna()
        if registered.empty:
            raise ValueError(f"{self.path}: no clean row; nothing to report")
        return int(registered.min()), self.status_year

    def trend_years(self, year: int, span: int = 10) -> range:
        """The years a trend chart up to ``year`` shows: ``span`` years, none before the data.

        Example:
            >>> load_report_registry(None).trend_years(2024)
            range(2015, 2025)
        """
        return range(max(self.data_years()[0], year - span + 1), year + 1)

    def report_years(self, first_year: int | None = None) -> list[int]:
        """Years ``build --all`` reports: the five up to the status year, or from ``first_year``.

        Args:
            first_year: Earliest year to report; the default span otherwise (A23).

        Returns:
            Consecutive years within :meth:`data_years`.
        """
        return years_to_report(self.data_years(), first_year)


def load_report_registry(registry_path: str | Path | None, export_year: int | None = None,
                         sheet: str | None = None, lang: str = "id",
                         number_format: str | None = None) -> ReportRegistry:
    """Read and clean the registry a report is built from.

    In a build's kernel the result comes from the build's cache, read and cleaned once for all
    its reports (:mod:`ikm_analysis.report.registry_cache`); elsewhere the file is read.

    Args:
        registry_path: CSV, XLSX or Parquet export; the bundled synthetic sample when ``None``.
        export_year: Latest acceptable year in cleaning. Default: the sample's 2024 for the
            sample; the current calendar year otherwise (as ``ikm-report validate``).
        sheet: Worksheet of an XLSX file.
        lang: Language of the quarantine reasons.
        number_format: How numbers written as text are read (``id``, ``en``); told from each
            column's cells when ``None``.

    Returns:
        The registry with its export and status years.

    Raises:
        InputFileError: The file cannot be read.
    """
    from ikm_analysis.report.registry_cache import cached_report_registry

    return cached_report_registry(registry_path, export_year, sheet, lang, number_format)


def read_report_registry(registry_path: str | Path | None, export_year: int | None = None,
                         sheet: str | None = None, lang: str = "id",
                         number_format: str | None = None) -> ReportRegistry:
    """:func:`load_report_registry` from the file itself, never from a cache.

    Example:
        >>> read_report_registry(None).export_year
        2024
    """
    path = resolve_registry_path(registry_path)
    export_year = report_export_year(registry_path, export_year)
    options = CleaningOptions(max_year=export_year, number_format=number_format)
    processed = process_registry(path, sheet=sheet, options=options, lang=lang)
    clean = processed.clean
    status_year = default_status_year(clean) if len(clean) else export_year
    return ReportRegistry(path, processed, export_year, status_year,
                          synthetic_row_count(processed))
