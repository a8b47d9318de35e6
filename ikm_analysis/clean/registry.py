r"""One call from a registry file to a clean table, a quarantine table and the counts.

Example:
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ikm.csv"
    >>> _ = path.write_text("ID,Nama Usaha,Kelurahan,KBLI,Tahun,Status\n"
    ...                     "A1,Kue Ibu,Menteng,10792,2021,aktif\n"
    ...                     "A2,Rotan Indah,Tidak Ada,16299,2022,aktif\n", encoding="utf-8")
    >>> processed = process_registry(path, options=CleaningOptions(max_year=2024))
    >>> processed.summary()["rows_clean"], processed.summary()["rows_quarantined"]
    (1, 1)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ikm_analysis.clean.pipeline import CleaningOptions, CleaningResult, clean_registry
from ikm_analysis.clean.quarantine import build_quarantine_table
from ikm_analysis.io.read import RawRegistry, read_registry
from ikm_analysis.io.sheet import column_letter


@dataclass(frozen=True)
class ProcessedRegistry:
    """A registry file read, cleaned and checked.

    Attributes:
        raw: Rows as read (includes personal data).
        cleaning: The clean table (no personal data) and the issues.
        quarantine: One line per problem, for the officers who fix the file.
    """

    raw: RawRegistry
    cleaning: CleaningResult
    quarantine: pd.DataFrame

    @property
    def clean(self) -> pd.DataFrame:
        """The clean table."""
        return self.cleaning.clean

    def assumptions(self) -> list[str]:
        """What the package assumed because the file lacks a column (keys of A35-A37).

        Example:
            >>> from ikm_analysis.sample.files import sample_registry_path
            >>> process_registry(sample_registry_path(),
            ...                  options=CleaningOptions(max_year=2024)).assumptions()
            []
        """
        has = self.raw.fields
        return [key for key, column in (("derived_unit_key", "unit_id"),
                                        ("listed_units_active", "status"),
                                        ("no_registration_years", "year_registered"))
                if column not in has]

    def summary(self) -> dict[str, object]:
        """Counts for the screen and for the report's data-quality section.

        Returns:
            File, sheet(s) read and skipped (with the reason), header row, rows read, clean and
            quarantined, blank and skipped rows, quarantined rows per reason code, what became
            of every column, the headers that were ignored, and what was assumed.
        """
        per_reason = (
            self.quarantine.drop_duplicates(["source_sheet", "source_row", "reason_code"])[
                "reason_code"].value_counts().sort_index()
        )
        skipped: dict[str, int] = {}
        for _, _, kind in self.raw.skipped_rows:
            skipped[kind] = skipped.get(kind, 0) + 1
        return {
            "file": self.raw.path.name,
            "sheet": self.raw.sheet,
            "header_row": self.raw.header_row,
            "rows_read": self.cleaning.rows_in,
            "rows_clean": self.cleaning.rows_clean,
            "rows_quarantined": self.cleaning.rows_quarantined,
            "blank_rows_skipped": self.raw.blank_rows,
            "quarantined_rows_by_reason": {str(k): int(v) for k, v in per_reason.items()},
            "ignored_headers": list(self.raw.ignored_headers),
            "sheets_read": list(self.raw.sheets_read),
            "sheets_skipped": dict(self.raw.sheets_skipped),
            "skipped_rows": skipped,
            "far_cells": self.raw.far_cells,
            "columns": [{"sheet": sheet, "column": column_letter(fate.position),
                         "header": fate.header, "fate": fate.fate, "field": fate.field,
                         "instead": fate.detail} for sheet, fate in self.raw.column_fates],
            "assumptions": self.assumptions(),
        }


def process_registry(
    path: str | Path,
    sheet: str | None = None,
    options: CleaningOptions | None = None,
    lang: str = "id",
) -> ProcessedRegistry:
    """Read, clean and check a registry export.

    Args:
        path: CSV, XLSX or Parquet file.
        sheet: Worksheet of an XLSX file; the first with a header row by default.
        options: Cleaning options.
        lang: Language of the quarantine reasons, ``"id"`` or ``"en"``.

    Returns:
        The processed registry.

    Raises:
        InputFileError: The file cannot be read (see :func:`ikm_analysis.io.read.read_registry`).
    """
    raw = read_registry(path, sheet=sheet)
    cleaning = clean_registry(raw, options)
    return ProcessedRegistry(raw, cleaning, build_quarantine_table(raw, cleaning.issues, lang))
