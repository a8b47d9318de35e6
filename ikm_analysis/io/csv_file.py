r"""Read a CSV export (UTF-8 or Windows-1252; ``,`` ``;`` tab or ``|`` separated).

Example:
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ikm.csv"
    >>> _ = path.write_text("ID;Nama Usaha;Kel.;KBLI;Tahun;Status\n"
    ...                     "A1;Kue Ibu;Menteng;10792;2021;aktif\n", encoding="cp1252")
    >>> raw = read_csv_registry(path)
    >>> raw.delimiter, raw.encoding, raw.frame.loc[2, "business_name"]
    (';', 'utf-8-sig', 'Kue Ibu')
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ikm_analysis.exceptions import InputFileError
from ikm_analysis.io.headers import (
    HEADER_SEARCH_ROWS,
    find_header_row,
    no_header_error,
    registry_from_rows,
)
from ikm_analysis.io.raw import RawRegistry

CSV_DELIMITERS = (",", ";", "\t", "|")


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputFileError(path, "text is neither UTF-8 nor Windows-1252; save it as UTF-8 CSV")


def read_csv_registry(path: Path) -> RawRegistry:
    """Read a CSV export: encoding and separator detected, header row found.

    Raises:
        InputFileError: Unknown encoding, unreadable CSV, or no header row.
        MissingColumnsError: Required columns are absent.
    """
    text, encoding = _decode(path, path.read_bytes())
    head = "\n".join(text.split("\n", HEADER_SEARCH_ROWS)[:HEADER_SEARCH_ROWS])
    delimiter = max(  # the separator under which some row looks most like a header; "," on ties
        CSV_DELIMITERS,
        key=lambda d: find_header_row(list(csv.reader(io.StringIO(head), delimiter=d)))[1],
    )
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise InputFileError(path, f"not a readable CSV file: {error}") from None
    registry = registry_from_rows(rows, path, encoding=encoding, delimiter=delimiter)
    if registry is None:
        raise no_header_error(path)
    return registry


