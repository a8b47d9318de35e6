"""Read the sheets of a workbook (``.xlsx``, ``.xlsm``, ``.xls``, ``.ods``) as Excel shows them.

Cells are read with python-calamine, which reads a workbook several times faster than
openpyxl. An Office Open XML sheet is first scanned for what calamine does not report or
cannot bear:

* the real extent of the sheet, whatever its ``<dimension>`` record says: a stray cell at
  ``XFD1048576`` would make calamine allocate the whole grid, so such a sheet is read cell by
  cell instead (:func:`_sparse_rows`, openpyxl's streaming parser), memory bounded by the cells
  present, and the far cells are counted, not read;
* error cells (``#N/A``, ``#REF!``) and formulas whose value was never saved, which calamine
  shows as empty: a simple formula (arithmetic, ``SUM``) is worked out
  (:func:`evaluate_formula`); the others become :class:`~ikm_analysis.io.sheet.CellError` cells,
  so a row that needs them is quarantined with the reason instead of looking empty;
* merged ranges, so that a kelurahan merged down over its rows is read on every row.

Example:
    >>> import tempfile, pathlib
    >>> from openpyxl import Workbook
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ikm.xlsx"
    >>> book = Workbook()
    >>> book.active.append(["Kel.", "Nama Usaha"])
    >>> book.active.append(["Menteng", "Kue"])
    >>> book.active["A3"] = "=NA()"
    >>> book.save(path)
    >>> sheet = read_workbook_sheets(path, "xlsx")[0]
    >>> sheet.rows[1], sheet.rows[2][0]
    (['Menteng', 'Kue'], CellError(text='=NA()', is_formula=True))
"""

from __future__ import annotations

import ast
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

from ikm_analysis.exceptions import InputFileError
from ikm_analysis.io.sheet import CellError, Sheet

#: A sheet whose cells span more than this many grid cells, while holding few of them, is read
#: cell by cell (a full grid of it would not fit in memory).
GRID_LIMIT = 4_000_000
#: Columns read in a sheet read cell by cell; cells further right are counted, not read.
WIDTH_LIMIT = 1024

_MERGE = re.compile(rb'<mergeCell ref="([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})"')
_VALUE = re.compile(rb"<v>(.*?)</v>", re.S)
_FORMULA = re.compile(rb"<f[^>]*?(?:/>|>(.*?)</f>)", re.S)
_NS = {"main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "rel": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "pkg": "http://schemas.openxmlformats.org/package/2006/relationships"}


def column_index(letters: bytes | str) -> int:
    """A column's letters as its position from 0 (``A`` -> 0, ``XFD`` -> 16383).

    Example:
        >>> column_index("A"), column_index("AB"), column_index("XFD")
        (0, 27, 16383)
    """
    if isinstance(letters, bytes):
        letters = letters.decode()
    number = 0
    for letter in letters:
        number = number * 26 + (ord(letter) - 64)
    return number - 1


@dataclass
class _SheetScan:
    """What the XML of one sheet holds beside its values.

    ``cells`` is counted only for a sheet whose grid exceeds :data:`GRID_LIMIT` (0 otherwise).
    """

    cells: int = 0
    last_row: int = 0
    last_column: int = -1
    errors: dict[tuple[int, int], CellError] = field(default_factory=dict)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)

    @property
    def grid(self) -> int:
        return self.last_row * (self.last_column + 1)

    @property
    def is_sparse(self) -> bool:
        """Whether the sheet must be read cell by cell: a large grid with few cells in it."""
        return self.grid > GRID_LIMIT and self.grid > 20 * max(self.cells, 1)


_ROW = re.compile(rb'<row r="([0-9]{1,7})"')
_COLUMN = re.compile(rb'<c r="([A-Z]{1,3})[0-9]')
_WIDE_COLUMN = re.compile(rb'<c r="([A-Z]{2,3})[0-9]')
_ERROR_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"[^>]*?t="e"[^>]*>(.*?)</c>', re.S)
_FORMULA_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"[^>]*>(<f[^>]*?(?:/>|>.*?</f>))'
                           rb'(.*?)</c>', re.S)


def _scan(xml: bytes) -> _SheetScan:
    """A sheet's real extent, its error cells, unsaved formulas and merged ranges, from its XML.

    The extent comes from the cells present (``<dimension>`` may be stale); the regular
    expressions run over the bytes, so a large sheet costs a few hundredths of a second.
    """
    scan = _SheetScan()
    last = xml.rfind(b'<row r="')  # rows come in order: the last one is the furthest down
    if last >= 0:
        scan.last_row = int(_ROW.match(xml, last).group(1))
    wide = set(_WIDE_COLUMN.findall(xml))  # A-Z need no look: only these reach further right
    has_errors, has_formulas = b't="e"' in xml, b"<f" in xml
    has_merges = xml.find(b"<mergeCells", max(xml.rfind(b"</sheetData>"), 0)) >= 0
    scan.last_column = max((column_index(letters) for letters in wide), default=-1)
    if scan.last_column < 25 and scan.last_row * 26 > GRID_LIMIT:  # columns A-Z: which one?
        scan.last_column = max((column_index(letters) for letters
                                in set(_COLUMN.findall(xml))), default=-1)
    elif scan.last_column < 25:
        scan.last_column = 25  # at most Z: a bound is enough below the limit
    if scan.grid > GRID_LIMIT:
        scan.cells = xml.count(b"<c r=")
    if has_errors:
        for match in _ERROR_CELL.finditer(xml):
            value = _VALUE.search(match.group(3))
            scan.errors[(int(match.group(2)), column_index(match.group(1)))] = CellError(
                value.group(1).decode(errors="replace") if value else "#ERROR")
    if has_formulas:
        for match in _FORMULA_CELL.finditer(xml):
            if _VALUE.search(match.group(4)):
                continue  # the value was saved
            formula = _FORMULA.search(match.group(3))
            text = (formula.group(1) or b"").decode(errors="replace") if formula else ""
            scan.errors[(int(match.group(2)), column_index(match.group(1)))] = CellError(
                "=" + text, is_formula=True)
    if not has_merges:
        return scan
    for match in _MERGE.finditer(xml):
        scan.merged.append((int(match.group(2)), column_index(match.group(1)),
                            int(match.group(4)), column_index(match.group(3))))
    return scan


def _sheet_parts(archive: zipfile.ZipFile) -> list[tuple[str, str, bool]]:
    """(name, path of its XML in the archive, hidden) of every worksheet, in workbook order."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    target = {item.get("Id"): item.get("Target") for item in relations}
    parts = []
    for sheet in workbook.iterfind("main:sheets/main:sheet", _NS):
        relation = sheet.get(f"{{{_NS['rel']}}}id")
        where = target.get(relation, "")
        where = where.lstrip("/") if where.startswith("/") else str(
            PurePosixPath("xl") / where)
        parts.append((sheet.get("name"), where, sheet.get("state") in ("hidden", "veryHidden")))
    return parts


def _sparse_rows(path: Path, name: str) -> tuple[dict[int, dict[int, object]], int]:
    """The cells a sheet holds, row -> column -> value, read one by one.

    Cells beyond :data:`WIDTH_LIMIT` are counted, not read.
    """
    from openpyxl import load_workbook
    from openpyxl.worksheet._reader import WorkSheetParser

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book[name]
        rows: dict[int, dict[int, object]] = {}
        far = 0
        with sheet._get_source() as source:  # the parser the read-only sheet uses, unpadded
            parser = WorkSheetParser(source, sheet._shared_strings, data_only=True,
                                     epoch=book.epoch, date_formats=book._date_formats,
                                     timedelta_formats=book._timedelta_formats)
            for number, cells in parser.parse():
                for cell in cells:
                    if cell["value"] is None:
                        continue
                    if cell["column"] > WIDTH_LIMIT:
                        far += 1
                        continue
                    rows.setdefault(number, {})[cell["column"] - 1] = cell["value"]
        return rows, far
    finally:
        book.close()


def _calamine_rows(book: object, name: str) -> list[list[object]]:
    """The rows calamine reads; an empty cell is ``""`` (read as blank everywhere)."""
    return book.get_sheet_by_name(name).to_python(skip_empty_area=False)


_REFERENCE = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]{1,7})")
_SUM = re.compile(r"SUM\(([^()]*)\)", re.IGNORECASE)
_ARITHMETIC = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Constant, ast.Add, ast.Sub,
               ast.Mult, ast.Div, ast.USub, ast.UAdd)


def _number_at(rows: list[list[object]], row: int, column: int) -> float:
    cell = rows[row - 1][column] if row <= len(rows) and column < len(rows[row - 1]) else None
    if cell is None:
        return 0.0
    if isinstance(cell, bool) or not isinstance(cell, int | float):
        raise ValueError("not a number")
    return float(cell)


def _range_sum(rows: list[list[object]], text: str) -> float:
    total = 0.0
    for part in text.split(","):
        ends = _REFERENCE.findall(part)
        if len(ends) == 1:
            total += _number_at(rows, int(ends[0][1]), column_index(ends[0][0]))
        elif len(ends) == 2:
            (c1, r1), (c2, r2) = ends
            for row in range(int(r1), int(r2) + 1):
                for column in range(column_index(c1), column_index(c2) + 1):
                    total += _number_at(rows, row, column)
        else:
            raise ValueError("not a range")
    return total


def evaluate_formula(formula: str, rows: list[list[object]]) -> float | None:
    """The value of a simple formula whose result was never saved; ``None`` when not simple.

    Workbooks written by a program (not by Excel) often keep formulas without their values.
    Arithmetic (``+ - * /``) on numbers and cells of the same sheet, and ``SUM`` of cells or
    ranges, are worked out here; anything else is left to the cell's error.

    Example:
        >>> evaluate_formula("=B1+C1*2", [[None, 3.0, 4.0]])
        11.0
        >>> evaluate_formula("=SUM(B1:C1)", [[None, 3.0, 4.0]]), evaluate_formula("=NOW()", [])
        (7.0, None)
    """
    try:
        text = _SUM.sub(lambda match: repr(_range_sum(rows, match.group(1))),
                        formula.lstrip("="))
        text = _REFERENCE.sub(lambda match: repr(_number_at(
            rows, int(match.group(2)), column_index(match.group(1)))), text)
        tree = ast.parse(text, mode="eval")
        if not all(isinstance(node, _ARITHMETIC) for node in ast.walk(tree)):
            return None
        value = eval(compile(tree, "<formula>", "eval"), {"__builtins__": {}})
    except (ValueError, SyntaxError, ZeroDivisionError, IndexError, TypeError):
        return None
    return float(value)


def _read_xlsx(path: Path) -> list[Sheet]:
    import python_calamine

    try:
        with zipfile.ZipFile(path) as archive:
            parts = _sheet_parts(archive)
            scans = [_scan(archive.read(part)) if part in archive.namelist() else _SheetScan()
                     for _, part, _ in parts]
        book = python_calamine.CalamineWorkbook.from_path(str(path))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError, EOFError) as error:
        raise InputFileError(path, "damaged_workbook", detail=type(error).__name__) from None
    except Exception as error:  # calamine raises its own types for damaged archives
        raise InputFileError(path, "damaged_workbook", detail=str(error)[:80]) from None
    sheets = []
    for (name, _, hidden), scan in zip(parts, scans, strict=True):
        far = 0
        if scan.is_sparse:
            sparse, far = _sparse_rows(path, name)
            width = 1 + max((max(cells) for cells in sparse.values()), default=-1)
            last = max(sparse, default=0)
            rows = [[sparse.get(number, {}).get(column) for column in range(width)]
                    for number in range(1, last + 1)]
        else:
            try:
                rows = _calamine_rows(book, name)
            except Exception as error:
                raise InputFileError(path, "damaged_workbook", sheet=name,
                                     detail=str(error)[:80]) from None
        last_error_row = max((row for row, _ in scan.errors), default=0)
        rows += [[] for _ in range(last_error_row - len(rows))]  # rows holding only errors
        for (row, column), error in scan.errors.items():
            if row <= len(rows) and column < WIDTH_LIMIT:
                cells = rows[row - 1]
                if len(cells) <= column:
                    cells.extend([None] * (column + 1 - len(cells)))
                cells[column] = error
        for (row, column), error in sorted(scan.errors.items()):  # top to bottom: a total last
            if error.is_formula and row <= len(rows):
                value = evaluate_formula(error.text, rows)
                if value is not None:
                    rows[row - 1][column] = value
        sheets.append(Sheet(name, rows, list(range(1, len(rows) + 1)), tuple(scan.merged),
                            hidden, far_cells=far, has_errors=any(
                                isinstance(rows[row - 1][column], CellError)
                                for row, column in scan.errors
                                if row <= len(rows) and column < len(rows[row - 1]))))
    return sheets


def _read_other(path: Path) -> list[Sheet]:
    """``.xls`` and ``.ods``: calamine reads values and merges; hidden sheets from its list."""
    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        sheets = []
        for meta in book.sheets_metadata:
            if "WorkSheet" not in str(meta.typ):
                continue
            sheet = book.get_sheet_by_name(meta.name)
            rows = [[None if cell == "" else cell for cell in row]
                    for row in sheet.to_python(skip_empty_area=False)]
            merged = tuple((first[0] + 1, first[1], last[0] + 1, last[1])
                           for first, last in (sheet.merged_cell_ranges or ()))
            sheets.append(Sheet(meta.name, rows, list(range(1, len(rows) + 1)), merged,
                                "Visible" not in str(meta.visible)))
        return sheets
    except InputFileError:
        raise
    except Exception as error:  # calamine raises its own types for damaged files
        raise InputFileError(path, "damaged_workbook", detail=str(error)[:80]) from None


def read_workbook_sheets(path: Path, kind: str) -> list[Sheet]:
    """Every worksheet of a workbook, in workbook order.

    Args:
        path: The workbook.
        kind: ``xlsx`` (also ``.xlsm``), ``xls`` or ``ods``, as
            :func:`~ikm_analysis.io.sniff.file_kind` tells it.

    Raises:
        InputFileError: The workbook is damaged.
    """
    return _read_xlsx(path) if kind == "xlsx" else _read_other(path)
