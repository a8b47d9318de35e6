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

from pathlib import Path

from ikm_analysis.exceptions import InputFileError
from ikm_analysis.io.csv_file import read_csv_registry
from ikm_analysis.io.excel_file import read_xlsx_registry
from ikm_analysis.io.parquet_file import read_parquet_registry
from ikm_analysis.io.raw import RawRegistry, cell_as_written

__all__ = ["SUPPORTED_SUFFIXES", "RawRegistry", "cell_as_written", "read_registry"]

SUPPORTED_SUFFIXES: dict[str, str] = {
    ".csv": "csv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".parquet": "parquet",
    ".pq": "parquet",
}


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
        return read_csv_registry(path)
    if kind == "xlsx":
        return read_xlsx_registry(path, sheet)
    return read_parquet_registry(path)
