r"""Read a registry export (CSV, XLSX or Parquet) into canonical columns, values untouched.

Office exports are not tidy: a title and a date above the table, headers such as ``Kel.`` or
``Jml TK``, a ``Jumlah`` line at the bottom, semicolons as CSV separators, Windows-1252 text.
:func:`read_registry` finds the header row (the row, among the first 30, that names the most
canonical columns), maps the headers onto :data:`ikm_analysis.io.schema.REGISTRY_COLUMNS`, and
returns every non-blank row below it with its row number in the file. It converts no value:
parsing is :mod:`ikm_analysis.clean.pipeline`'s job, so a cell that cannot be parsed can still be
shown as it was written.

A file that cannot be read at all raises :class:`~ikm_analysis.exceptions.InputFileError` (or
:class:`~ikm_analysis.exceptions.MissingColumnsError`) with the file name in the message.

Example:
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ikm.csv"
    >>> _ = path.write_text("DATA IKM 2024\nNo;ID;Nama Usaha;Kel.;KBLI;Tahun;Status\n"
    ...                     "1;A1;Kue Ibu;Menteng;10792;2021;aktif\n", encoding="utf-8")
    >>> raw = read_registry(path)
    >>> raw.header_row, raw.frame.loc[3, "kelurahan"], raw.ignored_headers
    (2, 'Menteng', ('No',))
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ikm_analysis.exceptions import InputFileError, MissingColumnsError
from ikm_analysis.folding import fold_text
from ikm_analysis.io.schema import (
    CODED_COLUMNS,
    PERSONAL_COLUMNS,
    REQUIRED_COLUMNS,
    REQUIRED_ONE_OF,
    accepted_headers,
    match_header,
)

SUPPORTED_SUFFIXES: dict[str, str] = {
    ".csv": "csv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".parquet": "parquet",
    ".pq": "parquet",
}
HEADER_SEARCH_ROWS = 30
MIN_HEADER_MATCHES = 3
CSV_DELIMITERS = (",", ";", "\t", "|")
TOTAL_ROW_WORDS = frozenset(
    {"jumlah", "total", "jumlah total", "total keseluruhan", "jumlah keseluruhan", "grand total"}
)


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
        deferred: Personal columns left in a Parquet file, canonical name -> column in the
            file: at national scale they are most of the memory and only the quarantine table
            and the duplicate check need them, for a few rows. :meth:`cells` reads them.
        file_stamp: Size and modification time of a Parquet file when it was read; a deferred
            column is read only from the same file.
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
    deferred: dict[str, str] = field(default_factory=dict)
    file_stamp: tuple[int, int] | None = None

    @property
    def rows_read(self) -> int:
        """Number of non-blank data rows read."""
        return len(self.frame)

    @property
    def columns(self) -> tuple[str, ...]:
        """Every canonical column the file has: those in ``frame`` and the deferred ones."""
        return (*self.frame.columns, *self.deferred)

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
        later = [c for c in columns if c in self.deferred]
        if later:
            if self.file_stamp != _file_stamp(self.path):
                raise InputFileError(self.path, "changed since it was read; read it again")
            positions = rows.to_numpy(dtype="int64") - 1  # Parquet rows number records from 1
            read = _read_parquet_rows(self.path, [self.deferred[c] for c in later], positions)
            for name, column in zip(later, read.columns, strict=True):
                cells[name] = pd.Series(read[column].array, index=cells.index)
        return cells[columns]


@dataclass(frozen=True)
class _HeaderMap:
    positions: dict[str, int]
    headers: dict[str, str]
    scales: dict[str, float]
    ignored: tuple[str, ...]


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, float) and value != value
    )


def _header_score(cells: Sequence[object]) -> int:
    matches = {match_header(cell) for cell in cells if not _is_blank(cell)}
    return len({m.column for m in matches if m is not None})


def _map_headers(cells: Sequence[object], path: Path) -> _HeaderMap:
    positions: dict[str, int] = {}
    headers: dict[str, str] = {}
    scales: dict[str, float] = {}
    ignored: list[str] = []
    for position, cell in enumerate(cells):
        if _is_blank(cell):
            continue
        written = str(cell).strip()
        match = match_header(written)
        if match is None:
            ignored.append(written)
            continue
        if match.column in positions:
            raise InputFileError(
                path,
                f"columns {headers[match.column]!r} and {written!r} both mean "
                f"{match.column}; rename or delete one of them",
            )
        positions[match.column] = position
        headers[match.column] = written
        scales[match.column] = match.scale
    missing = [name for name in REQUIRED_COLUMNS if name not in positions]
    missing += ["/".join(group) for group in REQUIRED_ONE_OF
                if not any(name in positions for name in group)]
    if missing:
        hints = "; ".join(
            f"{name}: {' or '.join(accepted_headers(part) for part in name.split('/'))}"
            for name in missing
        )
        raise MissingColumnsError(
            path, missing, f"Headers found: {', '.join(map(repr, headers.values()))}. "
                           f"Accepted header names: {hints}"
        )
    return _HeaderMap(positions, headers, scales, tuple(ignored))


def _find_header_row(rows: Sequence[Sequence[object]]) -> tuple[int, int]:
    """Index and score of the best header candidate among the first rows (first best wins)."""
    best_index, best_score = -1, 0
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = _header_score(cells)
        if score > best_score:
            best_index, best_score = index, score
    return best_index, best_score


def _no_header_error(path: Path, where: str = "") -> InputFileError:
    return InputFileError(
        path,
        f"no header row found{where}: none of the first {HEADER_SEARCH_ROWS} rows names at least "
        f"{MIN_HEADER_MATCHES} known columns (such as ID, Nama Usaha, Kelurahan, KBLI, Tahun, "
        "Status)",
    )


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


def _frame_from_rows(
    rows: Sequence[Sequence[object]], header_index: int, header: _HeaderMap
) -> tuple[pd.DataFrame, int, tuple[int, ...]]:
    """Build the raw frame from the rows below the header; count blank and total rows."""
    records: dict[str, list[object]] = {name: [] for name in header.positions}
    row_numbers: list[int] = []
    total_rows: list[int] = []
    blank = 0
    for offset, cells in enumerate(rows[header_index + 1:], start=header_index + 1):
        filled = [cell for cell in cells if not _is_blank(cell)]
        if not filled:
            blank += 1
            continue
        row_number = offset + 1  # spreadsheet rows count from 1
        row_numbers.append(row_number)
        if fold_text(filled[0]) in TOTAL_ROW_WORDS:
            total_rows.append(row_number)
        for name, position in header.positions.items():
            records[name].append(cells[position] if position < len(cells) else None)
    frame = pd.DataFrame(
        {name: pd.Series(values, dtype=object) for name, values in records.items()}
    )
    frame.index = pd.Index(row_numbers, name="source_row", dtype="int64")
    return frame, blank, tuple(total_rows)


def _registry_from_rows(
    rows: Sequence[Sequence[object]], path: Path, **details: str | None
) -> RawRegistry | None:
    """Find the header among ``rows`` and build the registry; ``None`` when there is no header."""
    header_index, score = _find_header_row(rows)
    if score < MIN_HEADER_MATCHES:
        return None
    header = _map_headers(rows[header_index], path)
    frame, blank, totals = _frame_from_rows(rows, header_index, header)
    return RawRegistry(frame, path, header_row=header_index + 1, headers=header.headers,
                       scales=header.scales, ignored_headers=header.ignored, blank_rows=blank,
                       total_rows=totals, **details)


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputFileError(path, "text is neither UTF-8 nor Windows-1252; save it as UTF-8 CSV")


def _read_csv(path: Path) -> RawRegistry:
    text, encoding = _decode(path, path.read_bytes())
    head = "\n".join(text.split("\n", HEADER_SEARCH_ROWS)[:HEADER_SEARCH_ROWS])
    delimiter = max(  # the separator under which some row looks most like a header; "," on ties
        CSV_DELIMITERS,
        key=lambda d: _find_header_row(list(csv.reader(io.StringIO(head), delimiter=d)))[1],
    )
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise InputFileError(path, f"not a readable CSV file: {error}") from None
    registry = _registry_from_rows(rows, path, encoding=encoding, delimiter=delimiter)
    if registry is None:
        raise _no_header_error(path)
    return registry


def _read_xlsx(path: Path, sheet: str | None) -> RawRegistry:
    from openpyxl import load_workbook  # imported here: only XLSX users pay for it

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        raise InputFileError(path, f"cannot be opened as an Excel workbook ({error})") from None
    try:
        names = workbook.sheetnames
        if sheet is not None and sheet not in names:
            raise InputFileError(path, f"no sheet named {sheet!r}; sheets: {', '.join(names)}")
        for name in [sheet] if sheet is not None else names:
            rows = [list(r) for r in workbook[name].iter_rows(min_row=1, values_only=True)]
            registry = _registry_from_rows(rows, path, sheet=name)
            if registry is not None:
                return registry
    finally:
        workbook.close()
    where = f" in sheet {sheet!r}" if sheet else f" in any sheet ({', '.join(names)})"
    raise _no_header_error(path, where)


def _file_stamp(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_size, status.st_mtime_ns


def _read_parquet(path: Path) -> RawRegistry:
    try:
        schema = pq.read_schema(path)
        header = _map_headers(schema.names, path)
        file_name = {name: schema.names[i] for name, i in header.positions.items()}
        # Personal columns stay in the file until a quarantine line or a duplicate needs them;
        # coded text (30 kelurahan, a few status words) is read as categorical. Ignored columns
        # are never read.
        deferred = {name: column for name, column in file_name.items()
                    if name in PERSONAL_COLUMNS}
        read_now = [column for name, column in file_name.items() if name not in deferred]
        coded = [file_name[name] for name in CODED_COLUMNS if name in file_name
                 and (pa.types.is_string(schema.field(file_name[name]).type)
                      or pa.types.is_large_string(schema.field(file_name[name]).type))]
        stamp = _file_stamp(path)
        frame = pq.read_table(path, columns=read_now, read_dictionary=coded).to_pandas()
    except (InputFileError, MissingColumnsError):
        raise
    except Exception as error:  # pyarrow raises many types for damaged files
        raise InputFileError(path, f"cannot be read as Parquet ({error})") from None
    finally:
        pa.default_memory_pool().release_unused()  # decoding buffers go back to the system
    frame.columns = [name for name in file_name if name not in deferred]
    frame.index = pd.RangeIndex(1, len(frame) + 1, name="source_row")
    registry = RawRegistry(frame, path, None, None, header.headers, header.scales,
                           header.ignored, deferred=deferred, file_stamp=stamp)
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


def _read_parquet_rows(
    path: Path, columns: Sequence[str], positions: np.ndarray
) -> pd.DataFrame:
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


def read_registry(path: str | Path, sheet: str | None = None) -> RawRegistry:
    """Read a registry export and map its headers onto the canonical schema.

    Args:
        path: A ``.csv``/``.txt`` (UTF-8 or Windows-1252; ``,`` ``;`` tab or ``|`` separated),
            ``.xlsx``/``.xlsm`` or ``.parquet`` file.
        sheet: Worksheet to read; by default the first sheet with a recognisable header row.

    Returns:
        The rows as written, with their row numbers.

    Raises:
        InputFileError: The file is missing, of an unsupported type, damaged, or has no header.
        MissingColumnsError: Required columns are absent (listed by name).
    """
    path = Path(path)
    if not path.exists():
        raise InputFileError(path, "file not found")
    if not path.is_file():
        raise InputFileError(path, "is not a file")
    kind = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        hint = " (save old .xls workbooks as .xlsx)" if path.suffix.lower() == ".xls" else ""
        raise InputFileError(
            path,
            f"unsupported file type {path.suffix!r}{hint}; use one of "
            + ", ".join(sorted(SUPPORTED_SUFFIXES)),
        )
    if kind == "csv":
        return _read_csv(path)
    if kind == "xlsx":
        return _read_xlsx(path, sheet)
    return _read_parquet(path)
