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

    def summary(self) -> dict[str, object]:
        """Counts for the screen and for the report's data-quality section.

        Returns:
            File, sheet, header row, rows read/clean/quarantined, blank rows skipped, quarantined
            rows per reason code, and headers that were ignored.
        """
        per_reason = (
            self.quarantine.drop_duplicates(["source_row", "reason_code"])["reason_code"]
            .value_counts().sort_index()
        )
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
