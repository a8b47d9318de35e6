"""A registry as read from its file: canonical column names, values as written.

Example:
    >>> frame = pd.DataFrame({"status": ["aktif", "tutup"]},
    ...                      index=pd.Index([3, 4], name="source_row"))
    >>> RawRegistry(frame, Path("ikm.csv")).rows_read
    2
    >>> cell_as_written(1001.0)
    '1001'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ikm_analysis._fast.parquet_cells import DeferredColumns


@dataclass(frozen=True)
class RawRegistry:
    """A registry as read from its file: canonical column names, values as written.

    Attributes:
        frame: One row per non-blank data row, indexed by ``source_row`` (the row number a
            spreadsheet program shows; for Parquet, the record number from 1). CSV and XLSX
            cells are kept as read (text, or numbers and dates from Excel); Parquet columns keep
            their types.
        path: The file read.
        sheet: The worksheet used (XLSX only).
        header_row: Row number of the header (``None`` for Parquet).
        headers: Canonical column -> header as written in the file.
        scales: Canonical column -> factor stated by the header's unit (``Rp 000`` -> 1000).
        ignored_headers: Headers that matched no canonical column (kept out of the frame).
        blank_rows: Number of empty rows below the header that were skipped.
        total_rows: Row numbers of lines that look like totals (``Jumlah``, ``Total``).
        encoding: Text encoding detected (CSV only).
        delimiter: Field separator detected (CSV only).
        deferred: Personal columns left in a Parquet file: at national scale they are most of
            the memory and only the quarantine table and the duplicate check need them, for a
            few rows. :meth:`cells` reads them (:mod:`ikm_analysis._fast.parquet_cells`).
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

    @property
    def rows_read(self) -> int:
        """Number of non-blank data rows read."""
        return len(self.frame)

    @property
    def columns(self) -> tuple[str, ...]:
        """Every canonical column the file has: those in ``frame`` and the deferred ones."""
        return (*self.frame.columns, *(self.deferred.columns if self.deferred else ()))

    def cells(self, rows: Sequence[int] | pd.Index, columns: Sequence[str] | None = None
              ) -> pd.DataFrame:
        """The cells of some rows as written, deferred columns read from the file.

        Args:
            rows: Row numbers (``source_row``) of ``frame``, in any order, repeats allowed.
            columns: Canonical columns; every column the file has by default.

        Returns:
            One row per requested row number, indexed by it, one column per requested column.

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
        rows = pd.Index(rows, name="source_row")
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
