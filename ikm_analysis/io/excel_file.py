"""Read an Excel workbook (``.xlsx``, ``.xlsm``): the first sheet with a header row, or a named one.

Example:
    >>> import tempfile, pathlib
    >>> from openpyxl import Workbook
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ikm.xlsx"
    >>> book = Workbook()
    >>> book.active.append(["ID", "Nama Usaha", "Kel.", "KBLI", "Tahun", "Status"])
    >>> book.active.append(["A1", "Kue Ibu", "Menteng", "10792", 2021, "aktif"])
    >>> book.save(path)
    >>> read_xlsx_registry(path, None).frame.loc[2, "kelurahan"]
    'Menteng'
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ikm_analysis.exceptions import InputFileError
from ikm_analysis.io.headers import no_header_error, registry_from_rows
from ikm_analysis.io.raw import RawRegistry


def read_xlsx_registry(path: Path, sheet: str | None) -> RawRegistry:
    """Read a workbook: ``sheet``, or the first sheet with a header row.

    Raises:
        InputFileError: Not a workbook, no such sheet, or no header row in any sheet.
        MissingColumnsError: Required columns are absent.
    """
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
            registry = registry_from_rows(rows, path, sheet=name)
            if registry is not None:
                return registry
    finally:
        workbook.close()
    where = f" in sheet {sheet!r}" if sheet else f" in any sheet ({', '.join(names)})"
    raise no_header_error(path, where)


