"""A registry as read from its file: canonical column names, values as written, every row placed.

Example:
    >>> frame = pd.DataFrame({"status": ["aktif", "tutup"]},
    ...                      index=pd.Index([3, 4], name="source_row"))
    >>> raw = RawRegistry(frame, Path("ikm.csv"))
    >>> raw.rows_read, raw.location([4])
    (2, [(None, 4)])
    >>> cell_as_written(1001.0)
    '1001'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ikm_analysis._fast.parquet_cells import DeferredColumns
from ikm_analysis.io.headers import ColumnFate


@dataclass(frozen=True)
class ReadIssue:
    """A problem found while reading a record (before any value is parsed).

    Attributes:
        record: The record (an index label of :attr:`RawRegistry.frame`).
        field: The canonical column concerned, or ``""`` for the whole record.
        reason_code: A reason of :mod:`ikm_analysis.clean.issues` (``unclosed_quote``,
            ``cell_error``, ...).
        detail: What the cell held (``#N/A``), if that says more.
    """

    record: int
    field: str
    reason_code: str
    detail: str = ""


@dataclass(frozen=True)
class RawRegistry:
    """A registry as read from its file: canonical column names, values as written.

    Records are the frame's index labels. A file read from one sheet (or a text file) numbers
    them by their row; a workbook read from several sheets numbers them 1, 2, ... and
    :attr:`locations` says where each one is.

    Attributes:
        frame: One row per record. CSV and XLSX cells are kept as read (text, or numbers and
            dates from Excel); Parquet columns keep their types. Sub-columns of a count are
            ``<column>@1``, ``<column>@2``...; a second column of one meaning ``<column>@2nd``.
        path: The file read.
        sheet: The worksheet read, when only one was.
        header_row: Row number of the header (of the lower row of a two-row header); ``None``
            for Parquet.
        headers: Canonical column -> header as written in the file.
        scales: Canonical column -> factor stated by the header's unit (``Rp 000`` -> 1000).
        ignored_headers: Headers that matched no canonical column (kept out of the frame).
        blank_rows: Number of empty rows below the header that were skipped.
        total_rows: Records that are totals (``Jumlah``, ``Total``), not units.
        encoding: Text encoding detected (text files only).
        delimiter: Field separator detected (text files only).
        deferred: Personal columns left in a Parquet file: at national scale they are most of
            the memory and only the quarantine table and the duplicate check need them, for a
            few rows. :meth:`cells` reads them (:mod:`ikm_analysis._fast.parquet_cells`).
        locations: Sheet name and row number of every record (index: the records); ``None``
            when records are row numbers of a file without sheets.
        parts: Count column -> its sub-columns in :attr:`frame` (``L`` + ``P``).
        seconds: Canonical column -> its second column in :attr:`frame`.
        read_issues: Problems found while reading records.
        column_fates: What became of every column, sheet by sheet: (sheet, fate).
        sheets_read: The sheets records were read from.
        sheets_skipped: Sheet -> why it was not read (a reason key).
        skipped_rows: (sheet, row, kind) of the rows below a header that are no records.
        far_cells: Cells found far outside the tables, not read.
    """

    frame: pd.DataFrame
    path: Path
    sheet: str | None = None
    header_row: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    scales: dict[str, float] = field(default_factory=dict)
    ignored_headers: tuple[str, ...] = ()
    blank_rows: int = 0
    total_rows: tuple[int, ...] = ()
    encoding: str | None = None
    delimiter: str | None = None
    deferred: DeferredColumns | None = None
    locations: pd.DataFrame | None = None
    parts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    seconds: dict[str, str] = field(default_factory=dict)
    read_issues: tuple[ReadIssue, ...] = ()
    column_fates: tuple[tuple[str | None, ColumnFate], ...] = ()
    sheets_read: tuple[str, ...] = ()
    sheets_skipped: dict[str, str] = field(default_factory=dict)
    skipped_rows: tuple[tuple[str | None, int, str], ...] = ()
    far_cells: int = 0

    @property
    def rows_read(self) -> int:
        """Number of records read."""
        return len(self.frame)

    @property
    def columns(self) -> tuple[str, ...]:
        """Every canonical column the file has: those in ``frame`` and the deferred ones."""
        return (*self.frame.columns, *(self.deferred.columns if self.deferred else ()))

    @property
    def fields(self) -> set[str]:
        """The canonical columns the file has, however written (sub-columns as their column)."""
        return {column.split("@")[0] for column in self.columns}

    def location(self, records: Sequence[int] | pd.Index) -> list[tuple[str | None, int]]:
        """(sheet, row number as Excel shows it) of each record.

        Example:
            >>> frame = pd.DataFrame({"a": [1, 2]}, index=pd.Index([1, 2], name="record"))
            >>> places = pd.DataFrame({"sheet": ["Pahandut", "Jekan Raya"], "row": [5, 5]},
            ...                       index=frame.index)
            >>> RawRegistry(frame, Path("ikm.xlsx"), locations=places).location([2])
            [('Jekan Raya', 5)]
        """
        if self.locations is None:
            return [(self.sheet, int(record)) for record in records]
        found = self.locations.loc[list(records)]
        return list(zip(found["sheet"].tolist(), found["row"].astype(int).tolist(), strict=True))

    def source_rows(self) -> pd.Series:
        """Row number of every record (as Excel shows it), aligned with :attr:`frame`."""
        if self.locations is None:
            return pd.Series(self.frame.index.to_numpy(dtype="int64"), index=self.frame.index)
        return self.locations["row"].reindex(self.frame.index).astype("int64")

    def source_sheets(self) -> pd.Series:
        """Sheet of every record (missing for a file without sheets), aligned with :attr:`frame`."""
        if self.locations is None:
            return pd.Series(self.sheet, index=self.frame.index, dtype=object)
        return self.locations["sheet"].reindex(self.frame.index)

    def cells(self, rows: Sequence[int] | pd.Index, columns: Sequence[str] | None = None
              ) -> pd.DataFrame:
        """The cells of some records as written, deferred columns read from the file.

        Args:
            rows: Records (index labels of ``frame``), in any order, repeats allowed.
            columns: Canonical columns; every column the file has by default.

        Returns:
            One row per requested record, indexed by it, one column per requested column.

        Raises:
            InputFileError: A deferred column is needed and the file has changed since it was
                read.

        Example:
            >>> frame = pd.DataFrame({"status": ["aktif", "tutup"]},
            ...                      index=pd.Index([3, 4], name="source_row"))
            >>> RawRegistry(frame, Path("ikm.csv")).cells([4]).to_dict("list")
            {'status': ['tutup']}
        """
        columns = list(self.columns if columns is None else columns)
        rows = pd.Index(rows, name=self.frame.index.name)
        cells = self.frame.loc[rows, [c for c in columns if c in self.frame.columns]]
        later = [c for c in columns if self.deferred and c in self.deferred.columns]
        if later:
            positions = rows.to_numpy(dtype="int64") - 1  # Parquet rows number records from 1
            read = self.deferred.read(positions, later)
            for name in later:
                cells[name] = pd.Series(read[name].array, index=cells.index)
        return cells[columns]


def cell_as_written(value: object) -> str:
    """A non-missing cell as text, as a spreadsheet shows it: Excel's ``1001.0`` is ``1001``.

    Args:
        value: A cell value read from the file (never missing).

    Returns:
        The text.

    Example:
        >>> cell_as_written(1001.0), cell_as_written(2.5), cell_as_written(" Kue ")
        ('1001', '2.5', ' Kue ')
    """
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
