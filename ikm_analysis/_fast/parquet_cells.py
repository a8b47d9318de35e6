"""Columns of a Parquet registry left in the file until a few of their rows are needed.

At national scale the personal columns (owner, NIK, phone, address) are most of a registry's
memory, and only the quarantine table and the exact-duplicate check read them, for a few rows.
:class:`DeferredColumns` reads those rows from the file on demand, one row group at a time, and
refuses if the file changed since it was first read (A28).

Example:
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ikm.parquet"
    >>> pq.write_table(pa.table({"NIK": ["0011", "0022", "0033"]}), path)
    >>> deferred = DeferredColumns.of(path, {"owner_nik": "NIK"})
    >>> deferred.read(np.array([2, 0]), ["owner_nik"])["owner_nik"].tolist()
    ['0033', '0011']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ikm_analysis.exceptions import InputFileError


def file_stamp(path: Path) -> tuple[int, int]:
    """Size and modification time of a file: it is the same file while they are the same."""
    status = path.stat()
    return status.st_size, status.st_mtime_ns


@dataclass(frozen=True)
class DeferredColumns:
    """Columns of one Parquet file, read row by row when asked.

    Attributes:
        path: The Parquet file.
        columns: Canonical name -> column name in the file.
        stamp: :func:`file_stamp` when the file was first read.
    """

    path: Path
    columns: dict[str, str]
    stamp: tuple[int, int]

    @classmethod
    def of(cls, path: Path, columns: Mapping[str, str]) -> DeferredColumns:
        """Defer ``columns`` of the file at ``path`` as it is now."""
        return cls(Path(path), dict(columns), file_stamp(Path(path)))

    def read(self, positions: np.ndarray, names: Sequence[str]) -> pd.DataFrame:
        """The cells of ``names`` at record ``positions`` (from 0), in the order asked.

        Raises:
            InputFileError: The file changed since it was first read.
        """
        if file_stamp(self.path) != self.stamp:
            raise InputFileError(self.path, "changed")
        read = _read_rows(self.path, [self.columns[name] for name in names], positions)
        read.columns = list(names)
        return read


def _read_rows(path: Path, columns: Sequence[str], positions: np.ndarray) -> pd.DataFrame:
    """Cells of ``columns`` at record ``positions`` (from 0), one row group in memory at a time."""
    parquet = pq.ParquetFile(path)
    order = np.argsort(positions, kind="stable")
    wanted = positions[order]
    pieces, start = [], 0
    for group in range(parquet.num_row_groups):
        size = parquet.metadata.row_group(group).num_rows
        low, high = np.searchsorted(wanted, [start, start + size])
        if high > low:
            table = parquet.read_row_group(group, columns=list(columns))
            pieces.append(table.take(wanted[low:high] - start))
        start += size
    if not pieces:
        return pq.read_schema(path).empty_table().select(list(columns)).to_pandas()
    frame = pa.concat_tables(pieces).to_pandas()
    return frame.iloc[np.argsort(order, kind="stable")].reset_index(drop=True)
