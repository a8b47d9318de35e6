r"""Read a registry export into canonical columns, values untouched, every record accounted for.

What a file holds is told from its bytes (:mod:`ikm_analysis.io.sniff`), whatever its name says:
CSV or other text (:mod:`~ikm_analysis.io.text_file`), a workbook (:mod:`~ikm_analysis.io.workbook`:
``.xlsx``, ``.xlsm``, ``.xls``, ``.ods``), a web page or XML spreadsheet saved as ``.xls``
(:mod:`~ikm_analysis.io.markup`) or Parquet (:mod:`~ikm_analysis.io.parquet_file`). In each
sheet the table is found (:mod:`~ikm_analysis.io.layout`): the header row, or two, and every
record below it. Every sheet whose header maps onto the registry's columns is read, the sheet
kept per record; the others are listed with the reason they were skipped. ``sheet=`` reads one.

No value is converted here: parsing is :mod:`ikm_analysis.clean`'s job, so a cell that cannot
be parsed can still be shown as it was written. A file that cannot be used at all raises
:class:`~ikm_analysis.exceptions.InputFileError` naming the file and what to do.

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

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ikm_analysis.exceptions import InputFileError, MissingColumnsError
from ikm_analysis.io.headers import is_blank
from ikm_analysis.io.layout import SheetTable, find_table
from ikm_analysis.io.raw import RawRegistry, ReadIssue, cell_as_written
from ikm_analysis.io.sheet import CellError, Sheet
from ikm_analysis.io.sniff import file_kind

__all__ = ["RawRegistry", "cell_as_written", "read_registry"]

#: File names people use for each kind, for messages.
SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls", ".ods", ".parquet")


def _split(value: object, count: int) -> list[object]:
    """The parts of a combined cell (``Menteng / Jekan Raya``), as many as the fields it holds."""
    if is_blank(value):
        return [None] * count
    parts = [part.strip() or None for part in str(value).split("/")]
    return (parts + [None] * count)[:count] if len(parts) >= count else [
        value, *([None] * (count - 1))]


def _columns_of(records: list[list[object]]) -> list[tuple[object, ...]]:
    """The records' cells column by column (short rows padded with ``None``)."""
    width = max(map(len, records), default=0)
    padded = [cells if len(cells) == width else [*cells, *[None] * (width - len(cells))]
              for cells in records]
    return list(zip(*padded, strict=True))


def _table_columns(table: SheetTable) -> dict[str, list[object]]:
    """The columns one table gives, by their name in the raw frame."""
    by_position = _columns_of(table.records)

    def values(position: int) -> list[object]:
        if position >= len(by_position):
            return [None] * len(table.records)
        return [None if value == "" else value for value in by_position[position]]

    plan = table.plan
    columns = {name: values(position) for name, position in plan.positions.items()}
    for name, positions in plan.parts.items():
        for number, position in enumerate(positions, start=1):
            columns[f"{name}@{number}"] = values(position)
    for name, position in plan.seconds.items():
        columns[f"{name}@2nd"] = values(position)
    if table.groups and "kelurahan" not in columns:  # the kelurahan of group heading rows
        columns["kelurahan"] = list(table.groups)
    for position, names in plan.splits.items():
        pieces = [_split(value, len(names)) for value in values(position)]
        for offset, name in enumerate(names):
            if name not in plan.positions:
                columns[name] = [piece[offset] for piece in pieces]
    return columns


def _combine(path: Path, tables: Sequence[SheetTable], details: dict[str, object]
             ) -> RawRegistry:
    """One raw registry from the tables of every sheet read."""
    scales: dict[str, float] = {}
    for table in tables:
        for name, scale in table.plan.scales.items():
            if scales.setdefault(name, scale) != scale:
                raise InputFileError(path, "inconsistent_units", header=table.plan.headers[name])
    one = len(tables) == 1
    frames, places, issues, fates, totals = [], [], [], [], []
    record = 0
    for table in tables:
        columns = _table_columns(table)
        numbers = table.rows if one else list(range(record + 1, record + 1 + len(table.rows)))
        record += len(table.rows)
        frame = pd.DataFrame({name: pd.Series(values, dtype=object)
                              for name, values in columns.items()})
        frame.index = pd.Index(numbers, name="source_row" if one else "record", dtype="int64")
        by_row = dict(zip(table.rows, numbers, strict=True))
        for name in frame.columns if table.sheet.has_errors else ():
            # error cells become issues; the cell is then empty
            errors = frame[name].map(lambda cell: isinstance(cell, CellError))
            for label in frame.index[errors.to_numpy()]:
                error = frame.loc[label, name]
                reason = "formula_without_value" if error.is_formula else "cell_error"
                issues.append(ReadIssue(int(label), name.split("@")[0], reason, error.text))
                frame.loc[label, name] = None
        for row, (reason, detail) in table.sheet.defects.items():
            if row in by_row:
                issues.append(ReadIssue(by_row[row], "", reason, detail))
        totals += [by_row[row] for row in table.rows if row in table.total_rows]
        frames.append(frame)
        places.append(pd.DataFrame({"sheet": table.sheet.name, "row": table.rows},
                                   index=frame.index))
        fates += [(table.sheet.name, fate) for fate in table.plan.fates]
    frame = pd.concat(frames) if len(frames) > 1 else frames[0]
    for name in frame.columns:  # a column one sheet lacks is empty there, not missing
        frame[name] = frame[name].astype(object)
    first = tables[0]
    headers: dict[str, str] = {}
    parts: dict[str, tuple[str, ...]] = {}
    for table in tables:
        for name, header in table.plan.headers.items():
            headers.setdefault(name, header)
        if table.groups:
            headers.setdefault("kelurahan", "(judul kelompok: KELURAHAN ...)")
        for name, positions in table.plan.parts.items():
            parts[name] = tuple(f"{name}@{n}" for n in range(1, 1 + max(
                len(positions), len(parts.get(name, ())))))
    seconds = {name: f"{name}@2nd" for table in tables for name in table.plan.seconds}
    ignored = tuple(dict.fromkeys(h for table in tables for h in table.plan.ignored))
    skipped = tuple((table.sheet.name, row, kind) for table in tables
                    for row, kind in table.skipped)
    return RawRegistry(
        frame, path, sheet=first.sheet.name if one else None, header_row=first.header_rows[-1],
        headers=headers, scales=scales, ignored_headers=ignored,
        blank_rows=sum(table.blank_rows for table in tables), total_rows=tuple(totals),
        locations=None if one else pd.concat(places), parts=parts, seconds=seconds,
        read_issues=tuple(issues), column_fates=tuple(fates),
        sheets_read=tuple(t.sheet.name for t in tables if t.sheet.name is not None),
        skipped_rows=skipped, far_cells=sum(t.sheet.far_cells for t in tables),
        **details)


def registry_from_sheets(path: Path, sheets: Sequence[Sheet], wanted: str | None = None,
                         **details: object) -> RawRegistry:
    """Read every sheet that holds a registry (or only ``wanted``) into one raw registry.

    Raises:
        InputFileError: No sheet named ``wanted``, or no sheet holds a registry (the message
            says what each sheet holds instead).
        MissingColumnsError: The only sheet with a header lacks a column every registry needs.
    """
    names = [sheet.name for sheet in sheets]
    if wanted is not None:
        if wanted not in names:
            raise InputFileError(path, "no_such_sheet", sheet=wanted,
                                 sheets=", ".join(map(str, names)))
        sheets = [sheet for sheet in sheets if sheet.name == wanted]
    tables, skipped, lacking = [], {}, []
    for sheet in sheets:
        try:
            table = find_table(sheet, path)
        except MissingColumnsError as error:
            lacking.append(error)
            skipped[sheet.name] = "missing_columns"
            continue
        if table is None:
            has_cells = any(not is_blank(cell) for row in sheet.rows for cell in row)
            skipped[sheet.name] = "no_header" if has_cells else "empty_sheet"
        elif not table.records:
            skipped[sheet.name] = "no_records"
        else:
            tables.append(table)
    if not tables:
        if lacking:
            raise lacking[0]
        if "no_records" in skipped.values():
            raise InputFileError(path, "no_records")
        if len(sheets) == 1 or sheets[0].name is None:
            raise InputFileError(path, "no_header", sheet=sheets[0].name if sheets else None)
        raise InputFileError(path, "no_registry_sheet",
                             sheets=", ".join(f"{name} ({kind})" for name, kind
                                              in skipped.items()))
    raw = _combine(path, tables, details)
    return RawRegistry(**{**raw.__dict__, "sheets_skipped": {
        name: kind for name, kind in skipped.items() if name is not None}})


def read_registry(path: str | Path, sheet: str | None = None) -> RawRegistry:
    """Read a registry export and map its headers onto the canonical schema.

    Args:
        path: A text (CSV, TSV), workbook (XLSX, XLSM, XLS, ODS) or Parquet file; what it
            holds is told from its bytes, not its name.
        sheet: Worksheet to read; by default every sheet that holds a registry.

    Returns:
        The records as written, each with its sheet and row.

    Raises:
        InputFileError: The file is missing, empty, damaged, protected, of a kind this package
            does not read, or holds no registry; the message says what to do.
        MissingColumnsError: Columns every registry needs are absent (named as offices do).
    """
    from ikm_analysis.io.markup import read_html_sheets, read_spreadsheetml_sheets
    from ikm_analysis.io.parquet_file import read_parquet_registry
    from ikm_analysis.io.text_file import decode, read_text_sheet
    from ikm_analysis.io.workbook import read_workbook_sheets

    path = Path(path)
    if not path.exists():
        raise InputFileError(path, "not_found")
    if not path.is_file():
        raise InputFileError(path, "not_a_file")
    kind = file_kind(path)
    if kind in ("empty", "encrypted", "binary", "zip"):
        raise InputFileError(path, {"zip": "not_a_workbook"}.get(kind, kind),
                             suffixes=", ".join(SUFFIXES))
    if kind == "parquet":
        return read_parquet_registry(path)
    if kind in ("xlsx", "xls", "ods"):
        return registry_from_sheets(path, read_workbook_sheets(path, kind), sheet)
    if kind in ("html", "spreadsheetml"):
        text, _ = decode(path, path.read_bytes())
        reader = read_html_sheets if kind == "html" else read_spreadsheetml_sheets
        try:
            sheets = reader(text)
        except Exception as error:  # a damaged page or XML file
            raise InputFileError(path, "damaged_markup", detail=type(error).__name__) from None
        return registry_from_sheets(path, sheets, sheet)
    text_sheet = read_text_sheet(path)
    raw = registry_from_sheets(path, [text_sheet.sheet], None, encoding=text_sheet.encoding,
                               delimiter=text_sheet.delimiter)
    hints = tuple((None, line, "separator_hint") for line in text_sheet.skipped_lines)
    return RawRegistry(**{**raw.__dict__, "skipped_rows": hints + raw.skipped_rows})
