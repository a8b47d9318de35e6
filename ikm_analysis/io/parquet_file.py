"""Read a Parquet registry: typed columns as they are, personal columns left in the file.

Example:
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ikm.parquet"
    >>> pd.DataFrame({"ID": ["A1"], "Nama Usaha": ["Kue Ibu"], "Kelurahan": ["Menteng"],
    ...               "KBLI": ["10792"], "Tahun": [2021], "Status": ["aktif"],
    ...               "NIK": ["0011"]}).to_parquet(path)
    >>> raw = read_parquet_registry(path)
    >>> raw.frame.columns.tolist()[-1], raw.deferred.columns
    ('status', {'owner_nik': 'NIK'})
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ikm_analysis._fast.parquet_cells import DeferredColumns, file_stamp
from ikm_analysis.exceptions import InputFileError, MissingColumnsError
from ikm_analysis.io.headers import ColumnFate, plan_columns
from ikm_analysis.io.raw import RawRegistry
from ikm_analysis.io.schema import CODED_COLUMNS, PERSONAL_COLUMNS


def _is_nested(kind: pa.DataType) -> bool:
    return pa.types.is_nested(kind) or (pa.types.is_dictionary(kind) and pa.types.is_nested(
        kind.value_type))


def _decimals_as_floats(table: pa.Table) -> pa.Table:
    """DECIMAL columns (money written by a database) as floats, like every other amount."""
    for position, column in enumerate(table.schema):
        if pa.types.is_decimal(column.type):
            table = table.set_column(position, column.name,
                                     table.column(position).cast(pa.float64()))
    return table


def read_parquet_registry(path: Path) -> RawRegistry:
    """Read a Parquet registry: header names mapped, blank records skipped.

    Columns of lists or structures cannot hold a registry field: they are reported
    (``nested``) and never read.

    Raises:
        InputFileError: The file is damaged or not Parquet.
        MissingColumnsError: Required columns are absent.
    """
    try:
        schema = pq.read_schema(path)
        nested = {name for name in schema.names if _is_nested(schema.field(name).type)}
        plan = plan_columns(["" if name in nested else name for name in schema.names], path)
        file_name = {name: schema.names[i] for name, i in plan.positions.items()}
        # Personal columns stay in the file until a quarantine line or a duplicate needs them;
        # coded text (30 kelurahan, a few status words) is read as categorical. Ignored columns
        # are never read.
        deferred = {name: column for name, column in file_name.items()
                    if name in PERSONAL_COLUMNS}
        read_now = [column for name, column in file_name.items() if name not in deferred]
        coded = [file_name[name] for name in CODED_COLUMNS if name in file_name
                 and (pa.types.is_string(schema.field(file_name[name]).type)
                      or pa.types.is_large_string(schema.field(file_name[name]).type))]
        stamp = file_stamp(path)
        # The Arrow table is not kept in a name: it is freed as soon as the frame is made, so
        # the release below hands its ~600 MB (at 10M rows) back instead of leaving them to the
        # allocator, where cleaning could not reuse them (peak +650 MiB, a slower clean).
        frame = _decimals_as_floats(
            pq.read_table(path, columns=read_now, read_dictionary=coded)).to_pandas()
    except (InputFileError, MissingColumnsError):
        raise
    except Exception as error:  # pyarrow raises many types for damaged files
        raise InputFileError(path, "damaged_parquet", detail=str(error)[:120]) from None
    finally:
        pa.default_memory_pool().release_unused()  # decoding buffers go back to the system
    frame.columns = [name for name in file_name if name not in deferred]
    frame.index = pd.RangeIndex(1, len(frame) + 1, name="source_row")
    fates = [*plan.fates, *(ColumnFate(schema.names.index(name), name, "nested")
                            for name in nested)]
    registry = RawRegistry(frame, path, None, None, plan.headers, plan.scales,
                           tuple(f.header for f in sorted(fates, key=lambda f: f.position)
                                 if f.fate in ("ignored", "nested")),
                           deferred=DeferredColumns(path, deferred, stamp) if deferred else None,
                           column_fates=tuple((None, fate) for fate in
                                              sorted(fates, key=lambda f: f.position)))
    blank_mask = _all_cells_missing(frame)
    if deferred and blank_mask.any():  # blank so far; blank only if the personal cells are too
        personal = registry.cells(frame.index[blank_mask], list(deferred))
        blank_mask[personal.index] = personal.isna().all(axis=1).to_numpy()
    blank = int(blank_mask.sum())
    if blank:  # copying every column only when there is something to drop
        registry = replace(registry, frame=frame.loc[~blank_mask], blank_rows=blank)
    return registry


def _all_cells_missing(frame: pd.DataFrame) -> pd.Series:
    """Rows whose every cell is missing; column by column, stopping when no row is left.

    A registry's first column (the unit number) is rarely empty, so this usually reads one
    column instead of building a missing-mask of the whole table.
    """
    is_blank = np.ones(len(frame), dtype=bool)
    for position in range(frame.shape[1]):
        if not is_blank.any():
            break
        is_blank &= frame.iloc[:, position].isna().to_numpy()
    return pd.Series(is_blank, index=frame.index)


